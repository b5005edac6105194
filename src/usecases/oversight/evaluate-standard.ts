/**
 * The evaluation of the standard for one office and period: counts aggregated in the database,
 * plain cases' times from date pairs, the few paused or staged cases one by one, each service's
 * time in its decree's unit on its own calendar (domain/oversight/evaluate.ts says how).
 */
import { Temporal } from 'temporal-polyfill';
import { evaluationCases, evaluationGroups } from '../../db/oversight-repo.js';
import type { StoredOffice, StoredService } from '../../db/standards-repo.js';
import { evaluateService, measureUnitOf, type ServiceEvaluation } from '../../domain/oversight/evaluate.js';
import { FactsBuilder, WorkingDays } from '../../domain/oversight/facts.js';
import type { Period } from '../../domain/oversight/period.js';
import type { Ctx } from '../context.js';

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

/** The outside body a service's waits are on: the one its procedure names, or all of them joined. */
function externalBodyOf(svc: StoredService): string | null {
  const names = [...new Set((svc.service.procedure?.steps ?? []).filter((s) => s.kind === 'external' && s.external).map((s) => s.external!))];
  return names.length ? names.join('; ') : null;
}

function builderFor(ctx: Ctx, o: StoredOffice, svc: StoredService, from: string): FactsBuilder {
  const office = o.office;
  const sla = svc.service.sla;
  const calendar = ctx.clock.calendar(office, ctx.clock.hoursOf(office, svc.service).hours);
  return new FactsBuilder({
    unit: measureUnitOf(sla?.unit ?? null),
    calendarKind: sla?.calendar ?? 'office-hours',
    calendar,
    workingDays: new WorkingDays(calendar, office.timezone, from, measureUnitOf(sla?.unit ?? null) === 'days'),
    externalBody: externalBodyOf(svc),
    stages: (sla?.stages ?? []).map((s) => ({ id: s.id, label: s.label, limitText: s.text })),
  });
}

const nextDay = (d: string) => Temporal.PlainDate.from(d).add({ days: 1 }).toString();

export async function evaluateStandard(ctx: Ctx, officeId: string, period: Period): Promise<StandardEvaluation> {
  const o = ctx.catalogue.officeById(officeId);
  const tz = o.office.timezone;
  const from = instantOf(period.from, tz);
  const until = instantOf(period.until, tz);
  // Fixed offsets (no daylight saving in Indonesia): at this UTC hour the local date turns.
  const offsetHours = Temporal.Instant.from(from).toZonedDateTimeISO(tz).offsetNanoseconds / 3.6e12;
  const cutoff = String(24 - offsetHours).padStart(2, '0');
  const builders = new Map(o.services.map((s) => [s.id, builderFor(ctx, o, s, period.from)]));
  const clockServices = o.services.filter((s) => ['minutes', 'hours'].includes(measureUnitOf(s.service.sla?.unit ?? null) ?? '')).map((s) => s.id);

  for (const g of await evaluationGroups(ctx.database.db, officeId, from, until, cutoff)) {
    const b = builders.get(g.service_id);
    if (!b) continue;
    b.count(g.status, g.sla_state, g.on_time, g.n);
    if (g.start_day && g.close_day && !clockServices.includes(g.service_id))
      b.addDatePair(g.start_next ? nextDay(g.start_day) : g.start_day, g.close_next ? nextDay(g.close_day) : g.close_day, g.n);
  }
  const single = await evaluationCases(ctx.database.db, officeId, from, until, clockServices);
  for (const c of single.rows) {
    const b = builders.get(c.service_id);
    // Plain cases of clock services were counted above; only their time is read here.
    if (b) b.addTiming({ status: c.status, startedAt: c.startedAt, closedAt: c.closedAt, dueAt: c.dueAt, slaState: c.slaState, pauses: c.pauses, stages: c.stages });
  }

  const services = o.services.map((s) => {
    const sla = s.service.sla;
    const promise = { text: sla?.text ?? '—', value: sla?.value ?? null, maxValue: sla?.maxValue ?? null, unit: sla?.unit ?? null };
    return { id: s.id, no: String(s.service.no), title: s.service.title, evaluation: evaluateService(promise, builders.get(s.id)!.facts()) };
  });
  return { officeName: o.office.name, period, services, truncated: single.truncated };
}
