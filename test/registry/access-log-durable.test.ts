/**
 * The access log under a busy counter: look-ups whose log rows are committed together (one commit
 * per group, src/db/sqlite-append.ts and group-append.ts) still log every answer exactly once, in
 * an unbroken hash chain per office, and a process killed mid-stream (SIGKILL) never leaves an
 * answer it gave without its log row.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sampleRows } from '../../src/domain/registry/sample.js';
import { verifyAudit } from '../../src/usecases/audit/verify-audit.js';
import { lookupRegistry } from '../../src/usecases/registry/lookup-registry.js';
import { testCtx, type TestCtx } from '../support/ctx.js';
import { TEST_DB } from '../support/db.js';
import { killAfter } from '../support/kill-after.js';
import { nodeEntry, STANDARDS_DIR } from '../support/paths.js';
import { extract, importAs, row, staffActor, writeCsv } from './support.js';

const REASON = 'Pemeriksaan DTKS di loket atas permintaan warga';
const SITI = row({ nik: '1571024107900003', kk: '1571020101150007', nama: 'SITI AMINAH', tanggal_lahir: '1990-07-01', jenis_kelamin: 'P', hubungan: 'ISTRI' });
/** Valid NIKs that no extract lists (generated serials start at 0501). */
const NOT_LISTED_JAMBI = '1571116612010001';
const NOT_LISTED_SEMARANG = '3374015505900001';

describe(`registry access log under concurrent look-ups (${TEST_DB})`, () => {
  let t: TestCtx;
  let dir: string;
  const listed: Record<'kota-jambi' | 'kota-semarang', string[]> = { 'kota-jambi': [], 'kota-semarang': [] };
  before(async () => {
    t = await testCtx();
    dir = mkdtempSync(join(tmpdir(), 'sigap-reg-log-'));
    for (const office of ['kota-jambi', 'kota-semarang'] as const) {
      const rows = extract(office, 400, office === 'kota-jambi' ? [SITI] : [], 11);
      listed[office] = rows.filter((_, i) => i % 7 === 0).map((r) => r[10]!);
      const file = join(dir, `${office}.csv`);
      writeCsv(file, rows);
      const r = await importAs(t, file, office, { period: '2026-01' });
      assert.ok(r.ok, JSON.stringify(r));
    }
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The office's access-log rows by id, with the chain verified. */
  async function logOf(office: string) {
    const officeId = t.catalogue.office(office)!.id;
    const rows = await t.database.db.selectFrom('registry_access_log').select(['id', 'nik', 'found', 'seq']).where('office_id', '=', officeId).orderBy('seq').execute();
    const v = await verifyAudit(t.ctx, { office });
    assert.ok(v.ok);
    const chain = v.value.chains.find((c) => c.table === 'registry_access_log')!;
    assert.equal(chain.broken, null, `the ${office} access-log chain holds`);
    assert.equal(chain.rows, rows.length, 'the chain counts every row');
    return new Map(rows.map((r) => [r.id, r]));
  }

  it('logs each of 240 concurrent look-ups of two offices once, found or not, in an unbroken chain per office', async () => {
    const jambi = await staffActor(t.ctx, 'operator', 'kota-jambi');
    const semarang = await staffActor(t.ctx, 'front-office', 'kota-semarang');
    const asks = Array.from({ length: 240 }, (_, i) => {
      const office = i % 3 === 0 ? ('kota-semarang' as const) : ('kota-jambi' as const);
      const nik = i % 10 === 9 ? (office === 'kota-jambi' ? NOT_LISTED_JAMBI : NOT_LISTED_SEMARANG) : listed[office][i % listed[office].length]!;
      return { office, nik, actor: office === 'kota-jambi' ? jambi : semarang };
    });
    const answers = await Promise.all(asks.map((a) => lookupRegistry(t.ctx, a.actor, { nik: a.nik, reason: REASON })));
    const logs = { 'kota-jambi': await logOf('kota-jambi'), 'kota-semarang': await logOf('kota-semarang') };
    assert.equal(logs['kota-jambi'].size, 160);
    assert.equal(logs['kota-semarang'].size, 80);
    answers.forEach((r, i) => {
      assert.ok(r.ok, JSON.stringify(r));
      const entry = logs[asks[i]!.office].get(r.value.logId);
      assert.ok(entry, `answer ${i} (${asks[i]!.nik}) has its log row in its own office`);
      assert.equal(entry.nik, asks[i]!.nik);
      assert.equal(entry.found, r.value.found ? 1 : 0, 'the row records what the answer said');
      assert.equal(r.value.found, i % 10 !== 9);
    });
  });

  it('never leaves an answer without its log row when the answering process is killed mid-stream', { timeout: 120_000 }, async () => {
    const before = (await logOf('kota-jambi')).size;
    const env = {
      ...process.env,
      DATABASE_URL: t.location.databaseUrl ?? '',
      DATA_DIR: t.location.dataDir,
      STANDARDS_DIR,
      LOOKUP_AS: 'operator@kota-jambi',
      LOOKUP_NIKS: [...listed['kota-jambi'], NOT_LISTED_JAMBI].join(','),
      LOOKUP_LOOPS: '40',
    };
    const child = spawn(process.execPath, nodeEntry('test/support/lookup-loop.ts'), { env, stdio: ['ignore', 'pipe', 'inherit'] });
    const { reported, refused } = await killAfter(child, /^ANSWERED (\S+) (\d{16})$/, 400, 100_000);
    const answered = new Map(reported.map((m) => [m[1]!, m[2]!]));
    assert.equal(refused, '', `the loop asks valid look-ups: ${refused}`);
    assert.ok(answered.size >= 400, `${answered.size} answered before the kill`);
    const log = await logOf('kota-jambi');
    for (const [id, nik] of answered) assert.equal(log.get(id)?.nik, nik, `answered look-up ${id} of ${nik} is logged`);
    // Rows committed whose answer the kill cut off may exist; answers without rows may not.
    assert.ok(log.size >= before + answered.size);
  });
});
