/**
 * The decreed cases a shelter stay files (issue 13): Banjarmasin 9's intake case, 10's termination
 * case, 11's referral to a panti. A link table, not columns on the stay, because a stay may be
 * referred more than once and older stays have none.
 */
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

export async function up(db: Kysely<any>, _h: DialectHelpers): Promise<void> {
  await db.schema
    .createTable('shelter_stay_cases')
    .addColumn('stay_id', 'text', (c) => c.notNull().references('shelter_stays.id'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('office_id', 'text', (c) => c.notNull())
    // intake | termination | referral
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('registration_number', 'text', (c) => c.notNull())
    .addColumn('service_slug', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('shelter_stay_cases_pk', ['stay_id', 'application_id'])
    .execute();
  // From a case back to its stay (the case page, a referral's end).
  await db.schema.createIndex('shelter_stay_cases_application').on('shelter_stay_cases').column('application_id').execute();
}
