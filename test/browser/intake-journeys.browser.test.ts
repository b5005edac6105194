/**
 * The intake journeys as people make them in Chromium: a citizen on a 360 px phone applies for
 * every open service of every office with every field filled and a file for every upload; a file
 * too large and a refused form keep what was typed and attached; reloading the receipt files
 * nothing; a returned file is completed online with a new upload and withdrawing asks first; the
 * counter clerk registers a case with documents shown and prints the receipt; the officer sees
 * the citizen's answers and gets a confirmation after acting.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { openTaskFor } from '../../src/db/applications-repo.js';
import type { Service } from '../../src/domain/standards/schema.js';
import { completeTask } from '../../src/usecases/applications/complete-task.js';
import { MAX_UPLOAD_BYTES } from '../../src/usecases/applications/store-upload.js';
import { TEST_DB } from '../support/db.js';
import type { TestApp } from '../support/app.js';
import { axeViolations, browserHarness, overflowingElements } from '../support/browser.js';
import { PDF_MIN, PNG_1X1, SITI } from '../support/fixtures.js';
import { actorFor } from '../letters/helpers.js';
import { fillEverything } from '../support/intake-form.js';

/** Rahmah, a woman born 17 August 1990 in Kabupaten Kutai Kartanegara (64 02 ..). */
const RAHMAH_NIK = '6402035708900004';

/** Waits for the receipt; a validation page instead fails with what it says. */
async function receiptOrSay(page: Page) {
  await page.waitForSelector('[data-testid="registration-number"], .error-summary, .duplicate-warning');
  if (await page.locator('.error-summary, .duplicate-warning').count()) assert.fail(`refused: ${await page.locator('.error-summary, .duplicate-warning').first().textContent()}`);
}

const noOverflow = async (page: Page) => {
  const wide = await overflowingElements(page);
  if (wide.length) console.log('too wide:', wide.join(', '));
  return wide.length === 0;
};

describe(`intake journeys in the browser (${TEST_DB})`, () => {
  let h: Awaited<ReturnType<typeof browserHarness>>;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  before(async () => {
    h = await browserHarness();
    ({ t, browser, base } = h);
  });
  after(async () => h?.close());

  /** Services whose fully filled form was accepted (office slug, service slug), most documents first later. */
  const accepted: [string, string][] = [];
  const count = async () => Number((await t.database.db.selectFrom('applications').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('every open service of every office takes a fully filled online form with a file for every upload: a receipt or a clear validation page, never raw JSON', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
    const page = await ctx.newPage();
    const outcomes: string[] = [];
    for (const o of t.catalogue.list()) {
      for (const { service: svc } of o.services.filter((s) => s.service.openForApplications && s.service.procedure)) {
        const label = `${o.office.slug}/${svc.slug}`;
        await page.goto(`${base}/kantor/${o.office.slug}/layanan/${svc.slug}/ajukan`);
        await fillEverything(page, svc, o.office.region.name);
        await page.getByRole('button', { name: 'Kirim permohonan' }).click();
        await page.waitForLoadState('domcontentloaded');
        const body = (await page.locator('body').textContent()) ?? '';
        assert.ok(!body.trim().startsWith('{'), `${label}: raw JSON ${body.slice(0, 200)}`);
        if (await page.getByTestId('registration-number').count()) {
          accepted.push([o.office.slug, svc.slug]);
          assert.match(await page.getByTestId('receipt-service').textContent() ?? '', new RegExp(svc.title.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), label);
          assert.ok(await noOverflow(page), `${label}: the receipt fits a 360 px phone`);
        } else {
          // Refused by a rule of the decree (e.g. age, residence): said beside the form, which kept everything.
          assert.equal(await page.locator('.error-summary').count(), 1, `${label}: neither a receipt nor a validation page: ${body.slice(0, 300)}`);
          assert.equal(await page.getByLabel('Nama lengkap').inputValue(), SITI.name, `${label}: typed values kept`);
          const docs = svc.requirements.filter((x) => x.kind === 'document');
          assert.equal(await page.locator('.kept').count(), docs.length, `${label}: every upload kept`);
          outcomes.push(`${label}: ${(await page.locator('.error-summary li').allTextContents()).join(' | ')}`);
        }
      }
    }
    await ctx.close();
    // Every refusal is a rule of the decree, not a limit of the form.
    for (const x of outcomes) assert.doesNotMatch(x, /limit|batas isian|field/i, x);
    assert.ok(accepted.length >= 40, `${accepted.length} receipts; refused: ${outcomes.join('\n')}`);
  });

  it('a file over the limit and a missing field keep what was typed and attached; the corrected form files one case, and reloading the receipt files nothing', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await ctx.newPage();
    // Of the services whose filled form was accepted, the one with the most documents to upload.
    const [o, svc] = accepted
      .map(([x, s]) => [t.catalogue.office(x)!, t.catalogue.service(x, s)!.service.service] as const)
      .sort((a, b) => b[1].requirements.filter((r) => r.kind === 'document').length - a[1].requirements.filter((r) => r.kind === 'document').length)[0]!;
    await page.goto(`${base}/kantor/${o.office.slug}/layanan/${svc.slug}/ajukan`);
    assert.deepEqual((await axeViolations(page)).map((v) => v.id), [], 'the form is accessible');
    assert.ok(await noOverflow(page), 'the form fits a 360 px phone');
    assert.match((await page.locator('details.privacy').textContent()) ?? '', /Yang dikumpulkan.*Untuk apa.*Siapa yang melihat.*Berapa lama disimpan.*Hak Anda/s, 'the privacy notice says what, why, who, how long and whom to ask');
    await fillEverything(page, svc, o.office.region.name);
    await page.getByLabel('Nama lengkap').fill('');
    const docs = svc.requirements.filter((x) => x.kind === 'document');
    const big = docs[0]!;
    await page.locator(`#f-file-${big.id}`).setInputFiles({ name: 'foto-kk-hp.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(MAX_UPLOAD_BYTES + 1024, 0xff) });
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    await page.waitForSelector('.error-summary');
    const summary = (await page.locator('.error-summary').textContent()) ?? '';
    assert.match(summary, /foto-kk-hp\.jpg: Berkas terlalu besar \(maksimal 10 MB\)/);
    assert.match(summary, /Nama wajib diisi/, 'the rest of the form is checked in the same round');
    assert.match((await page.locator('#err-applicant-name').textContent()) ?? '', /Nama wajib diisi/, 'beside its field');
    assert.equal(await page.locator('#f-applicant-nik').inputValue(), SITI.nik, 'the NIK typed is still there');
    assert.equal(await page.locator('.kept').count(), docs.length - 1, 'the other uploads are kept; only the too-large one must be chosen again');
    await page.getByLabel('Nama lengkap').fill(SITI.name);
    await page.locator(`#f-file-${big.id}`).setInputFiles({ name: 'foto-kk-kecil.png', mimeType: 'image/png', buffer: PNG_1X1 });
    const before = await count();
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    await receiptOrSay(page);
    assert.equal(await count(), before + 1);
    const number = (await page.getByTestId('registration-number').textContent())!.trim();
    const receipt = (await page.getByTestId('receipt').textContent()) ?? '';
    for (const text of [o.office.name, svc.title.slice(0, 20), 'Diterima', 'foto-kk-kecil.png', 'Selanjutnya']) assert.ok(receipt.includes(text), `the receipt shows ${text}`);
    assert.match((await page.getByTestId('receipt-submitted').textContent()) ?? '', /\d{4} \d{2}\.\d{2}(\.\d{2})? (WIB|WITA|WIT)$/, 'received at a local time, in the office zone');
    assert.deepEqual((await axeViolations(page)).map((v) => v.id), [], 'the receipt is accessible');
    await page.reload();
    await page.waitForSelector('[data-testid="registration-number"]');
    assert.equal(await count(), before + 1, 'reloading the receipt files nothing');
    // Back to the form and sending it again (the browser resends the same form): still one case.
    await page.goBack();
    await page.waitForLoadState('domcontentloaded');
    if (await page.getByRole('button', { name: 'Kirim permohonan' }).count()) {
      await page.getByRole('button', { name: 'Kirim permohonan' }).click();
      await page.waitForSelector('[data-testid="registration-number"]');
      assert.equal((await page.getByTestId('registration-number').textContent())!.trim(), number, 'the same form sent twice is one case');
    }
    assert.equal(await count(), before + 1);
    const pdf = await page.pdf({ format: 'A4' });
    assert.equal((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length, 1, 'the receipt prints on one page');
    await ctx.close();
  });

  it('a returned file is completed online with a new upload; withdrawing asks for a deliberate tick first', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await ctx.newPage();
    const svc = t.catalogue.service('kota-jambi', 'rekomendasi-sktm-berobat')!.service.service;
    await page.goto(`${base}/kantor/kota-jambi/layanan/${svc.slug}/ajukan`);
    await fillEverything(page, svc, 'Kota Jambi');
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    await page.waitForSelector('[data-testid="registration-number"]');
    const number = (await page.getByTestId('registration-number').textContent())!.trim();
    const code = (await page.getByTestId('tracking-code').textContent())!.trim();
    const app = await t.database.db.selectFrom('applications').select(['id']).where('registration_number', '=', number).executeTakeFirstOrThrow();
    // The officer at the first step returns the file (a step with a "return" outcome).
    const task = (await openTaskFor(t.database.db, app.id))!;
    const step = svc.procedure!.steps.find((s) => s.id === task.step_id)!;
    const ret = step.outcomes.find((x) => x.kind === 'return');
    assert.ok(ret, `${step.id} can return the file`);
    const version = (await t.database.db.selectFrom('applications').select('version').where('id', '=', app.id).executeTakeFirstOrThrow()).version;
    const r = await completeTask(t.ctx, { taskId: task.id, outcome: ret.id, note: 'Surat keterangan dari rumah sakit belum dilampirkan', version }, await actorFor(t.ctx, `${task.role}@kota-jambi`));
    assert.ok(r.ok, JSON.stringify(r));

    await page.goto(`${base}/lacak/${number}?code=${code}`);
    assert.match((await page.locator('body').textContent()) ?? '', /Surat keterangan dari rumah sakit belum dilampirkan/);
    assert.ok(await noOverflow(page), 'tracking fits a 360 px phone');
    assert.deepEqual((await axeViolations(page)).map((v) => v.id), [], 'the tracking page is accessible');
    // Sending nothing is refused beside the form; the clock does not restart for nothing.
    await page.getByRole('button', { name: 'Kirim kelengkapan berkas' }).click();
    await page.waitForSelector('.error-summary');
    assert.match((await page.locator('.error-summary').textContent()) ?? '', /Unggah dokumen yang diminta petugas/);
    const doc = svc.requirements.find((x) => x.kind === 'document')!;
    await page.locator(`#f-file-${doc.id}`).setInputFiles({ name: 'surat-rs.pdf', mimeType: 'application/pdf', buffer: PDF_MIN });
    await page.getByLabel('Keterangan untuk petugas').fill('Surat dari RSUD Raden Mattaher sudah saya unggah');
    await page.getByRole('button', { name: 'Kirim kelengkapan berkas' }).click();
    await page.waitForSelector('[data-testid="resubmitted"]');
    const after = await t.database.db.selectFrom('applications').select(['status']).where('id', '=', app.id).executeTakeFirstOrThrow();
    assert.equal(after.status, 'open');
    const files = await t.database.db.selectFrom('attachments').innerJoin('uploads', 'uploads.id', 'attachments.upload_id').select(['uploads.original_name']).where('attachments.application_id', '=', app.id).execute();
    assert.ok(files.some((f) => f.original_name === 'surat-rs.pdf'), 'the new document is on the case');

    // Withdrawing: one tap on the button without the tick is refused and cancels nothing.
    await page.getByText('Batalkan permohonan…').click();
    await page.getByRole('button', { name: 'Batalkan permohonan' }).click();
    await page.waitForSelector('#err-confirm');
    assert.equal((await t.database.db.selectFrom('applications').select(['status']).where('id', '=', app.id).executeTakeFirstOrThrow()).status, 'open');
    await page.getByLabel('Ya, saya ingin membatalkan permohonan ini').check();
    await page.getByRole('button', { name: 'Batalkan permohonan' }).click();
    await page.waitForSelector('[data-testid="status"]');
    assert.equal((await page.getByTestId('status').textContent())!.trim(), 'Dibatalkan oleh pemohon');
    await ctx.close();
  });

  it('the counter clerk registers a case with documents shown, prints the receipt; the officer sees the answers and a confirmation after acting', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${base}/masuk`);
    await page.getByLabel('Nama pengguna').fill('front-office@kabupaten-kutai-kartanegara');
    await page.getByLabel('Kata sandi').fill('sigap-demo');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(/\/petugas/);
    // A service of the clerk's office whose filled form the first journey saw accepted, with the most documents.
    const svc = accepted
      .filter(([o]) => o === 'kabupaten-kutai-kartanegara')
      .map(([o, s]) => t.catalogue.service(o, s)!.service.service)
      .sort((a, b) => b.requirements.filter((r) => r.kind === 'document').length - a.requirements.filter((r) => r.kind === 'document').length)[0]!;
    assert.ok(svc.requirements.some((r) => r.kind === 'document'), svc.slug);
    await page.goto(`${base}/petugas/daftar-baru?layanan=${svc.slug}`);
    await fillEverything(page, svc, 'Kabupaten Kutai Kartanegara');
    // Someone who has not applied before (Siti's online cases would rightly be flagged as duplicates).
    await page.locator('#f-applicant-nik').fill(RAHMAH_NIK);
    const docs = svc.requirements.filter((x) => x.kind === 'document');
    // Documents shown at the counter instead of scanned: clear the files, tick every box.
    for (const d of docs) {
      await page.locator(`#f-file-${d.id}`).setInputFiles([]);
      await page.locator(`#f-shown-${d.id}`).check();
    }
    assert.deepEqual((await axeViolations(page)).map((v) => v.id), [], 'the counter form is accessible');
    await page.getByRole('button', { name: 'Daftarkan permohonan' }).click();
    await receiptOrSay(page);
    assert.match(page.url(), /\/petugas\/berkas\/[^/]+\/tanda-terima/);
    const receipt = (await page.getByTestId('receipt').textContent()) ?? '';
    assert.equal((receipt.match(/diperlihatkan di loket/g) ?? []).length, docs.length, 'every document shown is on the receipt');
    assert.match(receipt, /Diterima/);
    assert.deepEqual((await axeViolations(page)).map((v) => v.id), [], 'the counter receipt is accessible');
    const pdf = await page.pdf({ format: 'A4' });
    assert.equal((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length, 1, 'the counter receipt prints on one page');
    const number = (await page.getByTestId('registration-number').textContent())!.trim();
    await page.getByRole('link', { name: 'Buka berkas' }).click();
    const text = (await page.locator('main').textContent()) ?? '';
    for (const x of [SITI.kk, 'siti.aminah@example.id', 'Datang ke loket', 'Sedang diproses']) assert.ok(text.includes(x), `the case page shows ${x}`);
    for (const q of svc.inputs) assert.ok(text.includes(q.label), `the answer to "${q.label}" is shown`);
    assert.doesNotMatch(text, /\bsubmitted\b|citizen \/ counter|\{"clock"/, 'no raw internals');
    assert.deepEqual((await axeViolations(page)).map((v) => v.id), [], 'the case page is accessible');
    // The same person for the same service again: the clerk sees the open case before filing.
    await page.goto(`${base}/petugas/daftar-baru?layanan=${svc.slug}`);
    await fillEverything(page, svc, 'Kabupaten Kutai Kartanegara');
    await page.locator('#f-applicant-nik').fill(RAHMAH_NIK);
    const before = await count();
    await page.getByRole('button', { name: 'Daftarkan permohonan' }).click();
    await page.waitForSelector('.duplicate-warning');
    assert.match((await page.locator('.duplicate-warning').textContent()) ?? '', new RegExp(number));
    assert.equal(await count(), before, 'nothing filed while the duplicate is unconfirmed');
    assert.equal(await page.locator('.kept').count(), docs.length, 'the scans chosen are kept');
    await page.getByLabel(/tetap daftarkan/).check();
    await page.getByRole('button', { name: 'Daftarkan permohonan' }).click();
    await receiptOrSay(page);
    assert.equal(await count(), before + 1, 'filed once the clerk confirms a different need');
    await ctx.close();
  });
});
