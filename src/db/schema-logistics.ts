/** Table types of disaster logistics: warehouses, items, lots, the stock ledger, minimums, incidents, handovers, victims (migration 024); shipments, their events, receipt and write-off documents (038). */
import type { Generated } from 'kysely';

export interface LogisticsWarehousesTable {
  id: string;
  office_id: string;
  name: string;
  kind: string;
  area: string | null;
  custodian: string | null;
  /** none | status-tanggap-darurat (migration 038). */
  release_gate: string;
  created_by: string;
  created_at: string;
}

export interface LogisticsItemsTable {
  id: string;
  office_id: string;
  code: string;
  name: string;
  unit: string;
  created_by: string;
  created_at: string;
}

export interface LogisticsLotsTable {
  id: string;
  office_id: string;
  warehouse_id: string;
  item_id: string;
  lot_code: string;
  expires_on: string | null;
  funding: string;
  received_at: string;
  on_hand: number;
}

export interface LogisticsMovementsTable {
  seq: Generated<number>;
  id: string;
  movement_id: string;
  office_id: string;
  warehouse_id: string;
  item_id: string;
  lot_id: string;
  kind: string;
  quantity: number;
  reason: string | null;
  incident_id: string | null;
  document: string | null;
  actor_id: string | null;
  actor_name: string;
  at: string;
}

export interface LogisticsMinimumsTable {
  warehouse_id: string;
  item_id: string;
  office_id: string;
  minimum: number;
  updated_by: string;
  updated_at: string;
}

export interface LogisticsIncidentsTable {
  id: string;
  office_id: string;
  title: string;
  source: string;
  reported_at: string;
  location_text: string;
  lat: number | null;
  lng: number | null;
  emergency_report_id: string | null;
  description: string;
  assessment: string | null;
  needs: string | null;
  plan: string | null;
  state: string;
  created_by: string;
  created_at: string;
  version: number;
  /** Migration 038: the declared emergency status (JSON), the decreed case, the closure. */
  emergency_status: string | null;
  application_id: string | null;
  closed_at: string | null;
  closed_by: string | null;
  closure_reason: string | null;
  closure: string | null;
}

export interface LogisticsHandoversTable {
  id: string;
  incident_id: string;
  office_id: string;
  mode: string;
  place: string;
  items: string;
  handed_by: string;
  received_by: string;
  number: string;
  number_seq: number;
  counter: string;
  token: string;
  issued_on: string;
  sha256: string;
  public_sha256: string;
  actor_id: string | null;
  at: string;
}

export interface LogisticsVictimsTable {
  id: string;
  incident_id: string;
  office_id: string;
  dedupe_key: string;
  nik: string | null;
  name: string;
  village: string | null;
  family_size: number | null;
  vulnerable: string | null;
  created_at: string;
}

export interface LogisticsHandoverVictimsTable {
  handover_id: string;
  victim_id: string;
}

export interface LogisticsFieldLossesTable {
  id: string;
  incident_id: string;
  office_id: string;
  item_id: string;
  quantity: number;
  reason: string;
  actor_name: string;
  at: string;
}

export interface LogisticsShipmentsTable {
  id: string;
  office_id: string;
  incident_id: string;
  warehouse_id: string;
  item_id: string;
  movement_id: string;
  quantity: number;
  destination: string;
  state: string;
  dispatched_at: string;
  updated_at: string;
  version: number;
}

export interface LogisticsShipmentEventsTable {
  id: string;
  shipment_id: string;
  office_id: string;
  state: string;
  at: string;
  recorded_at: string;
  lat: number | null;
  lng: number | null;
  note: string | null;
  actor_id: string | null;
  actor_name: string;
}

export interface LogisticsDocumentsTable {
  id: string;
  office_id: string;
  warehouse_id: string;
  movement_id: string;
  kind: string;
  number: string;
  number_seq: number;
  counter: string;
  token: string;
  issued_on: string;
  sha256: string;
  at: string;
}

export interface LogisticsTables {
  logistics_shipments: LogisticsShipmentsTable;
  logistics_shipment_events: LogisticsShipmentEventsTable;
  logistics_documents: LogisticsDocumentsTable;
  logistics_field_losses: LogisticsFieldLossesTable;
  logistics_warehouses: LogisticsWarehousesTable;
  logistics_items: LogisticsItemsTable;
  logistics_lots: LogisticsLotsTable;
  logistics_movements: LogisticsMovementsTable;
  logistics_minimums: LogisticsMinimumsTable;
  logistics_incidents: LogisticsIncidentsTable;
  logistics_handovers: LogisticsHandoversTable;
  logistics_victims: LogisticsVictimsTable;
  logistics_handover_victims: LogisticsHandoverVictimsTable;
}
