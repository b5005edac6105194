/**
 * All SQL of programme cycles and disbursement (migration 026): budgets, cycles, their frozen
 * recipients, bank batches with every transfer attempt, exits, and the batched registry look-up
 * the approval's re-check reads.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { CYCLE_STATUSES, PAYMENTS, type CycleStatus, type Payment } from '../domain/programmes/cycles.js';
import type { DB } from './schema.js';
import type { RegistryRowTable } from './schema-registry.js';
import type { ProgrammeBatchesTable, ProgrammeCycleRecipientsTable, ProgrammeCyclesTable, ProgrammeEvaluationsTable, ProgrammeExitsTable, ProgrammeTransfersTable } from './schema-programme-cycles.js';
import { updateIfVersion } from './versioned.js';

type Q = Kysely<DB> | Transaction<DB>;

export type Cycle = Omit<ProgrammeCyclesTable, 'status'> & { status: CycleStatus };
export type CycleRecipient = Omit<ProgrammeCycleRecipientsTable, 'payment'> & { payment: Payment };

const narrow = <T extends string>(all: readonly T[], v: string, what: string): T => {
  if (!(all as readonly string[]).includes(v)) throw new Error(`unknown ${what}: ${v}`);
  return v as T;
};
const toCycle = (r: ProgrammeCyclesTable): Cycle => ({ ...r, amount: r.amount === null ? null : Number(r.amount), total: Number(r.total), status: narrow(CYCLE_STATUSES, r.status, 'cycle status') });
const toRecipient = (r: ProgrammeCycleRecipientsTable): CycleRecipient => ({ ...r, amount: r.amount === null ? null : Number(r.amount), payment: narrow(PAYMENTS, r.payment, 'payment') });
const CHUNK = 500;

/* ---------- budgets ---------- */

export async function budgetOf(q: Q, officeId: string, slug: string, period: string) {
  const r = await q.selectFrom('programme_budgets').selectAll().where('office_id', '=', officeId).where('programme_slug', '=', slug).where('period', '=', period).executeTakeFirst();
  return r && { ...r, amount: Number(r.amount) };
}

export async function setBudget(q: Q, b: DB['programme_budgets']): Promise<void> {
  await q
    .insertInto('programme_budgets')
    .values(b)
    .onConflict((oc) => oc.columns(['office_id', 'programme_slug', 'period']).doUpdateSet({ amount: b.amount, note: b.note, set_by: b.set_by, set_at: b.set_at }))
    .execute();
}

/** Rupiah already committed by approved (and later) cycles of a programme's period. */
export async function committedTotal(q: Q, officeId: string, slug: string, period: string): Promise<number> {
  const r = await q
    .selectFrom('programme_cycles')
    .select((eb) => eb.fn.sum<number>('total').as('s'))
    .where('office_id', '=', officeId)
    .where('programme_slug', '=', slug)
    .where('period', '=', period)
    .where('status', '!=', 'draft')
    .executeTakeFirst();
  return Number(r?.s ?? 0);
}

/* ---------- cycles ---------- */

export async function insertCycles(q: Q, rows: ProgrammeCyclesTable[]): Promise<void> {
  if (rows.length) await q.insertInto('programme_cycles').values(rows).execute();
}

export async function findCycle(q: Q, officeId: string, id: string): Promise<Cycle | undefined> {
  const r = await q.selectFrom('programme_cycles').selectAll().where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
  return r && toCycle(r);
}

/** A programme's cycles in due order (a year holds at most a few dozen per round and category). */
export async function cyclesOf(q: Q, officeId: string, slug: string, limit: number): Promise<Cycle[]> {
  const rows = await q
    .selectFrom('programme_cycles')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('programme_slug', '=', slug)
    .orderBy('period', 'desc')
    .orderBy('due_month')
    .orderBy('category')
    .limit(limit)
    .execute();
  return rows.map(toCycle);
}

export async function cycleExists(q: Q, roundId: string, category: string): Promise<boolean> {
  return !!(await q.selectFrom('programme_cycles').select('id').where('round_id', '=', roundId).where('category', '=', category).limit(1).executeTakeFirst());
}

export function updateCycleIfVersion(q: Q, id: string, version: number, set: Partial<ProgrammeCyclesTable>): Promise<boolean> {
  return updateIfVersion(q, 'programme_cycles', id, version, set);
}

/* ---------- recipients ---------- */

export async function insertRecipients(q: Q, rows: ProgrammeCycleRecipientsTable[]): Promise<void> {
  // 13 columns a row: 500 rows stay well under SQLite's 32,766 bound parameters a statement.
  for (let i = 0; i < rows.length; i += 500) await q.insertInto('programme_cycle_recipients').values(rows.slice(i, i + 500)).execute();
}

export interface RecipientFilter {
  payment?: Payment | 'held' | 'excluded';
}

export async function recipientsPage(q: Q, cycleId: string, f: RecipientFilter, opts: { limit: number; offset: number }): Promise<CycleRecipient[]> {
  let s = q.selectFrom('programme_cycle_recipients').selectAll().where('cycle_id', '=', cycleId);
  if (f.payment === 'excluded') s = s.where('status', '=', 'excluded');
  else if (f.payment === 'held') s = s.where('status', '=', 'included').where('flag', 'is not', null).where('payment', '=', 'pending');
  else if (f.payment) s = s.where('status', '=', 'included').where('payment', '=', f.payment);
  const rows = await s.orderBy('row_no').limit(opts.limit).offset(opts.offset).execute();
  return rows.map(toRecipient);
}

/** Included recipients by payment and flag, with people and rupiah: what reconciliation adds up. */
export async function paymentTally(q: Q, cycleId: string) {
  const rows = await q
    .selectFrom('programme_cycle_recipients')
    .select(['payment', (eb) => eb.case().when('flag', 'is not', null).then(1).else(0).end().as('flagged'), (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>(eb.fn.coalesce('amount', sql<number>`0`)).as('rp')])
    .where('cycle_id', '=', cycleId)
    .where('status', '=', 'included')
    .groupBy(['payment', 'flagged'])
    .execute();
  return rows.map((r) => ({ payment: narrow(PAYMENTS, r.payment, 'payment'), flag: Number(r.flagged) ? 'flag' : null, n: Number(r.n), rp: Number(r.rp ?? 0) }));
}

/** Who goes into a batch: a first batch takes every included, unflagged recipient not yet sent; a retry the failed ones. */
export async function recipientsToSend(q: Q, cycleId: string, purpose: 'first' | 'retry', limit: number) {
  let s = q.selectFrom('programme_cycle_recipients').select(['id', 'row_no', 'nik', 'name', 'village', 'amount']).where('cycle_id', '=', cycleId).where('status', '=', 'included').where('flag', 'is', null);
  s = purpose === 'first' ? s.where('payment', '=', 'pending').where('batch_id', 'is', null) : s.where('payment', '=', 'failed');
  const rows = await s.orderBy('row_no').limit(limit).execute();
  return rows.map((r) => ({ ...r, amount: Number(r.amount ?? 0) }));
}

/** Moves the chosen recipients into a batch (pending again for a retry), one attempt more each. */
export async function assignToBatch(q: Q, batchId: string, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK)
    await q
      .updateTable('programme_cycle_recipients')
      .set((eb) => ({ batch_id: batchId, payment: 'pending', attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute();
}

export async function flagRecipients(q: Q, cycleId: string, flags: { id: string; flag: string }[]): Promise<void> {
  for (const f of flags) await q.updateTable('programme_cycle_recipients').set({ flag: f.flag }).where('cycle_id', '=', cycleId).where('id', '=', f.id).execute();
}

/* ---------- batches and transfers ---------- */

export async function insertBatch(q: Q, b: ProgrammeBatchesTable): Promise<void> {
  await q.insertInto('programme_batches').values(b).execute();
}

/** The file's digest, known once its transfers are in. */
export async function setBatchSha(q: Q, batchId: string, sha256: string): Promise<void> {
  await q.updateTable('programme_batches').set({ sha256 }).where('id', '=', batchId).execute();
}

export async function insertTransfers(q: Q, rows: ProgrammeTransfersTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await q.insertInto('programme_transfers').values(rows.slice(i, i + 1000)).execute();
}

export async function batchesOf(q: Q, cycleId: string) {
  const rows = await q.selectFrom('programme_batches').selectAll().where('cycle_id', '=', cycleId).orderBy('seq').limit(100).execute();
  return rows.map((b) => ({ ...b, total: Number(b.total) }));
}

export async function findBatch(q: Q, officeId: string, id: string) {
  const b = await q.selectFrom('programme_batches').selectAll().where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
  return b && { ...b, total: Number(b.total) };
}

/** A batch's transfers with the recipient each pays, in file order. */
export async function transfersOfBatch(q: Q, batchId: string, limit: number) {
  const rows = await q
    .selectFrom('programme_transfers as t')
    .innerJoin('programme_cycle_recipients as r', 'r.id', 't.recipient_id')
    .select(['t.reference', 't.amount', 't.result', 't.bank_note', 'r.id as recipient_id', 'r.row_no', 'r.nik', 'r.name', 'r.village'])
    .where('t.batch_id', '=', batchId)
    .orderBy('r.row_no')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}

/** Records the bank's answer for a batch's transfers and carries it to the recipients. */
export async function settleTransfers(q: Q, batchId: string, lines: { reference: string; result: 'paid' | 'failed'; note: string | null }[], at: string): Promise<void> {
  const plain = { paid: [] as string[], failed: [] as string[] };
  for (const l of lines)
    if (l.note) await q.updateTable('programme_transfers').set({ result: l.result, bank_note: l.note, settled_at: at }).where('batch_id', '=', batchId).where('reference', '=', l.reference).execute();
    else plain[l.result].push(l.reference);
  for (const result of ['paid', 'failed'] as const)
    for (let i = 0; i < plain[result].length; i += CHUNK)
      await q.updateTable('programme_transfers').set({ result, settled_at: at }).where('batch_id', '=', batchId).where('reference', 'in', plain[result].slice(i, i + CHUNK)).execute();
  for (const result of ['paid', 'failed'] as const)
    await q
      .updateTable('programme_cycle_recipients')
      .set({ payment: result })
      .where('batch_id', '=', batchId)
      .where('id', 'in', (eb) => eb.selectFrom('programme_transfers').select('recipient_id').where('batch_id', '=', batchId).where('result', '=', result))
      .execute();
}

export async function settleBatch(q: Q, batchId: string, by: string, at: string): Promise<boolean> {
  const r = await q.updateTable('programme_batches').set({ status: 'settled', settled_by: by, settled_at: at }).where('id', '=', batchId).where('status', '=', 'exported').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/* ---------- exits ---------- */

export async function insertExit(q: Q, e: ProgrammeExitsTable): Promise<void> {
  await q.insertInto('programme_exits').values(e).execute();
}

export async function findExit(q: Q, officeId: string, slug: string, period: string, nik: string) {
  return q.selectFrom('programme_exits').selectAll().where('office_id', '=', officeId).where('programme_slug', '=', slug).where('period', '=', period).where('nik', '=', nik).executeTakeFirst();
}

export async function exitsOf(q: Q, officeId: string, slug: string, period: string, limit: number) {
  return q.selectFrom('programme_exits').selectAll().where('office_id', '=', officeId).where('programme_slug', '=', slug).where('period', '=', period).orderBy('exit_date').limit(limit).execute();
}

/* ---------- evaluation and the waiting list ---------- */

export async function insertEvaluation(q: Q, e: ProgrammeEvaluationsTable): Promise<void> {
  await q.insertInto('programme_evaluations').values(e).execute();
}

export async function evaluationsOf(q: Q, officeId: string, slug: string, period: string, limit: number) {
  return q.selectFrom('programme_evaluations').selectAll().where('office_id', '=', officeId).where('programme_slug', '=', slug).where('period', '=', period).orderBy('evaluated_at', 'desc').limit(limit).execute();
}

/**
 * Candidates a berita acara of the programme's period found eligible, with the round's stage and
 * the report's number: the pool the waiting list is drawn from (the caller leaves out whoever is
 * already decreed, has left, or was refused by another report).
 */
export async function eligibleInPeriod(q: Q, officeId: string, slug: string, period: string, limit: number) {
  return q
    .selectFrom('programme_candidates as c')
    .innerJoin('programme_rounds as r', 'r.id', 'c.round_id')
    .innerJoin('programme_documents as d', (j) => j.onRef('d.round_id', '=', 'c.round_id').on('d.kind', '=', 'berita-acara'))
    .select(['c.id', 'c.round_id', 'c.nik', 'c.name', 'c.category', 'c.village', 'c.verified_at', 'r.stage', 'r.amends_round_id', 'd.number'])
    .where('r.office_id', '=', officeId)
    .where('r.programme_slug', '=', slug)
    .where('r.period', '=', period)
    .where('c.verification', '=', 'eligible')
    .orderBy('c.verified_at')
    .limit(limit)
    .execute();
}

/** The amending round of a decreed round, if one was opened (a decree is amended once; the next change amends the amendment). */
export async function amendingRoundOf(q: Q, officeId: string, roundId: string) {
  return q.selectFrom('programme_rounds').select(['id', 'stage']).where('office_id', '=', officeId).where('amends_round_id', '=', roundId).executeTakeFirst();
}

/* ---------- the registry, read in batches for a cycle's re-check ---------- */

/** Rows of a snapshot's table for many NIKs (the table name is checked, never taken from input). */
export async function registryRowsByNiks(q: Q, table: string, niks: string[]): Promise<Map<string, RegistryRowTable>> {
  if (!/^registry_rows_[0-9a-f]{32}$/.test(table)) throw new Error(`not a registry row table: ${table}`);
  const out = new Map<string, RegistryRowTable>();
  const rows = q as unknown as Kysely<{ registry_rows: RegistryRowTable }>;
  for (let i = 0; i < niks.length; i += CHUNK) {
    const found = await rows.selectFrom(table as 'registry_rows').selectAll().where('nik', 'in', niks.slice(i, i + CHUNK)).execute();
    for (const r of found) if (!out.has(r.nik)) out.set(r.nik, r);
  }
  return out;
}
