/**
 * The office admin of Kota Pekanbaru, in Chromium: signs in at /masuk, finds "Jam & hari libur" in
 * the staff menu, is told beside the field when a Friday band overlaps, sets the real week, adds a
 * holiday, and the public office page shows the new hours at once. Every page passes axe and fits
 * a 360 px phone, in both languages.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TEST_DB } from '../support/db.js';
import { axeViolations, browserHarness } from '../support/browser.js';

/** Screenshots for a person to look at (SIGAP_SCREENSHOTS=dir); nothing is written otherwise. */
const SHOTS = process.env.SIGAP_SCREENSHOTS;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const axeIds = async (page: Page) => (await axeViolations(page)).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

/** A date three weeks ahead of the real clock (the server runs on it), as YYYY-MM-DD. */
const AHEAD = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);

describe(`the office admin sets the hours and a holiday in a browser (${TEST_DB})`, () => {
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

  const signIn = async (ctx: BrowserContext, username = 'admin@kota-pekanbaru') => {
    const page = await ctx.newPage();
    await page.goto(`${base}/masuk`);
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill('sigap-demo');
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL(/\/petugas/);
    return page;
  };

  it('on a laptop: from the staff menu to the hours form; an overlapping Friday band is refused beside its field; the real week is saved', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await signIn(ctx);
    await page.getByRole('navigation', { name: 'Menu petugas' }).getByRole('link', { name: 'Jam & hari libur' }).click();
    await page.getByRole('heading', { name: 'Jam layanan dan hari libur' }).waitFor();
    assert.match((await page.locator('main').textContent()) ?? '', /Jadwal bawaan Sigap/, 'the admin is told the default week is not the real one');
    assert.deepEqual(await axeIds(page), []);
    await shot(page, 'admin-calendar-laptop');

    await page.getByRole('link', { name: 'Ubah jam kantor' }).click();
    await page.getByRole('heading', { name: 'Jam layanan kantor', level: 1 }).waitFor();
    for (const d of ['mon', 'tue', 'wed', 'thu']) await page.locator(`[name="days.${d}.0.close"]`).fill('15:30');
    await page.locator('[name="days.fri.1.open"]').fill('10:30');
    await page.locator('[name="days.fri.1.close"]').fill('16:00');
    await page.getByRole('button', { name: 'Simpan jam' }).click();
    await page.locator('.error-summary').waitFor();
    const beside = page.locator('#err-days-fri-1-open');
    assert.match((await beside.textContent()) ?? '', /Jumat: rentang 10:30–16:00 bertumpuk dengan 08:00–11:00/);
    assert.equal(await page.locator('[name="days.fri.1.open"]').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('[name="days.mon.0.close"]').inputValue(), '15:30', 'what was typed is kept');
    assert.deepEqual(await axeIds(page), []);
    await shot(page, 'admin-hours-error-laptop');

    await page.locator('[name="days.fri.1.open"]').fill('13:30');
    await page.getByRole('button', { name: 'Simpan jam' }).click();
    await page.waitForURL(/\/petugas\/kalender\?ok=hours/);
    const main = (await page.locator('main').textContent()) ?? '';
    assert.match(main, /Jam layanan disimpan/);
    assert.match(main, /Senin–Kamis: 08\.00–15\.30 WIB/);
    assert.match(main, /Jumat: 13\.30–16\.00 WIB/);
    assert.match(main, /Jam layanan ditetapkan/, 'the change is in the history');

    await page.getByLabel('Tanggal', { exact: true }).fill(AHEAD);
    await page.getByLabel('Jenis').selectOption('holiday');
    await page.getByLabel(/^Alasan/).fill('Libur daerah HUT Kota Pekanbaru');
    await page.getByRole('button', { name: 'Tambah', exact: true }).click();
    await page.waitForURL(/ok=added/);
    const upcoming = page.getByRole('list', { name: 'Hari tutup yang akan datang' });
    assert.match((await upcoming.textContent()) ?? '', /Libur daerah HUT Kota Pekanbaru/);
    assert.match((await upcoming.textContent()) ?? '', /Libur nasional/);
    assert.deepEqual(await axeIds(page), []);
    await shot(page, 'admin-calendar-after-laptop');

    await page.goto(`${base}/kantor/kota-pekanbaru`);
    const hours = (await page.locator('section[aria-labelledby="h-hours"]').textContent()) ?? '';
    assert.match(hours, /Senin–Kamis: 08\.00–15\.30 WIB/);
    assert.match(hours, /Jumat: 08\.00–11\.00 WIB/);
    assert.match(hours, /Ditetapkan oleh admin kantor/);
    assert.doesNotMatch(hours, /sampai admin kantor menetapkan/);
    await shot(page, 'public-office-hours-laptop');
    await ctx.close();
  });

  it('on a 360 px phone, in Bahasa Indonesia and in English: the calendar and the hours form fit the screen and pass axe', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await signIn(ctx);
    for (const [path, name] of [
      ['/petugas/kalender', 'admin-calendar-phone'],
      ['/petugas/kalender/jam', 'admin-hours-phone'],
      ['/petugas/kalender?lang=en', 'admin-calendar-phone-en'],
      ['/petugas/kalender/jam?lang=en', 'admin-hours-phone-en'],
    ] as const) {
      await page.goto(`${base}${path}`);
      await shot(page, name);
      assert.equal(await overflow(page), 0, `${path} has no horizontal scroll at 360 px`);
      assert.deepEqual(await axeIds(page), [], path);
    }
    assert.match((await page.locator('main').textContent()) ?? '', /Set the hours/);
    // A bad band in English: the message beside the field is English.
    await page.locator('[name="days.mon.0.open"]').fill('16:00');
    await page.getByRole('button', { name: 'Save hours' }).click();
    await page.locator('#err-days-mon-0-close').waitFor();
    assert.match((await page.locator('#err-days-mon-0-close').textContent()) ?? '', /Monday: closing time 15:30 must be after opening time 16:00/);
    assert.equal(await overflow(page), 0);
    await shot(page, 'admin-hours-error-phone-en');
    await ctx.close();
  });

  it("Jambi's 24-hour disaster service: the decree's hours are quoted and a change without its basis is refused beside the basis field (phone)", async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await signIn(ctx, 'admin@kota-jambi');
    await page.getByRole('navigation', { name: 'Menu petugas' }).getByRole('link', { name: 'Jam & hari libur' }).click();
    await page.getByRole('link', { name: /Ubah jam layanan ini.*Distribusi Bantuan Logistik/ }).click();
    await page.getByRole('heading', { level: 1, name: /Distribusi Bantuan Logistik/ }).waitFor();
    const main = (await page.locator('main').textContent()) ?? '';
    assert.match(main, /Menurut keputusan: “Setiap hari selama 24 jam”/);
    assert.ok(await page.getByLabel('Setiap hari, 24 jam (jam di atas diabaikan)').isChecked());
    await page.getByLabel('Setiap hari, 24 jam (jam di atas diabaikan)').uncheck();
    await page.locator('[name="days.sat.0.open"]').fill('07:00');
    await page.locator('[name="days.sat.0.close"]').fill('19:00');
    await page.getByRole('button', { name: 'Simpan jam' }).click();
    await page.locator('#err-reason').waitFor();
    assert.match((await page.locator('#err-reason').textContent()) ?? '', /Jam ini ditetapkan dalam keputusan; tulis dasar perubahannya/);
    assert.equal(await page.locator('[name="days.sat.0.open"]').inputValue(), '07:00');
    assert.equal(await overflow(page), 0);
    assert.deepEqual(await axeIds(page), []);
    await shot(page, 'admin-service-hours-decree-phone');
    await ctx.close();
  });
});
