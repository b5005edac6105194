/**
 * Kutai Kartanegara's bantuan permakanan delivered in Chromium: the head of office's SK and the
 * approval of January's delivery are set up through the use cases; the field worker (operator) on
 * a 360 px phone opens the delivery sheet, records SARIPAH's delivery without confirming the
 * decree's condition check and is refused beside that checkbox, confirms it and records the
 * delivery, then records JUMRAH's failure with its reason, and the cycle becomes delivered
 * (1 + 1 + 0 = 2); the head of office on a laptop in English closes it, writing off the failure.
 * Every page passes axe, keeps to the CSP and fits its viewport without sideways scrolling.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { cyclesOf } from '../../src/db/programme-cycles-repo.js';
import { candidatesOfRound } from '../../src/db/programmes-repo.js';
import { addCandidate } from '../../src/usecases/programmes/add-candidate.js';
import { approveCycle } from '../../src/usecases/programmes/approve-cycle.js';
import { generateCycles } from '../../src/usecases/programmes/generate-cycles.js';
import { issueDecree } from '../../src/usecases/programmes/issue-decree.js';
import { issueReport } from '../../src/usecases/programmes/issue-report.js';
import { openRound } from '../../src/usecases/programmes/open-round.js';
import { verifyCandidate } from '../../src/usecases/programmes/verify-candidate.js';
import { assertSound, screenshotFor, signIn, suiteHarness, watchCsp } from '../support/browser.js';
import { TEST_DB } from '../support/db.js';
import { extract, importAs, row, staffActor, writeCsv } from '../registry/support.js';

const OFFICE = 'kabupaten-kutai-kartanegara';
const SLUG = 'bantuan-permakanan';
const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 900 };
const KUKAR = { provinsi: 'KALIMANTAN TIMUR', kota: 'KABUPATEN KUTAI KARTANEGARA', kecamatan: 'TENGGARONG', kelurahan: 'MANGKURAWANG', alamat: 'JL. PATIN NO. 7' };
const LANSIA = [
  { nik: '6403026107480002', kk: '6403021503090021', nama: 'SARIPAH', tanggal_lahir: '1948-07-21', jenis_kelamin: 'P', pkh: '0', bpnt: '0' },
  { nik: '6403024408490005', kk: '6403021503090023', nama: 'JUMRAH', tanggal_lahir: '1949-08-04', jenis_kelamin: 'P', pkh: '0', bpnt: '0' },
];
const CONDITION = '2. Bantuan permakanan yang diserahkan dalam kondisi baik, tidak cacat dan tidak kadaluwarsa;';
const QUANTITY = '3. Bantuan permakanan yang diserahkan dalam jumlah yang cukup sesuai yang ditentukan.';

describe(`programme deliveries in the browser: a phone's delivery sheet to a closed cycle (${TEST_DB})`, () => {
  const h = suiteHarness();
  let dir: string;
  let cycle = '';

  // Accessible, within the CSP (each context is watched), no sideways scroll; then the screenshot.
  const check = async (page: Page, shot: string) => (await assertSound(page, shot), await screenshotFor(page, shot));

  before(async () => {
    const t = h().t;
    dir = mkdtempSync(join(tmpdir(), 'sigap-deliveries-browser-'));
    const file = join(dir, 'dtks.csv');
    writeCsv(file, extract(OFFICE, 10, LANSIA.map((p) => row({ ...KUKAR, ...p }))));
    assert.ok((await importAs(t, file, OFFICE, { period: '2026-01' })).ok);
    const [operator, head] = [await staffActor(t.ctx, 'operator', OFFICE), await staffActor(t.ctx, 'kepala-dinas', OFFICE)];
    const r = await openRound(t.ctx, operator, { programme: SLUG, period: '2026', stage: 'Tahap I', referenceDate: '2026-01-01' });
    assert.ok(r.ok);
    for (const p of LANSIA) assert.ok((await addCandidate(t.ctx, operator, r.value.id, { nik: p.nik, kk: p.kk, name: p.nama, category: 'lanjut-usia', source: 'village', village: 'MANGKURAWANG' })).ok);
    for (const c of await candidatesOfRound(t.database.db, r.value.id, 50)) assert.ok((await verifyCandidate(t.ctx, operator, r.value.id, c.id, { result: 'eligible', version: c.version })).ok);
    assert.ok((await issueReport(t.ctx, operator, r.value.id)).ok);
    assert.ok((await issueDecree(t.ctx, head, r.value.id, {})).ok);
    assert.ok((await generateCycles(t.ctx, operator, { roundId: r.value.id, category: 'lanjut-usia', firstMonth: '2026-01' })).ok);
    cycle = (await cyclesOf(t.database.db, operator.officeId!, SLUG, 10))[0]!.id;
    assert.ok((await approveCycle(t.ctx, head, cycle, { version: 1 })).ok);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the field worker records deliveries on a phone: the condition unchecked is refused beside it, then delivered and failed make the cycle delivered', async () => {
    const ctx = await h().browser.newContext({ viewport: PHONE });
    await watchCsp(ctx);
    const page = await ctx.newPage();
    await signIn(page, h().base, `operator@${OFFICE}`);
    await page.goto(`${h().base}/petugas/program/siklus/${cycle}`);
    await page.getByRole('link', { name: 'Lembar penyaluran barang' }).click();
    await check(page, 'deliveries-sheet-phone-id');
    const saripah = page.locator('details', { hasText: 'SARIPAH' });
    await saripah.locator('summary').click();
    await saripah.getByLabel(QUANTITY).check();
    await saripah.getByRole('button', { name: 'Catat diterima' }).click();
    const err = page.locator('details', { hasText: 'SARIPAH' }).locator('#err-checks-kondisi-baik');
    await err.waitFor();
    assert.match((await err.textContent()) ?? '', /Penyaluran ditolak: belum dikonfirmasi "2\. Bantuan permakanan yang diserahkan dalam kondisi baik, tidak cacat dan tidak kadaluwarsa;"/);
    assert.equal(await page.locator('details[open]', { hasText: 'SARIPAH' }).count(), 1, 'the refused card stays open');
    await check(page, 'deliveries-refused-phone-id');
    const again = page.locator('details', { hasText: 'SARIPAH' });
    assert.ok(await again.getByLabel(QUANTITY).isChecked(), 'what was ticked stays ticked');
    await again.getByLabel(CONDITION).check();
    await again.getByRole('button', { name: 'Catat diterima' }).click();
    await page.getByText('Penyaluran dicatat. Rekonsiliasi: 1 tersalurkan + 0 gagal + 1 menunggu = 2.').waitFor();
    const jumrah = page.locator('details', { hasText: 'JUMRAH' });
    await jumrah.locator('summary').click();
    await jumrah.getByLabel('Alasan tidak tersalurkan').fill('Rumah kosong; menurut tetangga dirawat di RSUD AM Parikesit');
    await jumrah.getByRole('button', { name: 'Catat gagal' }).click();
    await page.getByText('Semua penerima selesai: siklus tersalurkan.').waitFor();
    assert.match((await page.locator('main').textContent()) ?? '', /Status: Tersalurkan/);
    await check(page, 'deliveries-done-phone-id');
    await page.goto(`${h().base}/petugas/program/siklus/${cycle}/penyaluran?lang=en`);
    await page.locator('details', { hasText: 'SARIPAH' }).locator('summary').click();
    await check(page, 'deliveries-done-phone-en');
    await ctx.close();
  });

  it('the head closes the delivered cycle on a laptop in English, writing off the failure; the sheet then takes no more changes', async () => {
    const ctx = await h().browser.newContext({ viewport: LAPTOP });
    await watchCsp(ctx);
    const page = await ctx.newPage();
    await signIn(page, h().base, `kepala-dinas@${OFFICE}`);
    await page.goto(`${h().base}/petugas/program/siklus/${cycle}?lang=en`);
    await page.getByRole('button', { name: 'Close the cycle' }).click();
    const err = page.locator('#err-note');
    await err.waitFor();
    assert.match((await err.textContent()) ?? '', /1 failed deliveries will be written off: write why/);
    await check(page, 'deliveries-close-refused-laptop-en');
    await page.getByLabel('Why the 1 failures are written off').fill('Penerima dirawat inap; jatah Januari tidak dapat diserahkan');
    await page.getByRole('button', { name: 'Close the cycle' }).click();
    await page.getByText('Cycle closed; 1 failures written off.').waitFor();
    assert.match((await page.locator('#closed').textContent()) ?? '', /failures written off: Penerima dirawat inap/);
    await check(page, 'deliveries-closed-laptop-en');
    await page.goto(`${h().base}/petugas/program/siklus/${cycle}/penyaluran`);
    assert.equal(await page.getByRole('button', { name: 'Catat gagal' }).count(), 0, 'a closed cycle offers no form');
    await check(page, 'deliveries-closed-laptop-id');
    await ctx.close();
  });
});
