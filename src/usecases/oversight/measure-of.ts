/** How a service's cases are measured (unit, clock, office calendar, outside body, stages): one place for the evaluation and the counters. */
import type { StoredOffice, StoredService } from '../../db/standards-repo.js';
import { measureUnitOf } from '../../domain/oversight/evaluate.js';
import { WorkingDays, type Measure } from '../../domain/oversight/facts.js';
import type { Ctx } from '../context.js';

/** The outside body a service's waits are on: the one its procedure names, or all of them joined. */
function externalBodyOf(svc: StoredService): string | null {
  const names = [...new Set((svc.service.procedure?.steps ?? []).filter((s) => s.kind === 'external' && s.external).map((s) => s.external!))];
  return names.length ? names.join('; ') : null;
}

/** `base` is the local date the working-day ordinals count from (any date at or before the ones measured is fastest). */
export function measureOf(ctx: Ctx, o: StoredOffice, svc: StoredService, base: string): Measure {
  const office = o.office;
  const sla = svc.service.sla;
  const unit = measureUnitOf(sla?.unit ?? null);
  const calendar = ctx.clock.calendar(office, ctx.clock.hoursOf(office, svc.service).hours);
  return {
    unit,
    calendarKind: sla?.calendar ?? 'office-hours',
    calendar,
    workingDays: new WorkingDays(calendar, office.timezone, base, unit === 'days'),
    externalBody: externalBodyOf(svc),
    stages: (sla?.stages ?? []).map((s) => ({ id: s.id, label: s.label, limitText: s.text })),
  };
}
