/**
 * The outbox worker (docs/NOTIFICATIONS.md): claims due messages channel by channel, sends each
 * through its adapter and marks it sent, or puts it back with exponential backoff; a message that
 * fails for good (attempts exhausted, or a refusal that will not change) hands over to the next
 * channel the citizen allows, in the same transaction that records the failure, and so does a
 * WhatsApp or SMS message never confirmed delivered in the office's time. The attempt id is
 * committed before the send (the e-mail's Message-ID, WhatsApp's callback data, SMS's callback
 * URL), so a send that went although we saw no answer is recognised instead of repeated.
 */
import type { Transaction } from 'kysely';
import { claimDue, findMessage, lastInbound, markFailed, markFallenBack, markSent, queueMessage, unconfirmed } from '../../db/notifications-repo.js';
import type { DB } from '../../db/schema.js';
import type { OutboxTable } from '../../db/schema-notifications.js';
import { DEFAULT_SETTINGS, internationalNumber, notBefore, withinServiceWindow, type ChainLink } from '../../domain/notifications/channel-settings.js';
import { messageFor, templateParameters } from '../../domain/notifications/channel-message.js';
import { backoffSeconds, MAX_ATTEMPTS, type NoticeFacts } from '../../domain/notifications/messages.js';
import type { MailSender } from '../../io/mail-smtp.js';
import { ProviderError } from '../../io/provider-error.js';
import { smsTwilio } from '../../io/sms-twilio.js';
import { whatsappCloud } from '../../io/whatsapp-cloud.js';
import type { Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { everyOfficeNotify, smsReady, whatsappReady, type OfficeNotify } from './notify-settings.js';

/** How long a claimed message belongs to its worker before another may take it over (a crashed worker's). */
export const LEASE_SECONDS = 300;

export interface OutboxRun {
  sent: number;
  retried: number;
  failed: number;
  /** Messages handed over to the next channel (failed for good, or not confirmed in time); present when any were. */
  fellBack?: number;
}

export interface SendOptions {
  limit?: number;
  /** Tests only: runs after a message was handed to the server and before it is marked (a throw there is a crash). */
  afterSend?: (m: OutboxTable) => void;
  /** How long a WhatsApp or SMS provider has to answer (10 s; tests shorten it). */
  providerTimeoutMs?: number;
}

/** Sends one claimed message; answers the provider's id of it, if any. */
type Send = (m: OutboxTable) => Promise<string | null>;

export async function sendOutbox(ctx: Ctx, mail: MailSender | null, opts: SendOptions = {}): Promise<OutboxRun> {
  const run: OutboxRun = { sent: 0, retried: 0, failed: 0 };
  const offices = await everyOfficeNotify(ctx);
  const quietHold = holdForQuiet(ctx, offices);
  // Nothing configured for a channel: its messages stay queued (the admin page says so); nothing is pretended.
  if (mail) {
    const host = messageIdHost(ctx.publicBaseUrl);
    await sendChannel(ctx, 'email', null, quietHold, opts, run, async (m) => {
      await mail.send({ to: m.recipient, subject: m.subject, text: m.body, messageId: `<${m.attempt_id}@${host}>` });
      return null;
    });
  }
  const ready = [...offices.values()];
  const wa = ready.filter(whatsappReady);
  if (wa.length) {
    const byOffice = new Map(wa.map((n) => [n.officeId, { n, sender: whatsappCloud(n.settings.whatsapp!, n.secrets.whatsappToken!, opts.providerTimeoutMs) }]));
    await sendChannel(ctx, 'whatsapp', [...byOffice.keys()], quietHold, opts, run, async (m) => {
      const { n, sender } = byOffice.get(m.office_id)!;
      const to = internationalNumber(m.recipient);
      const facts = m.facts ? (JSON.parse(m.facts) as NoticeFacts) : null;
      // Free text only inside the 24-hour window the citizen opened; otherwise the office's approved template.
      if (withinServiceWindow(await lastInbound(ctx.database.db, m.office_id, to), nowOf(ctx))) return (await sender.send({ to, attemptId: m.attempt_id!, text: m.body })).providerId;
      const template = n.settings.whatsapp!.templates[m.kind];
      if (!template || !facts)
        throw new ProviderError(`no approved WhatsApp template for "${m.kind}" and no message from the citizen in the last 24 hours`, true);
      return (await sender.send({ to, attemptId: m.attempt_id!, template: { ...template, parameters: templateParameters(facts) } })).providerId;
    });
  }
  const sms = ready.filter(smsReady);
  if (sms.length) {
    const byOffice = new Map(sms.map((n) => [n.officeId, smsTwilio(n.settings.sms!, n.secrets.smsAuthToken!, opts.providerTimeoutMs)]));
    const base = ctx.publicBaseUrl.replace(/\/$/, '');
    await sendChannel(ctx, 'sms', [...byOffice.keys()], quietHold, opts, run, async (m) => {
      const slug = ctx.catalogue.officeById(m.office_id).office.slug;
      const statusCallback = `${base}/api/v1/notifications/sms/${slug}/status?attempt=${m.attempt_id}`;
      return (await byOffice.get(m.office_id)!.send({ to: internationalNumber(m.recipient), body: m.body, statusCallback })).providerId;
    });
  }
  const unconfirmedFell = await fallBackUnconfirmed(ctx, offices);
  if (unconfirmedFell) run.fellBack = (run.fellBack ?? 0) + unconfirmedFell;
  return run;
}

async function sendChannel(ctx: Ctx, channel: string, offices: string[] | null, holdUntil: (m: OutboxTable) => string | null, opts: SendOptions, run: OutboxRun, send: Send): Promise<void> {
  const now = nowOf(ctx);
  const lease = new Date(now.getTime() + LEASE_SECONDS * 1000).toISOString();
  const postgres = ctx.database.dialect === 'postgres';
  const claimed = await ctx.database.write((trx) => claimDue(trx, postgres, channel, now.toISOString(), lease, opts.limit ?? 20, { offices, holdUntil }));
  for (const m of claimed) {
    const attemptId = m.attempt_id!;
    let providerId: string | null;
    try {
      providerId = await send(m);
    } catch (e) {
      const pe = e instanceof ProviderError ? e : null;
      const giveUp = m.attempts >= MAX_ATTEMPTS || !!pe?.permanent;
      const next = new Date(nowOf(ctx).getTime() + backoffSeconds(m.attempts) * 1000).toISOString();
      const error = e instanceof Error ? e.message : String(e);
      const fell = await ctx.database.write(async (trx) => {
        const held = await markFailed(trx, m.id, attemptId, { error, nextAttemptAt: next, giveUp });
        return held && giveUp ? fallBack(trx, m, nowOf(ctx).toISOString()) : false;
      });
      if (giveUp) run.failed++;
      else run.retried++;
      if (fell) run.fellBack = (run.fellBack ?? 0) + 1;
      continue;
    }
    opts.afterSend?.(m);
    await ctx.database.write((trx) => markSent(trx, m.id, attemptId, nowOf(ctx).toISOString(), providerId));
    run.sent++;
  }
}

/**
 * Queues the notice on the next channel of the row's chain, once: the row is marked handed over in
 * the caller's transaction, and (event, channel) is unique, so a second run or a late callback
 * cannot queue it twice. Answers whether a row was queued.
 */
export async function fallBack(trx: Transaction<DB>, row: OutboxTable, at: string): Promise<boolean> {
  const chain = JSON.parse(row.chain || '[]') as ChainLink[];
  const [next, ...rest] = chain;
  if (!next || !row.facts) return false;
  if (!(await markFallenBack(trx, row.id, at))) return false;
  // Worded when queued (office wording, this channel's stop link); older rows carry only the facts.
  const m = next.message ?? messageFor(next.channel, row.kind, JSON.parse(row.facts) as NoticeFacts);
  await queueMessage(trx, {
    office_id: row.office_id,
    application_id: row.application_id,
    complaint_id: row.complaint_id,
    event_id: row.event_id,
    channel: next.channel,
    kind: row.kind,
    recipient: next.to,
    subject: m.subject,
    body: m.body,
    created_at: at,
    chain: JSON.stringify(rest),
    facts: row.facts,
    fallback_from: row.channel,
    segments: m.segments,
    urgent: row.urgent,
  });
  return true;
}

/** WhatsApp and SMS messages with no delivery receipt within the office's time hand over to the next channel. */
async function fallBackUnconfirmed(ctx: Ctx, offices: Map<string, OfficeNotify>): Promise<number> {
  const now = nowOf(ctx);
  // The shortest time any office may set is a minute; each row is then held to its own office's.
  const rows = await unconfirmed(ctx.database.db, new Date(now.getTime() - 60_000).toISOString(), 100);
  let n = 0;
  for (const r of rows) {
    const minutes = (offices.get(r.office_id)?.settings ?? DEFAULT_SETTINGS).confirmMinutes;
    if (Date.parse(r.sent_at!) + minutes * 60_000 > now.getTime()) continue;
    const fell = await ctx.database.write(async (trx) => {
      // Re-read inside the transaction: a receipt may have arrived meanwhile.
      const fresh = await findMessage(trx, r.id);
      if (!fresh || fresh.fallen_back_at || (fresh.delivery && fresh.delivery !== 'sent')) return false;
      return fallBack(trx, fresh, now.toISOString());
    });
    if (fell) n++;
  }
  return n;
}

/** Quiet hours: a non-emergency message due inside them waits for their end (office-local time). */
function holdForQuiet(ctx: Ctx, offices: Map<string, OfficeNotify>): (m: OutboxTable) => string | null {
  const now = nowOf(ctx);
  return (m) => {
    const quiet = offices.get(m.office_id)?.settings.quiet;
    if (!quiet || m.urgent) return null;
    const until = notBefore(quiet, now, ctx.catalogue.officeById(m.office_id).office.timezone);
    return until.getTime() > now.getTime() ? until.toISOString() : null;
  };
}

/** The host part of the Message-ID: the office's public address, else a name that is clearly ours. */
function messageIdHost(publicBaseUrl: string): string {
  try {
    return new URL(publicBaseUrl).hostname || 'sigap.local';
  } catch {
    return 'sigap.local';
  }
}
