/** The period an evaluation is asked for: the picker's kind and value, or this quarter where the office is. */
import { fail, type Outcome } from '../../domain/errors.js';
import { periodHolding, readPeriod, type Period, type PeriodKind } from '../../domain/oversight/period.js';
import { nowOf, type Ctx } from '../context.js';

export function choosePeriod(ctx: Ctx, officeId: string, kind: PeriodKind | undefined, value: string | undefined): Outcome<Period> {
  const office = ctx.catalogue.officeById(officeId).office;
  const today = ctx.clock.localDate(office, nowOf(ctx).toISOString());
  const k = kind ?? 'quarter';
  if (!value?.trim()) return { ok: true, value: periodHolding(k, today) };
  const r = readPeriod(k, value.trim().toUpperCase());
  return r.ok ? r : fail('invalid', r.error);
}
