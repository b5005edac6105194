/** All SQL about complaints: the complaint rows, their events, notifications and public summaries. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.js';
import type { ComplaintEventsTable, ComplaintNotificationsTable, ComplaintsTable } from './schema-complaints.js';

type Q = Kysely<DB> | Transaction<DB>;
export type ComplaintRow = ComplaintsTable;
export type ComplaintEventRow = ComplaintEventsTable & { seq: number };

export async function insertComplaint(q: Q, row: ComplaintsTable): Promise<void> {
  await q.insertInto('complaints').values(row).execute();
}

export async function insertComplaintEvent(q: Q, row: Omit<ComplaintEventsTable, 'seq'>): Promise<void> {
  await q.insertInto('complaint_events').values(row).execute();
}

export async function findComplaint(q: Q, officeId: string, id: string): Promise<ComplaintRow | undefined> {
  return q.selectFrom('complaints').selectAll().where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
}

export async function findComplaintsByReceipt(q: Q, receiptNumber: string): Promise<ComplaintRow[]> {
  return q.selectFrom('complaints').selectAll().where('receipt_number', '=', receiptNumber).execute();
}

export async function findComplaintByReceiptInOffice(q: Q, officeId: string, receiptNumber: string): Promise<ComplaintRow | undefined> {
  return q.selectFrom('complaints').selectAll().where('office_id', '=', officeId).where('receipt_number', '=', receiptNumber).executeTakeFirst();
}

export async function findComplaintByIdempotencyKey(q: Q, officeId: string, key: string): Promise<ComplaintRow | undefined> {
  return q.selectFrom('complaints').selectAll().where('office_id', '=', officeId).where('idempotency_key', '=', key).executeTakeFirst();
}

export async function receiptNumberOf(q: Q, id: string): Promise<string | null> {
  const r = await q.selectFrom('complaints').select('receipt_number').where('id', '=', id).executeTakeFirst();
  return r?.receipt_number ?? null;
}

/** Optimistic update: only succeeds if nobody changed the complaint since `version`. */
export async function updateComplaintIfVersion(q: Q, id: string, version: number, set: Partial<ComplaintsTable>): Promise<boolean> {
  const r = await q
    .updateTable('complaints')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function complaintEvents(q: Q, complaintId: string, publicOnly = false): Promise<ComplaintEventRow[]> {
  let query = q.selectFrom('complaint_events').selectAll().where('complaint_id', '=', complaintId);
  if (publicOnly) query = query.where('visibility', '=', 'public');
  return (await query.orderBy('seq').execute()) as ComplaintEventRow[];
}

export interface ListFilter {
  status?: string;
  stage?: string;
  slaState?: string;
  /** Leave confidential complaints out (every role except the complaint officer and the head). */
  excludeConfidential: boolean;
  limit: number;
  offset?: number;
}

export async function listComplaints(q: Q, officeId: string, f: ListFilter): Promise<ComplaintRow[]> {
  let query = q.selectFrom('complaints').selectAll().where('office_id', '=', officeId);
  if (f.excludeConfidential) query = query.where('mode', '<>', 'confidential');
  if (f.status) query = query.where('status', '=', f.status);
  if (f.stage) query = query.where('stage', '=', f.stage);
  if (f.slaState) query = query.where('sla_state', '=', f.slaState);
  // Open first (most urgent first), then answered, then closed.
  return query
    .orderBy(sql`case status when 'open' then 0 when 'answered' then 1 else 2 end`)
    .orderBy('due_at', 'asc')
    .orderBy('received_at', 'asc')
    .limit(f.limit)
    .offset(f.offset ?? 0)
    .execute();
}

export async function countComplaints(q: Q, officeId: string, excludeConfidential: boolean): Promise<{ status: string; sla_state: string; n: number }[]> {
  let query = q
    .selectFrom('complaints')
    .select((eb) => ['status', 'sla_state', eb.fn.countAll<number>().as('n')])
    .where('office_id', '=', officeId);
  if (excludeConfidential) query = query.where('mode', '<>', 'confidential');
  const rows = await query.groupBy(['status', 'sla_state']).execute();
  return rows.map((r) => ({ status: r.status, sla_state: r.sla_state, n: Number(r.n) }));
}

/** Open complaints whose running clock may have crossed a threshold. */
export async function sweepCandidates(q: Q, officeId: string): Promise<ComplaintRow[]> {
  return q.selectFrom('complaints').selectAll().where('office_id', '=', officeId).where('status', '=', 'open').where('sla_state', 'in', ['on-time', 'at-risk']).execute();
}

/** Answered complaints nobody has replied to, oldest answer first. */
export async function answeredWithoutReply(q: Q, officeId: string): Promise<ComplaintRow[]> {
  return q.selectFrom('complaints').selectAll().where('office_id', '=', officeId).where('status', '=', 'answered').where('feedback_at', 'is', null).orderBy('answered_at').execute();
}

export async function insertComplaintNotification(q: Q, row: ComplaintNotificationsTable): Promise<void> {
  await q
    .insertInto('complaint_notifications')
    .values(row)
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

export async function publishedSummaries(q: Q, officeId: string, limit: number) {
  return q
    .selectFrom('complaints')
    .select(['id', 'type', 'service_id', 'stage', 'status', 'received_at', 'answered_at', 'public_summary', 'published_at', 'resolved'])
    .where('office_id', '=', officeId)
    .where('published_at', 'is not', null)
    .where('mode', '<>', 'confidential')
    .orderBy('published_at', 'desc')
    .limit(limit)
    .execute();
}

export async function applicationIdByNumber(q: Q, officeId: string, registrationNumber: string): Promise<string | null> {
  const r = await q.selectFrom('applications').select('id').where('office_id', '=', officeId).where('registration_number', '=', registrationNumber).executeTakeFirst();
  return r?.id ?? null;
}

export async function registrationNumberOf(q: Q, applicationId: string): Promise<string | null> {
  const r = await q.selectFrom('applications').select('registration_number').where('id', '=', applicationId).executeTakeFirst();
  return r?.registration_number ?? null;
}
