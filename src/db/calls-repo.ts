/** All SQL about call tasks: open one at the promised moment, record attempts, list the open ones, read the figures. */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';
import type { CallTasksTable } from './schema-calls.js';

type Q = Kysely<DB> | Transaction<DB>;

export type CallTask = CallTasksTable;

/** Opens the call a promise makes; a case reaching the same moment again opens nothing more. Answers whether it opened one. */
export async function openCallTask(q: Q, t: Pick<CallTasksTable, 'office_id' | 'application_id' | 'service_id' | 'promise_id' | 'role' | 'due_from'>): Promise<string | null> {
  const id = randomUUID();
  const r = await q
    .insertInto('call_tasks')
    .values({ ...t, id, status: 'open', attempts: 0, last_outcome: null, last_at: null, first_attempt_at: null, done_at: null, done_by: null })
    .onConflict((oc) => oc.columns(['application_id', 'promise_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0 ? id : null;
}

export async function callTasksOf(q: Q, applicationId: string): Promise<CallTask[]> {
  return q.selectFrom('call_tasks').selectAll().where('application_id', '=', applicationId).orderBy('due_from').orderBy('id').execute();
}

export async function findCallTask(q: Q, officeId: string, id: string): Promise<CallTask | undefined> {
  return q.selectFrom('call_tasks').selectAll().where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
}

/** Records one attempt on a still-open call (the status guard makes a double submit count once); answers whether it did. */
export async function recordCallAttempt(q: Q, task: CallTask, a: { outcome: string; at: string; by: string | null; done: boolean }): Promise<boolean> {
  const r = await q
    .updateTable('call_tasks')
    .set({
      attempts: task.attempts + 1,
      last_outcome: a.outcome,
      last_at: a.at,
      first_attempt_at: task.first_attempt_at ?? a.at,
      ...(a.done ? { status: 'done', done_at: a.at, done_by: a.by } : {}),
    })
    .where('id', '=', task.id)
    .where('status', '=', 'open')
    .where('attempts', '=', task.attempts)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The office's open calls for these roles, oldest moment first, with the case's number and service (at most `limit`). */
export async function openCallsFor(q: Q, officeId: string, roles: readonly string[], limit: number) {
  if (roles.length === 0) return [];
  return q
    .selectFrom('call_tasks as c')
    .innerJoin('applications as a', 'a.id', 'c.application_id')
    .select(['c.id', 'c.application_id', 'c.service_id', 'c.promise_id', 'c.role', 'c.due_from', 'c.attempts', 'c.last_outcome', 'c.last_at', 'a.registration_number'])
    .where('c.office_id', '=', officeId)
    .where('c.status', '=', 'open')
    .where('c.role', 'in', [...roles])
    .orderBy('c.due_from')
    .orderBy('c.id')
    .limit(limit)
    .execute();
}

/** The times of an office's calls opened in [from, to), for the figures (count, median time to call); at most `limit` rows. */
export async function callTimes(q: Q, officeId: string, from: string, to: string, limit: number) {
  return q
    .selectFrom('call_tasks')
    .select(['due_from', 'first_attempt_at', 'done_at'])
    .where('office_id', '=', officeId)
    .where('due_from', '>=', from)
    .where('due_from', '<', to)
    .orderBy('due_from')
    .limit(limit)
    .execute();
}
