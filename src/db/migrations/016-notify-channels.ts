/**
 * WhatsApp and SMS beside e-mail (issue 16, docs/NOTIFICATIONS.md): the outbox row learns its
 * provider's message id, its delivery receipt and the channels still to try; offices get their
 * notification settings (secrets sealed); the citizen's last WhatsApp message opens the 24-hour window.
 */
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

export async function up(db: Kysely<any>, _h: DialectHelpers): Promise<void> {
  const add = (name: string, type: 'text' | 'integer', def?: string | number) =>
    db.schema
      .alterTable('outbox')
      .addColumn(name, type, (c) => (def === undefined ? c : c.notNull().defaultTo(def)))
      .execute();
  // The provider's id of the message (wamid…, SM…), to match its delivery callbacks.
  await add('provider_id', 'text');
  // The receipt: sent | delivered | read | failed (null until the provider says anything).
  await add('delivery', 'text');
  await add('delivery_at', 'text');
  // The channels still to try, in order, each with its address (JSON [{channel,to}]).
  await add('chain', 'text', '[]');
  // What the notice says (JSON NoticeFacts), so the next channel can word it its own way.
  await add('facts', 'text');
  // The channel this row falls back from, and when this row handed over to the next one.
  await add('fallback_from', 'text');
  await add('fallen_back_at', 'text');
  // SMS only: how many segments the text costs (over 1 is flagged to staff).
  await add('segments', 'integer');
  // An emergency service's message: quiet hours never hold it back.
  await add('urgent', 'integer', 0);
  await db.schema.createIndex('outbox_provider').on('outbox').columns(['channel', 'provider_id']).execute();
  // A receipt for a send that timed out names our attempt id only.
  await db.schema.createIndex('outbox_attempt').on('outbox').column('attempt_id').execute();
  // The worker looks for sent WhatsApp/SMS messages still unconfirmed, oldest first.
  await db.schema.createIndex('outbox_unconfirmed').on('outbox').columns(['status', 'channel', 'sent_at']).execute();

  await db.schema
    .createTable('notify_settings')
    .addColumn('office_id', 'text', (c) => c.primaryKey().references('offices.id'))
    .addColumn('settings', 'text', (c) => c.notNull())
    // AES-256-GCM under the data directory's key, bound to the office (io/sealed-keys.ts).
    .addColumn('secrets', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('notify_inbound')
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notify_inbound_pk', ['office_id', 'phone'])
    .execute();
}
