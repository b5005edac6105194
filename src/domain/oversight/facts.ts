/**
 * What the evaluation of the standard is computed from: each case's actual time in the decree's
 * unit on the office calendar, and the facts of a service (counts, histogram, waits, stages) built
 * from SQL counts, date pairs and single cases. Pure; the definitions are in evaluate.ts.
 */
import { Temporal } from 'temporal-polyfill';
import type { OfficeCalendar } from '../calendar/calendar.js';
import { addTo, type MeasureUnit, type ServiceFacts, type StageFacts, type WaitTotal } from './evaluate.js';

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

/**
 * An answered case's actual time in the service's measure unit and the time of each of its pauses;
 * null when it is not answered, its clock never ran, or the decree states no computable time.
 */
export function caseTime(m: Measure, c: Pick<CaseTiming, 'status' | 'startedAt' | 'closedAt' | 'pauses'>): { actual: number; paused: number[] } | null {
  if (!isAnswered(c.status) || !c.startedAt || !c.closedAt || !m.unit) return null;
  const local = c.pauses.map((p) => ({ from: p.from, to: p.to }));
  return m.unit === 'working_days' || m.unit === 'days'
    ? caseWorkingDays(m.workingDays, c.startedAt, c.closedAt, local)
    : caseElapsed(m.calendar, m.unit, m.calendarKind, c.startedAt, c.closedAt, local);
}

/** What a case's recorded stages add: each one started, finished, finished on time. */
export function stageCounts(c: Pick<CaseTiming, 'stages'>): { id: string; started: number; finished: number; onTime: number }[] {
  return c.stages.map((st) => ({ id: st.id, started: 1, finished: st.finishedAt ? 1 : 0, onTime: st.finishedAt && st.late === false ? 1 : 0 }));
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
    for (const st of stageCounts(c)) this.addStage(st.id, st.started, st.finished, st.onTime);
    const r = caseTime(this.m, c);
    if (!r) return;
    addTo(this.durations, r.actual);
    c.pauses.forEach((p, i) => this.addWait(p.kind ?? 'applicant', r.paused[i] ?? 0, 1));
  }

  /** `n` answered cases that took `value` (in the measure unit): a stored counter's histogram bar. */
  addDuration(value: number, n: number): void {
    addTo(this.durations, value, n);
  }

  /** Time paused of one kind, summed over `pauses` pauses. */
  addWait(kind: 'applicant' | 'external', total: number, pauses: number): void {
    if (pauses === 0) return;
    const body = kind === 'external' ? this.m.externalBody : null;
    const key = `${kind}|${body ?? ''}`;
    const w = this.waits.get(key) ?? { kind, body, total: 0, cases: 0 };
    w.total += total;
    w.cases += pauses;
    this.waits.set(key, w);
  }

  addStage(id: string, started: number, finished: number, onTime: number): void {
    const f = this.stageFacts.get(id);
    if (!f) return;
    f.started += started;
    f.finished += finished;
    f.onTime += onTime;
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
