/** The office's clients in residence past the stay limit its standard states (eligible for termination), longest first. */
import { staysCheckedInBy } from '../../db/shelters-repo.js';
import type { Outcome } from '../../domain/errors.js';
import { RESOLUTION_MS } from '../../domain/shelters/index.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { officeFor, stayLimitOf, summaryOfStay, type StaySummary } from './shelters-common.js';

export const MAX_LISTED = 500;

export async function listOverLimit(ctx: Ctx, actor: Actor): Promise<Outcome<{ limitDays: number | null; limitText: string | null; stays: StaySummary[] }>> {
  const office = officeFor(actor, 'shelters.read');
  if (!office.ok) return office;
  const limit = stayLimitOf(ctx, office.value);
  if (!limit) return { ok: true, value: { limitDays: null, limitText: null, stays: [] } };
  const now = nowOf(ctx);
  // Eligible when now ≥ check-in + days (+ 1 s for "lebih dari"): check-in ≤ now − days (− 1 s).
  const cutoff = new Date(now.getTime() - limit.limit.days * 86_400_000 - (limit.limit.rule === 'more-than' ? RESOLUTION_MS : 0)).toISOString();
  const rows = await staysCheckedInBy(ctx.database.db, office.value, cutoff, MAX_LISTED);
  return { ok: true, value: { limitDays: limit.limit.days, limitText: limit.limit.text, stays: rows.map((s) => summaryOfStay(ctx, s, now.toISOString())) } };
}
