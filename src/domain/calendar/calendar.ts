/**
 * Working calendars and the SLA clock. Pure: no I/O, no clock reads; every instant is an argument.
 * docs/CALENDAR.md states the semantics this file implements.
 *
 * Internally everything is epoch milliseconds; per local day the calendar computes once (and
 * caches) whether the day is a working day, its open intervals and its closing time, so a due
 * time costs one step per day walked, never one per minute.
 */
import { Temporal } from 'temporal-polyfill';
import type { HolidayDay, HolidayYear } from './holidays.js';

/* ---------------------------------------------------------------- types */

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export type DurationUnit = 'minutes' | 'hours' | 'days' | 'working_days' | 'months' | 'years';
export type CalendarKind = 'office-hours' | '24x7';
/** An instant: a Temporal.Instant or an ISO 8601 string WITH an offset or Z. */
export type InstantInput = Temporal.Instant | string;

export interface HoursBandInput {
  days: readonly Weekday[];
  /** 'HH:MM' local time. */
  open: string;
  /** 'HH:MM' local time; '24:00' is the end of the day. */
  close: string;
}

/** The fields of ServiceHours (standards/schema.ts) the calendar uses; a parsed ServiceHours fits. */
export interface CalendarHours {
  allDay?: boolean;
  week?: readonly HoursBandInput[];
  closedOnHolidays?: boolean;
}

export interface Closure {
  date: string;
  reason: string;
}

export interface OfficeCalendarConfig {
  /** IANA time zone: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT). */
  timezone: string;
  hours: CalendarHours;
  holidays: readonly HolidayYear[];
  /** Days this office is closed besides national holidays (local decisions, moves, disasters). */
  closures?: readonly Closure[];
  /**
   * Holidays the office admin added (a holiday declared after the data file was published): they
   * close the office like national ones (not a 24x7 service) but do not make a year's data complete.
   */
  officeHolidays?: readonly HolidayDay[];
}

export interface CalendarWarning {
  code: 'no-holiday-data';
  year: number;
  message: string;
  messageEn: string;
}

export interface DueResult {
  /** ISO 8601 instant with the office's offset, e.g. "2026-03-26T16:00:00+07:00". */
  dueAt: string;
  /** As a person reads it, e.g. "Kamis, 26 Maret 2026 16.00 WIB". */
  dueAtLocal: string;
  warnings: CalendarWarning[];
}

export interface SlaInput {
  value: number | null;
  unit: DurationUnit | null;
  maxValue?: number | null;
  calendar?: CalendarKind;
}

export interface SlaDueResult extends DueResult {
  /** From the lower bound when the SLA is a range ("2–3 hari kerja"); null otherwise. */
  expectedAt: string | null;
  expectedAtLocal: string | null;
}

export interface Pause {
  from: InstantInput;
  /** null: the pause is still open (the case waits now). */
  to: InstantInput | null;
}

/** A budget that, given to addDuration from the instant the clock resumes, yields the deadline. */
export interface RemainingBudget {
  value: number;
  unit: 'minutes' | 'hours' | 'working_days';
  calendarKind: CalendarKind;
}

export interface PausedDueResult {
  /** Null while an open pause holds the clock and budget is left. */
  dueAt: string | null;
  dueAtLocal: string | null;
  /** True when the last pause is open (`to: null`). */
  paused: boolean;
  pausedSince: string | null;
  /** Set when paused: what is left when the clock resumes (value 0 if the deadline had already passed). */
  remaining: RemainingBudget | null;
  /**
   * How far the pauses moved the deadline: open minutes (minutes, hours), working-day closing
   * times (working_days) or elapsed minutes (days, months, years).
   */
  movedBy: { value: number; unit: 'minutes' | 'working_days' };
  warnings: CalendarWarning[];
}

export interface OpenInterval {
  start: Temporal.Instant;
  end: Temporal.Instant;
}

export type DayStatus =
  | { date: string; working: true; reason: null; name: null }
  | { date: string; working: false; reason: 'no-hours' | 'holiday' | 'cuti-bersama' | 'closure'; name: string | null };

/* ---------------------------------------------------------------- constants and helpers */

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Walking this many days without finding open time means the calendar never opens. */
const MAX_EMPTY_DAYS = 3700;

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY_NAMES_ID = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];
const MONTH_NAMES_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const ZONE_ABBR: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Ujung_Pandang': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): { y: number; m: number; d: number } {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function offsetText(offsetMs: number): string {
  const mins = Math.round(Math.abs(offsetMs) / MINUTE);
  return `${offsetMs < 0 ? '-' : '+'}${pad2(Math.floor(mins / 60))}:${pad2(mins % 60)}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const isoOf = (c: { y: number; m: number; d: number }) => `${String(c.y).padStart(4, '0')}-${pad2(c.m)}-${pad2(c.d)}`;

function parseDate(date: string | Temporal.PlainDate): number {
  if (typeof date !== 'string') return daysFromCivil(date.year, date.month, date.day);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`tanggal harus YYYY-MM-DD / date must be YYYY-MM-DD: ${date}`);
  const p = Temporal.PlainDate.from(date, { overflow: 'reject' }); // rejects 2025-02-30
  return daysFromCivil(p.year, p.month, p.day);
}

function parseClock(s: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(s);
  const h = Number(m?.[1]);
  const min = Number(m?.[2]);
  if (!m || h > 24 || min > 59 || (h === 24 && min !== 0)) throw new RangeError(`jam harus HH:MM / time must be HH:MM: ${s}`);
  return h * 60 + min;
}

const FAST_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** The common shapes ("2026-03-26T16:00:00+07:00", "...Z") without Temporal's general parser. */
function fastInstantMs(s: string): number | null {
  const m = FAST_INSTANT.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, sec] = [1, 2, 3, 4, 5, 6].map((k) => Number(m[k] ?? 0)) as [number, number, number, number, number, number];
  if (!isRealDate(y, mo, d) || h > 23 || mi > 59 || sec > 59) return null;
  const frac = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000 + 1e-6) : 0;
  let off = 0;
  if (m[8] !== 'Z') {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return null;
    off = (m[9] === '-' ? -1 : 1) * (oh * 60 + om) * MINUTE;
  }
  return daysFromCivil(y, mo, d) * DAY + ((h * 60 + mi) * 60 + sec) * 1000 + frac - off;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);
}

function toMs(i: InstantInput, what = 'instant'): number {
  if (typeof i !== 'string') return i.epochMilliseconds;
  const fast = fastInstantMs(i);
  if (fast !== null) return fast;
  try {
    return Temporal.Instant.from(i).epochMilliseconds;
  } catch {
    throw new RangeError(
      `${what} harus instan ISO 8601 dengan offset atau Z / ${what} must be an ISO 8601 instant with an offset or Z: ${i}`,
    );
  }
}

/**
 * The longest duration accepted per unit: five years of each. Every deadline a decree sets is far
 * shorter; the bound keeps a day-by-day walk (working days, open minutes) from running for minutes
 * on one request and stalling the whole server.
 */
export const MAX_DURATION: Readonly<Record<DurationUnit, number>> = {
  minutes: 5 * 366 * 24 * 60,
  hours: 5 * 366 * 24,
  days: 5 * 366,
  working_days: 5 * 261,
  months: 60,
  years: 5,
};

function checkValue(value: number, unit: DurationUnit): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`nilai harus angka ≥ 0 / value must be a number ≥ 0: ${value}`);
  if (value > MAX_DURATION[unit])
    throw new RangeError(`nilai ${unit} paling banyak ${MAX_DURATION[unit]} (lima tahun) / ${unit} value is at most ${MAX_DURATION[unit]} (five years): ${value}`);
  if (unit !== 'minutes' && unit !== 'hours' && !Number.isInteger(value))
    throw new RangeError(`nilai ${unit} harus bilangan bulat / ${unit} value must be a whole number: ${value}`);
}

interface DayInfo {
  /** Days since 1970-01-01 of the local date. */
  n: number;
  date: string;
  year: number;
  /** Local midnight and the next local midnight, epoch ms. */
  startMs: number;
  endMs: number;
  working: boolean;
  status: DayStatus;
  /** Sorted, disjoint open intervals [start, end) in epoch ms; empty when not a working day. */
  open: readonly (readonly [number, number])[];
  /** The latest close of the day's bands (epoch ms); null when not a working day. */
  closeMs: number | null;
  /** The zone's offset (ms) when it is the same all day (always, in Indonesia); null on a transition day. */
  offsetMs: number | null;
}

/** Pause intervals after normalisation: sorted, merged, clipped to the start; `to` may be Infinity. */
interface Span {
  from: number;
  to: number;
}

/* ---------------------------------------------------------------- the calendar */

export class OfficeCalendar {
  readonly timezone: string;
  readonly allDay: boolean;
  readonly closedOnHolidays: boolean;
  private readonly bands: readonly { weekday: number; open: number; close: number }[][];
  private readonly holidayByDate = new Map<string, HolidayDay>();
  private readonly closureByDate = new Map<string, Closure>();
  private readonly yearsWithData = new Set<number>();
  private readonly days = new Map<number, DayInfo>();
  private offsetGuessMs: number;

  constructor(config: OfficeCalendarConfig) {
    this.timezone = config.timezone;
    // Throws a RangeError for an unknown time zone.
    const probe = Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(config.timezone);
    this.offsetGuessMs = probe.offsetNanoseconds / 1e6;
    this.allDay = config.hours.allDay ?? false;
    this.closedOnHolidays = config.hours.closedOnHolidays ?? true;
    const perDay: { weekday: number; open: number; close: number }[][] = WEEKDAYS.map(() => []);
    for (const band of config.hours.week ?? []) {
      const open = parseClock(band.open);
      const close = parseClock(band.close);
      if (open >= close) throw new RangeError(`jam buka harus sebelum jam tutup / open must be before close: ${band.open}–${band.close}`);
      for (const d of band.days) {
        const i = WEEKDAYS.indexOf(d);
        if (i < 0) throw new RangeError(`hari tidak dikenal / unknown day: ${d}`);
        perDay[i]?.push({ weekday: i + 1, open, close });
      }
    }
    for (const list of perDay) list.sort((a, b) => a.open - b.open);
    this.bands = perDay;
    if (!this.allDay && perDay.every((l) => l.length === 0))
      throw new RangeError('jam layanan kosong: isi week atau allDay / service hours empty: give week bands or allDay');
    for (const y of config.holidays) {
      this.yearsWithData.add(y.year);
      for (const d of y.days) this.holidayByDate.set(d.date, d);
    }
    for (const d of config.officeHolidays ?? []) if (!this.holidayByDate.has(d.date)) this.holidayByDate.set(d.date, d);
    for (const c of config.closures ?? []) {
      parseDate(c.date);
      this.closureByDate.set(c.date, c);
    }
  }

  /* ---------- days */

  /** Epoch ms of a local wall-clock time on local day n (minutes since midnight, 1440 = next midnight). */
  private localMs(n: number, minutes: number): number {
    const c = civilFromDays(minutes >= 1440 ? n + 1 : n);
    const m = minutes >= 1440 ? minutes - 1440 : minutes;
    return Temporal.PlainDateTime.from({ year: c.y, month: c.m, day: c.d, hour: Math.floor(m / 60), minute: m % 60 })
      .toZonedDateTime(this.timezone)
      .epochMilliseconds;
  }

  private day(n: number): DayInfo {
    const cached = this.days.get(n);
    if (cached) return cached;
    const c = civilFromDays(n);
    const date = isoOf(c);
    const startMs = this.localMs(n, 0);
    const endMs = this.localMs(n + 1, 0);
    // The usual case (always, in Indonesia): one offset all day, so wall-clock times are arithmetic.
    const offsetMs = n * DAY - startMs === (n + 1) * DAY - endMs ? n * DAY - startMs : null;
    const at = (minutes: number) => (offsetMs !== null ? n * DAY + minutes * MINUTE - offsetMs : this.localMs(n, minutes));
    const weekdayIndex = (((n + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday (index 3, Monday = 0)
    const bands = this.bands[weekdayIndex] ?? [];
    const holiday = this.holidayByDate.get(date);
    const closure = this.closureByDate.get(date);
    let status: DayStatus;
    if (closure) status = { date, working: false, reason: 'closure', name: closure.reason };
    else if (holiday && this.closedOnHolidays) status = { date, working: false, reason: holiday.kind, name: holiday.name };
    else if (!this.allDay && bands.length === 0) status = { date, working: false, reason: 'no-hours', name: null };
    else status = { date, working: true, reason: null, name: null };
    let open: [number, number][] = [];
    if (status.working) {
      if (this.allDay) open = [[startMs, endMs]];
      else
        for (const b of bands) {
          const s = at(b.open);
          const e = at(b.close);
          const last = open[open.length - 1];
          if (last && s <= last[1]) last[1] = Math.max(last[1], e);
          else open.push([s, e]);
        }
    }
    const info: DayInfo = {
      n,
      date,
      year: c.y,
      startMs,
      endMs,
      working: status.working,
      status,
      open,
      closeMs: open.length ? (open[open.length - 1]?.[1] ?? null) : null,
      offsetMs,
    };
    this.days.set(n, info);
    return info;
  }

  /** The local day containing the instant. */
  private dayAt(ms: number): DayInfo {
    let n = Math.floor((ms + this.offsetGuessMs) / DAY);
    for (let guard = 0; guard < 4; guard++) {
      const info = this.day(n);
      if (ms < info.startMs) n--;
      else if (ms >= info.endMs) n++;
      else {
        this.offsetGuessMs = n * DAY - info.startMs;
        return info;
      }
    }
    return this.day(n);
  }

  /** True when the office serves on that local date (has hours; not a holiday, cuti bersama or closure). */
  isWorkingDay(date: string | Temporal.PlainDate): boolean {
    return this.day(parseDate(date)).working;
  }

  /** Whether the date is a working day and, if not, why. */
  describeDay(date: string | Temporal.PlainDate): DayStatus {
    return this.day(parseDate(date)).status;
  }

  /** True when calendars/*.yaml has holiday data for that year. */
  hasHolidayData(year: number): boolean {
    return this.yearsWithData.has(year);
  }

  /** Service-hours intervals between two instants, clipped to them, as instants. */
  openIntervals(from: InstantInput, to: InstantInput): OpenInterval[] {
    const a = toMs(from, 'from');
    const b = toMs(to, 'to');
    const out: [number, number][] = [];
    if (b <= a) return [];
    for (let n = this.dayAt(a).n; ; n++) {
      const d = this.day(n);
      if (d.startMs >= b) break;
      for (const [s, e] of d.open) {
        const s1 = Math.max(s, a);
        const e1 = Math.min(e, b);
        if (e1 <= s1) continue;
        const last = out[out.length - 1];
        if (last && last[1] === s1) last[1] = e1;
        else out.push([s1, e1]);
      }
    }
    return out.map(([s, e]) => ({ start: Temporal.Instant.fromEpochMilliseconds(s), end: Temporal.Instant.fromEpochMilliseconds(e) }));
  }

  /* ---------- formatting and warnings */

  /** Local wall-clock fields of an instant (arithmetic on the cached day offset; Temporal on a transition day). */
  private local(ms: number): { y: number; m: number; d: number; weekday: number; hour: number; minute: number; second: number; milli: number; offsetMs: number } {
    const day = this.dayAt(ms);
    if (day.offsetMs !== null) {
      const local = ms + day.offsetMs;
      const n = Math.floor(local / DAY);
      const t = local - n * DAY;
      const c = civilFromDays(n);
      return {
        y: c.y,
        m: c.m,
        d: c.d,
        weekday: ((((n + 3) % 7) + 7) % 7) + 1,
        hour: Math.floor(t / HOUR),
        minute: Math.floor((t % HOUR) / MINUTE),
        second: Math.floor((t % MINUTE) / 1000),
        milli: t % 1000,
        offsetMs: day.offsetMs,
      };
    }
    const z = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(this.timezone);
    return {
      y: z.year,
      m: z.month,
      d: z.day,
      weekday: z.dayOfWeek,
      hour: z.hour,
      minute: z.minute,
      second: z.second,
      milli: z.millisecond,
      offsetMs: z.offsetNanoseconds / 1e6,
    };
  }

  /** ISO 8601 with the office's offset, e.g. "2026-03-26T16:00:00+07:00". */
  formatInstant(i: InstantInput): string {
    return this.isoAt(toMs(i));
  }

  private isoAt(ms: number): string {
    const l = this.local(ms);
    const frac = l.milli ? `.${String(l.milli).padStart(3, '0').replace(/0+$/, '')}` : '';
    return `${isoOf(l)}T${pad2(l.hour)}:${pad2(l.minute)}:${pad2(l.second)}${frac}${offsetText(l.offsetMs)}`;
  }

  /**
   * As a person reads it in Indonesian: "Kamis, 26 Maret 2026 16.00 WIB". With `endOfDay`, a
   * local midnight is written as 24.00 of the day before ("Senin, 23 Maret 2026 24.00 WIB").
   */
  formatLocal(i: InstantInput, options: { endOfDay?: boolean } = {}): string {
    return this.localTextAt(toMs(i), options.endOfDay ?? false);
  }

  private localTextAt(ms: number, endOfDay: boolean): string {
    let l = this.local(ms);
    let hour = l.hour;
    if (endOfDay && l.hour === 0 && l.minute === 0 && l.second === 0 && l.milli === 0) {
      l = this.local(ms - 1);
      hour = 24;
    }
    const time = `${pad2(hour)}.${pad2(hour === 24 ? 0 : l.minute)}${hour !== 24 && (l.second || l.milli) ? `.${pad2(l.second)}` : ''}`;
    const zone = ZONE_ABBR[this.timezone] ?? `UTC${offsetText(l.offsetMs)}`;
    return `${DAY_NAMES_ID[l.weekday - 1]}, ${l.d} ${MONTH_NAMES_ID[l.m - 1]} ${l.y} ${time} ${zone}`;
  }

  /** One warning per year between the two instants (local dates, inclusive) with no holiday data. */
  warningsBetween(from: InstantInput, to: InstantInput): CalendarWarning[] {
    return this.warnings(toMs(from), toMs(to));
  }

  private warnings(aMs: number, bMs: number): CalendarWarning[] {
    const y1 = this.dayAt(Math.min(aMs, bMs)).year;
    const y2 = this.dayAt(Math.max(aMs, bMs)).year;
    const out: CalendarWarning[] = [];
    for (let y = y1; y <= y2; y++)
      if (!this.yearsWithData.has(y))
        out.push({
          code: 'no-holiday-data',
          year: y,
          message: `Belum ada data hari libur nasional dan cuti bersama untuk tahun ${y}; batas waktu dihitung tanpa hari libur tahun itu dan bisa keliru.`,
          messageEn: `No national holiday or cuti bersama data for ${y}; the deadline ignores that year's holidays and may be wrong.`,
        });
    return out;
  }

  private result(dueMs: number, startMs: number, endOfDay: boolean): DueResult {
    return {
      dueAt: this.isoAt(dueMs),
      dueAtLocal: this.localTextAt(dueMs, endOfDay),
      warnings: this.warnings(startMs, dueMs),
    };
  }

  /* ---------- the clock */

  private elapsedMode(kind: CalendarKind): boolean {
    return kind === '24x7' || this.allDay;
  }

  /**
   * Spends `budgetMs` of running time from `startMs`: open time (or all time in elapsed mode) that
   * is not inside a pause. Stops at an open pause with budget left.
   */
  private consume(
    startMs: number,
    budgetMs: number,
    elapsed: boolean,
    pauses: readonly Span[],
  ): { dueMs: number; endOfDay: boolean; pausedMs: number } | { dueMs: null; remainingMs: number; pausedMs: number } {
    let remaining = budgetMs;
    let pausedMs = 0;
    let pi = 0;
    // Spends one interval [s, e); returns the due instant when the budget runs out inside it.
    const spend = (s: number, e: number): number | 'open-pause' | null => {
      let pos = s;
      while (pos < e) {
        while (pi < pauses.length && (pauses[pi] as Span).to <= pos) pi++;
        const p = pauses[pi];
        if (p && p.from <= pos) {
          if (p.to === Infinity) return 'open-pause';
          const stop = Math.min(p.to, e);
          pausedMs += stop - pos;
          pos = stop;
          continue;
        }
        const segEnd = p ? Math.min(p.from, e) : e;
        const len = segEnd - pos;
        if (remaining <= len) return pos + remaining;
        remaining -= len;
        pos = segEnd;
      }
      return null;
    };
    if (elapsed) {
      const r = spend(startMs, Infinity);
      if (r === 'open-pause' || r === null) return { dueMs: null, remainingMs: remaining, pausedMs };
      return { dueMs: r, endOfDay: false, pausedMs };
    }
    let empty = 0;
    for (let n = this.dayAt(startMs).n; ; n++) {
      const d = this.day(n);
      if (d.open.length === 0) {
        if (++empty > MAX_EMPTY_DAYS) throw new RangeError('kalender tidak pernah buka / the calendar never opens');
        continue;
      }
      empty = 0;
      for (const [s, e] of d.open) {
        if (e <= startMs) continue;
        const r = spend(Math.max(s, startMs), e);
        if (r === 'open-pause') return { dueMs: null, remainingMs: remaining, pausedMs };
        if (r !== null) return { dueMs: r, endOfDay: r === e && e === d.endMs, pausedMs };
      }
    }
  }

  /**
   * Walks working-day closing times after `startMs`, skipping those at which a pause held the
   * clock (from < closing ≤ to), until `count + 1` have passed (day 0 plus N days).
   */
  private closings(
    startMs: number,
    n: number,
    pauses: readonly Span[],
  ): { dueMs: number; endOfDay: boolean; skipped: number } | { dueMs: null; counted: number; skipped: number } {
    let counted = 0;
    let skipped = 0;
    let pi = 0;
    let empty = 0;
    for (let k = this.dayAt(startMs).n; ; k++) {
      const d = this.day(k);
      const c = d.closeMs;
      if (c === null || c <= startMs) {
        if (++empty > MAX_EMPTY_DAYS) throw new RangeError('kalender tidak pernah buka / the calendar never opens');
        continue;
      }
      empty = 0;
      while (pi < pauses.length && (pauses[pi] as Span).to < c) pi++;
      const p = pauses[pi];
      if (p && p.from < c) {
        if (p.to === Infinity) return { dueMs: null, counted, skipped };
        skipped++;
        continue;
      }
      counted++;
      if (counted === n + 1) return { dueMs: c, endOfDay: c === d.endMs, skipped };
    }
  }

  private calendarAdd(startMs: number, value: number, unit: 'days' | 'months' | 'years'): number {
    const z = Temporal.Instant.fromEpochMilliseconds(startMs).toZonedDateTimeISO(this.timezone);
    return z.add({ [unit]: value }).epochMilliseconds;
  }

  private normalisePauses(startMs: number, pauses: readonly Pause[]): Span[] {
    const spans: Span[] = [];
    for (const p of pauses) {
      const from = toMs(p.from, 'pause.from');
      const to = p.to === null ? Infinity : toMs(p.to, 'pause.to');
      if (to < from) throw new RangeError(`jeda berakhir sebelum mulai / pause ends before it starts: ${String(p.from)}`);
      if (to <= startMs || to === from) continue;
      spans.push({ from: Math.max(from, startMs), to });
    }
    spans.sort((x, y) => x.from - y.from);
    const merged: Span[] = [];
    for (const s of spans) {
      const last = merged[merged.length - 1];
      if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
      else merged.push({ ...s });
    }
    return merged;
  }

  /**
   * The deadline `value` `unit`s after `start`. See docs/CALENDAR.md for the exact semantics of
   * each unit; `calendarKind` matters for minutes and hours only.
   */
  addDuration(start: InstantInput, value: number, unit: DurationUnit, calendarKind: CalendarKind = 'office-hours'): DueResult {
    const startMs = toMs(start, 'start');
    checkValue(value, unit);
    switch (unit) {
      case 'minutes':
      case 'hours': {
        const budget = Math.round(value * (unit === 'minutes' ? MINUTE : HOUR));
        const r = this.consume(startMs, budget, this.elapsedMode(calendarKind), []);
        if (r.dueMs === null) throw new Error('unreachable: no pause');
        return this.result(r.dueMs, startMs, r.endOfDay);
      }
      case 'working_days': {
        const r = this.closings(startMs, value, []);
        if (r.dueMs === null) throw new Error('unreachable: no pause');
        return this.result(r.dueMs, startMs, r.endOfDay);
      }
      default:
        return this.result(this.calendarAdd(startMs, value, unit), startMs, false);
    }
  }

  /** A service's SLA: the upper bound (`maxValue ?? value`) is the promise; the lower bound of a range is `expectedAt`. */
  slaDue(start: InstantInput, sla: SlaInput): SlaDueResult | null {
    if (sla.value === null || sla.unit === null) return null;
    const kind = sla.calendar ?? 'office-hours';
    const promise = this.addDuration(start, sla.maxValue ?? sla.value, sla.unit, kind);
    if (sla.maxValue === null || sla.maxValue === undefined) return { ...promise, expectedAt: null, expectedAtLocal: null };
    const expected = this.addDuration(start, sla.value, sla.unit, kind);
    return { ...promise, expectedAt: expected.dueAt, expectedAtLocal: expected.dueAtLocal };
  }

  /** The deadline when the clock stops during `pauses` (see docs/CALENDAR.md, "Pauses"). */
  dueWithPauses(
    start: InstantInput,
    value: number,
    unit: DurationUnit,
    calendarKind: CalendarKind,
    pauses: readonly Pause[],
  ): PausedDueResult {
    const startMs = toMs(start, 'start');
    checkValue(value, unit);
    const spans = this.normalisePauses(startMs, pauses);
    const open = spans.find((s) => s.to === Infinity) ?? null;
    const pausedSince = open ? this.isoAt(open.from) : null;
    const done = (dueMs: number, endOfDay: boolean, movedBy: PausedDueResult['movedBy'], remainingUnit: RemainingBudget): PausedDueResult => ({
      ...this.result(dueMs, startMs, endOfDay),
      paused: open !== null,
      pausedSince,
      remaining: open ? { ...remainingUnit, value: 0 } : null,
      movedBy,
    });
    const held = (remaining: RemainingBudget, movedBy: PausedDueResult['movedBy'], untilMs: number): PausedDueResult => ({
      dueAt: null,
      dueAtLocal: null,
      paused: true,
      pausedSince,
      remaining,
      movedBy,
      warnings: this.warnings(startMs, untilMs),
    });
    switch (unit) {
      case 'minutes':
      case 'hours': {
        const per = unit === 'minutes' ? MINUTE : HOUR;
        const kind: CalendarKind = this.elapsedMode(calendarKind) ? '24x7' : 'office-hours';
        const r = this.consume(startMs, Math.round(value * per), this.elapsedMode(calendarKind), spans);
        const movedBy = { value: r.pausedMs / MINUTE, unit: 'minutes' as const };
        if (r.dueMs === null) return held({ value: r.remainingMs / per, unit, calendarKind: kind }, movedBy, open?.from ?? startMs);
        return done(r.dueMs, r.endOfDay, movedBy, { value: 0, unit, calendarKind: kind });
      }
      case 'working_days': {
        const r = this.closings(startMs, value, spans);
        const movedBy = { value: r.skipped, unit: 'working_days' as const };
        if (r.dueMs === null)
          return held({ value: value - r.counted, unit, calendarKind: 'office-hours' }, movedBy, open?.from ?? startMs);
        return done(r.dueMs, r.endOfDay, movedBy, { value: 0, unit, calendarKind: 'office-hours' });
      }
      default: {
        let due = this.calendarAdd(startMs, value, unit);
        let moved = 0;
        for (const s of spans) {
          if (s.from >= due) break;
          if (s.to === Infinity)
            return held({ value: (due - s.from) / MINUTE, unit: 'minutes', calendarKind: '24x7' }, { value: moved / MINUTE, unit: 'minutes' }, s.from);
          moved += s.to - s.from;
          due += s.to - s.from;
        }
        return done(due, false, { value: moved / MINUTE, unit: 'minutes' }, { value: 0, unit: 'minutes', calendarKind: '24x7' });
      }
    }
  }

  /**
   * Running time between two instants, in minutes: open service time on an office-hours calendar,
   * all elapsed time on 24x7 (or allDay hours); time inside `pauses` is left out.
   */
  elapsedOpenTime(from: InstantInput, to: InstantInput, calendarKind: CalendarKind = 'office-hours', pauses: readonly Pause[] = []): number {
    const a = toMs(from, 'from');
    const b = toMs(to, 'to');
    if (b <= a) return 0;
    const spans = this.normalisePauses(a, pauses).map((s) => ({ from: s.from, to: Math.min(s.to, b) }));
    const pausedIn = (s: number, e: number): number => {
      let t = 0;
      for (const p of spans) {
        if (p.from >= e) break;
        const x = Math.max(p.from, s);
        const y = Math.min(p.to, e);
        if (y > x) t += y - x;
      }
      return t;
    };
    if (this.elapsedMode(calendarKind)) return (b - a - pausedIn(a, b)) / MINUTE;
    let total = 0;
    for (let n = this.dayAt(a).n; ; n++) {
      const d = this.day(n);
      if (d.startMs >= b) break;
      for (const [s, e] of d.open) {
        const x = Math.max(s, a);
        const y = Math.min(e, b);
        if (y > x) total += y - x - (spans.length ? pausedIn(x, y) : 0);
      }
    }
    return total / MINUTE;
  }

  /**
   * Working days completed between two instants: the largest N such that
   * addDuration(from, N, 'working_days') ≤ to (0 when even day 0 has not closed).
   */
  workingDaysBetween(from: InstantInput, to: InstantInput): number {
    const a = toMs(from, 'from');
    const b = toMs(to, 'to');
    let count = 0;
    for (let n = this.dayAt(a).n; ; n++) {
      const d = this.day(n);
      if (d.startMs > b) break;
      if (d.closeMs !== null && d.closeMs > a && d.closeMs <= b) count++;
    }
    return Math.max(0, count - 1);
  }
}

export function createOfficeCalendar(config: OfficeCalendarConfig): OfficeCalendar {
  return new OfficeCalendar(config);
}
