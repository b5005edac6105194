import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { simulateCase } from '../../src/usecases/applications/simulate-case.js';
import { TEST_DB } from '../support/db.js';
import type { TestApp } from '../support/app.js';
import { axeViolations, browserHarness } from '../support/browser.js';

describe(`a citizen complains on a phone, the complaint officer answers, the citizen reads it; a survey from an application's link (${TEST_DB})`, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let h: Awaited<ReturnType<typeof browserHarness>> | undefined;
  before(async () => {
    h = await browserHarness();
    ({ t, browser, base } = h);
  });
  after(async () => {
    await h?.close();
  });

  let receipt = '';
  let code = '';
  const ANSWER = 'Terima kasih. Petugas loket yang bersangkutan telah dibina oleh Kepala Bidang, dan mulai 20 April 2026 loket pengaduan dibuka setiap hari kerja pukul 08.00–16.00 WITA.';

  it('the citizen files a complaint on a 360 px screen and gets a receipt number and code', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
    const page = await ctx.newPage();
    await page.goto(`${base}/kantor/kota-banjarmasin/pengaduan`);
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), [], 'the form is accessible');
    assert.match((await page.locator('main').textContent()) ?? '', /tiga hari kerja/, "the office's promise is shown");
    // First without the text: the form explains what is missing and keeps what was typed.
    await page.getByLabel('Nama', { exact: true }).fill('Hj. Norhayati');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.waitForSelector('.error-summary');
    assert.match((await page.locator('.error-summary').textContent()) ?? '', /Isi pengaduan wajib diisi/);
    assert.equal(await page.getByLabel('Nama', { exact: true }).inputValue(), 'Hj. Norhayati');
    await page.getByLabel('Isi laporan').fill('Saya sudah tiga kali datang ke loket untuk menanyakan usulan JKN-KIS ibu saya, tetapi petugas tidak ada di tempat pada jam kerja.');
    await page.getByLabel('Layanan yang dimaksud (bila ada)').selectOption({ index: 2 });
    await page.getByLabel('Nomor HP (boleh kosong)').fill('081348765432');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByTestId('receipt-number').waitFor();
    receipt = (await page.getByTestId('receipt-number').textContent())!.trim();
    code = (await page.getByTestId('tracking-code').textContent())!.trim();
    assert.match(receipt, /^BNJ-ADU-\d{4}-\d{6}$/);
    assert.match(code, /^[A-Z2-9]{8}$/);
    assert.match((await page.getByTestId('due').textContent()) ?? '', /WITA$/);
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), []);
    await ctx.close();
  });

  it('the complaint officer signs in, finds it in the list and answers it in writing', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${base}/petugas/pengaduan`);
    await page.waitForURL(/\/masuk/);
    await page.getByLabel('Nama pengguna').fill('pengelola-pengaduan@kota-banjarmasin');
    await page.getByLabel('Kata sandi').fill('sigap-demo');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(/\/petugas\/pengaduan$/);
    await page.getByRole('link', { name: receipt }).click();
    await page.getByRole('heading', { name: `Pengaduan ${receipt}` }).waitFor();
    assert.match((await page.getByTestId('identity').textContent()) ?? '', /Hj\. Norhayati/, 'a named complainant is known to the officer');
    await page.getByLabel('Jawaban untuk pelapor').fill(ANSWER);
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page.waitForURL(new RegExp(`/petugas/pengaduan/[0-9a-f-]+$`));
    assert.equal((await page.getByTestId('stage').textContent())?.trim(), 'Dijawab');
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), []);
    await ctx.close();
  });

  it('the citizen tracks the complaint on the phone, reads the answer and says it resolved the problem', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await ctx.newPage();
    await page.goto(`${base}/pengaduan`);
    await page.getByLabel('Nomor pengaduan').fill(receipt);
    await page.getByLabel('Kode pelacakan').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Lacak' }).click();
    await page.getByTestId('answer').waitFor();
    assert.match((await page.getByTestId('answer').textContent()) ?? '', /loket pengaduan dibuka setiap hari kerja/);
    assert.ok(!((await page.content()).includes('Norhayati')), 'the tracking page never shows identity');
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), []);
    await page.getByLabel('Ya, sudah selesai').check();
    await page.getByRole('button', { name: 'Kirim tanggapan' }).click();
    await page.getByText('Tanggapan Anda tercatat.').waitFor();
    assert.equal((await page.getByTestId('stage').textContent())?.trim(), 'Selesai');
    await ctx.close();
  });

  it('a citizen whose case is completed answers the satisfaction survey from the tracking page link, once', async () => {
    const sim = await simulateCase(t.ctx, 'kota-jambi', 'rekomendasi-jamkesda-bayi', 'main');
    assert.equal(sim.finalStatus, 'completed');
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await ctx.newPage();
    await page.goto(`${base}/lacak/${sim.registrationNumber}?code=${sim.trackingCode}`);
    await page.getByTestId('survey-link').click();
    await page.getByRole('heading', { name: 'Survei Kepuasan Masyarakat' }).waitFor();
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), [], 'the survey is accessible');
    const choices: Record<string, string> = { U1: 'Sangat sesuai', U2: 'Mudah', U3: 'Cepat', U4: 'Gratis', U5: 'Sesuai', U6: 'Sangat kompeten', U7: 'Sangat sopan dan ramah', U8: 'Dikelola dengan baik', U9: 'Baik' };
    for (const [el, label] of Object.entries(choices)) await page.locator(`fieldset:has(legend:has-text("(${el} "))`).getByLabel(label, { exact: true }).check();
    await page.getByLabel('Jenis kelamin').selectOption('P');
    await page.getByLabel('Saran dan masukan').fill('Petugas ramah, mohon disediakan kursi roda di loket.');
    await page.getByRole('button', { name: 'Kirim survei' }).click();
    await page.getByTestId('survey-thanks').waitFor();
    const stored = await t.database.db.selectFrom('survey_responses').selectAll().where('application_id', '=', sim.applicationId).executeTakeFirstOrThrow();
    assert.deepEqual([stored.u1, stored.u2, stored.u3, stored.u4, stored.u5, stored.u6, stored.u7, stored.u8, stored.u9], [4, 3, 3, 4, 3, 4, 4, 4, 3]);
    assert.equal(stored.sex, 'P');
    await page.goto(`${base}/lacak/${sim.registrationNumber}?code=${sim.trackingCode}`);
    await page.getByTestId('survey-answered').waitFor();
    await page.goBack();
    await page.goBack();
    await page.reload();
    assert.ok(await page.getByTestId('survey-done').isVisible(), 'the link works once');
    await ctx.close();
  });
});
