/** Table types of the data-subject requests capability, merged into DB in schema.ts. */

export interface SubjectRequestsTable {
  id: string;
  office_id: string;
  /** e.g. JMB-PDP-2026-000007 */
  number: string;
  tracking_code_hash: string;
  /** REQUEST_CHANNELS: website | counter */
  channel: string;
  nik: string;
  name: string;
  /** Phone or e-mail the person gave, to be told when the export is ready. */
  contact: string;
  /** JSON: how identity was shown, e.g. { kind: 'tracking-code', record: 'application', number } or { kind: 'ktp-seen', by }. */
  proof: string;
  /** REQUEST_STATUSES: open | answered | refused */
  status: string;
  received_at: string;
  /** received_at + 72 hours (domain/privacy/clock.ts). */
  due_at: string;
  closed_at: string | null;
  closed_by: string | null;
  refusal_reason: string | null;
  /** The JSON export as handed over (SubjectExport), frozen at answering. */
  export_json: string | null;
  export_sha256: string | null;
  created_by: string | null;
  version: number;
}

export interface PrivacyTables {
  subject_requests: SubjectRequestsTable;
}
