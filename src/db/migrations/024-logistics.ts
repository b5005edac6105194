/**
 * Disaster logistics (issue 13 §2, docs/LOGISTICS.md): warehouses and lumbung sosial, the item
 * catalogue, lots (expiry, funding source), the append-only stock ledger with its per-lot running
 * balance, minimum stock, incidents with their handovers (Berita Acara Serah Terima) and victims.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

export async function up(db: Kysely<any>, h: DialectHelpers): Promise<void> {
  await db.schema
    .createTable('logistics_warehouses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    // gudang-dinas | lumbung-kecamatan | lumbung-desa
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('area', 'text')
    .addColumn('custodian', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('logistics_warehouses_name', ['office_id', 'name'])
    .execute();
  await db.schema
    .createTable('logistics_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // paket | lembar | kg | unit
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('logistics_items_code', ['office_id', 'code'])
    .execute();
  // One row per lot of an item in a warehouse. `on_hand` is the running sum of the lot's ledger rows,
  // written only in the transaction that appends them (the ledger stays the record; a test re-adds it).
  await db.schema
    .createTable('logistics_lots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('logistics_warehouses.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('logistics_items.id'))
    .addColumn('lot_code', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text')
    // apbn | apbd-provinsi | apbd-kabkota | donasi-pub
    .addColumn('funding', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('on_hand', 'integer', (c) => c.notNull())
    .addUniqueConstraint('logistics_lots_code', ['warehouse_id', 'item_id', 'lot_code'])
    .execute();
  await db.schema.createIndex('logistics_lots_stock').on('logistics_lots').columns(['warehouse_id', 'item_id', 'expires_on']).execute();
  await db.schema
    .createTable('logistics_movements')
    .addColumn('seq', h.serial, (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    // The request this row belongs to (a dispatch picked from several lots is several rows, one movement).
    .addColumn('movement_id', 'text', (c) => c.notNull())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('lot_id', 'text', (c) => c.notNull())
    // receipt | dispatch | adjustment | write-off | return
    .addColumn('kind', 'text', (c) => c.notNull())
    // Signed: what the row adds to the lot (negative for dispatches and write-offs).
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('incident_id', 'text')
    // The berita acara penerimaan (condition, who handed over, who received) or penghapusan, as JSON.
    .addColumn('document', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('logistics_movements_lot').on('logistics_movements').columns(['warehouse_id', 'item_id', 'lot_id', 'quantity']).execute();
  await db.schema.createIndex('logistics_movements_incident').on('logistics_movements').columns(['incident_id']).execute();
  await db.schema.createIndex('logistics_movements_movement').on('logistics_movements').columns(['movement_id']).execute();
  // The ledger is append-only in the database too, not only in the code.
  if (h.dialect === 'sqlite') {
    await sql`CREATE TRIGGER logistics_movements_no_update BEFORE UPDATE ON logistics_movements BEGIN SELECT RAISE(ABORT, 'logistics_movements is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER logistics_movements_no_delete BEFORE DELETE ON logistics_movements BEGIN SELECT RAISE(ABORT, 'logistics_movements is append-only'); END`.execute(db);
  } else {
    await sql`CREATE FUNCTION logistics_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'logistics_movements is append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER logistics_movements_append_only BEFORE UPDATE OR DELETE ON logistics_movements FOR EACH ROW EXECUTE FUNCTION logistics_append_only()`.execute(db);
  }
  await db.schema
    .createTable('logistics_minimums')
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('logistics_warehouses.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('logistics_items.id'))
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('minimum', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('logistics_minimums_pk', ['warehouse_id', 'item_id'])
    .execute();
  await db.schema
    .createTable('logistics_incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    // rt | lurah | camat | warga | call-center-112 | tagana | disposisi-pimpinan (Jambi 1's requirement 1)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addColumn('location_text', 'text', (c) => c.notNull())
    .addColumn('lat', 'real')
    .addColumn('lng', 'real')
    // The emergency report it came from, when it came through the emergency line (docs/EMERGENCY.md).
    .addColumn('emergency_report_id', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    // TAGANA's identification (note, position, photo uploads) and the needs analysis, as JSON.
    .addColumn('assessment', 'text')
    .addColumn('needs', 'text')
    // The distribution plan (Perka BNPB 13/2008 fields), as JSON.
    .addColumn('plan', 'text')
    // open → closed
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('logistics_incidents_office').on('logistics_incidents').columns(['office_id', 'state', 'reported_at']).execute();
  await db.schema
    .createTable('logistics_handovers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('logistics_incidents.id'))
    .addColumn('office_id', 'text', (c) => c.notNull())
    // posko (bulk) | families (per family, with a victim list)
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    // [{ item, code, name, unit, quantity }] and both signatories, as JSON.
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('handed_by', 'text', (c) => c.notNull())
    .addColumn('received_by', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('number_seq', 'integer', (c) => c.notNull())
    .addColumn('counter', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('public_sha256', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('logistics_handovers_incident').on('logistics_handovers').columns(['incident_id', 'at']).execute();
  // Victims of an incident, once each however many distributions reach them (by NIK, else by name and place).
  await db.schema
    .createTable('logistics_victims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('logistics_incidents.id'))
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('nik', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('village', 'text')
    .addColumn('family_size', 'integer')
    .addColumn('vulnerable', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('logistics_victims_key', ['incident_id', 'dedupe_key'])
    .execute();
  await db.schema
    .createTable('logistics_handover_victims')
    .addColumn('handover_id', 'text', (c) => c.notNull().references('logistics_handovers.id'))
    .addColumn('victim_id', 'text', (c) => c.notNull().references('logistics_victims.id'))
    .addPrimaryKeyConstraint('logistics_handover_victims_pk', ['handover_id', 'victim_id'])
    .execute();
  // Goods lost or spoiled in the field after dispatch (a reason and who saw it): the "written off" of an incident's reconciliation.
  await db.schema
    .createTable('logistics_field_losses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('logistics_incidents.id'))
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull().references('logistics_items.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
}
