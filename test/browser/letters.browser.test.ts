import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { readLetterFile } from '../../src/usecases/letters/letter-files.js';
import { simulateCase } from '../../src/usecases/applications/simulate-case.js';
import { TEST_DB } from '../support/db.js';
import type { TestApp } from '../support/app.js';
import { axeViolations, browserHarness } from '../support/browser.js';
import { signInAs } from '../support/sign-in.js';
import { driveUntil, fileCase } from '../letters/helpers.js';

describe(`the head of office signs letters and anyone verifies them (${TEST_DB})`, () => {
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

  const signIn = (page: Page, username: string) => signInAs(page, base, username);

  let token = '';

  it('signs at the sign step only with the right password', async () => {
    const c = await fileCase(t.ctx, 'kota-jambi', 'rekomendasi-jamkesda-bayi');
    await driveUntil(t.ctx, c.id, (s) => s.kind === 'sign', 'kota-jambi');
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await signIn(page, 'kepala-dinas@kota-jambi');
    await page.getByRole('link', { name: c.registrationNumber }).click();
    await page.getByLabel('Kata sandi (konfirmasi penandatanganan)').fill('bukan-sandi');
    await page.getByRole('button', { name: 'Ditandatangani', exact: true }).click();
    await page.waitForSelector('.error-summary');
    assert.match((await page.locator('.error-summary').textContent()) ?? '', /Kata sandi salah/);
    await page.getByLabel('Kata sandi (konfirmasi penandatanganan)').fill('sigap-demo');
    await page.getByRole('button', { name: 'Ditandatangani', exact: true }).click();
    await page.waitForURL(/\/petugas\/berkas\/[^?]+\?selesai=/);
    const l = await t.database.db.selectFrom('letters').selectAll().where('application_id', '=', c.id).executeTakeFirstOrThrow();
    assert.equal(l.status, 'signed');
    assert.match(l.number!, /^400\.9\/\d{4}\/Dinsos\/\d{4}$/);
    token = l.token;
    await ctx.close();
  });

  it('batch-signs ready letters from the letters page', async () => {
    const leave = { leaveForSigner: true };
    const runs = [await simulateCase(t.ctx, 'kota-jambi', 'rekomendasi-subsidi-listrik', 'main', undefined, leave), await simulateCase(t.ctx, 'kota-jambi', 'surat-keterangan-terdaftar-dtks', 'main', undefined, leave)];
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await signIn(page, 'kepala-dinas@kota-jambi');
    await page.getByRole('navigation', { name: 'Menu petugas' }).getByRole('link', { name: 'Surat' }).click();
    await page.getByRole('heading', { name: /Menunggu tanda tangan Anda \(2\)/ }).waitFor();
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), [], 'the letters page is accessible');
    for (const cb of await page.getByRole('checkbox').all()) await cb.check();
    await page.getByLabel('Kata sandi (konfirmasi penandatanganan)').fill('sigap-demo');
    await page.getByRole('button', { name: 'Tandatangani yang dipilih' }).click();
    await page.getByRole('status').waitFor();
    assert.match((await page.getByRole('status').textContent()) ?? '', /2 surat ditandatangani/);
    for (const r of runs) {
      const l = await t.database.db.selectFrom('letters').select('status').where('application_id', '=', r.applicationId).executeTakeFirstOrThrow();
      assert.equal(l.status, 'signed');
    }
    await ctx.close();
  });

  it('lets anyone verify on a phone, and tells an identical file from a tampered one', async () => {
    const l = await t.database.db.selectFrom('letters').selectAll().where('token', '=', token).executeTakeFirstOrThrow();
    const pdf = (await readLetterFile(t.ctx, l.sha256!))!;
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await ctx.newPage();
    await page.goto(`${base}/v/${token}`);
    assert.equal(await page.getByTestId('verify-state').textContent(), 'Asli dan berlaku');
    assert.equal(await page.getByTestId('verify-number').textContent(), l.number);
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), [], 'the verification page is accessible');
    await page.getByLabel('Berkas PDF surat').setInputFiles({ name: 'surat.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: 'Periksa' }).click();
    await page.getByTestId('file-check').waitFor();
    assert.match((await page.getByTestId('file-check').textContent()) ?? '', /COCOK/);
    assert.doesNotMatch((await page.getByTestId('file-check').textContent()) ?? '', /TIDAK/);
    const tampered = Buffer.concat([pdf, Buffer.from('\n% diubah\n')]);
    await page.getByLabel('Berkas PDF surat').setInputFiles({ name: 'surat.pdf', mimeType: 'application/pdf', buffer: tampered });
    await page.getByRole('button', { name: 'Periksa' }).click();
    await page.getByText('TIDAK COCOK').waitFor();
    await page.goto(`${base}/v/AAAAAAAAAAAAAAAA`);
    assert.match((await page.getByTestId('verify-state').textContent()) ?? '', /tidak terdaftar/);
    await ctx.close();
  });
});
