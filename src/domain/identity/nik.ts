/**
 * NIK (Nomor Induk Kependudukan), REFERENCE §5. Pure: no clock, no I/O.
 *
 * Layout, 16 digits `PPKKCCDDMMYYSSSS`:
 *   PP   province code where the person was first registered (see provinces.ts)
 *   KK   kabupaten/kota code (PPKK is the 4-digit regency code)
 *   CC   kecamatan code (PPKKCC is the 6-digit district code)
 *   DD   day of birth; women have 40 added (41–71)
 *   MM   month of birth
 *   YY   year of birth, two digits: 20YY unless that date is after `today`, else 19YY
 *   SSSS serial, 0001 upwards
 * There is no check digit, so a NIK can only be checked for shape, never proven genuine.
 */
import { err, ok, problem, type Problem, type Result } from '../errors.js';
import { isProvinceCode } from './provinces.js';

export type Sex = 'L' | 'P';

export interface Nik {
  /** The 16 digits, separators removed. */
  nik: string;
  /** 2 digits, e.g. "15" (Jambi). */
  provinceCode: string;
  /** 4 digits, e.g. "1571" (Kota Jambi). */
  regencyCode: string;
  /** 6 digits, e.g. "157102". */
  districtCode: string;
  /** 'YYYY-MM-DD'. The century is inferred (see parseNik), the rest is read from the digits. */
  birthDate: string;
  /** 'L' laki-laki (male), 'P' perempuan (female). */
  sex: Sex;
  /** 4 digits, "0001" upwards. */
  serial: string;
}

export interface ParseNikOptions {
  /**
   * Today's date, 'YYYY-MM-DD', in the office's time zone. Required so that the function stays
   * pure: the caller reads the clock, this module never does. It decides the century of YY.
   */
  today: string;
}

/* ------------------------------------------------------------------------------------------ */
/* Shared helpers (also used by kk.ts). */

/** Characters a clerk may type between digit groups: whitespace, dots and dashes. */
const SEPARATORS = /[\s.\-\u2010-\u2015\u2212]/g;

/** Removes the separators a clerk might type ("1571 0241 0790 0003", "1571.0241.…"). */
export function stripSeparators(input: string): string {
  return String(input ?? '').replace(SEPARATORS, '');
}

/** The first character that is not an ASCII digit, or undefined. */
export function firstNonDigit(s: string): string | undefined {
  for (const ch of s) if (ch < '0' || ch > '9') return ch;
  return undefined;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function isRealDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const pad2 = (n: number) => String(n).padStart(2, '0');
export const isoDate = (y: number, m: number, d: number): string => `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;

/** Parses a real calendar date 'YYYY-MM-DD'; null when malformed or impossible. */
export function parseIsoDate(s: string): { y: number; m: number; d: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(s ?? ''));
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  return isRealDate(y, m, d) ? { y, m, d } : null;
}

function requireIsoDate(s: string, what: string): { y: number; m: number; d: number } {
  const p = parseIsoDate(s);
  if (!p) throw new RangeError(`${what} must be a real date 'YYYY-MM-DD', got ${JSON.stringify(s)}`);
  return p;
}

/**
 * The full year for a two-digit year: 20YY when 20YY-MM-DD is not after `today`, else 19YY.
 * `today` must already be validated. Dates are compared as ISO strings (same width, so
 * lexicographic order is date order); an impossible day still compares consistently.
 */
export function centuryYear(yy: number, m: number, d: number, today: string): number {
  const y20 = 2000 + yy;
  return isoDate(y20, m, d) <= today ? y20 : 1900 + yy;
}

const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "1 Juli 1990" / "1 July 1990". The month must be 1–12; the day is printed as given. */
export function dateWords(y: number, m: number, d: number, lang: 'id' | 'en'): string {
  const months = lang === 'id' ? MONTHS_ID : MONTHS_EN;
  return `${d} ${months[m - 1] ?? String(m)} ${y}`;
}

/* ------------------------------------------------------------------------------------------ */

/**
 * Parses and validates a NIK. Separators (spaces, dots, dashes) are removed first. Checks run in
 * this order and the first failure is returned:
 *   nik-not-digits, nik-length, nik-province, nik-date, nik-serial.
 * (Digits are checked before length so that "15710241079O0003", with a letter O, is reported as
 * the wrong character rather than as a wrong count of digits.)
 *
 * Throws RangeError only for a programming error: `opts.today` that is not a real 'YYYY-MM-DD'.
 */
export function parseNik(input: string, opts: ParseNikOptions): Result<Nik> {
  const today = opts.today;
  requireIsoDate(today, 'parseNik: opts.today');
  const nik = stripSeparators(input);

  const bad = firstNonDigit(nik);
  if (bad !== undefined)
    return err(
      problem(
        'nik-not-digits',
        `NIK hanya boleh berisi angka 0–9; ditemukan "${bad}".`,
        `A NIK may contain only the digits 0–9; found "${bad}".`,
      ),
    );

  if (nik.length !== 16)
    return err(
      problem(
        'nik-length',
        nik.length === 0
          ? 'NIK harus 16 digit; belum ada digit yang diisi.'
          : `NIK harus 16 digit; yang diisi ${nik.length} digit.`,
        nik.length === 0
          ? 'A NIK must have 16 digits; none were given.'
          : `A NIK must have 16 digits; ${nik.length} ${nik.length === 1 ? 'was' : 'were'} given.`,
      ),
    );

  const provinceCode = nik.slice(0, 2);
  if (!isProvinceCode(provinceCode))
    return err(
      problem(
        'nik-province',
        `Kode provinsi "${provinceCode}" pada NIK (digit 1–2) tidak dikenal.`,
        `The province code "${provinceCode}" in the NIK (digits 1–2) is unknown.`,
      ),
    );

  const dd = Number(nik.slice(6, 8));
  const mm = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const female = dd >= 41 && dd <= 71;
  if (!female && !(dd >= 1 && dd <= 31))
    return err(
      problem(
        'nik-date',
        `Tanggal lahir pada NIK (digit 7–8) bernilai ${nik.slice(6, 8)}; harus 01–31 untuk laki-laki atau 41–71 untuk perempuan (tanggal ditambah 40).`,
        `The day of birth in the NIK (digits 7–8) is ${nik.slice(6, 8)}; it must be 01–31 for men or 41–71 for women (day plus 40).`,
      ),
    );
  if (mm < 1 || mm > 12)
    return err(
      problem(
        'nik-date',
        `Bulan lahir pada NIK (digit 9–10) bernilai ${nik.slice(8, 10)}; harus 01–12.`,
        `The month of birth in the NIK (digits 9–10) is ${nik.slice(8, 10)}; it must be 01–12.`,
      ),
    );
  const day = female ? dd - 40 : dd;
  const year = centuryYear(yy, mm, day, today);
  if (!isRealDate(year, mm, day)) {
    const noteId = female ? ` (perempuan: ${dd} − 40 = ${day})` : '';
    const noteEn = female ? ` (female: ${dd} − 40 = ${day})` : '';
    return err(
      problem(
        'nik-date',
        `Tanggal lahir pada NIK tidak ada di kalender: ${dateWords(year, mm, day, 'id')}${noteId}.`,
        `The birth date in the NIK does not exist: ${dateWords(year, mm, day, 'en')}${noteEn}.`,
      ),
    );
  }

  const serial = nik.slice(12, 16);
  if (serial === '0000')
    return err(
      problem(
        'nik-serial',
        'Nomor urut pada NIK (digit 13–16) tidak boleh 0000; nomor urut dimulai dari 0001.',
        'The serial number in the NIK (digits 13–16) cannot be 0000; serials start at 0001.',
      ),
    );

  return ok({
    nik,
    provinceCode,
    regencyCode: nik.slice(0, 4),
    districtCode: nik.slice(0, 6),
    birthDate: isoDate(year, mm, day),
    sex: female ? 'P' : 'L',
    serial,
  });
}

export interface TypedIdentity {
  /** The birth date typed on the form, 'YYYY-MM-DD'. */
  birthDate?: string | undefined;
  /** The sex chosen on the form. */
  sex?: Sex | undefined;
}

const SEX_ID: Record<Sex, string> = { L: 'laki-laki', P: 'perempuan' };
const SEX_EN: Record<Sex, string> = { L: 'male', P: 'female' };

/**
 * Warnings (not errors: the NIK may have been issued with a mistake, and the clerk decides) when
 * what was typed on a form contradicts a parsed NIK:
 *   nik-sex-mismatch          the typed sex differs from the NIK's (+40 rule)
 *   nik-birth-date-mismatch   the typed day, month or two-digit year differs from the NIK's
 *   nik-birth-date-unreadable the typed birth date is not a real 'YYYY-MM-DD' date
 *
 * Only day, month and the LAST TWO digits of the year are compared, because that is all the NIK
 * holds: its century is a guess (see parseNik). A person born on 5 July 1925 has the same digits
 * as one born on 5 July 2025, so a typed 1925-07-05 does not contradict a NIK read as 2025-07-05.
 * Fields left undefined are not checked. Returns [] when everything agrees.
 */
export function checkNikAgainst(nik: Pick<Nik, 'birthDate' | 'sex'>, typed: TypedIdentity): Problem[] {
  const warnings: Problem[] = [];
  if (typed.sex !== undefined && typed.sex !== nik.sex) {
    const why =
      nik.sex === 'P'
        ? { id: 'tanggal lahir pada NIK ditambah 40', en: 'the day of birth in the NIK has 40 added' }
        : { id: 'tanggal lahir pada NIK tidak ditambah 40', en: 'the day of birth in the NIK has no 40 added' };
    warnings.push(
      problem(
        'nik-sex-mismatch',
        `Jenis kelamin yang diisi (${SEX_ID[typed.sex] ?? String(typed.sex)}) tidak sesuai dengan NIK, yang menunjukkan ${SEX_ID[nik.sex]} (${why.id}).`,
        `The sex entered (${SEX_EN[typed.sex] ?? String(typed.sex)}) does not match the NIK, which shows ${SEX_EN[nik.sex]} (${why.en}).`,
      ),
    );
  }
  if (typed.birthDate !== undefined) {
    const fromNik = parseIsoDate(nik.birthDate);
    const given = parseIsoDate(typed.birthDate);
    if (fromNik && !given) {
      warnings.push(
        problem(
          'nik-birth-date-unreadable',
          `Tanggal lahir yang diisi ("${typed.birthDate}") bukan tanggal yang sah (TTTT-BB-HH), jadi tidak dapat dicocokkan dengan NIK (${dateWords(fromNik.y, fromNik.m, fromNik.d, 'id')}).`,
          `The birth date entered ("${typed.birthDate}") is not a valid date (YYYY-MM-DD), so it cannot be checked against the NIK (${dateWords(fromNik.y, fromNik.m, fromNik.d, 'en')}).`,
        ),
      );
    } else if (fromNik && given && (given.d !== fromNik.d || given.m !== fromNik.m || given.y % 100 !== fromNik.y % 100)) {
      warnings.push(
        problem(
          'nik-birth-date-mismatch',
          `Tanggal lahir yang diisi (${dateWords(given.y, given.m, given.d, 'id')}) tidak sesuai dengan NIK (${dateWords(fromNik.y, fromNik.m, fromNik.d, 'id')}).`,
          `The birth date entered (${dateWords(given.y, given.m, given.d, 'en')}) does not match the NIK (${dateWords(fromNik.y, fromNik.m, fromNik.d, 'en')}).`,
        ),
      );
    }
  }
  return warnings;
}

/**
 * Age in whole years on `onDate` (both 'YYYY-MM-DD'). A birthday is reached when the month and
 * day are reached, so someone born on 29 February turns a year older on 1 March in common years.
 * Returns null, never throws, when either date is not a real calendar date or `onDate` is before
 * `birthDate`: the birth date often comes straight from a form, and an impossible age is for the
 * caller to report, not a crash.
 */
export function ageOn(birthDate: string, onDate: string): number | null {
  const b = parseIsoDate(birthDate);
  const o = parseIsoDate(onDate);
  if (!b || !o || onDate < birthDate) return null;
  const beforeBirthday = o.m < b.m || (o.m === b.m && o.d < b.d);
  return o.y - b.y - (beforeBirthday ? 1 : 0);
}
