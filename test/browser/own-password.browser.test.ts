/**
 * An officer of Kota Jambi changes their own password in Chromium: finds "Ganti kata sandi" in the
 * staff menu, is told beside the field that the current password is wrong, then changes it and is
 * told how many other sessions ended. The page passes axe and fits a 360 px phone, in both languages.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TEST_DB } from '../support/db.js';
import { axeFindings, screenshotFor, sidewaysScroll, suiteHarness } from '../support/browser.js';
import { signInAs } from '../support/sign-in.js';

const shot = screenshotFor;
const overflow = sidewaysScroll;
const axeIds = axeFindings;

describe(`an officer changes their own password in a browser (${TEST_DB})`, () => {
  const h = suiteHarness();

  it('on a phone, in Bahasa Indonesia: a wrong current password is refused beside its field, then the password is changed', async () => {
    const ctx = await h().browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await ctx.newPage();
    await signInAs(page, h().base, 'verifikator@kota-jambi');
    await page.getByRole('navigation', { name: 'Menu petugas' }).getByRole('link', { name: 'Ganti kata sandi' }).click();
    await page.getByRole('heading', { name: 'Ganti kata sandi', level: 1 }).waitFor();
    assert.deepEqual(await axeIds(page), []);
    assert.equal(await overflow(page), 0, 'no sideways scrolling at 360 px');
    await shot(page, 'own-password-phone');

    await page.getByLabel('Kata sandi saat ini').fill('bukan-sandi-saya');
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('Durian-Tugu-Keris-Siginjai-58');
    await page.getByLabel('Ulangi kata sandi baru').fill('Durian-Tugu-Keris-Siginjai-58');
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
    const error = page.locator('#err-currentPassword');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /Kata sandi saat ini salah/);
    assert.equal(await page.getByLabel('Kata sandi saat ini').getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await axeIds(page), []);
    assert.equal(await overflow(page), 0);
    await shot(page, 'own-password-refused-phone');

    await page.getByLabel('Kata sandi saat ini').fill('sigap-demo');
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('Durian-Tugu-Keris-Siginjai-58');
    await page.getByLabel('Ulangi kata sandi baru').fill('Durian-Tugu-Keris-Siginjai-58');
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await page.getByText(/Kata sandi diganti; \d+ sesi atau token lain berakhir\./).waitFor();
    assert.deepEqual(await axeIds(page), []);
    await shot(page, 'own-password-done-phone');
    await ctx.close();
  });

  it('on a laptop, in English', async () => {
    const ctx = await h().browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await signInAs(page, h().base, 'front-office@kota-jambi');
    await page.goto(`${h().base}/petugas/akun/sandi?lang=en`);
    await page.getByRole('heading', { name: 'Change your password', level: 1 }).waitFor();
    await page.getByLabel('Current password').fill('sigap-demo');
    await page.getByLabel('New password', { exact: true }).fill('kotajambi20262026');
    await page.getByLabel('Repeat the new password').fill('kotajambi20262026');
    await page.getByRole('button', { name: 'Change your password' }).click();
    await page.locator('#err-newPassword').waitFor();
    assert.match((await page.locator('#err-newPassword').textContent()) ?? '', /too easy to guess/);
    assert.deepEqual(await axeIds(page), []);
    assert.equal(await overflow(page), 0);
    await shot(page, 'own-password-laptop-en');
    await ctx.close();
  });
});
