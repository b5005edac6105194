/**
 * Fills the oversight counters from the cases already closed: once after migration 028 (boot, before
 * anything is served: the migration cannot, having no office calendar), and on request for one
 * office (`rebuildOversightCounters`) — after cases were written around the use cases (imports,
 * benchmarks, tests) or a service's promise changed its unit.
 */
import { addStageCounts, clearCounts, closedCasesSubmitted, countsState, insertCounts, setCountsState, submissionSpan } from '../../db/oversight-repo.js';
import { instantOf } from './evaluate-standard.js';
import type { Pause, StageRecord } from '../../domain/applications/case.js';
import { closedCaseCounts, type CounterRow, type StageCounterRow } from '../../domain/oversight/counters.js';
import type { Measure } from '../../domain/oversight/facts.js';
import { Temporal } from 'temporal-polyfill';
import type { Ctx } from '../context.js';
import { measureOf } from './measure-of.js';

/** Sigap's cases start in 2024 (domain/oversight/period.ts): working days are counted on from here. */
const BASE = '2024-01-01';

/** Rebuilds one office's counters from its closed cases, in one transaction; answers how many cases were counted. */
export async function rebuildOversightCounters(ctx: Ctx, officeId: string): Promise<number> {
  const o = ctx.catalogue.officeById(officeId);
  const measures = new Map<string, Measure>();
  const measure = (serviceId: string): Measure | null => {
    const hit = measures.get(serviceId);
    if (hit) return hit;
    const svc = o.services.find((s) => s.id === serviceId);
    if (!svc) return null;
    const m = measureOf(ctx, o, svc, BASE);
    measures.set(serviceId, m);
    return m;
  };
  return ctx.database.write(async (trx) => {
    await clearCounts(trx, officeId);
    const bars = new Map<string, { serviceId: string; row: CounterRow }>();
    const stages = new Map<string, { serviceId: string; row: StageCounterRow }>();
    let counted = 0;
    const span = await submissionSpan(trx, officeId);
    // Month by month of submission (local months, as the counters are kept), each through the submission index.
    for (let month = span ? localMonthStart(span.first, o.office.timezone) : null; month && instantOf(month, o.office.timezone) <= span!.last; month = nextMonth(month)) {
      const rows = await closedCasesSubmitted(trx, officeId, instantOf(month, o.office.timezone), instantOf(nextMonth(month), o.office.timezone));
      for (const r of rows) {
        const m = measure(r.service_id);
        if (!m) continue;
        const c = closedCaseCounts(m, {
          status: r.status,
          submittedAt: r.submitted_at,
          startedAt: r.clock_started_at,
          closedAt: r.closed_at,
          dueAt: r.due_at,
          slaState: r.sla_state,
          pauses: JSON.parse(r.pauses) as Pause[],
          stages: JSON.parse(r.stages) as StageRecord[],
        });
        if (!c) continue;
        counted++;
        sumInto(bars, `${r.service_id}|${c.row.month}|${c.row.status}|${c.row.onTime}|${c.row.duration}`, r.service_id, c.row);
        for (const s of c.stages) sumInto(stages, `${r.service_id}|${s.month}|${s.stageId}`, r.service_id, s);
      }
    }
    await insertCounts(trx, officeId, [...bars.values()]);
    // The years' bars are their months' sums (migration 034).
    const years = new Map<string, { serviceId: string; row: CounterRow }>();
    for (const { serviceId, row } of bars.values()) sumInto(years, `${serviceId}|${row.month.slice(0, 4)}|${row.status}|${row.onTime}|${row.duration}`, serviceId, { ...row, month: row.month.slice(0, 4) });
    await insertCounts(trx, officeId, [...years.values()], true);
    for (const { serviceId, row } of stages.values()) await addStageCounts(trx, officeId, serviceId, [row]);
    return counted;
  });
}

/** The first day of the local month an instant falls in. */
function localMonthStart(iso: string, timezone: string): string {
  return `${Temporal.Instant.from(iso).toZonedDateTimeISO(timezone).toPlainDate().toString().slice(0, 7)}-01`;
}

const nextMonth = (first: string) => Temporal.PlainDate.from(first).add({ months: 1 }).toString();

/** Adds every numeric field of `row` into the entry at `key` (months, statuses and ids are part of the key). */
function sumInto<R extends object>(into: Map<string, { serviceId: string; row: R }>, key: string, serviceId: string, row: R): void {
  const had = into.get(key);
  if (!had) {
    into.set(key, { serviceId, row: { ...row } });
    return;
  }
  const sums = had.row as Record<string, unknown>;
  for (const [k, v] of Object.entries(row)) if (typeof v === 'number' && k !== 'duration') sums[k] = (sums[k] as number) + v;
}

/** After migration 028: every office's counters once, then never again at boot. */
export async function backfillPendingCounters(ctx: Ctx): Promise<number> {
  if ((await countsState(ctx.database.db, 'backfill')) !== 'pending') return 0;
  let counted = 0;
  for (const o of ctx.catalogue.list()) counted += await rebuildOversightCounters(ctx, o.id);
  await setCountsState(ctx.database.db, 'backfill', 'done');
  return counted;
}
