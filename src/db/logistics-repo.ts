/** All SQL of disaster logistics: warehouses, items, lots and their running balance, the stock ledger, minimums, incidents, handovers, victims. */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.js';
import type { LogisticsDocumentsTable, LogisticsHandoversTable, LogisticsIncidentsTable, LogisticsItemsTable, LogisticsLotsTable, LogisticsMovementsTable, LogisticsShipmentEventsTable, LogisticsShipmentsTable, LogisticsWarehousesTable } from './schema-logistics.js';

type Q = Kysely<DB> | Transaction<DB>;

export type WarehouseRow = LogisticsWarehousesTable;
export type ItemRow = LogisticsItemsTable;
export type LotRow = LogisticsLotsTable;
export type IncidentRow = LogisticsIncidentsTable;
export type HandoverRow = LogisticsHandoversTable;
export type MovementInsert = Omit<LogisticsMovementsTable, 'seq'>;
export type ShipmentRow = LogisticsShipmentsTable;
export type ShipmentEventRow = LogisticsShipmentEventsTable;
export type DocumentRow = LogisticsDocumentsTable;

export async function insertWarehouse(q: Q, row: WarehouseRow): Promise<void> {
  await q.insertInto('logistics_warehouses').values(row).execute();
}

export async function warehousesOf(q: Q, officeId: string, limit: number): Promise<WarehouseRow[]> {
  return q.selectFrom('logistics_warehouses').selectAll().where('office_id', '=', officeId).orderBy('name').limit(limit).execute();
}

export async function findWarehouse(q: Q, officeId: string, id: string): Promise<WarehouseRow | undefined> {
  return q.selectFrom('logistics_warehouses').selectAll().where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
}

export async function findWarehouseByName(q: Q, officeId: string, name: string): Promise<WarehouseRow | undefined> {
  return q.selectFrom('logistics_warehouses').selectAll().where('office_id', '=', officeId).where('name', '=', name).executeTakeFirst();
}

export async function setWarehouseReleaseGate(q: Q, id: string, releaseGate: string): Promise<void> {
  await q.updateTable('logistics_warehouses').set({ release_gate: releaseGate }).where('id', '=', id).execute();
}

export async function insertItem(q: Q, row: ItemRow): Promise<void> {
  await q.insertInto('logistics_items').values(row).execute();
}

export async function itemsOf(q: Q, officeId: string, limit: number): Promise<ItemRow[]> {
  return q.selectFrom('logistics_items').selectAll().where('office_id', '=', officeId).orderBy('code').limit(limit).execute();
}

export async function findItem(q: Q, officeId: string, id: string): Promise<ItemRow | undefined> {
  return q.selectFrom('logistics_items').selectAll().where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
}

export async function findItemByCode(q: Q, officeId: string, code: string): Promise<ItemRow | undefined> {
  return q.selectFrom('logistics_items').selectAll().where('office_id', '=', officeId).where('code', '=', code).executeTakeFirst();
}

export async function findLot(q: Q, warehouseId: string, itemId: string, lotCode: string): Promise<LotRow | undefined> {
  return q.selectFrom('logistics_lots').selectAll().where('warehouse_id', '=', warehouseId).where('item_id', '=', itemId).where('lot_code', '=', lotCode).executeTakeFirst();
}

export async function insertLot(q: Q, row: LotRow): Promise<void> {
  await q.insertInto('logistics_lots').values(row).execute();
}

/** The lots of one item in one warehouse that still hold stock (what a pick chooses from). */
export async function lotsWithStock(q: Q, warehouseId: string, itemId: string, limit: number): Promise<LotRow[]> {
  return q.selectFrom('logistics_lots').selectAll().where('warehouse_id', '=', warehouseId).where('item_id', '=', itemId).where('on_hand', '>', 0).orderBy('expires_on').orderBy('received_at').limit(limit).execute();
}

/**
 * Takes from a lot only if it still holds that much: of two transactions racing for the last units
 * the second finds the condition false (PostgreSQL re-checks it after the first commits; SQLite's
 * write transactions run one at a time), so a lot never goes below zero.
 */
export async function takeFromLot(q: Q, lotId: string, quantity: number): Promise<boolean> {
  const r = await q
    .updateTable('logistics_lots')
    .set((eb) => ({ on_hand: eb('on_hand', '-', quantity) }))
    .where('id', '=', lotId)
    .where('on_hand', '>=', quantity)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function addToLot(q: Q, lotId: string, quantity: number): Promise<void> {
  await q
    .updateTable('logistics_lots')
    .set((eb) => ({ on_hand: eb('on_hand', '+', quantity) }))
    .where('id', '=', lotId)
    .execute();
}

export async function insertMovements(q: Q, rows: MovementInsert[]): Promise<void> {
  if (rows.length) await q.insertInto('logistics_movements').values(rows).execute();
}

export interface StockLotRow {
  item_id: string;
  code: string;
  name: string;
  unit: string;
  lot_id: string;
  lot_code: string;
  expires_on: string | null;
  funding: string;
  received_at: string;
  on_hand: number;
}

/** A warehouse's stock: every lot that holds something, with its item, by item code then earliest expiry. */
export async function stockOfWarehouse(q: Q, warehouseId: string, limit: number): Promise<StockLotRow[]> {
  return q
    .selectFrom('logistics_lots as l')
    .innerJoin('logistics_items as i', 'i.id', 'l.item_id')
    .select(['l.item_id', 'i.code', 'i.name', 'i.unit', 'l.id as lot_id', 'l.lot_code', 'l.expires_on', 'l.funding', 'l.received_at', 'l.on_hand'])
    .where('l.warehouse_id', '=', warehouseId)
    .where('l.on_hand', '>', 0)
    .orderBy('i.code')
    .orderBy('l.expires_on')
    .orderBy('l.received_at')
    .limit(limit)
    .execute();
}

/** The ledger's own sum per lot of a warehouse: what the running balance must equal (tests, and the benchmark's baseline). */
export async function ledgerSums(q: Q, warehouseId: string, limit: number): Promise<{ lot_id: string; item_id: string; on_hand: number }[]> {
  const rows = await q
    .selectFrom('logistics_movements')
    .select(['lot_id', 'item_id', sql<number>`sum(quantity)`.as('on_hand')])
    .where('warehouse_id', '=', warehouseId)
    .groupBy(['item_id', 'lot_id'])
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, on_hand: Number(r.on_hand) }));
}

export async function minimumsOf(q: Q, warehouseId: string): Promise<{ item_id: string; minimum: number }[]> {
  return q.selectFrom('logistics_minimums').select(['item_id', 'minimum']).where('warehouse_id', '=', warehouseId).limit(1000).execute();
}

export async function upsertMinimum(q: Q, row: { warehouse_id: string; item_id: string; office_id: string; minimum: number; updated_by: string; updated_at: string }): Promise<void> {
  await q
    .insertInto('logistics_minimums')
    .values(row)
    .onConflict((oc) => oc.columns(['warehouse_id', 'item_id']).doUpdateSet({ minimum: row.minimum, updated_by: row.updated_by, updated_at: row.updated_at }))
    .execute();
}

export interface LedgerRow {
  seq: number;
  movement_id: string;
  kind: string;
  quantity: number;
  reason: string | null;
  incident_id: string | null;
  actor_name: string;
  at: string;
  code: string;
  name: string;
  unit: string;
  lot_code: string;
}

/** The most recent ledger rows of a warehouse, newest first. */
export async function recentMovements(q: Q, warehouseId: string, limit: number): Promise<LedgerRow[]> {
  return q
    .selectFrom('logistics_movements as m')
    .innerJoin('logistics_items as i', 'i.id', 'm.item_id')
    .innerJoin('logistics_lots as l', 'l.id', 'm.lot_id')
    .select(['m.seq', 'm.movement_id', 'm.kind', 'm.quantity', 'm.reason', 'm.incident_id', 'm.actor_name', 'm.at', 'i.code', 'i.name', 'i.unit', 'l.lot_code'])
    .where('m.warehouse_id', '=', warehouseId)
    .orderBy('m.seq', 'desc')
    .limit(limit)
    .execute();
}

/* ---------- incidents ---------- */

export async function insertIncident(q: Q, row: IncidentRow): Promise<void> {
  await q.insertInto('logistics_incidents').values(row).execute();
}

export async function findIncident(q: Q, officeId: string, id: string): Promise<IncidentRow | undefined> {
  return q.selectFrom('logistics_incidents').selectAll().where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
}

export async function incidentsOf(q: Q, officeId: string, limit: number): Promise<IncidentRow[]> {
  return q.selectFrom('logistics_incidents').selectAll().where('office_id', '=', officeId).orderBy('state', 'desc').orderBy('reported_at', 'desc').limit(limit).execute();
}

/** Changes an incident only at the version the officer saw. */
export async function updateIncidentIfVersion(q: Q, id: string, version: number, set: Partial<Pick<IncidentRow, 'assessment' | 'needs' | 'plan' | 'state' | 'emergency_status' | 'application_id' | 'closed_at' | 'closed_by' | 'closure_reason' | 'closure'>>): Promise<boolean> {
  const r = await q.updateTable('logistics_incidents').set({ ...set, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** What the ledger says went to an incident and came back from it, per item (dispatches are negative rows). */
export async function incidentLedger(q: Q, incidentId: string): Promise<{ item_id: string; kind: string; quantity: number }[]> {
  const rows = await q
    .selectFrom('logistics_movements')
    .select(['item_id', 'kind', sql<number>`sum(quantity)`.as('quantity')])
    .where('incident_id', '=', incidentId)
    .groupBy(['item_id', 'kind'])
    .limit(1000)
    .execute();
  return rows.map((r) => ({ ...r, quantity: Number(r.quantity) }));
}

export async function insertFieldLoss(q: Q, row: { incident_id: string; office_id: string; item_id: string; quantity: number; reason: string; actor_name: string; at: string }): Promise<void> {
  await q.insertInto('logistics_field_losses').values({ ...row, id: randomUUID() }).execute();
}

export async function fieldLosses(q: Q, incidentId: string): Promise<{ item_id: string; quantity: number }[]> {
  const rows = await q.selectFrom('logistics_field_losses').select(['item_id', sql<number>`sum(quantity)`.as('quantity')]).where('incident_id', '=', incidentId).groupBy('item_id').limit(1000).execute();
  return rows.map((r) => ({ ...r, quantity: Number(r.quantity) }));
}

export async function insertHandover(q: Q, row: HandoverRow): Promise<void> {
  await q.insertInto('logistics_handovers').values(row).execute();
}

export async function handoversOf(q: Q, incidentId: string, limit: number): Promise<HandoverRow[]> {
  return q.selectFrom('logistics_handovers').selectAll().where('incident_id', '=', incidentId).orderBy('at').limit(limit).execute();
}

export async function handoverByToken(q: Q, token: string): Promise<HandoverRow | undefined> {
  return q.selectFrom('logistics_handovers').selectAll().where('token', '=', token).executeTakeFirst();
}

/** The victim with this key in the incident, created if new; `created` says which. */
export async function victimFor(q: Q, row: { incident_id: string; office_id: string; dedupe_key: string; nik: string | null; name: string; village: string | null; family_size: number | null; vulnerable: string | null; created_at: string }): Promise<{ id: string; created: boolean }> {
  const id = randomUUID();
  const r = await q.insertInto('logistics_victims').values({ ...row, id }).onConflict((oc) => oc.columns(['incident_id', 'dedupe_key']).doNothing()).executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0n) === 1) return { id, created: true };
  const found = await q.selectFrom('logistics_victims').select('id').where('incident_id', '=', row.incident_id).where('dedupe_key', '=', row.dedupe_key).executeTakeFirstOrThrow();
  return { id: found.id, created: false };
}

export async function linkVictim(q: Q, handoverId: string, victimId: string): Promise<void> {
  await q.insertInto('logistics_handover_victims').values({ handover_id: handoverId, victim_id: victimId }).onConflict((oc) => oc.columns(['handover_id', 'victim_id']).doNothing()).execute();
}

/** An incident's victims with how many handovers reached each. */
export async function victimsOf(q: Q, incidentId: string, limit: number) {
  return q
    .selectFrom('logistics_victims as v')
    .leftJoin('logistics_handover_victims as hv', 'hv.victim_id', 'v.id')
    .select(['v.id', 'v.nik', 'v.name', 'v.village', 'v.family_size', 'v.vulnerable', sql<number>`count(hv.handover_id)`.as('handovers')])
    .where('v.incident_id', '=', incidentId)
    .groupBy(['v.id', 'v.nik', 'v.name', 'v.village', 'v.family_size', 'v.vulnerable'])
    .orderBy('v.name')
    .limit(limit)
    .execute();
}

/* ---------- shipments, receipt and write-off documents (migration 038) ---------- */

export async function insertShipment(q: Q, row: ShipmentRow): Promise<void> {
  await q.insertInto('logistics_shipments').values(row).execute();
}

export async function findShipment(q: Q, officeId: string, id: string): Promise<ShipmentRow | undefined> {
  return q.selectFrom('logistics_shipments').selectAll().where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
}

/** Moves a shipment only from the state and version the officer saw: of two officers recording the same arrival one wins. */
export async function moveShipmentIfVersion(q: Q, id: string, version: number, state: string, at: string): Promise<boolean> {
  const r = await q.updateTable('logistics_shipments').set({ state, updated_at: at, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertShipmentEvent(q: Q, row: ShipmentEventRow): Promise<void> {
  await q.insertInto('logistics_shipment_events').values(row).execute();
}

export interface ShipmentListRow extends ShipmentRow {
  code: string;
  name: string;
  unit: string;
  warehouse_name: string;
}

/** An incident's shipments, first dispatched first, with their item and warehouse. */
export async function shipmentsOf(q: Q, incidentId: string, limit: number): Promise<ShipmentListRow[]> {
  return q
    .selectFrom('logistics_shipments as s')
    .innerJoin('logistics_items as i', 'i.id', 's.item_id')
    .innerJoin('logistics_warehouses as w', 'w.id', 's.warehouse_id')
    .selectAll('s')
    .select(['i.code', 'i.name', 'i.unit', 'w.name as warehouse_name'])
    .where('s.incident_id', '=', incidentId)
    .orderBy('s.dispatched_at')
    .orderBy('s.id')
    .limit(limit)
    .execute();
}

/** The events of an incident's shipments, in the order they happened (then as recorded). */
export async function shipmentEventsOf(q: Q, incidentId: string, limit: number): Promise<ShipmentEventRow[]> {
  return q
    .selectFrom('logistics_shipment_events as e')
    .innerJoin('logistics_shipments as s', 's.id', 'e.shipment_id')
    .selectAll('e')
    .where('s.incident_id', '=', incidentId)
    .orderBy('e.at')
    .orderBy('e.recorded_at')
    .limit(limit)
    .execute();
}

/** The ledger rows of one movement (a dispatch's picks: which lots, how many). */
export async function movementRows(q: Q, movementId: string): Promise<{ lot_id: string; quantity: number; item_id: string; warehouse_id: string }[]> {
  return q.selectFrom('logistics_movements').select(['lot_id', 'quantity', 'item_id', 'warehouse_id']).where('movement_id', '=', movementId).orderBy('seq').limit(1000).execute();
}

export async function insertDocument(q: Q, row: DocumentRow): Promise<void> {
  await q.insertInto('logistics_documents').values(row).execute();
}

export async function documentByToken(q: Q, token: string): Promise<DocumentRow | undefined> {
  return q.selectFrom('logistics_documents').selectAll().where('token', '=', token).executeTakeFirst();
}

export async function findDocument(q: Q, officeId: string, id: string): Promise<DocumentRow | undefined> {
  return q.selectFrom('logistics_documents').selectAll().where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
}

/** A warehouse's most recent receipt and write-off records, newest first. */
export async function documentsOfWarehouse(q: Q, warehouseId: string, limit: number): Promise<DocumentRow[]> {
  return q.selectFrom('logistics_documents').selectAll().where('warehouse_id', '=', warehouseId).orderBy('at', 'desc').orderBy('number_seq', 'desc').limit(limit).execute();
}

/** The incident that serves a decreed case, if any. */
export async function incidentOfCase(q: Q, officeId: string, applicationId: string): Promise<IncidentRow | undefined> {
  return q.selectFrom('logistics_incidents').selectAll().where('office_id', '=', officeId).where('application_id', '=', applicationId).executeTakeFirst();
}
