import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { TEST_DB } from '../support/db.js';
import type { TestApp } from '../support/app.js';
import { axeViolations, browserHarness } from '../support/browser.js';

describe(`public catalogue in a real browser on a phone-sized screen (${TEST_DB})`, () => {
  let h: Awaited<ReturnType<typeof browserHarness>>;
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  before(async () => {
    h = await browserHarness();
    ({ t, browser, base } = h);
    page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
  });
  after(async () => h?.close());

  it('goes from the home page to an office page and sees its services', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Dinas Sosial Kota Jambi' }).click();
    await page.waitForURL(/\/kantor\/kota-jambi$/);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Dinas Sosial Kota Jambi');
    const services = page.locator('#h-services + ol > li');
    assert.equal(await services.count(), 20);
    assert.match((await page.locator('main').textContent()) ?? '', /Senin–Kamis: 07\.30–16\.00 WIB/);
  });

  it('opens a service page and finds the flowchart drawn from the procedure', async () => {
    await page.getByRole('link', { name: /^9\. .*Jamkesda Bayi/ }).click();
    await page.waitForURL(/\/kantor\/kota-jambi\/layanan\//);
    const chart = page.locator('figure.flow svg[role="img"]');
    await chart.waitFor();
    const title = await chart.locator('title').first().textContent();
    assert.match(title ?? '', /Jamkesda Bayi/);
    const nodes = await chart.locator('g.node').count();
    const proc = t.catalogue.service('kota-jambi', (await page.url()).split('/').pop()!)!.service.service.procedure!;
    assert.equal(nodes, proc.steps.length + proc.ends.length, 'one box per step and end');
    const box = await chart.boundingBox();
    assert.ok(box && box.width <= 360, `flowchart fits the phone width (${box?.width})`);
    assert.match((await page.locator('main').textContent()) ?? '', /15 menit/);
  });

  it('has no WCAG 2.1 A/AA violations on the home, office and service pages', async () => {
    for (const path of ['/', '/kantor/kota-banjarmasin', '/kantor/kota-jambi/layanan/pendaftaran-awal-lks', '/kantor/kota-semarang?lang=en']) {
      await page.goto(`${base}${path}`);
      const v = await axeViolations(page);
      assert.deepEqual(v.map((x) => `${x.id}: ${x.help} @ ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], path);
    }
  });

  it('is usable by keyboard: the first Tab reaches the skip link, which moves focus to the content', async () => {
    await page.goto(`${base}/kantor/kota-pekanbaru`);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Lewati ke konten utama');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  });

  it('prints the service page as a leaflet without navigation', async () => {
    await page.goto(`${base}/kantor/kota-pekanbaru/layanan/pengecekan-rekomendasi-dtks`);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header.site').isVisible(), false);
    assert.equal(await page.locator('figure.flow svg').isVisible(), true);
    await page.emulateMedia({ media: 'screen' });
  });
});
