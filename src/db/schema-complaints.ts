/** Table types of the complaints capability, merged into DB in schema.ts. */
import type { Generated } from 'kysely';

export interface ComplaintsTable {
  id: string;
  office_id: string;
  /** e.g. JMB-ADU-2026-000123 */
  receipt_number: string;
  tracking_code_hash: string;
  idempotency_key: string | null;
  /** SHA-256 of the canonical request body the key first came with (008). */
  idempotency_body: string | null;
  /** A channel kind (standards CHANNEL_KINDS); `website` is Sigap's public form, `lapor` SP4N-LAPOR!. */
  channel: string;
  /** SP4N-LAPOR! tracking id, or another outside reference. */
  external_ref: string | null;
  /** pengaduan | aspirasi | permintaan-informasi | apresiasi */
  type: string;
  /** named | anonymous | confidential */
  mode: string;
  complainant_name: string | null;
  complainant_phone: string | null;
  complainant_email: string | null;
  text: string;
  service_id: string | null;
  application_id: string | null;
  /** A stage id of the office's complaint stages. */
  stage: string;
  /** open | answered | closed */
  status: string;
  routed_to: string | null;
  /** internal | external */
  coordination: string | null;
  referral: string | null;
  /** Id of the earlier complaint this one was merged into. */
  merged_into: string | null;
  received_at: string;
  /** When the response clock (re)started: receipt, or reopening after an unresolved answer. */
  clock_started_at: string;
  due_at: string;
  /** on-time | at-risk | late (clock running), met | missed (answered on time or late) */
  sla_state: string;
  escalated_at: string | null;
  answer: string | null;
  answered_at: string | null;
  answered_by: string | null;
  /** The complainant's verdict on the answer: 1 resolved, 0 not resolved, null not said. */
  resolved: number | null;
  feedback: string | null;
  feedback_at: string | null;
  public_summary: string | null;
  published_at: string | null;
  closed_at: string | null;
  created_by: string | null;
  version: number;
  updated_at: string;
}

export interface ComplaintEventsTable {
  seq: Generated<number>;
  id: string;
  complaint_id: string;
  office_id: string;
  type: string;
  /** The stage after the event. */
  stage: string;
  actor_id: string | null;
  actor_name: string;
  /** public (shown to the complainant) | internal (staff only) */
  visibility: string;
  note: string | null;
  data: string;
  at: string;
}

export interface ComplaintNotificationsTable {
  id: string;
  office_id: string;
  complaint_id: string;
  role: string;
  kind: string;
  message: string;
  created_at: string;
  read_at: string | null;
}

export interface ComplaintsTables {
  complaints: ComplaintsTable;
  complaint_events: ComplaintEventsTable;
  complaint_notifications: ComplaintNotificationsTable;
}
