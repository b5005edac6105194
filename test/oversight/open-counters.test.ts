/**
 * The open-case counters (migration 034) equal a recount from scratch after every kind of change a
 * case goes through — submission, return to the applicant and resubmission, the wait on an outside
 * body, the SLA sweep's at-risk and late, completion, refusal, withdrawal — including cases filed
 * across a local month and year end; the migration's backfill gives the same; concurrent
 * submissions and closings in one office-day leave them exact; the evaluation reads them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openTaskFor } from '../../src/db/applications-repo.js';
import { closedCounts, openCounts, openCountsLive, wholeUtcDays, wholeYears } from '../../src/db/oversight-repo.js';
import { backfillOpenCounts, backfillYearCounts } from '../../src/db/migrations/034-oversight-open-counts.js';
import { rebuildOversightCounters } from '../../src/usecases/oversight/backfill-counters.js';
import { readPeriod } from '../../src/domain/oversight/period.js';
import { completeTask } from '../../src/usecases/applications/complete-task.js';
import { findOfficeCase } from '../../src/usecases/applications/find-case.js';
import { resubmitFile } from '../../src/usecases/applications/resubmit-file.js';
import { sweepSla } from '../../src/usecases/applications/sweep-sla.js';
import { withdrawApplication } from '../../src/usecases/applications/withdraw-application.js';
import { evaluateStandard, instantOf } from '../../src/usecases/oversight/evaluate-standard.js';
import { TEST_DB } from '../support/db.js';
import { testCtx, type TestCtx } from '../support/ctx.js';
import { actorFor, driveUntil, fileCase } from '../letters/helpers.js';

const JAMBI = 'kota-jambi';
const BAYI = 'rekomendasi-jamkesda-bayi';
const PKH = 'pergantian-kks-pkh';
const OPEN = ['open', 'waiting-applicant', 'waiting-external', 'waiting-signature'];

describe(`open-case counters kept by the changes themselves (${TEST_DB})`, () => {
  let t: TestCtx;
  let officeId: string;
  let now = new Date('2025-12-31T09:00:00Z');
  const at = (iso: string) => (now = new Date(iso));
  before(async () => {
    t = await testCtx({ now: () => now });
    officeId = t.catalogue.office(JAMBI)!.id;
  });
  after(async () => t.close());

  type Row = { key: string; n: number };
  const sorted = (rows: Row[]) => rows.filter((r) => r.n > 0).sort((a, b) => a.key.localeCompare(b.key));
  /** The counters as stored, rows at 0 left out. */
  const kept = async (): Promise<Row[]> =>
    sorted(
      (await t.database.db.selectFrom('oversight_open_counts').selectAll().execute()).map((r) => ({ key: [r.office_id, r.utc_day, r.service_id, r.status, r.sla_state].join('|'), n: Number(r.n) })),
    );
  /** What the cases say, counted from scratch. */
  const recount = async (): Promise<Row[]> =>
    sorted(
      (
        await t.database.db
          .selectFrom('applications')
          .select((eb) => ['office_id', 'submitted_at', 'service_id', 'status', 'sla_state', eb.fn.countAll<number>().as('n')])
          .where('status', 'in', OPEN)
          .groupBy(['office_id', 'submitted_at', 'service_id', 'status', 'sla_state'])
          .execute()
      ).reduce<Row[]>((acc, r) => {
        const key = [r.office_id, r.submitted_at.slice(0, 10), r.service_id, r.status, r.sla_state].join('|');
        const had = acc.find((x) => x.key === key);
        if (had) had.n += Number(r.n);
        else acc.push({ key, n: Number(r.n) });
        return acc;
      }, []),
    );
  const exact = async (after: string) => assert.deepEqual(await kept(), await recount(), `counters after ${after}`);
  const caseOf = async (id: string) => (await findOfficeCase(t.ctx, officeId, id))!;
  const statusOf = async (id: string) => (await t.database.db.selectFrom('applications').select(['status', 'sla_state']).where('id', '=', id).executeTakeFirstOrThrow());
  /** Completes a case's open task with the given outcome, as the demo account of the task's role. */
  const act = async (id: string, outcome: string) => {
    const task = (await openTaskFor(t.database.db, id))!;
    const app = await caseOf(id);
    const r = await completeTask(t.ctx, { taskId: task.id, outcome, note: 'Sesuai hasil pemeriksaan', data: {}, version: app.version }, await actorFor(t.ctx, `${task.role}@${JAMBI}`));
    assert.ok(r.ok, JSON.stringify(r));
  };

  const ids: Record<string, string> = {};

  it('a mixed sequence across the year end: after every change the counters equal the recount', async () => {
    // Wednesday 31 December 2025, 16:00 WIB (09:00 UTC): three cases filed at the counter.
    at('2025-12-31T09:00:00Z');
    ids.siti = (await fileCase(t.ctx, JAMBI, BAYI, 'Siti Aminah')).id;
    ids.budi = (await fileCase(t.ctx, JAMBI, BAYI, 'Budi Santoso')).id;
    ids.nurul = (await fileCase(t.ctx, JAMBI, PKH, 'Nurul Hidayah')).id;
    await exact('three submissions on 31 December');
    // Thursday 1 January 2026, 06:00 WIB = 31 December 23:00 UTC: a January case on a December UTC day.
    at('2025-12-31T23:00:00Z');
    ids.dewi = (await fileCase(t.ctx, JAMBI, BAYI, 'Dewi Lestari')).id;
    ids.rina = (await fileCase(t.ctx, JAMBI, PKH, 'Rina Marlina')).id;
    ids.yusuf = (await fileCase(t.ctx, JAMBI, BAYI, 'Yusuf Maulana')).id;
    await exact('three submissions on New Year’s morning');

    // Friday 2 January: Siti's file is returned for a missing document (paused on the applicant).
    at('2026-01-02T02:00:00Z');
    await act(ids.siti, 'tidak-lengkap');
    assert.equal((await statusOf(ids.siti)).status, 'waiting-applicant');
    await exact('a return to the applicant');
    // Nurul's case goes on to the outside body (paused on it).
    await driveUntil(t.ctx, ids.nurul, (s) => s.kind === 'external', JAMBI);
    const task = (await openTaskFor(t.database.db, ids.nurul))!;
    if ((await statusOf(ids.nurul)).status !== 'waiting-external') await act(ids.nurul, t.catalogue.service(JAMBI, PKH)!.service.service.procedure!.steps.find((s) => s.id === task.step_id)!.outcomes[0]!.id);
    assert.equal((await statusOf(ids.nurul)).status, 'waiting-external');
    await exact('the step of the outside body');

    // Monday 5 January: Siti brings the document back (resumed).
    at('2026-01-05T02:30:00Z');
    const resumed = await resubmitFile(t.ctx, await caseOf(ids.siti), await actorFor(t.ctx, `front-office@${JAMBI}`), 'Akte kelahiran diserahkan di loket');
    assert.ok(resumed.ok, JSON.stringify(resumed));
    assert.equal((await statusOf(ids.siti)).status, 'open');
    await exact('a resubmission');

    // Monday 5 January, 10:00 WIB: Ahmad's case, "15 menit" from the complete file. The sweep twelve
    // minutes later finds it at risk (three quarters of its time gone), and a fortnight on, late.
    at('2026-01-05T03:00:00Z');
    ids.ahmad = (await fileCase(t.ctx, JAMBI, BAYI, 'Ahmad Fauzi')).id;
    await exact('a submission in office hours');
    await act(ids.ahmad, 'lengkap');
    await exact('the file found complete (the clock starts)');
    let atRisk = 0;
    let late = 0;
    for (const when of ['2026-01-05T03:12:00Z', '2026-01-19T08:00:00Z']) {
      at(when);
      const s = await sweepSla(t.ctx, officeId);
      atRisk += s.atRisk;
      late += s.late;
      await exact(`the sweep at ${when}`);
    }
    assert.ok(atRisk >= 1, `some case became at risk (${atRisk})`);
    assert.ok(late >= 1, `some case became late (${late})`);

    // Closings: Budi completed, Dewi refused at verification, Rina withdrawn.
    at('2026-01-20T03:00:00Z');
    await driveUntil(t.ctx, ids.budi, () => false, JAMBI);
    assert.equal((await statusOf(ids.budi)).status, 'completed');
    await exact('a completion');
    await driveUntil(t.ctx, ids.dewi, (s) => s.id === 'verifikasi', JAMBI);
    await act(ids.dewi, 'tidak-memenuhi-syarat');
    assert.equal((await statusOf(ids.dewi)).status, 'rejected');
    await exact('a refusal');
    const w = await withdrawApplication(t.ctx, await caseOf(ids.rina), await actorFor(t.ctx, `front-office@${JAMBI}`), 'Pemohon pindah domisili');
    assert.ok(w.ok, JSON.stringify(w));
    await exact('a withdrawal');

    // Still open: Siti, Ahmad (late), Yusuf (not started) and Nurul (waiting on the outside body).
    const open = await recount();
    assert.equal(open.reduce((s, r) => s + r.n, 0), 4);
    assert.ok(open.some((r) => r.key.includes('|waiting-external|')), JSON.stringify(open));
  });

  it('the evaluation reads the counters: December and January, the years 2025 and 2026, as a live count gives', async () => {
    const tz = t.catalogue.office(JAMBI)!.office.timezone;
    // Yusuf's open case (1 January, 06:00 WIB, a December UTC day) is in January's edge slice.
    for (const [kind, value] of [
      ['month', '2025-12'],
      ['month', '2026-01'],
      ['year', '2025'],
      ['year', '2026'],
    ] as const) {
      const p = readPeriod(kind, value);
      assert.ok(p.ok);
      const [from, until] = [instantOf(p.value.from, tz), instantOf(p.value.until, tz)];
      const norm = (rows: { serviceId: string; status: string; slaState: string; n: number }[]) => rows.map((r) => `${r.serviceId}|${r.status}|${r.slaState}|${r.n}`).sort();
      assert.deepEqual(norm(await openCounts(t.database.db, officeId, from, until)), norm(await openCountsLive(t.database.db, officeId, from, until)), `${kind} ${value}`);
    }
    // Siti and Nurul were filed on 31 December: open in December's evaluation.
    const evalOf = async (kind: 'month', value: string) => {
      const p = readPeriod(kind, value);
      assert.ok(p.ok);
      const r = await evaluateStandard(t.ctx, officeId, p.value);
      return r.services.reduce((s, x) => s + x.evaluation.open, 0);
    };
    assert.equal(await evalOf('month', '2025-12'), 2);
    assert.equal(await evalOf('month', '2026-01'), 2, 'Ahmad, and Yusuf of New Year’s morning (a December UTC day)');
    // The edges of a WIB month are two seven-hour slices of UTC days.
    assert.deepEqual(wholeUtcDays('2025-12-31T17:00:00.000Z', '2026-01-31T17:00:00.000Z'), {
      firstDay: '2026-01-01',
      untilDay: '2026-01-31',
      edges: [
        ['2025-12-31T17:00:00.000Z', '2026-01-01T00:00:00.000Z'],
        ['2026-01-31T00:00:00.000Z', '2026-01-31T17:00:00.000Z'],
      ],
    });
  });

  it('the migration’s backfill, run on the cases as they are, gives the same counters', async () => {
    const before = await kept();
    assert.ok(before.length > 0);
    await t.database.db.deleteFrom('oversight_open_counts').execute();
    assert.deepEqual(await kept(), []);
    await backfillOpenCounts(t.database.db);
    assert.deepEqual(await kept(), before);
    assert.deepEqual(await kept(), await recount());
  });

  it('submissions and closings at the same time in one office-day leave exact counters', async () => {
    // Tuesday 20 January 2026, 10:00 WIB: eight cases, then four withdrawn while eight more are filed.
    at('2026-01-20T03:00:00Z');
    const first = await Promise.all(['Ahmad Fauzi', 'Yusuf Maulana', 'Rahmat Hidayat', 'Sri Wahyuni', 'Agus Salim', 'Fitri Handayani', 'Hendra Gunawan', 'Lina Marlina'].map((n) => fileCase(t.ctx, JAMBI, BAYI, n)));
    await exact('eight submissions at once');
    const front = await actorFor(t.ctx, `front-office@${JAMBI}`);
    const results = await Promise.all([
      ...first.slice(0, 4).map(async (c) => withdrawApplication(t.ctx, await caseOf(c.id), front, 'Pemohon membatalkan permohonan')),
      ...['Wahyu Pratama', 'Indah Permata', 'Joko Susilo', 'Mega Sari', 'Bayu Saputra', 'Ratna Dewi', 'Eko Prasetyo', 'Putri Ayu'].map(async (n) => fileCase(t.ctx, JAMBI, BAYI, n)),
    ]);
    assert.equal(results.length, 12);
    await exact('four withdrawals and eight submissions at once');
    const day = await t.database.db
      .selectFrom('oversight_open_counts')
      .select((eb) => eb.fn.sum<number>('n').as('n'))
      .where('office_id', '=', officeId)
      .where('utc_day', '=', '2026-01-20')
      .executeTakeFirstOrThrow();
    assert.equal(Number(day.n), 12, '8 + 8 filed, 4 withdrawn');
  });

  it('three transactions moving cases of the same counter row overlap (on PostgreSQL, each waits for the row): none is lost', async () => {
    const open = await t.database.db.selectFrom('applications').select(['id', 'status', 'sla_state']).where('office_id', '=', officeId).where('submitted_at', '=', '2026-01-20T03:00:00.000Z').where('status', '=', 'open').limit(3).execute();
    assert.equal(open.length, 3);
    const key = await t.database.db.selectFrom('oversight_open_counts').select('n').where('office_id', '=', officeId).where('utc_day', '=', '2026-01-20').where('status', '=', 'open').where('sla_state', '=', open[0]!.sla_state).executeTakeFirstOrThrow();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const closing = { status: 'withdrawn', sla_state: 'closed', closed_at: '2026-01-20T03:05:00.000Z' };
    // The first holds its decrement uncommitted while the others ask for the same row.
    const first = t.database.db.transaction().execute(async (trx) => {
      await trx.updateTable('applications').set(closing).where('id', '=', open[0]!.id).execute();
      await gate;
    });
    await new Promise((r) => setTimeout(r, 50));
    const others = [1, 2].map((i) => t.database.db.transaction().execute(async (trx) => trx.updateTable('applications').set(i === 1 ? closing : { sla_state: 'late' }).where('id', '=', open[i]!.id).execute()));
    setTimeout(release, 300);
    await Promise.all([first, ...others]);
    const now = await t.database.db.selectFrom('oversight_open_counts').select('n').where('office_id', '=', officeId).where('utc_day', '=', '2026-01-20').where('status', '=', 'open').where('sla_state', '=', open[0]!.sla_state).executeTakeFirstOrThrow();
    assert.equal(Number(now.n), Number(key.n) - 3, 'two withdrawn and one moved to late');
    await exact('three overlapping transactions');
  });

  it('the closed cases’ bars per year are the sums of their months’: kept when cases close, rebuilt, backfilled by the migration', async () => {
    const bar = (r: { service_id: string; status: string; on_time: number; duration: number; n: number | string; applicant_paused: number | string; applicant_pauses: number | string; external_paused: number | string; external_pauses: number | string }) =>
      [r.service_id, r.status, Number(r.on_time), Number(r.duration), Number(r.n), Number(r.applicant_paused), Number(r.applicant_pauses), Number(r.external_paused), Number(r.external_pauses)].join('|');
    const yearRows = async () => (await t.database.db.selectFrom('oversight_year_counts').selectAll().where('office_id', '=', officeId).execute()).map((r) => `${r.year}|${bar(r)}`).sort();
    const monthSums = async () =>
      (
        await t.database.db
          .selectFrom('oversight_counts')
          .select((eb) => [
            sql<string>`substr(month, 1, 4)`.as('year'),
            'service_id',
            'status',
            'on_time',
            'duration',
            eb.fn.sum<number>('n').as('n'),
            eb.fn.sum<number>('applicant_paused').as('applicant_paused'),
            eb.fn.sum<number>('applicant_pauses').as('applicant_pauses'),
            eb.fn.sum<number>('external_paused').as('external_paused'),
            eb.fn.sum<number>('external_pauses').as('external_pauses'),
          ])
          .where('office_id', '=', officeId)
          .groupBy([sql`substr(month, 1, 4)`, 'service_id', 'status', 'on_time', 'duration'])
          .execute()
      )
        .map((r) => `${r.year}|${bar(r)}`)
        .sort();
    // Budi (December 2025, completed), Dewi (January 2026, refused), Rina and four more withdrawn in January 2026.
    const kept = await yearRows();
    assert.equal(kept.filter((r) => r.startsWith('2025|')).reduce((s, r) => s + Number(r.split('|')[5]), 0), 1, 'Budi');
    assert.equal(kept.filter((r) => r.startsWith('2026|')).reduce((s, r) => s + Number(r.split('|')[5]), 0), 6, 'Dewi, Rina and the four withdrawn');
    assert.deepEqual(kept, await monthSums());
    // A year's evaluation reads the year's bars; the same months read one by one give the same bars.
    const norm = (rows: Awaited<ReturnType<typeof closedCounts>>) => rows.map((r) => JSON.stringify(r)).sort();
    assert.deepEqual(wholeYears('2025-01', '2027-01'), { years: ['2025', '2026'], months: [] });
    assert.deepEqual(wholeYears('2025-12', '2026-03'), { years: [], months: [['2025-12', '2026-03']] });
    assert.deepEqual(wholeYears('2025-12', '2027-02'), { years: ['2026'], months: [['2025-12', '2026-01'], ['2027-01', '2027-02']] });
    const byYear = await closedCounts(t.database.db, officeId, '2025-12', '2027-02');
    const byMonths = [...(await closedCounts(t.database.db, officeId, '2025-12', '2026-07')), ...(await closedCounts(t.database.db, officeId, '2026-07', '2027-02'))];
    assert.equal(byYear.reduce((s, r) => s + r.n, 0), 7);
    assert.deepEqual(norm(byYear), norm(byMonths), 'every closing of the period is in December 2025 or January 2026: no bar is split between the two reads');
    // Rebuilt from the cases — which also counts the two withdrawn by bare updates in the test
    // before (rows written around the use cases) — and backfilled from the months by the migration.
    assert.equal(await rebuildOversightCounters(t.ctx, officeId), 9);
    const rebuilt = await yearRows();
    assert.deepEqual(rebuilt, await monthSums());
    assert.equal(rebuilt.filter((r) => r.startsWith('2026|')).reduce((s, r) => s + Number(r.split('|')[5]), 0), 8);
    assert.deepEqual(rebuilt.filter((r) => r.startsWith('2025|')), kept.filter((r) => r.startsWith('2025|')));
    await t.database.db.deleteFrom('oversight_year_counts').execute();
    await backfillYearCounts(t.database.db);
    assert.deepEqual(await yearRows(), rebuilt);
  });

  it('every counter row is 0 or more (a decrement never lost its increment)', async () => {
    const r = await sql<{ n: number }>`select count(*) as n from oversight_open_counts where n < 0`.execute(t.database.db);
    assert.equal(Number(r.rows[0]!.n), 0);
  });
});
