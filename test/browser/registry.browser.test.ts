import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { TEST_DB } from '../support/db.js';
import type { TestApp } from '../support/app.js';
import { axeViolations, browserHarness } from '../support/browser.js';
import { extract, row, writeCsv } from '../registry/support.js';

const SITI = row({ nik: '1571024107900003', kk: '1571020101150007', nama: 'SITI AMINAH', tanggal_lahir: '1990-07-01', jenis_kelamin: 'P', hubungan: 'ISTRI', desil: '1', pkh: '1' });
const BUDI = row({ nik: '1571021708850002', kk: '1571020101150007', nama: 'BUDI SANTOSO', tanggal_lahir: '1985-08-17', jenis_kelamin: 'L', desil: '1', pkh: '1' });

describe(`the registry in the back office: an operator imports an extract, the counter looks people up (${TEST_DB})`, () => {
  let h: Awaited<ReturnType<typeof browserHarness>>;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let dir: string;
  before(async () => {
    h = await browserHarness();
    ({ t, browser, base } = h);
    dir = mkdtempSync(join(tmpdir(), 'sigap-reg-browser-'));
  });
  after(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const signIn = async (page: Page, username: string, path: string) => {
    await page.goto(`${base}${path}`);
    await page.waitForURL(/\/masuk/);
    await page.getByLabel('Nama pengguna').fill(username);
    await page.getByLabel('Kata sandi').fill('sigap-demo');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(new RegExp(path.replace(/\//g, '\\/')));
  };

  it('the operator uploads an extract and follows its progress to the published snapshot', async () => {
    const file = join(dir, 'dtks-jambi.csv');
    writeCsv(file, extract('kota-jambi', 3000, [BUDI, SITI]), { sep: ';' });
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await signIn(page, 'operator@kota-jambi', '/petugas/registri/impor');
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), [], 'the import form is accessible');
    await page.getByLabel('Periode data (YYYY-MM)').fill('2026-01');
    await page.getByLabel('Berkas ekstrak (CSV atau XLSX)').setInputFiles({ name: 'dtks-jambi.csv', mimeType: 'text/csv', buffer: readFileSync(file) });
    await page.getByRole('button', { name: 'Mulai impor' }).click();
    await page.waitForURL(/\/petugas\/registri\/impor\/[0-9a-f-]{36}/);
    await page.getByText('Snapshot diterbitkan dan berlaku.').waitFor({ timeout: 60_000 });
    assert.match((await page.locator('dl.facts').textContent()) ?? '', /3\.002/);
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), [], 'the result page is accessible');
    await ctx.close();
  });

  it('the counter looks up a NIK on a phone: listed, with the family (others masked) and the snapshot; a stranger is not listed', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
    const page = await ctx.newPage();
    await signIn(page, 'front-office@kota-jambi', '/petugas/registri');
    await page.getByLabel('NIK').fill('1571 0241 0790 0003');
    await page.getByRole('button', { name: 'Periksa' }).click();
    await page.getByText('TERDAFTAR di DTKS/DTSEN').waitFor();
    const result = (await page.locator('#h-hasil').locator('..').textContent()) ?? '';
    assert.match(result, /snapshot periode 2026-01/);
    assert.match(result, /SITI AMINAH/);
    assert.match(result, /1571 02•• •••• 0002/, 'the husband’s NIK is masked at the counter');
    assert.match(result, /dicatat di log akses/);
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), [], 'the result is accessible');

    await page.getByLabel('NIK').fill('1571036512880004');
    await page.getByRole('button', { name: 'Periksa' }).click();
    await page.getByText('TIDAK TERDAFTAR di DTKS/DTSEN (Non DTKS)').waitFor();
    await page.getByLabel('NIK').fill('15710241079');
    await page.getByRole('button', { name: 'Periksa' }).click();
    await page.locator('.error-summary').waitFor();
    assert.match((await page.locator('.error-summary').textContent()) ?? '', /NIK harus 16 digit; yang diisi 11 digit/);
    await ctx.close();
  });

  it('the auditor reads the access log; a role without need cannot open the registry', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await signIn(page, 'auditor@kota-jambi', '/petugas/registri/log');
    const table = (await page.locator('table').textContent()) ?? '';
    // The auditor's oversight needs who looked up whom and why, not the number itself: masked (issue 12).
    assert.match(table, /1571 02•• •••• 0003/);
    assert.doesNotMatch(table, /1571024107900003/);
    assert.match(table, /Pemeriksaan DTKS di loket atas permintaan warga/);
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), []);
    await ctx.close();
    const other = await browser.newContext();
    const p2 = await other.newPage();
    await signIn(p2, 'tagana@kota-jambi', '/petugas/registri');
    assert.match((await p2.locator('main').textContent()) ?? '', /tidak berwenang/);
    await other.close();
  });
});
