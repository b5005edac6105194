/**
 * Indeks Kepuasan Masyarakat (IKM) per PermenPANRB 14/2017, REFERENCE §2. Pure: no I/O.
 *
 *   NRR(element) = sum of that element's scores / number of questionnaires that answered it
 *   index        = Σ NRR × 1/9            (the mean of the nine NRR, on the 1–4 scale)
 *   IKM          = index × 25             (25–100), rounded to 2 decimals at the very end only
 *
 * Sigap uses the EXACT weight 1/9. Many reports print the weight as 0.111 or 0.11 and multiply by
 * that, which under-states the IKM: for element totals 105, 101, 100, 116, 102, 105, 106, 105, 115
 * over 29 questionnaires the exact IKM is 91.48, while 0.111 gives 91.38 and 0.11 gives 90.56.
 * Show this note wherever the IKM is published.
 *
 * Rounding is half-up and computed with exact integer arithmetic (BigInt fractions), not floats,
 * so a value that is exactly x.xx5 (e.g. 76.605) always rounds up (76.61, grade B) and is never
 * pushed down by binary floating-point error (76.60, grade C). The grade is taken from the
 * rounded IKM, so the gaps in the published table (88.30 | 88.31) never occur.
 *
 * Decisions the regulation leaves open:
 * - A missing answer is excluded for that element only (its NRR divides by the questionnaires
 *   that answered it). `null` is treated as missing, like an absent key.
 * - An element that NO questionnaire answered is excluded from the index: the index is the mean
 *   of the NRR of the elements that were answered (each weighted 1/k for k answered elements,
 *   so 1/9 in the normal case), and a warning `ikm-element-unanswered` names the element. Scoring
 *   it as 0 or 1 would invent answers nobody gave.
 * - `respondents` counts questionnaires with at least one answer; a completely blank
 *   questionnaire is ignored. No answered questionnaire at all gives the error `no-data`.
 * - A score other than 1, 2, 3 or 4 (possible only from untyped input) gives the error
 *   `invalid-answer` naming the questionnaire and element; it is never silently dropped.
 *   Keys other than U1–U9 (an office's own extra questions) are ignored.
 */
import { problem, type Problem } from '../errors.js';
import { ELEMENTS, type ElementCode, type Score } from './elements.js';

export type Grade = 'A' | 'B' | 'C' | 'D';
export type GradeLabel = 'Sangat baik' | 'Baik' | 'Kurang baik' | 'Tidak baik';

export interface GradeInfo {
  grade: Grade;
  label: GradeLabel;
  labelEn: string;
}

/** The grade table of REFERENCE §2, best first, with each grade's lowest IKM (converted value). */
export const GRADE_TABLE: readonly (GradeInfo & { minIkm: number; maxIkm: number })[] = Object.freeze([
  { grade: 'A', label: 'Sangat baik', labelEn: 'Very good', minIkm: 88.31, maxIkm: 100 },
  { grade: 'B', label: 'Baik', labelEn: 'Good', minIkm: 76.61, maxIkm: 88.3 },
  { grade: 'C', label: 'Kurang baik', labelEn: 'Less than good', minIkm: 65, maxIkm: 76.6 },
  { grade: 'D', label: 'Tidak baik', labelEn: 'Not good', minIkm: 25, maxIkm: 64.99 },
] as const);

/** 12.345 → 1235 (hundredths, half-up), tolerant of binary noise such as 8830.499999999999. */
function toHundredths(x: number): number {
  return Math.round(Number((x * 100).toPrecision(15)));
}

/**
 * The grade for an IKM on the 25–100 scale. The IKM is expected already rounded to 2 decimals (as
 * computeIkm returns it); a value with more decimals is rounded half-up to 2 decimals first, so
 * gradeFor(88.305) is A. Boundaries: A ≥ 88.31, B ≥ 76.61, C ≥ 65.00, D ≥ 25.00.
 * Throws RangeError (a programming error) for a value that is not a number in 25–100.
 */
export function gradeFor(ikm: number): GradeInfo {
  if (typeof ikm !== 'number' || !Number.isFinite(ikm)) throw new RangeError(`gradeFor: IKM must be a finite number, got ${String(ikm)}`);
  const h = toHundredths(ikm);
  if (h < 2500 || h > 10000) throw new RangeError(`gradeFor: IKM must be between 25 and 100, got ${ikm}`);
  const row = GRADE_TABLE.find((r) => h >= Math.round(r.minIkm * 100)) ?? GRADE_TABLE[GRADE_TABLE.length - 1]!;
  return { grade: row.grade, label: row.label, labelEn: row.labelEn };
}

export interface SurveyResponse {
  answers: Partial<Record<ElementCode, Score>>;
}

export interface ElementResult {
  code: ElementCode;
  name: string;
  nameEn: string;
  /** Number of questionnaires that answered this element. */
  answered: number;
  /** Sum of this element's scores. */
  total: number;
  /** total / answered, unrounded; null when nobody answered (element excluded). */
  nrr: number | null;
  /** nrr × weight (1/9 when all nine elements were answered), unrounded; null when excluded. */
  weighted: number | null;
}

export interface IkmSuccess {
  ok: true;
  /** IKM on the 25–100 scale, rounded half-up to 2 decimals (the only rounding). */
  ikm: number;
  /** The unrounded mean of the NRR (1–4 scale). */
  index: number;
  grade: Grade;
  gradeLabel: GradeLabel;
  gradeLabelEn: string;
  /** Questionnaires with at least one answer. */
  respondents: number;
  /** All nine elements, U1–U9 in order. */
  elements: ElementResult[];
  /** Non-fatal notes, e.g. `ikm-element-unanswered`. */
  warnings: Problem[];
}

export type IkmResult = IkmSuccess | { ok: false; error: Problem };

const gcd = (a: bigint, b: bigint): bigint => {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

export function computeIkm(responses: readonly SurveyResponse[]): IkmResult {
  const totals = ELEMENTS.map(() => 0);
  const counts = ELEMENTS.map(() => 0);
  let respondents = 0;

  for (const [i, response] of (responses ?? []).entries()) {
    const answers = (response?.answers ?? {}) as Record<string, unknown>;
    let any = false;
    for (const [j, el] of ELEMENTS.entries()) {
      const v = answers[el.code];
      if (v === undefined || v === null) continue;
      if (v !== 1 && v !== 2 && v !== 3 && v !== 4)
        return {
          ok: false,
          error: problem(
            'invalid-answer',
            `Kuesioner ke-${i + 1}, unsur ${el.code} (${el.name}): jawaban ${JSON.stringify(v)} tidak sah; nilai harus 1, 2, 3 atau 4.`,
            `Questionnaire ${i + 1}, element ${el.code} (${el.nameEn}): answer ${JSON.stringify(v)} is not valid; it must be 1, 2, 3 or 4.`,
          ),
        };
      totals[j]! += v;
      counts[j]! += 1;
      any = true;
    }
    if (any) respondents++;
  }
  return computeIkmFromTotals({ totals, counts, respondents });
}

/** Per-element sums and answer counts (U1–U9 in order), e.g. from a database aggregate. */
export interface IkmTotals {
  /** Sum of each element's scores, U1–U9. */
  totals: readonly number[];
  /** Number of questionnaires that answered each element, U1–U9. */
  counts: readonly number[];
  /** Questionnaires with at least one answer. */
  respondents: number;
}

/**
 * The same computation as computeIkm from aggregates (SUM and COUNT per element), so a period of
 * 100,000 stored questionnaires is one aggregate query, not 100,000 rows in memory. Throws
 * RangeError (a programming error) for totals that no set of 1–4 answers can produce.
 */
export function computeIkmFromTotals(input: IkmTotals): IkmResult {
  const { totals, counts, respondents } = input;
  if (totals.length !== ELEMENTS.length || counts.length !== ELEMENTS.length) throw new RangeError('computeIkmFromTotals: nine totals and nine counts (U1–U9) are required');
  for (const [j, c] of counts.entries()) {
    const t = totals[j]!;
    if (!Number.isSafeInteger(c) || c < 0 || !Number.isSafeInteger(t) || t < c || t > 4 * c)
      throw new RangeError(`computeIkmFromTotals: element ${ELEMENTS[j]!.code} has total ${t} over ${c} answers`);
  }
  if (!Number.isSafeInteger(respondents) || respondents < Math.max(0, ...counts)) throw new RangeError('computeIkmFromTotals: respondents must be at least the largest answer count');

  if (respondents === 0)
    return {
      ok: false,
      error: problem(
        'no-data',
        'Belum ada kuesioner yang dijawab, sehingga IKM tidak dapat dihitung.',
        'No questionnaire has been answered, so the IKM cannot be computed.',
      ),
    };

  const used = counts.filter((c) => c > 0).length; // ≥ 1, because respondents > 0
  const warnings: Problem[] = [];
  let nrrSum = 0;
  const elements: ElementResult[] = ELEMENTS.map((el, j) => {
    const answered = counts[j]!;
    const total = totals[j]!;
    if (answered === 0) {
      warnings.push(
        problem(
          'ikm-element-unanswered',
          `Unsur ${el.code} (${el.name}) tidak dijawab oleh satu pun responden; IKM dihitung dari ${used} unsur lainnya.`,
          `Element ${el.code} (${el.nameEn}) was not answered by any respondent; the IKM is computed from the other ${used} elements.`,
        ),
      );
      return { code: el.code, name: el.name, nameEn: el.nameEn, answered, total, nrr: null, weighted: null };
    }
    const nrr = total / answered;
    nrrSum += nrr;
    return { code: el.code, name: el.name, nameEn: el.nameEn, answered, total, nrr, weighted: nrr / used };
  });

  // Exact: IKM × 100 = 2500 × Σ(total_j / answered_j) / used. With L = lcm(answered_j),
  // Σ(total_j / answered_j) = num / L where num = Σ total_j × (L / answered_j).
  let lcm = 1n;
  for (const c of counts) if (c > 0) lcm = (lcm / gcd(lcm, BigInt(c))) * BigInt(c);
  let num = 0n;
  for (const [j, c] of counts.entries()) if (c > 0) num += BigInt(totals[j]!) * (lcm / BigInt(c));
  const den = BigInt(used) * lcm;
  const hundredths = (2n * 2500n * num + den) / (2n * den); // floor(x + 1/2): half-up for x ≥ 0
  const ikm = Number(hundredths) / 100;

  const g = gradeFor(ikm);
  return {
    ok: true,
    ikm,
    index: nrrSum / used,
    grade: g.grade,
    gradeLabel: g.label,
    gradeLabelEn: g.labelEn,
    respondents,
    elements,
    warnings,
  };
}
