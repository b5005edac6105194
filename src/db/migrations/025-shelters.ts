/**
 * Rumah singgah (issue 13 §3, docs/SHELTERS.md): shelters and their beds (room, sex, category), each
 * client's stay from intake to termination (bed, clock, belongings, the berita acara), and the stay's
 * events (intake decision, check-in override, basic services given, termination).
 */
import { sql, type Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

export async function up(db: Kysely<any>, _h: DialectHelpers): Promise<void> {
  await db.schema
    .createTable('shelters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shelters_office').on('shelters').columns(['office_id']).execute();
  // A bed belongs to a room; the room's sex and category are the bed's (Sragen: rooms per sex and category).
  await db.schema
    .createTable('shelter_beds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shelter_id', 'text', (c) => c.notNull().references('shelters.id'))
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('room', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('shelter_beds_label', ['shelter_id', 'room', 'label'])
    .execute();
  await db.schema
    .createTable('shelter_stays')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('shelter_id', 'text', (c) => c.notNull().references('shelters.id'))
    // intake → in-residence → terminated, or intake → referred ("rujukan lainnya").
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    // The emergency report the intake came from: one chain report → intake → stay → termination.
    .addColumn('emergency_report_id', 'text', (c) => c.references('emergency_reports.id'))
    .addColumn('requester', 'text')
    .addColumn('client_name', 'text', (c) => c.notNull())
    .addColumn('client_sex', 'text', (c) => c.notNull())
    .addColumn('client_category', 'text', (c) => c.notNull())
    .addColumn('client_nik', 'text')
    .addColumn('client_birth_date', 'text')
    .addColumn('intake_at', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('referred_to', 'text')
    .addColumn('bed_id', 'text', (c) => c.references('shelter_beds.id'))
    .addColumn('checked_in_at', 'text')
    .addColumn('override_reason', 'text')
    // JSON: [{ item, quantity }] listed at check-in, handed back at termination.
    .addColumn('belongings', 'text', (c) => c.notNull())
    .addColumn('terminated_at', 'text')
    // JSON: readiness, kind (family | escort) and who/what was recorded.
    .addColumn('termination', 'text')
    .addColumn('handover_number', 'text')
    .addColumn('handover_token', 'text')
    .addColumn('handover_sha256', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shelter_stays_shelter').on('shelter_stays').columns(['shelter_id', 'state']).execute();
  await db.schema.createIndex('shelter_stays_clock').on('shelter_stays').columns(['office_id', 'state', 'checked_in_at']).execute();
  // The board's bed → its stay in residence (the partial index below cannot serve a query whose state is a bound parameter).
  await db.schema.createIndex('shelter_stays_bed').on('shelter_stays').columns(['bed_id', 'state']).execute();
  // Of two check-ins into the same free bed exactly one wins.
  await sql`create unique index shelter_stays_one_per_bed on shelter_stays (bed_id) where state = 'in-residence'`.execute(db);
  await db.schema
    .createTable('shelter_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stay_id', 'text', (c) => c.notNull().references('shelter_stays.id'))
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shelter_events_stay').on('shelter_events').columns(['stay_id', 'at']).execute();
}
