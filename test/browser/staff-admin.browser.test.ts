/**
 * The office admin of Kota Jambi manages staff accounts in Chromium: finds "Akun petugas" in the
 * staff menu, is told beside the field why a guessable password is refused, adds the account,
 * disables it and sees it marked; a front-office officer has no such menu entry and is refused.
 * Every page passes axe and fits a 360 px phone, in both languages.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TEST_DB } from '../support/db.js';
import { axeFindings, browserHarness, screenshotFor, sidewaysScroll } from '../support/browser.js';
import { signInAs } from '../support/sign-in.js';

const shot = screenshotFor;
const overflow = sidewaysScroll;
const axeIds = axeFindings;

describe(`the office admin manages staff accounts in a browser (${TEST_DB})`, () => {
  let browser: Browser;
  let base: string;
  let h: Awaited<ReturnType<typeof browserHarness>> | undefined;
  before(async () => {
    h = await browserHarness();
    ({ browser, base } = h);
  });
  after(async () => {
    await h?.close();
  });

  const signIn = async (ctx: BrowserContext, username: string) => {
    const page = await ctx.newPage();
    await signInAs(page, base, username);
    return page;
  };

  it('on a phone: adds an account (a guessable password is refused beside its field), then disables it', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await signIn(ctx, 'admin@kota-jambi');
    await page.getByRole('navigation', { name: 'Menu petugas' }).getByRole('link', { name: 'Akun petugas' }).click();
    await page.getByRole('heading', { name: 'Akun petugas', level: 1 }).waitFor();
    assert.match((await page.locator('main').textContent()) ?? '', /kepala-dinas@kota-jambi/);
    assert.deepEqual(await axeIds(page), []);
    assert.equal(await overflow(page), 0, 'no sideways scrolling at 360 px');
    await shot(page, 'accounts-list-phone');

    await page.getByRole('link', { name: 'Tambah akun' }).click();
    await page.getByLabel('Nama pengguna').fill('rina.marlina@kota-jambi');
    await page.getByLabel('Nama lengkap (dengan gelar)').fill('Rina Marlina, S.Sos');
    await page.getByLabel('Front Office (Petugas Loket)').check();
    await page.getByLabel('Kata sandi awal').fill('rinamarlina2026');
    await page.getByRole('button', { name: 'Tambah akun' }).click();
    const error = page.locator('#err-password');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /terlalu mudah ditebak/);
    assert.equal(await page.getByLabel('Nama pengguna').inputValue(), 'rina.marlina@kota-jambi', 'what was typed is kept (except the password)');
    assert.deepEqual(await axeIds(page), []);
    assert.equal(await overflow(page), 0);
    await shot(page, 'accounts-add-refused-phone');

    await page.getByLabel('Kata sandi awal').fill('Kopi-Pagi-Batanghari-71');
    await page.getByRole('button', { name: 'Tambah akun' }).click();
    await page.getByRole('heading', { name: 'Rina Marlina, S.Sos', level: 1 }).waitFor();
    assert.match((await page.getByRole('status').textContent()) ?? '', /Akun ditambahkan/);
    assert.deepEqual(await axeIds(page), []);
    assert.equal(await overflow(page), 0);
    await shot(page, 'account-page-phone');

    await page.getByRole('button', { name: 'Nonaktifkan akun' }).click();
    await page.getByText('Akun dinonaktifkan; semua sesinya berakhir.').waitFor();
    assert.match((await page.locator('main').textContent()) ?? '', /Nonaktif/);
    await page.goto(`${base}/petugas/akun/baru?lang=en`);
    await page.getByRole('heading', { name: 'Add a staff account', level: 1 }).waitFor();
    assert.deepEqual(await axeIds(page), []);
    assert.equal(await overflow(page), 0);
    await shot(page, 'accounts-add-phone-en');
    await ctx.close();
  });

  it('on a laptop in English: the same pages; a front-office officer finds no such menu and is refused', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await signIn(ctx, 'admin@kota-jambi');
    await page.goto(`${base}/petugas/akun?lang=en`);
    await page.getByRole('heading', { name: 'Staff accounts', level: 1 }).waitFor();
    assert.deepEqual(await axeIds(page), []);
    await shot(page, 'accounts-list-laptop-en');
    await page.goto(`${base}/petugas/akun/u/${encodeURIComponent('kepala-dinas@kota-jambi')}?lang=en`);
    await page.getByRole('heading', { name: 'Reset the password' }).waitFor();
    assert.deepEqual(await axeIds(page), []);
    await shot(page, 'account-page-laptop-en');

    const other = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const officer = await signIn(other, 'front-office@kota-jambi');
    assert.equal(await officer.getByRole('navigation', { name: 'Menu petugas' }).getByRole('link', { name: 'Akun petugas' }).count(), 0);
    const refused = await officer.goto(`${base}/petugas/akun`);
    assert.equal(refused?.status(), 403);
    assert.match((await officer.locator('main').textContent()) ?? '', /Hanya admin kantor/);
    await other.close();
    await ctx.close();
  });
});
