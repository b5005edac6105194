/**
 * Complaints (pengaduan) and the satisfaction survey (SKM). docs/COMPLAINTS-SKM.md describes the
 * tables; timestamps are ISO 8601 UTC text, dates are office-local YYYY-MM-DD text.
 */
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

export async function up(db: Kysely<any>, h: DialectHelpers): Promise<void> {
  await db.schema
    .createTable('complaints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('receipt_number', 'text', (c) => c.notNull())
    .addColumn('tracking_code_hash', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('external_ref', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    // Null for anonymous complaints: no identity is stored at all.
    .addColumn('complainant_name', 'text')
    .addColumn('complainant_phone', 'text')
    .addColumn('complainant_email', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text')
    .addColumn('application_id', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('routed_to', 'text')
    .addColumn('coordination', 'text')
    .addColumn('referral', 'text')
    .addColumn('merged_into', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    // When the response clock (re)started: receipt, or reopening after an unresolved answer.
    .addColumn('clock_started_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('sla_state', 'text', (c) => c.notNull())
    .addColumn('escalated_at', 'text')
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('resolved', 'integer')
    .addColumn('feedback', 'text')
    .addColumn('feedback_at', 'text')
    .addColumn('public_summary', 'text')
    .addColumn('published_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('complaints_office_receipt', ['office_id', 'receipt_number'])
    .addUniqueConstraint('complaints_office_idem', ['office_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('complaints_receipt').on('complaints').columns(['receipt_number']).execute();
  await db.schema.createIndex('complaints_office_status_due').on('complaints').columns(['office_id', 'status', 'due_at']).execute();
  await db.schema.createIndex('complaints_office_received').on('complaints').columns(['office_id', 'received_at']).execute();
  await db.schema.createIndex('complaints_office_published').on('complaints').columns(['office_id', 'published_at']).execute();

  await db.schema
    .createTable('complaint_events')
    .addColumn('seq', h.serial, (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    // 'public': the complainant sees it on the tracking page; 'internal': staff only.
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaint_events_complaint').on('complaint_events').columns(['complaint_id', 'seq']).execute();

  await db.schema
    .createTable('complaint_notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addUniqueConstraint('complaint_notifications_once', ['complaint_id', 'role', 'kind'])
    .execute();
  await db.schema.createIndex('complaint_notifications_office_role').on('complaint_notifications').columns(['office_id', 'role', 'read_at']).execute();

  await db.schema
    .createTable('survey_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('service_id', 'text')
    // One response per application: NULLs (kiosk, paper without a case) are distinct on both databases.
    .addColumn('application_id', 'text', (c) => c.unique())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('u1', 'integer')
    .addColumn('u2', 'integer')
    .addColumn('u3', 'integer')
    .addColumn('u4', 'integer')
    .addColumn('u5', 'integer')
    .addColumn('u6', 'integer')
    .addColumn('u7', 'integer')
    .addColumn('u8', 'integer')
    .addColumn('u9', 'integer')
    .addColumn('age_group', 'text')
    .addColumn('sex', 'text')
    .addColumn('education', 'text')
    .addColumn('occupation', 'text')
    .addColumn('suggestion', 'text')
    .addColumn('responded_on', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text')
    .addColumn('entered_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // Covering indexes: the IKM of a period (SUM/COUNT of the nine elements) reads the index only.
  const elements = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'];
  await db.schema.createIndex('survey_responses_office_day').on('survey_responses').columns(['office_id', 'responded_on', 'service_id', ...elements]).execute();
  await db.schema.createIndex('survey_responses_office_service_day').on('survey_responses').columns(['office_id', 'service_id', 'responded_on', ...elements]).execute();

  await db.schema
    .createTable('survey_kiosk_nonces')
    .addColumn('nonce_hash', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('survey_kiosk_nonces_issued').on('survey_kiosk_nonces').columns(['issued_at']).execute();

  await db.schema
    .createTable('survey_followups')
    .addColumn('office_id', 'text', (c) => c.notNull())
    // '' for the office as a whole, else a service id.
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_followups_pk', ['office_id', 'scope', 'period_from', 'period_to'])
    .execute();

  // IKM population: completed cases of an office (and service) closed within a period.
  await db.schema.createIndex('applications_ikm_population').on('applications').columns(['office_id', 'status', 'closed_at']).execute();
}
