/**
 * The outbox learns complaints (issue 16 §1): a message belongs to an application or to a complaint,
 * exactly one of them, so a complaint's receipt and answer travel through the same outbox, worker,
 * channels and timeline as a case's notices.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

/** Every column of `outbox` after migrations 015 and 016, in their order. */
const COLUMNS = [
  'id', 'office_id', 'application_id', 'event_id', 'channel', 'kind', 'recipient', 'subject', 'body', 'status', 'attempts', 'next_attempt_at',
  'attempt_id', 'lease_until', 'last_error', 'created_at', 'sent_at', 'provider_id', 'delivery', 'delivery_at', 'chain', 'facts', 'fallback_from',
  'fallen_back_at', 'segments', 'urgent',
];

export async function up(db: Kysely<any>, h: DialectHelpers): Promise<void> {
  const oneOwner = sql`(application_id is null) <> (complaint_id is null)`;
  if (h.dialect === 'postgres') {
    await sql`alter table outbox alter column application_id drop not null`.execute(db);
    await db.schema.alterTable('outbox').addColumn('complaint_id', 'text', (c) => c.references('complaints.id')).execute();
    await db.schema.alterTable('outbox').addCheckConstraint('outbox_one_owner', oneOwner).execute();
  } else {
    // SQLite cannot drop a NOT NULL nor add a CHECK in place: build the new table, copy, swap, and
    // put back the unique key and every index (nothing references outbox, so the swap is safe with
    // foreign keys on).
    await db.schema
      .createTable('outbox_new')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
      .addColumn('application_id', 'text', (c) => c.references('applications.id'))
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('attempt_id', 'text')
      .addColumn('lease_until', 'text')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .addColumn('provider_id', 'text')
      .addColumn('delivery', 'text')
      .addColumn('delivery_at', 'text')
      .addColumn('chain', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('facts', 'text')
      .addColumn('fallback_from', 'text')
      .addColumn('fallen_back_at', 'text')
      .addColumn('segments', 'integer')
      .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('complaint_id', 'text', (c) => c.references('complaints.id'))
      .addUniqueConstraint('outbox_event_channel', ['event_id', 'channel'])
      .addCheckConstraint('outbox_one_owner', oneOwner)
      .execute();
    const cols = sql.join(COLUMNS.map((c) => sql.ref(c)));
    await sql`insert into outbox_new (${cols}) select ${cols} from outbox`.execute(db);
    await db.schema.dropTable('outbox').execute();
    await db.schema.alterTable('outbox_new').renameTo('outbox').execute();
    await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
    await db.schema.createIndex('outbox_application').on('outbox').column('application_id').execute();
    await db.schema.createIndex('outbox_provider').on('outbox').columns(['channel', 'provider_id']).execute();
    await db.schema.createIndex('outbox_attempt').on('outbox').column('attempt_id').execute();
    await db.schema.createIndex('outbox_unconfirmed').on('outbox').columns(['status', 'channel', 'sent_at']).execute();
  }
  await db.schema.createIndex('outbox_complaint').on('outbox').column('complaint_id').execute();
}
