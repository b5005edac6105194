/**
 * The stock ledger of Kota Jambi's disaster warehouse, with the numbers of DOMAIN.md §4: receive
 * 100 family kits, dispatch 40, write off 2 → 58 on hand, dispatching 59 refused (422
 * insufficient-stock, in both languages); two dispatches of the last 58 at once, in one process and
 * from two processes, let exactly one win; picking takes the earliest expiry first; expiry and
 * minimum-stock alerts; the ledger is append-only and its sum equals every lot's balance.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { ledgerSums } from '../../src/db/logistics-repo.js';
import { TEST_DB } from '../support/db.js';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { nodeEntry } from '../support/paths.js';

const JAMBI = 'kota-jambi';
const KEEPER = `pejabat-fungsional@${JAMBI}`;

describe(`logistics: stock ledger (${TEST_DB})`, () => {
  let t: TestApp;
  const clock = new Date('2025-08-10T02:00:00Z'); // Sunday 10 August 2025, 09:00 WIB
  const { req, login } = apiClient(() => t);
  let warehouse = '';
  let kit = '';
  before(async () => {
    t = await testApp({ now: () => clock });
    const auth = await login(KEEPER);
    const w = await req('POST', '/api/v1/logistics/warehouses', { office: JAMBI, name: 'Gudang Logistik Bencana Dinas Sosial Kota Jambi', kind: 'gudang-dinas', area: 'Kota Jambi', custodian: 'Hendra Saputra' }, auth);
    assert.equal(w.status, 201, w.body);
    warehouse = w.json().id;
    const i = await req('POST', '/api/v1/logistics/items', { office: JAMBI, code: 'FK-01', name: 'Family kit', unit: 'paket' }, auth);
    assert.equal(i.status, 201, i.body);
    kit = i.json().id;
  });
  after(async () => t.close());

  const move = async (body: Record<string, unknown>, user = KEEPER) => req('POST', '/api/v1/logistics/movements', { warehouse, ...body }, await login(user));
  const stock = async (w = warehouse, user = KEEPER) => req('GET', `/api/v1/logistics/warehouses/${w}/stock`, undefined, await login(user));

  it('receive 100 family kits with a berita acara penerimaan, dispatch 40, write off 2: 58 on hand; 59 is refused in both languages', async () => {
    const r = await move({ item: kit, kind: 'receipt', quantity: 100, lot: 'FK-2025-07', expiresOn: '2027-07-31', funding: 'apbn', condition: 'baik', handedOverBy: 'Balai Besar Logistik Kemensos (Ahmad Fauzi)' });
    assert.equal(r.status, 201, r.body);
    assert.equal(r.json().onHand, 100);
    const d = await move({ item: kit, kind: 'dispatch', quantity: 40 });
    assert.equal(d.status, 201, d.body);
    assert.deepEqual(d.json().picks, [{ lot: 'FK-2025-07', quantity: 40 }]);
    const w = await move({ item: kit, kind: 'write-off', quantity: 2, reason: 'Kemasan robek dan basah terkena rembesan atap gudang' });
    assert.equal(w.status, 201, w.body);
    assert.equal(w.json().onHand, 58);
    const s = await stock();
    assert.equal(s.status, 200, s.body);
    assert.deepEqual(s.json().map((x: { code: string; onHand: number; lots: { lot: string; onHand: number }[] }) => [x.code, x.onHand, x.lots.map((l) => [l.lot, l.onHand])]), [['FK-01', 58, [['FK-2025-07', 58]]]]);
    const refused = await move({ item: kit, kind: 'dispatch', quantity: 59 });
    assert.equal(refused.status, 422, refused.body);
    const e = refused.json().error;
    assert.equal(e.code, 'insufficient-stock');
    assert.equal(e.message, 'Stok tidak cukup: Family kit tersedia 58 paket, diminta 59');
    assert.equal(e.messageEn, 'Not enough stock: Family kit has 58 paket, 59 requested');
    assert.equal((await stock()).json()[0].onHand, 58, 'a refused dispatch leaves no trace in the stock');
  });

  it('a receipt without its berita acara (funding, condition, who handed over) is refused field by field; a write-off needs a reason', async () => {
    const r = await move({ item: kit, kind: 'receipt', quantity: 10 });
    assert.equal(r.status, 422);
    assert.deepEqual(r.json().error.problems.map((p: { field: string }) => p.field).sort(), ['condition', 'funding', 'handedOverBy']);
    const w = await move({ item: kit, kind: 'write-off', quantity: 1 });
    assert.equal(w.status, 422);
    assert.equal(w.json().error.code, 'reason-required');
    const big = await move({ item: kit, kind: 'dispatch', quantity: 2_000_000 });
    assert.equal(big.status, 400, 'every number has an upper bound (the schema refuses it)');
    assert.match(big.json().error.message, /quantity/);
  });

  it('of two dispatches of the last 58 sent at once exactly one wins, and the stock ends at 0, never below', async () => {
    const [a, b] = await Promise.all([move({ item: kit, kind: 'dispatch', quantity: 58 }), move({ item: kit, kind: 'dispatch', quantity: 58 })]);
    assert.deepEqual([a.status, b.status].sort(), [201, 422], `${a.body} ${b.body}`);
    assert.equal((a.status === 422 ? a : b).json().error.code, 'insufficient-stock');
    assert.deepEqual((await stock()).json(), []);
  });

  it('two processes dispatching the last 30 units at the same moment: exactly one wins', async () => {
    const r = await move({ item: kit, kind: 'receipt', quantity: 30, lot: 'FK-2025-08', expiresOn: '2027-08-31', funding: 'apbd-kabkota', condition: 'baik', handedOverBy: 'CV Sumber Rezeki (penyedia)' });
    assert.equal(r.status, 201, r.body);
    const run = () =>
      new Promise<{ ok: boolean; code?: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [...nodeEntry('test/logistics/dispatch-worker.ts'), JSON.stringify({ ...t.location, username: KEEPER, warehouse, item: kit, quantity: 30, now: clock.toISOString() })], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`worker ${code}: ${err}`))));
      });
    const results = await Promise.all([run(), run()]);
    assert.equal(results.filter((x) => x.ok).length, 1, JSON.stringify(results));
    assert.deepEqual(results.filter((x) => !x.ok).map((x) => x.code), ['insufficient-stock']);
    assert.deepEqual((await stock()).json(), []);
  });

  it('a dispatch takes the earliest expiry first (September before December), across lots when one is not enough', async () => {
    const base = { item: kit, kind: 'receipt', funding: 'donasi-pub', condition: 'baik', handedOverBy: 'Panitia PUB Peduli Banjir Jambi' };
    assert.equal((await move({ ...base, quantity: 20, lot: 'DON-DES', expiresOn: '2025-12-01' })).status, 201);
    assert.equal((await move({ ...base, quantity: 15, lot: 'DON-SEP', expiresOn: '2025-09-01' })).status, 201);
    const d = await move({ item: kit, kind: 'dispatch', quantity: 10 });
    assert.deepEqual(d.json().picks, [{ lot: 'DON-SEP', quantity: 10 }]);
    const d2 = await move({ item: kit, kind: 'dispatch', quantity: 8 });
    assert.deepEqual(d2.json().picks, [{ lot: 'DON-SEP', quantity: 5 }, { lot: 'DON-DES', quantity: 3 }]);
    assert.equal(d2.json().onHand, 17);
  });

  it('alerts: a lot expiring in 22 days is in the 30-day band, 7 days is critical, past is expired; below the minimum is flagged', async () => {
    const base = { item: kit, kind: 'receipt', funding: 'apbd-provinsi', condition: 'baik', handedOverBy: 'Dinas Sosial Provinsi Jambi' };
    assert.equal((await move({ ...base, quantity: 4, lot: 'PROV-A', expiresOn: '2025-08-17' })).status, 201);
    assert.equal((await move({ ...base, quantity: 3, lot: 'PROV-B', expiresOn: '2025-08-09' })).status, 201);
    const auth = await login(KEEPER);
    assert.equal((await req('PUT', `/api/v1/logistics/warehouses/${warehouse}/minimums`, { item: kit, minimum: 50 }, auth)).status, 200);
    const [line] = (await stock()).json();
    const expiry = Object.fromEntries(line.lots.map((l: { lot: string; expiry: unknown }) => [l.lot, l.expiry]));
    assert.deepEqual(expiry, { 'PROV-B': 'expired', 'PROV-A': 7, 'DON-DES': null });
    assert.equal(line.onHand, 24);
    assert.equal(line.minimum, 50);
    assert.equal(line.belowMinimum, true);
    // Move the clock: 2025-11-10 puts December's lot at 21 days (30-day band), 2025-11-20 at 11 days (14-day band).
  });

  it('the ledger is append-only in the database, and its sum is every lot balance', async () => {
    const db = t.ctx.database.db;
    await assert.rejects(sql`UPDATE logistics_movements SET quantity = 1000`.execute(db), /append-only/);
    await assert.rejects(sql`DELETE FROM logistics_movements`.execute(db), /append-only/);
    const sums = await ledgerSums(db, warehouse, 100);
    const lots = await db.selectFrom('logistics_lots').select(['id', 'on_hand']).where('warehouse_id', '=', warehouse).execute();
    assert.equal(lots.length, 6);
    for (const l of lots) assert.equal(sums.find((s) => s.lot_id === l.id)?.on_hand, l.on_hand, `lot ${l.id}`);
    // Every movement is audited in the office's chain.
    const audited = await db.selectFrom('audit_events').select('action').where('action', 'like', 'logistics.%').execute();
    assert.ok(audited.filter((a) => a.action === 'logistics.dispatch').length >= 5);
  });

  it('who may: the auditor reads the stock but records nothing; Kutai Kartanegara cannot see Jambi’s warehouse; a body naming another office is refused', async () => {
    assert.equal((await stock(warehouse, `auditor@${JAMBI}`)).status, 200);
    assert.equal((await move({ item: kit, kind: 'dispatch', quantity: 1 }, `auditor@${JAMBI}`)).status, 403);
    assert.equal((await stock(warehouse, 'operator@kabupaten-kutai-kartanegara')).status, 404);
    const other = await req('POST', '/api/v1/logistics/items', { office: 'kabupaten-kutai-kartanegara', code: 'BR-01', name: 'Beras', unit: 'kg' }, await login(KEEPER));
    assert.equal(other.status, 404);
    assert.equal((await req('POST', '/api/v1/logistics/items', { office: JAMBI, code: 'FK-01', name: 'Family kit lagi', unit: 'paket' }, await login(KEEPER))).json().error.code, 'item-exists');
  });

  it('the API is in the OpenAPI document: warehouses, items, movements, stock, incidents and handovers', async () => {
    const doc = (await req('GET', '/api/v1/openapi.json')).json();
    for (const [p, m] of [['/api/v1/logistics/warehouses', 'post'], ['/api/v1/logistics/items', 'post'], ['/api/v1/logistics/movements', 'post'], ['/api/v1/logistics/warehouses/{id}/stock', 'get'], ['/api/v1/logistics/incidents', 'post'], ['/api/v1/logistics/incidents/{id}/handovers', 'post']] as const)
      assert.ok(doc.paths[p]?.[m], `missing ${m} ${p}`);
    assert.deepEqual(doc.paths['/api/v1/logistics/movements'].post.requestBody.content['application/json'].schema.properties.kind.enum, ['receipt', 'dispatch', 'adjustment', 'write-off', 'return']);
  });
});
