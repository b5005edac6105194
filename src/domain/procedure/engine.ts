/**
 * The procedure engine, pure: given a service's procedure and where a case is, says what an
 * outcome does. The use cases apply the result to the database in one transaction.
 */
import type { Problem } from '../errors.js';
import type { Procedure, Step } from '../standards/schema.js';

import type { CaseStatus } from '../applications/status.js';

export type Move =
  | { kind: 'step'; step: Step; status: CaseStatus; pause: 'applicant' | 'external' | null }
  | { kind: 'end'; endId: string; status: 'completed' | 'rejected' | 'withdrawn' };

export function stepById(proc: Procedure, id: string): Step | undefined {
  return proc.steps.find((s) => s.id === id);
}

/** Where a new case starts: an external first step waits on its outside body at once. */
export function startMove(proc: Procedure): Move {
  const step = stepById(proc, proc.start)!;
  return { kind: 'step', step, status: step.kind === 'external' ? 'waiting-external' : 'open', pause: step.kind === 'external' ? 'external' : null };
}

export interface StepData {
  note?: string;
  data?: Record<string, unknown>;
}

/** Problems with the data given for an outcome: what a step needs to be completed. */
export function checkStepData(step: Step, outcomeId: string, input: StepData): Problem[] {
  const outcome = step.outcomes.find((o) => o.id === outcomeId);
  const problems: Problem[] = [];
  if (!outcome) return problems;
  const note = input.note?.trim() ?? '';
  const data = input.data ?? {};
  if ((outcome.kind === 'return' || outcome.kind === 'reject') && note.length < 5)
    problems.push({
      field: 'note',
      code: 'reason-required',
      message: 'Alasan wajib ditulis (minimal 5 karakter) agar pemohon menerimanya secara tertulis',
      messageEn: 'A written reason (at least 5 characters) is required so the applicant receives it in writing',
    });
  if (step.kind === 'field-visit' && outcome.kind !== 'return') {
    const report = typeof data.report === 'string' ? data.report.trim() : '';
    if (report.length < 10)
      problems.push({ field: 'data.report', code: 'report-required', message: 'Laporan kunjungan lapangan wajib diisi (minimal 10 karakter)', messageEn: 'A field-visit report is required (at least 10 characters)' });
    const c = data.coordinates as { lat?: unknown; lng?: unknown } | undefined;
    const valid = (v: unknown, max: number) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= max;
    if (c !== undefined && (!valid(c.lat, 90) || !valid(c.lng, 180)))
      problems.push({ field: 'data.coordinates', code: 'coordinates-invalid', message: 'Koordinat harus berupa lintang dan bujur yang sah', messageEn: 'Coordinates must be a valid latitude and longitude' });
  }
  if (step.kind === 'external' && outcome.kind === 'forward') {
    const ref = typeof data.reference === 'string' ? data.reference.trim() : '';
    if (ref.length < 2)
      problems.push({
        field: 'data.reference',
        code: 'reference-required',
        message: `Nomor/rujukan dari ${step.external ?? 'instansi luar'} wajib diisi`,
        messageEn: `The reference from ${step.external ?? 'the outside body'} is required`,
      });
  }
  if ((step.kind === 'decision' || step.kind === 'assessment') && outcome.kind !== 'forward' && note.length < 5 && !problems.some((p) => p.code === 'reason-required'))
    problems.push({ field: 'note', code: 'reason-required', message: 'Alasan keputusan wajib ditulis', messageEn: 'The decision reason is required' });
  return problems;
}

/** The move an outcome makes from a step. */
export function outcomeMove(proc: Procedure, stepId: string, outcomeId: string): Move | Problem {
  const step = stepById(proc, stepId);
  if (!step) return { code: 'unknown-step', message: `Langkah tidak dikenal: ${stepId}`, messageEn: `Unknown step: ${stepId}` };
  const outcome = step.outcomes.find((o) => o.id === outcomeId);
  if (!outcome)
    return {
      code: 'outcome-not-allowed',
      message: `Hasil "${outcomeId}" tidak tersedia pada langkah "${step.label}". Pilihan: ${step.outcomes.map((o) => o.id).join(', ')}`,
      messageEn: `Outcome "${outcomeId}" is not allowed at step "${step.label}". Choices: ${step.outcomes.map((o) => o.id).join(', ')}`,
    };
  const end = proc.ends.find((e) => e.id === outcome.next);
  if (end) return { kind: 'end', endId: end.id, status: end.kind };
  const next = stepById(proc, outcome.next)!;
  if (outcome.kind === 'return') return { kind: 'step', step: next, status: 'waiting-applicant', pause: 'applicant' };
  if (next.kind === 'external') return { kind: 'step', step: next, status: 'waiting-external', pause: 'external' };
  return { kind: 'step', step: next, status: 'open', pause: null };
}

/** True when completing this step with a forward outcome means "the file is complete" (clock start). */
export function completesFile(proc: Procedure, stepId: string): boolean {
  const first = proc.steps.find((s) => s.kind === 'check' || s.kind === 'intake');
  return first?.id === stepId;
}

/** Whether an applicant may still withdraw: until a decision has been taken. */
export function canWithdraw(proc: Procedure, visitedSteps: string[]): boolean {
  const decisionKinds = new Set(['decision', 'sign', 'number', 'deliver']);
  return !visitedSteps.some((id) => {
    const s = stepById(proc, id);
    return s !== undefined && decisionKinds.has(s.kind);
  });
}
