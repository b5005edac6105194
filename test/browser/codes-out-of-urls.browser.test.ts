/**
 * The citizen's whole journey in Chromium with every request watched: apply on a phone, read the
 * receipt, track the case with the form, download the signed letter — no request URL and no
 * redirect ever carries the tracking code, which the receipt still shows to be written down. An
 * old link with `?code=` opens the case once and lands on the code-free URL; another browser is
 * asked for the code. Pages pass axe on a 360 px phone and a laptop, in both languages.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { TEST_DB } from '../support/db.js';
import { axeFindings, screenshotFor, sidewaysScroll, suiteHarness } from '../support/browser.js';
import { PDF_MIN, PNG_1X1, SITI } from '../support/fixtures.js';
import { driveUntil } from '../letters/helpers.js';

const shot = screenshotFor;
const overflow = sidewaysScroll;
const axeIds = axeFindings;

/** Every URL the browser asked for and every redirect it was given, in this context. */
function watch(ctx: BrowserContext): string[] {
  const seen: string[] = [];
  ctx.on('request', (r) => seen.push(r.url()));
  ctx.on('response', (r) => {
    const loc = r.headers().location;
    if (loc) seen.push(`Location: ${loc}`);
  });
  return seen;
}

describe(`a citizen's journey keeps the tracking code out of every URL (${TEST_DB})`, () => {
  const h = suiteHarness();

  let number = '';
  let code = '';

  it('applies on a phone: the receipt shows the code, its URL and links do not', async () => {
    const { t, browser, base } = h();
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const seen = watch(ctx);
    const page = await ctx.newPage();
    await page.goto(`${base}/kantor/kota-jambi/layanan/rekomendasi-jamkesda-bayi/ajukan`);
    await page.getByLabel('Nama lengkap').fill(SITI.name);
    await page.getByLabel('NIK', { exact: false }).first().fill(SITI.nik);
    await page.getByLabel('Nomor HP (untuk WhatsApp atau SMS)').fill(SITI.phone);
    await page.getByLabel('Berdomisili di Kota Jambi').check();
    const svc = t.catalogue.service('kota-jambi', 'rekomendasi-jamkesda-bayi')!.service.service;
    for (const [i, d] of svc.requirements.filter((r) => r.kind === 'document').entries())
      await page.locator(`#f-file-${d.id}`).setInputFiles({ name: i % 2 ? 'kk.pdf' : 'ktp.png', mimeType: i % 2 ? 'application/pdf' : 'image/png', buffer: i % 2 ? PDF_MIN : PNG_1X1 });
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    await page.waitForSelector('[data-testid="registration-number"]');
    number = (await page.getByTestId('registration-number').textContent())!.trim();
    code = (await page.getByTestId('tracking-code').textContent())!.trim();
    assert.match(code, /^[A-Z0-9]{8}$/);
    assert.equal(new URL(page.url()).pathname, `/lacak/${number}/tanda-terima`);
    assert.equal(new URL(page.url()).search, '');
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    assert.deepEqual(hrefs.filter((u) => u.includes(code)), [], 'no link on the receipt carries the code');
    assert.deepEqual(seen.filter((u) => u.includes(code)), [], 'no request or redirect carried the code');
    assert.deepEqual(await axeIds(page), []);
    assert.equal(await overflow(page), 0);
    await shot(page, 'receipt-code-free-phone');
    // The receipt's own link opens the tracking page while the cookie lives.
    await page.getByRole('link', { name: 'Lacak permohonan' }).last().click();
    await page.getByTestId('status').waitFor();
    assert.deepEqual(seen.filter((u) => u.includes(code)), []);
    await ctx.close();
  });

  it('tracks with the form on a laptop in English, and downloads the signed letter: the code is in no URL', async () => {
    const { t, browser, base } = h();
    const row = await t.database.db.selectFrom('applications').select('id').where('registration_number', '=', number).executeTakeFirstOrThrow();
    await driveUntil(t.ctx, row.id, () => false, 'kota-jambi');
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const seen = watch(ctx);
    const page = await ctx.newPage();
    await page.goto(`${base}/lacak?lang=en`);
    await page.getByLabel('Registration number').fill(number);
    await page.getByLabel('Tracking code').fill(code);
    await shot(page, 'track-form-laptop-en');
    await page.getByRole('button', { name: 'Track' }).click();
    await page.getByTestId('status').waitFor();
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, `/lacak/${number}?lang=en`);
    assert.deepEqual(await axeIds(page), []);
    await shot(page, 'tracking-laptop-en');
    const link = page.getByTestId('letter-download').first();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.match(download.suggestedFilename(), /\.pdf$/);
    assert.ok((await download.path()) !== null);
    assert.deepEqual(seen.filter((u) => u.includes(code)), [], 'no request or redirect carried the code');
    await ctx.close();
  });

  it('an old link with ?code= opens the case once and lands on the code-free URL; another browser is asked for the code', async () => {
    const { browser, base } = h();
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await ctx.newPage();
    await page.goto(`${base}/lacak/${number}?code=${code}`);
    await page.getByTestId('status').waitFor();
    assert.equal(page.url(), `${base}/lacak/${number}`);
    await ctx.close();

    const fresh = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const p2 = await fresh.newPage();
    await p2.goto(`${base}/lacak/${number}`);
    await p2.getByText('Masukkan kode pelacakan dari tanda terima untuk melihat permohonan ini.').waitFor();
    assert.equal(await p2.getByLabel('Nomor registrasi').inputValue(), number);
    assert.deepEqual(await axeIds(p2), []);
    assert.equal(await overflow(p2), 0);
    await shot(p2, 'track-asks-again-phone');
    await p2.getByLabel('Kode pelacakan').fill(code);
    await p2.getByRole('button', { name: 'Lacak' }).click();
    await p2.getByTestId('status').waitFor();
    assert.equal(p2.url(), `${base}/lacak/${number}`);
    await fresh.close();
  });
});
