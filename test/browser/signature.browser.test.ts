/**
 * The verification page of a digitally signed letter, as people see it: the kind of signature,
 * its validity, signer, time and certificate status on a phone and a laptop in both languages,
 * accessible, not scrolling sideways; the chain downloads; a tampered upload is called out.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { httpSigningProvider } from '../../src/io/signing-provider.js';
import { completeTask } from '../../src/usecases/applications/complete-task.js';
import { simulateCase } from '../../src/usecases/applications/simulate-case.js';
import { readLetterFile } from '../../src/usecases/letters/letter-files.js';
import type { TestApp } from '../support/app.js';
import { axeViolations, browserHarness, overflowingElements } from '../support/browser.js';
import { TEST_DB } from '../support/db.js';
import { startFakeProvider } from '../support/fake-signing-provider.js';
import { signInAs } from '../support/sign-in.js';
import { actorFor, driveUntil, fileCase } from '../letters/helpers.js';

// Screenshots for a person to look at, when SIGAP_SCREENSHOTS names a folder.
const SHOTS = process.env.SIGAP_SCREENSHOTS;

describe(`the verification page shows the letter's digital signature (${TEST_DB})`, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let h: Awaited<ReturnType<typeof browserHarness>> | undefined;
  let token = '';
  let pdf: Buffer;
  before(async () => {
    h = await browserHarness();
    ({ t, browser, base } = h);
    const c = await fileCase(t.ctx, 'kota-jambi', 'rekomendasi-jamkesda-bayi', 'Nurul Hidayah');
    const at = await driveUntil(t.ctx, c.id, (s) => s.kind === 'sign', 'kota-jambi');
    const r = await completeTask(t.ctx, { taskId: at.taskId!, outcome: 'ditandatangani', data: { password: 'sigap-demo' }, version: at.version }, await actorFor(t.ctx, 'kepala-dinas@kota-jambi'));
    assert.ok(r.ok, JSON.stringify(r));
    const l = await t.database.db.selectFrom('letters').selectAll().where('application_id', '=', c.id).executeTakeFirstOrThrow();
    token = l.token;
    pdf = (await readLetterFile(t.ctx, l.sha256!))!;
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      writeFileSync(join(SHOTS, 'signed-letter.pdf'), pdf);
    }
  });
  after(async () => {
    await h?.close();
  });

  for (const [width, height] of [
    [360, 740],
    [1280, 900],
  ] as const)
    for (const lang of ['id', 'en'] as const)
      it(`at ${width} px in ${lang === 'id' ? 'Bahasa Indonesia' : 'English'}: kind, validity, signer, certificate status; accessible and fitting`, async () => {
        const ctx = await browser.newContext({ viewport: { width, height } });
        const page = await ctx.newPage();
        await page.goto(`${base}/v/${token}${lang === 'en' ? '?lang=en' : ''}`);
        const section = page.getByRole('region', { name: lang === 'id' ? 'Tanda tangan elektronik' : 'Electronic signature' });
        await section.waitFor();
        assert.match((await page.getByTestId('signature-kind').textContent()) ?? '', lang === 'id' ? /tidak tersertifikasi/ : /Uncertified electronic signature/);
        assert.match((await page.getByTestId('signature-validity').textContent()) ?? '', lang === 'id' ? /^SAH/ : /^VALID/);
        assert.equal(await page.getByTestId('signature-signer').textContent(), 'Kepala Dinas Sosial (demo)');
        assert.match((await page.getByTestId('certificate-state').textContent()) ?? '', lang === 'id' ? /Berlaku/ : /In force/);
        assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), [], 'accessible');
        assert.deepEqual(await overflowingElements(page), [], 'no sideways scrolling');
        if (SHOTS) await page.screenshot({ path: join(SHOTS, `verify-${width}-${lang}.png`), fullPage: true });
        await ctx.close();
      });

  it('downloads the certificate chain and calls out a tampered upload on a phone', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, acceptDownloads: true });
    const page = await ctx.newPage();
    await page.goto(`${base}/v/${token}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chain-link').click()]);
    assert.match(download.suggestedFilename(), /^sertifikat-400\.9-\d{4}-Dinsos-\d{4}\.pem$/);
    const tampered = Buffer.from(pdf);
    const at = tampered.indexOf(Buffer.from('/Title'));
    tampered[at + 10] = tampered[at + 10]! ^ 0x01;
    await page.getByLabel('Berkas PDF surat').setInputFiles({ name: 'surat.pdf', mimeType: 'application/pdf', buffer: tampered });
    await page.getByRole('button', { name: 'Periksa' }).click();
    await page.getByText('TIDAK COCOK').waitFor();
    assert.match((await page.getByTestId('embedded-signature').textContent()) ?? '', /RUSAK/);
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), [], 'the refused check is accessible');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'verify-360-tampered.png'), fullPage: true });
    await ctx.close();
  });

  it('lets the office admin revoke a signer certificate and issue a new one on the signing keys page, at 360 px and accessible; others are refused', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
    try {
      const page = await ctx.newPage();
      await signInAs(page, base, 'admin@kota-jambi');
      await page.getByRole('link', { name: 'Kunci tanda tangan' }).click();
      await page.getByRole('heading', { name: 'Kunci tanda tangan elektronik' }).waitFor();
      const serial = (await t.database.db.selectFrom('signing_certificates').select('serial').where('revoked_at', 'is', null).executeTakeFirstOrThrow()).serial;
      assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), [], 'the keys page is accessible');
      assert.deepEqual(await overflowingElements(page), []);
      if (SHOTS) await page.screenshot({ path: join(SHOTS, 'keys-360-id.png'), fullPage: true });
      await page.getByLabel('Alasan pencabutan').first().fill('Perangkat hilang');
      await page.getByRole('button', { name: 'Cabut' }).first().click();
      await page.getByText(`Sertifikat ${serial} dicabut`).waitFor();
      const row = await t.database.db.selectFrom('signing_certificates').selectAll().where('serial', '=', serial).executeTakeFirstOrThrow();
      assert.equal(row.revocation_reason, 'Perangkat hilang');
      assert.ok(row.revoked_by?.startsWith((await actorFor(t.ctx, 'admin@kota-jambi')).name), `who revoked it is recorded: ${row.revoked_by}`);
      await page.getByRole('button', { name: 'Terbitkan sertifikat baru' }).click();
      await page.getByText(/Sertifikat baru [0-9a-f]{32} diterbitkan/).waitFor();
      const audit = await t.database.db.selectFrom('audit_events').select('action').where('action', 'in', ['signing.certificate-revoked', 'signing.certificate-issued']).execute();
      assert.ok(audit.some((a) => a.action === 'signing.certificate-revoked'));
      const other = await ctx.newPage();
      await ctx.clearCookies();
      await signInAs(other, base, 'front-office@kota-jambi');
      const refused = await other.goto(`${base}/petugas/kunci-tanda-tangan`);
      assert.equal(refused?.status(), 403);
    } finally {
      await ctx.close();
    }
  });

  it('signs ready letters with a certified provider from the letters page on a phone: a wrong passphrase is refused, the right one signs', async () => {
    const fake = await startFakeProvider([{ nik: '1571025005720002', passphrase: 'Rahasia-BSrE-2026', name: 'Kepala Dinas Sosial (demo)' }]);
    t.ctx.signingProvider = httpSigningProvider({ name: 'BSrE (uji)', url: fake.url, timeoutMs: 10_000 });
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
    try {
      const run = await simulateCase(t.ctx, 'kota-jambi', 'rekomendasi-pub', 'main', undefined, { leaveForSigner: true });
      const page = await ctx.newPage();
      await signInAs(page, base, 'kepala-dinas@kota-jambi');
      const fill = async (passphrase: string) => {
        await page.goto(`${base}/petugas/surat`);
        await page.getByRole('checkbox').first().check();
        await page.getByLabel('Kata sandi (konfirmasi penandatanganan)').fill('sigap-demo');
        await page.getByLabel('NIK').fill('1571025005720002');
        await page.getByLabel('Passphrase BSrE (uji)').fill(passphrase);
      };
      await fill('salah');
      assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), [], 'the signing form with the provider fields is accessible');
      assert.deepEqual(await overflowingElements(page), []);
      if (SHOTS) await page.screenshot({ path: join(SHOTS, 'letters-360-certified.png'), fullPage: true });
      await page.getByRole('button', { name: 'Tandatangani yang dipilih' }).click();
      await page.getByText(/Passphrase ditolak oleh BSrE \(uji\)/).waitFor();
      if (SHOTS) await page.screenshot({ path: join(SHOTS, 'letters-360-certified-refused.png'), fullPage: true });
      await fill('Rahasia-BSrE-2026');
      await page.getByRole('button', { name: 'Tandatangani yang dipilih' }).click();
      await page.getByText(/1 surat ditandatangani/).waitFor();
      const l = await t.database.db.selectFrom('letters').selectAll().where('application_id', '=', run.applicationId).executeTakeFirstOrThrow();
      assert.equal(l.status, 'signed');
      assert.equal(l.signature_kind, 'certified');
      assert.equal(l.signature_provider, 'BSrE (uji)');
    } finally {
      t.ctx.signingProvider = null;
      await ctx.close();
      await fake.close();
    }
  });
});
