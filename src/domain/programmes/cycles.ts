/**
 * Programme cycles and disbursement, pure (docs/PROGRAMMES.md "Cycles and disbursement"): the
 * schedule a category's frequency and count give, cycle states, the budget rule, reconciliation
 * (paid + failed + pending = approved), and the bank file layouts Sigap writes and reads.
 */
import type { Problem } from '../errors.js';
import { csvCell } from '../util/csv-cell.js';
import type { Category, Frequency } from './schema.js';

export const CYCLE_STATUSES = ['draft', 'approved', 'paid', 'delivered', 'closed'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];
export const PAYMENTS = ['pending', 'paid', 'failed', 'delivered'] as const;
export type Payment = (typeof PAYMENTS)[number];
export const EXIT_REASONS = ['deceased', 'moved', 'no-longer-eligible', 'refused'] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];
/** Registry flags that hold the next payment (a column of the DTKS extract, `registry.<name>`). */
export const HOLDING_FLAGS = { meninggal: 'deceased', pindah: 'moved' } as const;

/** Rows of a bank file: a cycle is bounded by the round it comes from; the bench goes to 100,000. */
export const MAX_CYCLE_RECIPIENTS = 200_000;
/** A bank result file of at most this many bytes. */
export const MAX_RESULT_BYTES = 20 * 1024 * 1024;
/** Recipients per page of a cycle's list. */
export const CYCLE_PAGE = 50;

export const CYCLE_STATUS_NAMES: Record<CycleStatus, { id: string; en: string }> = {
  draft: { id: 'Rancangan', en: 'Draft' },
  approved: { id: 'Disetujui', en: 'Approved' },
  paid: { id: 'Dibayar', en: 'Paid' },
  delivered: { id: 'Tersalurkan', en: 'Delivered' },
  closed: { id: 'Ditutup', en: 'Closed' },
};
export const PAYMENT_NAMES: Record<Payment | 'held', { id: string; en: string }> = {
  pending: { id: 'Menunggu', en: 'Pending' },
  paid: { id: 'Berhasil', en: 'Paid' },
  failed: { id: 'Gagal', en: 'Failed' },
  delivered: { id: 'Diterima', en: 'Delivered' },
  held: { id: 'Ditahan', en: 'Held' },
};
export const EXIT_NAMES: Record<ExitReason, { id: string; en: string }> = {
  deceased: { id: 'Meninggal dunia', en: 'Deceased' },
  moved: { id: 'Pindah domisili', en: 'Moved away' },
  'no-longer-eligible': { id: 'Tidak lagi memenuhi syarat', en: 'No longer eligible' },
  refused: { id: 'Menolak bantuan', en: 'Refused the aid' },
};
export const FLAG_NAMES: Record<string, { id: string; en: string }> = {
  deceased: { id: 'Registri: meninggal dunia — pembayaran ditahan', en: 'Registry: deceased — payment held' },
  moved: { id: 'Registri: pindah — pembayaran ditahan', en: 'Registry: moved — payment held' },
};

const STEP: Record<Exclude<Frequency, 'not-stated'>, number> = { month: 1, 'two-months': 2, year: 12, once: 0 };

/** YYYY-MM plus n months. */
export function addMonths(ym: string, n: number): string {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  const t = y * 12 + (m - 1) + n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
}

/**
 * The cycles of a category from its first month: `count` cycles `every` apart (permakanan: 6 two
 * months apart over 12 months; santunan: 12 monthly; pendidikan and one-off aid: 1). A frequency or
 * count the decree does not state gives no schedule, with the decree's words as the reason.
 */
export function schedule(category: Category, firstMonth: string): { ok: true; value: { seq: number; dueMonth: string }[] } | { ok: false; error: Problem } {
  if (category.every === 'not-stated' || (category.count === null && category.every !== 'once'))
    return {
      ok: false,
      error: { code: 'schedule-not-stated', field: 'category', message: `Keputusan tidak menyatakan jadwal kategori ${category.name}: "${category.duration.text}"; siklus tidak dapat dibuat`, messageEn: `The decree states no schedule for ${category.name}: "${category.duration.text}"; no cycles can be generated` },
    };
  const count = category.every === 'once' ? 1 : category.count!;
  return { ok: true, value: Array.from({ length: count }, (_, i) => ({ seq: i + 1, dueMonth: addMonths(firstMonth, i * STEP[category.every as Exclude<Frequency, 'not-stated'>]) })) };
}

/** The budget rule: approving `total` must fit what the period's allocation has left. */
export function budgetProblem(allocation: number | null, committed: number, total: number): Problem | null {
  if (allocation === null)
    return { code: 'budget-not-recorded', field: 'budget', message: 'Pagu anggaran program untuk periode ini belum dicatat; keputusan tidak menyebutnya, catat pagu (DPA) dulu', messageEn: "The programme's allocation for this period is not recorded; the decree does not state one, record the allocation (DPA) first" };
  if (committed + total > allocation)
    return {
      code: 'budget-exceeded',
      field: 'budget',
      message: `Siklus ini (${rupiah(total)}) melebihi sisa pagu ${rupiah(allocation - committed)} dari ${rupiah(allocation)}`,
      messageEn: `This cycle (${rupiah(total)}) exceeds the remaining allocation of ${rupiah(allocation - committed)} out of ${rupiah(allocation)}`,
    };
  return null;
}

export function rupiah(n: number): string {
  return `Rp ${n.toLocaleString('id-ID').replace(/,/g, '.')}`;
}

export interface Tally {
  n: number;
  rp: number;
}
export interface Reconciliation {
  approved: Tally;
  paid: Tally;
  failed: Tally;
  pending: Tally;
  /** Among pending: held by a registry flag. */
  held: Tally;
  balanced: boolean;
}

/** paid + failed + pending = approved, in people and in rupiah; `held` is part of pending. */
export function reconcile(rows: { payment: Payment; flag: string | null; n: number; rp: number }[]): Reconciliation {
  const z = (): Tally => ({ n: 0, rp: 0 });
  const r = { approved: z(), paid: z(), failed: z(), pending: z(), held: z() };
  for (const row of rows) {
    const add = (t: Tally) => ((t.n += row.n), (t.rp += row.rp));
    add(r.approved);
    if (row.payment === 'paid' || row.payment === 'delivered') add(r.paid);
    else if (row.payment === 'failed') add(r.failed);
    else {
      add(r.pending);
      if (row.flag) add(r.held);
    }
  }
  const balanced = r.paid.n + r.failed.n + r.pending.n === r.approved.n && r.paid.rp + r.failed.rp + r.pending.rp === r.approved.rp;
  return { ...r, balanced };
}

/**
 * The bank file Sigap writes. The decrees say only "melalui bank penyalur" (Kukar) or "Transfer Bank
 * Jateng" (KUBE) and no bank's layout is stated, so this is Sigap's own documented layout: one
 * header line, comma-separated, UTF-8, amounts in whole rupiah without separators, the reference
 * unique per transfer attempt (a retry gets a new one).
 */
export const BANK_FILE_HEADER = ['no', 'referensi', 'nik', 'nama', 'desa_kelurahan', 'nominal', 'berita'] as const;
/** The result file Sigap reads back: the reference, BERHASIL or GAGAL, and the bank's note. */
export const RESULT_FILE_HEADER = ['referensi', 'status', 'keterangan'] as const;

export function bankFileLine(no: number, t: { reference: string; nik: string; name: string; village: string | null; amount: number }, memo: string): string {
  return [String(no), t.reference, t.nik, t.name, t.village ?? '', String(t.amount), memo].map((v) => csvCell(v)).join(',');
}

/** Splits one CSV line (quotes doubled inside quoted cells). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === ';') out.push(cell), (cell = '');
    else cell += ch;
  }
  out.push(cell);
  return out.map((c) => c.trim());
}

export interface ResultLine {
  reference: string;
  result: 'paid' | 'failed';
  note: string | null;
}

const RESULT_WORDS: Record<string, 'paid' | 'failed'> = { berhasil: 'paid', sukses: 'paid', success: 'paid', paid: 'paid', gagal: 'failed', failed: 'failed', ditolak: 'failed', rejected: 'failed' };

/** Reads the bank's result file: every problem with its line, so the officer can fix the file. */
export function parseResultFile(text: string): { lines: ResultLine[]; problems: Problem[] } {
  const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: Problem[] = [];
  const lines: ResultLine[] = [];
  const header = splitCsvLine(rows[0] ?? '').map((h) => h.toLowerCase());
  const idx = RESULT_FILE_HEADER.map((h) => header.indexOf(h));
  if (idx[0]! < 0 || idx[1]! < 0)
    return { lines, problems: [{ code: 'result-header', field: 'file', row: 1, message: `Baris pertama berkas hasil bank harus memuat kolom: ${RESULT_FILE_HEADER.join(', ')}`, messageEn: `The bank result file's first line must hold the columns: ${RESULT_FILE_HEADER.join(', ')}` }] };
  const seen = new Set<string>();
  rows.slice(1).forEach((raw, i) => {
    if (!raw.trim()) return;
    const row = i + 2;
    const cells = splitCsvLine(raw);
    const reference = cells[idx[0]!] ?? '';
    const word = (cells[idx[1]!] ?? '').toLowerCase();
    const result = RESULT_WORDS[word];
    if (!reference) problems.push({ code: 'result-reference', field: 'file', row, message: `Baris ${row}: referensi kosong`, messageEn: `Line ${row}: the reference is empty` });
    else if (!result) problems.push({ code: 'result-status', field: 'file', row, message: `Baris ${row}: status "${cells[idx[1]!] ?? ''}" tidak dikenal; tulis BERHASIL atau GAGAL`, messageEn: `Line ${row}: unknown status "${cells[idx[1]!] ?? ''}"; write BERHASIL or GAGAL` });
    else if (seen.has(reference)) problems.push({ code: 'result-duplicate', field: 'file', row, message: `Baris ${row}: referensi ${reference} muncul dua kali`, messageEn: `Line ${row}: reference ${reference} appears twice` });
    else {
      seen.add(reference);
      const note = idx[2]! >= 0 ? cells[idx[2]!] || null : null;
      lines.push({ reference, result, note: note ? note.slice(0, 200) : null });
    }
  });
  return { lines, problems };
}

/** A transfer reference: the batch's short code and the row, unique per attempt. */
export function transferReference(cycleCode: string, batchSeq: number, rowNo: number): string {
  return `${cycleCode}-${String(batchSeq).padStart(2, '0')}-${String(rowNo).padStart(6, '0')}`;
}
