/**
 * Atomicity: a `sigap registry import` process killed (SIGKILL) in the middle of loading leaves the
 * previous snapshot current and nothing of the new one visible; the next import cleans up what it
 * left.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { currentSnapshot, rowTableExists } from '../../src/db/registry-repo.js';
import { lookupRegistry } from '../../src/usecases/registry/lookup-registry.js';
import { registryFactsFor } from '../../src/usecases/registry/facts.js';
import { testCtx, type TestCtx } from '../support/ctx.js';
import { TEST_DB } from '../support/db.js';
import { nodeEntry, STANDARDS_DIR } from '../support/paths.js';
import { extract, importAs, row, staffActor, writeCsv } from './support.js';

const SITI = row({ nik: '1571024107900003', kk: '1571020101150007', nama: 'SITI AMINAH', tanggal_lahir: '1990-07-01', jenis_kelamin: 'P', hubungan: 'ISTRI' });
/** Only in the file of the killed import, on its first line (loaded in its first batch). */
const ONLY_NEW = '1571116612010001';

describe(`registry import killed mid-way (${TEST_DB})`, () => {
  let t: TestCtx;
  let dir: string;
  before(async () => {
    t = await testCtx();
    dir = mkdtempSync(join(tmpdir(), 'sigap-reg-kill-'));
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves the old snapshot intact and nothing of the new one visible, then cleans up on the next import', { timeout: 180_000 }, async () => {
    const officeId = t.catalogue.office('kota-jambi')!.id;
    const first = join(dir, 'jambi-2026-01.csv');
    writeCsv(first, extract('kota-jambi', 300, [SITI]));
    const old = await importAs(t, first, 'kota-jambi', { period: '2026-01' });
    assert.ok(old.ok, JSON.stringify(old));

    const big = join(dir, 'jambi-2026-02.csv');
    writeCsv(big, extract('kota-jambi', 300_000, [row({ nik: ONLY_NEW, kk: '1571111212200001', nama: 'HANYA DI IMPOR YANG DIHENTIKAN' })], 3));
    const child = spawn(process.execPath, [...nodeEntry('src/cli/main.ts'), 'registry', 'import', big, '--office', 'kota-jambi', '--period', '2026-02'], {
      env: { ...process.env, DATA_DIR: t.location.dataDir, DATABASE_URL: t.location.databaseUrl ?? `sqlite:${join(t.location.dataDir, 'sigap.db')}`, STANDARDS_DIR },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (code, signal) => r(signal ? -1 : code)));
    // Wait until the child is loading rows (its heartbeat reports them), then kill it.
    let loading: { id: string; rows_read: number; table_name: string } | undefined;
    for (let i = 0; i < 1200 && !loading; i++) {
      await new Promise((r) => setTimeout(r, 50));
      loading = await t.database.db
        .selectFrom('registry_snapshots')
        .select(['id', 'rows_read', 'table_name'])
        .where('office_id', '=', officeId)
        .where('status', '=', 'loading')
        .where('rows_read', '>', 0)
        .executeTakeFirst();
    }
    assert.ok(loading, `the child never started loading: ${stderr}`);
    child.kill('SIGKILL');
    assert.equal(await exited, -1, 'killed, not finished');
    assert.match(stderr, /impor: \d+% \d+ baris/, 'a non-terminal gets plain progress lines');

    // Readers still see the old snapshot; nothing of the killed import is visible.
    const current = await currentSnapshot(t.database.db, officeId);
    assert.equal(current!.id, old.value.snapshotId);
    const operator = await staffActor(t.ctx, 'operator', 'kota-jambi');
    const reason = 'Pemeriksaan DTKS di loket';
    const gone = await lookupRegistry(t.ctx, operator, { nik: ONLY_NEW, reason });
    assert.ok(gone.ok);
    assert.equal(gone.value.found, false);
    assert.equal(gone.value.snapshot!.id, old.value.snapshotId);
    const siti = await lookupRegistry(t.ctx, operator, { nik: '1571024107900003', reason });
    assert.ok(siti.ok && siti.value.found);
    assert.equal((await registryFactsFor(t.ctx, officeId, ONLY_NEW))!['registry.dtks'], false);
    const killed = await t.database.db.selectFrom('registry_snapshots').selectAll().where('id', '=', loading!.id).executeTakeFirstOrThrow();
    assert.equal(killed.status, 'loading');
    assert.equal(killed.current_for_period, 0);
    if (TEST_DB === 'sqlite') {
      // Batches the child committed are in its hidden table: proof it was killed mid-load.
      const n = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${sql.table(loading!.table_name)}`.execute(t.database.db);
      assert.ok(Number(n.rows[0]!.n) > 0 && Number(n.rows[0]!.n) < 300_001);
    }

    // The next import removes the leftovers and publishes normally.
    const next = join(dir, 'jambi-2026-03.csv');
    writeCsv(next, extract('kota-jambi', 100, [SITI], 5));
    const r = await importAs(t, next, 'kota-jambi', { period: '2026-03' });
    assert.ok(r.ok, JSON.stringify(r));
    const after = await t.database.db.selectFrom('registry_snapshots').selectAll().where('id', '=', loading!.id).executeTakeFirstOrThrow();
    assert.equal(after.status, 'abandoned');
    assert.equal(await rowTableExists(t.database.db, loading!.table_name), false);
    assert.equal((await currentSnapshot(t.database.db, officeId))!.id, r.value.snapshotId);
  });
});
