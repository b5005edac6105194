/**
 * Programme cycles, pure: the schedules Kutai Kartanegara's decree gives (santunan 12 × Rp 200.000,
 * pendidikan once a year, veterans 12 × Rp 900.000, permakanan "setiap 2 bulan sekali" over 12
 * months = 6 deliveries), the budget rule, reconciliation (paid + failed + pending = approved) and
 * the bank files Sigap writes and reads.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addMonths, bankFileLine, BANK_FILE_HEADER, budgetProblem, parseResultFile, reconcile, rupiah, schedule, splitCsvLine, transferReference } from '../../../src/domain/programmes/cycles.js';
import { findCategory } from '../../../src/domain/programmes/eligibility.js';
import type { Programme } from '../../../src/domain/programmes/schema.js';
import { loadStandardsDir } from '../../../src/io/standards-dir.js';
import { STANDARDS_DIR } from '../../support/paths.js';

const { offices } = loadStandardsDir(STANDARDS_DIR);
const programme = (o: string, slug: string): Programme => offices.find((x) => x.office.slug === o)!.programmes.find((p) => p.slug === slug)!;
const KUKAR = 'kabupaten-kutai-kartanegara';
const category = (slug: string, key: string) => findCategory(programme(KUKAR, slug), key)!;
const plan = (slug: string, key: string, first: string) => {
  const s = schedule(category(slug, key), first);
  assert.ok(s.ok);
  return s.value;
};

describe('cycle schedules from the decree', () => {
  it('santunan Kukar Idaman: 12 monthly cycles of Rp 200.000 = Rp 2.400.000 per recipient-year', () => {
    const s = plan('santunan-sosial-kukar-idaman', 'lanjut-usia-telantar', '2026-01');
    assert.deepEqual(s.map((c) => c.dueMonth), ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    assert.equal(s.length * category('santunan-sosial-kukar-idaman', 'lanjut-usia-telantar').amount.value!, 2_400_000);
  });
  it('pendidikan: one cycle of Rp 2.000.000 a year', () => {
    assert.deepEqual(plan('santunan-sosial-kukar-idaman', 'pendidikan-anak', '2026-07'), [{ seq: 1, dueMonth: '2026-07' }]);
  });
  it('permakanan "setiap 2 bulan sekali" over 12 months: 6 deliveries, two months apart, across a year end', () => {
    const s = plan('bantuan-permakanan', 'lanjut-usia', '2026-04');
    assert.deepEqual(s.map((c) => c.dueMonth), ['2026-04', '2026-06', '2026-08', '2026-10', '2026-12', '2027-02']);
  });
  it('santunan veteran: 12 × Rp 900.000 = Rp 10.800.000', () => {
    const s = plan('santunan-veteran', 'veteran', '2026-01');
    assert.equal(s.length, 12);
    assert.equal(s.length * category('santunan-veteran', 'veteran').amount.value!, 10_800_000);
  });
  it('gives no schedule where the decree states none (bantuan sandang), quoting its words', () => {
    const sandang = programme(KUKAR, 'bantuan-sandang').categories[0]!;
    const s = schedule(sandang, '2026-01');
    assert.ok(!s.ok);
    assert.equal(s.error.code, 'schedule-not-stated');
    assert.match(s.error.message, /tidak menyatakan jadwal/);
  });
  it('adds months across years', () => {
    assert.equal(addMonths('2026-11', 2), '2027-01');
    assert.equal(addMonths('2026-12', 12), '2027-12');
  });
});

describe('budget and reconciliation', () => {
  it('needs a recorded allocation, and refuses a cycle beyond what is left, with both sums', () => {
    assert.equal(budgetProblem(null, 0, 1)!.code, 'budget-not-recorded');
    assert.equal(budgetProblem(2_400_000, 2_200_000, 200_000), null);
    const over = budgetProblem(2_400_000, 2_200_000, 400_000)!;
    assert.equal(over.code, 'budget-exceeded');
    assert.match(over.message, /Rp 400\.000 melebihi sisa pagu Rp 200\.000 dari Rp 2\.400\.000|\(Rp 400\.000\) melebihi sisa pagu Rp 200\.000 dari Rp 2\.400\.000/);
    assert.equal(rupiah(10_800_000), 'Rp 10.800.000');
  });
  it('paid + failed + pending = approved, in people and rupiah; held payments are part of pending', () => {
    const r = reconcile([
      { payment: 'paid', flag: null, n: 97, rp: 19_400_000 },
      { payment: 'failed', flag: null, n: 2, rp: 400_000 },
      { payment: 'pending', flag: 'deceased', n: 1, rp: 200_000 },
    ]);
    assert.deepEqual(r.approved, { n: 100, rp: 20_000_000 });
    assert.deepEqual([r.paid.n, r.failed.n, r.pending.n, r.held.n], [97, 2, 1, 1]);
    assert.ok(r.balanced);
  });
});

describe('bank files', () => {
  it('writes the documented layout, neutralising a formula-looking name', () => {
    assert.deepEqual([...BANK_FILE_HEADER], ['no', 'referensi', 'nik', 'nama', 'desa_kelurahan', 'nominal', 'berita']);
    const ref = transferReference('AB12CD34EF', 1, 7);
    assert.equal(ref, 'AB12CD34EF-01-000007');
    const line = bankFileLine(1, { reference: ref, nik: '6403026107580002', name: '=SARIPAH', village: 'MANGKURAWANG', amount: 200000 }, 'santunan 2026-01 1/12');
    assert.deepEqual(splitCsvLine(line), ['1', ref, '6403026107580002', "'=SARIPAH", 'MANGKURAWANG', '200000', 'santunan 2026-01 1/12']);
  });
  it('reads a result file with BERHASIL/GAGAL and names each bad line', () => {
    const ok = parseResultFile('\uFEFFreferensi;status;keterangan\r\nA-01-000001;BERHASIL;\r\nA-01-000002;GAGAL;"Rekening tidak aktif, ditutup"\r\n');
    assert.deepEqual(ok.problems, []);
    assert.deepEqual(ok.lines, [
      { reference: 'A-01-000001', result: 'paid', note: null },
      { reference: 'A-01-000002', result: 'failed', note: 'Rekening tidak aktif, ditutup' },
    ]);
    const bad = parseResultFile('referensi,status\nA-01-000001,MUNGKIN\nA-01-000002,BERHASIL\nA-01-000002,GAGAL\n,BERHASIL\n');
    assert.deepEqual(bad.problems.map((p) => [p.code, p.row]), [['result-status', 2], ['result-duplicate', 4], ['result-reference', 5]]);
    assert.equal(parseResultFile('nik,nominal\n1,2\n').problems[0]!.code, 'result-header');
  });
});
