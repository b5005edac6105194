/** All SQL of approved-figure snapshots, the oversight's scheduled notices and their run claims (migration 036). */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { insertAuditEvent } from './audit-chain-repo.js';
import type { DB } from './schema.js';
import type { OversightNoticesTable, OversightSnapshotsTable } from './schema-oversight.js';

type Q = Kysely<DB> | Transaction<DB>;

/** Stores the figures the head just locked, in the approval's transaction. */
export async function insertSnapshot(q: Transaction<DB>, s: { officeId: string; period: string; approvedBy: string; approvedAt: string; figures: unknown }): Promise<string> {
  const id = randomUUID();
  await q.insertInto('oversight_snapshots').values({ id, office_id: s.officeId, period: s.period, approved_by: s.approvedBy, approved_at: s.approvedAt, figures: JSON.stringify(s.figures), reopened_by: null, reopened_at: null, reopen_reason: null }).execute();
  return id;
}

/** A reopening closes the period's current snapshot (kept as history with the reason). */
export async function closeSnapshot(q: Transaction<DB>, s: { officeId: string; period: string; by: string; at: string; reason: string }): Promise<number> {
  const r = await q
    .updateTable('oversight_snapshots')
    .set({ reopened_by: s.by, reopened_at: s.at, reopen_reason: s.reason })
    .where('office_id', '=', s.officeId)
    .where('period', '=', s.period)
    .where('reopened_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** A period's snapshots, newest first (at most 50: a period reopened more often than that is its own finding). */
export async function snapshotsOf(q: Q, officeId: string, period: string): Promise<OversightSnapshotsTable[]> {
  return q.selectFrom('oversight_snapshots').selectAll().where('office_id', '=', officeId).where('period', '=', period).orderBy('approved_at', 'desc').orderBy('id').limit(50).execute();
}

/** Claims a scheduled check for an office and run period: true for exactly one process. */
export async function claimRun(q: Q, r: { officeId: string; job: string; period: string; at: string }): Promise<boolean> {
  const res = await q
    .insertInto('oversight_runs')
    .values({ office_id: r.officeId, job: r.job, period: r.period, claimed_at: r.at, notices: 0 })
    .onConflict((oc) => oc.columns(['office_id', 'job', 'period']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function finishRun(q: Q, r: { officeId: string; job: string; period: string; notices: number }): Promise<void> {
  await q.updateTable('oversight_runs').set({ notices: r.notices }).where('office_id', '=', r.officeId).where('job', '=', r.job).where('period', '=', r.period).execute();
}

/** Records a notice once (the unique key refuses a second), audited when new; true when it was new. */
export async function recordNotice(q: Transaction<DB>, n: Omit<OversightNoticesTable, 'id'>, actor: string): Promise<boolean> {
  const id = randomUUID();
  const res = await q.insertInto('oversight_notices').values({ id, ...n }).onConflict((oc) => oc.columns(['office_id', 'rule', 'period', 'subject']).doNothing()).executeTakeFirst();
  if (Number(res.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
  await insertAuditEvent(q, { officeId: n.office_id, actor, action: `oversight.${n.kind}`, subject: `notice:${id}`, detail: { rule: n.rule, period: n.period, subject: n.subject }, at: n.found_at });
  return true;
}

/** The office's latest notices (the oversight page lists them), newest first. */
export async function recentNotices(q: Q, officeId: string, limit = 50): Promise<OversightNoticesTable[]> {
  return q.selectFrom('oversight_notices').selectAll().where('office_id', '=', officeId).orderBy('found_at', 'desc').orderBy('id').limit(limit).execute();
}

/* ---------- what the validation rules read ---------- */

/** Shelters whose residents outnumber their beds (occupancy ≤ capacity broken). */
export async function overfullShelters(q: Q, officeId: string): Promise<{ shelterId: string; name: string; beds: number; residents: number }[]> {
  const beds = q.selectFrom('shelter_beds').select((eb) => ['shelter_id', eb.fn.countAll<number>().as('n')]).where('office_id', '=', officeId).groupBy('shelter_id').as('b');
  const residents = q.selectFrom('shelter_stays').select((eb) => ['shelter_id', eb.fn.countAll<number>().as('n')]).where('office_id', '=', officeId).where('state', '=', 'in-residence').groupBy('shelter_id').as('r');
  const rows = await q
    .selectFrom('shelters as s')
    .innerJoin(residents, 'r.shelter_id', 's.id')
    .leftJoin(beds, 'b.shelter_id', 's.id')
    .select(['s.id', 's.name', 'r.n as residents', sql<number>`coalesce(b.n, 0)`.as('beds')])
    .where('s.office_id', '=', officeId)
    .where(sql<boolean>`r.n > coalesce(b.n, 0)`)
    .orderBy('s.name')
    .limit(500)
    .execute();
  return rows.map((r) => ({ shelterId: r.id, name: r.name, beds: Number(r.beds), residents: Number(r.residents) }));
}

/** Lots whose ledger sums below zero (stock ≥ 0 broken), with the item and warehouse names. */
export async function negativeStock(q: Q, officeId: string): Promise<{ lotId: string; lotCode: string; item: string; unit: string; warehouse: string; balance: number }[]> {
  const rows = await q
    .selectFrom('logistics_movements as m')
    .innerJoin('logistics_lots as l', 'l.id', 'm.lot_id')
    .innerJoin('logistics_items as i', 'i.id', 'm.item_id')
    .innerJoin('logistics_warehouses as w', 'w.id', 'm.warehouse_id')
    .select((eb) => ['m.lot_id', 'l.lot_code', 'i.name as item', 'i.unit', 'w.name as warehouse', eb.fn.sum<number>('m.quantity').as('balance')])
    .where('m.office_id', '=', officeId)
    .groupBy(['m.lot_id', 'l.lot_code', 'i.name', 'i.unit', 'w.name'])
    .having((eb) => eb.fn.sum('m.quantity'), '<', 0)
    .orderBy('m.lot_id')
    .limit(500)
    .execute();
  return rows.map((r) => ({ lotId: r.lot_id, lotCode: r.lot_code, item: r.item, unit: r.unit, warehouse: r.warehouse, balance: Number(r.balance) }));
}

/** The SIPPN export of the catalogue, in the office's audit trail (the catalogue is public; the export is still a staff action). */
export async function recordSippnExport(q: Q, a: { officeId: string; actor: string; format: 'csv' | 'xlsx' | 'json'; services: number; at: string }): Promise<void> {
  await insertAuditEvent(q, { officeId: a.officeId, actor: a.actor, action: `oversight.export-sippn-${a.format}`, subject: 'catalogue:sippn', detail: { services: a.services }, at: a.at });
}
