/**
 * Kutai Kartanegara's alat bantu programme in Chromium, from candidates to a signed SK: the operator
 * opens the 2026 round and adds applicants (a 5-year-old refused beside the NIK by "berusia 6 tahun
 * keatas"); the Tim Verval officer verifies on a 360 px phone in both languages (a missing reason
 * refused beside its field, 422) and issues the berita acara; the head of office signs the SK on a
 * laptop. Every page passes axe and fits its viewport without sideways scrolling.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { TEST_DB } from '../support/db.js';
import { axeFindings, screenshotFor, sidewaysScroll, signIn, suiteHarness } from '../support/browser.js';
import { pdfText } from '../support/pdf.js';

const OFFICE = 'kabupaten-kutai-kartanegara';
const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 900 };

describe(`assistance programmes in the browser: a verifier on a phone, the head of office signing the SK (${TEST_DB})`, () => {
  const h = suiteHarness();
  let roundUrl = '';

  const check = async (page: Page, shot: string) => {
    assert.deepEqual(await axeFindings(page), [], `${shot}: axe`);
    assert.equal(await sidewaysScroll(page), 0, `${shot}: no sideways scroll`);
    await screenshotFor(page, shot);
  };

  it('the operator opens the 2026 round and adds applicants; a 5-year-old is refused beside the NIK', async () => {
    const ctx = await h().browser.newContext({ viewport: LAPTOP });
    const page = await ctx.newPage();
    await signIn(page, h().base, `operator@${OFFICE}`);
    await page.getByRole('link', { name: 'Program bantuan' }).first().click();
    await check(page, 'programmes-list-laptop-id');
    await page.getByRole('link', { name: 'Bantuan Alat Bantu Aksesibilitas bagi Penyandang Disabilitas' }).click();
    assert.match((await page.locator('main').textContent()) ?? '', /Penetapan Penerima Bantuan melalui SK Kepala Dinas Sosial;/);
    await check(page, 'programme-detail-laptop-id');
    await page.getByLabel('Periode (tahun)').fill('2026');
    await page.getByLabel('Tanggal acuan usia').fill('2026-01-01');
    await page.getByRole('button', { name: 'Buka putaran' }).click();
    await page.waitForURL(/\/petugas\/program\/putaran\/[0-9a-f-]{36}/);
    roundUrl = page.url().replace(/\?.*$/, '');
    const add = async (nik: string, name: string, category: string) => {
      await page.getByLabel('NIK').fill(nik);
      await page.locator('#a-name').fill(name);
      await page.getByLabel('Kategori', { exact: true }).selectOption({ label: category });
      await page.getByLabel('Desa/Kelurahan pengusul').fill('MELAYU');
      await page.getByRole('button', { name: 'Tambah calon' }).click();
    };
    await add('6403021506900001', 'Rahmat Hidayat', 'Kursi roda');
    await page.getByText('Calon ditambahkan.').waitFor();
    await add('6403026304850002', 'Nurhayati', 'Alat bantu dengar ( hearing aid )');
    await page.getByText('Calon ditambahkan.').waitFor();
    await add('6403021009210003', 'Muhammad Arya', 'Tongkat ketiak (kruk)');
    const err = page.locator('#err-nik');
    await err.waitFor();
    assert.match((await err.textContent()) ?? '', /Penduduk Kabupaten Kutai Kartanegara berusia 6 tahun keatas/);
    await check(page, 'round-add-refused-laptop-id');
    await ctx.close();
  });

  it('the Tim Verval officer verifies on a phone, in Indonesian and English, and issues the berita acara', async () => {
    const ctx = await h().browser.newContext({ viewport: PHONE, locale: 'id-ID' });
    const page = await ctx.newPage();
    await signIn(page, h().base, `verifikator@${OFFICE}`);
    await page.goto(roundUrl);
    await check(page, 'round-phone-id');
    await page.getByRole('link', { name: 'RAHMAT HIDAYAT' }).click();
    await page.getByRole('button', { name: 'Simpan hasil verifikasi' }).click();
    await page.locator('#err-result').waitFor();
    await page.getByLabel('Tidak memenuhi syarat', { exact: true }).check();
    await page.getByRole('button', { name: 'Simpan hasil verifikasi' }).click();
    const reasonError = page.locator('#err-reason');
    await reasonError.waitFor();
    assert.match((await reasonError.textContent()) ?? '', /Tuliskan alasan calon tidak memenuhi syarat/);
    await check(page, 'verify-refused-phone-id');
    await page.getByLabel('Alasan (wajib bila tidak memenuhi syarat)').fill('Sudah menerima kursi roda dari Baznas tahun 2025');
    await page.getByRole('button', { name: 'Simpan hasil verifikasi' }).click();
    await page.getByText('Hasil verifikasi disimpan.').waitFor();

    await page.goto(`${roundUrl}?lang=en`);
    await page.getByRole('link', { name: 'NURHAYATI' }).click();
    await check(page, 'verify-phone-en');
    await page.getByLabel('Eligible', { exact: true }).check();
    await page.getByRole('button', { name: 'Save the verification' }).click();
    await page.getByText('Verification saved.').waitFor();
    await check(page, 'round-verified-phone-en');
    await page.goto(roundUrl);
    await page.getByRole('button', { name: 'Terbitkan Berita Acara Tim Verifikasi dan Validasi' }).click();
    await page.getByText(/Berita acara terbit: 400\.9\/\d{4}\/DINSOS\/2026/).waitFor();
    await check(page, 'round-reported-phone-id');
    await ctx.close();
  });

  it('the head of office signs the SK on a laptop in English; its annex lists only the eligible recipient', async () => {
    const ctx = await h().browser.newContext({ viewport: LAPTOP });
    const page = await ctx.newPage();
    await signIn(page, h().base, `kepala-dinas@${OFFICE}`);
    await page.goto(`${roundUrl}?lang=en`);
    await check(page, 'round-before-sk-laptop-en');
    await page.getByRole('button', { name: "Sign the recipients' decree" }).click();
    await page.getByText(/Recipients' decree signed: 400\.9\/\d{4}\/DINSOS\/2026/).waitFor();
    await check(page, 'round-decreed-laptop-en');
    const href = await page.getByRole('link', { name: /Recipients' decree/ }).getAttribute('href');
    const pdf = await page.request.get(`${h().base}${href}`);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    const text = (await pdfText(Buffer.from(await pdf.body()))).text;
    assert.match(text, /NURHAYATI — NIK 6403026304850002/);
    assert.ok(!text.includes('RAHMAT HIDAYAT'), 'the ineligible applicant is not in the SK');
    const publicHref = await page.getByRole('link', { name: 'public copy, NIK masked' }).last().getAttribute('href');
    const pub = await (await ctx.browser()!.newContext()).request.get(`${h().base}${publicHref}`);
    const pubText = (await pdfText(Buffer.from(await pub.body()))).text;
    assert.ok(!pubText.includes('6403026304850002') && pubText.includes('NURHAYATI'), 'the public copy masks the NIK');
    await ctx.close();
  });
});
