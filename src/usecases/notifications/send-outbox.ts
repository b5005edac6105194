/**
 * The outbox worker (docs/NOTIFICATIONS.md): claims due e-mail messages, sends each through the
 * channel's adapter and marks it sent, or puts it back with exponential backoff until the maximum.
 * The attempt id is committed before the send and sent as the Message-ID, so after a crash between
 * send and mark the resend is the same message to the receiver (SMTP itself cannot tell us whether
 * the first copy arrived: see the document).
 */
import { claimDue, markFailed, markSent } from '../../db/notifications-repo.js';
import type { OutboxTable } from '../../db/schema-notifications.js';
import { backoffSeconds, MAX_ATTEMPTS } from '../../domain/notifications/messages.js';
import type { MailSender } from '../../io/mail-smtp.js';
import type { Ctx } from '../context.js';
import { nowOf } from '../context.js';

/** How long a claimed message belongs to its worker before another may take it over (a crashed worker's). */
export const LEASE_SECONDS = 300;

export interface OutboxRun {
  sent: number;
  retried: number;
  failed: number;
}

export interface SendOptions {
  limit?: number;
  /** Tests only: runs after a message was handed to the server and before it is marked (a throw there is a crash). */
  afterSend?: (m: OutboxTable) => void;
}

export async function sendOutbox(ctx: Ctx, mail: MailSender | null, opts: SendOptions = {}): Promise<OutboxRun> {
  const run: OutboxRun = { sent: 0, retried: 0, failed: 0 };
  // Nothing configured: the messages stay queued (the admin page says so); nothing is pretended.
  if (!mail) return run;
  const now = nowOf(ctx);
  const lease = new Date(now.getTime() + LEASE_SECONDS * 1000).toISOString();
  const postgres = ctx.database.dialect === 'postgres';
  const claimed = await ctx.database.write((trx) => claimDue(trx, postgres, 'email', now.toISOString(), lease, opts.limit ?? 20));
  const host = messageIdHost(ctx.publicBaseUrl);
  for (const m of claimed) {
    const attemptId = m.attempt_id!;
    try {
      await mail.send({ to: m.recipient, subject: m.subject, text: m.body, messageId: `<${attemptId}@${host}>` });
    } catch (e) {
      const giveUp = m.attempts >= MAX_ATTEMPTS;
      const next = new Date(nowOf(ctx).getTime() + backoffSeconds(m.attempts) * 1000).toISOString();
      await ctx.database.write((trx) => markFailed(trx, m.id, attemptId, { error: e instanceof Error ? e.message : String(e), nextAttemptAt: next, giveUp }));
      if (giveUp) run.failed++;
      else run.retried++;
      continue;
    }
    opts.afterSend?.(m);
    await ctx.database.write((trx) => markSent(trx, m.id, attemptId, nowOf(ctx).toISOString()));
    run.sent++;
  }
  return run;
}

/** The host part of the Message-ID: the office's public address, else a name that is clearly ours. */
function messageIdHost(publicBaseUrl: string): string {
  try {
    return new URL(publicBaseUrl).hostname || 'sigap.local';
  } catch {
    return 'sigap.local';
  }
}
