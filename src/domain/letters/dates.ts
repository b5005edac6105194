/** Indonesian dates for letters ("23 November 2026"), pure and locale-independent. */
import { Temporal } from 'temporal-polyfill';

export const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'] as const;
export const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-04" → "April 2026" (Indonesian) or "April 2026" (English); anything else unchanged. */
export function monthName(ym: string, lang: 'id' | 'en'): string {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  const month = m && (lang === 'id' ? MONTHS_ID : MONTHS_EN)[Number(m[2]) - 1];
  return month ? `${month} ${m[1]}` : ym;
}

/** "2026-11-23" → "23 November 2026" (no leading zero on the day, as letters write it). */
export function indonesianDate(isoDate: string): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return isoDate;
  const month = MONTHS_ID[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : isoDate;
}

/** "2026-11-23" → "23 November 2026" in English. */
export function englishDate(isoDate: string): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return isoDate;
  const month = MONTHS_EN[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : isoDate;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const;

/** 1 → "I", 12 → "XII" (months in letter numbers). */
export function romanMonth(month: number): string {
  const r = ROMAN[month - 1];
  if (!r) throw new RangeError(`month out of range: ${month}`);
  return r;
}

/** The UTC instant at which a local date starts in a time zone ("2026-01-01", WIB → 2025-12-31T17:00:00Z). */
export function localDayStartUtc(timeZone: string, isoDate: string): string {
  return Temporal.PlainDate.from(isoDate).toZonedDateTime({ timeZone }).toInstant().toString();
}

/** The local date after `isoDate`. */
export function nextDay(isoDate: string): string {
  return Temporal.PlainDate.from(isoDate).add({ days: 1 }).toString();
}
