/**
 * What a closed case adds to the oversight counters, and how stored counters become a service's
 * facts again. Pure. The counters keep exactly what the case-by-case evaluation computes — status,
 * on time, actual time and pause time in the decree's unit — grouped by the local month of
 * submission, so a month, quarter or year is a sum of months and the histogram's median and p90
 * are the exact ones (actual times are whole working days or days, or minutes and hours to one
 * decimal, stored as integer tenths: one bar per distinct value, no wider buckets).
 */
import { caseTime, stageCounts, type CaseTiming, type FactsBuilder, type Measure } from './facts.js';

/** A histogram bar's key when the case has no measured time (withdrawn, no clock, no computable promise). */
export const NOT_MEASURED = -1;

export interface CounterRow {
  month: string;
  status: 'completed' | 'rejected' | 'withdrawn';
  onTime: boolean;
  /** Actual time in tenths of the measure unit, or NOT_MEASURED. */
  duration: number;
  n: number;
  applicantPaused: number;
  applicantPauses: number;
  externalPaused: number;
  externalPauses: number;
}

export interface StageCounterRow {
  month: string;
  stageId: string;
  started: number;
  finished: number;
  onTime: number;
}

export const isClosedStatus = (s: string): s is CounterRow['status'] => s === 'completed' || s === 'rejected' || s === 'withdrawn';

/** The counter rows one closed case adds (one bar, plus one per recorded stage); null while it is open. */
export function closedCaseCounts(m: Measure, c: CaseTiming & { submittedAt: string }): { row: CounterRow; stages: StageCounterRow[] } | null {
  if (!isClosedStatus(c.status)) return null;
  const month = m.workingDays.localDate(c.submittedAt).slice(0, 7);
  const t = caseTime(m, c);
  const row: CounterRow = {
    month,
    status: c.status,
    onTime: c.status !== 'withdrawn' && c.closedAt !== null && c.dueAt !== null && c.closedAt <= c.dueAt,
    duration: t ? Math.round(t.actual * 10) : NOT_MEASURED,
    n: 1,
    applicantPaused: 0,
    applicantPauses: 0,
    externalPaused: 0,
    externalPauses: 0,
  };
  // Waits count only for answered cases with a measured time, as in FactsBuilder.addTiming.
  if (t)
    c.pauses.forEach((p, i) => {
      if ((p.kind ?? 'applicant') === 'external') {
        row.externalPaused += t.paused[i] ?? 0;
        row.externalPauses++;
      } else {
        row.applicantPaused += t.paused[i] ?? 0;
        row.applicantPauses++;
      }
    });
  const stages = stageCounts(c).map((s) => ({ month, stageId: s.id, started: s.started, finished: s.finished, onTime: s.onTime }));
  return { row, stages };
}

/** Stored counters (already summed over the period's months) into a service's facts. */
export function feedCounters(b: FactsBuilder, rows: readonly Omit<CounterRow, 'month'>[], stages: readonly Omit<StageCounterRow, 'month'>[]): void {
  for (const r of rows) {
    b.count(r.status, 'closed', r.onTime, r.n);
    if (r.duration !== NOT_MEASURED) b.addDuration(r.duration / 10, r.n);
    b.addWait('applicant', r.applicantPaused, r.applicantPauses);
    b.addWait('external', r.externalPaused, r.externalPauses);
  }
  for (const s of stages) b.addStage(s.stageId, s.started, s.finished, s.onTime);
}
