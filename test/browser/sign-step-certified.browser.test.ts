/**
 * The sign step's certified signature as the head of office sees it on the case page: the NIK and
 * passphrase fields beside the signing password, on a phone and a laptop in both languages,
 * accessible and not scrolling sideways; a wrong passphrase comes back beside its field (the
 * step still open), the right one signs the letter through the provider and the case moves on.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { httpSigningProvider } from '../../src/io/signing-provider.js';
import { axeViolations, overflowingElements, suiteHarness } from '../support/browser.js';
import { TEST_DB } from '../support/db.js';
import { startFakeProvider, type FakeProvider } from '../support/fake-signing-provider.js';
import { signInAs } from '../support/sign-in.js';
import { driveUntil, fileCase } from '../letters/helpers.js';

// Screenshots for a person to look at, when SIGAP_SCREENSHOTS names a folder.
const SHOTS = process.env.SIGAP_SCREENSHOTS;
const PROVIDER = 'BSrE (uji)';
const SIGNER = { nik: '1571025005720002', passphrase: 'Rahasia-BSrE-2026', name: 'Kepala Dinas Sosial (demo)' };

describe(`the sign step offers the certified signature on the case page (${TEST_DB})`, () => {
  const h = suiteHarness();
  let fake: FakeProvider;
  before(async () => {
    fake = await startFakeProvider([SIGNER]);
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => fake.close());
  /** A Jamkesda Bayi case waiting at its signing step. */
  const atSignStep = async (baby: string) => {
    const { t } = h();
    t.ctx.signingProvider = httpSigningProvider({ name: PROVIDER, url: fake.url, timeoutMs: 10_000 });
    const c = await fileCase(t.ctx, 'kota-jambi', 'rekomendasi-jamkesda-bayi', baby);
    await driveUntil(t.ctx, c.id, (s) => s.kind === 'sign', 'kota-jambi');
    return c;
  };

  for (const [width, height] of [
    [360, 740],
    [1280, 900],
  ] as const)
    for (const lang of ['id', 'en'] as const)
      it(`at ${width} px in ${lang === 'id' ? 'Bahasa Indonesia' : 'English'}: the provider fields, a refused passphrase beside its field, then signed`, async () => {
        const { t, browser, base } = h();
        const c = await atSignStep(`Bayi Ny. ${lang === 'id' ? 'Sri Wahyuni' : 'Rina Marlina'} ${width}`);
        const ctx = await browser.newContext({ viewport: { width, height } });
        try {
          const page = await ctx.newPage();
          await signInAs(page, base, 'kepala-dinas@kota-jambi');
          await page.goto(`${base}/petugas/berkas/${c.id}${lang === 'en' ? '?lang=en' : ''}`);
          const en = lang === 'en';
          await page.getByRole('group', { name: en ? `Certified signature from ${PROVIDER} (optional)` : `Tanda tangan tersertifikasi dari ${PROVIDER} (pilihan)` }).waitFor();
          await page.getByLabel(en ? 'Password (signing confirmation)' : 'Kata sandi (konfirmasi penandatanganan)').fill('sigap-demo');
          await page.getByLabel('NIK').fill(SIGNER.nik);
          const passphrase = page.getByLabel(en ? `${PROVIDER} passphrase` : `Passphrase ${PROVIDER}`);
          await passphrase.fill('bukan-passphrase');
          assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), [], 'the step form with the provider fields is accessible');
          assert.deepEqual(await overflowingElements(page), [], 'no sideways scrolling');
          // The step form alone (the page is long on a phone), and the whole page.
          const form = page.locator('section[aria-labelledby="h-act"]');
          if (SHOTS) await form.screenshot({ path: join(SHOTS, `sign-step-${width}-${lang}-form.png`) });
          if (SHOTS) await page.screenshot({ path: join(SHOTS, `sign-step-${width}-${lang}.png`), fullPage: true });
          const [refused] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Ditandatangani' }).click()]);
          assert.equal(refused.status(), 422, 'the case page again, not a JSON page');
          const error = page.locator('#err-data-passphrase');
          assert.match((await error.textContent()) ?? '', en ? /BSrE \(uji\) refused the passphrase\. The letter is not signed\. \(Passphrase ditolak/ : /Passphrase ditolak oleh BSrE \(uji\)\. Surat tidak ditandatangani\. \(BSrE \(uji\) refused/);
          assert.equal(await passphrase.getAttribute('aria-invalid'), 'true');
          assert.equal(await page.getByLabel('NIK').inputValue(), SIGNER.nik, 'the NIK typed is kept');
          assert.equal(await passphrase.inputValue(), '', 'the passphrase is not sent back');
          assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), [], 'the refusal is accessible');
          assert.deepEqual(await overflowingElements(page), []);
          if (SHOTS) await form.screenshot({ path: join(SHOTS, `sign-step-${width}-${lang}-refused-form.png`) });
          if (SHOTS) await page.screenshot({ path: join(SHOTS, `sign-step-${width}-${lang}-refused.png`), fullPage: true });
          const [before] = await t.database.db.selectFrom('letters').select(['status', 'number']).where('application_id', '=', c.id).execute();
          assert.equal(before?.status, 'draft');
          assert.ok(before?.number, 'numbered, unsigned');
          await page.getByLabel(en ? 'Password (signing confirmation)' : 'Kata sandi (konfirmasi penandatanganan)').fill('sigap-demo');
          await passphrase.fill(SIGNER.passphrase);
          await page.getByRole('button', { name: 'Ditandatangani' }).click();
          await page.waitForURL(/selesai=/);
          const [l] = await t.database.db.selectFrom('letters').selectAll().where('application_id', '=', c.id).execute();
          assert.deepEqual([l?.status, l?.signature_kind, l?.signature_provider, l?.number], ['signed', 'certified', PROVIDER, before.number]);
        } finally {
          await ctx.close();
        }
      });
});
