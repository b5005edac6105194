/** Zod schemas of the programme cycles API (docs/PROGRAMMES.md); the staff forms are parsed by the same ones. */
import { z } from 'zod';
import { CYCLE_PAGE, CYCLE_STATUSES, EXIT_REASONS, PAYMENTS } from '../../domain/programmes/cycles.js';
import { EVALUATION_RESULTS } from '../../domain/programmes/replacement.js';

const key = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(60);
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Bulan ditulis TTTT-BB, misalnya 2026-01 / The month is written YYYY-MM, e.g. 2026-01' });
const rp = z.number().int().min(0).max(1_000_000_000_000);
const tally = z.object({ n: z.number().int(), rp: z.number().int() });

export const generateBody = z.object({
  roundId: z.string().min(1, { message: 'Pilih putaran yang SK-nya menetapkan penerima / Choose the round whose decree names the recipients' }).max(100),
  category: key,
  firstMonth: month,
  decreeNumber: z.string().trim().max(120, { message: 'Nomor SK paling banyak 120 karakter / The decree number is at most 120 characters' }).nullable().optional(),
});
export const generated = z.object({ ids: z.array(z.string()), recipients: z.number().int(), perRecipient: z.number().int().nullable() });

export const budgetBody = z.object({
  period: z.string().regex(/^\d{4}$/, { message: 'Periode berupa tahun, misalnya 2026 / The period is a year, e.g. 2026' }),
  amount: z.number({ message: 'Pagu ditulis dalam rupiah bulat / The allocation is whole rupiah' }).int({ message: 'Pagu ditulis dalam rupiah bulat / The allocation is whole rupiah' }).min(0).max(1_000_000_000_000, { message: 'Pagu paling besar Rp 1.000.000.000.000 / At most Rp 1,000,000,000,000' }),
  note: z.string().trim().min(1, { message: 'Tuliskan dasar pagu, misalnya nomor DPA / Write what it rests on, e.g. the DPA number' }).max(300),
});

export const cycleSummary = z.object({
  id: z.string(),
  round: z.string(),
  period: z.string(),
  category: z.string(),
  seq: z.number().int(),
  of: z.number().int(),
  dueMonth: z.string(),
  kind: z.enum(['cash', 'in-kind']),
  amount: z.number().int().nullable(),
  decreeNumber: z.string(),
  status: z.enum(CYCLE_STATUSES),
  recipients: z.number().int(),
  excluded: z.number().int(),
  total: rp,
  version: z.number().int(),
});
export const cyclesList = z.object({ cycles: z.array(cycleSummary), budget: z.object({ period: z.string(), amount: rp, note: z.string(), committed: rp }).nullable() });

export const cycleQuery = z.object({
  payment: z.enum([...PAYMENTS, 'held', 'excluded']).optional(),
  page: z.coerce.number().int().min(0).max(10_000).default(0),
});
export const reconciliation = z.object({ approved: tally, paid: tally, failed: tally, pending: tally, held: tally, balanced: z.boolean() });
export const batchSummary = z.object({ id: z.string(), seq: z.number().int(), bank: z.string(), status: z.string(), purpose: z.string(), rows: z.number().int(), total: rp, sha256: z.string(), createdAt: z.string() });
export const cycleDetail = z.object({
  cycle: cycleSummary,
  reconciliation,
  batches: z.array(batchSummary),
  recipients: z.array(z.object({ nik: z.string(), name: z.string(), village: z.string().nullable(), amount: z.number().int().nullable(), status: z.string(), reason: z.string().nullable(), flag: z.string().nullable(), payment: z.enum(PAYMENTS), attempts: z.number().int() })),
  pageSize: z.literal(CYCLE_PAGE),
  more: z.boolean(),
});

export const approveBody = z.object({ version: z.number().int().min(1).max(1_000_000) });
export const approved = z.object({ included: z.number().int(), excluded: z.number().int(), held: z.number().int(), total: rp });

export const batchBody = z.object({ purpose: z.enum(['first', 'retry']).default('first'), bank: z.string().trim().max(80, { message: 'Nama bank paling banyak 80 karakter / The bank name is at most 80 characters' }).nullable().optional() });
export const batchMade = z.object({ id: z.string(), rows: z.number().int(), total: rp, held: z.number().int() });
export const resultImported = z.object({ paid: z.number().int(), failed: z.number().int(), reconciliation });

export const exitBody = z.object({
  period: z.string().regex(/^\d{4}$/),
  nik: z.string().regex(/^\d{16}$/, { message: 'NIK harus 16 angka / The NIK must be 16 digits' }),
  name: z.string().trim().min(1).max(200),
  reason: z.enum(EXIT_REASONS, { message: 'Pilih alasan keluar / Choose the reason for leaving' }),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Tanggal harus YYYY-MM-DD / The date must be YYYY-MM-DD' }),
  note: z.string().trim().max(500).nullable().optional(),
});

export const evaluationBody = z.object({
  period: z.string().regex(/^\d{4}$/),
  nik: z.string().regex(/^\d{16}$/, { message: 'NIK harus 16 angka / The NIK must be 16 digits' }),
  name: z.string().trim().min(1).max(200),
  result: z.enum(EVALUATION_RESULTS, { message: 'Pilih hasil evaluasi / Choose the evaluation result' }),
  reason: z.string().trim().max(500).nullable().optional(),
});
export const evaluated = z.object({ id: z.string(), exited: z.boolean() });
const person = z.object({ nik: z.string(), name: z.string(), category: z.string(), village: z.string().nullable() });
export const waitingList = z.object({
  round: z.object({ id: z.string(), programme: z.string(), period: z.string(), stage: z.string(), decree: z.string() }),
  kept: z.number().int(),
  removed: z.array(person.extend({ reason: z.string().nullable() })),
  waiting: z.array(person.extend({ rank: z.number().int(), stage: z.string(), report: z.string(), verifiedAt: z.string().nullable() })),
  total: z.number().int(),
});
export const replacementMade = z.object({ roundId: z.string(), number: z.string(), removed: z.number().int(), added: z.number().int(), kept: z.number().int() });
