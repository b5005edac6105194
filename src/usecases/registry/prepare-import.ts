/** What the import form starts from: the period an extract is taken to be of unless told (this month, in the office's zone). */
import type { Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { mayImport } from './start-import.js';

export function prepareImport(ctx: Ctx, actor: Actor): Outcome<{ period: string }> {
  const allowed = mayImport(actor);
  if (!allowed.ok) return allowed;
  const today = ctx.clock.localDate(ctx.catalogue.officeById(allowed.value).office, nowOf(ctx).toISOString());
  return { ok: true, value: { period: today.slice(0, 7) } };
}
