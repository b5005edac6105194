/** An office's programmes by its public slug (they are part of its published standard). */
import type { Outcome } from '../../domain/errors.js';
import type { Programme } from '../../domain/programmes/schema.js';
import type { Ctx } from '../context.js';
import { programmesOf } from './programmes-of.js';

export function listProgrammes(ctx: Ctx, officeSlug: string): Outcome<Programme[]> {
  const office = ctx.catalogue.findOffice(officeSlug);
  return office.ok ? { ok: true, value: programmesOf(ctx, office.value) } : office;
}
