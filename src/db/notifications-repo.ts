/** All SQL about the notification outbox: queue a message beside its event, claim due ones, mark them. */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.js';
import type { OutboxTable } from './schema-notifications.js';

type Q = Kysely<DB> | Transaction<DB>;

export type NewOutboxMessage = Pick<OutboxTable, 'office_id' | 'event_id' | 'channel' | 'kind' | 'recipient' | 'subject' | 'body' | 'created_at'> &
  // Exactly one owner (migration 022's check): a case, or a complaint.
  (Pick<OutboxTable, 'application_id'> | { application_id: null; complaint_id: string }) &
  Partial<Pick<OutboxTable, 'complaint_id' | 'staff_user_id' | 'chain' | 'facts' | 'fallback_from' | 'segments' | 'urgent' | 'next_attempt_at'>>;

/** Queues a message inside the event's transaction; a second write for the same (event, channel) is ignored. */
export async function queueMessage(q: Q, m: NewOutboxMessage): Promise<void> {
  await q
    .insertInto('outbox')
    .values({
      chain: '[]',
      facts: null,
      fallback_from: null,
      segments: null,
      urgent: 0,
      next_attempt_at: m.created_at,
      ...m,
      id: randomUUID(),
      status: 'queued',
      attempts: 0,
      attempt_id: null,
      lease_until: null,
      last_error: null,
      sent_at: null,
      provider_id: null,
      delivery: null,
      delivery_at: null,
      fallen_back_at: null,
    })
    .onConflict((oc) => oc.columns(['event_id', 'channel']).doNothing())
    .execute();
}

/**
 * Claims up to `limit` messages due at `now` for one channel: queued ones whose time has come, and
 * ones a crashed worker left "sending" past their lease. Each gets its attempt id (kept if it has
 * one: a resend after a crash carries the same Message-ID), one more attempt and a lease; all in
 * the caller's transaction. On PostgreSQL concurrent workers skip each other's rows (SKIP LOCKED);
 * SQLite has one writer, so one process claims at a time anyway.
 */
export async function claimDue(
  trx: Transaction<DB>,
  postgres: boolean,
  channel: string,
  now: string,
  leaseUntil: string,
  limit: number,
  only?: { offices: readonly string[] | null; holdUntil: (m: OutboxTable) => string | null },
): Promise<OutboxTable[]> {
  if (only?.offices && only.offices.length === 0) return [];
  let query = trx
    .selectFrom('outbox')
    .selectAll()
    .where('channel', '=', channel)
    .where((eb) => eb.or([eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now)]), eb.and([eb('status', '=', 'sending'), eb('lease_until', '<=', now)])]))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit);
  // WhatsApp and SMS: only the offices whose provider is configured; the others' messages wait.
  if (only?.offices) query = query.where('office_id', 'in', only.offices);
  if (postgres) query = query.forUpdate().skipLocked();
  const rows = await query.execute();
  const claimed: OutboxTable[] = [];
  for (const r of rows) {
    // Quiet hours: put off to their end, no attempt spent.
    const hold = only?.holdUntil(r) ?? null;
    if (hold) {
      await trx.updateTable('outbox').set({ status: 'queued', next_attempt_at: hold, lease_until: null }).where('id', '=', r.id).execute();
      continue;
    }
    const set = { status: 'sending', attempt_id: r.attempt_id ?? randomUUID(), attempts: r.attempts + 1, lease_until: leaseUntil };
    await trx.updateTable('outbox').set(set).where('id', '=', r.id).execute();
    claimed.push({ ...r, ...set });
  }
  return claimed;
}

/** The message went: only the attempt that holds it may say so. `providerId` is the provider's id of it (WhatsApp, SMS). */
export async function markSent(q: Q, id: string, attemptId: string, now: string, providerId: string | null = null): Promise<void> {
  await q
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: now, lease_until: null, last_error: null, ...(providerId ? { provider_id: providerId } : {}) })
    .where('id', '=', id)
    .where('attempt_id', '=', attemptId)
    .where('status', '=', 'sending')
    .execute();
}

/** The attempt failed: back in the queue at `nextAttemptAt`, or given up (failed) after the maximum. Answers whether this attempt still held the row. */
export async function markFailed(q: Q, id: string, attemptId: string, f: { error: string; nextAttemptAt: string; giveUp: boolean }): Promise<boolean> {
  const r = await q
    .updateTable('outbox')
    .set({ status: f.giveUp ? 'failed' : 'queued', next_attempt_at: f.nextAttemptAt, lease_until: null, last_error: f.error.slice(0, 500) })
    .where('id', '=', id)
    .where('attempt_id', '=', attemptId)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** A row by id. */
export async function findMessage(q: Q, id: string): Promise<OutboxTable | undefined> {
  return q.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The row a provider callback speaks of: by the provider's message id, or by our attempt id when the send timed out before the id came back. */
export async function findByProviderRef(q: Q, channel: string, ref: { providerId?: string | null; attemptId?: string | null }): Promise<OutboxTable | undefined> {
  if (ref.providerId) {
    const byId = await q.selectFrom('outbox').selectAll().where('channel', '=', channel).where('provider_id', '=', ref.providerId).executeTakeFirst();
    if (byId) return byId;
  }
  if (ref.attemptId) return q.selectFrom('outbox').selectAll().where('channel', '=', channel).where('attempt_id', '=', ref.attemptId).executeTakeFirst();
  return undefined;
}

/**
 * A delivery receipt: the row's delivery status (and provider id if it had none: a late success
 * after a timeout). A message still "sending" or queued for a retry after that timeout is thereby
 * known to have gone, so it is marked sent and never sent again.
 */
export async function recordDelivery(q: Q, id: string, d: { delivery: string; at: string; providerId: string | null; error: string | null; wentOut: boolean }): Promise<void> {
  await q
    .updateTable('outbox')
    .set((eb) => ({
      delivery: d.delivery,
      delivery_at: d.at,
      provider_id: eb.fn.coalesce('provider_id', eb.val(d.providerId)),
      ...(d.error ? { last_error: d.error.slice(0, 500) } : {}),
      ...(d.wentOut ? { status: 'sent', sent_at: eb.fn.coalesce('sent_at', eb.val(d.at)), lease_until: null } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

/** Hands a row over to the next channel, once: answers false when another run already did. */
export async function markFallenBack(q: Q, id: string, at: string): Promise<boolean> {
  const r = await q.updateTable('outbox').set({ fallen_back_at: at }).where('id', '=', id).where('fallen_back_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** WhatsApp or SMS messages sent before `sentBefore`, with channels left to try, never confirmed delivered nor handed over. */
export async function unconfirmed(q: Q, sentBefore: string, limit: number): Promise<OutboxTable[]> {
  return q
    .selectFrom('outbox')
    .selectAll()
    .where('channel', 'in', ['whatsapp', 'sms'])
    .where('status', '=', 'sent')
    .where('fallen_back_at', 'is', null)
    .where('chain', '<>', '[]')
    .where((eb) => eb.or([eb('delivery', 'is', null), eb('delivery', '=', 'sent')]))
    .where('sent_at', '<=', sentBefore)
    .orderBy('sent_at')
    .limit(limit)
    .execute();
}

/** An office's notification settings row. */
export async function findNotifySettings(q: Q, officeId: string): Promise<{ settings: string; secrets: string | null; updated_at: string } | undefined> {
  return q.selectFrom('notify_settings').select(['settings', 'secrets', 'updated_at']).where('office_id', '=', officeId).executeTakeFirst();
}

/** Every office's settings (the worker reads them once a run; a handful of rows). */
export async function allNotifySettings(q: Q): Promise<{ office_id: string; settings: string; secrets: string | null }[]> {
  return q.selectFrom('notify_settings').select(['office_id', 'settings', 'secrets']).orderBy('office_id').execute();
}

export async function saveNotifySettings(q: Q, row: { office_id: string; settings: string; secrets: string | null; updated_at: string; updated_by: string | null }): Promise<void> {
  await q
    .insertInto('notify_settings')
    .values(row)
    .onConflict((oc) => oc.column('office_id').doUpdateSet({ settings: row.settings, secrets: row.secrets, updated_at: row.updated_at, updated_by: row.updated_by }))
    .execute();
}

/** The citizen wrote to the office on WhatsApp: the 24-hour window opens (a later message only moves it forward). */
export async function recordInbound(q: Q, officeId: string, phone: string, at: string): Promise<void> {
  await q
    .insertInto('notify_inbound')
    .values({ office_id: officeId, phone, last_at: at })
    .onConflict((oc) =>
      oc
        .columns(['office_id', 'phone'])
        .doUpdateSet((eb) => ({ last_at: eb.ref('excluded.last_at') }))
        .where((eb) => eb('notify_inbound.last_at', '<', eb.ref('excluded.last_at'))),
    )
    .execute();
}

export async function lastInbound(q: Q, officeId: string, phone: string): Promise<string | null> {
  const r = await q.selectFrom('notify_inbound').select('last_at').where('office_id', '=', officeId).where('phone', '=', phone).executeTakeFirst();
  return r?.last_at ?? null;
}

/** A complaint's messages in the order of the complaint events that caused them (its staff timeline). */
export async function complaintMessagesOf(q: Q, complaintId: string): Promise<OutboxTable[]> {
  return inEventOrder(q, 'complaint_events', 'complaint_id', complaintId);
}

/** The office's active officers holding any of `roles` who gave a work e-mail address (a staff message's recipients). */
export async function officersToTell(q: Q, officeId: string, roles: readonly string[]): Promise<{ id: string; email: string }[]> {
  if (roles.length === 0) return [];
  // An office has tens of accounts: roles (a JSON list) are matched here rather than in SQL.
  const rows = await q.selectFrom('staff_users').select(['id', 'email', 'roles']).where('office_id', '=', officeId).where('active', '=', 1).where('email', 'is not', null).orderBy('username').limit(500).execute();
  return rows.filter((r) => (JSON.parse(r.roles) as string[]).some((x) => roles.includes(x))).map((r) => ({ id: r.id, email: r.email! }));
}

/** One officer with a work e-mail address, active in the office (the named officer of an assignment). */
export async function officerToTell(q: Q, officeId: string, userId: string): Promise<{ id: string; email: string } | undefined> {
  const r = await q.selectFrom('staff_users').select(['id', 'email']).where('office_id', '=', officeId).where('id', '=', userId).where('active', '=', 1).where('email', 'is not', null).executeTakeFirst();
  return r ? { id: r.id, email: r.email! } : undefined;
}

/** A case's messages in the order of the events that caused them (events of one moment keep their order). */
export async function messagesOf(q: Q, applicationId: string): Promise<OutboxTable[]> {
  return inEventOrder(q, 'application_events', 'application_id', applicationId);
}

/** The messages of one case or complaint, joined to their events (staff messages, keyed to no event, stay out). */
function inEventOrder(q: Q, events: 'application_events' | 'complaint_events', owner: 'application_id' | 'complaint_id', id: string): Promise<OutboxTable[]> {
  // Both event tables have `id` and `seq`; Kysely cannot type a join over a union of tables.
  return (q as unknown as Kysely<any>)
    .selectFrom('outbox')
    .innerJoin(`${events} as e`, 'e.id', 'outbox.event_id')
    .selectAll('outbox')
    .where(`outbox.${owner}`, '=', id)
    .orderBy('e.seq')
    // One event's messages in the order they were tried: the first channel, then each hand-over.
    .orderBy('outbox.created_at')
    .orderBy(sql`case when outbox.fallback_from is null then 0 else 1 end`)
    .orderBy('outbox.channel')
    .execute() as Promise<OutboxTable[]>;
}

/** How many messages wait, per channel (the admin page says when nothing can send them); of one office when given. */
export async function waitingByChannel(q: Q, officeId?: string): Promise<{ channel: string; waiting: number }[]> {
  let query = q.selectFrom('outbox').select(['channel']).select((eb) => eb.fn.countAll<string | number>().as('n')).where('status', 'in', ['queued', 'sending']);
  if (officeId) query = query.where('office_id', '=', officeId);
  const rows = await query.groupBy('channel').execute();
  return rows.map((r) => ({ channel: r.channel, waiting: Number(r.n) }));
}

/** The applicant JSON of a case, read inside the transaction that changes its choice of channels. */
export async function applicantOf(q: Q, applicationId: string): Promise<Record<string, unknown> | undefined> {
  const r = await q.selectFrom('applications').select('applicant').where('id', '=', applicationId).executeTakeFirst();
  return r ? (JSON.parse(r.applicant) as Record<string, unknown>) : undefined;
}

/** Writes the citizen's choice (`applicant.notify`) into the case's applicant JSON; nothing else of it changes. */
export async function writeNotifyChoice(q: Q, applicationId: string, applicant: Record<string, unknown>): Promise<void> {
  await q.updateTable('applications').set({ applicant: JSON.stringify(applicant) }).where('id', '=', applicationId).execute();
}

/**
 * Cancels a case's messages not yet claimed on the given channels (the citizen stopped them): kept
 * with status `cancelled`, never deleted, so the history says what was not sent and why. A message
 * a worker already holds (`sending`) is past recall and is left to finish.
 */
export async function cancelQueued(q: Q, applicationId: string, channels: readonly string[], reason: string): Promise<number> {
  if (channels.length === 0) return 0;
  const r = await q
    .updateTable('outbox')
    .set({ status: 'cancelled', last_error: reason.slice(0, 500) })
    .where('application_id', '=', applicationId)
    // The citizen stops their own messages, never the officers' about their case.
    .where('staff_user_id', 'is', null)
    .where('status', '=', 'queued')
    .where('channel', 'in', [...channels])
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
