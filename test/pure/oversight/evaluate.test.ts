/**
 * The evaluation of the standard, as a specification: every figure below was worked out by hand
 * from the May 2026 calendar (1 May Hari Buruh, Friday; 14 May Kenaikan Yesus Kristus, Thursday;
 * 15 May cuti bersama) and Kota Jambi's hours (Mon–Thu 07:30–16:00, Fri 07:30–11:00, WIB = UTC+7).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { OfficeCalendar, type CalendarHours } from '../../../src/domain/calendar/index.js';
import { loadCalendarFile } from '../../../src/io/calendar-file.js';
import { evaluateService, statsOf, type PromiseInput } from '../../../src/domain/oversight/evaluate.js';
import { FactsBuilder, WorkingDays, caseWorkingDays, type CaseTiming, type Measure } from '../../../src/domain/oversight/facts.js';
import { closedCaseCounts, feedCounters, type CounterRow, type StageCounterRow } from '../../../src/domain/oversight/counters.js';

const HOLIDAYS = loadCalendarFile(fileURLToPath(new URL('../../../calendars/indonesia.yaml', import.meta.url)));
const JAMBI_HOURS: CalendarHours = {
  week: [
    { days: ['mon', 'tue', 'wed', 'thu'], open: '07:30', close: '16:00' },
    { days: ['fri'], open: '07:30', close: '11:00' },
  ],
  closedOnHolidays: true,
};
const jambi = new OfficeCalendar({ timezone: 'Asia/Jakarta', hours: JAMBI_HOURS, holidays: HOLIDAYS });

/** Kota Jambi service 16, "Rekomendasi dan penyerahan ODGJ ke RSJ": "2-3 hari kerja". */
const ODGJ: PromiseInput = { text: '2-3 hari kerja', value: 2, maxValue: 3, unit: 'working_days' };

/** WIB wall-clock → stored UTC instant. */
const wib = (local: string) => new Date(`${local}:00+07:00`).toISOString();

function closed(start: string, close: string, due: string, pauses: CaseTiming['pauses'] = []): CaseTiming {
  return { status: 'completed', startedAt: wib(start), closedAt: wib(close), dueAt: wib(due), slaState: 'closed', pauses, stages: [] };
}

// Due times: three working days after the clock started, at the third following closing (the clock's
// rule, docs/CALENDAR.md): a Monday start is due Thursday 16:00.
const TEN: CaseTiming[] = [
  closed('2026-05-04 09:00', '2026-05-05 10:00', '2026-05-07 16:00'), // Mon → Tue: 1
  closed('2026-05-05 09:00', '2026-05-06 14:00', '2026-05-08 11:00'), // Tue → Wed: 1
  closed('2026-05-04 10:00', '2026-05-06 11:00', '2026-05-07 16:00'), // Mon → Wed: 2
  closed('2026-05-05 08:00', '2026-05-07 15:00', '2026-05-08 11:00'), // Tue → Thu: 2
  closed('2026-05-04 13:00', '2026-05-07 09:00', '2026-05-07 16:00'), // Mon → Thu: 3
  // Crossed the Kenaikan holiday, its cuti bersama and a weekend: 7 calendar days, 3 working days
  // (Mon 18, Tue 19, Wed 20); due Wed 20 16:00.
  closed('2026-05-13 09:00', '2026-05-20 10:00', '2026-05-20 16:00'),
  // Returned to the applicant Tue 10:00 – Thu 10:00: Wed 6 and Thu 7 are paused; the working days
  // after Mon 4 up to Mon 11 are 5, 6, 7, 8, 11 → 5 − 2 = 3. The clock skips the Tue and Wed
  // closings, so it is due Mon 11 16:00 and was closed on time.
  closed('2026-05-04 09:00', '2026-05-11 10:00', '2026-05-11 16:00', [{ from: wib('2026-05-05 10:00'), to: wib('2026-05-07 10:00'), kind: 'applicant' }]),
  closed('2026-05-04 09:00', '2026-05-08 09:00', '2026-05-07 16:00'), // Mon → Fri: 4, late
  closed('2026-05-04 09:00', '2026-05-11 09:00', '2026-05-07 16:00'), // Mon → Mon: 5, late
  closed('2026-05-05 09:00', '2026-05-12 09:00', '2026-05-08 11:00'), // Tue → Tue: 5, late
];

function measure() {
  return { unit: 'working_days' as const, calendarKind: 'office-hours' as const, workingDays: new WorkingDays(jambi, 'Asia/Jakarta', '2026-01-01'), calendar: jambi, externalBody: null, stages: [] };
}

describe('evaluation of the standard: a "2-3 hari kerja" service', () => {
  it('the due times above are the clock’s own (hand values agree with the office calendar)', () => {
    for (const c of TEN) {
      const due = jambi.dueWithPauses(c.startedAt!, 3, 'working_days', 'office-hours', c.pauses);
      assert.equal(new Date(due.dueAt!).toISOString(), c.dueAt, `case started ${c.startedAt}`);
    }
  });

  it('ten cases taking 1–5 working days: median 3, p90 5, max 5, promise kept in 7 of 10', () => {
    const b = new FactsBuilder(measure());
    for (const c of TEN) b.addCase(c);
    const ev = evaluateService(ODGJ, b.facts());
    assert.deepEqual([...b.durations.entries()].sort((x, y) => x[0] - y[0]), [[1, 2], [2, 2], [3, 3], [4, 1], [5, 2]]);
    assert.equal(ev.cases, 10);
    assert.equal(ev.completed, 10);
    assert.equal(ev.onTime, 7);
    assert.equal(ev.onTimeRate, 0.7);
    assert.equal(ev.median, 3);
    assert.equal(ev.p90, 5);
    assert.equal(ev.max, 5);
    assert.equal(ev.unit, 'working_days');
    // 2 paused working days of 29 worked + 2 waited.
    assert.equal(ev.waits.length, 1);
    assert.equal(ev.waits[0]!.kind, 'applicant');
    assert.equal(ev.waits[0]!.total, 2);
    assert.ok(Math.abs(ev.waits[0]!.share - 2 / 31) < 1e-12);
    assert.equal(
      ev.finding.id,
      'Janji ditepati pada 70 % kasus (7 dari 10 selesai); median 3 hari kerja, p90 5 hari kerja; menunggu pemohon (berkas dikembalikan) 6,5 % waktu.',
    );
    assert.equal(
      ev.finding.en,
      'Promise kept in 70% of cases (7 of 10 completed); median 3 working days, p90 5 working days; the wait on the applicant (file returned) accounts for 6.5% of elapsed time.',
    );
  });

  it('the holiday case counts 3 working days, not 7 calendar days; the paused one 3, not 5', () => {
    const wd = new WorkingDays(jambi, 'Asia/Jakarta', '2026-01-01');
    assert.deepEqual(caseWorkingDays(wd, TEN[5]!.startedAt!, TEN[5]!.closedAt!, []), { actual: 3, paused: [] });
    assert.deepEqual(caseWorkingDays(wd, TEN[6]!.startedAt!, TEN[6]!.closedAt!, TEN[6]!.pauses), { actual: 3, paused: [2] });
  });

  it('grouping unpaused cases by their local dates gives the same histogram as case by case', () => {
    const b = new FactsBuilder(measure());
    for (const c of TEN.filter((c) => c.pauses.length === 0)) {
      b.count(c.status, c.slaState, c.closedAt! <= c.dueAt!);
      b.addDatePair(c.startedAt!.slice(0, 10), new Date(Date.parse(c.closedAt!) + 7 * 3600e3).toISOString().slice(0, 10), 1);
    }
    for (const c of TEN.filter((c) => c.pauses.length > 0)) b.addCase(c);
    const ev = evaluateService(ODGJ, b.facts());
    assert.deepEqual([ev.cases, ev.onTime, ev.median, ev.p90, ev.max], [10, 7, 3, 5, 5]);
  });

  it('an external wait is named after the body the procedure names, and open late cases are told', () => {
    const b = new FactsBuilder({ ...measure(), externalBody: 'BPJS Kesehatan' });
    b.addCase(closed('2026-05-04 09:00', '2026-05-12 09:00', '2026-05-12 16:00', [{ from: wib('2026-05-04 12:00'), to: wib('2026-05-08 09:00'), kind: 'external' }]));
    b.addCase({ status: 'open', startedAt: wib('2026-05-04 09:00'), closedAt: null, dueAt: wib('2026-05-07 16:00'), slaState: 'late', pauses: [], stages: [] });
    const ev = evaluateService(ODGJ, b.facts());
    // Working days after Mon 4 up to Tue 12: 5, 6, 7, 8, 11, 12 = 6; paused 5, 6, 7, 8 = 4; actual 2.
    assert.equal(ev.median, 2);
    assert.equal(ev.waits[0]!.body, 'BPJS Kesehatan');
    assert.ok(Math.abs(ev.waits[0]!.share - 4 / 6) < 1e-12);
    assert.equal(ev.openLate, 1);
    assert.equal(ev.finding.id, 'Janji ditepati pada 100 % kasus (1 dari 1 selesai); median 2 hari kerja, p90 2 hari kerja; menunggu BPJS Kesehatan 67 % waktu; 1 kasus terbuka sudah terlambat.');
  });
});

describe('percentiles', () => {
  it('median of an even count is the mean of the two middle values; p90 is nearest-rank', () => {
    assert.deepEqual(statsOf(new Map([[1, 1], [2, 1], [3, 1], [10, 1]])), { median: 2.5, p90: 10, max: 10 });
    assert.deepEqual(statsOf(new Map([[7, 1]])), { median: 7, p90: 7, max: 7 });
    assert.deepEqual(statsOf(new Map()), { median: null, p90: null, max: null });
    // 20 values 1..20: p90 = x18 = 18.
    assert.equal(statsOf(new Map(Array.from({ length: 20 }, (_, i) => [i + 1, 1] as [number, number]))).p90, 18);
  });

  it('a decree without a computable time says so instead of a rate', () => {
    const ev = evaluateService({ text: 'Sesuai jadwal BAPPEDA', value: null, maxValue: null, unit: null }, { cases: 4, completed: 2, onTime: 0, withdrawn: 0, open: 2, openLate: 0, openAtRisk: 0, durations: new Map(), waits: [], stages: [] });
    assert.equal(ev.onTimeRate, null);
    assert.match(ev.finding.id, /tidak menyatakan waktu yang dapat dihitung/);
  });
});

describe('a 24-hour service measured in minutes', () => {
  const allDay = new OfficeCalendar({ timezone: 'Asia/Makassar', hours: { allDay: true, closedOnHolidays: false }, holidays: HOLIDAYS });
  const EMERGENCY: PromiseInput = { text: '45 menit', value: 45, maxValue: null, unit: 'minutes' };
  const wita = (local: string) => new Date(`${local}:00+08:00`).toISOString();

  it('counts elapsed minutes on a holiday night, less the wait, and the rate against the stored due time', () => {
    const b = new FactsBuilder({ unit: 'minutes', calendarKind: '24x7', calendar: allDay, workingDays: new WorkingDays(allDay, 'Asia/Makassar', '2026-01-01'), externalBody: 'Rumah Sakit Ulin', stages: [] });
    // Kenaikan Yesus Kristus (14 May), 23:30 → 00:40 next day, waiting 23:50 → 00:10 on the hospital: 70 − 20 = 50 minutes, late (due 00:15).
    b.addCase({ status: 'completed', startedAt: wita('2026-05-14 23:30'), closedAt: wita('2026-05-15 00:40'), dueAt: wita('2026-05-15 00:35'), slaState: 'late', pauses: [{ from: wita('2026-05-14 23:50'), to: wita('2026-05-15 00:10'), kind: 'external' }], stages: [] });
    b.addCase({ status: 'completed', startedAt: wita('2026-05-16 10:00'), closedAt: wita('2026-05-16 10:30'), dueAt: wita('2026-05-16 10:45'), slaState: 'closed', pauses: [], stages: [] });
    const ev = evaluateService(EMERGENCY, b.facts());
    assert.deepEqual([ev.unit, ev.median, ev.p90, ev.max, ev.onTime, ev.completed], ['minutes', 40, 50, 50, 1, 2]);
    assert.equal(ev.waits[0]!.total, 20);
    assert.equal(ev.finding.en, 'Promise kept in 50% of cases (1 of 2 completed); median 40 minutes, p90 50 minutes; the wait on Rumah Sakit Ulin accounts for 20% of elapsed time.');
  });
});

describe('stage by stage', () => {
  it('Banjarmasin santunan kematian: each stage with its own limit counts started, finished and finished on time', () => {
    const cal = new OfficeCalendar({ timezone: 'Asia/Makassar', hours: JAMBI_HOURS, holidays: HOLIDAYS });
    const b = new FactsBuilder({
      unit: 'working_days',
      calendarKind: 'office-hours',
      calendar: cal,
      workingDays: new WorkingDays(cal, 'Asia/Makassar', '2026-01-01'),
      externalBody: 'Badan Pengelola Keuangan, Pendapatan dan Aset Daerah (BPKPAD) Kota Banjarmasin',
      stages: [
        { id: 'pengajuan-bpkpad', label: 'Pengajuan ke BPKPAD', limitText: 'Pengajuan Ke Badan Pengelolaan Keuangan Pendapatan dan Aset Daerah : 30 hari kerja' },
        { id: 'transfer-dana', label: 'Transfer dana bantuan ke rekening penerima', limitText: 'Maksimal 2 Hari Kerja' },
      ],
    });
    const stage = (id: string, finishedAt: string | null, late: boolean | null) => ({ id, finishedAt, late });
    const base = { status: 'completed', startedAt: '2026-04-06T01:00:00.000Z', closedAt: '2026-05-25T01:00:00.000Z', dueAt: null, slaState: 'closed', pauses: [] };
    b.addCase({ ...base, stages: [stage('pengajuan-bpkpad', '2026-05-20T01:00:00.000Z', false), stage('transfer-dana', '2026-05-25T01:00:00.000Z', false)] });
    b.addCase({ ...base, stages: [stage('pengajuan-bpkpad', '2026-05-29T01:00:00.000Z', true), stage('transfer-dana', null, null)] });
    b.addCase({ ...base, status: 'open', closedAt: null, slaState: 'on-time', stages: [stage('pengajuan-bpkpad', null, null)] });
    const ev = evaluateService({ text: '30 hari kerja', value: 30, maxValue: null, unit: 'working_days' }, b.facts());
    assert.deepEqual(
      ev.stages.map((s) => [s.id, s.started, s.finished, s.onTime, s.onTimeRate]),
      [
        ['pengajuan-bpkpad', 3, 2, 1, 0.5],
        ['transfer-dana', 2, 1, 1, 1],
      ],
    );
  });
});

describe('the counters kept when cases close give the same evaluation as the cases themselves', () => {
  // What the database does: one bar per (month, status, on time, duration), summed over cases.
  const viaCounters = (m: Measure, cases: (CaseTiming & { submittedAt?: string })[]) => {
    const bars = new Map<string, CounterRow>();
    const stages = new Map<string, StageCounterRow>();
    for (const c of cases) {
      const k = closedCaseCounts(m, { ...c, submittedAt: c.submittedAt ?? c.startedAt! });
      if (!k) continue;
      const key = `${k.row.month}|${k.row.status}|${k.row.onTime}|${k.row.duration}`;
      const had = bars.get(key);
      if (!had) bars.set(key, { ...k.row });
      else for (const f of ['n', 'applicantPaused', 'applicantPauses', 'externalPaused', 'externalPauses'] as const) had[f] += k.row[f];
      for (const s of k.stages) {
        const h = stages.get(s.stageId) ?? { ...s, started: 0, finished: 0, onTime: 0 };
        h.started += s.started;
        h.finished += s.finished;
        h.onTime += s.onTime;
        stages.set(s.stageId, h);
      }
    }
    const b = new FactsBuilder(m);
    feedCounters(b, [...bars.values()], [...stages.values()]);
    return { facts: b.facts(), bars: [...bars.values()] };
  };
  const byCase = (m: Measure, cases: CaseTiming[]) => {
    const b = new FactsBuilder(m);
    for (const c of cases) b.addCase(c);
    return b.facts();
  };
  const sameEvaluation = (promise: PromiseInput, m: () => Measure, cases: CaseTiming[]) => {
    const exact = evaluateService(promise, byCase(m(), cases));
    const counted = evaluateService(promise, viaCounters(m(), cases).facts);
    assert.deepEqual({ ...counted, waits: counted.waits.map((w) => ({ ...w, total: Math.round(w.total * 1e9) / 1e9 })) }, { ...exact, waits: exact.waits.map((w) => ({ ...w, total: Math.round(w.total * 1e9) / 1e9 })) });
    return counted;
  };

  it('the ten "2-3 hari kerja" cases (holiday, pause) and a withdrawn one: median 3, p90 5, 7 of 10 on time, in five bars', () => {
    const withdrawn: CaseTiming = { status: 'withdrawn', startedAt: wib('2026-05-18 09:00'), closedAt: wib('2026-05-19 09:00'), dueAt: null, slaState: 'closed', pauses: [], stages: [] };
    const ev = sameEvaluation(ODGJ, measure, [...TEN, withdrawn]);
    assert.deepEqual([ev.median, ev.p90, ev.max, ev.onTime, ev.completed, ev.withdrawn], [3, 5, 5, 7, 10, 1]);
    // One bar per distinct (on time, working days): exact values, not wider buckets.
    const bars = viaCounters(measure(), TEN).bars.map((b) => [b.onTime, b.duration / 10, b.n]).sort();
    assert.deepEqual(bars, [[false, 4, 1], [false, 5, 2], [true, 1, 2], [true, 2, 2], [true, 3, 3]].sort());
  });

  it('a 24-hour service in minutes: 40 and 50 minutes stored as tenths, the hospital wait summed', () => {
    const allDay = new OfficeCalendar({ timezone: 'Asia/Makassar', hours: { allDay: true, closedOnHolidays: false }, holidays: HOLIDAYS });
    const wita = (local: string) => new Date(`${local}:00+08:00`).toISOString();
    const m = (): Measure => ({ unit: 'minutes', calendarKind: '24x7', calendar: allDay, workingDays: new WorkingDays(allDay, 'Asia/Makassar', '2026-01-01'), externalBody: 'Rumah Sakit Ulin', stages: [] });
    const ev = sameEvaluation({ text: '45 menit', value: 45, maxValue: null, unit: 'minutes' }, m, [
      { status: 'completed', startedAt: wita('2026-05-14 23:30'), closedAt: wita('2026-05-15 00:40'), dueAt: wita('2026-05-15 00:35'), slaState: 'late', pauses: [{ from: wita('2026-05-14 23:50'), to: wita('2026-05-15 00:10'), kind: 'external' }], stages: [] },
      { status: 'completed', startedAt: wita('2026-05-16 10:00'), closedAt: wita('2026-05-16 10:33'), dueAt: wita('2026-05-16 10:45'), slaState: 'closed', pauses: [], stages: [] },
      { status: 'rejected', startedAt: wita('2026-05-16 11:00'), closedAt: wita('2026-05-16 11:12'), dueAt: wita('2026-05-16 11:45'), slaState: 'closed', pauses: [], stages: [] },
    ]);
    assert.deepEqual([ev.median, ev.p90, ev.max], [33, 50, 50]);
  });

  it('a case submitted at 00:30 WIB on 1 May counts in May, one at 23:59 WIB on 30 April in April (local dates)', () => {
    const late = { ...TEN[0]!, submittedAt: new Date('2026-04-30T17:30:00Z').toISOString() };
    assert.equal(closedCaseCounts(measure(), late)!.row.month, '2026-05');
    assert.equal(closedCaseCounts(measure(), { ...late, submittedAt: new Date('2026-04-30T16:59:00Z').toISOString() })!.row.month, '2026-04');
  });

  it('open cases add nothing: they are counted from the cases, their SLA state still moving', () => {
    assert.equal(closedCaseCounts(measure(), { ...TEN[0]!, status: 'open', closedAt: null, submittedAt: TEN[0]!.startedAt! }), null);
  });
});
