/** One programme of the officer's office, as its standard encodes it, with its latest rounds. */
import { roundsOf } from '../../db/programmes-repo.js';
import type { Outcome } from '../../domain/errors.js';
import type { RoundStatus } from '../../domain/programmes/rounds.js';
import type { Programme } from '../../domain/programmes/schema.js';
import type { Actor, Ctx } from '../context.js';
import { findProgramme, officeOf } from './programmes-of.js';

export async function showProgramme(ctx: Ctx, actor: Actor, slug: string): Promise<Outcome<{ programme: Programme; rounds: { id: string; period: string; stage: string; status: RoundStatus; reference_date: string }[] }>> {
  const officeId = officeOf(actor);
  if (!officeId.ok) return officeId;
  const found = findProgramme(ctx, officeId.value, slug);
  if (!found.ok) return found;
  const rounds = await roundsOf(ctx.database.db, officeId.value, slug, 50);
  return { ok: true, value: { programme: found.value.programme, rounds: rounds.map((r) => ({ ...r, status: r.status as RoundStatus })) } };
}
