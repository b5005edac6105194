/** One warehouse for its keeper: the stock with alerts, the catalogue and open incidents for the forms, the latest ledger rows and receipt/write-off records. */
import { documentsOfWarehouse, findWarehouse, incidentsOf, itemsOf, recentMovements } from '../../db/logistics-repo.js';
import type { Outcome } from '../../domain/errors.js';
import { MAX_ROWS } from '../../domain/logistics/index.js';
import type { Actor, Ctx } from '../context.js';
import { officeFor, warehouseNotFound } from './logistics-common.js';
import { stockOf } from './show-stock.js';

/** Ledger rows the page shows (the full ledger is in the database and the audit trail). */
const LEDGER_ROWS = 50;
/** Receipt and write-off records the page lists (newest first). */
const DOCUMENT_ROWS = 20;

export async function showWarehouse(ctx: Ctx, actor: Actor, warehouseId: string) {
  const office = officeFor(ctx, actor);
  if (!office.ok) return office;
  const db = ctx.database.db;
  const warehouse = await findWarehouse(db, office.value, warehouseId);
  if (!warehouse) return warehouseNotFound();
  const [stock, items, incidents, ledger, documents] = await Promise.all([stockOf(ctx, warehouse), itemsOf(db, office.value, MAX_ROWS), incidentsOf(db, office.value, 100), recentMovements(db, warehouse.id, LEDGER_ROWS), documentsOfWarehouse(db, warehouse.id, DOCUMENT_ROWS)]);
  return {
    ok: true,
    value: { stock, items: items.map((i) => ({ id: i.id, code: i.code, name: i.name, unit: i.unit })), incidents: incidents.filter((i) => i.state === 'open').map((i) => ({ id: i.id, title: i.title, declared: i.emergency_status !== null })),
      releaseGate: warehouse.release_gate,
      documents: documents.map((d) => ({ id: d.id, kind: d.kind, number: d.number, issuedOn: d.issued_on })), ledger: ledger.map((m) => ({ ...m, atLocal: ctx.clock.local(ctx.catalogue.officeById(office.value).office, m.at) })) },
  } satisfies Outcome<unknown>;
}
