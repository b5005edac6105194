/**
 * Disaster logistics, the rest of issue 13 §2 (docs/LOGISTICS.md): shipments from dispatch to
 * handover with their events (time, position, who), the numbered berita acara of receipts and
 * write-offs, an incident's closure and its emergency status, the decreed case an incident serves,
 * and the lumbung release gate kept per warehouse as data.
 */
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

export async function up(db: Kysely<any>, _h: DialectHelpers): Promise<void> {
  // none | status-tanggap-darurat: what a release from this warehouse needs (DOMAIN §4 (d) 4, [S]: configurable per warehouse).
  await db.schema.alterTable('logistics_warehouses').addColumn('release_gate', 'text', (c) => c.notNull().defaultTo('none')).execute();
  // The declared emergency status (decree, date, who declared), as JSON; the release gate reads it.
  await db.schema.alterTable('logistics_incidents').addColumn('emergency_status', 'text').execute();
  // The decreed case the incident serves (Jambi distribusi-logistik-bencana, Kukar bantuan-korban-bencana).
  await db.schema.alterTable('logistics_incidents').addColumn('application_id', 'text').execute();
  // Closure: when, by whom, the written reason when it did not balance, and the reconciliation at that moment (JSON).
  await db.schema.alterTable('logistics_incidents').addColumn('closed_at', 'text').execute();
  await db.schema.alterTable('logistics_incidents').addColumn('closed_by', 'text').execute();
  await db.schema.alterTable('logistics_incidents').addColumn('closure_reason', 'text').execute();
  await db.schema.alterTable('logistics_incidents').addColumn('closure', 'text').execute();
  await db.schema.createIndex('logistics_incidents_application').on('logistics_incidents').column('application_id').execute();

  // One dispatch to an incident is one shipment: dispatched → in-transit → arrived → handed-over, or returned.
  await db.schema
    .createTable('logistics_shipments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('logistics_incidents.id'))
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('logistics_warehouses.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('logistics_items.id'))
    // The dispatch's movement id in the ledger (its rows say which lots the goods came from).
    .addColumn('movement_id', 'text', (c) => c.notNull().unique())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('destination', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('dispatched_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('logistics_shipments_incident').on('logistics_shipments').columns(['incident_id', 'dispatched_at']).execute();
  await db.schema
    .createTable('logistics_shipment_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shipment_id', 'text', (c) => c.notNull().references('logistics_shipments.id'))
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    // When it happened (the officer may give an earlier time) and when it was recorded.
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('lat', 'real')
    .addColumn('lng', 'real')
    .addColumn('note', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('logistics_shipment_events_shipment').on('logistics_shipment_events').columns(['shipment_id', 'at']).execute();

  // The numbered berita acara of a receipt (penerimaan) or a write-off (penghapusan), QR-verifiable like the handover's.
  await db.schema
    .createTable('logistics_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', 'text', (c) => c.notNull())
    .addColumn('movement_id', 'text', (c) => c.notNull().unique())
    // penerimaan | penghapusan
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('number_seq', 'integer', (c) => c.notNull())
    .addColumn('counter', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('logistics_documents_warehouse').on('logistics_documents').columns(['warehouse_id', 'at']).execute();
}
