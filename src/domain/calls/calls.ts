/** Call tasks without I/O: the outcomes of a call, and the figures of how fast the promised calls are made. */

/** What a call can come to; only a connected call keeps the promise (the others leave the task open to try again). */
export const CALL_OUTCOMES = ['tersambung', 'tidak-diangkat', 'nomor-salah'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const CALL_OUTCOME_LABEL: Record<CallOutcome, [string, string]> = {
  tersambung: ['Tersambung', 'Connected'],
  'tidak-diangkat': ['Tidak diangkat', 'Not answered'],
  'nomor-salah': ['Nomor salah', 'Wrong number'],
};

/** Whole minutes from the promised moment to a call. */
export const minutesBetween = (from: string, to: string): number => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));

/** The median of a list of numbers (null when empty). */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface CallFigures {
  /** Calls the promises opened in the period. */
  opened: number;
  /** Of those, how many reached the applicant. */
  connected: number;
  /** Median minutes from the moment to the first attempt, and to the connected call. */
  medianToFirstAttempt: number | null;
  medianToConnected: number | null;
}

export function callFigures(rows: readonly { due_from: string; first_attempt_at: string | null; done_at: string | null }[]): CallFigures {
  const done = rows.filter((r) => r.done_at);
  return {
    opened: rows.length,
    connected: done.length,
    medianToFirstAttempt: median(rows.filter((r) => r.first_attempt_at).map((r) => minutesBetween(r.due_from, r.first_attempt_at!))),
    medianToConnected: median(done.map((r) => minutesBetween(r.due_from, r.done_at!))),
  };
}
