/**
 * Approved figures as approved (issue 15 §4), pure: what a snapshot holds, and how the live figures
 * have moved since (a case submitted in an approved month that closed later). The approved view
 * shows the snapshot and names each difference instead of changing the approved numbers silently.
 */
import type { ServiceEvaluation } from './evaluate.js';
import type { SpmResult } from './spm.js';

export interface SnapshotService {
  id: string;
  no: string;
  title: string;
  evaluation: ServiceEvaluation;
}

/** An SPM indicator as approved: X, Y and the achievement (the flag X > Y is recomputed when needed). */
export type SnapshotSpm = Omit<SpmResult, 'servedExceedsNeeding'>;

/** The figures of a period when its head approved them: the evaluation per service and, for a year, the SPM indicators. */
export interface FiguresSnapshot {
  services: SnapshotService[];
  truncated: boolean;
  spm?: SnapshotSpm[];
}

/** The figures compared: a change in any of them since approval is shown. */
export const COMPARED = ['cases', 'completed', 'onTime', 'withdrawn', 'median', 'p90', 'max'] as const;
export type ComparedField = (typeof COMPARED)[number] | 'served' | 'needing';

export interface FigureChange {
  /** A service's "no. title" or an SPM indicator's code. */
  subject: string;
  label: { id: string; en: string };
  field: ComparedField;
  approved: number | null;
  now: number | null;
}

/** Every figure that differs between the snapshot and the live figures, service by service. */
export function changesSince(approved: FiguresSnapshot, live: FiguresSnapshot): FigureChange[] {
  const out: FigureChange[] = [];
  const liveServices = new Map(live.services.map((s) => [s.id, s]));
  for (const a of approved.services) {
    const l = liveServices.get(a.id);
    if (!l) continue;
    for (const f of COMPARED) {
      const was = a.evaluation[f];
      const is = l.evaluation[f];
      if (was !== is) out.push({ subject: a.id, label: { id: `${a.no}. ${a.title}`, en: `${a.no}. ${a.title}` }, field: f, approved: was, now: is });
    }
  }
  const liveSpm = new Map((live.spm ?? []).map((s) => [s.code, s]));
  for (const a of approved.spm ?? []) {
    const l = liveSpm.get(a.code);
    if (!l) continue;
    for (const f of ['served', 'needing'] as const)
      if (a[f] !== l[f]) out.push({ subject: a.code, label: { id: a.name, en: a.nameEn }, field: f, approved: a[f], now: l[f] });
  }
  return out;
}

export const FIELD_LABEL: Record<ComparedField, { id: string; en: string }> = {
  cases: { id: 'kasus', en: 'cases' },
  completed: { id: 'selesai', en: 'completed' },
  onTime: { id: 'tepat waktu', en: 'on time' },
  withdrawn: { id: 'ditarik', en: 'withdrawn' },
  median: { id: 'median', en: 'median' },
  p90: { id: 'p90', en: 'p90' },
  max: { id: 'maks.', en: 'max' },
  served: { id: 'terlayani (X)', en: 'served (X)' },
  needing: { id: 'membutuhkan (Y)', en: 'needing (Y)' },
};
