/**
 * The office admin's calendar: the real weekly hours an office sets (for the office, or for a
 * service whose decree sets its own), and what kind of day an added closure is (national holiday,
 * cuti bersama, office closure), grouped when added as a date range. docs/CALENDAR.md describes them.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('office_hours')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    // '' for the office's own hours, else the slug of the service whose decree sets its own hours.
    .addColumn('scope', 'text', (c) => c.notNull())
    // { allDay, week: [{ days, open, close }], closedOnHolidays } as JSON text.
    .addColumn('hours', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('office_hours_scope', ['office_id', 'scope'])
    .execute();
  // Rows added before this migration are office closures, each its own group.
  await db.schema.alterTable('office_closures').addColumn('kind', 'text', (c) => c.notNull().defaultTo('closure')).execute();
  await db.schema.alterTable('office_closures').addColumn('group_id', 'text').execute();
}
