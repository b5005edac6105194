/** A case of the officer's own office, by its id or by the id of one of its tasks (never another office's). */
import { findCase, findTask, type Case } from '../../db/applications-repo.js';
import type { Ctx } from '../context.js';

export async function findOfficeCase(ctx: Ctx, officeId: string, id: string): Promise<Case | undefined> {
  return findCase(ctx.database.db, officeId, id);
}

export async function caseIdOfTask(ctx: Ctx, officeId: string, taskId: string): Promise<string | undefined> {
  return (await taskRef(ctx, officeId, taskId))?.caseId;
}

/** A task of the officer's office: its case and its step. */
export async function taskRef(ctx: Ctx, officeId: string, taskId: string): Promise<{ caseId: string; stepId: string } | undefined> {
  const t = await findTask(ctx.database.db, officeId, taskId);
  return t && { caseId: t.application_id, stepId: t.step_id };
}
