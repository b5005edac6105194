/** Paths through a procedure: the shortest forward route to a completed end, and where a case
 * can be returned to the applicant or rejected. Used by simulations and tests. */
import type { Procedure, Step } from '../standards/schema.js';

/** The forward outcome of `stepId` on a shortest route to a completed end (null if none). */
export function mainOutcome(proc: Procedure, stepId: string): string | null {
  const completed = new Set(proc.ends.filter((e) => e.kind === 'completed').map((e) => e.id));
  const dist = new Map<string, number>();
  for (const id of completed) dist.set(id, 0);
  // Bellman-Ford style relaxation over forward edges (graphs are tiny).
  for (let i = 0; i < proc.steps.length + 1; i++)
    for (const s of proc.steps)
      for (const o of s.outcomes) {
        if (o.kind !== 'forward') continue;
        const d = dist.get(o.next);
        if (d !== undefined && (dist.get(s.id) ?? Infinity) > d + 1) dist.set(s.id, d + 1);
      }
  const step = proc.steps.find((s) => s.id === stepId);
  if (!step) return null;
  let best: { id: string; d: number } | null = null;
  for (const o of step.outcomes) {
    if (o.kind !== 'forward') continue;
    const d = dist.get(o.next);
    if (d !== undefined && (!best || d < best.d)) best = { id: o.id, d };
  }
  return best?.id ?? null;
}

export function firstStepWith(proc: Procedure, kind: 'return' | 'reject'): Step | undefined {
  // In route order from the start, so the simulation reaches it.
  const seen = new Set<string>();
  let id: string | null = proc.start;
  while (id && !seen.has(id)) {
    seen.add(id);
    const step = proc.steps.find((s) => s.id === id);
    if (!step) return undefined;
    if (step.outcomes.some((o) => o.kind === kind)) return step;
    const next = mainOutcome(proc, id);
    id = next ? step.outcomes.find((o) => o.id === next)!.next : null;
  }
  return undefined;
}
