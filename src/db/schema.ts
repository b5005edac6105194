/** Table types for Kysely. Timestamps are ISO 8601 UTC strings and JSON is text, so one set of
 * queries serves SQLite and PostgreSQL alike. */
import type { Generated } from 'kysely';
import type { ComplaintsTables } from './schema-complaints.js';
import type { LettersTables } from './schema-letters.js';
import type { PrivacyTables } from './schema-privacy.js';
import type { ProgrammesTables } from './schema-programmes.js';
import type { ProgrammeCyclesTables } from './schema-programme-cycles.js';
import type { ProgrammeGroupsTables } from './schema-programme-groups.js';
import type { SigningTables } from './schema-signing.js';
import type { NotificationsTables } from './schema-notifications.js';
import type { ClusterTables } from './schema-cluster.js';
import type { EmergencyTables } from './schema-emergency.js';
import type { SheltersTables } from './schema-shelters.js';
import type { LogisticsTables } from './schema-logistics.js';
import type { CallsTables } from './schema-calls.js';
import type { AccessLogColumns, RegistryTables } from './schema-registry.js';
import type { SurveysTables } from './schema-surveys.js';
import type { OversightTables } from './schema-oversight.js';

export interface OfficesTable {
  id: string;
  slug: string;
  current_version_id: string | null;
  created_at: string;
}

export interface OfficeVersionsTable {
  id: string;
  office_id: string;
  version: number;
  content_hash: string;
  content: string;
  decree_number: string | null;
  decree_date: string | null;
  loaded_at: string;
}

export interface ServicesTable {
  id: string;
  office_id: string;
  slug: string;
  no: number;
  current_version_id: string | null;
  /** 0 when the service disappeared from the office's latest standard. */
  active: number;
  created_at: string;
}

export interface ServiceVersionsTable {
  id: string;
  service_id: string;
  office_version_id: string;
  version: number;
  content_hash: string;
  content: string;
  loaded_at: string;
}

export interface AuditEventsTable {
  seq: Generated<number>;
  id: string;
  office_id: string | null;
  actor: string;
  action: string;
  subject: string;
  detail: string;
  at: string;
  /** The office's previous row's hash (docs/ARCHITECTURE.md, "The audit chain"); written only by db/audit-chain-repo.ts. */
  prev_hash: string;
  hash: string;
}

/** Per chained table and office: how many rows the chain has and the hash it ends on; its row is the lock appends take. */
export interface AuditChainHeadsTable {
  chain: string;
  /** office_id, or '' for rows without an office. */
  office_key: string;
  row_count: number;
  head_hash: string;
}

export interface StaffUsersTable {
  id: string;
  office_id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string;
  title: string | null;
  nip: string | null;
  rank: string | null;
  active: number;
  failed_attempts: number;
  locked_until: string | null;
  demo: number;
  created_at: string;
  /** Migration 023: the officer's work e-mail for staff messages (optional). */
  email: string | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  kind: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

/** Sign-in failures of an account from one client address (or 'signing'), migration 007. */
export interface SignInFailuresTable {
  user_id: string;
  address: string;
  failures: number;
  locked_until: string | null;
}

export interface CountersTable {
  office_id: string;
  name: string;
  value: number;
}

export interface ApplicationsTable {
  id: string;
  office_id: string;
  service_id: string;
  service_version_id: string;
  registration_number: string;
  tracking_code_hash: string;
  idempotency_key: string | null;
  /** SHA-256 of the canonical request body the key first came with (008). */
  idempotency_body: string | null;
  initiator: string;
  channel: string;
  applicant_nik: string | null;
  applicant_name: string;
  applicant: string;
  answers: string;
  eligibility: string;
  status: string;
  current_step: string | null;
  end_id: string | null;
  outcome_reason: string | null;
  submitted_at: string;
  clock_started_at: string | null;
  paused_since: string | null;
  pauses: string;
  due_at: string | null;
  expected_at: string | null;
  stages: string;
  sla_state: string;
  closed_at: string | null;
  created_by: string | null;
  version: number;
  updated_at: string;
}

export interface TasksTable {
  id: string;
  office_id: string;
  application_id: string;
  /** Copied from the case so the supervisor's view reads tasks alone. */
  service_id: string;
  step_id: string;
  role: string;
  status: string;
  /** The case's SLA state while this task is open, kept in step by the sweep. */
  sla_state: string;
  claimed_by: string | null;
  due_at: string | null;
  created_at: string;
  completed_at: string | null;
  completed_by: string | null;
}

export interface ApplicationEventsTable {
  seq: Generated<number>;
  id: string;
  application_id: string;
  office_id: string;
  type: string;
  step_id: string | null;
  outcome: string | null;
  actor_id: string | null;
  actor_name: string;
  note: string | null;
  data: string;
  sla_effect: string | null;
  at: string;
}

export interface UploadsTable {
  id: string;
  sha256: string;
  size: number;
  mime: string;
  original_name: string | null;
  uploaded_at: string;
  /** Keyed hash of the anonymous sender's client address (migration 013; null: staff, or before). */
  uploader?: string | null;
}

/** One row locked by the upload quota check and the sweep of unattached uploads (migration 013). */
export interface UploadQuotaLockTable {
  id: number;
}

export interface AttachmentsTable {
  id: string;
  application_id: string;
  requirement_id: string;
  upload_id: string | null;
  shown_to: string | null;
  created_at: string;
}

export interface NotificationsTable {
  id: string;
  office_id: string;
  application_id: string;
  role: string;
  kind: string;
  message: string;
  created_at: string;
  read_at: string | null;
}

export interface OfficeClosuresTable {
  id: string;
  office_id: string;
  date: string;
  reason: string;
  created_by: string;
  created_at: string;
  /** holiday | cuti-bersama | closure (migration 006; older rows are closures). */
  kind: Generated<string>;
  /** The id of the first row of a date range added at once; null for a single day added before 006. */
  group_id: string | null;
}

/** Weekly hours an office admin set, for the office (scope '') or one service (scope = its slug). */
export interface OfficeHoursTable {
  id: string;
  office_id: string;
  scope: string;
  /** JSON: { allDay, week, closedOnHolidays }. */
  hours: string;
  reason: string | null;
  set_by: string;
  set_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

/** Reads of personal data outside the registry (cases, uploads, letters, complaints, subject exports); chained like audit_events. */
export interface DataAccessLogTable extends AccessLogColumns {
  /** DATA_ACCESS_ACTIONS (domain/audit/data-access.ts). */
  action: string;
  /** DATA_RECORD_KINDS (domain/audit/data-access.ts). */
  record_kind: string;
  record_id: string;
  /** The person the record is about, when known: how a subject access request finds its history. */
  subject_nik: string | null;
  /** Why: the purpose the reading screen or route declares (e.g. 'case-work'). */
  purpose: string;
  /** JSON: which groups of fields were shown (e.g. ["identity","answers","id-scan"]). */
  detail: string;
}

export interface DB extends EmergencyTables, LettersTables, SigningTables, NotificationsTables, CallsTables, ClusterTables, RegistryTables, ComplaintsTables, SurveysTables, PrivacyTables, ProgrammesTables, SheltersTables, ProgrammeCyclesTables, ProgrammeGroupsTables, OversightTables, LogisticsTables {
  settings: SettingsTable;
  staff_users: StaffUsersTable;
  sessions: SessionsTable;
  sign_in_failures: SignInFailuresTable;
  counters: CountersTable;
  applications: ApplicationsTable;
  tasks: TasksTable;
  application_events: ApplicationEventsTable;
  uploads: UploadsTable;
  upload_quota_lock: UploadQuotaLockTable;
  attachments: AttachmentsTable;
  notifications: NotificationsTable;
  office_closures: OfficeClosuresTable;
  office_hours: OfficeHoursTable;
  offices: OfficesTable;
  office_versions: OfficeVersionsTable;
  services: ServicesTable;
  service_versions: ServiceVersionsTable;
  audit_events: AuditEventsTable;
  audit_chain_heads: AuditChainHeadsTable;
  data_access_log: DataAccessLogTable;
}
