/**
 * The head of office of Kota Jambi in Chromium opens "Evaluasi standar" from the staff menu, picks
 * May 2026, reads the "2-3 hari kerja" service's promise beside the actual (70 % on time, median 3,
 * p90 5 working days), drills down from the case count to the case search, and downloads the
 * report as PDF and XLSX; a wrong period is answered beside its field. On a 360 px phone and a
 * laptop, in both languages, axe clean and without sideways scrolling.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { TEST_DB } from '../support/db.js';
import { rebuildOversightCounters } from '../../src/usecases/oversight/backfill-counters.js';
import { axeFindings, cspViolations, overflowingElements, screenshotFor, suiteHarness, watchCsp } from '../support/browser.js';
import { pdfText } from '../support/pdf.js';
import { signInAs } from '../support/sign-in.js';
import { insertCase, JAMBI_MAY, serviceOf } from '../oversight/cases.js';

describe(`the head of office evaluates the standard (${TEST_DB})`, () => {
  const h = suiteHarness();
  before(async () => {
    const odgj = serviceOf(h().t.catalogue, 'kota-jambi', 'rekomendasi-penyerahan-odgj-rsj');
    for (const c of JAMBI_MAY) await insertCase(h().t.database.db, odgj, c);
    await rebuildOversightCounters(h().t.ctx, odgj.officeId);
  });

  const open = async (page: Page, lang: 'id' | 'en') => {
    await signInAs(page, h().base, 'kepala-dinas@kota-jambi');
    if (lang === 'en') await page.goto(`${h().base}/petugas?lang=en`);
    await page.getByRole('navigation', { name: lang === 'en' ? 'Staff menu' : 'Menu petugas' }).getByRole('link', { name: lang === 'en' ? 'Standard evaluation' : 'Evaluasi standar' }).click();
    await page.getByRole('heading', { level: 1, name: lang === 'en' ? 'Service standard evaluation' : 'Evaluasi Standar Pelayanan' }).waitFor();
    await page.getByLabel(lang === 'en' ? 'Period type' : 'Jenis periode').selectOption('bulan');
    await page.getByLabel(lang === 'en' ? 'Period' : 'Periode', { exact: true }).fill('2026-05');
    await page.getByRole('button', { name: lang === 'en' ? 'Show' : 'Tampilkan' }).click();
    await page.waitForURL(/periode=2026-05/);
  };

  for (const [width, height, lang] of [[360, 740, 'id'], [1280, 900, 'id'], [360, 740, 'en'], [1280, 900, 'en']] as const)
    it(`at ${width} px in ${lang === 'id' ? 'Bahasa Indonesia' : 'English'}: promise vs actual, drill-down, late list`, async () => {
      const ctx = await h().browser.newContext({ viewport: { width, height } });
      await watchCsp(ctx);
      const page = await ctx.newPage();
      await open(page, lang);
      const main = (await page.locator('main').textContent()) ?? '';
      assert.match(main, lang === 'en' ? /May 2026/ : /Mei 2026/);
      const row = page.locator('table.evaluation tbody tr', { hasText: 'Gangguan Jiwa' });
      const cells = (await row.locator('td').allTextContents()).map((c) => c.trim());
      assert.match(cells[0]!, /^16\. Pelayanan Rekomendasi Penyerahan OGDJ/);
      assert.deepEqual(cells.slice(1, 9), lang === 'en' ? ['2-3 hari kerja', '12', '10', '70% (7/10)', '3 working days', '5 working days', '5 working days', '1'] : ['2-3 hari kerja', '12', '10', '70 % (7/10)', '3 hari kerja', '5 hari kerja', '5 hari kerja', '1']);
      assert.match(main, lang === 'en' ? /Promise kept in 70% of cases \(7 of 10 completed\); median 3 working days, p90 5 working days/ : /Janji ditepati pada 70 % kasus \(7 dari 10 selesai\); median 3 hari kerja, p90 5 hari kerja/);
      // The late list names the open case by its registration number, no applicant name.
      const late = page.locator('#terlambat');
      assert.match((await late.textContent()) ?? '', /JMB-2026-9000\d\d/);
      assert.doesNotMatch((await late.textContent()) ?? '', /Warga Uji/);
      assert.equal(await page.locator('figure svg').count(), 1, 'the on-time chart is drawn on the server');
      // The decree's drafting notes (sigap standards lint) for the yearly review, and the way to SPM.
      await page.getByRole('heading', { level: 2, name: lang === 'en' ? 'Drafting notes on the decree' : 'Catatan penyusunan keputusan' }).waitFor();
      assert.ok((await page.locator('section[aria-labelledby="h-lint"] li').count()) > 0, "Jambi's decree has drafting findings");
      assert.equal(await page.getByRole('link', { name: lang === 'en' ? 'SPM achievement' : 'Capaian SPM bidang sosial' }).count(), 1);
      assert.deepEqual(await axeFindings(page), []);
      assert.deepEqual(await overflowingElements(page), [], `no sideways scrolling at ${width} px`);
      assert.deepEqual(await cspViolations(page), [], 'the inline chart obeys the Content-Security-Policy');
      await screenshotFor(page, `evaluation-${width}-${lang}`);

      // Drill down: the case count opens the case search for that service and May's submission dates.
      await row.locator('td').nth(2).getByRole('link').click();
      await page.waitForURL(/\/petugas\/cari\?/);
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('from'), '2026-05-01');
      assert.equal(url.searchParams.get('to'), '2026-05-31');
      assert.match((await page.locator('main').textContent()) ?? '', /12/);
      assert.equal(await page.locator('main table tbody tr').count(), 12, 'the twelve May cases, not the June one');
      await ctx.close();
    });

  it('downloads the report as PDF and XLSX, and answers a wrong period beside its field', async () => {
    const ctx = await h().browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await ctx.newPage();
    await open(page, 'id');
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Laporan Evaluasi (PDF)' }).click()]);
    assert.equal(pdf.suggestedFilename(), 'evaluasi-standar-pelayanan-kota-jambi-2026-05.pdf');
    const bytes = await readFile((await pdf.path())!);
    const { text, sizes } = await pdfText(bytes);
    assert.match(text, /LAPORAN EVALUASI STANDAR PELAYANAN/);
    assert.match(text, /Mei 2026/);
    assert.match(text, /Janji ditepati pada 70 % kasus/);
    assert.ok(sizes[0]![0] > sizes[0]![1], 'A4 landscape');
    if (process.env.SIGAP_SCREENSHOTS) await (await import('node:fs/promises')).writeFile(`${process.env.SIGAP_SCREENSHOTS}/evaluation-report.pdf`, bytes);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tabel evaluasi (XLSX)' }).click()]);
    assert.equal(xlsx.suggestedFilename(), 'evaluasi-standar-pelayanan-kota-jambi-2026-05.xlsx');
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await xlsx.path())!)) as never);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const odgj = rows.find((r) => /Gangguan Jiwa/.test(r[1] ?? ''))!;
    assert.deepEqual(odgj.slice(2, 10), ['2-3 hari kerja', '12', '10', '7 (70 %)', '3 hari kerja', '5 hari kerja', '5 hari kerja', '1 (1)']);
    // Both exports are in the audit trail.
    const audit = await h().t.database.db.selectFrom('audit_events').select('action').where('action', 'like', 'oversight.export-%').execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['oversight.export-pdf', 'oversight.export-xlsx']);

    // The next month holds the June case alone.
    await page.getByRole('navigation', { name: 'Periode lain' }).getByRole('link', { name: 'Juni 2026 →' }).click();
    await page.waitForURL(/periode=2026-06/);
    assert.match((await page.getByTestId('summary').textContent()) ?? '', /^1 kasus diajukan; 1 selesai, 1 dalam waktu/);
    await page.getByRole('navigation', { name: 'Periode lain' }).getByRole('link', { name: '← Mei 2026' }).click();
    await page.waitForURL(/periode=2026-05/);

    await page.getByLabel('Periode', { exact: true }).fill('2026-13');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.locator('.field-error').waitFor();
    assert.match((await page.locator('.field-error').textContent()) ?? '', /Periode tidak valid: tulis TTTT-BB \(mis\. 2026-05\)/);
    assert.equal(await page.getByLabel('Periode', { exact: true }).getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await axeFindings(page), []);
    await screenshotFor(page, 'evaluation-wrong-period');
    await ctx.close();
  });

  it('a front-office clerk has no evaluation in the menu and is refused the page', async () => {
    const ctx = await h().browser.newContext();
    const page = await ctx.newPage();
    await signInAs(page, h().base, 'front-office@kota-jambi');
    assert.equal(await page.getByRole('link', { name: 'Evaluasi standar' }).count(), 0);
    const r = await page.goto(`${h().base}/petugas/evaluasi`);
    assert.equal(r?.status(), 403);
    await ctx.close();
  });

  for (const [width, height, lang] of [[360, 740, 'id'], [360, 740, 'en'], [1280, 900, 'id']] as const)
    it(`the public performance page at ${width} px in ${lang === 'id' ? 'Bahasa Indonesia' : 'English'}: from the office page, no sign-in, no personal data`, async () => {
      const ctx = await h().browser.newContext({ viewport: { width, height } });
      await watchCsp(ctx);
      const page = await ctx.newPage();
      await page.goto(`${h().base}/kantor/kota-jambi${lang === 'en' ? '?lang=en' : ''}`);
      await page.getByRole('link', { name: lang === 'en' ? 'Service performance' : 'Kinerja pelayanan' }).click();
      await page.getByRole('heading', { level: 1, name: lang === 'en' ? 'Service performance' : 'Kinerja Pelayanan' }).waitFor();
      await page.getByLabel(lang === 'en' ? 'Period' : 'Periode', { exact: true }).fill('2026-05');
      await page.getByRole('button', { name: lang === 'en' ? 'Show' : 'Tampilkan' }).click();
      await page.waitForURL(/periode=2026-05/);
      const row = page.locator('table.evaluation tbody tr', { hasText: 'Gangguan Jiwa' });
      const cells = (await row.locator('td').allTextContents()).map((c) => c.trim());
      assert.deepEqual(cells.slice(1, 5), lang === 'en' ? ['2-3 hari kerja', '12', '70% (7/10)', '3 working days'] : ['2-3 hari kerja', '12', '70 % (7/10)', '3 hari kerja']);
      const main = (await page.locator('main').textContent()) ?? '';
      assert.doesNotMatch(main, /JMB-2026-9|Warga Uji/, 'no registration number, no name');
      assert.match(main, lang === 'en' ? /fewer than 5 applications/ : /kurang dari 5 permohonan/);
      assert.deepEqual(await axeFindings(page), []);
      assert.deepEqual(await overflowingElements(page), [], `no sideways scrolling at ${width} px`);
      assert.deepEqual(await cspViolations(page), []);
      await screenshotFor(page, `performance-${width}-${lang}`);
      // June has one case: its figures are withheld.
      await page.getByLabel(lang === 'en' ? 'Period' : 'Periode', { exact: true }).fill('2026-06');
      await page.getByRole('button', { name: lang === 'en' ? 'Show' : 'Tampilkan' }).click();
      await page.waitForURL(/periode=2026-06/);
      const june = (await page.locator('table.evaluation tbody tr', { hasText: 'Gangguan Jiwa' }).locator('td').allTextContents()).map((c) => c.trim());
      assert.deepEqual(june.slice(2, 5), ['< 5', '—', '—']);
      await ctx.close();
    });
});
