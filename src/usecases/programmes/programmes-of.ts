/** An office's programmes, read once from the standards folder; a programme by slug, or the one "not found". */
import { join } from 'node:path';
import type { StoredOffice } from '../../db/standards-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { Programme } from '../../domain/programmes/schema.js';
import { loadOfficeProgrammes } from '../../io/programmes-dir.js';
import type { Ctx } from '../context.js';

export function programmesOf(ctx: Pick<Ctx, 'standardsDir' | 'caches'>, office: StoredOffice): Programme[] {
  let found = ctx.caches.programmes.get(office.office.slug);
  if (!found) {
    // Validated at start-up with the rest of the standard (io/standards-dir.ts): a problem here cannot occur.
    found = loadOfficeProgrammes(join(ctx.standardsDir, office.office.slug), office.office, new Set(office.services.map((s) => s.service.slug))).programmes;
    ctx.caches.programmes.set(office.office.slug, found);
  }
  return found;
}

export function findProgramme(ctx: Ctx, officeId: string, slug: string): Outcome<{ office: StoredOffice; programme: Programme }> {
  const office = ctx.catalogue.officeById(officeId);
  const programme = programmesOf(ctx, office).find((p) => p.slug === slug);
  if (!programme) return failWith('not-found', 'programme-not-found', `Program tidak ditemukan: ${slug}`, `Programme not found: ${slug}`);
  return { ok: true, value: { office, programme } };
}

/** The officer's office, or the one refusal for an account without one. */
export function officeOf(actor: { officeId: string | null }): Outcome<string> {
  return actor.officeId ? { ok: true, value: actor.officeId } : failWith('forbidden', 'office-required', 'Akun ini tidak terikat pada kantor', 'This account belongs to no office');
}
