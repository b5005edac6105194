/**
 * Two more of an office's emergency settings (issue 13): the radius within which two reports with
 * coordinates are at the same place, and whether a new report is assigned at once to the member on
 * duty. Existing offices keep today's behaviour: 200 m, and the head of division assigns. And the
index the board's monthly first-response figure reads.
 */
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

export async function up(db: Kysely<any>, _h: DialectHelpers): Promise<void> {
  await db.schema.alterTable('emergency_settings').addColumn('merge_radius_metres', 'integer', (c) => c.notNull().defaultTo(200)).execute();
  await db.schema.alterTable('emergency_settings').addColumn('auto_assign', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // The board's month of first responses: an office's reports by report time, whatever the service (firstResponseTally).
  await db.schema.createIndex('emergency_reports_month').on('emergency_reports').columns(['office_id', 'reported_at']).execute();
}
