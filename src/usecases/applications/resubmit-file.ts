/**
 * A returned file comes back complete (from the applicant online, or recorded at the counter):
 * the pause ends, the due time moves by the time paused, and the task returns to its queue.
 */
import { insertEvent, reopenWaitingTask, updateCaseIfVersion, type Case } from '../../db/applications-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { caseChanged } from './case-failures.js';
import { serviceOfCase } from './service-of-case.js';

export interface CaseMoved {
  status: string;
  dueAt: string | null;
  version: number;
}

export async function resubmitFile(ctx: Ctx, app: Case, actor: Actor, note: string | undefined): Promise<Outcome<CaseMoved>> {
  if (app.status !== 'waiting-applicant')
    return failWith('conflict', 'not-waiting', 'Permohonan ini tidak sedang menunggu kelengkapan dari pemohon', 'This application is not waiting for the applicant');
  const now = nowOf(ctx).toISOString();
  const svc = await serviceOfCase(ctx, app.service_version_id);
  const office = ctx.catalogue.officeById(app.office_id).office;
  const pauses = app.pauses.map((p) => (p.to === null ? { ...p, to: now } : p));
  const times = app.clock_started_at ? ctx.clock.due(office, svc, app.clock_started_at, pauses) : { dueAt: null, expectedAt: null, warnings: [] };
  const slaState = ctx.clock.state(app.clock_started_at, times.dueAt, false, now);
  const won = await ctx.database.write(async (trx) => {
    const ok = await updateCaseIfVersion(trx, app.id, app.version, {
      status: 'open',
      paused_since: null,
      pauses,
      due_at: times.dueAt,
      expected_at: times.expectedAt,
      sla_state: slaState,
      updated_at: now,
    });
    if (!ok) return false;
    await reopenWaitingTask(trx, app.id, { due_at: times.dueAt, sla_state: slaState });
    await insertEvent(trx, {
      application_id: app.id,
      office_id: app.office_id,
      type: 'file-resubmitted',
      step_id: app.current_step,
      actor_id: actor.id,
      actor_name: actor.name,
      note: note?.trim() || null,
      slaEffect: { clock: 'resumed', dueAt: times.dueAt },
      at: now,
    });
    return true;
  });
  if (!won) return caseChanged();
  return { ok: true, value: { status: 'open', dueAt: times.dueAt, version: app.version + 1 } };
}
