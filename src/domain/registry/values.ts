/** Values of a registry row: dates, programme flags, desil, sex. Pure: no I/O, no clock. */
import { isRealDate } from '../identity/nik.js';

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, january: 1,
  februari: 2, feb: 2, pebruari: 2, peb: 2, february: 2,
  maret: 3, mar: 3, march: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  agustus: 8, agu: 8, agt: 8, ags: 8, aug: 8, august: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, oct: 10, october: 10,
  november: 11, nov: 11, nop: 11, nopember: 11,
  desember: 12, des: 12, dec: 12, december: 12,
};

/** Days from 1899-12-30 (spreadsheet serial dates, with the 1900 leap-year bug already absorbed). */
function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const ms = Math.round((serial - 25569) * 86_400_000);
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

export type DateResult = { ok: true; value: string } | { ok: false; reason: string; reasonEn: string };

/**
 * A birth date as extracts write it: 1990-07-01, 01-07-1990, 01/07/1990, 1.7.1990, 1990/07/01,
 * "1 Juli 1990", with an optional time part, or a spreadsheet serial number. Two-digit years are
 * read as for the NIK: 20YY unless that is after `today`, else 19YY. A date after `today` or
 * before 1880 is refused.
 */
export function parseDate(raw: string, today: string): DateResult {
  const s = raw.trim().replace(/[T ]\d{1,2}[:.]\d{2}([:.]\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i, '');
  let y: number, m: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s))) {
    y = +match[1]!;
    m = +match[2]!;
    d = +match[3]!;
  } else if ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(s))) {
    d = +match[1]!;
    m = +match[2]!;
    y = +match[3]!;
    if (match[3]!.length === 2) y = `${2000 + y}-${pad2(m)}-${pad2(d)}` <= today ? 2000 + y : 1900 + y;
  } else if ((match = /^(\d{1,2})[\s-]+([A-Za-z]+)\.?[\s-]+(\d{4})$/.exec(s))) {
    d = +match[1]!;
    m = MONTHS[match[2]!.toLowerCase()] ?? 0;
    y = +match[3]!;
  } else if (/^\d{5}(\.\d+)?$/.test(s)) {
    const iso = serialToIso(Number(s));
    if (!iso) return { ok: false, reason: `tanggal tidak dikenali: "${raw}"`, reasonEn: `unrecognised date: "${raw}"` };
    [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  } else
    return {
      ok: false,
      reason: `format tanggal tidak dikenali: "${raw}" (pakai YYYY-MM-DD atau DD-MM-YYYY)`,
      reasonEn: `unrecognised date format: "${raw}" (use YYYY-MM-DD or DD-MM-YYYY)`,
    };
  if (!isRealDate(y, m, d)) return { ok: false, reason: `tanggal tidak ada di kalender: "${raw}"`, reasonEn: `the date does not exist: "${raw}"` };
  const iso = `${y}-${pad2(m)}-${pad2(d)}`;
  if (iso > today) return { ok: false, reason: `tanggal lahir di masa depan: ${iso}`, reasonEn: `birth date in the future: ${iso}` };
  if (y < 1880) return { ok: false, reason: `tahun lahir tidak masuk akal: ${y}`, reasonEn: `implausible birth year: ${y}` };
  return { ok: true, value: iso };
}

// "T" is read as Tidak (the Indonesian Y/T pair), not as an abbreviation of TRUE.
const TRUE_WORDS = new Set(['1', 'y', 'ya', 'yes', 'true', 'ada', 'penerima', 'aktif', 'v', 'x', 'ok']);
const FALSE_WORDS = new Set(['0', 'n', 't', 'no', 'tidak', 'tdk', 'false', 'f', 'bukan', 'bukan_penerima', 'non_aktif', 'nonaktif', 'tidak_aktif', '-', 'tidak_ada']);

/** A programme flag: true, false, null when empty, or undefined when the value is not understood. */
export function parseFlag(raw: string): boolean | null | undefined {
  const s = raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (s === '') return null;
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s) || raw.trim() === '-') return false;
  return undefined;
}

/** Desil 1–10 (1 = poorest); null when empty; undefined when not a whole number from 1 to 10. */
export function parseDesil(raw: string): number | null | undefined {
  const s = raw.trim().replace(/^desil\s*/i, '');
  if (s === '') return null;
  if (!/^\d{1,2}(\.0+)?$/.test(s)) return undefined;
  const n = Number(s);
  return n >= 1 && n <= 10 ? n : undefined;
}

/** L (laki-laki) or P (perempuan); null when empty or not understood (not a reason to refuse a row). */
export function parseSex(raw: string): 'L' | 'P' | null {
  const s = raw.trim().toLowerCase().replace(/[\s-]+/g, '');
  if (['l', 'lk', 'lakilaki', 'laki', 'pria', 'm', 'male', '1'].includes(s)) return 'L';
  if (['p', 'pr', 'perempuan', 'wanita', 'w', 'f', 'female', '2'].includes(s)) return 'P';
  return null;
}
