/**
 * Province (issue 18 §4–5): Jawa Tengah's 35 offices with their data (bench/province-data.ts) and
 * `sigap serve` processes over them, each figure beside a baseline measured in the same run:
 *  1. submissions (POST /api/v1/applications) and look-ups by NIK (GET /api/v1/registry/lookup,
 *     every one logged) with one, two and three processes on a PostgreSQL primary with a streaming
 *     replica (DATABASE_READ_URL), beside one process on SQLite with the same data;
 *  2. the registry import against the pipeline limit (the registry section's measurement);
 *  3. the head of office's dashboard and the province-wide count by office and status, with the
 *     province's cases.
 * Sizes: `--quick` 35 offices, 70,000 registry rows, 17,500 cases; otherwise 350,000 rows and
 * 175,000 cases; `--province=offices,rows,cases,complaints` for another size (the full province,
 * 35,10000000,1000000,100000, is a by-hand run: its figures are in docs/OPERATIONS.md).
 * Bench only, never in CI; load generator and servers share the machine's cores.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { freePort, startCluster, startReplica } from '../scripts/pg-cluster.mjs';
import { generateProvince, writeProvinceStandards, type ProvinceSizes } from './province-data.js';
import { buildCli, importFigures, writeExtract } from './registry.bench.js';
import { report, timeRuns, type BenchContext } from './report.js';

/** The service submitted to: Jambi's "rekomendasi jamkesda bayi", copied to Kabupaten Banyumas (the second office). */
const OFFICE = 'kabupaten-banyumas';
const SERVICE = 'rekomendasi-jamkesda-bayi';

interface Prepared {
  token: string;
  body: (i: number) => string;
  niks: string[];
  officeId: string;
}

/** Generates the province into a database, then a sign-in token, an upload and the request bodies. */
async function prepare(dataDir: string, standards: string, databaseUrl: string | null, sizes: ProvinceSizes, log: (l: string) => void): Promise<Prepared & { genMs: number }> {
  const { boot } = await import('../src/boot.js');
  const { signIn } = await import('../src/usecases/staff/sign-in.js');
  const { storeUpload } = await import('../src/usecases/applications/store-upload.js');
  const offices = writeProvinceStandards('standards', standards, sizes.offices);
  const b = await boot({ databaseUrl, dataDir, standardsDir: standards, demo: true });
  if (!b.ok) throw new Error('province standards invalid');
  const t0 = performance.now();
  const people = await generateProvince(b.ctx, offices, sizes, { databaseUrl, log });
  const genMs = performance.now() - t0;
  if (databaseUrl) await sql`ANALYZE`.execute(b.ctx.database.db);
  const s = await signIn(b.ctx.database, `operator@${OFFICE}`, 'sigap-demo', 'api', '127.0.0.1');
  if (!s.ok) throw new Error('sign-in failed');
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
  const u = await storeUpload(b.ctx, png, 'ktp.png');
  if (!u.ok) throw new Error('upload failed');
  const svc = b.ctx.catalogue.service(OFFICE, SERVICE)!.service;
  const reqs = svc.service.requirements.filter((r) => r.kind === 'document').map((r) => r.id);
  const listed = people.get(OFFICE) ?? [];
  const officeId = b.ctx.catalogue.office(OFFICE)!.id;
  await b.ctx.database.close();
  // A listed resident of the office applies (the registry check passes, as at a real counter).
  const body = (i: number) => {
    const p = listed[i % listed.length]!;
    return JSON.stringify({ office: OFFICE, service: SERVICE, applicant: { nik: p.nik, name: p.name, phone: '081266782747', residentOfRegion: true }, attachments: reqs.map((r) => ({ requirement: r, upload: u.value.id })) });
  };
  return { token: s.value.token, body, niks: listed.map((p) => p.nik), officeId, genMs };
}

/** `sigap serve` processes (the compiled CLI) on the given environment; resolves when each answers. */
async function serveProcesses(cli: string, n: number, env: NodeJS.ProcessEnv): Promise<{ ports: number[]; stop(): void }> {
  const children: ChildProcess[] = [];
  const ports: number[] = [];
  for (let i = 0; i < n; i++) {
    const port = await freePort();
    ports.push(port);
    const c = spawn(process.execPath, [cli, 'serve'], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', SIGAP_DEMO: '1', TRUST_PROXY: '127.0.0.1' } });
    // The demo banner is not news; anything else a process says on stderr is.
    c.stderr!.on('data', (d: Buffer) => {
      const t = d.toString();
      if (!/MODE DEMO|^[!\s]*$/.test(t)) process.stderr.write(t);
    });
    children.push(c);
  }
  const stop = () => children.forEach((c) => c.kill('SIGTERM'));
  try {
    for (const p of ports)
      for (let t = 0; ; t++) {
        if (await fetch(`http://127.0.0.1:${p}/healthz`).then((r) => r.ok, () => false)) break;
        if (t > 300) throw new Error(`sigap serve on ${p} did not start`);
        await new Promise((r) => setTimeout(r, 200));
      }
  } catch (e) {
    stop();
    throw e;
  }
  return { ports, stop };
}

interface Load {
  rps: number;
  p99: number;
  errors: number;
  total: number;
}

/** The same total connections spread over the processes, one autocannon per process at once; sums and worst p99. */
async function drive(ports: number[], seconds: number, connections: number, request: (port: number) => autocannon.Request): Promise<Load> {
  const per = Math.max(1, Math.round(connections / ports.length));
  const rs = await Promise.all(
    ports.map((port) => autocannon({ url: `http://127.0.0.1:${port}`, connections: per, duration: seconds, requests: [request(port)] })),
  );
  return {
    rps: rs.reduce((a, r) => a + r.requests.average, 0),
    p99: Math.max(...rs.map((r) => r.latency.p99)),
    errors: rs.reduce((a, r) => a + r.errors + r.non2xx, 0),
    total: rs.reduce((a, r) => a + r.requests.total, 0),
  };
}

function requests(p: Prepared) {
  let i = 0;
  let k = 0;
  const submit = (): autocannon.Request => ({
    method: 'POST',
    path: '/api/v1/applications',
    // Citizens behind the proxy, each from an address of their own (the per-address limit of the
    // public form holds for each, as in production behind nginx).
    setupRequest: (req) => {
      const n = i++;
      return { ...req, headers: { 'content-type': 'application/json', 'idempotency-key': `province-${randomUUID()}`, 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` }, body: p.body(n) };
    },
  });
  const lookup = (): autocannon.Request => ({
    method: 'GET',
    setupRequest: (req) => ({ ...req, headers: { authorization: `Bearer ${p.token}` }, path: `/api/v1/registry/lookup?nik=${p.niks[k++ % p.niks.length]}&reason=bench%20provinsi` }),
  });
  return { submit, lookup };
}

const fmtLoad = (l: Load) => `${l.rps.toFixed(0)} req/s, p99 ${l.p99} ms${l.errors ? `, ${l.errors} errors of ${l.total}` : ''}`;

export async function provinceBench(ctx: BenchContext): Promise<void> {
  const given = process.argv.find((a) => a.startsWith('--province='))?.split('=')[1]?.split(',').map(Number);
  const sizes: ProvinceSizes = given
    ? { offices: given[0]!, registryRows: given[1]!, applications: given[2]!, complaints: given[3] ?? 0 }
    : ctx.quick
      ? { offices: 35, registryRows: 70_000, applications: 17_500, complaints: 1_750 }
      : { offices: 35, registryRows: 350_000, applications: 175_000, complaints: 17_500 };
  const seconds = ctx.quick ? 4 : 8;
  const connections = 48;
  const label = `${sizes.offices} offices, ${sizes.registryRows.toLocaleString('en')} registry rows, ${sizes.applications.toLocaleString('en')} cases`;
  const cli = buildCli();
  const work = mkdtempSync(join(tmpdir(), 'sigap-bench-province-'));
  const log = (l: string) => (process.env.BENCH_VERBOSE ? console.log(`    ${l}`) : undefined);
  try {
    // 1. One process on SQLite.
    const sqliteDir = join(work, 'sqlite');
    const standards = join(work, 'standards');
    const sp = await prepare(sqliteDir, standards, null, sizes, log);
    const env = { DATA_DIR: sqliteDir, STANDARDS_DIR: standards, DATABASE_URL: '' };
    const one = await serveProcesses(cli, 1, env);
    let sqliteSubmit: Load;
    let sqliteLookup: Load;
    try {
      const r = requests(sp);
      await drive(one.ports, 1, connections, r.lookup);
      sqliteLookup = await drive(one.ports, seconds, connections, r.lookup);
      sqliteSubmit = await drive(one.ports, seconds, connections, r.submit);
    } finally {
      one.stop();
    }
    report(ctx, { name: `province on SQLite, one process (${label}; generated in ${(sp.genMs / 1000).toFixed(0)} s): look-ups by NIK, ${connections} connections`, value: sqliteLookup.rps, unit: 'req/s', note: fmtLoad(sqliteLookup) });
    report(ctx, { name: `province on SQLite, one process: submissions, ${connections} connections`, value: sqliteSubmit.rps, unit: 'req/s', note: fmtLoad(sqliteSubmit) });
    await dashboard(ctx, sqliteDir, standards, null, sp.officeId, label, 'SQLite');

    // 2. One, two and three processes on a PostgreSQL primary with a streaming replica.
    let primary: Awaited<ReturnType<typeof startCluster>> | null = null;
    let replica: Awaited<ReturnType<typeof startReplica>> | null = null;
    try {
      primary = await startCluster({ database: 'sigap_province' });
    } catch (e) {
      console.log(`    (PostgreSQL not available: ${(e as Error).message}; the multi-process figures are skipped)`);
    }
    if (primary) {
      try {
        const pgDir = join(work, 'pg');
        const pp = await prepare(pgDir, standards, primary.url, sizes, log);
        replica = await startReplica(primary);
        const readUrl = replica.url('sigap_province');
        const penv = { DATA_DIR: pgDir, STANDARDS_DIR: standards, DATABASE_URL: primary.url, DATABASE_READ_URL: readUrl };
        const r = requests(pp);
        for (const n of [1, 2, 3]) {
          const procs = await serveProcesses(cli, n, penv);
          try {
            await drive(procs.ports, 1, connections, r.lookup);
            const look = await drive(procs.ports, seconds, connections, r.lookup);
            const sub = await drive(procs.ports, seconds, connections, r.submit);
            report(ctx, {
              name: `province on PostgreSQL primary + streaming replica, ${n} process${n > 1 ? 'es' : ''}: look-ups by NIK (read on the replica, logged on the primary), ${connections} connections`,
              value: look.rps,
              unit: 'req/s',
              baseline: { name: 'one process on SQLite, same data, same run', value: sqliteLookup.rps, unit: 'req/s' },
              note: `${fmtLoad(look)} (target p99 < 10 ms: ${look.p99 < 10 ? 'met' : 'NOT met'})`,
            });
            report(ctx, {
              name: `province on PostgreSQL primary + streaming replica, ${n} process${n > 1 ? 'es' : ''}: submissions, ${connections} connections`,
              value: sub.rps,
              unit: 'req/s',
              baseline: { name: 'one process on SQLite, same data, same run', value: sqliteSubmit.rps, unit: 'req/s' },
              note: fmtLoad(sub),
            });
          } finally {
            procs.stop();
            await new Promise((res) => setTimeout(res, 500));
          }
        }
        await dashboard(ctx, pgDir, standards, primary.url, pp.officeId, label, 'PostgreSQL');
      } finally {
        replica?.stop();
        primary.stop();
      }
    }

    // 3. The registry import against the pipeline limit (the registry section's measurement).
    const rows = ctx.quick ? 200_000 : 1_000_000;
    const file = join(work, 'dtks.csv');
    await writeExtract(file, rows);
    await importFigures(ctx, file, rows, join(work, 'reg-sqlite'), join(work, 'reg-pg'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The head of office's dashboard lists for one office, and the province-wide count, with the province's data. */
async function dashboard(ctx: BenchContext, dataDir: string, standards: string, databaseUrl: string | null, officeId: string, label: string, db: string): Promise<void> {
  const { boot } = await import('../src/boot.js');
  const { superviseOpenCases } = await import('../src/usecases/applications/supervise-open-cases.js');
  const { casesAtRiskOrLate, openCasesByAge } = await import('../src/db/oversight-repo.js');
  const b = await boot({ databaseUrl, dataDir, standardsDir: standards });
  if (!b.ok) throw new Error('boot');
  const c = b.ctx;
  try {
    const province = await timeRuns(
      () =>
        c.database.db
          .selectFrom('applications')
          .select((eb) => ['office_id', 'status', eb.fn.countAll().as('n')])
          .where('submitted_at', '>=', '2024-12-31T17:00:00.000Z')
          .where('submitted_at', '<', '2025-12-31T17:00:00.000Z')
          .groupBy(['office_id', 'status'])
          .execute(),
      10,
    );
    const dash = await timeRuns(() => Promise.all([superviseOpenCases(c, officeId), casesAtRiskOrLate(c.database.db, officeId, 50), openCasesByAge(c.database.db, officeId, ['2025-12-24T17:00:00.000Z', '2025-12-01T17:00:00.000Z', '2025-10-01T17:00:00.000Z'])]), 10);
    report(ctx, {
      name: `dashboard lists of one office (backlog by step and role, at-risk and late, ageing) in the province (${label}, ${db})`,
      value: dash.median,
      unit: 'ms median',
      note: `max ${dash.max.toFixed(0)} ms (target < 200 ms: ${dash.max < 200 ? 'met' : 'NOT met'}); the copied cases are completed ones, so the backlog is the template cases' and today's submissions`,
    });
    report(ctx, {
      name: `province-wide count of 2025's cases by office and status, one aggregate (${label}, ${db})`,
      value: province.median,
      unit: 'ms median',
      note: `max ${province.max.toFixed(0)} ms`,
    });
  } finally {
    await c.database.close();
  }
}
