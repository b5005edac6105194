/**
 * All SQL of data-subject requests: the requests themselves, the identity proof (tracking-code
 * hashes of a person's own cases and complaints), and the reads that gather one person's export
 * across the capabilities (cases, uploads, letters, complaints, audit). Rows are decoded here.
 */
import type { Kysely, Transaction } from 'kysely';
import type { RequestChannel, RequestStatus } from '../domain/privacy/index.js';
import type { DB } from './schema.js';
import type { SubjectRequestsTable } from './schema-privacy.js';

type Q = Kysely<DB> | Transaction<DB>;

/** A request row with its proof decoded and its status and channel narrowed (the export stays text). */
export interface SubjectRequest {
  id: string;
  officeId: string;
  number: string;
  trackingCodeHash: string;
  channel: RequestChannel;
  nik: string;
  name: string;
  contact: string;
  proof: Record<string, unknown>;
  status: RequestStatus;
  receivedAt: string;
  dueAt: string;
  closedAt: string | null;
  closedBy: string | null;
  refusalReason: string | null;
  exportSha256: string | null;
  hasExport: boolean;
  version: number;
}

const toRequest = (r: Omit<SubjectRequestsTable, 'export_json'> & { has_export: number | string | null }): SubjectRequest => ({
  id: r.id,
  officeId: r.office_id,
  number: r.number,
  trackingCodeHash: r.tracking_code_hash,
  channel: r.channel as RequestChannel,
  nik: r.nik,
  name: r.name,
  contact: r.contact,
  proof: JSON.parse(r.proof) as Record<string, unknown>,
  status: r.status as RequestStatus,
  receivedAt: r.received_at,
  dueAt: r.due_at,
  closedAt: r.closed_at,
  closedBy: r.closed_by,
  refusalReason: r.refusal_reason,
  exportSha256: r.export_sha256,
  hasExport: Number(r.has_export ?? 0) === 1,
  version: Number(r.version),
});

const REQUEST_COLUMNS = [
  'id',
  'office_id',
  'number',
  'tracking_code_hash',
  'channel',
  'nik',
  'name',
  'contact',
  'proof',
  'status',
  'received_at',
  'due_at',
  'closed_at',
  'closed_by',
  'refusal_reason',
  'export_sha256',
  'created_by',
  'version',
] as const;

const selectRequests = (q: Q) =>
  q.selectFrom('subject_requests').select(REQUEST_COLUMNS).select((eb) => eb.case().when('export_json', 'is not', null).then(1).else(0).end().as('has_export'));

export async function insertSubjectRequest(q: Q, row: SubjectRequestsTable): Promise<void> {
  await q.insertInto('subject_requests').values(row).execute();
}

/** The office's requests, open ones first, each group by due time (bounded). */
export async function listSubjectRequests(q: Q, officeId: string, limit: number): Promise<SubjectRequest[]> {
  const rows = await selectRequests(q)
    .where('office_id', '=', officeId)
    .orderBy((eb) => eb.case().when('status', '=', 'open').then(0).else(1).end())
    .orderBy('due_at')
    .limit(limit)
    .execute();
  return rows.map(toRequest);
}

export async function findSubjectRequest(q: Q, officeId: string, id: string): Promise<SubjectRequest | undefined> {
  const r = await selectRequests(q).where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
  return r && toRequest(r);
}

export async function findSubjectRequestByNumber(q: Q, number: string): Promise<SubjectRequest | undefined> {
  const r = await selectRequests(q).where('number', '=', number).executeTakeFirst();
  return r && toRequest(r);
}

/** The frozen export of an answered request (JSON text), or undefined. */
export async function subjectExportText(q: Q, id: string): Promise<string | undefined> {
  const r = await q.selectFrom('subject_requests').select('export_json').where('id', '=', id).where('status', '=', 'answered').executeTakeFirst();
  return r?.export_json ?? undefined;
}

/** Closes an open request at the version the officer saw; false when it was closed or changed meanwhile. */
export async function closeSubjectRequest(
  q: Q,
  id: string,
  version: number,
  set: { status: 'answered' | 'refused'; closed_at: string; closed_by: string; refusal_reason?: string | null; export_json?: string | null; export_sha256?: string | null },
): Promise<boolean> {
  const r = await q
    .updateTable('subject_requests')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/* ---------- identity proof ---------- */

/** The tracking-code hashes of a person's cases in an office, and of complaints filed about those cases. */
export async function proofsOfNik(q: Q, officeId: string, nik: string, limit: number) {
  const cases = await q
    .selectFrom('applications')
    .select(['id', 'registration_number', 'tracking_code_hash'])
    .where('office_id', '=', officeId)
    .where('applicant_nik', '=', nik)
    .limit(limit)
    .execute();
  // One query whether or not the NIK has cases: a request for an unknown NIK does the same work.
  const complaints = await q
    .selectFrom('complaints')
    .innerJoin('applications', 'applications.id', 'complaints.application_id')
    .select(['complaints.id', 'complaints.receipt_number', 'complaints.tracking_code_hash'])
    .where('complaints.office_id', '=', officeId)
    .where('applications.applicant_nik', '=', nik)
    .limit(limit)
    .execute();
  return { cases, complaints };
}

/* ---------- the export's reads ---------- */

/** A person's cases in an office, oldest first. */
export async function casesOfNik(q: Q, officeId: string, nik: string, limit: number) {
  return q
    .selectFrom('applications')
    .innerJoin('services', 'services.id', 'applications.service_id')
    .select([
      'applications.id',
      'applications.registration_number',
      'services.slug as service',
      'applications.channel',
      'applications.status',
      'applications.submitted_at',
      'applications.closed_at',
      'applications.applicant',
      'applications.answers',
    ])
    .where('applications.office_id', '=', officeId)
    .where('applications.applicant_nik', '=', nik)
    .orderBy('applications.submitted_at')
    .limit(limit)
    .execute();
}

export async function caseEventsOf(q: Q, applicationIds: string[], limit: number) {
  if (!applicationIds.length) return [];
  return q
    .selectFrom('application_events')
    .select(['application_id', 'at', 'type', 'step_id', 'outcome', 'actor_name', 'note'])
    .where('application_id', 'in', applicationIds)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export async function caseUploadsOf(q: Q, applicationIds: string[], limit: number) {
  if (!applicationIds.length) return [];
  return q
    .selectFrom('attachments')
    .leftJoin('uploads', 'uploads.id', 'attachments.upload_id')
    .select(['attachments.application_id', 'attachments.requirement_id', 'attachments.shown_to', 'attachments.created_at', 'uploads.original_name', 'uploads.mime', 'uploads.size', 'uploads.sha256'])
    .where('attachments.application_id', 'in', applicationIds)
    .orderBy('attachments.created_at')
    .limit(limit)
    .execute();
}

/** Letters of the person's cases or naming them as holder. */
export async function lettersOfSubject(q: Q, officeId: string, nik: string, applicationIds: string[], limit: number) {
  return q
    .selectFrom('letters')
    .select(['id', 'number', 'title', 'status', 'issued_on', 'valid_until', 'token', 'signed_at'])
    .where('office_id', '=', officeId)
    .where((eb) => (applicationIds.length ? eb.or([eb('holder_nik', '=', nik), eb('application_id', 'in', applicationIds)]) : eb('holder_nik', '=', nik)))
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

/** The history of the given letters (drafted, numbered, signed, revoked), oldest first. */
export async function letterEventsOf(q: Q, letterIds: string[], limit: number) {
  if (!letterIds.length) return [];
  return q.selectFrom('letter_events').select(['letter_id', 'type', 'actor_name', 'at']).where('letter_id', 'in', letterIds).orderBy('seq').limit(limit).execute();
}

/** Complaints filed about the person's cases (complaints carry no NIK of their own). */
export async function complaintsOfCases(q: Q, officeId: string, applicationIds: string[], limit: number) {
  if (!applicationIds.length) return [];
  return q
    .selectFrom('complaints')
    .select(['id', 'receipt_number', 'type', 'status', 'received_at', 'text', 'answer', 'answered_at'])
    .where('office_id', '=', officeId)
    .where('application_id', 'in', applicationIds)
    .orderBy('received_at')
    .limit(limit)
    .execute();
}

/** Audit rows about the given subjects (e.g. `letter:<id>`), oldest first. */
export async function auditAbout(q: Q, officeId: string, subjects: string[], limit: number) {
  if (!subjects.length) return [];
  return q.selectFrom('audit_events').select(['at', 'actor', 'action', 'subject']).where('office_id', '=', officeId).where('subject', 'in', subjects).orderBy('seq').limit(limit).execute();
}
