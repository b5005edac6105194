/**
 * A year of Kutai Kartanegara's santunan Kukar Idaman on a real database: from the berita acara and
 * the Bupati's SK (recorded by number) to 12 monthly cycles, approval by the head of office within
 * the recorded allocation with every recipient re-checked against the current DTKS snapshot and
 * frozen, an exit (meninggal dunia) that keeps a person out of the next cycle, a newer snapshot
 * that marks a recipient deceased and holds the next payment, the bank file, the bank's result with
 * a failed transfer retried under a new reference, and reconciliation (paid + failed + pending =
 * approved) at every step; every change audited, every read logged.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { candidatesOfRound } from '../../src/db/programmes-repo.js';
import { cyclesOf, recipientsPage, transfersOfBatch } from '../../src/db/programme-cycles-repo.js';
import { rupiah, splitCsvLine } from '../../src/domain/programmes/cycles.js';
import { maskNik } from '../../src/domain/identity/mask.js';
import type { Actor } from '../../src/usecases/context.js';
import { approveCycle } from '../../src/usecases/programmes/approve-cycle.js';
import { batchFile, exportBatch } from '../../src/usecases/programmes/export-batch.js';
import { generateCycles } from '../../src/usecases/programmes/generate-cycles.js';
import { importBankResult } from '../../src/usecases/programmes/import-bank-result.js';
import { issueReport } from '../../src/usecases/programmes/issue-report.js';
import { openRound } from '../../src/usecases/programmes/open-round.js';
import { showCycle } from '../../src/usecases/programmes/read-cycles.js';
import { recordExit } from '../../src/usecases/programmes/record-exit.js';
import { setProgrammeBudget } from '../../src/usecases/programmes/set-programme-budget.js';
import { verifyCandidate } from '../../src/usecases/programmes/verify-candidate.js';
import { testCtx, type TestCtx } from '../support/ctx.js';
import { TEST_DB } from '../support/db.js';
import { extract, HEADER, importAs, row, staffActor, writeCsv } from '../registry/support.js';

const OFFICE = 'kabupaten-kutai-kartanegara';
const SLUG = 'santunan-sosial-kukar-idaman';
const KUKAR = { provinsi: 'KALIMANTAN TIMUR', kota: 'KABUPATEN KUTAI KARTANEGARA', kecamatan: 'TENGGARONG', kelurahan: 'MANGKURAWANG', alamat: 'JL. PATIN NO. 7' };
const SARIPAH = { nik: '6403026107580002', kk: '6403021503090001', nama: 'SARIPAH', tanggal_lahir: '1958-07-21', jenis_kelamin: 'P', pkh: '0', bpnt: '0' };
const ABDUL = { nik: '6403020403500001', kk: '6403021503090002', nama: 'ABDUL GANI', tanggal_lahir: '1950-03-04', jenis_kelamin: 'L', pkh: '0', bpnt: '0' };
const JUMRAH = { nik: '6403024408490005', kk: '6403021503090005', nama: 'JUMRAH', tanggal_lahir: '1949-08-04', jenis_kelamin: 'P', pkh: '0', bpnt: '0' };
const SK_BUPATI = '400.9/072/SK.BUP/HK/2026';

describe(`programme cycles: santunan Kukar Idaman from SK to a paid cycle (${TEST_DB})`, () => {
  let t: TestCtx;
  let dir: string;
  let operator: Actor, verifikator: Actor, head: Actor;
  let round: string;
  let cycles: string[];
  let decreed: number;

  before(async () => {
    t = await testCtx({ now: () => new Date('2026-02-02T02:00:00Z') });
    dir = mkdtempSync(join(tmpdir(), 'sigap-cycles-'));
    const file = join(dir, 'dtks.csv');
    writeCsv(file, extract(OFFICE, 60, [SARIPAH, ABDUL, JUMRAH].map((p) => row({ ...KUKAR, ...p }))));
    assert.ok((await importAs(t, file, OFFICE, { period: '2026-01' })).ok);
    const as = (role: string) => staffActor(t.ctx, role, OFFICE);
    [operator, verifikator, head] = [await as('operator'), await as('verifikator'), await as('kepala-dinas')];
    const r = await openRound(t.ctx, operator, { programme: SLUG, period: '2026', stage: 'Tahap I', referenceDate: '2026-01-01', drawCategory: 'lanjut-usia-telantar' });
    assert.ok(r.ok);
    round = r.value.id;
    for (const c of await candidatesOfRound(t.database.db, round, 5000)) assert.ok((await verifyCandidate(t.ctx, verifikator, round, c.id, { result: 'eligible', version: c.version })).ok);
    assert.ok((await issueReport(t.ctx, verifikator, round)).ok);
    decreed = (await candidatesOfRound(t.database.db, round, 5000)).length;
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('generates 12 monthly cycles of Rp 200.000 from the Bupati’s SK, recorded by its number (Rp 2.400.000 per recipient-year)', async () => {
    const noNumber = await generateCycles(t.ctx, operator, { roundId: round, category: 'lanjut-usia-telantar', firstMonth: '2026-01' });
    assert.equal(!noNumber.ok && noNumber.error.problems[0]!.field, 'decreeNumber');
    assert.match(!noNumber.ok ? noNumber.error.problems[0]!.message : '', /Surat Keputusan Bupati/);
    const badMonth = await generateCycles(t.ctx, operator, { roundId: round, category: 'lanjut-usia-telantar', firstMonth: '2026-13', decreeNumber: SK_BUPATI });
    assert.equal(!badMonth.ok && badMonth.error.problems[0]!.field, 'firstMonth');
    const g = await generateCycles(t.ctx, operator, { roundId: round, category: 'lanjut-usia-telantar', firstMonth: '2026-01', decreeNumber: SK_BUPATI });
    assert.ok(g.ok, JSON.stringify(g));
    assert.equal(g.value.ids.length, 12);
    assert.equal(g.value.perRecipient, 2_400_000);
    assert.equal(g.value.recipients, decreed);
    const again = await generateCycles(t.ctx, operator, { roundId: round, category: 'lanjut-usia-telantar', firstMonth: '2026-01', decreeNumber: SK_BUPATI });
    assert.equal(!again.ok && again.error.kind, 'conflict');
    const all = await cyclesOf(t.database.db, operator.officeId!, SLUG, 50);
    cycles = all.map((c) => c.id);
    assert.deepEqual(all.map((c) => c.due_month).slice(0, 3), ['2026-01', '2026-02', '2026-03']);
    assert.ok(all.every((c) => c.status === 'draft' && c.amount === 200_000 && c.decree_number === SK_BUPATI && c.total === 200_000 * decreed));
  });

  it('refuses approval without a recorded allocation, and beyond what it leaves', async () => {
    const none = await approveCycle(t.ctx, head, cycles[0]!, { version: 1 });
    assert.equal(!none.ok && none.error.problems[0]!.code, 'budget-not-recorded');
    // One month's worth and a rupiah short of the second.
    assert.ok((await setProgrammeBudget(t.ctx, head, SLUG, { period: '2026', amount: 200_000 * decreed * 2 - 1, note: 'DPA Dinas Sosial 2026 (uji)' })).ok);
    const first = await approveCycle(t.ctx, head, cycles[0]!, { version: 1 });
    assert.ok(first.ok, JSON.stringify(first));
    assert.deepEqual({ ...first.value }, { included: decreed, excluded: 0, held: 0, total: 200_000 * decreed });
    const second = await approveCycle(t.ctx, head, cycles[1]!, { version: 1 });
    assert.equal(!second.ok && second.error.problems[0]!.code, 'budget-exceeded');
    assert.ok((!second.ok ? second.error.problems[0]!.message : '').includes(`melebihi sisa pagu ${rupiah(200_000 * decreed - 1)}`));
    assert.ok((await setProgrammeBudget(t.ctx, head, SLUG, { period: '2026', amount: 2_400_000 * decreed, note: 'DPA Dinas Sosial 2026 (uji)' })).ok);
    const twice = await approveCycle(t.ctx, head, cycles[0]!, { version: 2 });
    assert.equal(!twice.ok && twice.error.kind, 'conflict');
  });

  it('freezes each recipient’s registry facts at approval', async () => {
    const [saripah] = (await recipientsPage(t.database.db, cycles[0]!, {}, { limit: 500, offset: 0 })).filter((r) => r.nik === SARIPAH.nik);
    const frozen = JSON.parse(saripah!.facts) as { s: string; f: Record<string, unknown> };
    assert.equal(frozen.f['registry.dtks'], true);
    assert.equal(frozen.f['registry.pkh'], false);
    assert.ok(frozen.s);
  });

  it('keeps a recipient recorded as deceased out of the next cycle, with the reason and date', async () => {
    const bad = await recordExit(t.ctx, operator, SLUG, { period: '2026', nik: ABDUL.nik, name: ABDUL.nama, reason: 'deceased', date: '2026-02-30' });
    assert.equal(!bad.ok && bad.error.problems[0]!.field, 'date');
    assert.ok((await recordExit(t.ctx, operator, SLUG, { period: '2026', nik: ABDUL.nik, name: ABDUL.nama, reason: 'deceased', date: '2026-02-10', note: 'Laporan Pendamping PKH Kec. Tenggarong' })).ok);
    const feb = await approveCycle(t.ctx, head, cycles[1]!, { version: 1 });
    assert.ok(feb.ok, JSON.stringify(feb));
    assert.equal(feb.value.excluded, 1);
    const [abdul] = await recipientsPage(t.database.db, cycles[1]!, { payment: 'excluded' }, { limit: 5, offset: 0 });
    assert.equal(abdul!.nik, ABDUL.nik);
    assert.equal(abdul!.reason, 'Meninggal dunia (2026-02-10)');
  });

  it('holds the next payment of a recipient a newer DTKS import marks deceased; the bank file carries the rest', async () => {
    // February's extract has a death column (mapped as the flag "meninggal"): JUMRAH died.
    const file = join(dir, 'dtks-feb.csv');
    const rows = extract(OFFICE, 60, [SARIPAH, ABDUL, JUMRAH].map((p) => row({ ...KUKAR, ...p }))).map((r) => [...r, r[10] === JUMRAH.nik ? 'YA' : 'TIDAK']);
    writeCsv(file, rows, { header: [...HEADER, 'STATUS_MENINGGAL'] });
    const imported = await importAs(t, file, OFFICE, { period: '2026-02', mapping: { columns: {}, flags: { meninggal: 'STATUS_MENINGGAL' }, encoding: 'auto' } });
    assert.ok(imported.ok, JSON.stringify(imported));
    const noBank = await exportBatch(t.ctx, operator, cycles[0]!, { purpose: 'first' });
    assert.equal(!noBank.ok && noBank.error.problems[0]!.field, 'bank');
    assert.match(!noBank.ok ? noBank.error.problems[0]!.message : '', /bank penyalur/);
    const b = await exportBatch(t.ctx, operator, cycles[0]!, { purpose: 'first', bank: 'Bank Kaltimtara' });
    assert.ok(b.ok, JSON.stringify(b));
    assert.equal(b.value.held, 1);
    assert.equal(b.value.rows, decreed - 1);
    assert.equal(b.value.total, 200_000 * (decreed - 1));
    const file1 = await batchFile(t.ctx, operator, b.value.id);
    assert.ok(file1.ok);
    const lines = file1.value.text.trim().split('\r\n');
    assert.equal(lines[0], 'no,referensi,nik,nama,desa_kelurahan,nominal,berita');
    assert.equal(lines.length, decreed);
    assert.ok(!file1.value.text.includes(JUMRAH.nik), 'the held payment is not in the file');
    const saripah = splitCsvLine(lines.find((l) => l.includes(SARIPAH.nik))!);
    assert.deepEqual(saripah.slice(2), [SARIPAH.nik, 'SARIPAH', 'MANGKURAWANG', '200000', `${SLUG} 2026-01 1/12`]);
    const logged = await t.database.db.selectFrom('data_access_log').select(['purpose', 'action']).where('record_id', '=', `batch:${b.value.id}`).execute();
    assert.deepEqual(logged, [{ purpose: 'programme-disbursement', action: 'export' }]);
    const again = await exportBatch(t.ctx, operator, cycles[0]!, { purpose: 'first', bank: 'Bank Kaltimtara' });
    assert.equal(!again.ok && again.error.problems[0]!.code, 'nothing-to-send');
  });

  it('imports the bank’s result, retries the failed transfer under a new reference, and reconciles at each step', async () => {
    const shown = await showCycle(t.ctx, operator, cycles[0]!, {}, 0);
    assert.ok(shown.ok);
    const batch = shown.value.batches[0]!;
    const transfers = await transfersOfBatch(t.database.db, batch.id, 5000);
    const failing = transfers.find((x) => x.nik === SARIPAH.nik)!;
    const bad = await importBankResult(t.ctx, operator, batch.id, 'referensi,status,keterangan\nTIDAK-ADA-01,BERHASIL,\n' + `${failing.reference},MUNGKIN,\n`);
    assert.equal(!bad.ok && bad.error.kind, 'invalid');
    assert.deepEqual(!bad.ok && bad.error.problems.map((p) => p.code), ['result-status', 'result-unknown-reference']);
    const csv = ['referensi,status,keterangan', ...transfers.map((x) => (x.reference === failing.reference ? `${x.reference},GAGAL,Rekening tidak aktif` : `${x.reference},BERHASIL,`))].join('\n');
    const r = await importBankResult(t.ctx, operator, batch.id, csv);
    assert.ok(r.ok, JSON.stringify(r));
    const rec = r.value.reconciliation;
    assert.deepEqual([rec.paid.n, rec.failed.n, rec.pending.n, rec.held.n], [decreed - 2, 1, 1, 1]);
    assert.equal(rec.paid.rp + rec.failed.rp + rec.pending.rp, rec.approved.rp);
    assert.equal(rec.approved.rp, 200_000 * decreed);
    assert.ok(rec.balanced);
    const twice = await importBankResult(t.ctx, operator, batch.id, csv);
    assert.equal(!twice.ok && twice.error.problems[0]!.code, 'result-already-recorded');
    const retry = await exportBatch(t.ctx, operator, cycles[0]!, { purpose: 'retry', bank: 'Bank Kaltimtara' });
    assert.ok(retry.ok, JSON.stringify(retry));
    assert.equal(retry.value.rows, 1);
    const [again] = await transfersOfBatch(t.database.db, retry.value.id, 10);
    assert.notEqual(again!.reference, failing.reference);
    assert.equal(again!.nik, SARIPAH.nik);
    const r2 = await importBankResult(t.ctx, operator, retry.value.id, `referensi,status\n${again!.reference},BERHASIL\n`);
    assert.ok(r2.ok);
    assert.deepEqual([r2.value.reconciliation.paid.n, r2.value.reconciliation.failed.n, r2.value.reconciliation.pending.n], [decreed - 1, 0, 1]);
    // The failed attempt stays on record beside its retry.
    const first = await transfersOfBatch(t.database.db, batch.id, 5000);
    assert.equal(first.find((x) => x.reference === failing.reference)!.result, 'failed');
    // The held payment keeps the cycle open: not paid until the office decides on it.
    const after = await showCycle(t.ctx, operator, cycles[0]!, { payment: 'held' }, 0);
    assert.ok(after.ok);
    assert.equal(after.value.cycle.status, 'approved');
    assert.equal(after.value.recipients[0]!.name, 'JUMRAH');
    assert.equal(after.value.recipients[0]!.flag, 'deceased');
    assert.equal(after.value.recipients[0]!.nik, maskNik(JUMRAH.nik));
  });

  it('audits every change', async () => {
    const actions = (await t.database.db.selectFrom('audit_events').select('action').where('action', 'like', 'programme-%').execute()).map((a) => a.action);
    for (const a of ['programme-cycles-generated', 'programme-budget-set', 'programme-cycle-approved', 'programme-recipient-exited', 'programme-batch-exported', 'programme-bank-result-imported']) assert.ok(actions.includes(a), a);
  });
});
