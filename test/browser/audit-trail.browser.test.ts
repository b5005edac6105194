/**
 * The head of office of Kota Jambi in Chromium: a case page shows who read the case (the clerk,
 * then the head), and the audit trail, reached from the staff menu, filters by the case's number
 * and offers its export. Both pages pass axe and fit a 360 px phone and a laptop, in both languages.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { TEST_DB } from '../support/db.js';
import { axeViolations, browserHarness, overflowingElements } from '../support/browser.js';
import { signInAs } from '../support/sign-in.js';
import { apiClient } from '../support/app.js';
import { fileCase } from '../letters/helpers.js';

/** Screenshots for a person to look at (SIGAP_SCREENSHOTS=dir); nothing is written otherwise. */
const SHOTS = process.env.SIGAP_SCREENSHOTS;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};
const axeIds = async (page: Page) => (await axeViolations(page)).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

describe(`the head of office sees who read a case, and the audit trail (${TEST_DB})`, () => {
  let browser: Browser;
  let base: string;
  let h: Awaited<ReturnType<typeof browserHarness>> | undefined;
  let siti: { id: string; registrationNumber: string };
  before(async () => {
    h = await browserHarness();
    ({ browser, base } = h);
    const t = h.t;
    siti = await fileCase(t.ctx, 'kota-jambi', 'rekomendasi-jamkesda-bayi', 'Siti Aminah');
    const { req, login } = apiClient(() => t);
    // The clerk opens the case and finds it by name: two kinds of logged read.
    const front = await login('front-office@kota-jambi');
    assert.equal((await req('GET', `/petugas/berkas/${siti.id}`, undefined, front)).status, 200);
    assert.equal((await req('GET', '/api/v1/applications?q=Siti', undefined, front)).status, 200);
  });
  after(async () => {
    await h?.close();
  });

  for (const [width, height, lang] of [[360, 740, 'id'], [1280, 900, 'id'], [360, 740, 'en'], [1280, 900, 'en']] as const)
    it(`at ${width} px in ${lang === 'id' ? 'Bahasa Indonesia' : 'English'}: who accessed the case, then the trail filtered by its number`, async () => {
      const ctx = await browser.newContext({ viewport: { width, height } });
      const page = await ctx.newPage();
      await signInAs(page, base, 'kepala-dinas@kota-jambi');
      const q = lang === 'en' ? '?lang=en' : '';
      await page.goto(`${base}/petugas/berkas/${siti.id}${q}`);
      const section = page.getByTestId('record-reads');
      await section.getByRole('heading', { name: lang === 'en' ? 'Who accessed this record' : 'Siapa mengakses data ini' }).waitFor();
      const text = (await section.textContent()) ?? '';
      assert.match(text, /Front Office/);
      assert.match(text, lang === 'en' ? /Case search/ : /Pencarian berkas/);
      assert.match(text, /Kepala Dinas Sosial/, 'the head’s own read is listed too');
      assert.deepEqual(await axeIds(page), []);
      assert.deepEqual(await overflowingElements(page), [], `no sideways scrolling at ${width} px`);
      if (SHOTS) await section.screenshot({ path: `${SHOTS}/case-reads-${width}-${lang}.png` });

      await page.getByRole('navigation', { name: lang === 'en' ? 'Staff menu' : 'Menu petugas' }).getByRole('link', { name: lang === 'en' ? 'Audit trail' : 'Jejak audit' }).click();
      await page.getByRole('heading', { name: lang === 'en' ? 'Audit trail' : 'Jejak audit', level: 1 }).waitFor();
      await page.getByLabel(lang === 'en' ? 'Registration number, complaint number or id' : 'Nomor registrasi, nomor pengaduan atau id').fill(siti.registrationNumber);
      await page.getByRole('button', { name: lang === 'en' ? 'Filter' : 'Saring' }).click();
      await page.waitForURL(/record=/);
      const rows = page.locator('table.trail tbody tr');
      assert.ok((await rows.count()) >= 3, 'the clerk’s read, the search, the head’s reads');
      assert.match((await page.locator('main').textContent()) ?? '', lang === 'en' ? /Download XLSX/ : /Unduh XLSX/);
      assert.deepEqual(await axeIds(page), []);
      assert.deepEqual(await overflowingElements(page), [], `no sideways scrolling at ${width} px`);
      await shot(page, `trail-${width}-${lang}`);
      assert.match((await page.locator('.trail-filter-summary').textContent()) ?? '', new RegExp(siti.registrationNumber));
      if (width === 1280) {
        // Printed, the trail says which filters made it and leaves the form and the menu out.
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.locator('form.trail-filters').isVisible(), false);
        assert.equal(await page.getByRole('navigation', { name: lang === 'en' ? 'Staff menu' : 'Menu petugas' }).isVisible(), false);
        assert.equal(await page.locator('.trail-filter-summary').isVisible(), true);
        await shot(page, `trail-print-${lang}`);
        await page.emulateMedia({ media: 'screen' });
      }

      // A NIK that is not one is refused beside its field.
      await page.getByLabel(/^NIK/).fill('1571');
      await page.getByRole('button', { name: lang === 'en' ? 'Filter' : 'Saring' }).click();
      await page.locator('#err-nik').waitFor();
      assert.match((await page.locator('#err-nik').textContent()) ?? '', lang === 'en' ? /A NIK has 16 digits/ : /NIK harus 16 angka/);
      assert.deepEqual(await axeIds(page), []);
      await shot(page, `trail-error-${width}-${lang}`);
      await ctx.close();
    });
});
