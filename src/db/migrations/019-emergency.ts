/**
 * Emergency reports around the decreed emergency cases (issue 13, docs/EMERGENCY.md): the report
 * (channel, place, subject category, first-response due and met), its events, the duty roster and
 * the members' credentials, the team's assignments, and each office's configurable thresholds.
 */
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

export async function up(db: Kysely<any>, _h: DialectHelpers): Promise<void> {
  await db.schema
    .createTable('emergency_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    // The decreed case this report is: its procedure and clock run as the service says.
    .addColumn('application_id', 'text', (c) => c.notNull().unique().references('applications.id'))
    .addColumn('registration_number', 'text', (c) => c.notNull())
    .addColumn('service_slug', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    // When the report came in ("dari Pelaporan"), and when it was written down here (may be later).
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('received_by', 'text')
    .addColumn('location_text', 'text', (c) => c.notNull())
    .addColumn('lat', 'real')
    .addColumn('lng', 'real')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('subject_name', 'text')
    .addColumn('reporter_name', 'text')
    .addColumn('reporter_phone', 'text')
    // Null when the service decrees no first-response limit (the board shows the age, never a made-up due time).
    .addColumn('first_response_due_at', 'text')
    .addColumn('first_response_at', 'text')
    // open → responded → closed; merged when folded into another report (its reporter keeps this receipt).
    .addColumn('state', 'text', (c) => c.notNull())
    // none → kepala-bidang → kepala-dinas: how far the missing first response has been escalated.
    .addColumn('escalation', 'text', (c) => c.notNull())
    .addColumn('merged_into', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  // The dispatch board: an office's open reports by due time.
  await db.schema.createIndex('emergency_reports_board').on('emergency_reports').columns(['office_id', 'state', 'first_response_due_at']).execute();
  // The board's "responded in the last hours" and the duplicate check's window.
  await db.schema.createIndex('emergency_reports_responded').on('emergency_reports').columns(['office_id', 'state', 'first_response_at']).execute();
  await db.schema.createIndex('emergency_reports_reported').on('emergency_reports').columns(['office_id', 'service_slug', 'reported_at']).execute();
  await db.schema
    .createTable('emergency_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('emergency_reports.id'))
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('emergency_events_report').on('emergency_events').columns(['report_id', 'at']).execute();
  await db.schema
    .createTable('emergency_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('emergency_reports.id'))
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('task', 'text', (c) => c.notNull())
    .addColumn('assigned_by', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('emergency_assignments_report').on('emergency_assignments').columns(['report_id']).execute();
  // Who is on call, when (an office's shifts; a member may hold several).
  await db.schema
    .createTable('duty_shifts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('duty_shifts_office').on('duty_shifts').columns(['office_id', 'ends_at']).execute();
  // The credentials Banjarmasin's decree requires of its TRC: an official ID, and a SIM for pick-up and escort.
  await db.schema
    .createTable('duty_members')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('staff_users.id'))
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('official_id', 'text')
    .addColumn('licence', 'text')
    .addColumn('licence_valid_until', 'text')
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('emergency_settings')
    .addColumn('office_id', 'text', (c) => c.primaryKey().references('offices.id'))
    .addColumn('at_risk_share', 'real', (c) => c.notNull())
    .addColumn('review_hours', 'integer', (c) => c.notNull())
    .addColumn('merge_window_minutes', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
