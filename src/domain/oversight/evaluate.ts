/**
 * The evaluation of the standard (issue 15, deliverable 1): per service and period, the decree's
 * promised time beside what the cases actually took, in the decree's own unit, with a finding in
 * plain words. Pure: the office calendar comes in as a value, the facts as counts and histograms.
 *
 * Definitions (recorded here because the decrees state none):
 * - A case belongs to the period in which it was submitted (the same cohort the staff case search
 *   filters by its date range, so every number drills down to exactly its cases).
 * - A case is "completed" when the office gave its answer (status completed or rejected: a refusal
 *   is also an answer within the promise); withdrawn cases leave the timing figures.
 * - "On time" is the clock's own verdict: closed at or before the stored due time (which already
 *   holds the range's upper bound, `maxValue`, and the pauses).
 * - Actual time in working days: the working days on the office calendar after the day the clock
 *   started, up to and including the day the case was closed, less the working days on which the
 *   case waited (a working day d is paused when some pause started before d and ended on or after
 *   d, by local dates). Holidays, cuti bersama and closures are not working days, so a case that
 *   crossed Idul Fitri is not charged for it. Days, months, years: calendar days counted the same
 *   way (every day counts). Minutes and hours: open time on the service's clock (all elapsed time
 *   for 24-hour services) less pauses; only these need each case's instants, the others group by date.
 * - Percentiles over the completed cases' actual times: the median is the middle value (the mean
 *   of the two middle values when their number is even); p90 is the nearest-rank percentile, the
 *   smallest actual time that at least 90 % of the cases did not exceed (x⌈0.9·n⌉ in sorted order).
 */

/** The unit in which a service's actual times are measured: the decree's, months and years as days. */
export type MeasureUnit = 'working_days' | 'minutes' | 'hours' | 'days';

/** The decree's promise as the standards encode it (a service's `sla`). */
export interface PromiseInput {
  text: string;
  value: number | null;
  maxValue: number | null;
  unit: 'minutes' | 'hours' | 'days' | 'working_days' | 'months' | 'years' | null;
}

export function measureUnitOf(unit: PromiseInput['unit']): MeasureUnit | null {
  if (unit === null) return null;
  return unit === 'months' || unit === 'years' ? 'days' : unit;
}

/** A histogram of actual times: value in the measure unit → number of cases. */
export type Histogram = ReadonlyMap<number, number>;

export function addTo(h: Map<number, number>, value: number, count = 1): void {
  h.set(value, (h.get(value) ?? 0) + count);
}

/** Who a case waited on: the applicant (a file returned) or a named outside body. */
export interface WaitTotal {
  kind: 'applicant' | 'external';
  /** The outside body as the procedure names it; null for the applicant. */
  body: string | null;
  /** Time paused, in the service's measure unit, summed over cases. */
  total: number;
  cases: number;
}

/** One stage with its own limit in the decree (e.g. 30 working days at the finance office). */
export interface StageFacts {
  id: string;
  label: string;
  limitText: string | null;
  started: number;
  finished: number;
  onTime: number;
}

/** What the database and the calendar established about one service's cases in the period. */
export interface ServiceFacts {
  cases: number;
  completed: number;
  onTime: number;
  withdrawn: number;
  open: number;
  openLate: number;
  openAtRisk: number;
  durations: Histogram;
  waits: readonly WaitTotal[];
  stages: readonly StageFacts[];
}

export interface Stats {
  median: number | null;
  p90: number | null;
  max: number | null;
}

export interface ServiceEvaluation extends Stats {
  promise: PromiseInput;
  unit: MeasureUnit | null;
  cases: number;
  completed: number;
  onTime: number;
  /** Share of completed cases closed within the promise, 0–1; null when none completed or no promise. */
  onTimeRate: number | null;
  withdrawn: number;
  open: number;
  openLate: number;
  openAtRisk: number;
  /** Each wait's share of the time the completed cases spent (actual + paused), 0–1. */
  waits: (WaitTotal & { share: number })[];
  stages: (StageFacts & { onTimeRate: number | null })[];
  finding: { id: string; en: string };
}

/** Median (mean of the two middle values for an even count) and nearest-rank p90 and max of a histogram. */
export function statsOf(h: Histogram): Stats {
  const values = [...h.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const n = values.reduce((s, [, c]) => s + c, 0);
  if (n === 0) return { median: null, p90: null, max: null };
  // The k-th smallest value (1-based) of the histogram.
  const kth = (k: number): number => {
    let seen = 0;
    for (const [v, c] of values) {
      seen += c;
      if (seen >= k) return v;
    }
    return values[values.length - 1]![0];
  };
  const median = n % 2 === 1 ? kth((n + 1) / 2) : (kth(n / 2) + kth(n / 2 + 1)) / 2;
  return { median, p90: kth(Math.ceil(0.9 * n)), max: values[values.length - 1]![0] };
}

const UNIT_WORDS: Record<MeasureUnit, { id: string; en: string; enOne: string }> = {
  working_days: { id: 'hari kerja', en: 'working days', enOne: 'working day' },
  minutes: { id: 'menit', en: 'minutes', enOne: 'minute' },
  hours: { id: 'jam', en: 'hours', enOne: 'hour' },
  days: { id: 'hari', en: 'days', enOne: 'day' },
};

/** "2,5 hari kerja" / "2.5 working days" / "1 working day". */
export function amount(lang: 'id' | 'en', value: number, unit: MeasureUnit): string {
  const v = Math.round(value * 10) / 10;
  const num = lang === 'id' ? String(v).replace('.', ',') : String(v);
  const w = UNIT_WORDS[unit];
  return `${num} ${lang === 'id' ? w.id : v === 1 ? w.enOne : w.en}`;
}

/** "94 %" (Indonesian) or "94%": whole per cent, one decimal below 10 %. */
export function percent(lang: 'id' | 'en', share: number): string {
  const p = share * 100;
  const v = p < 10 && p > 0 ? Math.round(p * 10) / 10 : Math.round(p);
  return lang === 'id' ? `${String(v).replace('.', ',')} %` : `${v}%`;
}

export function evaluateService(promise: PromiseInput, facts: ServiceFacts): ServiceEvaluation {
  const unit = measureUnitOf(promise.unit);
  const stats = statsOf(facts.durations);
  const onTimeRate = facts.completed > 0 && promise.value !== null ? facts.onTime / facts.completed : null;
  const worked = [...facts.durations.entries()].reduce((s, [v, c]) => s + v * c, 0);
  const waited = facts.waits.reduce((s, w) => s + w.total, 0);
  const whole = worked + waited;
  const waits = facts.waits
    .map((w) => ({ ...w, share: whole > 0 ? w.total / whole : 0 }))
    .sort((a, b) => b.total - a.total);
  const stages = facts.stages.map((s) => ({ ...s, onTimeRate: s.finished > 0 ? s.onTime / s.finished : null }));
  const ev: ServiceEvaluation = {
    promise,
    unit,
    cases: facts.cases,
    completed: facts.completed,
    onTime: facts.onTime,
    onTimeRate,
    withdrawn: facts.withdrawn,
    open: facts.open,
    openLate: facts.openLate,
    openAtRisk: facts.openAtRisk,
    ...stats,
    waits,
    stages,
    finding: { id: '', en: '' },
  };
  ev.finding = findingOf(ev);
  return ev;
}

/** The plain-words finding: whether the promise is kept, how long cases take, and what they wait on. */
export function findingOf(ev: Omit<ServiceEvaluation, 'finding'>): { id: string; en: string } {
  if (ev.promise.value === null || ev.unit === null)
    return {
      id: `Keputusan tidak menyatakan waktu yang dapat dihitung ("${ev.promise.text}"); ${ev.completed} dari ${ev.cases} kasus selesai.`,
      en: `The decree states no computable time ("${ev.promise.text}"); ${ev.completed} of ${ev.cases} cases completed.`,
    };
  if (ev.cases === 0) return { id: 'Tidak ada kasus pada periode ini.', en: 'No cases in this period.' };
  if (ev.completed === 0 || ev.onTimeRate === null)
    return {
      id: `Belum ada kasus selesai dari ${ev.cases} kasus; ${ev.openLate} sudah melewati janji.`,
      en: `None of ${ev.cases} cases completed yet; ${ev.openLate} already past the promise.`,
    };
  const id: string[] = [`Janji ditepati pada ${percent('id', ev.onTimeRate)} kasus (${ev.onTime} dari ${ev.completed} selesai)`];
  const en: string[] = [`Promise kept in ${percent('en', ev.onTimeRate)} of cases (${ev.onTime} of ${ev.completed} completed)`];
  if (ev.median !== null && ev.p90 !== null) {
    id.push(`median ${amount('id', ev.median, ev.unit)}, p90 ${amount('id', ev.p90, ev.unit)}`);
    en.push(`median ${amount('en', ev.median, ev.unit)}, p90 ${amount('en', ev.p90, ev.unit)}`);
  }
  const top = ev.waits[0];
  if (top && top.share >= 0.05) {
    const who = top.kind === 'applicant' ? { id: 'pemohon (berkas dikembalikan)', en: 'the applicant (file returned)' } : { id: top.body ?? 'instansi lain', en: top.body ?? 'another body' };
    id.push(`menunggu ${who.id} ${percent('id', top.share)} waktu`);
    en.push(`the wait on ${who.en} accounts for ${percent('en', top.share)} of elapsed time`);
  }
  if (ev.openLate > 0) {
    id.push(`${ev.openLate} kasus terbuka sudah terlambat`);
    en.push(`${ev.openLate} open ${ev.openLate === 1 ? 'case is' : 'cases are'} late`);
  }
  return { id: `${id.join('; ')}.`, en: `${en.join('; ')}.` };
}
