/**
 * All SQL of oversight (issue 15): the evaluation of the standard aggregated in the database, the
 * few cases whose pauses and stages must be read one by one, the at-risk and late lists and the
 * ageing of open cases. No personal data leaves these queries: registration numbers only.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { OPEN_CASE_STATUSES } from '../domain/applications/status.js';
import type { StageRecord } from '../domain/applications/case.js';
import { insertAuditEvent } from './audit-chain-repo.js';
import type { CounterRow, StageCounterRow } from '../domain/oversight/counters.js';
import { selectOn, type Reader } from './dialect.js';
import type { DB } from './schema.js';

type Q = Kysely<DB> | Transaction<DB>;

/** The most open staged cases one evaluation reads; beyond it the evaluation says its stage figures are partial. */
export const EVALUATION_CASE_LIMIT = 50_000;

/** Open cases at risk or late, earliest due first: what the head of office chases this week. */
export async function casesAtRiskOrLate(r: Reader, officeId: string, limit: number) {
  return selectOn(r, (q) =>
    q
    .selectFrom('applications')
    .select(['id', 'registration_number', 'service_id', 'current_step', 'status', 'sla_state', 'due_at', 'submitted_at'])
    .where('office_id', '=', officeId)
    // Stated literally, as the partial index of migration 034 is (SQLite uses it only then).
    .where(openLiterally)
    .where(sql<boolean>`sla_state in ('late', 'at-risk')`)
    .orderBy('due_at')
    .orderBy('registration_number')
    .limit(limit),
  );
}

/** Open cases by service and age: submitted on or after each bound (newest first), the rest last — from the open-case counters. */
export async function openCasesByAge(q: Reader, officeId: string, bounds: readonly string[]) {
  // Band i is [bounds[i], bounds[i-1]): the newest band has no upper end, the oldest no lower one.
  const edges = [END_OF_TIME, ...bounds, START_OF_TIME];
  const bands = await Promise.all(bounds.concat(START_OF_TIME).map((from, i) => openCounts(q, officeId, from, edges[i]!)));
  const sums = new Map<string, { service_id: string; bucket: number; n: number }>();
  bands.forEach((rows, bucket) => {
    for (const r of rows) {
      const had = sums.get(`${r.serviceId}|${bucket}`);
      if (had) had.n += r.n;
      else sums.set(`${r.serviceId}|${bucket}`, { service_id: r.serviceId, bucket, n: r.n });
    }
  });
  return [...sums.values()];
}

/** Open ends of a range of submission instants (whole UTC days, so no edge slice is counted live). */
const START_OF_TIME = '0001-01-01T00:00:00.000Z';
const END_OF_TIME = '9999-01-01T00:00:00.000Z';

/** An export of the evaluation (XLSX or PDF) in the office's audit trail: who took which period away. */
export async function recordOversightExport(q: Q, a: { officeId: string; actor: string; format: 'xlsx' | 'pdf'; subject: string; period: string; services: number; at: string }): Promise<void> {
  await insertAuditEvent(q, { officeId: a.officeId, actor: a.actor, action: `oversight.export-${a.format}`, subject: a.subject, detail: { period: a.period, services: a.services }, at: a.at });
}

/* ---------- counters (migration 028): written when a case closes, read by the evaluation ---------- */

const countValues = (officeId: string, serviceId: string, r: CounterRow) => ({
  office_id: officeId,
  service_id: serviceId,
  month: r.month,
  status: r.status,
  on_time: r.onTime ? 1 : 0,
  duration: r.duration,
  n: r.n,
  applicant_paused: r.applicantPaused,
  applicant_pauses: r.applicantPauses,
  external_paused: r.externalPaused,
  external_pauses: r.externalPauses,
});

/** What an upsert adds to a bar that exists: every sum of the new one. */
const addUp = (t: 'oversight_counts' | 'oversight_year_counts') => ({
  n: sql<number>`${sql.raw(t)}.n + excluded.n`,
  applicant_paused: sql<number>`${sql.raw(t)}.applicant_paused + excluded.applicant_paused`,
  applicant_pauses: sql<number>`${sql.raw(t)}.applicant_pauses + excluded.applicant_pauses`,
  external_paused: sql<number>`${sql.raw(t)}.external_paused + excluded.external_paused`,
  external_pauses: sql<number>`${sql.raw(t)}.external_pauses + excluded.external_pauses`,
});

/** A month's bar as its year's (migration 034: a year is read from one row per bar, not twelve). */
const yearValues = ({ month, ...v }: ReturnType<typeof countValues>) => ({ ...v, year: month.slice(0, 4) });

/** One closed case into its month's bar and its year's: two upserts, cheap enough for the closing transaction. */
export async function addClosedCount(q: Q, officeId: string, serviceId: string, r: CounterRow): Promise<void> {
  const v = countValues(officeId, serviceId, r);
  await q
    .insertInto('oversight_counts')
    .values(v)
    .onConflict((oc) => oc.columns(['office_id', 'month', 'service_id', 'status', 'on_time', 'duration']).doUpdateSet(addUp('oversight_counts')))
    .execute();
  await q
    .insertInto('oversight_year_counts')
    .values(yearValues(v))
    .onConflict((oc) => oc.columns(['office_id', 'year', 'service_id', 'status', 'on_time', 'duration']).doUpdateSet(addUp('oversight_year_counts')))
    .execute();
}

/**
 * The backfill's summed bars of an office (its counters were cleared first), 500 rows a statement:
 * the months' bars, or (`years`) the years' bars, whose `month` is the year.
 */
export async function insertCounts(q: Q, officeId: string, bars: readonly { serviceId: string; row: CounterRow }[], years = false): Promise<void> {
  for (let i = 0; i < bars.length; i += 500) {
    const values = bars.slice(i, i + 500).map((b) => countValues(officeId, b.serviceId, b.row));
    if (years) await q.insertInto('oversight_year_counts').values(values.map(yearValues)).execute();
    else await q.insertInto('oversight_counts').values(values).execute();
  }
}

/** A closed case's stages (only services whose decree sets stage limits have any). */
export async function addStageCounts(q: Q, officeId: string, serviceId: string, rows: readonly StageCounterRow[]): Promise<void> {
  for (const r of rows)
    await q
      .insertInto('oversight_stage_counts')
      .values({ office_id: officeId, service_id: serviceId, month: r.month, stage_id: r.stageId, started: r.started, finished: r.finished, on_time: r.onTime })
      .onConflict((oc) =>
        oc.columns(['office_id', 'month', 'service_id', 'stage_id']).doUpdateSet({
          started: sql`oversight_stage_counts.started + excluded.started`,
          finished: sql`oversight_stage_counts.finished + excluded.finished`,
          on_time: sql`oversight_stage_counts.on_time + excluded.on_time`,
        }),
      )
      .execute();
}

/** The closed cases' counters of months [fromMonth, untilMonth), summed per service and bar: whole calendar years from their year's bars, the other months from theirs. */
export async function closedCounts(r: Reader, officeId: string, fromMonth: string, untilMonth: string) {
  const { years, months } = wholeYears(fromMonth, untilMonth);
  const sums = ['service_id', 'status', 'on_time', 'duration', 'n', 'applicant_paused', 'applicant_pauses', 'external_paused', 'external_pauses'] as const;
  const parts = await Promise.all([
    years.length ? selectOn(r, (q) => q.selectFrom('oversight_year_counts').select([...sums]).where('office_id', '=', officeId).where('year', 'in', years)) : Promise.resolve([]),
    ...months.map(([from, until]) => selectOn(r, (q) => q.selectFrom('oversight_counts').select([...sums]).where('office_id', '=', officeId).where('month', '>=', from).where('month', '<', until))),
  ]);
  // Summed here rather than by a `group by`: SQLite would sort every bar of the period first.
  const bars = new Map<string, CounterRow & { serviceId: string }>();
  for (const r of parts.flat()) {
    const key = `${r.service_id}|${r.status}|${r.on_time}|${r.duration}`;
    const had = bars.get(key);
    if (had) {
      had.n += Number(r.n);
      had.applicantPaused += Number(r.applicant_paused);
      had.applicantPauses += Number(r.applicant_pauses);
      had.externalPaused += Number(r.external_paused);
      had.externalPauses += Number(r.external_pauses);
    } else
      bars.set(key, {
        serviceId: r.service_id,
        month: '',
        status: r.status as CounterRow['status'],
        onTime: Number(r.on_time) === 1,
        duration: Number(r.duration),
        n: Number(r.n),
        applicantPaused: Number(r.applicant_paused),
        applicantPauses: Number(r.applicant_pauses),
        externalPaused: Number(r.external_paused),
        externalPauses: Number(r.external_pauses),
      });
  }
  return [...bars.values()].map(({ month: _, ...b }) => b);
}

/** Months [from, until) (YYYY-MM) as the whole calendar years inside them and the months left at either edge. */
export function wholeYears(from: string, until: string): { years: string[]; months: [string, string][] } {
  const first = Number(from.slice(0, 4)) + (from.slice(5) === '01' ? 0 : 1);
  const end = Number(until.slice(0, 4));
  if (first >= end) return { years: [], months: from < until ? [[from, until]] : [] };
  const years = Array.from({ length: end - first }, (_, i) => String(first + i));
  const months: [string, string][] = [];
  if (from < `${first}-01`) months.push([from, `${first}-01`]);
  if (`${end}-01` < until) months.push([`${end}-01`, until]);
  return { years, months };
}

export async function closedStageCounts(r: Reader, officeId: string, fromMonth: string, untilMonth: string) {
  const rows = await selectOn(r, (q) =>
    q
      .selectFrom('oversight_stage_counts')
      .select((eb) => ['service_id', 'stage_id', eb.fn.sum<number>('started').as('started'), eb.fn.sum<number>('finished').as('finished'), eb.fn.sum<number>('on_time').as('on_time')])
      .where('office_id', '=', officeId)
      .where('month', '>=', fromMonth)
      .where('month', '<', untilMonth)
      .groupBy(['service_id', 'stage_id']),
  );
  return rows.map((r) => ({ serviceId: r.service_id, stageId: r.stage_id, started: Number(r.started), finished: Number(r.finished), onTime: Number(r.on_time) }));
}

/** The open statuses as SQL literals: SQLite uses a partial index only when the query states its condition literally (no bound parameters). */
export const openLiterally = sql<boolean>`status in (${sql.join(OPEN_CASE_STATUSES.map((s) => sql.lit(s)))})`;

/** The period's open cases by service, status and SLA state: the counters of migration 034 for the whole UTC days inside [from, to), the part-days at its edges live. */
export async function openCounts(r: Reader, officeId: string, from: string, to: string) {
  const { firstDay, untilDay, edges } = wholeUtcDays(from, to);
  const [counted, ...live] = await Promise.all([
    firstDay < untilDay
      ? selectOn(r, (b) =>
          b
            .selectFrom('oversight_open_counts')
            .select((eb) => ['service_id', 'status', 'sla_state', eb.fn.sum<number>('n').as('n')])
            .where('office_id', '=', officeId)
            .where('utc_day', '>=', firstDay)
            .where('utc_day', '<', untilDay)
            .groupBy(['service_id', 'status', 'sla_state']),
        )
      : Promise.resolve([]),
    ...edges.map(([a, b]) => openCountsLive(r, officeId, a, b)),
  ]);
  const sums = new Map<string, { serviceId: string; status: string; slaState: string; n: number }>();
  for (const r of [...counted.map((r) => ({ serviceId: r.service_id, status: r.status, slaState: r.sla_state, n: Number(r.n) })), ...live.flat()]) {
    const key = `${r.serviceId}|${r.status}|${r.slaState}`;
    const had = sums.get(key);
    if (had) had.n += r.n;
    else sums.set(key, { ...r });
  }
  return [...sums.values()].filter((r) => r.n > 0);
}

/**
 * [from, to) as whole UTC days [firstDay, untilDay) plus the part-days at its edges (a local
 * midnight in WIB is 17:00 UTC: a month's edges are two seven-hour slices, counted live).
 */
export function wholeUtcDays(from: string, to: string): { firstDay: string; untilDay: string; edges: [string, string][] } {
  const midnight = (day: string) => `${day}T00:00:00.000Z`;
  const fromDay = from.slice(0, 10);
  const firstDay = from === midnight(fromDay) ? fromDay : new Date(Date.parse(midnight(fromDay)) + 86_400_000).toISOString().slice(0, 10);
  const untilDay = to.slice(0, 10);
  if (firstDay >= untilDay) return { firstDay, untilDay: firstDay, edges: [[from, to]] };
  const edges: [string, string][] = [];
  if (from < midnight(firstDay)) edges.push([from, midnight(firstDay)]);
  if (midnight(untilDay) < to) edges.push([midnight(untilDay), to]);
  return { firstDay, untilDay, edges };
}

/** Open cases submitted in [from, to) counted from the cases (the partial index of open cases, migration 028). */
export async function openCountsLive(r: Reader, officeId: string, from: string, to: string) {
  const rows = await selectOn(r, (q) =>
    q
      .selectFrom('applications')
      .select((eb) => ['service_id', 'status', 'sla_state', eb.fn.countAll<number>().as('n')])
      .where('office_id', '=', officeId)
      .where(openLiterally)
      .where('submitted_at', '>=', from)
      .where('submitted_at', '<', to)
      .groupBy(['service_id', 'status', 'sla_state']),
  );
  return rows.map((r) => ({ serviceId: r.service_id, status: r.status, slaState: r.sla_state, n: Number(r.n) }));
}

/** The period's open cases of services with stage limits: their recorded stages count as started or finished. */
export async function openStagedCases(r: Reader, officeId: string, from: string, to: string, stagedServices: readonly string[], limit = EVALUATION_CASE_LIMIT) {
  if (!stagedServices.length) return { truncated: false, rows: [] };
  const rows = await selectOn(r, (q) =>
    q
      .selectFrom('applications')
      .select(['service_id', 'stages'])
      .where('office_id', '=', officeId)
      .where(openLiterally)
      .where('submitted_at', '>=', from)
      .where('submitted_at', '<', to)
      .where('service_id', 'in', [...stagedServices])
      .where('stages', '<>', '[]')
      .limit(limit + 1),
  );
  return { truncated: rows.length > limit, rows: rows.slice(0, limit).map((r) => ({ serviceId: r.service_id, stages: JSON.parse(r.stages) as StageRecord[] })) };
}

/** The first and last submission of an office: the months the backfill walks. */
export async function submissionSpan(q: Q, officeId: string) {
  const r = await q.selectFrom('applications').select((eb) => [eb.fn.min('submitted_at').as('first'), eb.fn.max('submitted_at').as('last')]).where('office_id', '=', officeId).executeTakeFirst();
  return r?.first ? { first: String(r.first), last: String(r.last) } : null;
}

/** An office's closed cases submitted in [from, to) (one month of the backfill, through the submission index). */
export async function closedCasesSubmitted(q: Q, officeId: string, from: string, to: string) {
  return q
    .selectFrom('applications')
    .select(['service_id', 'status', 'submitted_at', 'clock_started_at', 'closed_at', 'due_at', 'sla_state', 'pauses', 'stages'])
    .where('office_id', '=', officeId)
    .where('submitted_at', '>=', from)
    .where('submitted_at', '<', to)
    .where('status', 'in', ['completed', 'rejected', 'withdrawn'])
    .execute();
}

/** Drops an office's counters before they are rebuilt from its cases. */
export async function clearCounts(q: Q, officeId: string): Promise<void> {
  await q.deleteFrom('oversight_counts').where('office_id', '=', officeId).execute();
  await q.deleteFrom('oversight_year_counts').where('office_id', '=', officeId).execute();
  await q.deleteFrom('oversight_stage_counts').where('office_id', '=', officeId).execute();
}

export async function countsState(q: Q, key: string): Promise<string | null> {
  const r = await q.selectFrom('oversight_counts_state').select('value').where('key', '=', key).executeTakeFirst();
  return r?.value ?? null;
}

export async function setCountsState(q: Q, key: string, value: string): Promise<void> {
  await q.insertInto('oversight_counts_state').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

/* ---------- approved figures ---------- */

export async function approvalOf(q: Q, officeId: string, period: string) {
  const r = await q.selectFrom('oversight_approvals').selectAll().where('office_id', '=', officeId).where('period', '=', period).executeTakeFirst();
  return r ? { step: Number(r.step), locked: Number(r.locked) === 1, updatedBy: r.updated_by, updatedAt: r.updated_at } : { step: 0, locked: false, updatedBy: null, updatedAt: null };
}

/** Moves a period's approval from `fromStep` (false when another officer moved it first), audited in the same transaction. */
export async function setApproval(
  q: Transaction<DB>,
  a: { officeId: string; period: string; fromStep: number; step: number; locked: boolean; actor: string; at: string; action: 'oversight.approve' | 'oversight.reopen'; detail: Record<string, unknown> },
): Promise<boolean> {
  const values = { step: a.step, locked: a.locked ? 1 : 0, updated_by: a.actor, updated_at: a.at };
  const updated = await q.updateTable('oversight_approvals').set(values).where('office_id', '=', a.officeId).where('period', '=', a.period).where('step', '=', a.fromStep).executeTakeFirst();
  let n = Number(updated.numUpdatedRows);
  // The first approval of a period creates its row (of two at once, one wins).
  if (n === 0 && a.fromStep === 0 && a.action === 'oversight.approve') {
    const inserted = await q.insertInto('oversight_approvals').values({ office_id: a.officeId, period: a.period, ...values }).onConflict((oc) => oc.columns(['office_id', 'period']).doNothing()).executeTakeFirst();
    n = Number(inserted.numInsertedOrUpdatedRows ?? 0);
  }
  if (n === 0) return false;
  await insertAuditEvent(q, { officeId: a.officeId, actor: a.actor, action: a.action, subject: `figures:${a.period}`, detail: a.detail, at: a.at });
  return true;
}

/** True when any of the periods (months and their year) is approved and locked. */
export async function anyLocked(q: Q, officeId: string, periods: readonly string[]): Promise<boolean> {
  const r = await q.selectFrom('oversight_approvals').select('period').where('office_id', '=', officeId).where('period', 'in', [...periods]).where('locked', '=', 1).executeTakeFirst();
  return !!r;
}
