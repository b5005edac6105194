/**
 * The rest of the emergency/shelter chain (issue 13): the outcomes recorded from a report or a stay
 * (referral to a hospital, pemulangan, identity documents), each with the decreed case it filed if
 * any; the restricted photos and videos of shelter clients; a guardian's consent for a child's stay.
 */
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

export async function up(db: Kysely<any>, _h: DialectHelpers): Promise<void> {
  await db.schema
    .createTable('chain_outcomes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    // From a report, a stay, or a stay that came from a report (both set).
    .addColumn('report_id', 'text', (c) => c.references('emergency_reports.id'))
    .addColumn('stay_id', 'text', (c) => c.references('shelter_stays.id'))
    // hospital | pemulangan | identity
    .addColumn('kind', 'text', (c) => c.notNull())
    // JSON: what the kind records (hospital, reason, escort, when; origin; documents asked for).
    .addColumn('data', 'text', (c) => c.notNull())
    // The decreed case filed with it (Banjarmasin 6, Jambi 20), if the office has such a service.
    .addColumn('application_id', 'text', (c) => c.references('applications.id'))
    .addColumn('registration_number', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chain_outcomes_report').on('chain_outcomes').columns(['report_id', 'at']).execute();
  await db.schema.createIndex('chain_outcomes_stay').on('chain_outcomes').columns(['stay_id', 'at']).execute();
  // Client photos and videos (Banjarmasin 11 "Foto Calon Klien", "Video"): specific personal data, in
  // the file store by content; only this row names them, and every view is logged.
  await db.schema
    .createTable('shelter_media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('stay_id', 'text', (c) => c.notNull().references('shelter_stays.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('caption', 'text')
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shelter_media_stay').on('shelter_media').columns(['stay_id', 'uploaded_at']).execute();
  await db.schema.createIndex('shelter_media_sha256').on('shelter_media').column('sha256').execute();
  // UU 27/2022 Pasal 25: a child's data is processed with the consent of a parent or guardian.
  await db.schema
    .createTable('shelter_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('stay_id', 'text', (c) => c.notNull().references('shelter_stays.id'))
    .addColumn('guardian_name', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('given_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shelter_consents_stay').on('shelter_consents').column('stay_id').execute();
}
