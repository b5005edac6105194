/**
 * A warehouse's stock on hand, per item and lot (earliest expiry first), with its alerts: below the
 * minimum set for the item in this warehouse, and lots expired or expiring within 30, 14 or 7 days
 * (the office's local date). Counts only: no personal data, nothing logged.
 */
import { findWarehouse, itemsOf, minimumsOf, stockOfWarehouse, type WarehouseRow } from '../../db/logistics-repo.js';
import type { Outcome } from '../../domain/errors.js';
import { MAX_ROWS, MAX_STOCK_LOTS, expiryLevel, type ExpiryLevel } from '../../domain/logistics/index.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { officeFor, warehouseNotFound } from './logistics-common.js';

export interface StockLine {
  item: string;
  code: string;
  name: string;
  unit: string;
  onHand: number;
  minimum: number | null;
  belowMinimum: boolean;
  lots: { lot: string; expiresOn: string | null; funding: string; onHand: number; expiry: ExpiryLevel | null }[];
}

export interface WarehouseStock {
  warehouse: { id: string; name: string; kind: string; area: string | null; custodian: string | null };
  today: string;
  stock: StockLine[];
  alerts: { belowMinimum: number; expiring: number; expired: number };
}

export async function showStock(ctx: Ctx, actor: Actor, warehouseId: string): Promise<Outcome<WarehouseStock>> {
  const office = officeFor(ctx, actor);
  if (!office.ok) return office;
  const db = ctx.database.db;
  const warehouse = await findWarehouse(db, office.value, warehouseId);
  if (!warehouse) return warehouseNotFound();
  return { ok: true, value: await stockOf(ctx, warehouse) };
}

export async function stockOf(ctx: Ctx, warehouse: WarehouseRow): Promise<WarehouseStock> {
  const db = ctx.database.db;
  const today = ctx.clock.localDate(ctx.catalogue.officeById(warehouse.office_id).office, nowOf(ctx).toISOString());
  const [rows, minimums] = await Promise.all([stockOfWarehouse(db, warehouse.id, MAX_STOCK_LOTS), minimumsOf(db, warehouse.id)]);
  const byItem = new Map<string, StockLine>();
  const minOf = new Map(minimums.map((m) => [m.item_id, m.minimum]));
  for (const r of rows) {
    let line = byItem.get(r.item_id);
    if (!line) byItem.set(r.item_id, (line = { item: r.item_id, code: r.code, name: r.name, unit: r.unit, onHand: 0, minimum: minOf.get(r.item_id) ?? null, belowMinimum: false, lots: [] }));
    line.onHand += r.on_hand;
    line.lots.push({ lot: r.lot_code, expiresOn: r.expires_on, funding: r.funding, onHand: r.on_hand, expiry: expiryLevel(r.expires_on, today) });
  }
  // An item with a minimum and nothing left is the most urgent line of all.
  const missing = minimums.filter((m) => !byItem.has(m.item_id));
  if (missing.length) {
    const items = new Map((await itemsOf(db, warehouse.office_id, MAX_ROWS)).map((i) => [i.id, i]));
    for (const m of missing) {
      const i = items.get(m.item_id);
      if (i) byItem.set(i.id, { item: i.id, code: i.code, name: i.name, unit: i.unit, onHand: 0, minimum: m.minimum, belowMinimum: false, lots: [] });
    }
  }
  const stock = [...byItem.values()].sort((a, b) => a.code.localeCompare(b.code));
  for (const s of stock) s.belowMinimum = s.minimum !== null && s.onHand < s.minimum;
  const lots = stock.flatMap((s) => s.lots);
  return {
    warehouse: { id: warehouse.id, name: warehouse.name, kind: warehouse.kind, area: warehouse.area, custodian: warehouse.custodian },
    today,
    stock,
    alerts: { belowMinimum: stock.filter((s) => s.belowMinimum).length, expiring: lots.filter((l) => typeof l.expiry === 'number').length, expired: lots.filter((l) => l.expiry === 'expired').length },
  };
}
