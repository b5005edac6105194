/**
 * What a staff search box means: a registration number, a NIK or part of a name, told apart by
 * their shapes so the clerk types into one box; and a submitted-date range. Pure: no I/O.
 */
import type { Problem, Result } from '../errors.js';
import { stripSeparators } from '../identity/nik.js';
import { REGISTRATION_NUMBER } from './codes.js';

export type SearchText = { by: 'number'; number: string } | { by: 'nik'; nik: string } | { by: 'name'; name: string } | { by: 'none' };

/** A name part shorter than this would match half the office's cases. */
export const NAME_MIN = 3;
export const SEARCH_TEXT_MAX = 100;

const onQ = (code: string, message: string, messageEn: string): Problem => ({ code, message, messageEn, field: 'q' });

/**
 * "JMB-2026-000123" (any case) is a number; digits only (spaces, dots, dashes allowed between
 * groups) are a NIK, which has exactly 16; anything else is part of a name, at least 3 letters.
 */
export function readSearchText(input: string | undefined): Result<SearchText> {
  const text = (input ?? '').trim().replace(/\s+/g, ' ');
  if (!text) return { ok: true, value: { by: 'none' } };
  if (text.length > SEARCH_TEXT_MAX) return { ok: false, error: onQ('search-too-long', `Kata pencarian terlalu panjang (maksimal ${SEARCH_TEXT_MAX} karakter)`, `Search text too long (at most ${SEARCH_TEXT_MAX} characters)`) };
  if (REGISTRATION_NUMBER.test(text.toUpperCase())) return { ok: true, value: { by: 'number', number: text.toUpperCase() } };
  const digits = stripSeparators(text);
  if (/^\d+$/.test(digits)) {
    if (digits.length === 16) return { ok: true, value: { by: 'nik', nik: digits } };
    return {
      ok: false,
      error: onQ('nik-length', `NIK terdiri dari 16 angka; yang tertulis ${digits.length} angka`, `A NIK has 16 digits; ${digits.length} were given`),
    };
  }
  if (text.length < NAME_MIN)
    return {
      ok: false,
      error: onQ('name-too-short', `Tulis sedikitnya ${NAME_MIN} huruf nama, nomor registrasi (mis. JMB-2026-000123) atau NIK 16 angka`, `Type at least ${NAME_MIN} letters of the name, a registration number (e.g. JMB-2026-000123) or a 16-digit NIK`),
    };
  return { ok: true, value: { by: 'name', name: text.toLowerCase() } };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function realDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** A range of calendar days (YYYY-MM-DD, both ends included, either optional), checked; problems by field. */
export function readDateRange(from: string | undefined, to: string | undefined): Result<{ from?: string; to?: string }, Problem[]> {
  const problems: Problem[] = [];
  const f = from?.trim() || undefined;
  const t = to?.trim() || undefined;
  if (f && !realDate(f)) problems.push({ code: 'date-invalid', message: 'Tanggal awal tidak valid (format TTTT-BB-HH)', messageEn: 'The start date is not valid (format YYYY-MM-DD)', field: 'from' });
  if (t && !realDate(t)) problems.push({ code: 'date-invalid', message: 'Tanggal akhir tidak valid (format TTTT-BB-HH)', messageEn: 'The end date is not valid (format YYYY-MM-DD)', field: 'to' });
  if (!problems.length && f && t && f > t)
    problems.push({ code: 'date-range-reversed', message: 'Tanggal akhir harus sama dengan atau sesudah tanggal awal', messageEn: 'The end date must be on or after the start date', field: 'to' });
  return problems.length ? { ok: false, error: problems } : { ok: true, value: { ...(f ? { from: f } : {}), ...(t ? { to: t } : {}) } };
}

/** "Siti Aminah" → "S**** A*****": who the case is about without the name, for roles that see personal data masked. */
export function maskName(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0] + '*'.repeat(Math.max(1, w.length - 1)))
    .join(' ');
}
