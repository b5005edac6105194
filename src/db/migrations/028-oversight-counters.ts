/**
 * Oversight counters (issue 15): per office, service and local month of submission, the closed
 * cases by status, on-time and actual time (a histogram in tenths of the decree's unit), with their
 * waits; and per stage. Written in the transaction that closes a case, so that evaluating a year
 * reads twelve small groups per service instead of every case.
 */
import type { Kysely } from 'kysely';
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
}
