/** What the admin page says about notifications: whether e-mail can go out, and how many messages wait. */
import { waitingByChannel } from '../../db/notifications-repo.js';
import type { Ctx } from '../context.js';

export interface OutboxStatus {
  mailConfigured: boolean;
  waiting: number;
}

export async function outboxStatus(ctx: Ctx): Promise<OutboxStatus> {
  const waiting = (await waitingByChannel(ctx.database.db)).find((c) => c.channel === 'email')?.waiting ?? 0;
  return { mailConfigured: !!ctx.mail, waiting };
}
