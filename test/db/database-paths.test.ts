/**
 * The database's two fast paths, on a real database: reads outside Kysely's connection queue see
 * every committed write, and appends to log tables (committed from a writer thread on SQLite) are
 * durable when they resolve and never make a concurrent read-then-write transaction fail.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { insertChained } from '../../src/db/audit-chain-repo.js';
import { openDatabase } from '../../src/db/dialect.js';
import { freshDatabase, TEST_DB, type TestDatabase } from '../support/db.js';

const logRow = (nik: string, i: number) => ({
  id: randomUUID(),
  office_id: 'kota-jambi',
  at: new Date(Date.UTC(2026, 10, 23, 2, 0, i % 60)).toISOString(),
  actor_id: null,
  actor_name: 'Siti Rahmawati (Petugas Pelayanan)',
  roles: '["front-office"]',
  action: 'lookup-nik',
  nik,
  kk: '1571031503180002',
  snapshot_id: null,
  application_id: null,
  reason: 'cek DTKS di loket atas permintaan warga',
  found: 1,
  detail: '{}',
});

describe(`database read path and log appends (${TEST_DB})`, () => {
  let t: TestDatabase;
  before(async () => {
    t = await freshDatabase();
  });
  after(async () => {
    await t.cleanup();
  });

  const count = async (nik: string) => Number((await t.database.db.selectFrom('registry_access_log').select((eb) => eb.fn.countAll().as('n')).where('nik', '=', nik).executeTakeFirstOrThrow()).n);

  it('an append has been committed when it resolves: another connection sees it', async () => {
    const nik = '1571036512880004';
    await t.database.append('registry_access_log', [logRow(nik, 1)]);
    const other = openDatabase(t.location);
    try {
      const rows = await other.db.selectFrom('registry_access_log').select(['nik', 'reason']).where('nik', '=', nik).execute();
      assert.deepEqual(rows, [{ nik, reason: 'cek DTKS di loket atas permintaan warga' }]);
    } finally {
      await other.close();
    }
  });

  it('the read path sees a write as soon as it is committed', async () => {
    const nik = '1571021708850009';
    const text = t.database.db.selectFrom('registry_access_log').select('actor_name').where('nik', '=', nik).compile().sql;
    assert.deepEqual(await t.database.read(text, [nik]), []);
    await t.database.write((trx) => insertChained(trx, 'registry_access_log', [logRow(nik, 2)]));
    assert.deepEqual(await t.database.read(text, [nik]), [{ actor_name: 'Siti Rahmawati (Petugas Pelayanan)' }]);
  });

  it('300 concurrent appends and 40 transactions that read before they write all succeed, nothing lost', async () => {
    const nik = '1571034410900006';
    const txNik = '1571030207150004';
    const appends = Array.from({ length: 300 }, (_, i) => t.database.append('registry_access_log', [logRow(nik, i)]));
    // Each transaction reads, yields to the event loop (letting appends commit meanwhile), then
    // writes: with deferred transactions on SQLite the write would fail on a stale snapshot.
    const txs = Array.from({ length: 40 }, (_, i) =>
      t.database.write(async (trx) => {
        await trx.selectFrom('registry_access_log').select('seq').where('nik', '=', txNik).execute();
        await new Promise((r) => setImmediate(r));
        await insertChained(trx, 'registry_access_log', [logRow(txNik, i)]);
      }),
    );
    const results = await Promise.allSettled([...appends, ...txs]);
    const failed = results.filter((r) => r.status === 'rejected');
    assert.deepEqual(failed, []);
    assert.equal(await count(nik), 300);
    assert.equal(await count(txNik), 40);
  });

  it('a bad append is refused with the database error and does not stop later ones', async () => {
    await assert.rejects(t.database.append('registry_access_log', [{ ...logRow('1571036512880004', 3), id: undefined as unknown as string, actor_name: null as unknown as string }]));
    const nik = '1471015506850001';
    await t.database.append('registry_access_log', [logRow(nik, 4)]);
    assert.equal(await count(nik), 1);
  });
});
