/**
 * Call tasks in Chromium: the front office of Banjarmasin finds the promised call of a santunan
 * kematian case in "Panggilan", opens the case, records a call not answered and then a connected
 * one; the list, the case's call section and the timeline pass axe and fit a 360 px phone and a
 * 1280 px laptop, in both languages.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TEST_DB } from '../support/db.js';
import { axeFindings, screenshotFor, sidewaysScroll, suiteHarness } from '../support/browser.js';
import { signInAs } from '../support/sign-in.js';
import { driveUntil, fileCase } from '../letters/helpers.js';

const OFFICE = 'kota-banjarmasin';

describe(`call tasks on the staff pages in a browser (${TEST_DB})`, () => {
  const h = suiteHarness();

  for (const [width, height, label] of [[360, 740, 'phone'], [1280, 800, 'laptop']] as const)
    it(`the front office calls the heir before the disbursement and records it (${label})`, async () => {
      const { t, browser, base } = h();
      const c = await fileCase(t.ctx, OFFICE, 'santunan-kematian', label === 'phone' ? 'Hj. Rusmini' : 'Siti Fatimah');
      await driveUntil(t.ctx, c.id, (s) => s.id === 'transfer-dana', OFFICE);
      const ctx = await browser.newContext({ viewport: { width, height } });
      const page = await ctx.newPage();
      await signInAs(page, base, `front-office@${OFFICE}`);
      for (const lang of ['en', 'id'] as const) {
        await page.goto(`${base}/petugas/panggilan${lang === 'en' ? '?lang=en' : ''}`);
        const row = page.getByTestId('call-list').locator('tr', { hasText: c.registrationNumber });
        assert.match((await row.textContent()) ?? '', /Menjelang pencairan bantuan pemohon akan dihubungi secara langsung melalui telepon/);
        assert.deepEqual(await axeFindings(page), []);
        assert.equal(await sidewaysScroll(page), 0);
        await screenshotFor(page, `calls-list-${label}-${lang}`);
      }
      await page.getByTestId('call-list').getByRole('link', { name: c.registrationNumber }).click();
      await page.waitForSelector('#h-calls');
      const section = page.locator('section[aria-labelledby="h-calls"]');
      assert.match((await section.getByTestId('call-state').textContent()) ?? '', /Belum dihubungi/);
      assert.match((await section.textContent()) ?? '', /Nomor pemohon: 081266782747/);
      await section.getByLabel('Catatan (tidak wajib)').fill('Nada sibuk');
      await section.getByRole('button', { name: 'Tidak diangkat' }).click();
      await page.waitForURL(/#h-calls$/);
      assert.match((await page.locator('section[aria-labelledby="h-calls"]').getByTestId('call-state').textContent()) ?? '', /Belum tersambung: 1 percobaan, terakhir Tidak diangkat/);
      assert.deepEqual(await axeFindings(page), []);
      assert.equal(await sidewaysScroll(page), 0);
      if (process.env.SIGAP_SCREENSHOTS) await page.locator('section[aria-labelledby="h-calls"]').screenshot({ path: `${process.env.SIGAP_SCREENSHOTS}/calls-case-open-${label}-id.png` });
      await page.locator('section[aria-labelledby="h-calls"]').getByRole('button', { name: 'Tersambung' }).click();
      await page.waitForURL(/#h-calls$/);
      assert.match((await page.locator('section[aria-labelledby="h-calls"]').getByTestId('call-state').textContent()) ?? '', /Tersambung .*\(percobaan ke-2\)/);
      const timeline = (await page.locator('section[aria-labelledby="h-tl"]').textContent()) ?? '';
      assert.match(timeline, /Panggilan telepon: tidak diangkat/);
      assert.match(timeline, /Panggilan telepon: tersambung/);
      await page.goto(`${page.url().split('#')[0]}?lang=en`);
      assert.match((await page.locator('section[aria-labelledby="h-calls"]').getByTestId('call-state').textContent()) ?? '', /Connected .*\(attempt 2\)/);
      assert.deepEqual(await axeFindings(page), []);
      if (process.env.SIGAP_SCREENSHOTS) await page.locator('section[aria-labelledby="h-calls"]').screenshot({ path: `${process.env.SIGAP_SCREENSHOTS}/calls-case-done-${label}-en.png` });
      await ctx.close();
    });
});
