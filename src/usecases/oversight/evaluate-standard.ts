/**
 * The evaluation of the standard for one office and period: closed cases from the counters kept
 * when each case closed (domain/oversight/counters.ts), open cases counted from the cases, each
 * service's time in its decree's unit on its own calendar (domain/oversight/evaluate.ts says how).
 */
import { Temporal } from 'temporal-polyfill';
import { closedCounts, closedStageCounts, openCounts, openStagedCases } from '../../db/oversight-repo.js';
import { feedCounters } from '../../domain/oversight/counters.js';
import { evaluateService, type ServiceEvaluation } from '../../domain/oversight/evaluate.js';
import { FactsBuilder, stageCounts } from '../../domain/oversight/facts.js';
import type { Period } from '../../domain/oversight/period.js';
import type { Ctx } from '../context.js';
import { measureOf } from './measure-of.js';

export interface ServiceRow {
  id: string;
  no: string;
  title: string;
  evaluation: ServiceEvaluation;
}

export interface StandardEvaluation {
  officeName: string;
  period: Period;
  services: ServiceRow[];
  /** True when more single cases than the bound were in the period: timing figures are partial. */
  truncated: boolean;
}

/** Local midnight of a date in the office's zone, as the stored UTC text. */
export function instantOf(date: string, timezone: string): string {
  return Temporal.PlainDate.from(date).toZonedDateTime(timezone).toInstant().toString({ smallestUnit: 'millisecond' });
}

/**
 * Where the figures are read: `heavy` (pages, exports, the public page, dashboards) on the
 * heavy-read path, the streaming replica when there is one; `primary` where figures are locked by
 * an approval, which must hold exactly what was committed.
 */
export type FiguresSource = 'heavy' | 'primary';

export async function evaluateStandard(ctx: Ctx, officeId: string, period: Period, source: FiguresSource = 'heavy'): Promise<StandardEvaluation> {
  return { ...(await evaluateMonths(ctx, officeId, period, source)), period };
}

/**
 * The evaluation of whole local months [fromDate, untilDate) (both the first of a month): what the
 * counters can answer exactly. The staff periods and the public performance page both ask this.
 */
export async function evaluateMonths(ctx: Ctx, officeId: string, period: { from: string; until: string }, source: FiguresSource = 'heavy'): Promise<Omit<StandardEvaluation, 'period'>> {
  const o = ctx.catalogue.officeById(officeId);
  const tz = o.office.timezone;
  const from = instantOf(period.from, tz);
  const until = instantOf(period.until, tz);
  const builders = new Map(o.services.map((s) => [s.id, new FactsBuilder(measureOf(ctx, o, s, period.from))]));
  const db = source === 'heavy' ? ctx.database : ctx.database.db;
  // Closed cases from the counters kept when each closed (periods are whole local months); open
  // ones, whose SLA state moves with time, from the cases themselves.
  const [bars, stageBars, open, staged] = await Promise.all([
    closedCounts(db, officeId, period.from.slice(0, 7), period.until.slice(0, 7)),
    closedStageCounts(db, officeId, period.from.slice(0, 7), period.until.slice(0, 7)),
    openCounts(db, officeId, from, until),
    openStagedCases(db, officeId, from, until, o.services.filter((s) => s.service.sla?.stages?.length).map((s) => s.id)),
  ]);
  for (const [id, b] of builders) feedCounters(b, bars.filter((r) => r.serviceId === id), stageBars.filter((r) => r.serviceId === id));
  for (const r of open) builders.get(r.serviceId)?.count(r.status, r.slaState, false, r.n);
  for (const c of staged.rows) for (const st of stageCounts(c)) builders.get(c.serviceId)?.addStage(st.id, st.started, st.finished, st.onTime);

  const services = o.services.map((s) => {
    const sla = s.service.sla;
    const promise = { text: sla?.text ?? '—', value: sla?.value ?? null, maxValue: sla?.maxValue ?? null, unit: sla?.unit ?? null };
    return { id: s.id, no: String(s.service.no), title: s.service.title, evaluation: evaluateService(promise, builders.get(s.id)!.facts()) };
  });
  return { officeName: o.office.name, services, truncated: staged.truncated };
}
