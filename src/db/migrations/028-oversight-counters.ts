/**
 * Oversight counters (issue 15): per office, service and local month of submission, the closed
 * cases by status, on-time and actual time (a histogram in tenths of the decree's unit), with their
 * waits; and per stage. Written in the transaction that closes a case, so that evaluating a year
 * reads twelve small groups per service instead of every case. And the SPM needs register: the
 * persons assessed as needing a basic service in a budget year (Y of Permensos 9/2018's X/Y).
 */
import { sql, type Kysely } from 'kysely';

// OPEN_CASE_STATUSES as of this migration, written out: a migration must not change when the list does.
const OPEN = ['open', 'waiting-applicant', 'waiting-external', 'waiting-signature'];
import type { DialectHelpers } from '../dialect.js';

export async function up(db: Kysely<any>, _h: DialectHelpers): Promise<void> {
  await db.schema
    .createTable('oversight_counts')
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    // The local month the case was submitted in (its cohort), e.g. 2026-05.
    .addColumn('month', 'text', (c) => c.notNull())
    // completed | rejected | withdrawn
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('on_time', 'integer', (c) => c.notNull())
    // Actual time in tenths of the measure unit (working days ×10, minutes ×10); −1 when not measured.
    .addColumn('duration', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('applicant_paused', 'double precision', (c) => c.notNull())
    .addColumn('applicant_pauses', 'integer', (c) => c.notNull())
    .addColumn('external_paused', 'double precision', (c) => c.notNull())
    .addColumn('external_pauses', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('oversight_counts_pk', ['office_id', 'month', 'service_id', 'status', 'on_time', 'duration'])
    .execute();
  await db.schema
    .createTable('oversight_stage_counts')
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('started', 'integer', (c) => c.notNull())
    .addColumn('finished', 'integer', (c) => c.notNull())
    .addColumn('on_time', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('oversight_stage_counts_pk', ['office_id', 'month', 'service_id', 'stage_id'])
    .execute();
  // The backfill of cases closed before this migration needs each office's calendar, which only
  // the running application has: the migration leaves a marker and boot fills the counters once
  // (usecases/oversight/backfill-counters.ts), before anything is served.
  await db.schema
    .createTable('oversight_counts_state')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('oversight_counts_state').values({ key: 'backfill', value: 'pending' }).execute();
  // The evaluation counts the period's open cases live (their SLA state moves with time): a partial
  // index holds only open cases, so counting them reads a few index entries, never the closed
  // million; a case leaves it when it closes.
  await db.schema
    .createIndex('applications_open_by_submission')
    .on('applications')
    .columns(['office_id', 'submitted_at', 'service_id', 'status', 'sla_state'])
    .where(sql.ref('status'), 'in', OPEN)
    .execute();
  await db.schema
    .createTable('spm_needs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    // One of the five kab/kota indicators (domain/oversight/spm.ts).
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('nik', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('assessed_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('spm_needs_once', ['office_id', 'year', 'indicator', 'nik'])
    .execute();
  // Approved figures: one row per office and period (a month 2026-05 or a year 2026); `step` levels
  // of the office's chain have approved; locked once the last (the head) has.
  await db.schema
    .createTable('oversight_approvals')
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('locked', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('oversight_approvals_pk', ['office_id', 'period'])
    .execute();
}
