/**
 * A stay's decreed cases on a phone, in Chromium: the social worker opens a client's stay, sees the
 * Banjarmasin 9 case its intake filed and follows the link to the case page, asks "Rujuk ke panti"
 * without the client's photo (refused beside that box), then files Banjarmasin 11 and sees it listed;
 * the page in English and on a laptop. Every page passes axe, obeys the CSP and fits.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TEST_DB } from '../support/db.js';
import type { TestApp } from '../support/app.js';
import { assertSound, browserHarness, screenshotFor, signedInPage } from '../support/browser.js';
import { actorFor } from '../letters/helpers.js';
import { createShelter } from '../../src/usecases/shelters/create-shelter.js';
import { recordIntake } from '../../src/usecases/shelters/record-intake.js';
import { decideIntake } from '../../src/usecases/shelters/decide-intake.js';
import { checkInClient } from '../../src/usecases/shelters/check-in-client.js';

const BJM = 'kota-banjarmasin';
const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 800 };

describe(`a stay's decreed cases on a phone (${TEST_DB})`, () => {
  let h: Awaited<ReturnType<typeof browserHarness>>;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const clock = new Date('2025-03-03T02:00:00Z'); // Mon 3 Mar 2025 10:00 WITA
  let stayId = '';
  let intakeCase = '';
  const contexts: BrowserContext[] = [];
  before(async () => {
    h = await browserHarness({ now: () => clock });
    ({ t, browser, base } = h);
    const kabid = await actorFor(t.ctx, `kepala-bidang@${BJM}`);
    const pramu = await actorFor(t.ctx, `pramu-sosial@${BJM}`);
    const s = await createShelter(t.ctx, kabid, { name: 'Rumah Singgah Dinsos Banjarmasin', rooms: [{ name: 'Kamar Laki-laki', sex: 'male', category: 'umum', beds: 2 }] });
    assert.ok(s.ok);
    const r = await recordIntake(t.ctx, pramu, { shelter: s.value.id, source: 'razia', requester: 'Satpol PP Kota Banjarmasin', client: { name: 'Mulyadi', sex: 'male', category: 'disabilitas', nik: '6371022003750004' }, healthy: true });
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    stayId = r.value.id;
    intakeCase = r.value.case!;
    assert.ok((await decideIntake(t.ctx, kabid, stayId, { decision: 'dapat-ditampung', assessment: 'Membutuhkan rehabilitasi dalam panti' })).ok);
    assert.ok((await checkInClient(t.ctx, pramu, s.value.id, { intake: stayId })).ok);
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await h.close();
  });

  it('the stay links to its Banjarmasin 9 case; "Rujuk ke panti" without the photo is refused beside its box, then files Banjarmasin 11, shown on the stay', async () => {
    const page: Page = await signedInPage(browser, contexts, base, PHONE, `pekerja-sosial@${BJM}`);
    await page.goto(`${base}/petugas/rumah-singgah/klien/${stayId}`);
    const cases = page.getByTestId('stay-cases');
    assert.match((await cases.textContent())!, /Penerimaan: Pelayanan Penerimaan Klien Rumah Singgah/);
    await assertSound(page, 'stay page with its cases (phone)');
    await screenshotFor(page, 'stay-cases-phone');
    await cases.getByRole('link', { name: intakeCase }).click();
    assert.match(page.url(), /\/petugas\/berkas\//);
    assert.match((await page.locator('main').textContent())!, /identifikasi awal/i);
    await page.goBack();

    const form = page.getByRole('region', { name: 'Rujuk ke panti' });
    await form.getByLabel('Panti/Lembaga Sosial yang dituju').fill('UPTD Panti Sosial Bina Laras Budi Luhur, Banjarbaru');
    await form.getByLabel('KTP dan atau Kartu Keluarga Calon Klien').check();
    await form.getByLabel('Video').check();
    await form.getByRole('button', { name: 'Rujuk ke panti' }).click();
    const photo = page.getByLabel('Foto Calon Klien');
    assert.equal(await photo.getAttribute('aria-invalid'), 'true');
    assert.match((await page.locator('main').textContent())!, /Foto Calon Klien/);
    await assertSound(page, 'referral refused beside the photo box (phone)');
    await screenshotFor(page, 'stay-referral-refused-phone');
    await photo.check();
    await page.getByRole('region', { name: 'Rujuk ke panti' }).getByRole('button', { name: 'Rujuk ke panti' }).click();
    assert.match((await page.getByTestId('stay-cases').textContent())!, /Rujukan ke panti: Pelayanan Fasilitasi Rujukan Klien Ke Panti/);
    await assertSound(page, 'stay with its referral (phone)');
    await screenshotFor(page, 'stay-cases-referral-phone');

    await page.goto(`${base}/petugas/rumah-singgah/klien/${stayId}?lang=en`);
    assert.match((await page.getByRole('heading', { name: 'Service cases' }).count()).toString(), /1/);
    assert.match((await page.getByTestId('stay-cases').textContent())!, /Referral to a panti/);
    await assertSound(page, 'stay page in English (phone)');
    await screenshotFor(page, 'stay-cases-phone-en');
    await page.setViewportSize(LAPTOP);
    await assertSound(page, 'stay page in English (laptop)');
    await screenshotFor(page, 'stay-cases-laptop-en');
  });
});
