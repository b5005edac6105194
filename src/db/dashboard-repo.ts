/**
 * All SQL of the head of office's dashboard (issue 15 §3) that the evaluation does not already ask:
 * volume by month, the late and at-risk lists of a division, complaints by channel, and the
 * emergency, shelter and programme figures. Every read is bounded; aggregates wherever SQL can.
 */
import { sql, type Compilable } from 'kysely';
import { OPEN_CASE_STATUSES } from '../domain/applications/status.js';
import { selectOn, type Database } from './dialect.js';
import { openLiterally } from './oversight-repo.js';

/**
 * Every dashboard query goes through the heavy-read path: the streaming replica when there is one
 * (a dashboard never shows what its reader has just written), on SQLite the read-only connection,
 * so a head of office opening the dashboard never queues behind the counter's writes.
 */
const heavy = <T>(d: Database, query: Compilable<T> & { execute(): Promise<T[]> }): Promise<T[]> => selectOn(d, () => query);

/** The most single rows a dashboard reads to compute a median (complaints answered, stays ended in the period). */
export const DASHBOARD_ROW_LIMIT = 20_000;

/** Closed cases of months [fromMonth, untilMonth) from the counters, by month of submission, service, status and on time. */
export async function closedByMonth(d: Database, officeId: string, fromMonth: string, untilMonth: string) {
  const rows = await heavy(
    d,
    d.db
    .selectFrom('oversight_counts')
    .select((eb) => ['month', 'service_id', 'status', 'on_time', eb.fn.sum<number>('n').as('n')])
    .where('office_id', '=', officeId)
    .where('month', '>=', fromMonth)
    .where('month', '<', untilMonth)
    .groupBy(['month', 'service_id', 'status', 'on_time'])
  );
  return rows.map((r) => ({ month: r.month, serviceId: r.service_id, status: r.status, onTime: Number(r.on_time) === 1, n: Number(r.n) }));
}

/** Open cases submitted in the period by service and month (bucket i: submitted on or after monthStarts[i] and before the next). */
export async function openByMonth(d: Database, officeId: string, monthStarts: readonly string[], until: string) {
  let bucket = sql<number>`${sql.lit(0)}`;
  for (let i = 1; i < monthStarts.length; i++) bucket = sql<number>`case when submitted_at >= ${monthStarts[i]} then ${sql.lit(i)} else ${bucket} end`;
  const rows = await heavy(
    d,
    d.db
    .selectFrom('applications')
    .select((eb) => ['service_id', bucket.as('bucket'), eb.fn.countAll<number>().as('n')])
    .where('office_id', '=', officeId)
    .where(openLiterally)
    .where('submitted_at', '>=', monthStarts[0]!)
    .where('submitted_at', '<', until)
    .groupBy(['service_id', sql`2`])
  );
  return rows.map((r) => ({ serviceId: r.service_id, bucket: Number(r.bucket), n: Number(r.n) }));
}

/** All open cases late or at risk, by service and state (the counts above the bounded list). */
export async function lateAndAtRiskCounts(d: Database, officeId: string) {
  const rows = await heavy(
    d,
    d.db
    .selectFrom('applications')
    .select((eb) => ['service_id', 'sla_state', eb.fn.countAll<number>().as('n')])
    .where('office_id', '=', officeId)
    .where(openLiterally)
    .where('sla_state', 'in', ['late', 'at-risk'])
    .groupBy(['service_id', 'sla_state'])
  );
  return rows.map((r) => ({ serviceId: r.service_id, slaState: r.sla_state, n: Number(r.n) }));
}

/** Open cases of some services late or at risk, earliest due first, with the applicant (a read of personal data the caller logs). */
export async function lateAndAtRiskCases(d: Database, officeId: string, serviceIds: readonly string[], limit: number) {
  if (!serviceIds.length) return [];
  return heavy(
    d,
    d.db
    .selectFrom('applications')
    .select(['id', 'registration_number', 'service_id', 'current_step', 'status', 'sla_state', 'due_at', 'submitted_at', 'applicant_name', 'applicant_nik'])
    .where('office_id', '=', officeId)
    .where('status', 'in', [...OPEN_CASE_STATUSES])
    .where('sla_state', 'in', ['late', 'at-risk'])
    .where('service_id', 'in', [...serviceIds])
    .orderBy('due_at')
    .orderBy('registration_number')
    .limit(limit),
  );
}

/** Complaints received in [from, until): channel, clock and answer, for counts by channel and the response time. */
export async function complaintsReceived(d: Database, officeId: string, from: string, until: string) {
  return heavy(
    d,
    d.db
    .selectFrom('complaints')
    .select(['channel', 'received_at', 'answered_at', 'due_at', 'sla_state', 'service_id'])
    .where('office_id', '=', officeId)
    .where('merged_into', 'is', null)
    .where('received_at', '>=', from)
    .where('received_at', '<', until)
    .orderBy('received_at')
    .limit(DASHBOARD_ROW_LIMIT + 1),
  );
}

/** Emergency reports received in [from, until): how many had a first-response deadline and how many were answered by it. */
export async function emergencyFirstResponse(d: Database, officeId: string, from: string, until: string) {
  const [r] = await heavy(
    d,
    d.db
    .selectFrom('emergency_reports')
    .select((eb) => [
      eb.fn.countAll<number>().as('reports'),
      eb.fn.count<number>('first_response_due_at').as('with_due'),
      eb.fn.sum<number>(sql`case when first_response_at is not null and first_response_due_at is not null and first_response_at <= first_response_due_at then 1 else 0 end`).as('on_time'),
      eb.fn.sum<number>(sql`case when first_response_at is not null then 1 else 0 end`).as('responded'),
    ])
    .where('office_id', '=', officeId)
    .where('state', '<>', 'merged')
    .where('received_at', '>=', from)
    .where('received_at', '<', until),
  );
  return { reports: Number(r?.reports ?? 0), withDue: Number(r?.with_due ?? 0), onTime: Number(r?.on_time ?? 0), responded: Number(r?.responded ?? 0) };
}

/** Beds and clients in residence now, across the office's shelters. */
export async function shelterOccupancy(d: Database, officeId: string) {
  const [[beds], [resident]] = await Promise.all([
    heavy(d, d.db.selectFrom('shelter_beds').select((eb) => eb.fn.countAll<number>().as('n')).where('office_id', '=', officeId)),
    heavy(d, d.db.selectFrom('shelter_stays').select((eb) => eb.fn.countAll<number>().as('n')).where('office_id', '=', officeId).where('state', '=', 'in-residence')),
  ]);
  return { beds: Number(beds?.n ?? 0), resident: Number(resident?.n ?? 0) };
}

/** Stays that ended in [from, until) after a check-in: their check-in and end instants (length of stay). */
export async function staysEnded(d: Database, officeId: string, from: string, until: string) {
  return heavy(
    d,
    d.db
    .selectFrom('shelter_stays')
    .select(['checked_in_at', 'terminated_at'])
    .where('office_id', '=', officeId)
    .where('checked_in_at', 'is not', null)
    .where('terminated_at', '>=', from)
    .where('terminated_at', '<', until)
    .limit(DASHBOARD_ROW_LIMIT + 1),
  );
}

/** Recipients listed in the programme cycles due in months [fromMonth, untilMonth), by payment state. */
export async function cycleRecipientsByPayment(d: Database, officeId: string, fromMonth: string, untilMonth: string) {
  const rows = await heavy(
    d,
    d.db
    .selectFrom('programme_cycle_recipients as r')
    .innerJoin('programme_cycles as c', 'c.id', 'r.cycle_id')
    .select((eb) => ['r.payment', eb.fn.countAll<number>().as('n')])
    .where('c.office_id', '=', officeId)
    .where('c.status', '<>', 'draft')
    .where('c.due_month', '>=', fromMonth)
    .where('c.due_month', '<', untilMonth)
    .where('r.status', '=', 'included')
    .groupBy('r.payment')
  );
  return rows.map((r) => ({ payment: r.payment, n: Number(r.n) }));
}

/** Bank transfers settled in [from, until), by result (paid or failed). */
export async function transfersSettled(d: Database, officeId: string, from: string, until: string) {
  const rows = await heavy(
    d,
    d.db
    .selectFrom('programme_transfers as t')
    .innerJoin('programme_batches as b', 'b.id', 't.batch_id')
    .select((eb) => ['t.result', eb.fn.countAll<number>().as('n')])
    .where('b.office_id', '=', officeId)
    .where('t.settled_at', '>=', from)
    .where('t.settled_at', '<', until)
    .groupBy('t.result')
  );
  return rows.map((r) => ({ result: r.result, n: Number(r.n) }));
}
