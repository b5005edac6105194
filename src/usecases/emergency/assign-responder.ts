/**
 * The head of division "memerintahkan Tim Reaksi Cepat" (Banjarmasin 13 step 3): assigns a team
 * member to a report for a task. The decree's credentials are checked first: an official ID for
 * every task, a driving licence (SIM) for pick-up and escort; a member without them is refused.
 */
import { findReportByNumber } from '../../db/emergency-repo.js';
import type { Task } from '../../domain/emergency/index.js';
import { fail, type FieldProblem, type Outcome } from '../../domain/errors.js';
import { may } from '../../domain/staff/permissions.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { checkAssignee, reportNotFound, writeAssignment } from './emergency-common.js';

export interface Assigned {
  registrationNumber: string;
  member: string;
  task: Task;
  /** Whether the member is on a duty shift now (assigning someone off duty is allowed: the head decides). */
  onDuty: boolean;
}

export async function assignResponder(ctx: Ctx, actor: Actor, registrationNumber: string, input: { member: string; task: Task }): Promise<Outcome<Assigned>> {
  if (!actor.officeId || !may(actor.roles, 'emergency.dispatch'))
    return fail('forbidden', { field: 'member', code: 'permission-required', message: 'Hanya Kepala Bidang atau Kepala Dinas yang menugaskan Tim Reaksi Cepat', messageEn: 'Only the head of division or head of office assigns the rapid-response team' });
  const db = ctx.database.db;
  const r = await findReportByNumber(db, actor.officeId, registrationNumber);
  if (!r) return reportNotFound();
  if (r.state === 'merged' || r.state === 'closed')
    return fail('conflict', { field: 'member', code: 'report-not-open', message: 'Laporan ini sudah tidak terbuka', messageEn: 'This report is no longer open' });
  const now = nowOf(ctx).toISOString();
  const who = await checkAssignee(ctx, actor.officeId, input.member, input.task, now);
  if (!who.ok) return who;
  const { user, onDuty } = who.value;
  await ctx.database.write((trx) =>
    writeAssignment(trx, ctx, { id: r.id, officeId: r.office_id, applicationId: r.application_id, registrationNumber, service: r.service_slug }, { id: user.id, name: user.name }, input.task, { id: actor.id, name: actor.name, onDuty, byRule: false }, now),
  );
  return { ok: true, value: { registrationNumber, member: user.name, task: input.task, onDuty } };
}
