/**
 * Survey periods: a month, quarter, semester or year, or a custom range of office-local dates.
 * Pure: the caller gives the time zone for turning dates into instants.
 */
import { Temporal } from 'temporal-polyfill';
import type { Result } from '../errors.js';
import { isRealDate } from './response-input.js';

export interface Period {
  /** First day, office-local, inclusive. */
  from: string;
  /** Last day, office-local, inclusive. */
  to: string;
  /** A label for people, e.g. "Triwulan I 2026". */
  label: string;
  labelEn: string;
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ROMAN = ['I', 'II', 'III', 'IV'];
/** The longest range one request may ask for. */
const MAX_RANGE_DAYS = 3660;

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const ymd = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function dateLabel(d: string, lang: 'id' | 'en'): string {
  const [y, m, day] = d.split('-').map(Number);
  return `${day} ${(lang === 'id' ? MONTHS : MONTHS_EN)[m! - 1]} ${y}`;
}

/** "2026" (year), "2026-S1" (semester), "2026-Q2" (quarter), "2026-03" (month). */
export function namedPeriod(name: string): Period | null {
  let m = /^(\d{4})$/.exec(name);
  if (m) {
    const y = Number(m[1]);
    return { from: ymd(y, 1, 1), to: ymd(y, 12, 31), label: `Tahun ${y}`, labelEn: `Year ${y}` };
  }
  m = /^(\d{4})-S([12])$/i.exec(name);
  if (m) {
    const y = Number(m[1]);
    const s = Number(m[2]);
    return { from: ymd(y, s === 1 ? 1 : 7, 1), to: ymd(y, s === 1 ? 6 : 12, s === 1 ? 30 : 31), label: `Semester ${ROMAN[s - 1]} ${y}`, labelEn: `Semester ${s} ${y}` };
  }
  m = /^(\d{4})-Q([1-4])$/i.exec(name);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    const m1 = (q - 1) * 3 + 1;
    return { from: ymd(y, m1, 1), to: ymd(y, m1 + 2, lastDay(y, m1 + 2)), label: `Triwulan ${ROMAN[q - 1]} ${y}`, labelEn: `Quarter ${q} ${y}` };
  }
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(name);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return { from: ymd(y, mo, 1), to: ymd(y, mo, lastDay(y, mo)), label: `${MONTHS[mo - 1]} ${y}`, labelEn: `${MONTHS_EN[mo - 1]} ${y}` };
  }
  return null;
}

/** A period from `period=` or from `from=`/`to=`; every mistake explained. */
export function parsePeriod(q: { period?: string | undefined; from?: string | undefined; to?: string | undefined }): Result<Period> {
  const bad = (code: string, message: string, messageEn: string): Result<Period> => ({ ok: false, error: { code, message, messageEn } });
  if (q.period) {
    const p = namedPeriod(q.period.trim());
    return p ? { ok: true, value: p } : bad('period-invalid', 'Periode harus seperti 2026, 2026-S1, 2026-Q2 atau 2026-03', 'The period must look like 2026, 2026-S1, 2026-Q2 or 2026-03');
  }
  if (!q.from || !q.to) return bad('period-required', 'Sebutkan periode: from dan to (YYYY-MM-DD), atau period', 'Give the period: from and to (YYYY-MM-DD), or period');
  if (!isRealDate(q.from) || !isRealDate(q.to)) return bad('date-invalid', 'from dan to harus tanggal nyata YYYY-MM-DD', 'from and to must be real YYYY-MM-DD dates');
  if (q.from > q.to) return bad('range-reversed', 'from harus sebelum atau sama dengan to', 'from must not be after to');
  const days = Temporal.PlainDate.from(q.from).until(Temporal.PlainDate.from(q.to)).days;
  if (days > MAX_RANGE_DAYS) return bad('range-too-long', 'Rentang paling lama 10 tahun', 'The range can be at most 10 years');
  const named = [namedPeriod(q.from.slice(0, 4)), namedPeriod(q.from.slice(0, 7))].find((p) => p && p.from === q.from && p.to === q.to);
  return {
    ok: true,
    value: named ?? { from: q.from, to: q.to, label: `${dateLabel(q.from, 'id')} – ${dateLabel(q.to, 'id')}`, labelEn: `${dateLabel(q.from, 'en')} – ${dateLabel(q.to, 'en')}` },
  };
}

/** The UTC instants bounding a period of local dates: [start of `from`, start of the day after `to`). */
export function periodInstants(p: { from: string; to: string }, timeZone: string): { start: string; end: string } {
  const at = (d: Temporal.PlainDate) => d.toZonedDateTime({ timeZone }).toInstant().toString({ smallestUnit: 'millisecond' });
  return { start: at(Temporal.PlainDate.from(p.from)), end: at(Temporal.PlainDate.from(p.to).add({ days: 1 })) };
}

/** The months (YYYY-MM) a period touches, in order. */
export function monthsOf(p: { from: string; to: string }): string[] {
  const out: string[] = [];
  let y = Number(p.from.slice(0, 4));
  let m = Number(p.from.slice(5, 7));
  const end = p.to.slice(0, 7);
  for (;;) {
    const k = ymd(y, m, 1).slice(0, 7);
    out.push(k);
    if (k >= end) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

export function monthLabel(ym: string, lang: 'id' | 'en' = 'id'): string {
  const m = Number(ym.slice(5, 7));
  return `${(lang === 'id' ? MONTHS : MONTHS_EN)[m - 1]!.slice(0, 3)} ${ym.slice(0, 4)}`;
}
