/** Whether an application's one-time survey was answered (the tracking page shows the link or a thank-you). */
import { responseForApplication } from '../../db/surveys-repo.js';
import type { Ctx } from '../context.js';

export async function surveyAnswered(ctx: Ctx, applicationId: string): Promise<boolean> {
  return !!(await responseForApplication(ctx.database.db, applicationId));
}
