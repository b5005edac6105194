/**
 * Bad input, bounded, as a person meets it (issue 12): a surveyor uploads a questionnaire workbook
 * that is a decompression bomb and is told at once, in the page and in their language, what is
 * wrong and what to do — on a phone and a laptop, passing axe.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { TEST_DB } from '../support/db.js';
import { axeViolations, browserHarness, overflowingElements, signIn } from '../support/browser.js';
import { xlsxBomb } from '../support/zip-bomb.js';

describe(`bounded input in the browser (${TEST_DB})`, () => {
  let h: Awaited<ReturnType<typeof browserHarness>>;
  let browser: Browser;
  let base: string;
  let dir: string;
  before(async () => {
    h = await browserHarness();
    browser = h.browser;
    base = h.base;
    dir = mkdtempSync(join(tmpdir(), 'sigap-bomb-ui-'));
  });
  after(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [lang, width, height] of [['id', 360, 740], ['en', 1280, 900]] as const)
    it(`refuses a questionnaire XLSX bomb with a clear message (${lang}, ${width} px)`, async () => {
      const file = join(dir, 'skm-november.xlsx');
      writeFileSync(file, xlsxBomb(100));
      const ctx = await browser.newContext({ viewport: { width, height } });
      const page = await ctx.newPage();
      await signIn(page, base, 'surveyor@kota-jambi');
      await page.goto(`${base}/petugas/survei${lang === 'en' ? '?lang=en' : ''}`);
      await page.getByLabel(lang === 'en' ? 'XLSX file' : 'Berkas XLSX').setInputFiles(file);
      const t0 = Date.now();
      await page.getByRole('button', { name: lang === 'en' ? 'Import' : 'Impor', exact: true }).click();
      await page.waitForLoadState('load');
      assert.ok(Date.now() - t0 < 5000, `answered in ${Date.now() - t0} ms`);
      // Beside the file field, where the surveyor picks another file.
      const problems = page.locator('#f-file-problems');
      assert.match(await problems.innerText(), lang === 'en' ? /too large once unpacked.*split it/s : /terlalu besar setelah dibuka.*bagi menjadi/s);
      assert.equal(await page.locator('#f-file').getAttribute('aria-invalid'), 'true');
      assert.deepEqual(await overflowingElements(page), []);
      assert.deepEqual(await axeViolations(page), []);
      if (process.env.SIGAP_SHOTS) {
        mkdirSync(process.env.SIGAP_SHOTS, { recursive: true });
        await problems.scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(process.env.SIGAP_SHOTS, `survey-bomb-${lang}-${width}.png`) });
      }
      await ctx.close();
    });
});
