/** An officer's unread notifications (at risk, late), for the roles they hold. */
import { unreadNotifications } from '../../db/applications-repo.js';
import type { Ctx } from '../context.js';

export async function listNotifications(ctx: Ctx, officeId: string, roles: string[]) {
  return unreadNotifications(ctx.database.db, officeId, roles);
}
