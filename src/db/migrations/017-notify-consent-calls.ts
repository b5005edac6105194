/**
 * Call tasks (issue 16 §5): the phone calls the decrees promise ("pemohon akan dihubungi … melalui
 * telepon"), one row per (case, promise), opened when the case reaches the promised moment and
 * on the clock until a call connects. Each attempt is a case event; the row keeps the latest.
 */
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

export async function up(db: Kysely<any>, _h: DialectHelpers): Promise<void> {
  await db.schema
    .createTable('call_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('service_id', 'text', (c) => c.notNull())
    // The promise's id in the service's standard (calls[].id) and the role that calls.
    .addColumn('promise_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    // The promised moment: when the case entered the step.
    .addColumn('due_from', 'text', (c) => c.notNull())
    // open → done (a call connected); tidak-diangkat and nomor-salah keep it open to retry.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_outcome', 'text')
    .addColumn('last_at', 'text')
    .addColumn('first_attempt_at', 'text')
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text')
    // A case reaching the same moment twice (a step repeated) opens the promise once.
    .addUniqueConstraint('call_tasks_case_promise', ['application_id', 'promise_id'])
    .execute();
  await db.schema.createIndex('call_tasks_open').on('call_tasks').columns(['office_id', 'status', 'role']).execute();
}
