/**
 * The office admin gives an officer a work e-mail for staff messages (issue 16) in Chromium: an
 * address without a real domain is refused beside the field, a good one is saved and shown back.
 * The account page passes axe and fits a 360 px phone, in both languages.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TEST_DB } from '../support/db.js';
import { axeFindings, screenshotFor, sidewaysScroll, suiteHarness } from '../support/browser.js';
import { signInAs } from '../support/sign-in.js';

describe(`staff work e-mail on the account page in a browser (${TEST_DB})`, () => {
  const h = suiteHarness();

  it('refuses a bad address beside the field and saves a good one, on a phone and a laptop, in both languages', async () => {
    const { browser, base } = h();
    for (const [width, height, label] of [[360, 740, 'phone'], [1280, 800, 'laptop']] as const)
      for (const lang of ['id', 'en'] as const) {
        const ctx = await browser.newContext({ viewport: { width, height } });
        const page = await ctx.newPage();
        await signInAs(page, base, 'admin@kota-jambi');
        await page.goto(`${base}/petugas/akun/u/kepala-bidang%40kota-jambi${lang === 'en' ? '?lang=en' : ''}`);
        const field = page.locator('#f-email');
        // Passes the browser's own check (a@b) but has no real domain: the server refuses it beside the field.
        await field.fill('kabid.linjamsos@dinsos');
        await page.getByRole('button', { name: lang === 'id' ? 'Simpan e-mail' : 'Save the e-mail' }).click();
        await page.waitForLoadState();
        assert.match((await page.locator('#err-email').textContent()) ?? '', lang === 'id' ? /Alamat e-mail tidak sah/ : /Not a valid e-mail address/);
        assert.equal(await field.getAttribute('aria-invalid'), 'true');
        assert.equal(await field.inputValue(), 'kabid.linjamsos@dinsos', 'what was typed stays');
        assert.deepEqual(await axeFindings(page), []);
        assert.equal(await sidewaysScroll(page), 0);
        await screenshotFor(page, `staff-email-refused-${label}-${lang}`);
        const address = `hendra.${label}.${lang}@dinsos.jambikota.go.id`;
        await field.fill(address);
        await page.getByRole('button', { name: lang === 'id' ? 'Simpan e-mail' : 'Save the e-mail' }).click();
        await page.waitForLoadState();
        assert.match((await page.locator('main').textContent()) ?? '', lang === 'id' ? /Alamat e-mail disimpan\./ : /E-mail address saved\./);
        assert.equal(await page.locator('#f-email').inputValue(), address);
        assert.deepEqual(await axeFindings(page), []);
        assert.equal(await sidewaysScroll(page), 0);
        await screenshotFor(page, `staff-email-saved-${label}-${lang}`);
        await ctx.close();
      }
  });
});
