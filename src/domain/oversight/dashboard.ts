/** The dashboard's pure rules: its period (whole months), the divisions read from the decrees' "unit", age bands on the office calendar, rates. */
import { Temporal } from 'temporal-polyfill';
import type { Problem, Result } from '../errors.js';

/** The longest period one dashboard shows: two years of months keeps the volume chart readable and the reads bounded. */
export const DASHBOARD_MAX_MONTHS = 24;

export interface DashboardRange {
  /** First local date (a 1st), the first date after the period (a 1st), the last date (inclusive, for the case search). */
  from: string;
  until: string;
  to: string;
  /** The months of the period, YYYY-MM, in order. */
  months: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const realDate = (s: string) => {
  if (!DATE.test(s)) return false;
  try {
    return Temporal.PlainDate.from(s, { overflow: 'reject' }).toString() === s;
  } catch {
    return false;
  }
};

/**
 * The dashboard's period from `from`/`to` (YYYY-MM-DD). The closed cases' figures are kept per
 * month of submission (oversight counters), so a period is whole local months: `from` a 1st, `to`
 * the last day of a month. Default (Sigap's choice): the year so far, 1 January to the end of the
 * current month.
 */
export function readDashboardRange(from: string | undefined, to: string | undefined, today: string): Result<DashboardRange, Problem[]> {
  const t = Temporal.PlainDate.from(today);
  const f = from?.trim() || `${t.year}-01-01`;
  const e = to?.trim() || t.with({ day: t.daysInMonth }).toString();
  const problems: Problem[] = [];
  if (!realDate(f)) problems.push({ code: 'date-invalid', message: 'Tanggal awal harus tanggal nyata TTTT-BB-HH (mis. 2026-01-01).', messageEn: 'The start must be a real date YYYY-MM-DD (e.g. 2026-01-01).', field: 'from' });
  else if (!f.endsWith('-01')) problems.push({ code: 'period-not-whole-months', message: 'Angka disimpan per bulan: tanggal awal harus tanggal 1 suatu bulan (mis. 2026-01-01).', messageEn: 'Figures are kept per month: the start must be the 1st of a month (e.g. 2026-01-01).', field: 'from' });
  if (!realDate(e)) problems.push({ code: 'date-invalid', message: 'Tanggal akhir harus tanggal nyata TTTT-BB-HH (mis. 2026-06-30).', messageEn: 'The end must be a real date YYYY-MM-DD (e.g. 2026-06-30).', field: 'to' });
  else if (Temporal.PlainDate.from(e).add({ days: 1 }).day !== 1)
    problems.push({ code: 'period-not-whole-months', message: 'Angka disimpan per bulan: tanggal akhir harus hari terakhir suatu bulan (mis. 2026-06-30).', messageEn: 'Figures are kept per month: the end must be the last day of a month (e.g. 2026-06-30).', field: 'to' });
  if (problems.length) return { ok: false, error: problems };
  if (e < f) return { ok: false, error: [{ code: 'range-reversed', message: 'Tanggal akhir tidak boleh sebelum tanggal awal.', messageEn: 'The end must not be before the start.', field: 'to' }] };
  const months: string[] = [];
  for (let m = Temporal.PlainYearMonth.from(f.slice(0, 7)); m.toString() <= e.slice(0, 7); m = m.add({ months: 1 })) months.push(m.toString());
  if (months.length > DASHBOARD_MAX_MONTHS)
    return { ok: false, error: [{ code: 'range-too-long', message: `Periode paling lama ${DASHBOARD_MAX_MONTHS} bulan.`, messageEn: `The period can be at most ${DASHBOARD_MAX_MONTHS} months.`, field: 'to' }] };
  return { ok: true, value: { from: f, until: Temporal.PlainDate.from(e).add({ days: 1 }).toString(), to: e, months } };
}

/**
 * The division a service belongs to, from the decree's `unit` ("Bidang Pemberdayaan Sosial (Dayasos)").
 * Sigap's choice: the words in brackets are an abbreviation and dropped, and the abbreviations the
 * offices' own files spell out (Jambi's office.yaml: "Kabid Dayasos (Pemberdayaan Sosial), Kabid
 * Linjamsos (Perlindungan dan Jaminan Sosial), Kabid Rehabilitasi Sosial") are read as the full name,
 * so one office's "Bidang Linjamsos" and "Bidang Perlindungan dan Jaminan Sosial" are one division.
 * A service whose decree names no unit is in no division (shown as such, never guessed).
 */
const SPELLED_OUT: Record<string, string> = {
  linjamsos: 'Perlindungan dan Jaminan Sosial',
  dayasos: 'Pemberdayaan Sosial',
  rehsos: 'Rehabilitasi Sosial',
};

export interface Division {
  /** URL-safe key, e.g. "rehabilitasi-sosial". */
  key: string;
  /** "Bidang Rehabilitasi Sosial". */
  name: string;
}

export function divisionOf(unit: string | undefined): Division | null {
  if (!unit?.trim()) return null;
  let words = unit.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  words = words.replace(/^Bidang\s+/i, '');
  words = SPELLED_OUT[words.toLowerCase()] ?? words;
  const key = words
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return key ? { key, name: `Bidang ${words}` } : null;
}

/**
 * Age bands of open cases. A service whose clock counts working days is aged in working days on the
 * office calendar (≤ 5, 6–10, 11–20, > 20: one, two and four working weeks); any other (days,
 * months, 24-hour services) in calendar days (≤ 7, 8–30, 31–90, > 90), as the evaluation page does.
 */
export const WORKING_DAY_BANDS = [5, 10, 20] as const;
export const CALENDAR_DAY_BANDS = [7, 30, 90] as const;
export type AgeUnit = 'working_days' | 'days';

/**
 * For each band limit N, the earliest local submission date whose case is at most N days old today.
 * A case's age is the number of counted days after its submission day up to and including today
 * (the evaluation's rule for working days), so a case submitted today is 0 days old.
 */
export function ageBoundDates(today: string, limits: readonly number[], counted: (date: string) => boolean): string[] {
  return limits.map((n) => {
    let d = Temporal.PlainDate.from(today);
    for (let seen = 0; seen < n; d = d.subtract({ days: 1 })) if (counted(d.toString())) seen++;
    // Days before d that are not counted (a weekend, a holiday) add nothing to the age.
    while (!counted(d.toString())) d = d.subtract({ days: 1 });
    return d.toString();
  });
}

/** A share 0–1, or null when there is nothing to divide by. */
export const shareOf = (n: number, of: number): number | null => (of > 0 ? n / of : null);

/** The middle value (the mean of the two middle ones for an even count), or null. */
export function medianOf(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
