/** All SQL of SPM achievement (issue 15 §2): the needs register, and the distinct persons served per indicator. */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { insertAuditEvent } from './audit-chain-repo.js';
import type { DB } from './schema.js';

type Q = Kysely<DB> | Transaction<DB>;

/** A person assessed as needing an indicator's basic service; false when already in the register for that year and indicator. */
export async function insertSpmNeed(
  q: Transaction<DB>,
  n: { officeId: string; year: number; indicator: string; nik: string; name: string; assessedOn: string; note: string | null; actor: string; at: string },
): Promise<string | null> {
  const id = randomUUID();
  const r = await q
    .insertInto('spm_needs')
    .values({ id, office_id: n.officeId, year: n.year, indicator: n.indicator, nik: n.nik, name: n.name, assessed_on: n.assessedOn, note: n.note, recorded_by: n.actor, recorded_at: n.at })
    .onConflict((oc) => oc.columns(['office_id', 'year', 'indicator', 'nik']).doNothing())
    .executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return null;
  // The audit row names the entry, not the person: the register holds the NIK.
  await insertAuditEvent(q, { officeId: n.officeId, actor: n.actor, action: 'spm.need.record', subject: `spm-need:${id}`, detail: { year: n.year, indicator: n.indicator, assessedOn: n.assessedOn }, at: n.at });
  return id;
}

/** Y per indicator: persons in the register for the year (one row per person by the unique key). */
export async function spmNeedCounts(q: Q, officeId: string, year: number): Promise<Map<string, number>> {
  const rows = await q
    .selectFrom('spm_needs')
    .select((eb) => ['indicator', eb.fn.countAll<number>().as('n')])
    .where('office_id', '=', officeId)
    .where('year', '=', year)
    .groupBy('indicator')
    .execute();
  return new Map(rows.map((r) => [r.indicator, Number(r.n)]));
}

/**
 * X of one indicator: distinct persons whose case of a mapped service ended in a mapped end in
 * [from, until). A case without a NIK counts as its own person (it cannot be matched to another).
 */
export async function spmServedCount(q: Q, officeId: string, services: readonly { serviceId: string; ends: readonly string[] }[], from: string, until: string): Promise<number> {
  if (!services.length) return 0;
  const r = await q
    .selectFrom('applications')
    .select(sql<number>`count(distinct coalesce(applicant_nik, 'case:' || id))`.as('n'))
    .where('office_id', '=', officeId)
    .where('status', '=', 'completed')
    .where('closed_at', '>=', from)
    .where('closed_at', '<', until)
    .where((eb) => eb.or(services.map((s) => eb.and([eb('service_id', '=', s.serviceId), eb('end_id', 'in', [...s.ends])]))))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}
