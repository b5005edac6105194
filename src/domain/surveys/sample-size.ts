/**
 * Minimum SKM sample for a population (Krejcie & Morgan 1970, as tabulated for PermenPANRB
 * 14/2017), REFERENCE §2:
 *
 *   s = χ² · N · P(1−P) / ( d²(N−1) + χ² · P(1−P) ),   χ² = 3.841, P = 0.5, d = 0.05
 *
 * With those constants (χ² = 3841/1000, P(1−P) = 1/4, d² = 1/400), multiplying numerator and
 * denominator by 4000 gives the exact integer form used here, free of floating-point error:
 *
 *   s = 3841·N / (10·N + 3831)
 *
 * ROUNDING — a conflict in the brief, decided here: the published table (100→80, 200→132,
 * 300→169, 500→217, 1000→278, 2000→322, 5000→357, 10000→370, 20000→377, 50000→381,
 * 1000000→384) is s rounded to the NEAREST whole number. Rounding UP ("ceil") disagrees with three
 * of those rows: 500 → 218 (s = 217.47), 2000 → 323 (322.35), 50000 → 382 (381.17). Offices and
 * auditors compare against the published table, so the default is 'nearest' (half up);
 * `{ rounding: 'up' }` gives the stricter ceiling.
 */

export type SampleRounding = 'nearest' | 'up';

export interface SampleOptions {
  /** 'nearest' (default, matches the published Krejcie & Morgan table) or 'up' (ceiling). */
  rounding?: SampleRounding | undefined;
}

function requireCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0, got ${String(n)}`);
}

/**
 * Minimum number of respondents for a population of `population` service users in the period.
 * 0 for a population of 0. Throws RangeError (a programming error) unless `population` is a
 * whole number ≥ 0.
 */
export function minimumSample(population: number, opts: SampleOptions = {}): number {
  requireCount(population, 'minimumSample: population');
  if (population === 0) return 0;
  const a = 3841n * BigInt(population);
  const b = 10n * BigInt(population) + 3831n;
  const s = opts.rounding === 'up' ? (a + b - 1n) / b : (2n * a + b) / (2n * b);
  return Number(s);
}

export interface SampleAdequacy {
  minimumSample: number;
  /** respondents ≥ minimumSample. */
  sufficient: boolean;
  /** How many more respondents are needed; 0 when sufficient. */
  shortfall: number;
}

/** Whether a period's respondents reach the minimum sample for its population. */
export function sampleAdequacy(respondents: number, population: number, opts: SampleOptions = {}): SampleAdequacy {
  requireCount(respondents, 'sampleAdequacy: respondents');
  const min = minimumSample(population, opts);
  return { minimumSample: min, sufficient: respondents >= min, shortfall: Math.max(0, min - respondents) };
}
