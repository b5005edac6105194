/** Puts an unsigned letter in its signer's queue (ready for signature), inside the caller's transaction. */
import type { Transaction } from 'kysely';
import { insertLetterEvent, updateLetterIfVersion, type Letter } from '../../db/letters-repo.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../context.js';
import { LetterConflict } from './conflict.js';

export async function markReady(trx: Transaction<DB>, letter: Letter, actor: Actor, now: string, reason: string): Promise<Letter> {
  if (letter.status === 'ready') return letter;
  const set = { status: 'ready' as const, signer_role: letter.signer_role, updated_at: now };
  if (!(await updateLetterIfVersion(trx, letter.id, letter.version, set))) throw new LetterConflict();
  await insertLetterEvent(trx, { letterId: letter.id, officeId: letter.office_id, type: 'ready', actorId: actor.id, actorName: actor.name, data: { reason, signerRole: letter.signer_role }, at: now });
  return { ...letter, ...set, version: letter.version + 1 };
}
