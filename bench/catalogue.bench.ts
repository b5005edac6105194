/** Catalogue capability: validate+load time, and API throughput beside a bare Fastify baseline. */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/dialect.js';
import { migrate } from '../src/db/migrate.js';
import { loadStandardsDir } from '../src/io/standards-dir.js';
import { loadStandards } from '../src/usecases/catalogue/load-standards.js';
import { report, type BenchContext } from './report.js';
import { startServerChild } from './server-child.js';

const startServer = (args: string[], env: NodeJS.ProcessEnv = {}) => startServerChild('bench/server.ts', args, env);

async function load(url: string, seconds: number, connections: number) {
  const r = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

export async function catalogueBench(ctx: BenchContext): Promise<void> {
  // 1. Validate and load all five offices into a fresh database, cold and warm (unchanged reload).
  const t0 = performance.now();
  const { offices, problems } = loadStandardsDir('standards');
  const validateMs = performance.now() - t0;
  if (problems.length) throw new Error('standards invalid');
  const services = offices.reduce((a, o) => a + o.services.length, 0);
  for (const db of ctx.databases) {
    const dir = mkdtempSync(join(tmpdir(), 'sigap-bench-'));
    const database = openDatabase({ databaseUrl: db.url, dataDir: dir });
    await migrate(database);
    const a = performance.now();
    const first = await loadStandards(database, 'standards', 'bench');
    const firstMs = performance.now() - a;
    const b = performance.now();
    await loadStandards(database, 'standards', 'bench');
    const againMs = performance.now() - b;
    if (!first.ok) throw new Error('load failed');
    await database.close();
    rmSync(dir, { recursive: true, force: true });
    report(ctx, {
      name: `standards validate+load, ${offices.length} offices / ${services} services (${db.name})`,
      value: validateMs + firstMs,
      unit: 'ms',
      baseline: { name: 'validate only (parse + schema + cross-checks, no database)', value: validateMs, unit: 'ms' },
      note: `unchanged reload: ${againMs.toFixed(0)} ms (no new versions)`,
    });
  }

  // 2. Catalogue API throughput vs a bare Fastify route with a constant body of the same size.
  const seconds = ctx.quick ? 3 : 8;
  const real = await startServer(['catalogue']);
  try {
    const url = `http://127.0.0.1:${real.port}/api/v1/offices/kota-jambi/services`;
    const body = await (await fetch(url)).text();
    const bare = await startServer(['bare', body]);
    try {
      await load(url, 1, 10); // warm-up
      await load(`http://127.0.0.1:${bare.port}/bare`, 1, 10);
      const b = await load(`http://127.0.0.1:${bare.port}/bare`, seconds, 50);
      const c = await load(url, seconds, 50);
      report(ctx, {
        name: `GET /api/v1/offices/kota-jambi/services (${(body.length / 1024).toFixed(1)} KiB), 50 connections`,
        value: c.rps,
        unit: 'req/s',
        baseline: { name: 'bare Fastify route, constant body of the same size', value: b.rps, unit: 'req/s' },
        note: `p99 ${c.p99} ms (baseline ${b.p99} ms); errors ${c.errors}/${b.errors}`,
        higherIsBetter: true,
        target: 0.5,
      });
    } finally {
      bare.child.kill();
    }
  } finally {
    real.child.kill();
  }
}
