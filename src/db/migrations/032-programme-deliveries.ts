/**
 * In-kind delivery proof and closing a cycle (issue 14 §3, docs/PROGRAMMES.md "Deliveries and
 * closing"): every delivery act at a recipient's address (receiver, time, position, photo, the
 * decree's condition checks) or its failure with a reason, kept; and who closed a cycle and why.
 */
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

export async function up(db: Kysely<any>, _h: DialectHelpers): Promise<void> {
  await db.schema
    .createTable('programme_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('programme_cycles.id'))
    .addColumn('recipient_id', 'text', (c) => c.notNull().references('programme_cycle_recipients.id'))
    // delivered | failed
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('receiver_name', 'text')
    // Null when the recipient received it in person.
    .addColumn('relation', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    // An upload (POST /api/v1/uploads); the upload sweep keeps what a delivery names.
    .addColumn('photo_upload_id', 'text')
    // JSON: the decree's condition checks, each id with true.
    .addColumn('checks', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('programme_deliveries_recipient').on('programme_deliveries').columns(['recipient_id', 'recorded_at']).execute();
  await db.schema.createIndex('programme_deliveries_photo').on('programme_deliveries').column('photo_upload_id').execute();
  await db.schema.alterTable('programme_cycles').addColumn('closed_by', 'text').execute();
  // Why the head closed it: remaining failures written off.
  await db.schema.alterTable('programme_cycles').addColumn('close_note', 'text').execute();
}
