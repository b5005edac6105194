/** The office's logistics at a glance: its warehouses with their alert counts, its item catalogue, its incidents. */
import { incidentsOf, itemsOf, warehousesOf } from '../../db/logistics-repo.js';
import type { Outcome } from '../../domain/errors.js';
import { MAX_ROWS } from '../../domain/logistics/index.js';
import type { Actor, Ctx } from '../context.js';
import { officeFor } from './logistics-common.js';
import { stockOf, type WarehouseStock } from './show-stock.js';

/** Warehouses whose stock the overview computes (an office has a handful; more are listed without counts). */
const COUNTED = 50;

export async function showLogistics(ctx: Ctx, actor: Actor) {
  const office = officeFor(ctx, actor);
  if (!office.ok) return office;
  const db = ctx.database.db;
  const [warehouses, items, incidents] = await Promise.all([warehousesOf(db, office.value, MAX_ROWS), itemsOf(db, office.value, MAX_ROWS), incidentsOf(db, office.value, 100)]);
  const stocks: (WarehouseStock | null)[] = await Promise.all(warehouses.map((w, i) => (i < COUNTED ? stockOf(ctx, w) : null)));
  return {
    ok: true,
    value: {
      warehouses: warehouses.map((w, i) => ({ id: w.id, name: w.name, kind: w.kind, area: w.area, custodian: w.custodian, alerts: stocks[i]?.alerts ?? null, lines: stocks[i]?.stock.length ?? null })),
      items: items.map((i) => ({ id: i.id, code: i.code, name: i.name, unit: i.unit })),
      incidents: incidents.map((x) => ({ id: x.id, title: x.title, source: x.source, reportedAt: x.reported_at, location: x.location_text, state: x.state })),
    },
  } satisfies Outcome<unknown>;
}
