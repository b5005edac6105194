/**
 * A real streaming replica (pg_basebackup, hot standby) behind DATABASE_READ_URL (issue 18): heavy
 * reads are served by the standby, what the reader just wrote is read from the primary, and when the
 * standby stops the reads fall back to the primary without an error; the status says so.
 * PostgreSQL only: SQLite has no replica (the configuration refuses DATABASE_READ_URL with it).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startCluster, startReplica, type Cluster, type Replica } from '../../scripts/pg-cluster.mjs';
import { noteChange } from '../../src/db/changes-repo.js';
import { openDatabase, type Database } from '../../src/db/dialect.js';
import { boot } from '../../src/boot.js';
import { loadConfig } from '../../src/config.js';
import { SESSION_COOKIE } from '../../src/http/auth.js';
import { buildApp } from '../../src/http/app.js';
import { readPeriod } from '../../src/domain/oversight/period.js';
import { evaluateStandard } from '../../src/usecases/oversight/evaluate-standard.js';
import { readPerformance } from '../../src/usecases/oversight/read-performance.js';
import type { Ctx } from '../../src/usecases/context.js';
import { signIn } from '../../src/usecases/staff/sign-in.js';
import { TEST_DB } from '../support/db.js';
import { STANDARDS_DIR } from '../support/paths.js';

const onPostgres = TEST_DB === 'postgres';

describe('a streaming read replica (postgres)', { skip: onPostgres ? false : 'PostgreSQL only; the SQLite pass checks the configuration below' }, () => {
  let primary: Cluster;
  let replica: Replica;
  let database: Database;
  let ctx: Ctx;
  let dataDir: string;
  let app: Awaited<ReturnType<typeof buildApp>>;
  /** The admin's status page, as its text (tags dropped). */
  const statusPage = async (lang = '') => {
    const r = await signIn(database, 'admin@kota-banjarmasin', 'sigap-demo', 'cookie', '10.20.1.7');
    assert.ok(r.ok);
    const page = await app.inject({ method: 'GET', url: `/petugas/sistem${lang}`, headers: { cookie: `${SESSION_COOKIE}=${r.value.token}` } });
    assert.equal(page.statusCode, 200);
    return page.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  };
  const generation = async (read: Database['read']) => (await read<{ generation: number }>('select generation from change_feed where key = $1', ['calendar:kota-banjarmasin']))[0]?.generation ?? 0;
  const bump = () => database.write((trx) => noteChange(trx, 'postgres', 'calendar:kota-banjarmasin', new Date().toISOString()));
  const onStandby = async (text: string) => {
    const c = openDatabase({ databaseUrl: replica.url('sigap'), dataDir });
    try {
      return await c.read(text, []);
    } finally {
      await c.close();
    }
  };

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sigap-replica-'));
    primary = await startCluster({ database: 'sigap' });
    replica = await startReplica(primary);
    const b = await boot({ databaseUrl: primary.url, readUrl: replica.url('sigap'), dataDir, standardsDir: STANDARDS_DIR, demo: true, actor: 'test' });
    assert.ok(b.ok);
    database = b.ctx.database;
    ctx = b.ctx;
    app = await buildApp({ ctx: b.ctx, rateLimit: false });
  });
  after(async () => {
    await app?.close();
    await database?.close();
    replica?.stop();
    primary?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves heavy reads from the standby, which follows the primary', async () => {
    await bump();
    const [status] = [await database.replica()];
    assert.equal(status?.up, true, JSON.stringify(status));
    // Caught up within a moment of the commit.
    for (let i = 0; i < 100 && (await generation(database.readHeavy)) < 1; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(await generation(database.readHeavy), 1);
    // With replay paused, the standby keeps its view: heavy reads show it, the primary has moved on.
    await onStandby('select pg_wal_replay_pause()');
    await bump();
    assert.equal(await generation(database.read), 2, 'the primary has the new write');
    assert.equal(await generation(database.readHeavy), 1, 'the heavy read came from the paused standby');
    const lagging = await database.replica();
    assert.ok((lagging?.lagBytes ?? 0) > 0, `lag visible while paused: ${JSON.stringify(lagging)}`);
    // The admin sees it: running, and behind by some bytes.
    assert.match(await statusPage(), /Berjalan \(hot standby\).*Ketertinggalan (\d+(,\d)? (B|KiB|MiB))/);
    assert.doesNotMatch(await statusPage(), /Ketertinggalan 0 B/);
    await onStandby('select pg_wal_replay_resume()');
    for (let i = 0; i < 100 && (await generation(database.readHeavy)) < 2; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(await generation(database.readHeavy), 2);
  });

  it('reads the evaluation of the standard and the public performance page from the standby, and an approval’s figures from the primary', async () => {
    const office = ctx.catalogue.office('kota-banjarmasin')!;
    const service = office.services[0]!;
    const march = readPeriod('month', '2026-03');
    assert.ok(march.ok);
    const completed = async (source: 'heavy' | 'primary') => (await evaluateStandard(ctx, office.id, march.value, source)).services.find((s) => s.id === service.id)!.evaluation.completed;
    const onPublicPage = async () => {
      const r = await readPerformance(ctx, office, { periode: '2026-03' });
      assert.ok(r.ok, JSON.stringify(r));
      return JSON.stringify(r.value);
    };
    assert.equal(await completed('heavy'), 0);
    const publicBefore = await onPublicPage();
    // Seven cases of March closed, counted on the primary while the standby's replay is paused.
    await onStandby('select pg_wal_replay_pause()');
    try {
      await database.db
        .insertInto('oversight_counts')
        .values({ office_id: office.id, service_id: service.id, month: '2026-03', status: 'completed', on_time: 1, duration: 2, n: 7, applicant_paused: 0, applicant_pauses: 0, external_paused: 0, external_pauses: 0 })
        .execute();
      assert.equal(await completed('primary'), 7, 'the approval reads the primary');
      assert.equal(await completed('heavy'), 0, 'the evaluation page reads the paused standby');
      assert.equal(await onPublicPage(), publicBefore, 'so does the public performance page');
    } finally {
      await onStandby('select pg_wal_replay_resume()');
    }
    for (let i = 0; i < 100 && (await completed('heavy')) < 7; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(await completed('heavy'), 7);
    assert.notEqual(await onPublicPage(), publicBefore);
  });

  it('falls back to the primary without an error when the standby stops, and says so', async () => {
    replica.pause();
    try {
      await bump();
      assert.equal(await generation(database.readHeavy), 3, 'read from the primary');
      const status = await database.replica();
      assert.equal(status?.up, false);
      assert.ok((status?.fallbacks ?? 0) >= 1);
      assert.ok(status?.error);
      assert.match(await statusPage('?lang=en'), /Unavailable: heavy reads are served by the primary/);
    } finally {
      replica.resume();
    }
  });
});

describe('DATABASE_READ_URL in the configuration', () => {
  it('is refused without a PostgreSQL primary, in both languages', () => {
    assert.throws(() => loadConfig({ DATABASE_READ_URL: 'postgres://replica.dinsos.local/sigap' }), /hanya untuk replika PostgreSQL.*only for a PostgreSQL replica/);
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://db.dinsos.local/sigap', DATABASE_READ_URL: 'postgres://replica.dinsos.local/sigap' }).readUrl, 'postgres://replica.dinsos.local/sigap');
  });
});
