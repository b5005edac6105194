/** The applicant withdraws a case before any decision: it closes, its tasks and unsigned letters are cancelled. */
import { closeOpenTasks, completedSteps, insertEvent, updateCaseIfVersion, type Case } from '../../db/applications-repo.js';
import { OPEN_CASE_STATUSES } from '../../domain/applications/status.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { canWithdraw } from '../../domain/procedure/engine.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { countClosedCase } from '../oversight/count-closed-case.js';
import { cancelLettersOfWithdrawnCase } from '../letters/cancel-withdrawn-letters.js';
import { caseChanged } from './case-failures.js';
import type { CaseMoved } from './resubmit-file.js';
import { serviceOfCase } from './service-of-case.js';

export async function withdrawApplication(ctx: Ctx, app: Case, actor: Actor, reason: string | undefined): Promise<Outcome<CaseMoved>> {
  if (!OPEN_CASE_STATUSES.includes(app.status)) return failWith('conflict', 'closed', 'Permohonan sudah selesai', 'The application is already closed');
  const svc = await serviceOfCase(ctx, app.service_version_id);
  if (!canWithdraw(svc.procedure!, await completedSteps(ctx.database.db, app.id)))
    return failWith('conflict', 'decided', 'Permohonan tidak dapat dibatalkan setelah ada keputusan', 'An application cannot be withdrawn after a decision');
  const now = nowOf(ctx).toISOString();
  const won = await ctx.database.write(async (trx) => {
    const ok = await updateCaseIfVersion(trx, app.id, app.version, {
      status: 'withdrawn',
      current_step: null,
      end_id: 'withdrawn',
      closed_at: now,
      outcome_reason: reason?.trim() || null,
      sla_state: 'closed',
      updated_at: now,
    });
    if (!ok) return false;
    await countClosedCase(trx, ctx, { ...app, status: 'withdrawn', closed_at: now });
    await closeOpenTasks(trx, app.id, now, actor.id, 'cancelled');
    await cancelLettersOfWithdrawnCase(trx, app.id, actor, now);
    await insertEvent(trx, {
      application_id: app.id,
      office_id: app.office_id,
      type: 'closed:withdrawn',
      step_id: app.current_step,
      actor_id: actor.id,
      actor_name: actor.name,
      note: reason?.trim() || null,
      slaEffect: { clock: 'stopped' },
      at: now,
    });
    return true;
  });
  if (!won) return caseChanged();
  return { ok: true, value: { status: 'withdrawn', dueAt: null, version: app.version + 1 } };
}
