/**
 * All SQL of oversight (issue 15): the evaluation of the standard aggregated in the database, the
 * few cases whose pauses and stages must be read one by one, the at-risk and late lists and the
 * ageing of open cases. No personal data leaves these queries: registration numbers only.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { OPEN_CASE_STATUSES } from '../domain/applications/status.js';
import type { Pause, StageRecord } from '../domain/applications/case.js';
import { insertAuditEvent } from './audit-chain-repo.js';
import type { DB } from './schema.js';

type Q = Kysely<DB> | Transaction<DB>;

/** The most single cases one evaluation reads; beyond it the evaluation says its timing is partial. */
export const EVALUATION_CASE_LIMIT = 50_000;

/**
 * Counts of an office's cases submitted in [from, to), grouped by what the evaluation tells apart;
 * "plain" rows (no pause, no stage) also by the UTC dates their clock started and closed, each with
 * a flag saying the instant is at or after `cutoffHour` UTC (then its local date is the next day:
 * Indonesian zones have fixed offsets, so one hour turns a UTC date into the local one).
 */
export async function evaluationGroups(q: Q, officeId: string, from: string, to: string, cutoffHour: string) {
  const plain = sql<number>`case when pauses = '[]' and stages = '[]' then 1 else 0 end`;
  const onTime = sql<number>`case when closed_at is not null and due_at is not null and closed_at <= due_at then 1 else 0 end`;
  const answered = sql<boolean>`status in ('completed', 'rejected') and pauses = '[]' and stages = '[]'`;
  const startDay = sql<string | null>`case when ${answered} then substr(clock_started_at, 1, 10) end`;
  const startNext = sql<number>`case when ${answered} and substr(clock_started_at, 12, 2) >= ${cutoffHour} then 1 else 0 end`;
  const closeDay = sql<string | null>`case when ${answered} then substr(closed_at, 1, 10) end`;
  const closeNext = sql<number>`case when ${answered} and substr(closed_at, 12, 2) >= ${cutoffHour} then 1 else 0 end`;
  const rows = await q
    .selectFrom('applications')
    .select((eb) => [
      'service_id',
      'status',
      'sla_state',
      onTime.as('on_time'),
      plain.as('plain'),
      startDay.as('start_day'),
      startNext.as('start_next'),
      closeDay.as('close_day'),
      closeNext.as('close_next'),
      eb.fn.countAll<number>().as('n'),
    ])
    .where('office_id', '=', officeId)
    .where('submitted_at', '>=', from)
    .where('submitted_at', '<', to)
    .groupBy(['service_id', 'status', 'sla_state', sql`4`, sql`5`, sql`6`, sql`7`, sql`8`, sql`9`])
    .execute();
  return rows.map((r) => ({
    service_id: r.service_id,
    status: r.status,
    sla_state: r.sla_state,
    on_time: Number(r.on_time) === 1,
    plain: Number(r.plain) === 1,
    start_day: r.start_day === null ? null : String(r.start_day),
    start_next: Number(r.start_next) === 1,
    close_day: r.close_day === null ? null : String(r.close_day),
    close_next: Number(r.close_next) === 1,
    n: Number(r.n),
  }));
}

/**
 * The cases the evaluation reads one by one: those with pauses or stages, and every answered case
 * of the services measured in minutes or hours (their time depends on the hour, not the date).
 */
export async function evaluationCases(q: Q, officeId: string, from: string, to: string, clockServices: readonly string[], limit = EVALUATION_CASE_LIMIT) {
  const rows = await q
    .selectFrom('applications')
    .select(['service_id', 'status', 'sla_state', 'clock_started_at', 'closed_at', 'due_at', 'pauses', 'stages'])
    .where('office_id', '=', officeId)
    .where('submitted_at', '>=', from)
    .where('submitted_at', '<', to)
    .where((eb) => {
      const some = [eb('pauses', '<>', '[]'), eb('stages', '<>', '[]')];
      if (clockServices.length) some.push(eb('service_id', 'in', clockServices));
      return eb.or(some);
    })
    .limit(limit + 1)
    .execute();
  return {
    truncated: rows.length > limit,
    rows: rows.slice(0, limit).map((r) => ({
      service_id: r.service_id,
      status: r.status,
      slaState: r.sla_state,
      startedAt: r.clock_started_at,
      closedAt: r.closed_at,
      dueAt: r.due_at,
      pauses: JSON.parse(r.pauses) as Pause[],
      stages: JSON.parse(r.stages) as StageRecord[],
    })),
  };
}

/** Open cases at risk or late, earliest due first: what the head of office chases this week. */
export async function casesAtRiskOrLate(q: Q, officeId: string, limit: number) {
  return q
    .selectFrom('applications')
    .select(['id', 'registration_number', 'service_id', 'current_step', 'status', 'sla_state', 'due_at', 'submitted_at'])
    .where('office_id', '=', officeId)
    .where('status', 'in', [...OPEN_CASE_STATUSES])
    .where('sla_state', 'in', ['late', 'at-risk'])
    .orderBy('due_at')
    .orderBy('registration_number')
    .limit(limit)
    .execute();
}

/** Open cases by service and age: submitted on or after each bound (newest first), the rest last. */
export async function openCasesByAge(q: Q, officeId: string, bounds: readonly string[]) {
  let bucket = sql<number>`${sql.lit(bounds.length)}`;
  for (let i = bounds.length - 1; i >= 0; i--) bucket = sql<number>`case when submitted_at >= ${bounds[i]} then ${sql.lit(i)} else ${bucket} end`;
  const rows = await q
    .selectFrom('applications')
    .select((eb) => ['service_id', bucket.as('bucket'), eb.fn.countAll<number>().as('n')])
    .where('office_id', '=', officeId)
    .where('status', 'in', [...OPEN_CASE_STATUSES])
    .groupBy(['service_id', sql`2`])
    .execute();
  return rows.map((r) => ({ service_id: r.service_id, bucket: Number(r.bucket), n: Number(r.n) }));
}

/** An export of the evaluation (XLSX or PDF) in the office's audit trail: who took which period away. */
export async function recordOversightExport(q: Q, a: { officeId: string; actor: string; format: 'xlsx' | 'pdf'; subject: string; period: string; services: number; at: string }): Promise<void> {
  await insertAuditEvent(q, { officeId: a.officeId, actor: a.actor, action: `oversight.export-${a.format}`, subject: a.subject, detail: { period: a.period, services: a.services }, at: a.at });
}
