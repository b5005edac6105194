/**
 * The head of office's day in Chromium: a case whose decree has no signing step waits for the
 * signature (the citizen's phone says so and offers nothing to collect); the head opens the letters
 * screen from the menu, previews the letter as it will be signed, signs it with the password, and
 * the citizen's tracking page then offers the download. At a signing step the password refusal
 * stands beside the field and the preview is one link away. Phone pages do not scroll sideways;
 * axe finds nothing. SIGAP_SCREENSHOTS=<dir> keeps screenshots of each page for review.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openTaskFor } from '../../src/db/applications-repo.js';
import { completeTask } from '../../src/usecases/applications/complete-task.js';
import { TEST_DB } from '../support/db.js';
import type { TestApp } from '../support/app.js';
import { pdfText } from '../support/pdf.js';
import { axeViolations, browserHarness } from '../support/browser.js';
import { signInAs } from '../support/sign-in.js';
import { actorFor, driveUntil, fileCase } from '../letters/helpers.js';

const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 900 };

describe(`the head of office previews and signs; the citizen then downloads (${TEST_DB})`, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let h: Awaited<ReturnType<typeof browserHarness>> | undefined;
  const contexts: BrowserContext[] = [];
  before(async () => {
    h = await browserHarness();
    ({ t, browser, base } = h);
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await h?.close();
  });

  const shots = process.env.SIGAP_SCREENSHOTS;
  const look = async (page: Page, name: string) => {
    if (!shots) return;
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  };
  const newPage = async (viewport: { width: number; height: number }) => {
    const c = await browser.newContext({ viewport });
    contexts.push(c);
    return c.newPage();
  };
  const noSidewaysScroll = async (page: Page) => {
    // The widest culprits are named, so a failure says what to fix.
    const wide = await page.evaluate(() =>
      document.documentElement.scrollWidth <= window.innerWidth
        ? []
        : Array.from(document.querySelectorAll('body *')).filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap')).map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className ? `.${String(e.className).split(' ').join('.')}` : ''} (${Math.round(e.getBoundingClientRect().right)}px: ${(e.textContent ?? '').trim().slice(0, 30)})`).slice(0, 8),
    );
    assert.deepEqual(wide, [], `${page.url()} scrolls sideways`);
  };
  const accessible = async (page: Page) => assert.deepEqual((await axeViolations(page)).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], page.url());
  const signIn = (page: Page, username: string) => signInAs(page, base, username);

  let pub: { id: string; registrationNumber: string; trackingCode: string };
  let citizen: Page;

  it('shows the citizen on a phone that the letter waits for the head’s signature, with nothing to collect yet', async () => {
    // Rekomendasi PUB (Kota Jambi): the decree names no signing step; the operator's handover waits for the signature.
    pub = await fileCase(t.ctx, 'kota-jambi', 'rekomendasi-pub', 'Yayasan Peduli Sesama Jambi');
    await driveUntil(t.ctx, pub.id, (s) => s.id === 'input-sipadek', 'kota-jambi');
    const task = (await openTaskFor(t.database.db, pub.id))!;
    const app = await t.database.db.selectFrom('applications').select('version').where('id', '=', pub.id).executeTakeFirstOrThrow();
    const r = await completeTask(t.ctx, { taskId: task.id, outcome: 'diinput', version: app.version }, await actorFor(t.ctx, 'operator@kota-jambi'));
    assert.ok(r.ok && r.value.status === 'waiting-signature', JSON.stringify(r));

    citizen = await newPage(PHONE);
    await citizen.goto(`${base}/lacak`);
    await citizen.getByLabel(/Nomor registrasi/).fill(pub.registrationNumber);
    await citizen.getByLabel(/Kode pelacakan/).fill(pub.trackingCode);
    await citizen.getByRole('button', { name: 'Lacak', exact: true }).click();
    await citizen.getByTestId('status').waitFor();
    assert.equal(await citizen.getByTestId('status').textContent(), 'Menunggu tanda tangan');
    assert.match((await citizen.getByTestId('must-do').textContent()) ?? '', /menunggu tanda tangan Kepala Dinas Sosial/);
    assert.equal(await citizen.getByTestId('letter-download').count(), 0, 'nothing to download before the signature');
    assert.doesNotMatch(await citizen.locator('main').innerText(), /Selesai|Ambil produk/);
    await noSidewaysScroll(citizen);
    await accessible(citizen);
    await look(citizen, 'tracking-waiting-phone-id');
    // The tracking URL is code-free now (the code is in the tracking cookie): add the language as a query of its own.
    const english = new URL(citizen.url());
    english.searchParams.set('lang', 'en');
    await citizen.goto(english.toString());
    assert.equal(await citizen.getByTestId('status').textContent(), 'Waiting for signature');
    await noSidewaysScroll(citizen);
    await look(citizen, 'tracking-waiting-phone-en');
  });

  it('lets the head find the letter from the menu, preview it as it will be signed, and sign it with the password', async () => {
    const head = await newPage(LAPTOP);
    await signIn(head, 'kepala-dinas@kota-jambi');
    // The case page says what the tracking page says, and links the letter's preview.
    await head.goto(`${base}/petugas/berkas/${pub.id}`);
    await head.getByRole('heading', { name: 'Menunggu tanda tangan Kepala Dinas Sosial' }).waitFor();
    assert.equal(await head.getByRole('link', { name: /Pratinjau: SURAT REKOMENDASI/ }).count(), 1);
    await accessible(head);
    await look(head, 'case-waiting-signature-laptop-id');
    await head.getByRole('navigation', { name: 'Menu petugas' }).getByRole('link', { name: 'Surat' }).click();
    await head.getByRole('heading', { name: /Menunggu tanda tangan Anda \(1\)/ }).waitFor();
    await accessible(head);
    await look(head, 'letters-to-sign-laptop-id');
    const preview = head.getByRole('link', { name: `Pratinjau PDF ${pub.registrationNumber}` });
    const href = await preview.getAttribute('href');
    assert.ok(href, 'a preview link for the letter');
    // Chromium shows a PDF in its own viewer; read the very file the link serves with the head's session.
    const file = await head.request.get(`${base}${href}`);
    assert.equal(file.headers()['content-type'], 'application/pdf');
    const text = (await pdfText(Buffer.from(await file.body()))).text;
    assert.match(text, /PRATINJAU/);
    assert.match(text, /belum ditandatangani/);
    assert.match(text, /Yayasan Peduli Sesama Jambi/);

    // On the head's phone, in English: the same list, the letter's own page with its preview.
    const phone = await newPage(PHONE);
    await signIn(phone, 'kepala-dinas@kota-jambi');
    await phone.goto(`${base}/petugas/surat?lang=en`);
    await phone.getByRole('link', { name: `Preview PDF ${pub.registrationNumber}` }).waitFor();
    await look(phone, 'letters-to-sign-phone-en');
    await noSidewaysScroll(phone);
    await phone.getByRole('row', { name: new RegExp(pub.registrationNumber) }).getByRole('link').first().click();
    await phone.getByRole('link', { name: /DRAFT preview \(PDF\)/ }).waitFor();
    await noSidewaysScroll(phone);
    await accessible(phone);
    await look(phone, 'letter-detail-phone-en');

    await head.getByRole('row', { name: new RegExp(pub.registrationNumber) }).getByRole('checkbox').check();
    await head.getByLabel('Kata sandi (konfirmasi penandatanganan)').fill('bukan-sandi-saya');
    await head.getByRole('button', { name: 'Tandatangani yang dipilih' }).click();
    await head.getByRole('alert').waitFor();
    assert.match((await head.getByRole('alert').textContent()) ?? '', /Kata sandi salah/);
    await head.getByRole('row', { name: new RegExp(pub.registrationNumber) }).getByRole('checkbox').check();
    await head.getByLabel('Kata sandi (konfirmasi penandatanganan)').fill('sigap-demo');
    await head.getByRole('button', { name: 'Tandatangani yang dipilih' }).click();
    await head.getByRole('status').waitFor();
    assert.match((await head.getByRole('status').textContent()) ?? '', /1 surat ditandatangani/);
    const l = await t.database.db.selectFrom('letters').selectAll().where('application_id', '=', pub.id).executeTakeFirstOrThrow();
    assert.equal(l.status, 'signed');
    const c = await t.database.db.selectFrom('applications').selectAll().where('id', '=', pub.id).executeTakeFirstOrThrow();
    assert.equal(c.status, 'open', 'the handover moved on by itself');
  });

  it('then offers the citizen the signed letter to download', async () => {
    await citizen.goto(`${base}/lacak/${pub.registrationNumber}?code=${pub.trackingCode}`);
    assert.equal(await citizen.getByTestId('status').textContent(), 'Sedang diproses');
    const link = citizen.getByTestId('letter-download');
    assert.equal(await link.count(), 1);
    const file = await citizen.request.get(`${base}${await link.getAttribute('href')}`);
    assert.equal(file.status(), 200);
    assert.equal(file.headers()['content-type'], 'application/pdf');
    const l = await t.database.db.selectFrom('letters').selectAll().where('application_id', '=', pub.id).executeTakeFirstOrThrow();
    const { createHash } = await import('node:crypto');
    assert.equal(createHash('sha256').update(await file.body()).digest('hex'), l.sha256, 'the very file that was signed');
    await noSidewaysScroll(citizen);
    await accessible(citizen);
    await look(citizen, 'tracking-signed-phone-id');
  });

  it('at a signing step: the preview is one link away, a wrong password stands beside the field, the right one signs', async () => {
    const c = await fileCase(t.ctx, 'kota-jambi', 'rekomendasi-jamkesda-bayi', 'Bayi Ny. Sri Wahyuni');
    await driveUntil(t.ctx, c.id, (s) => s.kind === 'sign', 'kota-jambi');
    for (const [viewport, lang] of [[PHONE, 'id'], [LAPTOP, 'en']] as const) {
      const page = await newPage(viewport);
      await signIn(page, 'kepala-dinas@kota-jambi');
      await page.goto(`${base}/petugas/berkas/${c.id}${lang === 'en' ? '?lang=en' : ''}`);
      await page.getByRole('link', { name: lang === 'id' ? /Pratinjau: SURAT REKOMENDASI/ : /Preview: SURAT REKOMENDASI/ }).waitFor();
      await accessible(page);
      if (viewport === PHONE) await noSidewaysScroll(page);
      await look(page, `sign-step-${viewport.width}-${lang}`);
    }
    const page = await newPage(LAPTOP);
    await signIn(page, 'kepala-dinas@kota-jambi');
    await page.goto(`${base}/petugas/berkas/${c.id}`);
    await page.getByRole('button', { name: 'Ditandatangani', exact: true }).click();
    const password = page.getByLabel('Kata sandi (konfirmasi penandatanganan)');
    await page.locator('#err-data-password').waitFor();
    assert.match((await page.locator('#err-data-password').textContent()) ?? '', /Isi kata sandi Anda.*\(Enter your password/);
    assert.equal(await password.getAttribute('aria-invalid'), 'true');
    await password.fill('bukan-sandi-saya');
    await page.getByRole('button', { name: 'Ditandatangani', exact: true }).click();
    await page.locator('#err-data-password').getByText(/Kata sandi salah/).waitFor();
    await accessible(page);
    await look(page, 'sign-step-wrong-password-1280-id');
    assert.equal((await t.database.db.selectFrom('letters').select('status').where('application_id', '=', c.id).executeTakeFirstOrThrow()).status, 'draft');
    await page.getByLabel('Kata sandi (konfirmasi penandatanganan)').fill('sigap-demo');
    await page.getByRole('button', { name: 'Ditandatangani', exact: true }).click();
    await page.waitForURL(/\/petugas\/berkas\/[^?]+\?selesai=/);
    assert.equal((await t.database.db.selectFrom('letters').select('status').where('application_id', '=', c.id).executeTakeFirstOrThrow()).status, 'signed');
  });
});
