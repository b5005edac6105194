/** The staff letters screen: what waits for the officer's signature, and the archive searched. */
import type { LetterListRow } from '../../db/letters-repo.js';
import type { Actor, Ctx } from '../context.js';
import { registerPeriod } from './export-register.js';
import { listSignableLetters } from './list-signable-letters.js';
import { searchArchive, type ArchiveQuery } from './search-archive.js';

export interface ArchiveScreen {
  signable: LetterListRow[];
  found: LetterListRow[];
  /** The office's services, for the filter and to name each letter's service. */
  services: { id: string; slug: string; no: number; title: string }[];
  /** The register period offered when the archive is not filtered by date: 1 January to today. */
  register: { from: string; to: string };
  /** The certified-signature provider the signer may choose (docs/SIGNING.md), or null. */
  provider: string | null;
}

export async function showArchive(ctx: Ctx, officeId: string, actor: Actor, q: ArchiveQuery): Promise<ArchiveScreen> {
  const office = ctx.catalogue.officeById(officeId);
  return {
    found: await searchArchive(ctx, officeId, { ...q, limit: 200 }),
    signable: await listSignableLetters(ctx, actor),
    services: office.services.map((s) => ({ id: s.id, slug: s.service.slug, no: s.service.no, title: s.service.title })),
    register: registerPeriod(ctx, officeId, {}),
    provider: ctx.signingProvider?.name ?? null,
  };
}
