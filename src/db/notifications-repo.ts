/** All SQL about the notification outbox: queue a message beside its event, claim due ones, mark them. */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';
import type { OutboxTable } from './schema-notifications.js';

type Q = Kysely<DB> | Transaction<DB>;

export type NewOutboxMessage = Pick<OutboxTable, 'office_id' | 'application_id' | 'event_id' | 'channel' | 'kind' | 'recipient' | 'subject' | 'body' | 'created_at'>;

/** Queues a message inside the event's transaction; a second write for the same (event, channel) is ignored. */
export async function queueMessage(q: Q, m: NewOutboxMessage): Promise<void> {
  await q
    .insertInto('outbox')
    .values({ ...m, id: randomUUID(), status: 'queued', attempts: 0, next_attempt_at: m.created_at, attempt_id: null, lease_until: null, last_error: null, sent_at: null })
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
export async function claimDue(trx: Transaction<DB>, postgres: boolean, channel: string, now: string, leaseUntil: string, limit: number): Promise<OutboxTable[]> {
  let query = trx
    .selectFrom('outbox')
    .selectAll()
    .where('channel', '=', channel)
    .where((eb) => eb.or([eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now)]), eb.and([eb('status', '=', 'sending'), eb('lease_until', '<=', now)])]))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit);
  if (postgres) query = query.forUpdate().skipLocked();
  const rows = await query.execute();
  const claimed: OutboxTable[] = [];
  for (const r of rows) {
    const set = { status: 'sending', attempt_id: r.attempt_id ?? randomUUID(), attempts: r.attempts + 1, lease_until: leaseUntil };
    await trx.updateTable('outbox').set(set).where('id', '=', r.id).execute();
    claimed.push({ ...r, ...set });
  }
  return claimed;
}

/** The message went: only the attempt that holds it may say so. */
export async function markSent(q: Q, id: string, attemptId: string, now: string): Promise<void> {
  await q.updateTable('outbox').set({ status: 'sent', sent_at: now, lease_until: null, last_error: null }).where('id', '=', id).where('attempt_id', '=', attemptId).where('status', '=', 'sending').execute();
}

/** The attempt failed: back in the queue at `nextAttemptAt`, or given up (failed) after the maximum. */
export async function markFailed(q: Q, id: string, attemptId: string, f: { error: string; nextAttemptAt: string; giveUp: boolean }): Promise<void> {
  await q
    .updateTable('outbox')
    .set({ status: f.giveUp ? 'failed' : 'queued', next_attempt_at: f.nextAttemptAt, lease_until: null, last_error: f.error.slice(0, 500) })
    .where('id', '=', id)
    .where('attempt_id', '=', attemptId)
    .where('status', '=', 'sending')
    .execute();
}

/** A case's messages in the order of the events that caused them (events of one moment keep their order). */
export async function messagesOf(q: Q, applicationId: string): Promise<OutboxTable[]> {
  return q
    .selectFrom('outbox')
    .innerJoin('application_events as e', 'e.id', 'outbox.event_id')
    .selectAll('outbox')
    .where('outbox.application_id', '=', applicationId)
    .orderBy('e.seq')
    .orderBy('outbox.channel')
    .execute();
}

/** How many messages wait, per channel (the admin page says when nothing can send them). */
export async function waitingByChannel(q: Q): Promise<{ channel: string; waiting: number }[]> {
  const rows = await q.selectFrom('outbox').select(['channel']).select((eb) => eb.fn.countAll<string | number>().as('n')).where('status', 'in', ['queued', 'sending']).groupBy('channel').execute();
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
    .where('status', '=', 'queued')
    .where('channel', 'in', [...channels])
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
