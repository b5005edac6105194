/**
 * All SQL of in-kind delivery proof and closing cycles (migration 032), and the self-check's next
 * cycle of a category.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';
import type { ProgrammeDeliveriesTable } from './schema-programme-cycles.js';

type Q = Kysely<DB> | Transaction<DB>;

/** One included recipient of a cycle (the delivery form names it by its row id). */
export async function includedRecipient(q: Q, cycleId: string, recipientId: string) {
  return q.selectFrom('programme_cycle_recipients').select(['id', 'name', 'nik', 'payment', 'flag', 'candidate_id']).where('cycle_id', '=', cycleId).where('id', '=', recipientId).where('status', '=', 'included').executeTakeFirst();
}

/** Moves a recipient's delivery from what the caller read; false when another officer moved it first. */
export async function moveDelivery(q: Q, recipientId: string, from: string, to: 'delivered' | 'failed'): Promise<boolean> {
  const r = await q.updateTable('programme_cycle_recipients').set({ payment: to }).where('id', '=', recipientId).where('payment', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertDelivery(q: Q, d: ProgrammeDeliveriesTable): Promise<void> {
  await q.insertInto('programme_deliveries').values(d).execute();
}

/** The latest delivery act of each of these recipients (a page of at most 50). */
export async function latestDeliveries(q: Q, recipientIds: string[]): Promise<Map<string, ProgrammeDeliveriesTable>> {
  const out = new Map<string, ProgrammeDeliveriesTable>();
  if (!recipientIds.length) return out;
  const rows = await q.selectFrom('programme_deliveries').selectAll().where('recipient_id', 'in', recipientIds.slice(0, 500)).orderBy('recorded_at').execute();
  for (const r of rows) out.set(r.recipient_id, { ...r, lat: r.lat === null ? null : Number(r.lat), lng: r.lng === null ? null : Number(r.lng) });
  return out;
}

/**
 * The due month of the earliest cycle of a category in a period not yet paid, delivered or closed
 * whose due month is `fromMonth` or later (the self-check's next cycle).
 */
export async function nextDueMonth(q: Q, officeId: string, slug: string, period: string, category: string, fromMonth: string): Promise<string | null> {
  const r = await q
    .selectFrom('programme_cycles')
    .select('due_month')
    .where('office_id', '=', officeId)
    .where('programme_slug', '=', slug)
    .where('period', '=', period)
    .where('category', '=', category)
    .where('status', 'in', ['draft', 'approved'])
    .where('due_month', '>=', fromMonth)
    .orderBy('due_month')
    .limit(1)
    .executeTakeFirst();
  return r?.due_month ?? null;
}

/** Moves a cycle from one status to the next whatever its version (the last delivery of many concurrent ones settles it). */
export async function moveCycleStatus(q: Q, cycleId: string, from: string, to: string): Promise<boolean> {
  const r = await q
    .updateTable('programme_cycles')
    .set((eb) => ({ status: to, version: eb('version', '+', 1) }))
    .where('id', '=', cycleId)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
