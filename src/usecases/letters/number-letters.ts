/**
 * Numbering unsigned letters on request (the officer who keeps the register, e.g. subbag umum),
 * each in its own transaction: the counter is transactional, so numbers are never duplicated or
 * skipped, also across processes, and a failed transaction burns no number.
 */
import { findLettersByIds, insertAudit } from '../../db/letters-repo.js';
import type { Problem } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { assignNumber, LetterConflict, storedOffice } from './issue.js';

export type NumberItem = { id: string; ok: true; number: string } | { id: string; ok: false; code: string; message: string; messageEn: string };

/** Roles that may number letters: those owning a `number` step, the head, the letter's signer. */
export function numberingRoles(ctx: Ctx, officeId: string): Set<string> {
  const o = storedOffice(ctx, officeId);
  const roles = new Set(['kepala-dinas']);
  for (const s of o.services) for (const st of s.service.procedure?.steps ?? []) if (st.kind === 'number') roles.add(st.role);
  return roles;
}

export async function numberLetters(ctx: Ctx, ids: string[], actor: Actor): Promise<{ ok: true; value: NumberItem[] } | { ok: false; status: 401; problems: Problem[] }> {
  if (!actor.officeId) return { ok: false, status: 401, problems: [{ code: 'unauthenticated', message: 'Silakan masuk terlebih dahulu', messageEn: 'Please sign in first' }] };
  const roles = numberingRoles(ctx, actor.officeId);
  const letters = new Map((await findLettersByIds(ctx.database.db, actor.officeId, ids)).map((l) => [l.id, l]));
  const out: NumberItem[] = [];
  for (const id of ids) {
    const l = letters.get(id);
    if (!l) {
      out.push({ id, ok: false, code: 'letter-not-found', message: 'Surat tidak ditemukan', messageEn: 'Letter not found' });
      continue;
    }
    if (!actor.roles.some((r) => roles.has(r) || r === l.signer_role)) {
      out.push({ id, ok: false, code: 'numbering-forbidden', message: 'Anda tidak berwenang memberi nomor surat', messageEn: 'You may not number letters' });
      continue;
    }
    if (l.number) {
      out.push({ id, ok: true, number: l.number });
      continue;
    }
    if (l.status !== 'draft' && l.status !== 'ready') {
      out.push({ id, ok: false, code: 'not-numberable', message: 'Surat dibatalkan dan tidak diberi nomor', messageEn: 'The letter is cancelled and gets no number' });
      continue;
    }
    const now = nowOf(ctx).toISOString();
    try {
      const n = await ctx.database.write(async (trx) => {
        const numbered = await assignNumber(trx, ctx, l, actor, now);
        await insertAudit(trx, { officeId: l.office_id, actor: actor.name, action: 'letters.number', subject: `letter:${l.id}`, detail: { number: numbered.number }, at: now });
        return numbered;
      });
      out.push({ id, ok: true, number: n.number! });
    } catch (e) {
      if (!(e instanceof LetterConflict)) throw e;
      out.push({ id, ok: false, code: 'conflict', message: 'Surat baru saja berubah; muat ulang', messageEn: 'The letter just changed; reload' });
    }
  }
  return { ok: true, value: out };
}
