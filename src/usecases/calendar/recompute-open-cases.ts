/**
 * After an office admin changes the calendar, the due dates of the office's running cases follow
 * at once: each is recomputed from its clock start on the calendar now in force, as it would be at
 * its next step anyway. Done now, so that a closure never leaves a case flagged late for a day
 * the office was shut, and the applicant's tracking page shows the date the office will keep.
 * Each moved case gets an event saying why; a case changed meanwhile by an officer is left to that
 * officer's step, which computes on the new calendar too.
 */
import { insertEvent, runningCases, setOpenTaskDue, updateCaseIfVersion } from '../../db/applications-repo.js';
import type { Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { serviceOfCase } from '../applications/service-of-case.js';

export async function recomputeOpenCases(ctx: Ctx, officeId: string, why: { actor: string; change: string; changeEn: string; service?: string }): Promise<number> {
  const office = ctx.catalogue.officeById(officeId).office;
  const now = nowOf(ctx).toISOString();
  let moved = 0;
  for (const app of await runningCases(ctx.database.db, officeId)) {
    const svc = await serviceOfCase(ctx, app.service_version_id);
    if (why.service && svc.slug !== why.service) continue;
    const times = ctx.clock.due(office, svc, app.clock_started_at!, app.pauses);
    if (times.dueAt === app.due_at) continue;
    const state = ctx.clock.state(app.clock_started_at, times.dueAt, false, now);
    const won = await ctx.database.write(async (trx) => {
      if (!(await updateCaseIfVersion(trx, app.id, app.version, { due_at: times.dueAt, expected_at: times.expectedAt, sla_state: state, updated_at: now }))) return false;
      await setOpenTaskDue(trx, app.id, { due_at: times.dueAt, sla_state: state });
      await insertEvent(trx, {
        application_id: app.id,
        office_id: officeId,
        type: 'due:calendar',
        actor_id: null,
        actor_name: why.actor,
        note: `Batas waktu disesuaikan: ${why.change} / Due date adjusted: ${why.changeEn}`,
        data: { from: app.due_at, to: times.dueAt },
        slaEffect: { dueAt: times.dueAt, state },
        at: now,
      });
      return true;
    });
    if (won) moved++;
  }
  return moved;
}
