/** The unread SLA warnings and escalations for the officer's roles (never about a confidential complaint they may not see). */
import { complaintNotificationsFor } from '../../db/complaints-repo.js';
import type { Actor, Ctx } from '../context.js';
import { complaintAccess } from './office-complaints.js';

export async function listComplaintNotifications(ctx: Ctx, actor: Actor) {
  if (!actor.officeId) return [];
  return complaintNotificationsFor(ctx.database.db, actor.officeId, actor.roles, !complaintAccess(actor).confidential);
}
