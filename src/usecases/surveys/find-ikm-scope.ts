/** What an IKM question is about: an office by its slug, a period, and optionally one of its services. */
import type { StoredOffice, StoredService } from '../../db/standards-repo.js';
import { fail, type Outcome } from '../../domain/errors.js';
import { parsePeriod, type Period } from '../../domain/surveys/periods.js';
import type { Ctx } from '../context.js';

export interface IkmScope {
  office: StoredOffice;
  period: Period;
  service?: StoredService;
}

/** The period asked for: `period=` (2026, 2026-S1, 2026-Q2, 2026-03) or `from=`/`to=`, and a service slug. */
export interface PeriodQuery {
  period?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  service?: string | undefined;
}

/** The office first, then the period, then the service: the first that is wrong is the answer. */
export function findIkmScope(ctx: Ctx, officeSlug: string, q: PeriodQuery): Outcome<IkmScope> {
  const office = ctx.catalogue.findOffice(officeSlug);
  if (!office.ok) return office;
  const p = parsePeriod(q);
  if (!p.ok) return fail('invalid', p.error);
  if (!q.service) return { ok: true, value: { office: office.value, period: p.value } };
  const found = ctx.catalogue.findService(officeSlug, q.service);
  if (!found.ok) return found;
  return { ok: true, value: { office: office.value, period: p.value, service: found.value.service } };
}
