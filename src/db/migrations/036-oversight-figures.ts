/**
 * Approved figures kept as approved, and the oversight's scheduled notices (issue 15 §1/§4): a
 * snapshot of the figures when the head locks a period, the findings of the validation rules and
 * the evaluation reminders, and the claims that make each scheduled check run once across processes.
 */
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

export async function up(db: Kysely<any>, _h: DialectHelpers): Promise<void> {
  // One row per approval that locked a period; a reopening closes it (reopened_*) and keeps it as history.
  await db.schema
    .createTable('oversight_snapshots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text', (c) => c.notNull())
    // JSON: the evaluation per service and (for a year) the SPM indicators, as shown when approved.
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('reopened_by', 'text')
    .addColumn('reopened_at', 'text')
    .addColumn('reopen_reason', 'text')
    .execute();
  await db.schema.createIndex('oversight_snapshots_period').on('oversight_snapshots').columns(['office_id', 'period', 'approved_at']).execute();
  // A validation finding or a reminder; the unique key is what keeps a second run from telling twice.
  await db.schema
    .createTable('oversight_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    // finding | reminder
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    // The figures' period the notice is about (2026, 2026-05, 2026-Q2, a local date).
    .addColumn('period', 'text', (c) => c.notNull())
    // What it is about inside the period: an indicator, a shelter, a lot ('' when the whole office).
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('found_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('oversight_notices_once', ['office_id', 'rule', 'period', 'subject'])
    .execute();
  await db.schema.createIndex('oversight_notices_recent').on('oversight_notices').columns(['office_id', 'found_at']).execute();
  // A scheduled check claimed by one process for an office and a run period (a local date).
  await db.schema
    .createTable('oversight_runs')
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addColumn('notices', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('oversight_runs_pk', ['office_id', 'job', 'period'])
    .execute();
}
