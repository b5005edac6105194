/**
 * The period an IKM page shows, decided here once for the public and the staff pages. A period
 * asked for is shown as asked. Without one, the public page shows the latest IKM: this year, or
 * the latest earlier year that has responses (an office that has not surveyed yet this year still
 * shows its last result). The staff page never refuses: without a period it can read, this year.
 */
import type { StoredOffice } from '../../db/standards-repo.js';
import { latestResponseDay } from '../../db/surveys-repo.js';
import { fail, type Outcome } from '../../domain/errors.js';
import { namedPeriod, parsePeriod, type Period } from '../../domain/surveys/periods.js';
import { nowOf, type Ctx } from '../context.js';

/** The period fields of a page's query (`periode` in the page's address, like the API's `period`). */
export interface PagePeriodQuery {
  periode?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The public page may refuse a period it cannot read; the staff page always has one. */
export function chooseIkmPeriod(ctx: Ctx, office: StoredOffice, q: PagePeriodQuery, audience: 'public'): Promise<Outcome<Period>>;
export function chooseIkmPeriod(ctx: Ctx, office: StoredOffice, q: PagePeriodQuery, audience: 'staff'): Promise<{ ok: true; value: Period }>;
export async function chooseIkmPeriod(ctx: Ctx, office: StoredOffice, q: PagePeriodQuery, audience: 'public' | 'staff'): Promise<Outcome<Period>> {
  const thisYear = ctx.clock.localDate(office.office, nowOf(ctx).toISOString()).slice(0, 4);
  const wanted = parsePeriod({ period: q.periode, from: q.from, to: q.to });
  if (audience === 'staff') return { ok: true, value: wanted.ok ? wanted.value : namedPeriod(thisYear)! };
  if (q.periode || (q.from && q.to)) return wanted.ok ? wanted : fail('invalid', wanted.error);
  const latest = await latestResponseDay(ctx.database.db, office.id);
  return { ok: true, value: namedPeriod(latest && latest.slice(0, 4) < thisYear ? latest.slice(0, 4) : thisYear)! };
}
