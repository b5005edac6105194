/** All SQL about complaints: the complaint rows, their events, notifications and public summaries. */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_MODES,
  COMPLAINT_SLA_STATES,
  COMPLAINT_STATUSES,
  COMPLAINT_TYPES,
  COORDINATIONS,
  type ComplaintChannel,
  type ComplaintMode,
  type ComplaintSlaState,
  type ComplaintStatus,
  type ComplaintType,
  type Coordination,
} from '../domain/complaints/index.js';
import type { DialectName } from './dialect.js';
import type { DB } from './schema.js';
import type { ComplaintEventsTable, ComplaintNotificationsTable, ComplaintsTable } from './schema-complaints.js';
import { insertAuditEvent } from './audit-chain-repo.js';

type Q = Kysely<DB> | Transaction<DB>;

/** A complaint as the use cases read it: columns decoded, status columns narrowed to the domain's words. */
export interface Complaint {
  id: string;
  officeId: string;
  receiptNumber: string;
  trackingCodeHash: string;
  channel: ComplaintChannel;
  externalRef: string | null;
  type: ComplaintType;
  mode: ComplaintMode;
  complainantName: string | null;
  complainantPhone: string | null;
  complainantEmail: string | null;
  text: string;
  serviceId: string | null;
  applicationId: string | null;
  stage: string;
  status: ComplaintStatus;
  routedTo: string | null;
  coordination: Coordination | null;
  referral: string | null;
  mergedInto: string | null;
  receivedAt: string;
  clockStartedAt: string;
  dueAt: string;
  slaState: ComplaintSlaState;
  escalatedAt: string | null;
  answer: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
  resolved: boolean | null;
  feedback: string | null;
  publicSummary: string | null;
  publishedAt: string | null;
  version: number;
}

/** A stored text column holds one of the domain's words; anything else is a broken invariant. */
function oneOf<T extends string>(words: readonly T[], value: string, column: string): T {
  if ((words as readonly string[]).includes(value)) return value as T;
  throw new Error(`complaints.${column} holds an unknown value ${JSON.stringify(value)}`);
}

const toComplaint = (r: ComplaintsTable): Complaint => ({
  id: r.id,
  officeId: r.office_id,
  receiptNumber: r.receipt_number,
  trackingCodeHash: r.tracking_code_hash,
  channel: oneOf(COMPLAINT_CHANNELS, r.channel, 'channel'),
  externalRef: r.external_ref,
  type: oneOf(COMPLAINT_TYPES, r.type, 'type'),
  mode: oneOf(COMPLAINT_MODES, r.mode, 'mode'),
  complainantName: r.complainant_name,
  complainantPhone: r.complainant_phone,
  complainantEmail: r.complainant_email,
  text: r.text,
  serviceId: r.service_id,
  applicationId: r.application_id,
  stage: r.stage,
  status: oneOf(COMPLAINT_STATUSES, r.status, 'status'),
  routedTo: r.routed_to,
  coordination: r.coordination === null ? null : oneOf(COORDINATIONS, r.coordination, 'coordination'),
  referral: r.referral,
  mergedInto: r.merged_into,
  receivedAt: r.received_at,
  clockStartedAt: r.clock_started_at,
  dueAt: r.due_at,
  slaState: oneOf(COMPLAINT_SLA_STATES, r.sla_state, 'sla_state'),
  escalatedAt: r.escalated_at,
  answer: r.answer,
  answeredAt: r.answered_at,
  answeredBy: r.answered_by,
  resolved: r.resolved === null ? null : r.resolved === 1,
  feedback: r.feedback,
  publicSummary: r.public_summary,
  publishedAt: r.published_at,
  version: r.version,
});

type NullableColumn = { [K in keyof ComplaintsTable]: null extends ComplaintsTable[K] ? K : never }[keyof ComplaintsTable];

/** A new complaint row: what intake knows; every column it leaves out starts empty. */
export type NewComplaintRow = Omit<ComplaintsTable, NullableColumn> & Partial<Pick<ComplaintsTable, NullableColumn>>;

const EMPTY: Pick<ComplaintsTable, NullableColumn> = {
  idempotency_key: null,
  idempotency_body: null,
  external_ref: null,
  complainant_name: null,
  complainant_phone: null,
  complainant_email: null,
  service_id: null,
  application_id: null,
  routed_to: null,
  coordination: null,
  referral: null,
  merged_into: null,
  escalated_at: null,
  answer: null,
  answered_at: null,
  answered_by: null,
  resolved: null,
  feedback: null,
  feedback_at: null,
  public_summary: null,
  published_at: null,
  closed_at: null,
  created_by: null,
};

export async function insertComplaint(q: Q, row: NewComplaintRow): Promise<void> {
  await q.insertInto('complaints').values({ ...EMPTY, ...row }).execute();
}

/** What happened to a complaint; who acted is Sigap itself unless an actor is named. */
export interface ComplaintEventInput {
  type: string;
  stage: string;
  at: string;
  actor?: { id: string | null; name: string };
  /** public (the complainant sees it) unless said otherwise. */
  visibility?: 'public' | 'internal';
  note?: string | null;
  data?: Record<string, unknown>;
}

/** An event row of a complaint, with the defaults every event shares. */
export function complaintEvent(c: { id: string; officeId: string }, e: ComplaintEventInput): Omit<ComplaintEventsTable, 'seq'> {
  return {
    id: randomUUID(),
    complaint_id: c.id,
    office_id: c.officeId,
    type: e.type,
    stage: e.stage,
    actor_id: e.actor?.id ?? null,
    actor_name: e.actor?.name ?? 'Sigap',
    visibility: e.visibility ?? 'public',
    note: e.note ?? null,
    data: JSON.stringify(e.data ?? {}),
    at: e.at,
  };
}

/** One statement per event, so that their sequence numbers follow the order given on both databases. */
export async function insertComplaintEvents(q: Q, ...rows: Omit<ComplaintEventsTable, 'seq'>[]): Promise<void> {
  for (const row of rows) await q.insertInto('complaint_events').values(row).execute();
}

export async function findComplaint(q: Q, officeId: string, id: string): Promise<Complaint | undefined> {
  const r = await q.selectFrom('complaints').selectAll().where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
  return r && toComplaint(r);
}

export async function findComplaintsByReceipt(q: Q, receiptNumber: string): Promise<Complaint[]> {
  return (await q.selectFrom('complaints').selectAll().where('receipt_number', '=', receiptNumber).execute()).map(toComplaint);
}

export async function findComplaintByReceiptInOffice(q: Q, officeId: string, receiptNumber: string): Promise<Complaint | undefined> {
  const r = await q.selectFrom('complaints').selectAll().where('office_id', '=', officeId).where('receipt_number', '=', receiptNumber).executeTakeFirst();
  return r && toComplaint(r);
}

/** The complaint an Idempotency-Key made, with the hash of the body it came with (null before migration 008). */
export async function findComplaintByIdempotencyKey(q: Q, officeId: string, key: string): Promise<(Complaint & { idempotencyBody: string | null }) | undefined> {
  const r = await q.selectFrom('complaints').selectAll().where('office_id', '=', officeId).where('idempotency_key', '=', key).executeTakeFirst();
  return r && { ...toComplaint(r), idempotencyBody: r.idempotency_body };
}

export async function receiptNumberOf(q: Q, id: string): Promise<string | null> {
  const r = await q.selectFrom('complaints').select('receipt_number').where('id', '=', id).executeTakeFirst();
  return r?.receipt_number ?? null;
}

/** An event as the timeline reads it: its data decoded. */
export interface ComplaintEvent {
  id: string;
  type: string;
  stage: string;
  actorId: string | null;
  actorName: string;
  visibility: string;
  note: string | null;
  data: Record<string, unknown>;
  at: string;
}

export async function complaintEvents(q: Q, complaintId: string, publicOnly = false): Promise<ComplaintEvent[]> {
  let query = q.selectFrom('complaint_events').select(['id', 'type', 'stage', 'actor_id', 'actor_name', 'visibility', 'note', 'data', 'at']).where('complaint_id', '=', complaintId);
  if (publicOnly) query = query.where('visibility', '=', 'public');
  const rows = await query.orderBy('seq').execute();
  return rows.map((e) => ({ id: e.id, type: e.type, stage: e.stage, actorId: e.actor_id, actorName: e.actor_name, visibility: e.visibility, note: e.note, data: JSON.parse(e.data) as Record<string, unknown>, at: e.at }));
}

/** The moment a list is read, for the clock states it shows (see `slaStateAt`). */
export interface ClockReading {
  dialect: DialectName;
  /** UTC ISO instant. */
  now: string;
  /** Share of the time budget after which a running clock is at risk (sla-clock.ts AT_RISK_SHARE). */
  atRiskShare: number;
}

/** Milliseconds since the epoch of a stored UTC instant, in the dialect's own date arithmetic. */
function epochMs(dialect: DialectName, column: 'clock_started_at' | 'due_at') {
  return dialect === 'sqlite'
    ? sql<number>`((julianday(${sql.ref(column)}) - 2440587.5) * 86400000.0)`
    : sql<number>`(extract(epoch from cast(${sql.ref(column)} as timestamptz)) * 1000)`;
}

/**
 * A complaint's clock state at the moment read, in SQL so that lists filter and count by it: the
 * stored state, or the later one the minute sweep has not written yet. The same rule as
 * `slaStateNow` (usecases/complaints/office-complaints.ts) and SlaClock.state.
 */
function slaStateAt(c: ClockReading): RawBuilder<string> {
  const start = epochMs(c.dialect, 'clock_started_at');
  const due = epochMs(c.dialect, 'due_at');
  const now = sql`cast(${Date.parse(c.now)} as double precision)`;
  return sql<string>`case
    when status = 'open' and sla_state in ('on-time', 'at-risk') and due_at < ${c.now} then 'late'
    when status = 'open' and sla_state = 'on-time' and ${now} >= cast(${start} + (${due} - ${start}) * ${c.atRiskShare} as double precision) then 'at-risk'
    else sla_state end`;
}

export interface ListFilter {
  status?: ComplaintStatus | undefined;
  stage?: string | undefined;
  slaState?: ComplaintSlaState | undefined;
  /** Leave confidential complaints out (every role except the complaint officer and the head). */
  excludeConfidential: boolean;
  limit: number;
  offset?: number | undefined;
}

export async function listComplaints(q: Q, officeId: string, f: ListFilter, clock: ClockReading): Promise<Complaint[]> {
  let query = q.selectFrom('complaints').selectAll().where('office_id', '=', officeId);
  if (f.excludeConfidential) query = query.where('mode', '<>', 'confidential');
  if (f.status) query = query.where('status', '=', f.status);
  if (f.stage) query = query.where('stage', '=', f.stage);
  if (f.slaState) query = query.where(sql<SqlBool>`${slaStateAt(clock)} = ${f.slaState}`);
  // Open first (most urgent first), then answered, then closed.
  const rows = await query
    .orderBy(sql`case status when 'open' then 0 when 'answered' then 1 else 2 end`)
    .orderBy('due_at', 'asc')
    .orderBy('received_at', 'asc')
    .limit(f.limit)
    .offset(f.offset ?? 0)
    .execute();
  return rows.map(toComplaint);
}

/** How many complaints are in each status and clock state (as read at `clock.now`). */
export async function countComplaints(q: Q, officeId: string, excludeConfidential: boolean, clock: ClockReading): Promise<{ status: string; slaState: string; n: number }[]> {
  let inner = q.selectFrom('complaints').select(['status', slaStateAt(clock).as('sla_now')]).where('office_id', '=', officeId);
  if (excludeConfidential) inner = inner.where('mode', '<>', 'confidential');
  const rows = await q
    .selectFrom(inner.as('c'))
    .select((eb) => ['c.status', 'c.sla_now', eb.fn.countAll<number>().as('n')])
    .groupBy(['c.status', 'c.sla_now'])
    .execute();
  return rows.map((r) => ({ status: r.status, slaState: r.sla_now, n: Number(r.n) }));
}

/** Open complaints whose running clock may have crossed a threshold. */
export async function sweepCandidates(q: Q, officeId: string): Promise<Complaint[]> {
  return (await q.selectFrom('complaints').selectAll().where('office_id', '=', officeId).where('status', '=', 'open').where('sla_state', 'in', ['on-time', 'at-risk']).execute()).map(toComplaint);
}

/** Answered complaints nobody has replied to, oldest answer first. */
export async function answeredWithoutReply(q: Q, officeId: string): Promise<Complaint[]> {
  return (await q.selectFrom('complaints').selectAll().where('office_id', '=', officeId).where('status', '=', 'answered').where('feedback_at', 'is', null).orderBy('answered_at').execute()).map(
    toComplaint,
  );
}

/** Written once per complaint, role and kind (the sweep may pass again). */
export async function insertComplaintNotification(q: Q, row: Omit<ComplaintNotificationsTable, 'id' | 'read_at'>): Promise<void> {
  await q
    .insertInto('complaint_notifications')
    .values({ id: randomUUID(), read_at: null, ...row })
    .onConflict((oc) => oc.columns(['complaint_id', 'role', 'kind']).doNothing())
    .execute();
}

export async function complaintNotificationsFor(q: Q, officeId: string, roles: string[], excludeConfidential: boolean) {
  if (!roles.length) return [];
  let query = q
    .selectFrom('complaint_notifications')
    .innerJoin('complaints', 'complaints.id', 'complaint_notifications.complaint_id')
    .select(['complaint_notifications.id', 'complaint_notifications.complaint_id', 'complaint_notifications.kind', 'complaint_notifications.message', 'complaint_notifications.created_at', 'complaints.receipt_number'])
    .where('complaint_notifications.office_id', '=', officeId)
    .where('complaint_notifications.role', 'in', roles)
    .where('complaint_notifications.read_at', 'is', null);
  if (excludeConfidential) query = query.where('complaints.mode', '<>', 'confidential');
  return query.orderBy('complaint_notifications.created_at', 'desc').limit(50).execute();
}

/** A published summary: never a confidential complaint, never anything about the complainant. */
export interface PublishedSummary {
  type: ComplaintType;
  serviceId: string | null;
  stage: string;
  receivedAt: string;
  answeredAt: string | null;
  resolved: boolean | null;
  summary: string | null;
  publishedAt: string;
}

export async function publishedSummaries(q: Q, officeId: string, limit: number): Promise<PublishedSummary[]> {
  const rows = await q
    .selectFrom('complaints')
    .select(['type', 'service_id', 'stage', 'received_at', 'answered_at', 'public_summary', 'published_at', 'resolved'])
    .where('office_id', '=', officeId)
    .where('published_at', 'is not', null)
    .where('mode', '<>', 'confidential')
    .orderBy('published_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    type: oneOf(COMPLAINT_TYPES, r.type, 'type'),
    serviceId: r.service_id,
    stage: r.stage,
    receivedAt: r.received_at,
    answeredAt: r.answered_at,
    resolved: r.resolved === null ? null : r.resolved === 1,
    summary: r.public_summary,
    publishedAt: r.published_at!,
  }));
}

export async function applicationIdByNumber(q: Q, officeId: string, registrationNumber: string): Promise<string | null> {
  const r = await q.selectFrom('applications').select('id').where('office_id', '=', officeId).where('registration_number', '=', registrationNumber).executeTakeFirst();
  return r?.id ?? null;
}

export async function registrationNumberOf(q: Q, applicationId: string): Promise<string | null> {
  const r = await q.selectFrom('applications').select('registration_number').where('id', '=', applicationId).executeTakeFirst();
  return r?.registration_number ?? null;
}

/** Every read of a complainant's identity is logged (UU 27/2022: reads of personal data are logged). */
export async function recordIdentityRead(q: Q, c: Complaint, actorName: string, at: string): Promise<void> {
  await insertAuditEvent(q, { officeId: c.officeId, actor: actorName, action: 'complaint.identity.read', subject: `complaint:${c.receiptNumber}`, detail: { mode: c.mode }, at });
}
