/** Oversight: the evaluation of the standard and the head of office's dashboard over one office-year of 1,000,000 applications. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { boot } from '../src/boot.js';
import { superviseOpenCases } from '../src/usecases/applications/supervise-open-cases.js';
import { casesAtRiskOrLate, openCasesByAge, openCounts, openCountsLive } from '../src/db/oversight-repo.js';
import { backfillOpenCounts } from '../src/db/migrations/034-oversight-open-counts.js';
import { readPeriod } from '../src/domain/oversight/period.js';
import { evaluateStandard } from '../src/usecases/oversight/evaluate-standard.js';
import { rebuildOversightCounters } from '../src/usecases/oversight/backfill-counters.js';
import { countClosedCase } from '../src/usecases/oversight/count-closed-case.js';
import { freshPgDatabase } from './letters.bench.js';
import { compileDashboard } from '../src/usecases/oversight/compile-dashboard.js';
import { report, timeRuns, type BenchContext } from './report.js';

const HOUR = 3_600_000;

export async function oversightBench(ctx: BenchContext): Promise<void> {
  for (const dbc of ctx.databases) await oneDatabase(ctx, dbc);
}

async function oneDatabase(ctx: BenchContext, dbc: BenchContext['databases'][number]): Promise<void> {
  const n = ctx.quick ? 200_000 : 1_000_000;
  const db = dbc.name;
  const dir = mkdtempSync(join(tmpdir(), 'sigap-bench-o-'));
  const pgdb = dbc.url ? await freshPgDatabase(dbc.url) : null;
  const b = await boot({ databaseUrl: pgdb?.url ?? null, dataDir: dir, standardsDir: 'standards' });
  if (!b.ok) throw new Error('boot');
  const { ctx: c } = b;
  const office = c.catalogue.office('kota-jambi')!;
  const services = office.services.filter((s) => s.service.procedure);
  const t0 = performance.now();
  // One year in Jambi (WIB): cases submitted in office hours on weekdays; 85 % answered without a
  // pause, 5 % answered after a pause (applicant or outside body), 3 % rejected, 2 % withdrawn, 5 % open.
  const start = Date.UTC(2025, 0, 2, 1); // 2 Jan 2025 08:00 WIB
  for (let from = 0; from < n; from += 50_000) {
    await c.database.db.transaction().execute(async (trx) => {
      const apps = [];
      for (let i = from; i < Math.min(n, from + 50_000); i++) {
        const s = services[i % services.length]!;
        const day = Math.floor((i / n) * 360);
        const submitted = start + day * 24 * HOUR + (i % 7) * HOUR + (i % 60) * 60_000;
        const took = (1 + (i % 5)) * 24 * HOUR;
        const kind = i % 100;
        const status = kind < 90 ? 'completed' : kind < 93 ? 'rejected' : kind < 95 ? 'withdrawn' : 'open';
        const paused = kind >= 85 && kind < 90;
        const closed = status === 'open' ? null : new Date(submitted + took).toISOString();
        const due = new Date(submitted + 3 * 24 * HOUR).toISOString();
        const pauses = paused ? JSON.stringify([{ from: new Date(submitted + 2 * HOUR).toISOString(), to: new Date(submitted + 26 * HOUR).toISOString(), kind: i % 2 ? 'external' : 'applicant' }]) : '[]';
        apps.push({ id: `o${i}`, office_id: office.id, service_id: s.id, service_version_id: s.versionId, registration_number: `JMB-2025-${String(i).padStart(7, '0')}`, tracking_code_hash: 'x', idempotency_key: null, idempotency_body: null, initiator: 'citizen', channel: 'online', applicant_nik: null, applicant_name: 'Warga Uji', applicant: '{}', answers: '{}', eligibility: '{"results":[]}', status, current_step: status === 'open' ? s.service.procedure!.start : null, end_id: null, outcome_reason: null, submitted_at: new Date(submitted).toISOString(), clock_started_at: new Date(submitted).toISOString(), paused_since: null, pauses, due_at: due, expected_at: null, stages: '[]', sla_state: status === 'open' ? (i % 3 ? 'late' : 'at-risk') : closed! > due ? 'late' : 'closed', closed_at: closed, created_by: null, version: 1, updated_at: new Date(submitted).toISOString() });
      }
      for (let k = 0; k < apps.length; k += 500) await trx.insertInto('applications').values(apps.slice(k, k + 500)).execute();
    });
  }
  const genMs = performance.now() - t0;
  // Rows written around the use cases: counted once, as the backfill after migration 028 does.
  const tb = performance.now();
  const counted = await rebuildOversightCounters(c, office.id);
  const backfillMs = performance.now() - tb;
  await sql`ANALYZE`.execute(c.database.db);
  console.log(`  (${db}: ${n.toLocaleString('en')} applications written in ${(genMs / 1000).toFixed(0)} s)`);
  const time = (f: () => Promise<unknown>) => timeRuns(f, 10);
  const open = Number((await c.database.db.selectFrom('oversight_open_counts').select((eb) => eb.fn.sum<number>('n').as('n')).where('office_id', '=', office.id).executeTakeFirstOrThrow()).n);
  const year = readPeriod('year', '2025');
  const quarter = readPeriod('quarter', '2025-Q2');
  if (!year.ok || !quarter.ok) throw new Error('period');
  const [from, until] = ['2024-12-31T17:00:00.000Z', '2025-12-31T17:00:00.000Z'];
  const bare = await time(() =>
    c.database.db
      .selectFrom('applications')
      .select((eb) => ['service_id', 'status', eb.fn.countAll().as('n')])
      .where('office_id', '=', office.id)
      .where('submitted_at', '>=', from)
      .where('submitted_at', '<', until)
      .groupBy(['service_id', 'status'])
      .execute(),
  );
  const ev = await time(() => evaluateStandard(c, office.id, year.value));
  const evq = await time(() => evaluateStandard(c, office.id, quarter.value));
  // The open cases' part of it: the counters of migration 034 (whole UTC days, edge slices live) beside the live count it replaced.
  const openNow = await time(() => openCounts(c.database.db, office.id, from, until));
  const openLive = await time(() => openCountsLive(c.database.db, office.id, from, until));
  const dash = await time(() => Promise.all([superviseOpenCases(c, office.id), casesAtRiskOrLate(c.database.db, office.id, 50), openCasesByAge(c.database.db, office.id, ['2025-12-24T17:00:00.000Z', '2025-12-01T17:00:00.000Z', '2025-10-01T17:00:00.000Z'])]));
  // The whole dashboard of the office-year (issue 15 §3): evaluation, volume by month, backlog, ageing, late list (50 logged reads), IKM, complaints, operations.
  const head = { id: 'bench-kepala-dinas', name: 'Kepala Dinas (bench)', roles: ['kepala-dinas'] };
  const whole = await time(async () => {
    const r = await compileDashboard(c, head, office, { from: '2025-01-01', to: '2025-12-31' });
    if (!r.ok) throw new Error('dashboard');
  });
  const baseline = { name: 'bare aggregate SQL (count by service and status over the same office-year), same database', value: bare.median, unit: 'ms' };
  report(ctx, { name: `evaluation of the standard, one office-year of ${n.toLocaleString('en')} applications (${db})`, value: ev.median, unit: 'ms median', baseline, note: `max ${ev.max.toFixed(0)} ms; target < 200 ms: ${ev.max < 200 ? 'met' : 'NOT met'}; set-up ${(genMs / 1000).toFixed(0)} s` });
  report(ctx, { name: `evaluation of the standard, one quarter of the same office (${db})`, value: evq.median, unit: 'ms median', baseline, note: `max ${evq.max.toFixed(0)} ms` });
  report(ctx, {
    name: `its open cases of the year (${open.toLocaleString('en')}): open-case counters, edge slices live (${db})`,
    value: openNow.median,
    unit: 'ms median',
    baseline: { name: 'the same counted live through the partial index of open cases (before migration 034)', value: openLive.median, unit: 'ms' },
    note: `max ${openNow.max.toFixed(1)} ms (live: max ${openLive.max.toFixed(0)} ms)`,
  });
  report(ctx, { name: `dashboard lists (backlog by step and role, at-risk and late, ageing) with ${n.toLocaleString('en')} applications (${db})`, value: dash.median, unit: 'ms median', baseline, note: `max ${dash.max.toFixed(0)} ms; target < 200 ms: ${dash.max < 200 ? 'met' : 'NOT met'}` });
  report(ctx, { name: `the whole dashboard (/petugas/dasbor) of the office-year, ${n.toLocaleString('en')} applications (${db})`, value: whole.median, unit: 'ms median', baseline, note: `max ${whole.max.toFixed(0)} ms; target < 200 ms: ${whole.max < 200 ? 'met' : 'NOT met'}` });
  report(ctx, { name: `backfill of the oversight counters from ${counted.toLocaleString('en')} closed cases (once, after migration 028) (${db})`, value: backfillMs / 1000, unit: 's', note: `${Math.round(counted / (backfillMs / 1000)).toLocaleString('en')} cases/s` });
  await c.database.db.deleteFrom('oversight_open_counts').execute();
  const to = performance.now();
  await backfillOpenCounts(c.database.db);
  report(ctx, { name: `backfill of the open-case counters from ${open.toLocaleString('en')} open cases (migration 034) (${db})`, value: performance.now() - to, unit: 'ms' });
  // The closing transaction's extra work: one counter upsert, beside a bare one-row update in its own transaction.
  const closing = await c.database.db.selectFrom('applications').selectAll().where('office_id', '=', office.id).where('status', '=', 'completed').limit(1).executeTakeFirstOrThrow();
  const closed = { ...closing, pauses: JSON.parse(closing.pauses), stages: JSON.parse(closing.stages) };
  const upsert = await timeRuns(() => c.database.write((trx) => countClosedCase(trx, c, closed)), 200);
  const bareUpdate = await timeRuns(() => c.database.write((trx) => trx.updateTable('applications').set({ updated_at: closing.updated_at }).where('id', '=', closing.id).execute()), 200);
  report(ctx, {
    name: `a case closing: the counter upsert (calendar time of the case + one upsert) in its own transaction (${db})`,
    value: upsert.median,
    unit: 'ms median',
    baseline: { name: 'a bare one-row update of the case in its own transaction, same database', value: bareUpdate.median, unit: 'ms' },
    note: `max ${upsert.max.toFixed(1)} ms`,
  });
  // What the open-case counters add to a submission and to the sweep (migration 034's triggers),
  // each beside the same statement the triggers leave alone, in its own transaction.
  let k = 0;
  const row = (status: string) => ({ ...closing, id: `t${k}`, registration_number: `JMB-2025-T${String(k++).padStart(6, '0')}`, status, sla_state: status === 'open' ? 'on-time' : 'closed', submitted_at: '2025-06-02T01:00:00.000Z' });
  const insertOpen = await timeRuns(() => c.database.write((trx) => trx.insertInto('applications').values(row('open')).execute()), 200);
  const insertClosed = await timeRuns(() => c.database.write((trx) => trx.insertInto('applications').values(row('completed')).execute()), 200);
  report(ctx, {
    name: `a submission's row with the open-case counter (trigger: one upsert) in its own transaction (${db})`,
    value: insertOpen.median,
    unit: 'ms median',
    baseline: { name: 'the same insert of a closed case (the trigger does nothing), same database', value: insertClosed.median, unit: 'ms' },
    note: `max ${insertOpen.max.toFixed(1)} ms`,
  });
  // The same without the commit's disk flush (which a loaded machine's disk makes noisy): batches of
  // 1,000 single-row inserts in one transaction, open and closed alternately.
  const perRow: Record<string, number[]> = { open: [], completed: [] };
  for (let round = 0; round < 10; round++)
    for (const status of ['open', 'completed'] as const) {
      const a = performance.now();
      await c.database.write(async (trx) => {
        for (let i = 0; i < 1000; i++) await trx.insertInto('applications').values(row(status)).execute();
      });
      perRow[status]!.push(((performance.now() - a) / 1000) * 1000);
    }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  report(ctx, {
    name: `one open case's insert with its counter upsert, inside a transaction of 1,000 (${db})`,
    value: mid(perRow.open!),
    unit: 'µs median',
    baseline: { name: 'the same insert of a closed case (the trigger does nothing)', value: mid(perRow.completed!), unit: 'µs' },
  });
  const openOne = await c.database.db.selectFrom('applications').select('id').where('office_id', '=', office.id).where('status', '=', 'open').where('sla_state', '=', 'late').limit(1).executeTakeFirstOrThrow();
  let flip = false;
  const move = await timeRuns(() => c.database.write((trx) => trx.updateTable('applications').set({ sla_state: (flip = !flip) ? 'at-risk' : 'late' }).where('id', '=', openOne.id).execute()), 200);
  let flipClosed = false;
  const moveClosed = await timeRuns(() => c.database.write((trx) => trx.updateTable('applications').set({ sla_state: (flipClosed = !flipClosed) ? 'late' : 'closed' }).where('id', '=', closing.id).execute()), 200);
  report(ctx, {
    name: `the sweep's change of an open case's SLA state, with the counters' move (two upserts) in its own transaction (${db})`,
    value: move.median,
    unit: 'ms median',
    baseline: { name: "the same change of a closed case's SLA state (the trigger does nothing), same database", value: moveClosed.median, unit: 'ms' },
    note: `max ${move.max.toFixed(1)} ms`,
  });
  await c.database.close();
  await pgdb?.drop();
  rmSync(dir, { recursive: true, force: true });
}
