/**
 * The intake checks of a form that cannot be filed yet (a file was too large or of the wrong
 * type): every other problem is found in the same round, so the citizen fixes everything at once.
 * Nothing is written. The registry is not consulted here: a refused form must not tell the public
 * who is listed (the filing itself decides, as before).
 */
import { checkIntake } from '../../domain/applications/intake.js';
import type { FieldProblem } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import type { SubmitInput } from './submit-application.js';

/** Problems of the form, except on the fields already refused (`known`: e.g. a too-large file's field). */
export function checkIntakeForm(ctx: Ctx, input: SubmitInput, actor: Actor, known: readonly FieldProblem[]): FieldProblem[] {
  const found = ctx.catalogue.service(input.office, input.service);
  if (!found) return [];
  const today = ctx.clock.localDate(found.office.office, nowOf(ctx).toISOString());
  const checked = checkIntake(found.service.service, input, { today, staff: actor.id !== null });
  // A document whose upload was refused is reported already; rules that need registry facts stay unknown here.
  const refused = new Set(known.map((p) => p.field));
  return checked.ok ? [] : checked.problems.filter((p) => !refused.has(p.field));
}
