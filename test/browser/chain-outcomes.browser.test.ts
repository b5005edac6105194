/**
 * The night journey carried to its end, in Chromium: a report taken at 21:10 WITA, the TRC's first
 * response, then on the TRC's 360 px phone "Hasil penanganan": a hospital referral sent without the
 * hospital, reason and escort is refused beside each field, then recorded; the report is closed, its
 * history says so and the reporter is told by e-mail. The outcome page in English on the phone, and
 * pemulangan from a stay on a laptop filing Banjarmasin 6. Every page passes axe, obeys the CSP and fits.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { TEST_DB } from '../support/db.js';
import type { TestApp } from '../support/app.js';
import { assertSound, browserHarness, screenshotFor, signedInPage } from '../support/browser.js';
import { actorFor } from '../letters/helpers.js';
import { reportEmergency } from '../../src/usecases/emergency/report-emergency.js';
import { recordFirstResponse } from '../../src/usecases/emergency/record-first-response.js';
import { createShelter } from '../../src/usecases/shelters/create-shelter.js';
import { recordIntake } from '../../src/usecases/shelters/record-intake.js';
import { decideIntake } from '../../src/usecases/shelters/decide-intake.js';
import { checkInClient } from '../../src/usecases/shelters/check-in-client.js';

const BJM = 'kota-banjarmasin';
const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 800 };

describe(`the night journey's outcome on a phone (${TEST_DB})`, () => {
  let h: Awaited<ReturnType<typeof browserHarness>>;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const clock = new Date('2025-04-08T13:10:00Z'); // Tue 8 Apr 2025 21:10 WITA
  let number = '';
  let second = '';
  let stayId = '';
  const contexts: BrowserContext[] = [];
  before(async () => {
    h = await browserHarness({ now: () => clock });
    ({ t, browser, base } = h);
    const officer = await actorFor(t.ctx, `pengelola-pengaduan@${BJM}`);
    const trc = await actorFor(t.ctx, `trc@${BJM}`);
    const kabid = await actorFor(t.ctx, `kepala-bidang@${BJM}`);
    const file = async (name: string) => {
      const r = await reportEmergency(t.ctx, { office: BJM, service: 'kedaruratan-ppks', channel: 'phone', location: { text: 'Terminal Pal 6, Banjarmasin Selatan' }, description: 'Bapak tua lemas di ruang tunggu terminal', reporter: { name: 'Hj. Rusmini', email: 'rusmini@contoh.id', notify: { channels: ['email'] } }, subject: { name, category: 'orang-terlantar' }, answers: { 'lokasi-di-banjarmasin': true } }, officer);
      assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
      assert.ok((await recordFirstResponse(t.ctx, trc, r.value.registrationNumber, { note: 'Ditemukan, napas berat' })).ok);
      return r.value.registrationNumber;
    };
    number = await file('Pak Darmawi');
    second = await file('Bapak Sukri');
    const s = await createShelter(t.ctx, kabid, { name: 'Rumah Singgah Dinsos Banjarmasin', rooms: [{ name: 'Kamar Laki-laki', sex: 'male', category: 'umum', beds: 2 }] });
    assert.ok(s.ok);
    const i = await recordIntake(t.ctx, trc, { shelter: s.value.id, source: 'emergency', emergencyReport: second, client: { name: 'Sukri', sex: 'male', category: 'orang-terlantar' }, healthy: true });
    assert.ok(i.ok);
    stayId = i.value.id;
    assert.ok((await decideIntake(t.ctx, kabid, stayId, { decision: 'dapat-ditampung', assessment: 'Kehabisan ongkos pulang' })).ok);
    assert.ok((await checkInClient(t.ctx, await actorFor(t.ctx, `pramu-sosial@${BJM}`), s.value.id, { intake: stayId })).ok);
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await h.close();
  });

  it('the TRC refers the person to a hospital on the phone: refused beside each missing field, then the report closed and the reporter told', async () => {
    const page = await signedInPage(browser, contexts, base, PHONE, `trc@${BJM}`);
    await page.goto(`${base}/petugas/darurat/${number}`);
    await page.getByTestId('record-outcome').click();
    assert.match(page.url(), new RegExp(`/petugas/darurat/${number}/hasil`));
    await assertSound(page, 'outcome page (phone)');
    await screenshotFor(page, 'outcome-form-phone');
    const hospital = page.getByRole('region', { name: 'Rujukan ke rumah sakit' });
    await hospital.getByRole('button', { name: /Simpan/ }).click();
    for (const label of ['Rumah sakit tujuan', 'Diantar oleh']) assert.equal(await page.getByLabel(label).getAttribute('aria-invalid'), 'true', label);
    assert.equal(await page.getByLabel('Alasan rujukan').getAttribute('aria-invalid'), 'true');
    assert.match((await page.locator('main').textContent())!, /Sebutkan siapa yang mengantar ke rumah sakit/);
    await assertSound(page, 'hospital referral refused (phone)');
    await screenshotFor(page, 'outcome-refused-phone');
    await page.getByLabel('Rumah sakit tujuan').fill('RSUD Ulin Banjarmasin');
    await page.getByLabel('Alasan rujukan').fill('Sesak napas dan demam tinggi');
    await page.getByLabel('Diantar oleh').fill('Rahmadi (TRC)');
    await page.getByRole('region', { name: 'Rujukan ke rumah sakit' }).getByRole('button', { name: /Simpan/ }).click();
    assert.match(page.url(), new RegExp(`/petugas/darurat/${number}\\?`));
    const main = (await page.locator('main').textContent())!;
    assert.match(main, /Rujukan ke rumah sakit dicatat · laporan ditutup, pelapor diberi tahu/);
    const history = (await page.getByTestId('events').textContent())!;
    assert.match(history, /Hasil penanganan: Rujukan ke rumah sakit: RSUD Ulin Banjarmasin/);
    assert.match(history, /Ditutup: Rujukan ke rumah sakit/);
    await assertSound(page, 'report closed by its outcome (phone)');
    await screenshotFor(page, 'outcome-report-closed-phone');
    const app = await t.database.db.selectFrom('applications').select('id').where('registration_number', '=', number).executeTakeFirstOrThrow();
    const told = await t.database.db.selectFrom('outbox').select(['kind', 'recipient']).where('application_id', '=', app.id).where('kind', '=', 'emergency-outcome').execute();
    assert.deepEqual(told, [{ kind: 'emergency-outcome', recipient: 'rusmini@contoh.id' }]);

    await page.goto(`${base}/petugas/darurat/${second}/hasil?lang=en`);
    assert.ok(await page.getByRole('heading', { name: 'Referral to a hospital' }).isVisible());
    assert.ok(await page.getByRole('heading', { name: 'Return home (pemulangan)' }).isVisible());
    assert.match((await page.locator('main').textContent())!, /Files the decreed service "Pelayanan Fasilitasi Pemulangan Orang Terlantar"/);
    await assertSound(page, 'outcome page in English (phone)');
    await screenshotFor(page, 'outcome-form-phone-en');
  });

  it('the social worker files pemulangan from the stay on a laptop: refused beside the police letter, then Banjarmasin 6 listed on the stay', async () => {
    const page = await signedInPage(browser, contexts, base, LAPTOP, `pekerja-sosial@${BJM}`);
    await page.goto(`${base}/petugas/rumah-singgah/klien/${stayId}`);
    await page.getByTestId('record-outcome').click();
    const form = page.getByRole('region', { name: 'Fasilitasi pemulangan' });
    await form.getByLabel('Daerah asal tujuan pemulangan').fill('Kab. Kotabaru, Kalimantan Selatan');
    await form.getByLabel('KTP atau bukti identitas diri lainnya').check();
    await form.getByRole('button', { name: /Simpan/ }).click();
    assert.equal(await page.getByLabel('Surat Keterangan Terlantar dari Kepolisian').getAttribute('aria-invalid'), 'true');
    await assertSound(page, 'pemulangan refused beside the police letter (laptop)');
    await screenshotFor(page, 'outcome-pemulangan-refused-laptop');
    await page.getByLabel('Surat Keterangan Terlantar dari Kepolisian').check();
    await page.getByRole('region', { name: 'Fasilitasi pemulangan' }).getByRole('button', { name: /Simpan/ }).click();
    assert.match(page.url(), new RegExp(`/petugas/rumah-singgah/klien/${stayId}\\?`));
    assert.match((await page.getByTestId('stay-cases').textContent())!, /Pemulangan: Pelayanan Fasilitasi Pemulangan Orang Terlantar/);
    assert.match((await page.getByTestId('stay-events').textContent())!, /Hasil penanganan: Fasilitasi pemulangan: Kab. Kotabaru/);
    await assertSound(page, 'stay with its pemulangan case (laptop)');
    await screenshotFor(page, 'outcome-stay-pemulangan-laptop');
  });

  it('the occupancy board shows the current length of stay per category, without names, on a phone in both languages', async () => {
    const page = await signedInPage(browser, contexts, base, PHONE, `pramu-sosial@${BJM}`);
    await page.goto(`${base}/petugas/rumah-singgah`);
    const table = page.getByTestId('length-of-stay');
    assert.match((await table.textContent())!, /Orang terlantar.*1.*0,0/s);
    assert.ok(!(await table.textContent())!.includes('Sukri'));
    await assertSound(page, 'board with the length of stay (phone)');
    await screenshotFor(page, 'board-length-of-stay-phone');
    await page.goto(`${base}/petugas/rumah-singgah?lang=en`);
    assert.ok(await page.getByRole('heading', { name: 'Current length of stay' }).isVisible());
    assert.match((await page.getByTestId('length-of-stay').textContent())!, /Median \(days\)/);
    await assertSound(page, 'board with the length of stay in English (phone)');
    await screenshotFor(page, 'board-length-of-stay-phone-en');
  });

  it("a child's stay on a phone: the photo waits for the guardian's consent, recorded by the social worker (refused beside the empty fields), then the photo saved and opened", async () => {
    const pramu = await actorFor(t.ctx, `pramu-sosial@${BJM}`);
    const shelter = (await t.database.db.selectFrom('shelters').select('id').executeTakeFirstOrThrow()).id;
    const c = await checkInClient(t.ctx, pramu, shelter, { client: { name: 'Muhammad Rizky', sex: 'male', category: 'anak', birthDate: '2012-06-02' }, source: 'razia', requester: 'Satpol PP Kota Banjarmasin' });
    assert.ok(c.ok, JSON.stringify(!c.ok && c.error));
    const page = await signedInPage(browser, contexts, base, PHONE, `pekerja-sosial@${BJM}`);
    await page.goto(`${base}/petugas/rumah-singgah/klien/${c.value.id}`);
    assert.ok(await page.getByTestId('no-consent').isVisible());
    assert.equal(await page.locator('input[name="media"]').count(), 0, 'no photo before the consent');
    await page.getByRole('button', { name: 'Catat persetujuan' }).click();
    assert.equal(await page.getByLabel('Nama orang tua/wali').getAttribute('aria-invalid'), 'true');
    await assertSound(page, 'consent refused (phone)');
    await page.getByLabel('Nama orang tua/wali').fill('Siti Rahmah');
    await page.getByLabel('Hubungan dengan anak').fill('ibu kandung');
    await page.getByRole('button', { name: 'Catat persetujuan' }).click();
    assert.match((await page.getByTestId('consents').textContent())!, /Siti Rahmah \(ibu kandung\)/);
    await page.locator('input[name="media"]').setInputFiles({ name: 'rizky.png', mimeType: 'image/png', buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64') });
    await page.getByLabel('Keterangan (opsional)').fill('Foto saat masuk');
    await page.getByRole('button', { name: 'Simpan foto/video' }).click();
    const media = page.getByTestId('stay-media');
    assert.match((await media.textContent())!, /Foto 1 · Foto saat masuk/);
    await assertSound(page, "child's stay with consent and photo (phone)");
    await screenshotFor(page, 'stay-child-media-phone');
    const opened = await page.request.get(`${base}${(await media.getByRole('link').first().getAttribute('href'))!}`);
    assert.equal(opened.status(), 200);
    assert.equal(opened.headers()['content-type'], 'image/png');
    assert.equal(opened.headers()['cache-control'], 'no-store');
    await page.goto(`${base}/petugas/rumah-singgah/klien/${c.value.id}?lang=en`);
    assert.ok(await page.getByRole('heading', { name: 'Client photos and videos' }).isVisible());
    await assertSound(page, "child's stay in English (phone)");
    await screenshotFor(page, 'stay-child-media-phone-en');
  });
});
