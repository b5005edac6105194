/** Cancels an unsigned letter, which keeps any number it had, inside the caller's transaction. */
import type { Transaction } from 'kysely';
import { insertLetterEvent, updateLetterIfVersion, type Letter } from '../../db/letters-repo.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../context.js';
import { LetterConflict } from './conflict.js';

export async function markCancelled(trx: Transaction<DB>, letter: Letter, actor: Actor, now: string, reason: string): Promise<Letter> {
  const set = { status: 'cancelled' as const, revocation_reason: reason, revoked_at: now, revoked_by: actor.id, updated_at: now };
  if (!(await updateLetterIfVersion(trx, letter.id, letter.version, set))) throw new LetterConflict();
  await insertLetterEvent(trx, { letterId: letter.id, officeId: letter.office_id, type: 'cancelled', actorId: actor.id, actorName: actor.name, data: { reason, number: letter.number }, at: now });
  return { ...letter, ...set, version: letter.version + 1 };
}
