/**
 * The Content-Security-Policy in Chromium: it really blocks an injected inline script, while the
 * pages keep working under it: print buttons and the registry import's progress (site script), the
 * procedure flowchart and the IKM chart (inline SVG), Swagger UI, and the sign-in form, which refuses a post without its own token with a
 * clear message in the page's language. Screenshots on a phone and a laptop, in both languages.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { simulateCase } from '../../src/usecases/applications/simulate-case.js';
import { TEST_DB } from '../support/db.js';
import type { TestApp } from '../support/app.js';
import { axeViolations, browserHarness, cspViolations, watchCsp } from '../support/browser.js';

const SHOTS = process.env.SIGAP_SCREENSHOTS ?? null;

describe(`secure headers in Chromium (${TEST_DB})`, () => {
  let h: Awaited<ReturnType<typeof browserHarness>>;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  before(async () => {
    h = await browserHarness();
    ({ t, browser, base } = h);
  });
  after(async () => h?.close());

  /** A context that records CSP violations and counts print-dialog requests instead of opening one. */
  const context = async (width: number, height: number): Promise<BrowserContext> => {
    const ctx = await browser.newContext({ viewport: { width, height } });
    await watchCsp(ctx);
    await ctx.addInitScript(() => {
      const w = globalThis as unknown as { __prints: number; print: () => void };
      w.__prints = 0;
      w.print = () => void w.__prints++;
    });
    return ctx;
  };
  /** Runs `fn` on a phone (360×740) and a laptop (1280×900), in both languages, each in a fresh context. */
  const everyView = async (fn: (page: Page, lang: 'id' | 'en', name: string) => Promise<void>) => {
    for (const [w, hgt] of [[360, 740], [1280, 900]] as const)
      for (const lang of ['id', 'en'] as const) {
        const ctx = await context(w, hgt);
        await fn(await ctx.newPage(), lang, `${w}-${lang}`);
        await ctx.close();
      }
  };
  const shot = async (page: Page, name: string) => {
    if (!SHOTS) return;
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };

  it('an inline script injected into a page is blocked and reported', async () => {
    const ctx = await context(1280, 800);
    const page = await ctx.newPage();
    await page.goto(`${base}/kantor/kota-jambi`);
    assert.deepEqual(await cspViolations(page), []);
    const ran = await page.evaluate(async () => {
      const w = globalThis as unknown as { __pwned?: boolean };
      const s = document.createElement('script');
      s.textContent = 'globalThis.__pwned = true';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 50));
      return w.__pwned === true;
    });
    assert.equal(ran, false, 'the injected script did not run');
    assert.match((await cspViolations(page)).join('\n'), /script-src-elem inline/);
    await ctx.close();
  });

  it('the service page draws its flowchart and prints with its button, on a phone and a laptop, in both languages', async () => {
    await everyView(async (page, lang, name) => {
      await page.goto(`${base}/kantor/kota-jambi/layanan/rekomendasi-jamkesda-bayi${lang === 'en' ? '?lang=en' : ''}`);
      const box = await page.locator('figure.flow svg').first().boundingBox();
      assert.ok(box && box.width > 100 && box.height > 100, 'the flowchart is drawn');
      await page.getByRole('button', { name: lang === 'id' ? 'Cetak' : 'Print', exact: false }).first().click();
      assert.equal(await page.evaluate(() => (globalThis as unknown as { __prints: number }).__prints), 1, 'the print dialog was asked for');
      assert.deepEqual(await cspViolations(page), []);
      await shot(page, `service-${name}`);
    });
  });

  it('the receipt prints, and the IKM page draws its chart, without a policy violation', async () => {
    const done = await simulateCase(t.ctx, 'kota-jambi', 'rekomendasi-jamkesda-bayi', 'main');
    const ctx = await context(360, 740);
    const page = await ctx.newPage();
    await page.goto(`${base}/lacak/${done.registrationNumber}/tanda-terima?code=${done.trackingCode}`);
    await page.getByRole('button', { name: 'Cetak tanda terima' }).click();
    assert.equal(await page.evaluate(() => (globalThis as unknown as { __prints: number }).__prints), 1);
    await page.goto(`${base}/kantor/kota-jambi/ikm?lang=en`);
    assert.deepEqual(await cspViolations(page), []);
    await ctx.close();
  });

  it('a running registry import is followed by the site script: progress updates, then the page reloads when done', async () => {
    const ctx = await context(1280, 800);
    const page = await ctx.newPage();
    // The import progress page's markup (registry-import-views.ts), served under the real CSP, and
    // an import that reports progress until the test lets it finish.
    const csp = String((await t.app.inject({ method: 'GET', url: '/' })).headers['content-security-policy']);
    let finished = false;
    let loads = 0;
    await page.route(`${base}/uji/impor`, (route) => {
      loads++;
      return route.fulfill({
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': csp },
        body: `<!doctype html><html lang="id"><head><title>Impor</title><script src="/assets/site.js" defer></script></head><body><main><progress id="reg-progress" max="100" value="0">0%</progress> <span id="reg-pct">0%</span> <span id="reg-rows">0</span> <span id="reg-rate">0</span> <span id="reg-eta">—</span> <span id="reg-rej">0</span>${finished ? '<p id="done">Selesai</p>' : '<span hidden data-follow="/uji/impor/status"></span>'}</main></body></html>`,
      });
    });
    await page.route(`${base}/uji/impor/status`, (route) => {
      const body = finished ? { done: true } : { done: false, bytesRead: 150, totalBytes: 200, rowsRead: 123456, rate: 4321, etaSeconds: 2.2, rejected: 7 };
      return route.fulfill({ contentType: 'application/json', body: JSON.stringify(body) });
    });
    await page.goto(`${base}/uji/impor`);
    await page.locator('#reg-pct', { hasText: '75%' }).waitFor();
    assert.equal(await page.locator('#reg-rows').textContent(), '123.456');
    assert.equal(await page.locator('#reg-eta').textContent(), '3');
    assert.equal(loads, 1);
    finished = true;
    const deadline = Date.now() + 10_000;
    while (loads < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.ok(loads >= 2, 'the page reloaded once the import was done');
    // The finished page (as the real one) no longer follows anything: it stays, and is read.
    await page.locator('#done').waitFor();
    assert.deepEqual(await cspViolations(page), []);
    await ctx.close();
  });

  it('the API documentation (Swagger UI) works under the same policy', async () => {
    const ctx = await context(1280, 900);
    const page = await ctx.newPage();
    await page.goto(`${base}/api/v1/docs`);
    await page.getByText('Sigap API').first().waitFor();
    await page.locator('.opblock').first().waitFor();
    assert.deepEqual(await cspViolations(page), []);
    await ctx.close();
  });

  it('a sign-in form posted without its token (another site, or an expired form) is refused beside the form, and the next try works', async () => {
    await everyView(async (page, lang, name) => {
      await page.goto(`${base}/masuk${lang === 'en' ? '?lang=en' : ''}`);
      // What a forged post looks like to the server: the form's cookie is missing.
      await page.context().clearCookies();
      await page.getByLabel(lang === 'id' ? 'Nama pengguna' : 'Username').fill('front-office@kota-jambi');
      await page.getByLabel(lang === 'id' ? 'Kata sandi' : 'Password').fill('sigap-demo');
      const [refused] = await Promise.all([page.waitForResponse((r) => r.url().includes('/masuk') && r.request().method() === 'POST'), page.getByRole('button', { name: lang === 'id' ? 'Masuk' : 'Sign in' }).click()]);
      assert.equal(refused.status(), 403);
      await page.getByRole('alert').waitFor();
      assert.match((await page.getByRole('alert').textContent()) ?? '', lang === 'id' ? /Formulir masuk kedaluwarsa/ : /The sign-in form expired/);
      assert.equal(await page.getByLabel(lang === 'id' ? 'Nama pengguna' : 'Username').inputValue(), 'front-office@kota-jambi', 'the username is kept');
      assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), []);
      await shot(page, `signin-refused-${name}`);
      await page.getByLabel(lang === 'id' ? 'Kata sandi' : 'Password').fill('sigap-demo');
      await page.getByRole('button', { name: lang === 'id' ? 'Masuk' : 'Sign in' }).click();
      await page.waitForURL(/\/petugas/);
      assert.deepEqual(await cspViolations(page), []);
    });
  });
});
