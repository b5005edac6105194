/**
 * Numbering unsigned letters on request (the officer who keeps the register, e.g. subbag umum),
 * each in its own transaction: the counter is transactional, so numbers are never duplicated or
 * skipped, also across processes, and a failed transaction burns no number.
 */
import { findLettersByIds, insertAudit } from '../../db/letters-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { isUnsigned } from '../../domain/letters/status.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { may, scopeOf } from '../../domain/staff/permissions.js';
import { assignNumber } from './assign-number.js';
import { letterChanged, orOnConflict } from './conflict.js';

export type NumberItem = { id: string; ok: true; number: string } | { id: string; ok: false; code: string; message: string; messageEn: string };

/**
 * May these roles number any letter of the office: letters.number of the permission table, with
 * only the office's `number` steps in scope (the head of office, the register's keepers, a role
 * holding a numbering step). A letter's own signer numbers that letter (checked per letter).
 */
function numbersAny(ctx: Ctx, officeId: string, roles: readonly string[]): boolean {
  const steps = scopeOf(ctx.catalogue.officeById(officeId).services).steps.filter((st) => st.kind === 'number');
  return may(roles, 'letters.number', { steps });
}

const refused = (id: string, code: string, message: string, messageEn: string): NumberItem => ({ id, ok: false, code, message, messageEn });

/** Each letter's number, or why it got none (a letter's own signer may number it too). */
export async function numberLetters(ctx: Ctx, ids: string[], actor: Actor): Promise<Outcome<NumberItem[]>> {
  if (!actor.officeId) return failWith('unauthenticated', 'unauthenticated', 'Silakan masuk terlebih dahulu', 'Please sign in first');
  const any = numbersAny(ctx, actor.officeId, actor.roles);
  const letters = new Map((await findLettersByIds(ctx.database.db, actor.officeId, ids)).map((l) => [l.id, l]));
  const out: NumberItem[] = [];
  for (const id of ids) {
    const l = letters.get(id);
    if (!l) out.push(refused(id, 'letter-not-found', 'Surat tidak ditemukan', 'Letter not found'));
    else if (!any && !actor.roles.includes(l.signer_role)) out.push(refused(id, 'numbering-forbidden', 'Anda tidak berwenang memberi nomor surat', 'You may not number letters'));
    else if (l.number) out.push({ id, ok: true, number: l.number });
    else if (!isUnsigned(l.status)) out.push(refused(id, 'not-numberable', 'Surat dibatalkan dan tidak diberi nomor', 'The letter is cancelled and gets no number'));
    else {
      const now = nowOf(ctx).toISOString();
      const numbered = (): Promise<NumberItem> =>
        ctx.database.write(async (trx) => {
          const n = await assignNumber(trx, ctx, l, actor, now);
          await insertAudit(trx, { officeId: l.office_id, actor: actor.name, action: 'letters.number', subject: `letter:${l.id}`, detail: { number: n.number }, at: now });
          return { id, ok: true, number: n.number! };
        });
      const p = letterChanged();
      out.push(await orOnConflict(numbered, () => refused(id, p.code, p.message, p.messageEn)));
    }
  }
  return { ok: true, value: out };
}
