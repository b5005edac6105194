/**
 * The emergency dispatch board with 100,000 reports of one office (99 % already responded to, 1,000
 * open): the board's query and the whole board use case (open reports, the last 12 hours' responded
 * ones, assignments, who is on duty), each beside a primary-key lookup of one report in the same run.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boot } from '../src/boot.js';
import { findReportById, openReports, type ReportRow } from '../src/db/emergency-repo.js';
import { findUserByUsername, toStaff } from '../src/db/staff-repo.js';
import { reportEmergency } from '../src/usecases/emergency/report-emergency.js';
import { showDispatchBoard } from '../src/usecases/emergency/show-dispatch-board.js';
import { time } from './complaints.bench.js';
import { report, type BenchContext } from './report.js';

export async function emergencyBench(ctx: BenchContext): Promise<void> {
  const n = ctx.quick ? 20_000 : 100_000;
  const open = Math.round(n / 100);
  const now = new Date('2026-04-06T14:00:00Z');
  for (const dbc of ctx.databases) {
    const dir = mkdtempSync(join(tmpdir(), 'sigap-bench-emergency-'));
    const b = await boot({ databaseUrl: dbc.url, dataDir: dir, standardsDir: 'standards', demo: true, actor: 'bench' });
    if (!b.ok) throw new Error('boot');
    const c = { ...b.ctx, now: () => now };
    const office = c.catalogue.office('kota-banjarmasin')!;
    const row = await findUserByUsername(c.database.db, 'pengelola-pengaduan@kota-banjarmasin');
    const u = toStaff(row!);
    const officer = { id: u.id, name: u.displayName, roles: u.roles, officeId: u.officeId };
    // One real report (its case through the intake), then its rows copied: each report keeps a case of its own.
    const first = await reportEmergency(c, { office: 'kota-banjarmasin', service: 'kedaruratan-ppks', channel: 'phone', location: { text: 'Pasar Lama' }, description: 'Lansia terlantar di emperan toko', subject: { category: 'lansia' }, answers: { 'lokasi-di-banjarmasin': true } }, officer);
    if (!first.ok) throw new Error(JSON.stringify(first.error));
    const app = await c.database.db.selectFrom('applications').selectAll().where('registration_number', '=', first.value.registrationNumber).executeTakeFirstOrThrow();
    const rep = (await c.database.db.selectFrom('emergency_reports').selectAll().where('application_id', '=', app.id).executeTakeFirstOrThrow()) as ReportRow;
    const t0 = performance.now();
    const batch = dbc.url ? 1000 : 2000;
    let someId = rep.id;
    for (let start = 1; start < n; start += batch) {
      const apps: (typeof app)[] = [];
      const reps: ReportRow[] = [];
      for (let i = start; i < Math.min(n, start + batch); i++) {
        const id = randomUUID();
        const number = `BNJ-2025-${String(100_000 + i).padStart(6, '0')}`;
        const reported = new Date(now.getTime() - (n - i) * 9 * 60_000); // one report every 9 minutes, the newest last
        const isOpen = i >= n - open;
        const due = new Date(reported.getTime() + 45 * 60_000).toISOString();
        apps.push({ ...app, id, registration_number: number, tracking_code_hash: randomUUID(), idempotency_key: null });
        const r: ReportRow = { ...rep, id: randomUUID(), application_id: id, registration_number: number, reported_at: reported.toISOString(), received_at: reported.toISOString(), first_response_due_at: due, first_response_at: isOpen ? null : new Date(reported.getTime() + (20 + (i % 40)) * 60_000).toISOString(), state: isOpen ? 'open' : 'responded', escalation: 'none' };
        // A third of the open reports escalated to the head of division, half of those acknowledged (the board sorts the waiting ones first).
        if (isOpen && i % 3 === 0) Object.assign(r, { escalation: 'kepala-bidang', escalated_at: new Date(reported.getTime() + 2025 * 1000).toISOString(), acknowledged_level: i % 6 === 0 ? 'kepala-bidang' : 'none' });
        reps.push(r);
        if (i === Math.floor(n / 2)) someId = reps[reps.length - 1]!.id;
      }
      await c.database.write(async (trx) => {
        // In slices: SQLite binds at most 32,766 parameters per statement.
        for (let k = 0; k < apps.length; k += 200) await trx.insertInto('applications').values(apps.slice(k, k + 200)).execute();
        for (let k = 0; k < reps.length; k += 200) await trx.insertInto('emergency_reports').values(reps.slice(k, k + 200)).execute();
      });
    }
    const loadMs = performance.now() - t0;
    const repsN = ctx.quick ? 20 : 60;
    const pk = await time(() => findReportById(c.database.db, someId), repsN);
    const query = await time(() => openReports(c.database.db, office.id, 200), repsN);
    // Same run, the board's order before acknowledgements (by due time only, served by the board index): what the waiting-first sort costs.
    const byDue = await time(
      () =>
        c.database.db
          .selectFrom('emergency_reports')
          .selectAll()
          .where('office_id', '=', office.id)
          .where('state', '=', 'open')
          .orderBy((eb) => eb.case().when('first_response_due_at', 'is', null).then(1).else(0).end())
          .orderBy('first_response_due_at')
          .orderBy('reported_at')
          .limit(200)
          .execute(),
      repsN,
    );
    const { respondedSince, assignmentsOf, shiftsFrom, firstResponseTally } = await import('../src/db/emergency-repo.js');
    const parts = {
      responded: (await time(() => respondedSince(c.database.db, office.id, new Date(now.getTime() - 12 * 3_600_000).toISOString(), 50), repsN)).median,
      assignments: (await time(() => assignmentsOf(c.database.db, query.value.map((r) => r.id)), repsN)).median,
      shifts: (await time(() => shiftsFrom(c.database.db, office.id, now.toISOString(), 200), repsN)).median,
      month: (await time(() => firstResponseTally(c.database.db, office.id, '2026-03-31T16:00:00.000Z', now.toISOString(), now.toISOString()), repsN)).median,
    };
    const board = await time(() => showDispatchBoard(c, { ...officer, officeId: office.id }), ctx.quick ? 10 : 30);
    report(ctx, {
      name: `dispatch board query: ${query.value.length} most urgent of ${open.toLocaleString('en')} open reports among ${n.toLocaleString('en')} (${dbc.name})`,
      value: query.median,
      unit: 'ms median',
      baseline: { name: 'primary-key lookup of one report', value: pk.median, unit: 'ms' },
      higherIsBetter: false,
      note: `max ${query.max.toFixed(2)} ms; the same query ordered by due time only (before the unacknowledged-first order) ${byDue.median.toFixed(2)} ms; loading ${n.toLocaleString('en')} reports and their cases (set-up) ${(loadMs / 1000).toFixed(1)} s`,
    });
    report(ctx, {
      name: `whole dispatch board (open + responded in 12 h + assignments + on duty) with ${n.toLocaleString('en')} reports (${dbc.name})`,
      value: board.median,
      unit: 'ms median',
      baseline: { name: 'primary-key lookup of one report', value: pk.median, unit: 'ms' },
      higherIsBetter: false,
      note: `max ${board.max.toFixed(1)} ms; ${board.value.open.length} open and ${board.value.responded.length} responded shown; its queries: responded ${parts.responded.toFixed(2)} ms, assignments ${parts.assignments.toFixed(2)} ms, shifts ${parts.shifts.toFixed(2)} ms, the month's first-response tally ${parts.month.toFixed(2)} ms; target < 50 ms`,
    });
    const { sweepEmergencies } = await import('../src/usecases/emergency/sweep-emergencies.js');
    await sweepEmergencies(c, office.id); // the first sweep escalates the overdue open reports (a write per report)
    const sweep = await time(() => sweepEmergencies(c, office.id), ctx.quick ? 5 : 15);
    report(ctx, {
      name: `the minute's emergency sweep of that office once settled (ended cases to close, open reports to escalate) (${dbc.name})`,
      value: sweep.median,
      unit: 'ms median',
      baseline: { name: 'primary-key lookup of one report', value: pk.median, unit: 'ms' },
      higherIsBetter: false,
      note: `the close check reads the ${open.toLocaleString('en')} open reports only (not the ${(n - open).toLocaleString('en')} responded ones)`,
    });
    await c.database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
