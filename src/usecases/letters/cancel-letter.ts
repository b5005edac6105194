/**
 * Cancelling an unsigned letter, with a written reason; it keeps its number (never reused). A case
 * that waited for it alone moves on (settle-case.ts).
 */
import { findLetter, insertAudit, type Letter } from '../../db/letters-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { isUnsigned } from '../../domain/letters/status.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { conflictFailure, orOnConflict } from './conflict.js';
import { letterNotFound, manageForbidden } from './letter-failures.js';
import { markCancelled } from './mark-cancelled.js';
import { settleCase } from './settle-case.js';
import { mayManageLetter } from './signing-authority.js';

export async function cancelLetter(ctx: Ctx, id: string, input: { reason?: string }, actor: Actor): Promise<Outcome<Letter>> {
  if (!actor.officeId) return letterNotFound();
  const letter = await findLetter(ctx.database.db, actor.officeId, id);
  if (!letter) return letterNotFound();
  if (!(await mayManageLetter(ctx, actor, letter))) return manageForbidden();
  if (!isUnsigned(letter.status))
    return failWith('conflict', 'not-cancellable', 'Hanya surat yang belum ditandatangani yang dapat dibatalkan; surat bertanda tangan dicabut', 'Only an unsigned letter can be cancelled; a signed one is revoked');
  const reason = input.reason?.trim() ?? '';
  if (reason.length < 10) return failWith('invalid', 'reason-required', 'Alasan pembatalan wajib ditulis (minimal 10 karakter)', 'A cancellation reason of at least 10 characters is required');
  const now = nowOf(ctx).toISOString();
  return orOnConflict(
    async () => ({
      ok: true as const,
      value: await ctx.database.write(async (trx) => {
        const l = await markCancelled(trx, letter, actor, now, reason);
        await insertAudit(trx, { officeId: letter.office_id, actor: actor.name, action: 'letters.cancel', subject: `letter:${letter.id}`, detail: { number: letter.number, reason }, at: now });
        // A case that waited only for this letter is not left waiting for a letter that will never be signed.
        await settleCase(trx, ctx, l, actor, now);
        return l;
      }),
    }),
    conflictFailure,
  );
}
