/**
 * The permission policy as an officer meets it in Chromium (Kota Banjarmasin): the Pramu Sosial
 * opens "Hak akses" from the staff menu and reads, per role of the office, what it may do, its own
 * role first; the survey officer, whose menu offers no counter, opens the counter form by its
 * address and gets the bilingual "Tidak berwenang" page (403), not JSON; the auditor sees a
 * chronic illness and an ID scan masked on a case page, the front office sees them. On a 360 px phone and a 1280 px laptop, in both languages, axe-clean.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { TEST_DB } from '../support/db.js';
import { axeViolations, browserHarness, overflowingElements } from '../support/browser.js';
import { signInAs } from '../support/sign-in.js';
import { PNG_1X1 } from '../support/fixtures.js';
import { storeUpload } from '../../src/usecases/applications/store-upload.js';
import { submitApplication } from '../../src/usecases/applications/submit-application.js';
import { actorFor } from '../letters/helpers.js';

/** Screenshots for a person to look at (SIGAP_SCREENSHOTS=dir); nothing is written otherwise. */
const SHOTS = process.env.SIGAP_SCREENSHOTS;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};
const axeIds = async (page: Page) => (await axeViolations(page)).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
const VIEWS = [
  { name: 'phone', viewport: { width: 360, height: 740 } },
  { name: 'laptop', viewport: { width: 1280, height: 800 } },
] as const;

describe(`role permissions in a browser (${TEST_DB})`, () => {
  // One server and one Chromium for the file.
  let h: Awaited<ReturnType<typeof browserHarness>> | undefined;
  before(async () => void (h = await browserHarness()));
  after(async () => h?.close());
  const open = async (view: (typeof VIEWS)[number], username: string): Promise<{ ctx: BrowserContext; page: Page }> => {
    const ctx = await h!.browser.newContext({ viewport: view.viewport });
    const page = await ctx.newPage();
    await signInAs(page, h!.base, username);
    return { ctx, page };
  };

  it('shows each role of the office and what it may do, the officer’s own role first', async () => {
    for (const view of VIEWS) {
      const { ctx, page } = await open(view, 'pramu-sosial@kota-banjarmasin');
      await page.getByRole('navigation', { name: 'Menu petugas' }).getByRole('link', { name: 'Hak akses' }).click();
      await page.getByRole('heading', { name: 'Hak akses peran', level: 1 }).waitFor();
      const roles = await page.locator('main h2').allTextContents();
      assert.equal(roles.length, 16, 'every role of Kota Banjarmasin');
      assert.match(roles[0]!, /^Pramu Sosial peran Anda$/);
      assert.ok(roles.includes('Tim Reaksi Cepat (TRC)') && roles.includes('Auditor (baca saja)'), roles.join(' | '));
      const pramu = page.locator('ul[data-role="pramu-sosial"]');
      assert.match((await pramu.textContent()) ?? '', /mendaftarkan permohonan di loket.*\(untuk layanan yang tahap penerimaannya dipegang peran ini\)/s);
      const auditor = (await page.locator('ul[data-role="auditor"] li').allTextContents()).join('\n');
      assert.doesNotMatch(auditor, /mendaftarkan|mengerjakan|menandatangani/, 'the auditor only reads');
      assert.deepEqual(await axeIds(page), []);
      assert.deepEqual(await overflowingElements(page), [], `${view.name}: no sideways scrolling`);
      await shot(page, `permissions-${view.name}-id`);
      await page.getByRole('link', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Role permissions', level: 1 }).waitFor();
      assert.match((await pramu.textContent()) ?? '', /register applications at the counter.*\(for services where this role holds the intake step\)/s);
      assert.match((await page.locator('main h2').first().textContent()) ?? '', /your role/);
      assert.deepEqual(await axeIds(page), []);
      assert.deepEqual(await overflowingElements(page), [], `${view.name} (en): no sideways scrolling`);
      await shot(page, `permissions-${view.name}-en`);
      await ctx.close();
    }
  });

  it('refuses the survey officer the counter form with the bilingual 403 page, not JSON', async () => {
    for (const view of VIEWS) {
      const { ctx, page } = await open(view, 'surveyor@kota-banjarmasin');
      // The menu does not offer what the role may not do; an old bookmark still reaches the server.
      const menu = page.getByRole('navigation', { name: 'Menu petugas' });
      assert.equal(await menu.getByRole('link', { name: 'Daftarkan permohonan' }).count(), 0);
      assert.equal(await menu.getByRole('link', { name: 'Survei (SKM)' }).count(), 1);
      for (const lang of ['id', 'en'] as const) {
        const res = await page.goto(`${h!.base}/petugas/daftar-baru${lang === 'en' ? '?lang=en' : ''}`);
        assert.equal(res?.status(), 403);
        assert.match(res!.headers()['content-type'] ?? '', /text\/html/);
        await page.getByRole('heading', { name: lang === 'id' ? 'Tidak berwenang' : 'Not allowed', level: 1 }).waitFor();
        const alert = (await page.getByRole('alert').textContent()) ?? '';
        assert.equal(alert, lang === 'id' ? 'Peran Anda tidak berwenang mendaftarkan permohonan di loket (peran loket, dan peran yang memegang tahap penerimaan layanan itu).' : 'Your role may not register applications at the counter (the counter role, and roles holding the intake step of that service).');
        const other = (await page.locator(`main p[lang="${lang === 'id' ? 'en' : 'id'}"]`).textContent()) ?? '';
        assert.match(other, lang === 'id' ? /^Your role may not register applications/ : /^Peran Anda tidak berwenang mendaftarkan/);
        assert.ok(await page.getByRole('link', { name: lang === 'id' ? 'Lihat hak akses setiap peran' : 'See what each role may do' }).isVisible());
        assert.deepEqual(await axeIds(page), []);
        assert.deepEqual(await overflowingElements(page), [], `${view.name} ${lang}: no sideways scrolling`);
        await shot(page, `refused-${view.name}-${lang}`);
      }
      await ctx.close();
    }
  });

  it('masks a chronic illness and the ID scan on the case page for the auditor, not for the front office', async () => {
    const t = h!.t;
    const scan = await storeUpload(t.ctx, PNG_1X1, 'ktp-rahmat.png');
    assert.ok(scan.ok);
    const filed = await submitApplication(
      t.ctx,
      {
        office: 'kota-banjarmasin',
        service: 'pengusulan-jkn-kis',
        channel: 'counter',
        applicant: { nik: '6371011203880004', name: 'Rahmat Hidayat', phone: '081351234567', address: 'Jl. Pramuka No. 21, Sungai Lulut', residentOfRegion: true },
        answers: { 'status-pekerjaan': 'bukan-pekerja', 'penyakit-kronis': true },
        attachments: [{ requirement: 'kk-ktp', upload: scan.value.id }],
      },
      await actorFor(t.ctx, 'front-office@kota-banjarmasin'),
    );
    assert.ok(filed.ok, JSON.stringify(filed));
    for (const [role, masked] of [['auditor', true], ['front-office', false]] as const) {
      const { ctx, page } = await open(VIEWS[0], `${role}@kota-banjarmasin`);
      for (const lang of ['id', 'en'] as const) {
        await page.goto(`${h!.base}/petugas/berkas/${filed.value.id}${lang === 'en' ? '?lang=en' : ''}`);
        const answers = (await page.getByTestId('answers').textContent()) ?? '';
        assert.equal(answers.includes('••••'), masked, `${role} ${lang}: ${answers}`);
        assert.equal(await page.locator(`a[href="/petugas/unggahan/${scan.value.id}"]`).count(), masked ? 0 : 1);
        if (masked) assert.match(answers, lang === 'id' ? /\(data pribadi spesifik\)/ : /\(specific personal data\)/);
        assert.deepEqual(await axeIds(page), []);
        assert.deepEqual(await overflowingElements(page), [], `${role} ${lang}: no sideways scrolling`);
        await shot(page, `case-${role}-phone-${lang}`);
      }
      await ctx.close();
    }
  });
});
