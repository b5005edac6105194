/**
 * The evaluation of the standard (issue 15, deliverable 1): per service and period, the decree's
 * promised time beside what the cases actually took, in the decree's own unit, with a finding in
 * plain words. Pure: the office calendar comes in as a value, the facts as counts and histograms.
 *
 * Definitions (recorded here because the decrees state none):
 * - A case belongs to the period in which it was submitted (the same cohort the staff case search
 *   filters by its date range, so every number drills down to exactly its cases).
 * - A case is "completed" when the office gave its answer (status completed or rejected: a refusal
 *   is also an answer within the promise); withdrawn cases leave the timing figures.
 * - "On time" is the clock's own verdict: closed at or before the stored due time (which already
 *   holds the range's upper bound, `maxValue`, and the pauses).
 * - Actual time in working days: the working days on the office calendar after the day the clock
 *   started, up to and including the day the case was closed, less the working days on which the
 *   case waited (a working day d is paused when some pause started before d and ended on or after
 *   d, by local dates). Holidays, cuti bersama and closures are not working days, so a case that
 *   crossed Idul Fitri is not charged for it. Days, months, years: calendar days counted the same
 *   way (every day counts). Minutes and hours: open time on the service's clock (all elapsed time
 *   for 24-hour services) less pauses; only these need each case's instants, the others group by date.
 * - Percentiles over the completed cases' actual times: the median is the middle value (the mean
 *   of the two middle values when their number is even); p90 is the nearest-rank percentile, the
 *   smallest actual time that at least 90 % of the cases did not exceed (x⌈0.9·n⌉ in sorted order).
 */
import { Temporal } from 'temporal-polyfill';
import type { OfficeCalendar } from '../calendar/calendar.js';

/** The unit in which a service's actual times are measured: the decree's, months and years as days. */
export type MeasureUnit = 'working_days' | 'minutes' | 'hours' | 'days';

/** The decree's promise as the standards encode it (a service's `sla`). */
export interface PromiseInput {
  text: string;
  value: number | null;
  maxValue: number | null;
  unit: 'minutes' | 'hours' | 'days' | 'working_days' | 'months' | 'years' | null;
}

export function measureUnitOf(unit: PromiseInput['unit']): MeasureUnit | null {
  if (unit === null) return null;
  return unit === 'months' || unit === 'years' ? 'days' : unit;
}

/** A histogram of actual times: value in the measure unit → number of cases. */
export type Histogram = ReadonlyMap<number, number>;

export function addTo(h: Map<number, number>, value: number, count = 1): void {
  h.set(value, (h.get(value) ?? 0) + count);
}

/** Who a case waited on: the applicant (a file returned) or a named outside body. */
export interface WaitTotal {
  kind: 'applicant' | 'external';
  /** The outside body as the procedure names it; null for the applicant. */
  body: string | null;
  /** Time paused, in the service's measure unit, summed over cases. */
  total: number;
  cases: number;
}

/** One stage with its own limit in the decree (e.g. 30 working days at the finance office). */
export interface StageFacts {
  id: string;
  label: string;
  limitText: string | null;
  started: number;
  finished: number;
  onTime: number;
}

/** What the database and the calendar established about one service's cases in the period. */
export interface ServiceFacts {
  cases: number;
  completed: number;
  onTime: number;
  withdrawn: number;
  open: number;
  openLate: number;
  openAtRisk: number;
  durations: Histogram;
  waits: readonly WaitTotal[];
  stages: readonly StageFacts[];
}

export interface Stats {
  median: number | null;
  p90: number | null;
  max: number | null;
}

export interface ServiceEvaluation extends Stats {
  promise: PromiseInput;
  unit: MeasureUnit | null;
  cases: number;
  completed: number;
  onTime: number;
  /** Share of completed cases closed within the promise, 0–1; null when none completed or no promise. */
  onTimeRate: number | null;
  withdrawn: number;
  open: number;
  openLate: number;
  openAtRisk: number;
  /** Each wait's share of the time the completed cases spent (actual + paused), 0–1. */
  waits: (WaitTotal & { share: number })[];
  stages: (StageFacts & { onTimeRate: number | null })[];
  finding: { id: string; en: string };
}

/** Median (mean of the two middle values for an even count) and nearest-rank p90 and max of a histogram. */
export function statsOf(h: Histogram): Stats {
  const values = [...h.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const n = values.reduce((s, [, c]) => s + c, 0);
  if (n === 0) return { median: null, p90: null, max: null };
  // The k-th smallest value (1-based) of the histogram.
  const kth = (k: number): number => {
    let seen = 0;
    for (const [v, c] of values) {
      seen += c;
      if (seen >= k) return v;
    }
    return values[values.length - 1]![0];
  };
  const median = n % 2 === 1 ? kth((n + 1) / 2) : (kth(n / 2) + kth(n / 2 + 1)) / 2;
  return { median, p90: kth(Math.ceil(0.9 * n)), max: values[values.length - 1]![0] };
}

const UNIT_WORDS: Record<MeasureUnit, { id: string; en: string; enOne: string }> = {
  working_days: { id: 'hari kerja', en: 'working days', enOne: 'working day' },
  minutes: { id: 'menit', en: 'minutes', enOne: 'minute' },
  hours: { id: 'jam', en: 'hours', enOne: 'hour' },
  days: { id: 'hari', en: 'days', enOne: 'day' },
};

/** "2,5 hari kerja" / "2.5 working days" / "1 working day". */
export function amount(lang: 'id' | 'en', value: number, unit: MeasureUnit): string {
  const v = Math.round(value * 10) / 10;
  const num = lang === 'id' ? String(v).replace('.', ',') : String(v);
  const w = UNIT_WORDS[unit];
  return `${num} ${lang === 'id' ? w.id : v === 1 ? w.enOne : w.en}`;
}

/** "94 %" (Indonesian) or "94%": whole per cent, one decimal below 10 %. */
export function percent(lang: 'id' | 'en', share: number): string {
  const p = share * 100;
  const v = p < 10 && p > 0 ? Math.round(p * 10) / 10 : Math.round(p);
  return lang === 'id' ? `${String(v).replace('.', ',')} %` : `${v}%`;
}

export function evaluateService(promise: PromiseInput, facts: ServiceFacts): ServiceEvaluation {
  const unit = measureUnitOf(promise.unit);
  const stats = statsOf(facts.durations);
  const onTimeRate = facts.completed > 0 && promise.value !== null ? facts.onTime / facts.completed : null;
  const worked = [...facts.durations.entries()].reduce((s, [v, c]) => s + v * c, 0);
  const waited = facts.waits.reduce((s, w) => s + w.total, 0);
  const whole = worked + waited;
  const waits = facts.waits
    .map((w) => ({ ...w, share: whole > 0 ? w.total / whole : 0 }))
    .sort((a, b) => b.total - a.total);
  const stages = facts.stages.map((s) => ({ ...s, onTimeRate: s.finished > 0 ? s.onTime / s.finished : null }));
  const ev: ServiceEvaluation = {
    promise,
    unit,
    cases: facts.cases,
    completed: facts.completed,
    onTime: facts.onTime,
    onTimeRate,
    withdrawn: facts.withdrawn,
    open: facts.open,
    openLate: facts.openLate,
    openAtRisk: facts.openAtRisk,
    ...stats,
    waits,
    stages,
    finding: { id: '', en: '' },
  };
  ev.finding = findingOf(ev);
  return ev;
}

/** The plain-words finding: whether the promise is kept, how long cases take, and what they wait on. */
export function findingOf(ev: Omit<ServiceEvaluation, 'finding'>): { id: string; en: string } {
  if (ev.promise.value === null || ev.unit === null)
    return {
      id: `Keputusan tidak menyatakan waktu yang dapat dihitung ("${ev.promise.text}"); ${ev.completed} dari ${ev.cases} kasus selesai.`,
      en: `The decree states no computable time ("${ev.promise.text}"); ${ev.completed} of ${ev.cases} cases completed.`,
    };
  if (ev.cases === 0) return { id: 'Tidak ada kasus pada periode ini.', en: 'No cases in this period.' };
  if (ev.completed === 0 || ev.onTimeRate === null)
    return {
      id: `Belum ada kasus selesai dari ${ev.cases} kasus; ${ev.openLate} sudah melewati janji.`,
      en: `None of ${ev.cases} cases completed yet; ${ev.openLate} already past the promise.`,
    };
  const id: string[] = [`Janji ditepati pada ${percent('id', ev.onTimeRate)} kasus (${ev.onTime} dari ${ev.completed} selesai)`];
  const en: string[] = [`Promise kept in ${percent('en', ev.onTimeRate)} of cases (${ev.onTime} of ${ev.completed} completed)`];
  if (ev.median !== null && ev.p90 !== null) {
    id.push(`median ${amount('id', ev.median, ev.unit)}, p90 ${amount('id', ev.p90, ev.unit)}`);
    en.push(`median ${amount('en', ev.median, ev.unit)}, p90 ${amount('en', ev.p90, ev.unit)}`);
  }
  const top = ev.waits[0];
  if (top && top.share >= 0.05) {
    const who = top.kind === 'applicant' ? { id: 'pemohon (berkas dikembalikan)', en: 'the applicant (file returned)' } : { id: top.body ?? 'instansi lain', en: top.body ?? 'another body' };
    id.push(`menunggu ${who.id} ${percent('id', top.share)} waktu`);
    en.push(`the wait on ${who.en} accounts for ${percent('en', top.share)} of elapsed time`);
  }
  if (ev.openLate > 0) {
    id.push(`${ev.openLate} kasus terbuka sudah terlambat`);
    en.push(`${ev.openLate} open ${ev.openLate === 1 ? 'case is' : 'cases are'} late`);
  }
  return { id: `${id.join('; ')}.`, en: `${en.join('; ')}.` };
}

/* ---------- actual time of one case, in the measure unit ---------- */

export interface LocalPause {
  from: string;
  to: string | null;
}

/**
 * Working days by local date: `ordinal(d)` counts the working days up to and including d since a
 * base date, so the working days after S up to and including E are ordinal(E) − ordinal(S). One
 * per calendar and evaluation; each date is looked up once.
 */
export class WorkingDays {
  private ord = new Map<string, number>();
  private base: Temporal.PlainDate;
  constructor(
    private cal: OfficeCalendar,
    private timezone: string,
    base: string,
    /** Count every calendar day (promises in days, months, years), not only working days. */
    private everyDay = false,
  ) {
    this.base = Temporal.PlainDate.from(base);
  }

  /** Offsets seen, by UTC hour: an evaluation reads tens of thousands of instants, the zone's rules once an hour. */
  private offsets = new Map<string, number>();

  localDate(iso: string): string {
    const ms = Date.parse(iso);
    const hour = iso.slice(0, 13);
    let off = this.offsets.get(hour);
    if (off === undefined) {
      off = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(this.timezone).offsetNanoseconds / 1e6;
      this.offsets.set(hour, off);
    }
    return new Date(ms + off).toISOString().slice(0, 10);
  }

  private last: { date: Temporal.PlainDate; n: number } | null = null;

  ordinal(date: string): number {
    const hit = this.ord.get(date);
    if (hit !== undefined) return hit;
    const d = Temporal.PlainDate.from(date);
    if (Temporal.PlainDate.compare(d, this.base) <= 0) return -this.countBetween(d, this.base);
    // Every date from the base to `last` is already known: walk on from there.
    let cur = this.last?.date ?? this.base;
    let n = this.last?.n ?? 0;
    while (Temporal.PlainDate.compare(cur, d) < 0) {
      cur = cur.add({ days: 1 });
      if (this.everyDay || this.cal.isWorkingDay(cur)) n++;
      this.ord.set(cur.toString(), n);
    }
    this.last = { date: cur, n };
    return n;
  }

  private countBetween(a: Temporal.PlainDate, b: Temporal.PlainDate): number {
    let n = 0;
    for (let cur = a; Temporal.PlainDate.compare(cur, b) < 0; ) {
      cur = cur.add({ days: 1 });
      if (this.everyDay || this.cal.isWorkingDay(cur)) n++;
    }
    return n;
  }

  /** Working days after local date `s` up to and including local date `e`. */
  between(s: string, e: string): number {
    return e <= s ? 0 : this.ordinal(e) - this.ordinal(s);
  }
}

/** Working days of a case by local dates, less the working days it waited; and the waits' own days. */
export function caseWorkingDays(wd: WorkingDays, startedAt: string, closedAt: string, pauses: readonly LocalPause[]): { actual: number; paused: number[] } {
  const s = wd.localDate(startedAt);
  const e = wd.localDate(closedAt);
  const paused = pauses.map((p) => {
    const from = wd.localDate(p.from);
    const to = wd.localDate(p.to ?? closedAt);
    // Paused days lie inside (from, to] and inside the case's own (s, e].
    const lo = from > s ? from : s;
    const hi = to < e ? to : e;
    return wd.between(lo, hi);
  });
  const total = wd.between(s, e);
  return { actual: Math.max(0, total - paused.reduce((a, b) => a + b, 0)), paused };
}

/** Minutes or hours of a case less its pauses, as open time on the service's clock. */
export function caseElapsed(
  cal: OfficeCalendar,
  unit: 'minutes' | 'hours',
  kind: 'office-hours' | '24x7',
  startedAt: string,
  closedAt: string,
  pauses: readonly LocalPause[],
): { actual: number; paused: number[] } {
  const k = kind;
  const per = unit === 'minutes' ? 1 : 60;
  const all = cal.elapsedOpenTime(startedAt, closedAt, k, []);
  const paused = pauses.map((p) => {
    const to = p.to === null || p.to > closedAt ? closedAt : p.to;
    const from = p.from < startedAt ? startedAt : p.from;
    return to > from ? cal.elapsedOpenTime(from, to, k, []) / per : 0;
  });
  const actual = Math.max(0, all / per - paused.reduce((a, b) => a + b, 0));
  return { actual: Math.round(actual * 10) / 10, paused };
}

/* ---------- facts from cases ---------- */

/** What one case contributes: its clock, its close, its pauses and stages (as stored on the case). */
export interface CaseTiming {
  status: string;
  startedAt: string | null;
  closedAt: string | null;
  dueAt: string | null;
  slaState: string;
  pauses: readonly { from: string; to: string | null; kind?: 'applicant' | 'external' }[];
  stages: readonly { id: string; finishedAt: string | null; late: boolean | null }[];
}

export const ANSWERED = ['completed', 'rejected'] as const;
const isAnswered = (s: string) => (ANSWERED as readonly string[]).includes(s);

/** How to measure a service's cases: its unit, clock kind, stage limits, and the outside body its waits are on. */
export interface Measure {
  unit: MeasureUnit | null;
  calendarKind: 'office-hours' | '24x7';
  /** Working days (or every day, for promises in days, months, years) by local date. */
  workingDays: WorkingDays;
  calendar: OfficeCalendar;
  /** The outside body a service's external pauses wait on (one name when its procedure names one). */
  externalBody: string | null;
  stages: readonly { id: string; label: string; limitText: string | null }[];
}

/** Mutable facts, filled from SQL counts, date-pair histograms and single cases, then evaluated. */
export class FactsBuilder {
  cases = 0;
  completed = 0;
  onTime = 0;
  withdrawn = 0;
  open = 0;
  openLate = 0;
  openAtRisk = 0;
  durations = new Map<number, number>();
  private waits = new Map<string, WaitTotal>();
  private stageFacts: Map<string, StageFacts>;

  constructor(private m: Measure) {
    this.stageFacts = new Map(m.stages.map((s) => [s.id, { ...s, started: 0, finished: 0, onTime: 0 }]));
  }

  /** One case with everything on it: counts, its actual time, its waits and its stages. */
  addCase(c: CaseTiming): void {
    this.count(c.status, c.slaState, c.closedAt !== null && c.dueAt !== null && c.closedAt <= c.dueAt);
    this.addTiming(c);
  }

  /** A case's actual time, waits and stages, when its counts came in by `count` already. */
  addTiming(c: CaseTiming): void {
    for (const st of c.stages) {
      const f = this.stageFacts.get(st.id);
      if (!f) continue;
      f.started++;
      if (st.finishedAt) f.finished++;
      if (st.finishedAt && st.late === false) f.onTime++;
    }
    if (!isAnswered(c.status) || !c.startedAt || !c.closedAt || !this.m.unit) return;
    const local = c.pauses.map((p) => ({ from: p.from, to: p.to }));
    const r =
      this.m.unit === 'working_days' || this.m.unit === 'days'
        ? caseWorkingDays(this.m.workingDays, c.startedAt, c.closedAt, local)
        : caseElapsed(this.m.calendar, this.m.unit, this.m.calendarKind, c.startedAt, c.closedAt, local);
    addTo(this.durations, r.actual);
    c.pauses.forEach((p, i) => {
      const kind = p.kind ?? 'applicant';
      const body = kind === 'external' ? this.m.externalBody : null;
      const key = `${kind}|${body ?? ''}`;
      const w = this.waits.get(key) ?? { kind, body, total: 0, cases: 0 };
      w.total += r.paused[i] ?? 0;
      w.cases++;
      this.waits.set(key, w);
    });
  }

  /** Counts of a status without the case itself (SQL aggregates). */
  count(status: string, slaState: string, onTime: boolean, n = 1): void {
    this.cases += n;
    if (isAnswered(status)) {
      this.completed += n;
      if (onTime) this.onTime += n;
    } else if (status === 'withdrawn') this.withdrawn += n;
    else {
      this.open += n;
      if (slaState === 'late') this.openLate += n;
      if (slaState === 'at-risk') this.openAtRisk += n;
    }
  }

  /** Answered cases without pauses, grouped by the local dates their clock started and closed. */
  addDatePair(startDate: string, closeDate: string, n: number): void {
    if (this.m.unit === 'working_days' || this.m.unit === 'days') addTo(this.durations, this.m.workingDays.between(startDate, closeDate), n);
  }

  facts(): ServiceFacts {
    return {
      cases: this.cases,
      completed: this.completed,
      onTime: this.onTime,
      withdrawn: this.withdrawn,
      open: this.open,
      openLate: this.openLate,
      openAtRisk: this.openAtRisk,
      durations: this.durations,
      waits: [...this.waits.values()],
      stages: [...this.stageFacts.values()],
    };
  }
}
