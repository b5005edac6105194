/** TRANSITIONAL (issue 10): the old result shape for capabilities not yet merged; deleted after the merges. */
import type { Actor, Ctx } from './context.js';
import { completeTask as complete, type CompleteInput } from './applications/complete-task.js';

const STATUS = { invalid: 422, 'not-found': 404, forbidden: 403, conflict: 409, unauthenticated: 401, locked: 423, 'too-large': 413, unsupported: 415 } as const;

export async function completeTask(ctx: Ctx, input: CompleteInput, actor: Actor) {
  const r = await complete(ctx, input, actor);
  return r.ok ? r : { ok: false as const, status: STATUS[r.error.kind], problems: r.error.problems };
}
