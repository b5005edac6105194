/**
 * The public performance page's figures (issue 15 §5): per service the decree's promise, the share
 * of cases on time, the median — and the rule that withholds figures small enough to point at a
 * person. Pure.
 *
 * Suppression (Sigap's choice; the decrees state none, UU 27/2022 on personal data forbids
 * disclosing what identifies a person): a neighbour who knows that someone applied for a service
 * this quarter could read from "1 case, refused" or "1 case, 23 working days" how that person's
 * case went. The usual small-cell rule of official statistics is applied per service and period:
 * - fewer than 5 cases (1–4): no figure of that service is published, counts included;
 * - 5 or more cases but fewer than 5 completed: the count of cases is published, the completed,
 *   on-time and timing figures are not;
 * - 0 cases is published as 0 (it says nothing about anyone).
 * No total across services is shown, so a withheld figure cannot be recovered by subtraction.
 */
import type { Result } from '../errors.js';
import type { ServiceEvaluation } from './evaluate.js';

export const PUBLISH_MIN = 5;

export interface PublicFigures {
  cases: number | null;
  completed: number | null;
  onTime: number | null;
  onTimeRate: number | null;
  median: number | null;
  p90: number | null;
  max: number | null;
  /** null when everything is published; otherwise which rule withheld figures. */
  suppressed: 'few-cases' | 'few-completed' | null;
}

export function publicFigures(ev: Pick<ServiceEvaluation, 'cases' | 'completed' | 'onTime' | 'onTimeRate' | 'median' | 'p90' | 'max'>): PublicFigures {
  const none = { completed: null, onTime: null, onTimeRate: null, median: null, p90: null, max: null };
  if (ev.cases > 0 && ev.cases < PUBLISH_MIN) return { cases: null, ...none, suppressed: 'few-cases' };
  if (ev.completed > 0 && ev.completed < PUBLISH_MIN) return { cases: ev.cases, ...none, suppressed: 'few-completed' };
  return { cases: ev.cases, completed: ev.completed, onTime: ev.onTime, onTimeRate: ev.onTimeRate, median: ev.median, p90: ev.p90, max: ev.max, suppressed: null };
}

export const SUPPRESSION_RULE = {
  id: `Angka layanan dengan kurang dari ${PUBLISH_MIN} permohonan pada periode ini tidak ditampilkan, dan angka waktu layanan dengan kurang dari ${PUBLISH_MIN} permohonan selesai juga tidak, agar tidak ada orang yang dapat dikenali dari angka ini.`,
  en: `Figures of a service with fewer than ${PUBLISH_MIN} applications in the period are not shown, nor the timing figures of a service with fewer than ${PUBLISH_MIN} completed, so that no one can be recognised from them.`,
};

/** The first day after a local date. */
const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The performance figures are kept per month: a range must start on the first of a month and end
 * on the last day of one. Answers [from, until) in local dates.
 */
export function wholeMonths(p: { from: string; to: string }): Result<{ from: string; until: string }> {
  const until = dayAfter(p.to);
  if (p.from.endsWith('-01') && until.endsWith('-01')) return { ok: true, value: { from: p.from, until } };
  return {
    ok: false,
    error: {
      code: 'period-not-whole-months',
      message: 'Angka kinerja disimpan per bulan: from harus tanggal 1 dan to hari terakhir suatu bulan (mis. from=2026-04-01&to=2026-06-30).',
      messageEn: 'Performance figures are kept per month: from must be the 1st and to the last day of a month (e.g. from=2026-04-01&to=2026-06-30).',
      field: p.from.endsWith('-01') ? 'to' : 'from',
    },
  };
}

/** The last whole quarter before a local date, as its picker name (2026-Q1 on any day of April–June 2026). */
export function lastQuarter(today: string): string {
  const y = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}
