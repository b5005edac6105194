/**
 * An office admin closes the office on a day or a date range (a flood, a move, a holiday declared
 * late, a cuti bersama): the clock skips those days at once, for every due time computed from then on.
 */
import { noteChange } from '../../db/changes-repo.js';
import { closedDates, closuresOf, insertClosures } from '../../db/calendar-repo.js';
import { checkClosure, type ClosureInput, type ClosureKind } from '../../domain/calendar/office-setup.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { adminOffice } from './admin-office.js';
import { recomputeOpenCases } from './recompute-open-cases.js';

export async function addClosure(ctx: Ctx, actor: Actor, input: ClosureInput): Promise<Outcome<{ groupId: string; dates: string[]; kind: ClosureKind; recomputed: number }>> {
  const office = adminOffice(ctx, actor);
  if (!office.ok) return office;
  const { id: officeId, office: o } = office.value;
  const now = nowOf(ctx).toISOString();
  const checked = checkClosure(input, ctx.clock.localDate(o, now));
  if (!checked.ok) return fail('invalid', ...checked.error);
  const { dates, reason, kind } = checked.value;
  let taken: string[] = [];
  let groupId = '';
  await ctx.database.write(async (trx) => {
    taken = await closedDates(trx, officeId, dates);
    if (!taken.length) groupId = await insertClosures(trx, { officeId, officeSlug: o.slug, dates, reason, kind, actor: actor.name, at: now });
    // Other server processes re-read the calendar (usecases/cluster/follow-changes.ts).
    if (!taken.length) await noteChange(trx, ctx.database.dialect, `calendar:${o.slug}`, now);
  });
  if (taken.length)
    return failWith('conflict', 'closure-exists', `Tanggal ${taken.join(', ')} sudah tercatat sebagai hari tutup`, `${taken.join(', ')} ${taken.length > 1 ? 'are' : 'is'} already a closure`, 'date');
  ctx.clock.setClosures(o.slug, await closuresOf(ctx.database.db, officeId));
  const span = dates.length > 1 ? `${dates[0]} s.d. ${dates[dates.length - 1]}` : dates[0]!;
  const recomputed = await recomputeOpenCases(ctx, officeId, { actor: actor.name, change: `kantor tutup ${span} (${reason})`, changeEn: `office closed ${span.replace(' s.d. ', ' to ')} (${reason})` });
  return { ok: true, value: { groupId, dates, kind, recomputed } };
}
