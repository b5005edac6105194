/**
 * An office admin sets the real weekly hours of the office, or of a service whose decree sets its
 * own. Hours the decree states may be departed from only with a stated basis (a circular, Ramadan
 * hours), which the public page shows beside the decree's words: never a silent contradiction.
 * The clock uses the new hours for every due time computed from then on.
 */
import { noteChange } from '../../db/changes-repo.js';
import { hoursOf, upsertHours } from '../../db/calendar-repo.js';
import { checkHours, type HoursInput, type WeekHours } from '../../domain/calendar/office-setup.js';
import { fail, type Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { adminOffice } from './admin-office.js';
import { hoursScope } from './hours-scope.js';
import { recomputeOpenCases } from './recompute-open-cases.js';

export async function setOfficeHours(ctx: Ctx, actor: Actor, service: string | undefined, input: HoursInput): Promise<Outcome<{ hours: WeekHours; recomputed: number }>> {
  const office = adminOffice(ctx, actor);
  if (!office.ok) return office;
  const target = hoursScope(office.value, service);
  if (!target.ok) return target;
  const { id: officeId, office: o } = office.value;
  const inForce = ctx.clock.hoursOf(o, target.value.service);
  const checked = checkHours(input, { decree: inForce.base.source === 'decree' });
  if (!checked.ok) return fail('invalid', ...checked.error);
  const { hours, reason } = checked.value;
  const before: WeekHours = { allDay: inForce.hours.allDay, week: inForce.hours.week, closedOnHolidays: inForce.hours.closedOnHolidays };
  const at = nowOf(ctx).toISOString();
  await ctx.database.write(async (trx) => {
    await upsertHours(trx, { officeId, officeSlug: o.slug, scope: target.value.scope, hours, reason, before, actor: actor.name, at });
    // Other server processes re-read the calendar (usecases/cluster/follow-changes.ts).
    await noteChange(trx, ctx.database.dialect, `calendar:${o.slug}`, at);
  });
  ctx.clock.setHours(o.slug, await hoursOf(ctx.database.db, officeId));
  const recomputed = await recomputeOpenCases(ctx, officeId, { actor: actor.name, change: 'jam layanan baru', changeEn: 'new service hours', service: target.value.service?.slug });
  return { ok: true, value: { hours, recomputed } };
}
