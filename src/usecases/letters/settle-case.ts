/**
 * After a letter stops waiting (signed, or cancelled), its case may have been waiting for it: when
 * no unsigned letter of the case is left, a held handover or completion goes ahead (inside the
 * caller's transaction; a case changed meanwhile aborts it as a conflict).
 */
import type { Transaction } from 'kysely';
import { lettersOfApplication, type Letter } from '../../db/letters-repo.js';
import type { DB } from '../../db/schema.js';
import { isUnsigned } from '../../domain/letters/status.js';
import { releaseHeldCase } from '../applications/release-held-case.js';
import type { Actor, Ctx } from '../context.js';
import { LetterConflict } from './conflict.js';

export async function settleCase(trx: Transaction<DB>, ctx: Ctx, letter: Letter, actor: Actor, now: string): Promise<void> {
  const others = await lettersOfApplication(trx, letter.application_id);
  if (others.some((x) => x.id !== letter.id && isUnsigned(x.status))) return;
  if (!(await releaseHeldCase(trx, ctx, letter.application_id, actor, now))) throw new LetterConflict();
}
