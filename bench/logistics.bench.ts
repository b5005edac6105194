/**
 * Disaster logistics with 1,000,000 stock ledger rows in one warehouse (50 items × 20 lots, the
 * worst case: every row in the warehouse asked about): the stock query the API and the keeper's page
 * answer (the lots' running balances, with alerts) beside the bare aggregate SQL over the ledger in
 * the same run, and one dispatch (FEFO, conditional takes, ledger rows, audit row) at that size.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boot } from '../src/boot.js';
import { ledgerSums, type MovementInsert } from '../src/db/logistics-repo.js';
import { findUserByUsername, toStaff } from '../src/db/staff-repo.js';
import { createItem } from '../src/usecases/logistics/create-item.js';
import { createWarehouse } from '../src/usecases/logistics/create-warehouse.js';
import { recordMovement } from '../src/usecases/logistics/record-movement.js';
import { showStock } from '../src/usecases/logistics/show-stock.js';
import { time } from './complaints.bench.js';
import { report, type BenchContext } from './report.js';

const ITEMS = 50;
const LOTS = 20;

export async function logisticsBench(ctx: BenchContext): Promise<void> {
  const n = ctx.quick ? 200_000 : 1_000_000;
  const now = new Date('2026-04-06T02:00:00Z');
  for (const dbc of ctx.databases) {
    const dir = mkdtempSync(join(tmpdir(), 'sigap-bench-logistics-'));
    const b = await boot({ databaseUrl: dbc.url, dataDir: dir, standardsDir: 'standards', demo: true, actor: 'bench' });
    if (!b.ok) throw new Error('boot');
    const c = { ...b.ctx, now: () => now };
    const u = toStaff((await findUserByUsername(c.database.db, 'pejabat-fungsional@kota-jambi'))!);
    const keeper = { id: u.id, name: u.displayName, roles: u.roles, officeId: u.officeId };
    const w = await createWarehouse(c, keeper, { office: 'kota-jambi', name: 'Gudang Logistik Bencana Kota Jambi', kind: 'gudang-dinas' });
    if (!w.ok) throw new Error(JSON.stringify(w.error));
    const lots: { id: string; item: string; onHand: number }[] = [];
    for (let i = 0; i < ITEMS; i++) {
      const item = await createItem(c, keeper, { office: 'kota-jambi', code: `BRG-${String(i).padStart(3, '0')}`, name: `Barang ${i}`, unit: 'paket' });
      if (!item.ok) throw new Error(JSON.stringify(item.error));
      for (let l = 0; l < LOTS; l++) lots.push({ id: randomUUID(), item: item.value.id, onHand: 0 });
    }
    await c.database.write(async (trx) => {
      for (const [k, l] of lots.entries())
        await trx.insertInto('logistics_lots').values({ id: l.id, office_id: keeper.officeId!, warehouse_id: w.value.id, item_id: l.item, lot_code: `LOT-${k}`, expires_on: `2026-${String((k % 12) + 1).padStart(2, '0')}-15`, funding: 'apbn', received_at: now.toISOString(), on_hand: 0 }).execute();
    });
    // The ledger: per lot a receipt of 100 first, then dispatches of 1–3 and an occasional write-off; balances kept alongside.
    const t0 = performance.now();
    const batch = 2000;
    for (let start = 0; start < n; start += batch) {
      const rows: MovementInsert[] = [];
      for (let i = start; i < Math.min(n, start + batch); i++) {
        const lot = lots[i % lots.length]!;
        const first = i < lots.length;
        const q = first ? 100_000 : i % 97 === 0 ? -1 : -((i % 3) + 1);
        lot.onHand += q;
        rows.push({ id: randomUUID(), movement_id: randomUUID(), office_id: keeper.officeId!, warehouse_id: w.value.id, item_id: lot.item, lot_id: lot.id, kind: first ? 'receipt' : q === -1 ? 'write-off' : 'dispatch', quantity: q, reason: null, incident_id: null, document: null, actor_id: keeper.id, actor_name: keeper.name, at: new Date(now.getTime() - (n - i) * 1000).toISOString() });
      }
      await c.database.write(async (trx) => {
        // In slices: SQLite binds at most 32,766 parameters per statement.
        for (let k = 0; k < rows.length; k += 500) await trx.insertInto('logistics_movements').values(rows.slice(k, k + 500)).execute();
      });
    }
    await c.database.write(async (trx) => {
      for (const l of lots) await trx.updateTable('logistics_lots').set({ on_hand: l.onHand }).where('id', '=', l.id).execute();
    });
    const loadMs = performance.now() - t0;
    const reps = ctx.quick ? 10 : 30;
    const bare = await time(() => ledgerSums(c.database.db, w.value.id, 10_000), reps);
    const stock = await time(() => showStock(c, keeper, w.value.id), reps);
    if (!stock.value.ok) throw new Error('stock');
    // The projection must equal the ledger: a wrong benchmark is worse than a slow one.
    const sums = new Map(bare.value.map((s) => [s.lot_id, s.on_hand]));
    if (lots.some((l) => sums.get(l.id) !== l.onHand)) throw new Error('lot balances differ from the ledger sum');
    report(ctx, {
      name: `warehouse stock (${ITEMS} items, ${ITEMS * LOTS} lots, alerts) with ${n.toLocaleString('en')} ledger rows (${dbc.name})`,
      value: stock.median,
      unit: 'ms median',
      baseline: { name: 'bare aggregate SQL: sum(quantity) of the ledger per lot of that warehouse', value: bare.median, unit: 'ms' },
      higherIsBetter: false,
      note: `max ${stock.max.toFixed(2)} ms; target < 50 ms; bare aggregate max ${bare.max.toFixed(1)} ms; loading the ledger (set-up) ${(loadMs / 1000).toFixed(1)} s`,
    });
    const item = lots[0]!.item;
    const dispatch = await time(() => recordMovement(c, keeper, { warehouse: w.value.id, item, kind: 'dispatch', quantity: 3 }), reps);
    report(ctx, {
      name: `one dispatch of 3 (earliest expiry first, conditional take, ledger and audit rows) with ${n.toLocaleString('en')} ledger rows (${dbc.name})`,
      value: dispatch.median,
      unit: 'ms median',
      baseline: { name: 'warehouse stock read (same run)', value: stock.median, unit: 'ms' },
      higherIsBetter: false,
      note: `max ${dispatch.max.toFixed(1)} ms`,
    });
    await c.database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
