/**
 * The dashboard in Chromium: the head of office of Kota Jambi on a laptop opens "Dasbor" from the
 * staff menu, reads the key figures, the charts with their tables, drills down from a backlog count
 * to exactly its cases and downloads a table as XLSX; a head of division on a 360 px phone narrows it
 * to Bidang Rehabilitasi Sosial. Both languages, axe clean, no sideways scrolling, CSP obeyed.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { TEST_DB } from '../support/db.js';
import { axeFindings, browserHarness, cspViolations, overflowingElements, screenshotFor, watchCsp } from '../support/browser.js';
import { signInAs } from '../support/sign-in.js';
import { DASHBOARD_TODAY, seedDashboard } from '../oversight/dashboard-cases.js';

describe(`the dashboard of the head of office and of a division (${TEST_DB})`, () => {
  let h: Awaited<ReturnType<typeof browserHarness>>;
  let ids: Record<string, string> = {};
  before(async () => {
    h = await browserHarness({ now: DASHBOARD_TODAY });
    ({ ids } = await seedDashboard(h.t));
  });
  after(async () => h?.close());

  const openDashboard = async (page: Page, who: string, lang: 'id' | 'en') => {
    await signInAs(page, h.base, who);
    if (lang === 'en') await page.goto(`${h.base}/petugas?lang=en`);
    await page.getByRole('navigation', { name: lang === 'en' ? 'Staff menu' : 'Menu petugas' }).getByRole('link', { name: lang === 'en' ? 'Dashboard' : 'Dasbor', exact: true }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByLabel(lang === 'en' ? 'From (a 1st)' : 'Dari (tanggal 1)').fill('2026-04-01');
    await page.getByLabel(lang === 'en' ? 'To (a month end)' : 'Sampai (akhir bulan)').fill('2026-06-30');
  };

  const sound = async (page: Page, width: number) => {
    assert.deepEqual(await axeFindings(page), []);
    assert.deepEqual(await overflowingElements(page), [], `no sideways scrolling at ${width} px`);
    assert.deepEqual(await cspViolations(page), [], 'the inline charts obey the Content-Security-Policy');
  };

  for (const lang of ['id', 'en'] as const)
    it(`the head of office on a laptop in ${lang === 'id' ? 'Bahasa Indonesia' : 'English'}: figures, charts, drill-down, XLSX`, async () => {
      const ctx = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      await watchCsp(ctx);
      const page = await ctx.newPage();
      await openDashboard(page, 'kepala-dinas@kota-jambi', lang);
      await page.getByRole('button', { name: lang === 'en' ? 'Show' : 'Tampilkan' }).click();
      await page.waitForURL(/from=2026-04-01/);
      await page.getByRole('heading', { level: 1, name: lang === 'en' ? 'Head of office dashboard' : 'Dasbor Kepala Dinas' }).waitFor();
      const key = (await page.getByTestId('key-figures').textContent()) ?? '';
      assert.match(key, lang === 'en' ? /Submitted in the period: 20/ : /Diajukan dalam periode: 20/);
      assert.match(key, lang === 'en' ? /Open and late now: 3/ : /Terbuka terlambat sekarang: 3/);
      assert.equal(await page.locator('figure svg').count(), 3, 'volume, on time and backlog charts drawn on the server');
      assert.equal(await page.locator('figure figcaption').count(), 3, 'each chart with its text alternative');
      const caption = (await page.locator('section[data-table="volume"] figcaption').textContent()) ?? '';
      assert.match(caption, lang === 'en' ? /20 in the period, 12 completed, 1 rejected, 1 withdrawn, 6 still open/ : /20 dalam periode, 12 selesai, 1 ditolak, 1 dibatalkan, 6 masih terbuka/);
      const late = (await page.locator('section[data-table="late"]').textContent()) ?? '';
      assert.match(late, /Siti Aminah/);
      await sound(page, 1280);
      await screenshotFor(page, `dashboard-1280-${lang}`);

      // XLSX of the backlog table, with the same numbers.
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('section[data-table="backlog"] a[download]').click()]);
      const { default: ExcelJS } = await import('exceljs');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
      const rows: unknown[][] = [];
      wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
      assert.ok(rows.some((r) => String(r[0]).startsWith('16. ') && r[3] === 2 && r[4] === 2), 'the pick-up step: 2 open, 2 late');

      // Drill down: the backlog's "2 open at the pick-up step" opens exactly those two cases.
      await page.locator('section[data-table="backlog"] tbody a[href*="open=1&stepId=penjemputan"]').click();
      await page.waitForURL(/\/petugas\/cari\?/);
      assert.equal(await page.locator('main table tbody tr').count(), 2);
      assert.match((await page.getByTestId('drill').textContent()) ?? '', lang === 'en' ? /every open status/ : /semua status terbuka/);
      await sound(page, 1280);
      await ctx.close();
    });

  for (const lang of ['id', 'en'] as const)
    it(`a head of division on a 360 px phone in ${lang === 'id' ? 'Bahasa Indonesia' : 'English'}: Bidang Rehabilitasi Sosial only`, async () => {
      const ctx = await h.browser.newContext({ viewport: { width: 360, height: 740 } });
      await watchCsp(ctx);
      const page = await ctx.newPage();
      await openDashboard(page, 'kepala-bidang@kota-jambi', lang);
      await page.getByLabel(lang === 'en' ? 'Division' : 'Bidang', { exact: true }).selectOption('rehabilitasi-sosial');
      await page.getByRole('button', { name: lang === 'en' ? 'Show' : 'Tampilkan' }).click();
      await page.waitForURL(/division=rehabilitasi-sosial/);
      await page.getByRole('heading', { level: 1, name: lang === 'en' ? 'Dashboard: Bidang Rehabilitasi Sosial' : 'Dasbor Bidang Rehabilitasi Sosial' }).waitFor();
      const key = (await page.getByTestId('key-figures').textContent()) ?? '';
      assert.match(key, lang === 'en' ? /Submitted in the period: 16/ : /Diajukan dalam periode: 16/);
      const ageing = (await page.locator('section[data-table="ageing"]').textContent()) ?? '';
      assert.match(ageing, lang === 'en' ? /working days/ : /hari kerja/);
      assert.doesNotMatch((await page.locator('section[data-table="late"]').textContent()) ?? '', new RegExp(ids.feb2 ?? 'x'));
      await sound(page, 360);
      await screenshotFor(page, `dashboard-360-${lang}`);
      // A wrong end date is answered beside its field, on the page.
      await page.getByLabel(lang === 'en' ? 'To (a month end)' : 'Sampai (akhir bulan)').fill('2026-06-15');
      await page.getByRole('button', { name: lang === 'en' ? 'Show' : 'Tampilkan' }).click();
      await page.locator('#err-to').waitFor();
      assert.match((await page.locator('#err-to').textContent()) ?? '', lang === 'en' ? /the end must be the last day of a month/ : /tanggal akhir harus hari terakhir suatu bulan/);
      await sound(page, 360);
      await ctx.close();
    });
});
