/**
 * Personal-data rights in Chromium (issue 12, deliverable 8): an office's privacy notice on a
 * 360 px phone and a laptop in both languages (accessible, no sideways scroll, a clean printout
 * without the form), a citizen asking for their data with a tracking code, the head of office
 * answering it from the staff list, and the citizen downloading the PDF on the status page.
 * Screenshots go to SIGAP_SHOTS (default: a folder under the system temp directory).
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../support/app.js';
import { axeViolations, browserHarness, cspViolations, overflowingElements, signIn, watchCsp } from '../support/browser.js';
import { TEST_DB } from '../support/db.js';
import { fileCaseFor, OFFICE } from '../privacy/support.js';

const SHOTS = process.env.SIGAP_SHOTS ?? join(tmpdir(), 'sigap-privacy-shots');

describe(`privacy notice and a data-subject request, end to end (${TEST_DB})`, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let h: Awaited<ReturnType<typeof browserHarness>> | undefined;
  let siti: Awaited<ReturnType<typeof fileCaseFor>>;
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    h = await browserHarness();
    ({ t, browser, base } = h);
    siti = await fileCaseFor(t.ctx, 'Siti Aminah', 3);
  });
  after(async () => {
    await h?.close();
  });

  let number = '';
  let code = '';

  for (const [lang, width] of [
    ['id', 360],
    ['en', 1280],
  ] as const)
    it(`shows the privacy notice in ${lang} at ${width} px: accessible, fits, names the office's contact, prints without the form`, async () => {
      const ctx = await browser.newContext({ viewport: { width, height: 740 } });
      await watchCsp(ctx);
      const page = await ctx.newPage();
      await page.goto(`${base}/kantor/${OFFICE}/privasi${lang === 'en' ? '?lang=en' : ''}`);
      assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), []);
      assert.deepEqual(await overflowingElements(page), []);
      const main = (await page.locator('main').textContent()) ?? '';
      assert.match(main, lang === 'id' ? /belum menunjuk Pejabat Pelindungan Data Pribadi/ : /has not yet named its data protection officer/);
      assert.match(main, /dinsos@jambikota\.go\.id/);
      await page.screenshot({ path: join(SHOTS, `privacy-${lang}-${width}.png`), fullPage: true });
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('#h-request').isVisible(), false, 'the request form is not printed');
      assert.equal(await page.locator('#h-rights').isVisible(), true);
      await page.screenshot({ path: join(SHOTS, `privacy-${lang}-print.png`), fullPage: true });
      assert.deepEqual(await cspViolations(page), []);
      await ctx.close();
    });

  it('a citizen on a phone asks for their data with the tracking code of their case and gets a number and a code', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await ctx.newPage();
    await page.goto(`${base}/kantor/${OFFICE}`);
    await page.getByRole('link', { name: 'Privasi dan data pribadi Anda' }).click();
    await page.getByLabel('NIK').fill(siti.nik);
    await page.getByLabel('Nama lengkap').fill('Siti Aminah');
    await page.getByLabel('Nomor HP atau e-mail untuk kabar').fill('081266782747');
    // A wrong code first: refused beside the field, nothing about the NIK revealed.
    await page.getByLabel('Kode pelacakan salah satu permohonan atau pengaduan Anda').fill('ABCDEFGH');
    await page.getByRole('button', { name: 'Kirim permintaan' }).click();
    await page.locator('#err-trackingCode').waitFor();
    assert.match((await page.locator('#err-trackingCode').textContent()) ?? '', /NIK dan kode pelacakan tidak cocok/);
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), []);
    await page.screenshot({ path: join(SHOTS, 'request-refused-360.png'), fullPage: false });
    await page.getByLabel('Kode pelacakan salah satu permohonan atau pengaduan Anda').fill(siti.trackingCode);
    await page.getByRole('button', { name: 'Kirim permintaan' }).click();
    await page.getByTestId('request-number').waitFor();
    number = (await page.getByTestId('request-number').textContent())!.trim();
    code = (await page.getByTestId('tracking-code').textContent())!.trim();
    assert.match(number, /^JMB-PDP-\d{4}-\d{6}$/);
    assert.match((await page.getByTestId('due').textContent()) ?? '', /WIB$/);
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), []);
    await page.screenshot({ path: join(SHOTS, 'request-receipt-360.png'), fullPage: true });
    await ctx.close();
  });

  it('the head of office finds it in the list with its countdown and answers it', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await watchCsp(ctx);
    const page = await ctx.newPage();
    await signIn(page, base, `kepala-dinas@${OFFICE}`);
    await page.getByRole('link', { name: 'Data pribadi (PDP)' }).click();
    await page.getByRole('heading', { name: 'Permintaan data pribadi' }).waitFor();
    const row = page.locator('tr', { hasText: number });
    assert.match((await row.textContent()) ?? '', /Dalam batas waktu.*7[01] jam lagi/);
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), []);
    await page.screenshot({ path: join(SHOTS, 'staff-list-1280.png'), fullPage: true });
    await page.getByRole('link', { name: number }).click();
    await page.getByRole('heading', { name: `Permintaan ${number}` }).waitFor();
    assert.match((await page.locator('main').textContent()) ?? '', new RegExp(`Kode pelacakan permohonan ${siti.registrationNumber}`));
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), []);
    await page.screenshot({ path: join(SHOTS, 'staff-detail-1280.png'), fullPage: true });
    await page.getByRole('button', { name: 'Buat salinan data dan jawab' }).click();
    await page.locator('.notice[role=status]').waitFor();
    assert.match((await page.locator('main').textContent()) ?? '', /Dijawab tepat waktu/);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Unduh salinan (PDF)' }).click();
    const pdf = readFileSync((await (await download).path())!);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    await page.screenshot({ path: join(SHOTS, 'staff-answered-1280.png'), fullPage: true });
    assert.deepEqual(await cspViolations(page), []);
    await ctx.close();
  });

  it('the citizen opens the request with number and code and downloads the PDF and the JSON', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, acceptDownloads: true });
    const page = await ctx.newPage();
    await page.goto(`${base}/privasi/permintaan?lang=en`);
    await page.getByLabel('Request number').fill(number);
    await page.getByLabel('Tracking code').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'See status' }).click();
    await page.getByRole('heading', { name: `Request ${number}` }).waitFor();
    assert.ok(!page.url().includes(code), 'the code is not in the address');
    assert.match((await page.locator('main').textContent()) ?? '', /Answered on time/);
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), []);
    assert.deepEqual(await overflowingElements(page), []);
    await page.screenshot({ path: join(SHOTS, 'status-en-360.png'), fullPage: true });
    const pdf = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download PDF' }).click();
    const pdfBytes = readFileSync((await (await pdf).path())!);
    assert.equal(pdfBytes.subarray(0, 5).toString(), '%PDF-');
    writeFileSync(join(SHOTS, 'export.pdf'), pdfBytes);
    const json = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download JSON' }).click();
    const x = JSON.parse(readFileSync((await (await json).path())!, 'utf8'));
    assert.equal(x.subject.nik, siti.nik);
    assert.equal(x.applications[0].registrationNumber, siti.registrationNumber);
    await ctx.close();
  });
  it('the front office records a request at the counter on a phone after seeing the KTP; the head of office refuses it in English with a reason', async () => {
    const front = await browser.newContext({ viewport: { width: 360, height: 740 } });
    let page = await front.newPage();
    await signIn(page, base, `front-office@${OFFICE}`);
    await page.goto(`${base}/petugas/privasi/baru`);
    await page.getByLabel('NIK', { exact: true }).fill(siti.nik);
    await page.getByLabel('Nama lengkap').fill('Siti Aminah');
    await page.getByLabel('Nomor HP atau e-mail').fill('081266782747');
    await page.getByRole('button', { name: 'Catat permintaan' }).click();
    await page.locator('#err-identityChecked').waitFor();
    assert.match((await page.locator('#err-identityChecked').textContent()) ?? '', /Periksa KTP pemohon/);
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), []);
    await page.getByLabel(/Identitas diperiksa/).check();
    await page.getByRole('button', { name: 'Catat permintaan' }).click();
    await page.getByTestId('request-number').waitFor();
    const counterNumber = (await page.getByTestId('request-number').textContent())!.trim();
    assert.deepEqual(await overflowingElements(page), []);
    await page.screenshot({ path: join(SHOTS, 'counter-receipt-360.png'), fullPage: true });
    await page.goto(`${base}/petugas/privasi`);
    assert.deepEqual(await overflowingElements(page), []);
    assert.equal(await page.getByRole('button', { name: 'Buat salinan data dan jawab' }).count(), 0);
    await page.screenshot({ path: join(SHOTS, 'staff-list-360.png'), fullPage: true });
    await front.close();

    const head = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await head.newPage();
    await signIn(page, base, `kepala-dinas@${OFFICE}`);
    await page.goto(`${base}/petugas/privasi?lang=en`);
    await page.getByRole('link', { name: counterNumber }).click();
    await page.getByRole('heading', { name: `Request ${counterNumber}` }).waitFor();
    assert.match((await page.locator('main').textContent()) ?? '', /KTP checked at the counter by Front Office/);
    await page.getByLabel('Reason for refusing (shown to the person)').fill('Bahaya');
    await page.getByRole('button', { name: 'Refuse with this reason' }).click();
    await page.locator('#err-reason').waitFor();
    assert.match((await page.locator('#err-reason').textContent()) ?? '', /Write the reason for refusing/);
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), []);
    await page.getByLabel('Reason for refusing (shown to the person)').fill('The copy holds the address of a safe house; access would endanger others (Art. 32).');
    await page.getByRole('button', { name: 'Refuse with this reason' }).click();
    await page.locator('.notice[role=status]').waitFor();
    assert.match((await page.locator('main').textContent()) ?? '', /Refused.*Answered on time/s);
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), []);
    await page.screenshot({ path: join(SHOTS, 'staff-refused-en-1280.png'), fullPage: true });
    await head.close();
  });
});
