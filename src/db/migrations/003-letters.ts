import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

/** Letters: drafts to signed PDFs, their events, and signing delegations (docs/LETTERS.md). */
export async function up(db: Kysely<any>, h: DialectHelpers): Promise<void> {
  await db.schema
    .createTable('letters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('letter_type', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('template_source', 'text', (c) => c.notNull())
    .addColumn('step_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('number', 'text')
    .addColumn('number_seq', 'integer')
    .addColumn('counter', 'text')
    .addColumn('numbered_at', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('holder_nik', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('paper', 'text', (c) => c.notNull())
    .addColumn('signer_role', 'text', (c) => c.notNull())
    .addColumn('validity', 'text')
    .addColumn('issued_on', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('signed_at', 'text')
    .addColumn('signed_by', 'text')
    .addColumn('signer', 'text')
    .addColumn('sha256', 'text')
    .addColumn('size', 'integer')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .addColumn('revocation_reason', 'text')
    .addColumn('replaced_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('letters_office_number', ['office_id', 'number'])
    .execute();
  await db.schema.createIndex('letters_application').on('letters').columns(['application_id']).execute();
  await db.schema.createIndex('letters_office_status').on('letters').columns(['office_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('letters_office_signed').on('letters').columns(['office_id', 'signed_at']).execute();
  await db.schema
    .createTable('letter_events')
    .addColumn('seq', h.serial, (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('letter_id', 'text', (c) => c.notNull().references('letters.id'))
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('letter_events_letter').on('letter_events').columns(['letter_id', 'seq']).execute();
  await db.schema
    .createTable('letter_delegations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('from_user', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('to_user', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('letter_delegations_to').on('letter_delegations').columns(['to_user', 'starts_on']).execute();
}
