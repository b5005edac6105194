/** An officer claims an open task (or releases it): one officer holds a task at a time. */
import { findCase, findTask, setTaskClaim } from '../../db/applications-repo.js';
import { stepById } from '../../domain/procedure/engine.js';
import { mayDoStep, stepRoles } from '../../domain/procedure/step-roles.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { roleRequired, taskNotFound } from './case-failures.js';
import { serviceOfCase } from './service-of-case.js';

export async function claimTask(ctx: Ctx, taskId: string, actor: Actor, release = false): Promise<Outcome<{ claimedBy: string | null }>> {
  if (!actor.officeId || !actor.id) return taskNotFound();
  const task = await findTask(ctx.database.db, actor.officeId, taskId);
  if (!task || task.status !== 'open') return taskNotFound();
  if (!actor.roles.includes(task.role)) {
    // A step may name further roles that may equally do it (orRoles).
    const app = await findCase(ctx.database.db, actor.officeId, task.application_id);
    const step = app ? stepById((await serviceOfCase(ctx, app.service_version_id)).procedure!, task.step_id) : undefined;
    if (!step || !mayDoStep(step, actor.roles)) return roleRequired(step ? stepRoles(step).join(' / ') : task.role);
  }
  if (!(await setTaskClaim(ctx.database.db, taskId, actor.id, release)))
    return failWith('conflict', 'claimed', 'Tugas ini sudah diambil petugas lain', 'Another officer has already claimed this task');
  return { ok: true, value: { claimedBy: release ? null : actor.id } };
}
