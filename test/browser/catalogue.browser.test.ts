/** The public catalogue in Chromium: ways in from the home page, phone width, the one-page leaflet, readable flowcharts, axe. */
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

  it('finds its way from the home page to a service and its "Ajukan permohonan" button without typing a URL', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Dinas Sosial Kota Semarang' }).first().click();
    await page.waitForURL(/\/kantor\/kota-semarang$/);
    await page.getByRole('link', { name: /^4\. Layanan Reaktifasi PBI/ }).click();
    await page.waitForURL(/\/layanan\/reaktifasi-pbi-rekomendasi-uhc$/);
    const apply = page.getByRole('link', { name: 'Ajukan permohonan', exact: true });
    const box = await apply.boundingBox();
    assert.ok(box && box.y + box.height <= 740, `the button is on the first screen of the phone (${JSON.stringify(box)})`);
    await apply.click();
    await page.waitForURL(/\/kantor\/kota-semarang\/layanan\/reaktifasi-pbi-rekomendasi-uhc\/ajukan$/);
    assert.match((await page.getByRole('heading', { level: 1 }).textContent()) ?? '', /^Ajukan permohonan: /);
    // Tracking and staff sign-in are one tap away from any page.
    await page.getByRole('link', { name: 'Lacak permohonan' }).first().click();
    await page.waitForURL(/\/lacak$/);
    await page.getByRole('link', { name: 'Masuk petugas' }).click();
    await page.waitForURL(/\/masuk$/);
    await page.goBack();
    await page.getByRole('link', { name: 'Lacak pengaduan' }).first().click();
    await page.waitForURL(/\/pengaduan$/);
  });

  it('never scrolls sideways on a 360 px phone: every catalogue page type in both languages and every service page', async () => {
    const paths = ['/', '/?lang=en', '/favicon.ico'];
    for (const o of t.catalogue.list()) {
      paths.push(`/kantor/${o.office.slug}`, `/kantor/${o.office.slug}?lang=en`);
      for (const s of o.services) paths.push(`/kantor/${o.office.slug}/layanan/${s.service.slug}`);
    }
    paths.push('/kantor/kota-semarang/layanan/reaktifasi-pbi-rekomendasi-uhc?lang=en', '/kantor/kota-pekanbaru/layanan/pengecekan-rekomendasi-dtks?lang=en');
    const wide: string[] = [];
    for (const path of paths) {
      const r = await page.goto(`${base}${path}`);
      assert.equal(r?.status(), 200, path);
      if (path === '/favicon.ico') continue;
      const w = await page.evaluate(() => document.documentElement.scrollWidth);
      if (w > 360) wide.push(`${path}: ${w}px`);
    }
    assert.deepEqual(wide, []);
    assert.equal(paths.length, 3 + 5 * 2 + 53 + 2);
  });

  it('prints every service as a one-page A4 leaflet with its steps, and without the decree tables', async () => {
    const over: string[] = [];
    for (const o of t.catalogue.list())
      for (const s of o.services) {
        await page.goto(`${base}/kantor/${o.office.slug}/layanan/${s.service.slug}`);
        const pdf = await page.pdf({ format: 'A4', printBackground: true });
        const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
        if (pages !== 1) over.push(`${o.office.slug}/${s.service.slug}: ${pages}`);
      }
    assert.deepEqual(over, []);
    await page.goto(`${base}/kantor/kota-semarang/layanan/reaktifasi-pbi-rekomendasi-uhc`);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('ol.steps > li').first().isVisible(), true);
    assert.equal(await page.locator('table.components').first().isVisible(), false);
    assert.match((await page.locator('.apply').textContent()) ?? '', /Ajukan daring: http:\/\/.*\/kantor\/kota-semarang\/layanan\/reaktifasi-pbi-rekomendasi-uhc\/ajukan/);
    await page.emulateMedia({ media: 'screen' });
  });

  it('draws the branching flowcharts on a laptop with no edge label overlapping another label or a box, nor cut off', async () => {
    const laptop = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    for (const path of ['/kantor/kota-semarang/layanan/reaktifasi-pbi-rekomendasi-uhc', '/kantor/kota-pekanbaru/layanan/pengecekan-rekomendasi-dtks', '/kantor/kota-semarang/layanan/slrt?lang=en']) {
      await laptop.goto(`${base}${path}`);
      const problems = await laptop.evaluate(() => {
        type B = { x: number; y: number; width: number; height: number; name: string };
        const svg = document.querySelector('figure.flow svg') as SVGSVGElement;
        const view = svg.viewBox.baseVal;
        const box = (e: SVGGraphicsElement, name: string): B => ({ ...e.getBBox(), name });
        const labels = Array.from(svg.querySelectorAll<SVGGraphicsElement>('g.edge-label text')).map((e) => box(e, `label "${e.textContent}"`));
        const nodes = Array.from(svg.querySelectorAll<SVGGraphicsElement>('g.node')).map((e) => box(e, `box ${e.getAttribute('data-node')}`));
        const hit = (a: B, b: B) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        const out: string[] = [];
        labels.forEach((l, i) => {
          if (l.x < 0 || l.y < 0 || l.x + l.width > view.width || l.y + l.height > view.height) out.push(`${l.name} cut off`);
          for (const m of labels.slice(i + 1)) if (hit(l, m)) out.push(`${l.name} over ${m.name}`);
          for (const n of nodes) if (hit(l, n)) out.push(`${l.name} over ${n.name}`);
        });
        // Text inside a box stays inside it.
        for (const g of Array.from(svg.querySelectorAll<SVGGElement>('g.node'))) {
          const shape = (g.firstElementChild as SVGGraphicsElement).getBBox();
          for (const tx of Array.from(g.querySelectorAll<SVGTextElement>('text'))) {
            const b = tx.getBBox();
            if (b.x < shape.x - 1 || b.x + b.width > shape.x + shape.width + 1) out.push(`text "${tx.textContent}" wider than its box`);
          }
        }
        return { out, labels: labels.length };
      });
      assert.ok(problems.labels > 0, `${path} has labelled branches`);
      assert.deepEqual(problems.out, [], path);
      const fig = await laptop.locator('figure.flow').boundingBox();
      const svgBox = await laptop.locator('figure.flow svg').boundingBox();
      assert.ok(fig && svgBox && svgBox.x + svgBox.width <= fig.x + fig.width + 0.5, 'the chart fits its frame');
    }
    await laptop.close();
  });

  it('has no WCAG 2.1 A/AA violations on the home, office, service and leaflet pages in both languages', async () => {
    for (const lang of ['', '?lang=en'])
      for (const path of ['/', '/kantor/kota-jambi', '/kantor/kota-semarang/layanan/reaktifasi-pbi-rekomendasi-uhc', '/kantor/kota-semarang/layanan/bantuan-kjs']) {
        await page.goto(`${base}${path}${lang}`);
        for (const media of ['screen', 'print'] as const) {
          if (media === 'print' && !path.includes('/layanan/')) continue;
          await page.emulateMedia({ media });
          const v = await axeViolations(page);
          assert.deepEqual(v.map((x) => `${x.id}: ${x.help} @ ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `${path}${lang} (${media})`);
        }
        await page.emulateMedia({ media: 'screen' });
      }
  });

  it('serves a site icon rather than a 404', async () => {
    const r = await page.request.get(`${base}/favicon.ico`);
    assert.equal(r.status(), 200);
    assert.match(r.headers()['content-type'] ?? '', /image\/svg\+xml/);
  });

  it('prints the service page as a leaflet without navigation', async () => {
    await page.goto(`${base}/kantor/kota-pekanbaru/layanan/pengecekan-rekomendasi-dtks`);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header.site').isVisible(), false);
    assert.equal(await page.locator('figure.flow svg').isVisible(), true);
    await page.emulateMedia({ media: 'screen' });
  });
});
