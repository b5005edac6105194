/** Applications capability: submissions/s over HTTP, queue queries at 1M cases, due times/s. */
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boot } from '../src/boot.js';
import { openCasesByStep, queue, queueCounts } from '../src/db/applications-repo.js';
import { report, timeRuns, type BenchContext } from './report.js';
import { startServerChild } from './server-child.js';

export async function startServer(args: string[], env: NodeJS.ProcessEnv = {}) {
  const s = await startServerChild('bench/server.ts', args, env);
  const upload = args[0] === 'submit' ? (await s.line(/UPLOAD (\S+)/))[1]! : null;
  return { ...s, upload };
}

/** A Jambi 9 application; with `email`, one that asks for news of the case by e-mail (the outbox's work). */
export function applicationBody(upload: string, requirementIds: string[], email?: string) {
  return JSON.stringify({
    office: 'kota-jambi',
    service: 'rekomendasi-jamkesda-bayi',
    applicant: { nik: '1571024107900003', name: 'Siti Aminah', phone: '081266782747', ...(email ? { email } : {}), residentOfRegion: true },
    attachments: requirementIds.map((r) => ({ requirement: r, upload })),
  });
}

export async function post(url: string, body: string, seconds: number, connections: number, uniqueKey: boolean) {
  const r = await autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    body,
    requests: uniqueKey ? [{ setupRequest: (req) => ({ ...req, headers: { ...(req.headers ?? {}), 'idempotency-key': `bench-${randomUUID()}` } }) }] : undefined,
  });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx, total: r.requests.total };
}

export async function applicationsBench(ctx: BenchContext): Promise<void> {
  const seconds = ctx.quick ? 4 : 10;
  // 1. Sustained submissions on SQLite, each acknowledged only after its transaction committed
  //    (WAL, synchronous=FULL), beside a bare Fastify POST route.
  const real = await startServer(['submit']);
  try {
    const dir = mkdtempSync(join(tmpdir(), 'sigap-bench-'));
    const b = await boot({ databaseUrl: null, dataDir: dir, standardsDir: 'standards' });
    if (!b.ok) throw new Error('boot');
    const reqIds = b.ctx.catalogue.service('kota-jambi', 'rekomendasi-jamkesda-bayi')!.service.service.requirements.filter((r) => r.kind === 'document').map((r) => r.id);
    await b.ctx.database.close();
    rmSync(dir, { recursive: true, force: true });
    const body = applicationBody(real.upload!, reqIds);
    const bare = await startServer(['bare', '{"id":"00000000-0000-0000-0000-000000000000","registrationNumber":"JMB-2026-000001","trackingCode":"ABCDEFGH","status":"open","dueAt":null,"dueAtLocal":null}']);
    try {
      await post(`http://127.0.0.1:${bare.port}/bare`, body, 1, 10, false);
      const base = await post(`http://127.0.0.1:${bare.port}/bare`, body, seconds, 20, false);
      await post(`http://127.0.0.1:${real.port}/api/v1/applications`, body, 1, 10, true);
      const sub = await post(`http://127.0.0.1:${real.port}/api/v1/applications`, body, seconds, 20, true);
      report(ctx, {
        name: `POST /api/v1/applications sustained ${seconds}s, 20 connections (SQLite, WAL, synchronous=FULL)`,
        value: sub.rps,
        unit: 'submissions/s',
        baseline: { name: 'bare Fastify POST route parsing the same JSON body', value: base.rps, unit: 'req/s' },
        note: `target ≥ 1000/s: ${sub.rps >= 1000 ? 'met' : 'NOT met'}; p99 ${sub.p99} ms; ${sub.total} accepted; errors ${sub.errors}`,
      });
      // The same with synchronous=NORMAL: durable across process crashes, not across power loss.
      const normal = await startServer(['submit'], { SIGAP_SQLITE_SYNCHRONOUS: 'NORMAL' });
      try {
        const nbody = applicationBody(normal.upload!, reqIds);
        await post(`http://127.0.0.1:${normal.port}/api/v1/applications`, nbody, 1, 10, true);
        const n = await post(`http://127.0.0.1:${normal.port}/api/v1/applications`, nbody, seconds, 20, true);
        report(ctx, {
          name: `the same with SIGAP_SQLITE_SYNCHRONOUS=NORMAL (survives a killed process, not a power cut)`,
          value: n.rps,
          unit: 'submissions/s',
          baseline: { name: 'bare Fastify POST route parsing the same JSON body', value: base.rps, unit: 'req/s' },
          note: `p99 ${n.p99} ms; errors ${n.errors}`,
        });
      } finally {
        normal.child.kill();
      }
    } finally {
      bare.child.kill();
    }
  } finally {
    real.child.kill();
  }

  // 2. Queue and supervisor queries with 1,000,000 applications (5% open), SQLite.
  const n = ctx.quick ? 200_000 : 1_000_000;
  const dir = mkdtempSync(join(tmpdir(), 'sigap-bench-q-'));
  const b = await boot({ databaseUrl: null, dataDir: dir, standardsDir: 'standards' });
  if (!b.ok) throw new Error('boot');
  const { ctx: c } = b;
  const office = c.catalogue.office('kota-jambi')!;
  const services = office.services.filter((s) => s.service.procedure);
  const t0 = performance.now();
  // Bulk generation through the same driver, one transaction per 50k rows (this is set-up, not measured).
  const { sql } = await import('kysely');
  const roles = ['front-office', 'verifikator', 'kepala-dinas', 'operator', 'subbag-umum', 'kepala-bidang'];
  for (let start = 0; start < n; start += 50_000) {
    await c.database.db.transaction().execute(async (trx) => {
      const apps = [];
      const tasks = [];
      for (let i = start; i < Math.min(n, start + 50_000); i++) {
        const s = services[i % services.length]!;
        const open = i % 20 === 0;
        const submitted = new Date(Date.UTC(2025, 0, 1) + i * 30_000).toISOString();
        const due = new Date(Date.UTC(2025, 0, 2) + i * 30_000).toISOString();
        const id = `a${i}`;
        apps.push({ id, office_id: office.id, service_id: s.id, service_version_id: s.versionId, registration_number: `JMB-2025-${String(i).padStart(7, '0')}`, tracking_code_hash: 'x', idempotency_key: null, initiator: 'citizen', channel: 'online', applicant_nik: null, applicant_name: 'Warga Uji', applicant: '{}', answers: '{}', eligibility: '{"results":[]}', status: open ? 'open' : 'completed', current_step: open ? s.service.procedure!.start : null, end_id: null, outcome_reason: null, submitted_at: submitted, clock_started_at: submitted, paused_since: null, pauses: '[]', due_at: due, expected_at: null, stages: '[]', sla_state: open ? 'on-time' : 'closed', closed_at: open ? null : due, created_by: null, version: 1, updated_at: submitted });
        tasks.push({ id: `t${i}`, office_id: office.id, application_id: id, service_id: s.id, sla_state: open ? 'on-time' : 'closed', step_id: s.service.procedure!.start, role: roles[i % roles.length]!, status: open ? 'open' : 'done', claimed_by: null, due_at: due, created_at: submitted, completed_at: open ? null : due, completed_by: null });
      }
      for (let k = 0; k < apps.length; k += 500) await trx.insertInto('applications').values(apps.slice(k, k + 500)).execute();
      for (let k = 0; k < tasks.length; k += 1000) await trx.insertInto('tasks').values(tasks.slice(k, k + 1000)).execute();
    });
  }
  await sql`ANALYZE`.execute(c.database.db);
  const genMs = performance.now() - t0;
  const time = (f: () => Promise<unknown>) => timeRuns(f, 20);
  const pk = await time(() => c.database.db.selectFrom('applications').select('id').where('id', '=', 'a123457').executeTakeFirst());
  const scope = { roles: ['verifikator'], officerId: 'bench-officer', now: new Date().toISOString() };
  const q = await time(() => Promise.all([queue(c.database.db, office.id, scope, { limit: 50, offset: 0 }), queueCounts(c.database.db, office.id, scope)]));
  const sup = await time(() => openCasesByStep(c.database.db, office.id));
  report(ctx, { name: `staff queue (50 most urgent tasks of a role, and the counts of its filters) with ${n.toLocaleString('en')} applications`, value: q.median, unit: 'ms median', baseline: { name: 'primary-key lookup of one application, same database', value: pk.median, unit: 'ms' }, note: `max ${q.max.toFixed(1)} ms; target < 50 ms: ${q.max < 50 ? 'met' : 'NOT met'}; set-up ${(genMs / 1000).toFixed(0)} s` });
  report(ctx, { name: `supervisor view (open cases by service, step, officer) with ${n.toLocaleString('en')} applications`, value: sup.median, unit: 'ms median', baseline: { name: 'primary-key lookup of one application, same database', value: pk.median, unit: 'ms' }, note: `max ${sup.max.toFixed(1)} ms; target < 50 ms: ${sup.max < 50 ? 'met' : 'NOT met'}` });

  // 3. Due-time computations per second (the clock every submission and completion uses).
  const svc = c.catalogue.service('kota-jambi', 'rekomendasi-jamkesda-bayi')!.service.service;
  const lks = c.catalogue.service('kota-jambi', 'pendaftaran-awal-lks')!.service.service;
  const count = 20_000;
  const starts = Array.from({ length: count }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * 1_543_000).toISOString());
  const a = performance.now();
  for (let i = 0; i < count; i++) c.clock.due(office.office, i % 2 ? svc : lks, starts[i]!, []);
  const dueRate = count / ((performance.now() - a) / 1000);
  const bb = performance.now();
  for (let i = 0; i < count; i++) new Date(Date.parse(starts[i]!) + 15 * 60_000).toISOString();
  const naive = count / ((performance.now() - bb) / 1000);
  report(ctx, { name: 'due-time computations (15 min on office hours and 14 working days, alternating)', value: dueRate, unit: 'per s', baseline: { name: 'naive start + 15 minutes with Date (no calendar)', value: naive, unit: 'per s' } });
  await c.database.close();
  rmSync(dir, { recursive: true, force: true });
}
