/** An office admin withdraws the hours they set: the decree's hours (or the documented default week) apply again, from then on. */
import { noteChange } from '../../db/changes-repo.js';
import { deleteHours, hoursOf } from '../../db/calendar-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { adminOffice } from './admin-office.js';
import { hoursScope } from './hours-scope.js';
import { recomputeOpenCases } from './recompute-open-cases.js';

export async function resetOfficeHours(ctx: Ctx, actor: Actor, service: string | undefined): Promise<Outcome<{ reset: true }>> {
  const office = adminOffice(ctx, actor);
  if (!office.ok) return office;
  const target = hoursScope(office.value, service);
  if (!target.ok) return target;
  const { id: officeId, office: o } = office.value;
  const { hours, base } = ctx.clock.hoursOf(o, target.value.service);
  const week = (h: typeof hours) => ({ allDay: h.allDay, week: h.week, closedOnHolidays: h.closedOnHolidays });
  const at = nowOf(ctx).toISOString();
  const done = await ctx.database.write(async (trx) => {
    const deleted = await deleteHours(trx, { officeId, officeSlug: o.slug, scope: target.value.scope, before: week(hours), after: week(base), actor: actor.name, at });
    if (deleted) await noteChange(trx, ctx.database.dialect, `calendar:${o.slug}`, at);
    return deleted;
  });
  if (!done) return failWith('conflict', 'hours-not-set', 'Belum ada jam yang ditetapkan admin; jam keputusan atau bawaan sudah berlaku', 'No hours were set by an admin; the decree\'s or the default hours already apply');
  ctx.clock.setHours(o.slug, await hoursOf(ctx.database.db, officeId));
  await recomputeOpenCases(ctx, officeId, { actor: actor.name, change: 'jam layanan kembali ke keputusan/bawaan', changeEn: 'service hours back to the decree or default', service: target.value.service?.slug });
  return { ok: true, value: { reset: true } };
}
