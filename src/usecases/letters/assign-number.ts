/**
 * Gives a letter its number from the office's counter, inside the caller's transaction: the
 * counter is transactional, so a rolled-back transaction burns no number and none is repeated.
 */
import type { Transaction } from 'kysely';
import { nextCounter } from '../../db/applications-repo.js';
import { insertLetterEvent, updateLetterIfVersion, type Letter } from '../../db/letters-repo.js';
import type { DB } from '../../db/schema.js';
import { counterName, formatLetterNumber } from '../../domain/letters/numbering.js';
import type { Actor, Ctx } from '../context.js';
import { LetterConflict } from './conflict.js';

export async function assignNumber(trx: Transaction<DB>, ctx: Ctx, letter: Letter, actor: Actor, now: string): Promise<Letter> {
  if (letter.number) return letter;
  const office = ctx.catalogue.officeById(letter.office_id).office;
  const localDate = ctx.clock.localDate(office, now);
  const cfg = office.letterNumbering;
  const counter = counterName(cfg, letter.letter_type, localDate.slice(0, 4));
  const seq = await nextCounter(trx, letter.office_id, counter);
  const number = formatLetterNumber(cfg, letter.letter_type, seq, localDate);
  const set = { number, number_seq: seq, counter, numbered_at: now, updated_at: now };
  if (!(await updateLetterIfVersion(trx, letter.id, letter.version, set))) throw new LetterConflict();
  await insertLetterEvent(trx, { letterId: letter.id, officeId: letter.office_id, type: 'numbered', actorId: actor.id, actorName: actor.name, data: { number, counter, seq }, at: now });
  return { ...letter, ...set, version: letter.version + 1 };
}
