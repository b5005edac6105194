/**
 * What an office admin may set on the office calendar, checked: the real weekly hours (per weekday,
 * up to three bands a day) and closures (a day or a date range, with a reason and a kind). Pure: every
 * problem names the field it is about, in Bahasa Indonesia and English, so a form shows it there.
 */
import type { FieldProblem, Result } from '../errors.js';
import { isRealIsoDate } from './holidays.js';
import type { HoursBandInput, Weekday } from './calendar.js';

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY_ID: Record<Weekday, string> = { mon: 'Senin', tue: 'Selasa', wed: 'Rabu', thu: 'Kamis', fri: 'Jumat', sat: 'Sabtu', sun: 'Minggu' };
const DAY_EN: Record<Weekday, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

/** Bands a day may have: a morning, an afternoon after the Friday prayer break, and one spare. */
export const MAX_BANDS_PER_DAY = 3;
/** Longest closure added at once: a month covers a disaster or a move; longer is a new decree. */
export const MAX_CLOSURE_DAYS = 31;
/** A reason is required when the admin departs from hours the decree states (10 characters: a real sentence). */
export const MIN_DECREE_REASON = 10;

export const CLOSURE_KINDS = ['holiday', 'cuti-bersama', 'closure'] as const;
export type ClosureKind = (typeof CLOSURE_KINDS)[number];

/** Weekly hours as the calendar and the catalogue read them (the fields of ServiceHours it sets). */
export interface WeekHours {
  allDay: boolean;
  week: WeekBand[];
  closedOnHolidays: boolean;
}

export interface WeekBand {
  days: Weekday[];
  open: string;
  close: string;
}

/** The hours input, one list of bands per weekday (a JSON body and a form have the same shape). */
export interface HoursInput {
  allDay?: boolean;
  days: Partial<Record<Weekday, { open: string; close: string }[]>>;
  closedOnHolidays: boolean;
  reason?: string;
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/**
 * Checks hours an admin sets. `decree` is true when the decree states hours for this office or
 * service: the admin may depart from them only with a reason, which the public page then shows.
 */
export function checkHours(input: HoursInput, opts: { decree: boolean }): Result<{ hours: WeekHours; reason: string | null }, FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const allDay = input.allDay === true;
  const perDay: [Weekday, { open: number; close: number; at: number }[]][] = [];
  for (const day of WEEKDAYS) {
    const bands = input.days[day] ?? [];
    if (bands.length > MAX_BANDS_PER_DAY)
      problems.push({ field: `days.${day}`, code: 'too-many-bands', message: `${DAY_ID[day]}: paling banyak ${MAX_BANDS_PER_DAY} rentang jam`, messageEn: `${DAY_EN[day]}: at most ${MAX_BANDS_PER_DAY} bands` });
    const good: { open: number; close: number; at: number }[] = [];
    bands.forEach((b, i) => {
      const f = `days.${day}.${i}`;
      const openOk = CLOCK.test(b.open) && b.open !== '24:00';
      const closeOk = CLOCK.test(b.close);
      if (!openOk) problems.push({ field: `${f}.open`, code: 'time-invalid', message: `${DAY_ID[day]}: jam buka harus JJ:MM antara 00:00 dan 23:59`, messageEn: `${DAY_EN[day]}: opening time must be HH:MM between 00:00 and 23:59` });
      if (!closeOk) problems.push({ field: `${f}.close`, code: 'time-invalid', message: `${DAY_ID[day]}: jam tutup harus JJ:MM antara 00:00 dan 24:00`, messageEn: `${DAY_EN[day]}: closing time must be HH:MM between 00:00 and 24:00` });
      if (!openOk || !closeOk) return;
      if (minutes(b.close) <= minutes(b.open)) {
        problems.push({ field: `${f}.close`, code: 'close-before-open', message: `${DAY_ID[day]}: jam tutup ${b.close} harus sesudah jam buka ${b.open}`, messageEn: `${DAY_EN[day]}: closing time ${b.close} must be after opening time ${b.open}` });
        return;
      }
      good.push({ open: minutes(b.open), close: minutes(b.close), at: i });
    });
    const sorted = [...good].sort((a, b) => a.open - b.open);
    for (let k = 1; k < sorted.length; k++) {
      const prev = sorted[k - 1]!;
      const cur = sorted[k]!;
      if (cur.open < prev.close) {
        // Said of the band that starts later (the one that runs into its neighbour).
        const band = (x: { open: number; close: number }) => `${clockOf(x.open)}–${clockOf(x.close)}`;
        problems.push({
          field: `days.${day}.${cur.at}.open`,
          code: 'bands-overlap',
          message: `${DAY_ID[day]}: rentang ${band(cur)} bertumpuk dengan ${band(prev)}`,
          messageEn: `${DAY_EN[day]}: band ${band(cur)} overlaps ${band(prev)}`,
        });
      }
    }
    perDay.push([day, sorted]);
  }
  if (!allDay && !problems.length && perDay.every(([, b]) => b.length === 0))
    problems.push({ field: 'days', code: 'no-day', message: 'Isi jam untuk paling sedikit satu hari', messageEn: 'Give hours for at least one day' });
  const reason = (input.reason ?? '').trim();
  if (reason.length > 300) problems.push({ field: 'reason', code: 'reason-too-long', message: 'Alasan paling panjang 300 karakter', messageEn: 'The reason is at most 300 characters' });
  if (opts.decree && reason.length < MIN_DECREE_REASON)
    problems.push({
      field: 'reason',
      code: 'decree-reason-required',
      message: `Jam ini ditetapkan dalam keputusan; tulis dasar perubahannya (paling sedikit ${MIN_DECREE_REASON} karakter, mis. nomor surat edaran)`,
      messageEn: `The decree sets these hours; state the basis for the change (at least ${MIN_DECREE_REASON} characters, e.g. the circular's number)`,
    });
  if (problems.length) return { ok: false, error: problems };
  const week = allDay ? [] : weekOf(perDay.map(([d, bands]) => [d, bands.map((b) => ({ open: clockOf(b.open), close: clockOf(b.close) }))]));
  return { ok: true, value: { hours: { allDay, week, closedOnHolidays: input.closedOnHolidays }, reason: reason || null } };
}

const clockOf = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Per-day bands as week bands: days with the same band share one (Mon–Thu 08:00–15:30 is one band). */
function weekOf(perDay: [Weekday, { open: string; close: string }[]][]): WeekBand[] {
  const out: WeekBand[] = [];
  for (const [day, bands] of perDay)
    for (const b of bands) {
      const same = out.find((x) => x.open === b.open && x.close === b.close);
      if (same) same.days.push(day);
      else out.push({ days: [day], open: b.open, close: b.close });
    }
  return out.sort((a, b) => WEEKDAYS.indexOf(a.days[0]!) - WEEKDAYS.indexOf(b.days[0]!) || a.open.localeCompare(b.open));
}

/** Week bands as one sorted list of bands per weekday (to fill the form with the hours in force). */
export function daysOf(week: readonly HoursBandInput[]): Record<Weekday, { open: string; close: string }[]> {
  const out = Object.fromEntries(WEEKDAYS.map((d) => [d, [] as { open: string; close: string }[]])) as Record<Weekday, { open: string; close: string }[]>;
  for (const b of week) for (const d of b.days) out[d].push({ open: b.open, close: b.close });
  for (const d of WEEKDAYS) out[d].sort((a, b) => a.open.localeCompare(b.open));
  return out;
}

export interface ClosureInput {
  date?: string;
  /** Last day of a range (inclusive); absent or equal to `date` for one day. */
  to?: string;
  reason?: string;
  kind?: ClosureKind;
}

/**
 * Checks a closure an admin adds, against the office's local `today`: a day already past has
 * counted in running clocks, so it cannot be closed after the fact (today can: a flood this morning).
 */
export function checkClosure(input: ClosureInput, today: string): Result<{ dates: string[]; reason: string; kind: ClosureKind }, FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const date = (input.date ?? '').trim();
  const to = (input.to ?? '').trim() || date;
  const dateOk = isRealIsoDate(date);
  if (!dateOk) problems.push({ field: 'date', code: 'date-invalid', message: 'Tanggal harus YYYY-MM-DD dan nyata', messageEn: 'Date must be a real YYYY-MM-DD date' });
  else if (date < today) problems.push({ field: 'date', code: 'date-past', message: `Tanggal ${date} sudah lewat; hari yang lewat sudah dihitung dalam batas waktu`, messageEn: `${date} has passed; past days have already counted in due dates` });
  const toOk = isRealIsoDate(to);
  if (!toOk) problems.push({ field: 'to', code: 'date-invalid', message: 'Tanggal akhir harus YYYY-MM-DD dan nyata', messageEn: 'End date must be a real YYYY-MM-DD date' });
  let dates: string[] = [];
  if (dateOk && toOk) {
    if (to < date) problems.push({ field: 'to', code: 'range-reversed', message: 'Tanggal akhir tidak boleh sebelum tanggal mulai', messageEn: 'The end date may not be before the start date' });
    else {
      dates = datesBetween(date, to);
      if (dates.length > MAX_CLOSURE_DAYS)
        problems.push({ field: 'to', code: 'range-too-long', message: `Paling banyak ${MAX_CLOSURE_DAYS} hari sekaligus`, messageEn: `At most ${MAX_CLOSURE_DAYS} days at once` });
    }
  }
  const reason = (input.reason ?? '').trim();
  if (reason.length < 3 || reason.length > 300) problems.push({ field: 'reason', code: 'reason-required', message: 'Alasan wajib diisi (3–300 karakter)', messageEn: 'A reason is required (3–300 characters)' });
  const kind = input.kind ?? 'closure';
  if (!CLOSURE_KINDS.includes(kind)) problems.push({ field: 'kind', code: 'kind-invalid', message: 'Pilih jenis hari: libur nasional, cuti bersama, atau kantor tutup', messageEn: 'Choose a kind: national holiday, cuti bersama or office closure' });
  return problems.length ? { ok: false, error: problems } : { ok: true, value: { dates, reason, kind } };
}

/** Every date from `from` to `to` inclusive (both real YYYY-MM-DD dates, from ≤ to). */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end && out.length <= MAX_CLOSURE_DAYS; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
