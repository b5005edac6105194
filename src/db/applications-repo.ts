/**
 * All SQL about cases: applications, their tasks, events, attachments, uploads, notifications and
 * counters. Rows are decoded here (JSON columns parsed, status narrowed) so use cases never parse.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Eligibility, Pause, StageRecord } from '../domain/applications/case.js';
import { isCaseStatus, OPEN_CASE_STATUSES, type CaseStatus } from '../domain/applications/status.js';
import type { ApplicationEventsTable, ApplicationsTable, DB, TasksTable, UploadsTable } from './schema.js';
import { updateIfVersion } from './versioned.js';

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

// ---- cases ----------------------------------------------------------------------------------

/** A case row with its JSON columns decoded and its status narrowed. */
export interface Case extends Omit<ApplicationsTable, 'status' | 'applicant' | 'answers' | 'eligibility' | 'pauses' | 'stages'> {
  status: CaseStatus;
  applicant: Record<string, unknown> & { reporter?: Record<string, string> | null };
  answers: Record<string, unknown>;
  eligibility: Eligibility;
  pauses: Pause[];
  stages: StageRecord[];
  /** The row as stored, for capabilities that act on it inside a step (letters, registry). */
  row: ApplicationsTable;
}

export function toCase(r: ApplicationsTable): Case {
  if (!isCaseStatus(r.status)) throw new Error(`case ${r.id} has an unknown status "${r.status}"`);
  const eligibility = JSON.parse(r.eligibility) as Partial<Eligibility>;
  return {
    ...r,
    status: r.status,
    applicant: JSON.parse(r.applicant) as Case['applicant'],
    answers: JSON.parse(r.answers) as Record<string, unknown>,
    eligibility: { results: eligibility.results ?? [], registry: eligibility.registry ?? null },
    pauses: JSON.parse(r.pauses) as Pause[],
    stages: JSON.parse(r.stages) as StageRecord[],
    row: r,
  };
}

/** What a case row is written with; JSON columns are encoded here. */
export type CaseChanges = Partial<Omit<ApplicationsTable, 'id' | 'version' | 'pauses' | 'stages'>> & { pauses?: Pause[]; stages?: StageRecord[] };

function encode(set: CaseChanges): Partial<ApplicationsTable> {
  const { pauses, stages, ...rest } = set;
  return { ...rest, ...(pauses ? { pauses: JSON.stringify(pauses) } : {}), ...(stages ? { stages: JSON.stringify(stages) } : {}) };
}

export async function insertApplication(q: Q, row: ApplicationsTable): Promise<void> {
  await q.insertInto('applications').values(row).execute();
}

/** Optimistic update: only succeeds if nobody changed the case since `version`. */
export async function updateCaseIfVersion(q: Q, id: string, version: number, set: CaseChanges): Promise<boolean> {
  return updateIfVersion(q, 'applications', id, version, encode(set));
}

export async function findCase(q: Q, officeId: string, id: string): Promise<Case | undefined> {
  const r = await q.selectFrom('applications').selectAll().where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
  return r && toCase(r);
}

/** A case by id in any office: for the CLI and simulations, which act as the system. */
export async function findCaseAnyOffice(q: Q, id: string): Promise<Case | undefined> {
  const r = await q.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toCase(r);
}

/** The stored row of a case in any office (capabilities that act on rows: letters, surveys). */
export async function findApplicationAnyOffice(q: Q, id: string) {
  return q.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The raw row (capabilities that take a case's stored row: letters, surveys). */
export async function findApplication(q: Q, officeId: string, id: string) {
  return q.selectFrom('applications').selectAll().where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
}

/** The case an Idempotency-Key made, with the hash of the body it came with (null before migration 008). */
export async function findByIdempotencyKey(q: Q, officeId: string, key: string): Promise<(Case & { idempotencyBody: string | null }) | undefined> {
  const r = await q.selectFrom('applications').selectAll().where('office_id', '=', officeId).where('idempotency_key', '=', key).executeTakeFirst();
  return r && { ...toCase(r), idempotencyBody: r.idempotency_body };
}

/** Cases with this registration number (one per office at most). */
export async function findByRegistrationNumber(q: Q, number: string): Promise<Case[]> {
  return (await q.selectFrom('applications').selectAll().where('registration_number', '=', number).execute()).map(toCase);
}

// ---- events ---------------------------------------------------------------------------------

export type NewCaseEvent = Pick<ApplicationEventsTable, 'application_id' | 'office_id' | 'type' | 'actor_id' | 'actor_name' | 'at'> & {
  step_id?: string | null;
  outcome?: string | null;
  note?: string | null;
  data?: Record<string, unknown>;
  slaEffect?: Record<string, unknown> | null;
};

/** An event row with its defaults: a fresh id, no step, outcome or note, empty data. */
export function caseEvent(e: NewCaseEvent): Omit<ApplicationEventsTable, 'seq'> {
  return {
    id: randomUUID(),
    application_id: e.application_id,
    office_id: e.office_id,
    type: e.type,
    step_id: e.step_id ?? null,
    outcome: e.outcome ?? null,
    actor_id: e.actor_id,
    actor_name: e.actor_name,
    note: e.note ?? null,
    data: JSON.stringify(e.data ?? {}),
    sla_effect: e.slaEffect ? JSON.stringify(e.slaEffect) : null,
    at: e.at,
  };
}

/** Writes the event; its id lets the caller hang what the event causes on it (the outbox). */
export async function insertEvent(q: Q, e: NewCaseEvent): Promise<string> {
  const row = caseEvent(e);
  await q.insertInto('application_events').values(row).execute();
  return row.id;
}

export interface CaseEvent {
  id: string;
  type: string;
  step: string | null;
  outcome: string | null;
  actor: string;
  note: string | null;
  data: Record<string, unknown>;
  slaEffect: Record<string, unknown> | null;
  at: string;
}

export async function eventsOf(q: Q, applicationId: string): Promise<CaseEvent[]> {
  const rows = await q.selectFrom('application_events').selectAll().where('application_id', '=', applicationId).orderBy('seq').execute();
  return rows.map((e) => ({
    id: e.id,
    type: e.type,
    step: e.step_id,
    outcome: e.outcome,
    actor: e.actor_name,
    note: e.note,
    data: JSON.parse(e.data) as Record<string, unknown>,
    slaEffect: e.sla_effect ? (JSON.parse(e.sla_effect) as Record<string, unknown>) : null,
    at: e.at,
  }));
}

/** The steps a case has completed (the engine decides from them whether it may still be withdrawn). */
export async function completedSteps(q: Q, applicationId: string): Promise<string[]> {
  const rows = await q.selectFrom('application_events').select('step_id').where('application_id', '=', applicationId).where('type', '=', 'step-completed').execute();
  return rows.flatMap((r) => (r.step_id ? [r.step_id] : []));
}

// ---- tasks ----------------------------------------------------------------------------------

export type NewTask = Pick<TasksTable, 'office_id' | 'application_id' | 'service_id' | 'step_id' | 'role' | 'sla_state' | 'due_at' | 'created_at'> & { status?: 'open' | 'waiting' };

/** A task row with its defaults: a fresh id, open, unclaimed, not completed. */
export function newTask(t: NewTask): TasksTable {
  return { id: randomUUID(), status: 'open', claimed_by: null, completed_at: null, completed_by: null, ...t };
}

export async function insertTask(q: Q, t: NewTask): Promise<void> {
  await q.insertInto('tasks').values(newTask(t)).execute();
}

export async function closeOpenTasks(q: Q, applicationId: string, at: string, by: string | null, status: 'done' | 'cancelled' = 'done'): Promise<void> {
  await q
    .updateTable('tasks')
    .set({ status, completed_at: at, completed_by: by })
    .where('application_id', '=', applicationId)
    .where('status', 'in', ['open', 'waiting'])
    .execute();
}

/** A file is back from the applicant: the waiting task returns to the queue with the new due time. */
export async function reopenWaitingTask(q: Q, applicationId: string, set: { due_at: string | null; sla_state: string }): Promise<void> {
  await q.updateTable('tasks').set({ status: 'open', ...set }).where('application_id', '=', applicationId).where('status', '=', 'waiting').execute();
}

export async function findTask(q: Q, officeId: string, id: string) {
  return q.selectFrom('tasks').selectAll().where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
}

export async function openTaskFor(q: Q, applicationId: string) {
  return q.selectFrom('tasks').selectAll().where('application_id', '=', applicationId).where('status', 'in', ['open', 'waiting']).executeTakeFirst();
}

/** Claims an open task for an officer (or releases it): one officer holds a task at a time. */
export async function setTaskClaim(q: Q, taskId: string, officerId: string, release: boolean): Promise<boolean> {
  const r = await q
    .updateTable('tasks')
    .set({ claimed_by: release ? null : officerId })
    .where('id', '=', taskId)
    .where('status', '=', 'open')
    .where((eb) => (release ? eb('claimed_by', '=', officerId) : eb.or([eb('claimed_by', 'is', null), eb('claimed_by', '=', officerId)])))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
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
  clock_started_at: string | null;
  created_at: string;
}

/** Which open tasks a queue shows: some roles' tasks in one office, filtered; `now` decides which clocks ran out. */
export interface QueueScope {
  roles: string[];
  officerId: string;
  now: string;
  serviceId?: string;
  stepId?: string;
  slaState?: string;
  holder?: 'all' | 'mine' | 'unclaimed';
  /** Steps the officer may do through a step's further roles (orRoles): their tasks wait under the step's own role. */
  alsoSteps?: { serviceId: string; stepId: string }[];
}

/**
 * The clock state a queue filters and counts by: the stored one, except that a running clock past
 * its due time is late now, before the next sweep records it (the at-risk mark waits for the sweep).
 */
const liveSlaState = (now: string) =>
  sql<string>`case when applications.status = 'open' and applications.sla_state in ('on-time', 'at-risk') and tasks.due_at < ${now} then 'late' else applications.sla_state end`;

function openTasksOf(q: Q, officeId: string, scope: Pick<QueueScope, 'roles' | 'alsoSteps'>) {
  const also = scope.alsoSteps ?? [];
  const roles = scope.roles;
  return q
    .selectFrom('tasks')
    .innerJoin('applications', 'applications.id', 'tasks.application_id')
    .where('tasks.office_id', '=', officeId)
    .where('tasks.status', '=', 'open')
    .where((eb) =>
      also.length === 0
        ? eb('tasks.role', 'in', roles)
        : eb.or([...(roles.length ? [eb('tasks.role', 'in', roles)] : []), ...also.map((s) => eb.and([eb('tasks.service_id', '=', s.serviceId), eb('tasks.step_id', '=', s.stepId)]))]),
    );
}

const noTasks = (scope: Pick<QueueScope, 'roles' | 'alsoSteps'>) => scope.roles.length === 0 && !scope.alsoSteps?.length;

/** One page of a queue, most urgent first (no due time last, on both databases). */
export async function queue(q: Q, officeId: string, scope: QueueScope, page: { limit: number; offset: number }): Promise<QueueRow[]> {
  if (noTasks(scope)) return [];
  let query = openTasksOf(q, officeId, scope).select([
    'tasks.id as task_id',
    'tasks.application_id',
    'applications.registration_number',
    'applications.service_id',
    'applications.service_version_id',
    'tasks.step_id',
    'tasks.role',
    'tasks.claimed_by',
    'tasks.due_at',
    'tasks.created_at',
    'applications.version',
    'applications.status',
    'applications.applicant_name',
    liveSlaState(scope.now).as('sla_state'),
    'applications.submitted_at',
    'applications.clock_started_at',
  ]);
  if (scope.serviceId) query = query.where('applications.service_id', '=', scope.serviceId);
  if (scope.serviceId && scope.stepId) query = query.where('tasks.step_id', '=', scope.stepId);
  if (scope.slaState) query = query.where(liveSlaState(scope.now), '=', scope.slaState);
  if (scope.holder === 'mine') query = query.where('tasks.claimed_by', '=', scope.officerId);
  if (scope.holder === 'unclaimed') query = query.where('tasks.claimed_by', 'is', null);
  return query
    .orderBy(sql`case when tasks.due_at is null then 1 else 0 end`)
    .orderBy('tasks.due_at', 'asc')
    .orderBy('tasks.created_at', 'asc')
    .orderBy('tasks.id', 'asc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** A queue's open tasks counted by service, step, clock state and holder (mine / unclaimed / other), for its filters' counts. */
export async function queueCounts(q: Q, officeId: string, scope: Pick<QueueScope, 'roles' | 'officerId' | 'now' | 'alsoSteps'>) {
  if (noTasks(scope)) return [];
  const holder = sql<string>`case when tasks.claimed_by is null then 'unclaimed' when tasks.claimed_by = ${scope.officerId} then 'mine' else 'other' end`;
  const state = liveSlaState(scope.now);
  // Grouped by the output names: PostgreSQL would not match a repeated expression whose parameters are numbered anew.
  const rows = await openTasksOf(q, officeId, scope)
    .select((eb) => ['applications.service_id', 'tasks.step_id', state.as('live_state'), holder.as('holder_class'), eb.fn.countAll<number>().as('n')])
    .groupBy(['applications.service_id', 'tasks.step_id', sql`live_state`, sql`holder_class`])
    .execute();
  return rows.map((r) => ({ serviceId: r.service_id, stepId: r.step_id, slaState: r.live_state, holder: r.holder_class, n: Number(r.n) }));
}

/** Supervisor's view: open cases of an office grouped by step and officer. */
export async function openCasesByStep(q: Q, officeId: string) {
  const rows = await q
    .selectFrom('tasks')
    .select((eb) => ['service_id', 'step_id', 'role', 'claimed_by', 'sla_state', eb.fn.countAll<number>().as('n'), eb.fn.min('due_at').as('oldest_due')])
    .where('office_id', '=', officeId)
    .where('status', 'in', ['open', 'waiting'])
    .groupBy(['service_id', 'step_id', 'role', 'claimed_by', 'sla_state'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n), oldest_due: r.oldest_due === null ? null : String(r.oldest_due) }));
}

/** Display names of an office's staff, by id (who holds a task). */
export async function staffNames(q: Q, officeId: string): Promise<Map<string, string>> {
  const rows = await q.selectFrom('staff_users').select(['id', 'display_name']).where('office_id', '=', officeId).execute();
  return new Map(rows.map((u) => [u.id, u.display_name]));
}

// ---- SLA flags and notifications -----------------------------------------------------------

/** Running clocks with a due time that may have crossed the at-risk or late threshold. */
export async function slaCandidates(q: Q, officeId: string) {
  return q
    .selectFrom('applications')
    .innerJoin('tasks', (j) => j.onRef('tasks.application_id', '=', 'applications.id').on('tasks.status', '=', 'open'))
    .select(['applications.id', 'applications.registration_number', 'applications.service_id', 'applications.clock_started_at', 'applications.due_at', 'applications.sla_state', 'tasks.role'])
    .where('applications.office_id', '=', officeId)
    .where('applications.status', '=', 'open')
    .where('applications.sla_state', 'in', ['on-time', 'at-risk'])
    .where('applications.due_at', 'is not', null)
    .execute();
}

/** Cases waiting for their letters' signature, whose running clock may have crossed a threshold (no open task: the sweep notifies the signers). */
export async function heldForSignature(q: Q, officeId: string) {
  return q
    .selectFrom('applications')
    .select(['id', 'registration_number', 'service_id', 'clock_started_at', 'due_at', 'sla_state'])
    .where('office_id', '=', officeId)
    .where('status', '=', 'waiting-signature')
    .where('sla_state', 'in', ['on-time', 'at-risk'])
    .where('due_at', 'is not', null)
    .execute();
}

/**
 * Moves a case (and its open task) to a new clock state, only if it is still `from`: of two processes
 * sweeping at once, one wins and the other changes nothing (on PostgreSQL the second waits for the
 * first's row lock, then finds the state moved). Answers whether this call made the change.
 */
export async function setSlaState(q: Q, applicationId: string, from: string, to: string): Promise<boolean> {
  const r = await q.updateTable('applications').set({ sla_state: to }).where('id', '=', applicationId).where('sla_state', '=', from).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await q.updateTable('tasks').set({ sla_state: to }).where('application_id', '=', applicationId).where('status', '=', 'open').execute();
  return true;
}

/** One notification per case, role and kind: a second sweep of the same state adds nothing. */
export async function notifyOnce(q: Q, n: { officeId: string; applicationId: string; role: string; kind: string; message: string; at: string }): Promise<void> {
  await q
    .insertInto('notifications')
    .values({ id: randomUUID(), office_id: n.officeId, application_id: n.applicationId, role: n.role, kind: n.kind, message: n.message, created_at: n.at, read_at: null })
    .onConflict((oc) => oc.columns(['application_id', 'role', 'kind']).doNothing())
    .execute();
}

export async function unreadNotifications(q: Q, officeId: string, roles: string[], limit = 50) {
  if (!roles.length) return [];
  return q.selectFrom('notifications').selectAll().where('office_id', '=', officeId).where('role', 'in', roles).where('read_at', 'is', null).orderBy('created_at', 'desc').limit(limit).execute();
}

// ---- attachments and uploads ---------------------------------------------------------------

export async function attachmentsOf(q: Q, applicationId: string) {
  return q
    .selectFrom('attachments')
    .leftJoin('uploads', 'uploads.id', 'attachments.upload_id')
    .select(['attachments.requirement_id', 'attachments.shown_to', 'uploads.id as upload_id', 'uploads.mime', 'uploads.size', 'uploads.original_name', 'uploads.sha256'])
    .where('attachments.application_id', '=', applicationId)
    .execute();
}

export async function insertAttachments(q: Q, rows: { application_id: string; requirement_id: string; upload_id: string | null; shown_to: string | null; created_at: string }[]): Promise<void> {
  if (rows.length) await q.insertInto('attachments').values(rows.map((r) => ({ id: randomUUID(), ...r }))).execute();
}

export async function insertUpload(q: Q, row: UploadsTable): Promise<void> {
  await q.insertInto('uploads').values(row).execute();
}

/** Serialises upload quota checks with the sweep: an upsert locks the one row until the commit (PostgreSQL; SQLite writes are serial). */
export async function lockUploadQuota(q: Q): Promise<void> {
  await q.insertInto('upload_quota_lock').values({ id: 1 }).onConflict((oc) => oc.column('id').doUpdateSet({ id: 1 })).execute();
}

/** Bytes of uploads since `since` that no case refers to: from one sender (`uploader`), or from every anonymous sender (null). */
export async function unattachedBytes(q: Q, since: string, uploader: string | null): Promise<number> {
  let query = q
    .selectFrom('uploads')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('uploads.size'), eb.lit(0)).as('bytes'))
    .where('uploads.uploaded_at', '>=', since)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('attachments').select('attachments.id').whereRef('attachments.upload_id', '=', 'uploads.id'))));
  query = uploader === null ? query.where('uploads.uploader', 'is not', null) : query.where('uploads.uploader', '=', uploader);
  return Number((await query.executeTakeFirstOrThrow()).bytes);
}

/** Uploads older than `before` that no case refers to (the sweep deletes them), oldest first. */
export async function staleUnattachedUploads(q: Q, before: string, limit: number): Promise<{ id: string; sha256: string; size: number }[]> {
  return q
    .selectFrom('uploads')
    .select(['uploads.id', 'uploads.sha256', 'uploads.size'])
    .where('uploads.uploaded_at', '<', before)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('attachments').select('attachments.id').whereRef('attachments.upload_id', '=', 'uploads.id'))))
    // A delivery's photo (programme_deliveries) is proof kept with the cycle.
    .where((eb) => eb.not(eb.exists(eb.selectFrom('programme_deliveries').select('programme_deliveries.id').whereRef('programme_deliveries.photo_upload_id', '=', 'uploads.id'))))
    .orderBy('uploads.uploaded_at')
    .limit(limit)
    .execute();
}

export async function deleteUploads(q: Q, ids: string[]): Promise<void> {
  if (ids.length) await q.deleteFrom('uploads').where('id', 'in', ids).execute();
}

/** Which of these contents some upload row still names (a file is deleted only when none does). */
export async function contentsInUse(q: Q, sha256s: string[]): Promise<Set<string>> {
  if (!sha256s.length) return new Set();
  // A shelter client's photo or video is the same store's content without an upload row (shelter_media).
  const rows = await q.selectFrom('uploads').select('sha256').where('sha256', 'in', sha256s).union(q.selectFrom('shelter_media').select('sha256').where('sha256', 'in', sha256s)).execute();
  return new Set(rows.map((r) => r.sha256));
}

/** Which of these upload ids exist. */
export async function knownUploads(q: Q, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  return new Set((await q.selectFrom('uploads').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
}

/** An upload attached to a case of this office (staff never read another office's files). */
export async function uploadOfOfficeCase(q: Q, officeId: string, uploadId: string) {
  return q
    .selectFrom('uploads')
    .innerJoin('attachments', 'attachments.upload_id', 'uploads.id')
    .innerJoin('applications', 'applications.id', 'attachments.application_id')
    .select(['uploads.sha256', 'uploads.mime', 'applications.id as application_id', 'applications.applicant_nik', 'attachments.requirement_id', 'applications.service_version_id'])
    .where('uploads.id', '=', uploadId)
    .where('applications.office_id', '=', officeId)
    .executeTakeFirst();
}



// ---- case search and duplicates --------------------------------------------------------------

/** What staff search cases by: one of number, NIK or name, and optional filters; instants are UTC, `before` exclusive. */
export interface CaseSearch {
  number?: string;
  nik?: string;
  /** A lower-case part of the applicant's name. */
  name?: string;
  statuses?: readonly CaseStatus[];
  serviceId?: string;
  submittedFrom?: string;
  submittedBefore?: string;
  /** The dashboard's drill-down: the clock's state and the step the case is at. */
  slaState?: string;
  currentStep?: string;
}

/** One case in a list: enough to find it and open it. */
export interface CaseListRow {
  id: string;
  registration_number: string;
  applicant_name: string;
  applicant_nik: string | null;
  service_id: string;
  service_version_id: string;
  status: CaseStatus;
  submitted_at: string;
  closed_at: string | null;
}

const CASE_LIST_COLUMNS = [
  'applications.id',
  'applications.registration_number',
  'applications.applicant_name',
  'applications.applicant_nik',
  'applications.service_id',
  'applications.service_version_id',
  'applications.status',
  'applications.submitted_at',
  'applications.closed_at',
] as const;

function toCaseListRow(r: Omit<CaseListRow, 'status'> & { status: string }): CaseListRow {
  if (!isCaseStatus(r.status)) throw new Error(`case ${r.id} has an unknown status "${r.status}"`);
  return { ...r, status: r.status };
}

/** A LIKE pattern matching `part` anywhere, with LIKE's own characters taken literally (escape `!`). */
export const containing = (part: string) => `%${part.replace(/[!%_]/g, '!$&')}%`;

function searched(q: Q, officeId: string, s: CaseSearch) {
  let query = q.selectFrom('applications').where('applications.office_id', '=', officeId);
  if (s.number !== undefined) query = query.where('applications.registration_number', '=', s.number);
  if (s.nik !== undefined) query = query.where('applications.applicant_nik', '=', s.nik);
  // lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
  if (s.name !== undefined) query = query.where(sql<boolean>`lower(applications.applicant_name) like ${containing(s.name)} escape '!'`);
  if (s.statuses?.length) query = query.where('applications.status', 'in', s.statuses);
  if (s.serviceId) query = query.where('applications.service_id', '=', s.serviceId);
  if (s.submittedFrom) query = query.where('applications.submitted_at', '>=', s.submittedFrom);
  if (s.submittedBefore) query = query.where('applications.submitted_at', '<', s.submittedBefore);
  if (s.slaState) query = query.where('applications.sla_state', '=', s.slaState);
  if (s.currentStep) query = query.where('applications.current_step', '=', s.currentStep);
  return query;
}

/** One page of an office's cases matching a search, newest submission first. */
export async function searchCases(q: Q, officeId: string, s: CaseSearch, page: { limit: number; offset: number }): Promise<CaseListRow[]> {
  const rows = await searched(q, officeId, s)
    .select(CASE_LIST_COLUMNS)
    .orderBy('applications.submitted_at', 'desc')
    .orderBy('applications.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map(toCaseListRow);
}

/** How many of an office's cases match a search (for "page 2 of 7"). */
export async function countCases(q: Q, officeId: string, s: CaseSearch): Promise<number> {
  const r = await searched(q, officeId, s).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The cases of one person (NIK) for one service that are still open in an office, oldest first. */
export async function openCasesOfNik(q: Q, officeId: string, nik: string, serviceId: string): Promise<CaseListRow[]> {
  const rows = await searched(q, officeId, { nik, serviceId, statuses: OPEN_CASE_STATUSES }).select(CASE_LIST_COLUMNS).orderBy('applications.submitted_at', 'asc').execute();
  return rows.map(toCaseListRow);
}

// ---- calendar changes ------------------------------------------------------------------------

/** An office's open cases whose clock runs now (started, not paused): their due dates follow a calendar change. */
export async function runningCases(q: Q, officeId: string): Promise<Case[]> {
  const rows = await q
    .selectFrom('applications')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('status', '=', 'open')
    .where('clock_started_at', 'is not', null)
    .where('paused_since', 'is', null)
    .execute();
  return rows.map(toCase);
}

/** The open task of a case takes the case's new due time and clock state (the queue reads tasks alone). */
export async function setOpenTaskDue(q: Q, applicationId: string, set: { due_at: string | null; sla_state: string }): Promise<void> {
  await q.updateTable('tasks').set(set).where('application_id', '=', applicationId).where('status', '=', 'open').execute();
}
