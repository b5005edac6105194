/** The parts of a case the clock and the decision-makers read: pauses, stages, eligibility verdicts. */
import type { Verdict } from '../standards/rules.js';

/** Where a case's clock stood still: waiting on the applicant or on an outside body. */
export interface Pause {
  from: string;
  to: string | null;
  kind?: 'applicant' | 'external';
}

/** One stage of a case with its own limit (e.g. 30 working days to the finance office). */
export interface StageRecord {
  id: string;
  label: string;
  startedAt: string;
  dueAt: string | null;
  finishedAt: string | null;
  late: boolean | null;
}

/** The eligibility verdicts at submission, and the registry facts they read (if any). */
export interface Eligibility {
  results: { id: string; message: string; verdict: Verdict }[];
  registry: Record<string, unknown> | null;
}
