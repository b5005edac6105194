/** Headless system Chromium driven by playwright-core (no browser download). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { signInAs } from './sign-in.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // This machine has no network beyond the package registries: background networking would
    // only produce refused connections.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.1 A and AA rules) in the page and returns its violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not as a <script> element: the site's CSP allows no inline script.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/** A real Sigap server on a free port plus a headless browser, for one browser test file. */
export async function browserHarness(opts: { now?: () => Date } = {}): Promise<{ t: import('./app.js').TestApp; browser: Browser; base: string; close(): Promise<void> }> {
  // Chromium starts while the app boots: neither waits for the other.
  const [booted, launched] = await Promise.allSettled([import('./app.js').then(({ testApp }) => testApp(opts)), launchBrowser()]);
  if (booted.status === 'rejected' || launched.status === 'rejected') {
    if (booted.status === 'fulfilled') await booted.value.close();
    if (launched.status === 'fulfilled') await launched.value.close();
    throw booted.status === 'rejected' ? booted.reason : (launched as PromiseRejectedResult).reason;
  }
  const t = booted.value;
  const browser = launched.value;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(t.app.server.address() as import('node:net').AddressInfo).port}`;
  return {
    t,
    browser,
    base,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/** Signs a demo account in through the sign-in page (password `sigap-demo`) and waits for the queue. */
export const signIn = (page: Page, base: string, username: string): Promise<void> => signInAs(page, base, username);

/**
 * When the page scrolls sideways at its viewport, the elements that stick out (a wide table inside
 * its own scrolling box does not make the page scroll, and is not reported). Empty when it fits.
 */
export const overflowingElements = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    document.documentElement.scrollWidth <= window.innerWidth
      ? []
      : Array.from(document.querySelectorAll('body *'))
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap, .flow'))
          .slice(0, 4)
          .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${Array.from(e.classList).join('.')} (${Math.round(e.getBoundingClientRect().right)} px)`),
  );

/** Records every Content-Security-Policy violation of the context's pages (read them with cspViolations). */
export async function watchCsp(ctx: BrowserContext): Promise<void> {
  await ctx.addInitScript(() => {
    const w = globalThis as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI || 'inline'}${e.sourceFile ? ` (${e.sourceFile}:${e.lineNumber})` : ''}`));
  });
}

/** The current page's CSP violations so far (empty when it obeys the policy). */
export const cspViolations = (page: Page): Promise<string[]> => page.evaluate(() => (globalThis as unknown as { __csp?: string[] }).__csp ?? []);

/** Screenshots for a person to look at (SIGAP_SCREENSHOTS=dir); nothing is written otherwise. */
export async function screenshotFor(page: Page, name: string): Promise<void> {
  if (process.env.SIGAP_SCREENSHOTS) await page.screenshot({ path: `${process.env.SIGAP_SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** How far the page scrolls sideways at its viewport (0 when it fits). */
export const sidewaysScroll = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The axe violations of the page as "rule: targets" lines (empty when it passes). */
export const axeFindings = async (page: Page): Promise<string[]> => (await axeViolations(page)).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

type Harness = Awaited<ReturnType<typeof browserHarness>>;

/**
 * The harness of a describe block: started in its `before`, closed in its `after`. Read its parts
 * inside the tests (`h().browser`, `h().base`, `h().t`), once `before` has run.
 */
export function suiteHarness(opts: { now?: () => Date } = {}): () => Harness {
  let h: Harness | undefined;
  before(async () => {
    h = await browserHarness(opts);
  });
  after(async () => {
    await h?.close();
  });
  return () => {
    if (!h) throw new Error('suiteHarness: read it inside a test, after before() has run');
    return h;
  };
}

/** What every page must be: accessible (axe), within the CSP (the context is watched), and without sideways scrolling. */
export async function assertSound(page: Page, what: string): Promise<void> {
  assert.equal((await axeFindings(page)).join('\n'), '', `${what}: axe`);
  assert.equal((await cspViolations(page)).join('\n'), '', `${what}: CSP`);
  assert.equal(await sidewaysScroll(page), 0, `${what}: sideways scroll`);
}

/** A signed-in page in a new browser context of the given size, its CSP watched; the context is pushed to `contexts` for the suite to close. */
export async function signedInPage(browser: Browser, contexts: BrowserContext[], base: string, viewport: { width: number; height: number }, username: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport });
  contexts.push(ctx);
  await watchCsp(ctx);
  const page = await ctx.newPage();
  await signIn(page, base, username);
  return page;
}
