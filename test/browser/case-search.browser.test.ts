/** In Chromium, a counter clerk finds cases from the staff menu (by NIK on a phone, by number on a laptop), opens them, lists the completed ones and filters the queue. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { accessLogForNik } from '../../src/db/registry-repo.js';
import { simulateCase } from '../../src/usecases/applications/simulate-case.js';
import type { TestApp } from '../support/app.js';
import { axeViolations, browserHarness, signIn } from '../support/browser.js';
import { TEST_DB } from '../support/db.js';
import { fileCase } from '../letters/helpers.js';

describe(`staff find cases in a browser (${TEST_DB})`, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let h: Awaited<ReturnType<typeof browserHarness>> | undefined;
  const cases: { id: string; registrationNumber: string }[] = [];
  let completedId = '';
  before(async () => {
    h = await browserHarness();
    ({ t, browser, base } = h);
    for (const name of ['Siti Aminah', 'Budi Santoso', 'Nurul Hidayah']) cases.push(await fileCase(t.ctx, 'kota-jambi', 'rekomendasi-jamkesda-bayi', name));
    completedId = (await simulateCase(t.ctx, 'kota-jambi', 'rekomendasi-subsidi-listrik', 'main')).applicationId;
  });
  after(async () => {
    await h?.close();
  });

  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const menu = (page: Page) => page.getByRole('navigation', { name: /Menu petugas|Staff menu/ });

  it('on a 360 px phone, the counter clerk finds a case by NIK from the menu and opens it; the search is logged', async () => {
    const target = cases[1]!;
    const nik = (await t.database.db.selectFrom('applications').select('applicant_nik').where('id', '=', target.id).executeTakeFirstOrThrow()).applicant_nik!;
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await ctx.newPage();
    await signIn(page, base, 'front-office@kota-jambi');
    await menu(page).getByRole('link', { name: 'Cari berkas' }).click();
    await page.getByRole('heading', { name: 'Cari berkas', level: 1 }).waitFor();
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), [], 'the empty search page is accessible');
    // Typed the way a clerk reads it off a KTP: in groups.
    await page.getByLabel('Nomor registrasi, NIK, atau nama pemohon').fill(`${nik.slice(0, 4)} ${nik.slice(4, 8)} ${nik.slice(8, 12)} ${nik.slice(12)}`);
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.getByRole('heading', { name: /berkas ditemukan/ }).waitFor();
    assert.equal(await overflow(page), 0, 'no horizontal scrolling on a phone');
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), [], 'the results are accessible');
    const row = page.getByRole('row').filter({ hasText: target.registrationNumber });
    assert.match((await row.textContent()) ?? '', /Budi Santoso/);
    assert.match((await row.textContent()) ?? '', /Sedang diproses/);
    assert.doesNotMatch((await page.locator('main').textContent()) ?? '', new RegExp(nik), 'the NIK is shown masked');
    await page.getByRole('link', { name: target.registrationNumber }).click();
    await page.waitForURL(new RegExp(`/petugas/berkas/${target.id}$`));
    await page.getByRole('heading', { level: 1, name: new RegExp(target.registrationNumber) }).waitFor();
    const log = await accessLogForNik(t.database.db, (await t.database.db.selectFrom('applications').select('office_id').where('id', '=', target.id).executeTakeFirstOrThrow()).office_id, nik);
    assert.equal(log.at(-1)?.action, 'search-cases');
    assert.equal(log.at(-1)?.actorName.startsWith('Front Office'), true);
    await ctx.close();
  });

  it('a wrong NIK is refused beside the search box', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await ctx.newPage();
    await signIn(page, base, 'front-office@kota-jambi');
    await menu(page).getByRole('link', { name: 'Cari berkas' }).click();
    await page.getByLabel('Nomor registrasi, NIK, atau nama pemohon').fill('1571 0241 0790');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.locator('#err-q').waitFor();
    assert.match((await page.locator('#err-q').textContent()) ?? '', /NIK terdiri dari 16 angka; yang tertulis 12 angka/);
    assert.equal(await page.getByLabel('Nomor registrasi, NIK, atau nama pemohon').getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), []);
    assert.equal(await overflow(page), 0);
    await ctx.close();
  });

  it('on a laptop, finds a case by its number and lists the completed cases, in both languages', async () => {
    const target = cases[2]!;
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await signIn(page, base, 'front-office@kota-jambi');
    await menu(page).getByRole('link', { name: 'Cari berkas' }).click();
    await page.getByLabel('Nomor registrasi, NIK, atau nama pemohon').fill(target.registrationNumber.toLowerCase());
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '1 berkas ditemukan' }).waitFor();
    await page.getByRole('link', { name: target.registrationNumber }).click();
    await page.waitForURL(new RegExp(`/petugas/berkas/${target.id}$`));

    await menu(page).getByRole('link', { name: 'Cari berkas' }).click();
    await page.getByRole('navigation', { name: 'Daftar cepat' }).getByRole('link', { name: 'Selesai' }).click();
    await page.getByRole('heading', { name: /berkas ditemukan/ }).waitFor();
    const rows = page.locator('tbody tr');
    assert.equal(await rows.count(), 1);
    assert.match((await rows.first().textContent()) ?? '', /Selesai/);
    assert.equal(await page.getByRole('link', { name: /^JMB-/ }).getAttribute('href'), `/petugas/berkas/${completedId}`);
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), []);

    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { name: '1 case found' }).waitFor();
    assert.match((await rows.first().textContent()) ?? '', /Completed/, 'the language switch keeps the search');
    await page.getByRole('navigation', { name: 'Quick lists' }).getByRole('link', { name: 'Withdrawn' }).click();
    await page.getByRole('heading', { name: '0 cases found' }).waitFor();
    assert.match((await page.locator('main').textContent()) ?? '', /No case matches/);
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), []);
    await ctx.close();
  });

  it('filters the queue by service and then by step, with counts, on a phone', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await ctx.newPage();
    await signIn(page, base, 'front-office@kota-jambi');
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), [], 'the queue is accessible');
    assert.equal(await overflow(page), 0);
    assert.match((await page.locator('caption').textContent()) ?? '', /^3 tugas terbuka/);
    const bayi = await page.getByLabel('Layanan').locator('option', { hasText: /Jamkesda Bayi \(3\)$/ }).getAttribute('value');
    await page.getByLabel('Layanan').selectOption(bayi!);
    await page.getByRole('button', { name: 'Saring' }).click();
    await page.getByLabel('Tahap').waitFor();
    const step = (await page.getByLabel('Tahap').locator('option').nth(1).textContent()) ?? '';
    assert.match(step, /\(3\)$/, 'the step choice shows its count');
    await page.getByLabel('Tahap').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Saring' }).click();
    await page.waitForURL(/stepId=/);
    assert.match((await page.locator('caption').textContent()) ?? '', /^3 tugas terbuka/);
    await page.getByRole('link', { name: /Yang saya ambil/ }).click();
    await page.getByText('Tidak ada tugas dengan saringan ini.').waitFor();
    assert.equal(await overflow(page), 0);
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), []);
    await ctx.close();
  });
});
