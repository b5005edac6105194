/** The evaluation's period: a month, a quarter or a year of local dates, read from a picker value. Pure. */
import type { Problem, Result } from '../errors.js';

export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  /** The picker's value: "2026-05", "2026-Q2" or "2026". */
  value: string;
  /** First local date in the period, and the first one after it. */
  from: string;
  until: string;
  /** Last local date in the period (the case search's inclusive "to"). */
  to: string;
  label: { id: string; en: string };
}

const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Years an evaluation may cover: Sigap's cases start in 2024; 2100 bounds a typo. */
const YEAR_MIN = 2000;
const YEAR_MAX = 2100;

export function readPeriod(kind: PeriodKind, value: string): Result<Period> {
  const bad = (): Result<Period> => ({
    ok: false,
    error: {
      code: 'period-invalid',
      message: `Periode tidak valid: tulis ${kind === 'month' ? 'TTTT-BB (mis. 2026-05)' : kind === 'quarter' ? 'TTTT-Qn (mis. 2026-Q2)' : 'TTTT (mis. 2026)'}`,
      messageEn: `Invalid period: write ${kind === 'month' ? 'YYYY-MM (e.g. 2026-05)' : kind === 'quarter' ? 'YYYY-Qn (e.g. 2026-Q2)' : 'YYYY (e.g. 2026)'}`,
      field: 'value',
    } satisfies Problem,
  });
  const m = kind === 'month' ? /^(\d{4})-(\d{2})$/.exec(value) : kind === 'quarter' ? /^(\d{4})-Q([1-4])$/.exec(value) : /^(\d{4})$/.exec(value);
  if (!m) return bad();
  const y = Number(m[1]);
  if (y < YEAR_MIN || y > YEAR_MAX) return bad();
  const n = m[2] ? Number(m[2]) : 0;
  if (kind === 'month' && (n < 1 || n > 12)) return bad();
  const [m0, m1] = kind === 'month' ? [n, n] : kind === 'quarter' ? [3 * n - 2, 3 * n] : [1, 12];
  const next = m1 === 12 ? ymd(y + 1, 1, 1) : ymd(y, m1 + 1, 1);
  const label =
    kind === 'month'
      ? { id: `${MONTHS_ID[n - 1]} ${y}`, en: `${MONTHS_EN[n - 1]} ${y}` }
      : kind === 'quarter'
        ? { id: `Triwulan ${['I', 'II', 'III', 'IV'][n - 1]} ${y}`, en: `Q${n} ${y}` }
        : { id: `Tahun ${y}`, en: `Year ${y}` };
  return { ok: true, value: { kind, value, from: ymd(y, m0, 1), until: next, to: ymd(y, m1, lastDay(y, m1)), label } };
}

/** The period of a kind that holds a local date (the picker's default: this quarter). */
export function periodHolding(kind: PeriodKind, date: string): Period {
  const y = date.slice(0, 4);
  const mo = Number(date.slice(5, 7));
  const value = kind === 'month' ? date.slice(0, 7) : kind === 'quarter' ? `${y}-Q${Math.ceil(mo / 3)}` : y;
  const r = readPeriod(kind, value);
  if (!r.ok) throw new Error(`no period holds ${date}`);
  return r.value;
}

/** The period before (-1) or after (+1) one of the same kind, or null beyond the years an evaluation may cover. */
export function shiftPeriod(p: Period, step: -1 | 1): Period | null {
  const y = Number(p.from.slice(0, 4));
  const m = Number(p.from.slice(5, 7));
  let value: string;
  if (p.kind === 'year') value = String(y + step);
  else if (p.kind === 'quarter') {
    const q = (m + 2) / 3 + step;
    value = q < 1 ? `${y - 1}-Q4` : q > 4 ? `${y + 1}-Q1` : `${y}-Q${q}`;
  } else {
    const n = m + step;
    value = n < 1 ? `${y - 1}-12` : n > 12 ? `${y + 1}-01` : `${y}-${String(n).padStart(2, '0')}`;
  }
  const r = readPeriod(p.kind, value);
  return r.ok ? r.value : null;
}
