/** All SQL about cases: applications, their tasks and events, counters and uploads. */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ApplicationEventsTable, ApplicationsTable, DB, TasksTable } from './schema.js';

type Q = Kysely<DB> | Transaction<DB>;

/** Next value of a named counter inside the caller's transaction (no gaps on rollback). */
export async function nextCounter(q: Q, officeId: string, name: string): Promise<number> {
  const row = await q
    .insertInto('counters')
    .values({ office_id: officeId, name, value: 1 })
    .onConflict((oc) => oc.columns(['office_id', 'name']).doUpdateSet({ value: sql`counters.value + 1` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

const secrets = new WeakMap<object, Map<string, string>>();

/** A server secret, created once per database and cached per process (it never changes). */
export async function getSecret(db: Kysely<DB>, key: string): Promise<string> {
  const cached = secrets.get(db)?.get(key);
  if (cached) return cached;
  const value = await readOrCreateSecret(db, key);
  if (!secrets.has(db)) secrets.set(db, new Map());
  secrets.get(db)!.set(key, value);
  return value;
}

async function readOrCreateSecret(db: Kysely<DB>, key: string): Promise<string> {
  const found = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (found) return found.value;
  const value = randomBytes(32).toString('hex');
  await db.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doNothing()).execute();
  return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow()).value;
}

export async function insertApplication(q: Q, row: ApplicationsTable): Promise<void> {
  await q.insertInto('applications').values(row).execute();
}

export async function insertEvent(q: Q, row: Omit<ApplicationEventsTable, 'seq'>): Promise<void> {
  await q.insertInto('application_events').values(row).execute();
}

export async function insertTask(q: Q, row: TasksTable): Promise<void> {
  await q.insertInto('tasks').values(row).execute();
}

export async function closeOpenTasks(q: Q, applicationId: string, at: string, by: string | null, status = 'done'): Promise<void> {
  await q
    .updateTable('tasks')
    .set({ status, completed_at: at, completed_by: by })
    .where('application_id', '=', applicationId)
    .where('status', 'in', ['open', 'waiting'])
    .execute();
}

/** Optimistic update: only succeeds if nobody changed the case since `version`. */
export async function updateApplicationIfVersion(q: Q, id: string, version: number, set: Partial<ApplicationsTable>): Promise<boolean> {
  const r = await q
    .updateTable('applications')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findApplication(q: Q, officeId: string, id: string) {
  return q.selectFrom('applications').selectAll().where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
}

export async function findApplicationAnyOffice(q: Q, id: string) {
  return q.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findByIdempotencyKey(q: Q, officeId: string, key: string) {
  return q.selectFrom('applications').selectAll().where('office_id', '=', officeId).where('idempotency_key', '=', key).executeTakeFirst();
}

export async function findByRegistrationNumber(q: Q, number: string) {
  return q.selectFrom('applications').selectAll().where('registration_number', '=', number).execute();
}

export async function findTask(q: Q, officeId: string, id: string) {
  return q.selectFrom('tasks').selectAll().where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
}

export async function openTaskFor(q: Q, applicationId: string) {
  return q.selectFrom('tasks').selectAll().where('application_id', '=', applicationId).where('status', 'in', ['open', 'waiting']).executeTakeFirst();
}

export interface QueueRow {
  task_id: string;
  application_id: string;
  registration_number: string;
  service_id: string;
  service_version_id: string;
  step_id: string;
  role: string;
  claimed_by: string | null;
  due_at: string | null;
  version: number;
  status: string;
  applicant_name: string;
  sla_state: string;
  submitted_at: string;
}

/** The open tasks of some roles in one office, most urgent first. */
export async function queue(q: Q, officeId: string, roles: string[], opts: { limit: number; offset?: number; serviceId?: string; slaState?: string }): Promise<QueueRow[]> {
  if (roles.length === 0) return [];
  let query = q
    .selectFrom('tasks')
    .innerJoin('applications', 'applications.id', 'tasks.application_id')
    .select([
      'tasks.id as task_id',
      'tasks.application_id',
      'applications.registration_number',
      'applications.service_id',
      'applications.service_version_id',
      'tasks.step_id',
      'tasks.role',
      'tasks.claimed_by',
      'tasks.due_at',
      'applications.version',
      'applications.status',
      'applications.applicant_name',
      'applications.sla_state',
      'applications.submitted_at',
    ])
    .where('tasks.office_id', '=', officeId)
    .where('tasks.status', '=', 'open')
    .where('tasks.role', 'in', roles);
  if (opts.serviceId) query = query.where('applications.service_id', '=', opts.serviceId);
  if (opts.slaState) query = query.where('applications.sla_state', '=', opts.slaState);
  return query
    .orderBy('tasks.due_at', 'asc')
    .orderBy('tasks.created_at', 'asc')
    .limit(opts.limit)
    .offset(opts.offset ?? 0)
    .execute() as Promise<QueueRow[]>;
}

/** Supervisor's view: open cases of an office grouped by step and officer. */
export async function openCasesByStep(q: Q, officeId: string) {
  return q
    .selectFrom('tasks')
    .select((eb) => ['service_id', 'step_id', 'role', 'claimed_by', 'sla_state', eb.fn.countAll<number>().as('n'), eb.fn.min('due_at').as('oldest_due')])
    .where('office_id', '=', officeId)
    .where('status', 'in', ['open', 'waiting'])
    .groupBy(['service_id', 'step_id', 'role', 'claimed_by', 'sla_state'])
    .execute();
}

export async function events(q: Q, applicationId: string) {
  return q.selectFrom('application_events').selectAll().where('application_id', '=', applicationId).orderBy('seq').execute();
}

export async function attachmentsOf(q: Q, applicationId: string) {
  return q
    .selectFrom('attachments')
    .leftJoin('uploads', 'uploads.id', 'attachments.upload_id')
    .select(['attachments.requirement_id', 'attachments.shown_to', 'uploads.id as upload_id', 'uploads.mime', 'uploads.size', 'uploads.original_name', 'uploads.sha256'])
    .where('attachments.application_id', '=', applicationId)
    .execute();
}
