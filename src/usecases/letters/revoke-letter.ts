/**
 * Revoking a signed letter, with a written reason and, optionally, the letter that replaces it.
 * The letter keeps its number; the verification page shows it as revoked at once.
 */
import { findLetter, findLetterByNumber, insertAudit, insertLetterEvent, updateLetterIfVersion, type Letter } from '../../db/letters-repo.js';
import { fail, failWith, type Outcome, type Problem } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { recordOnCase } from './case-event.js';
import { conflictFailure } from './conflict.js';
import { letterNotFound, manageForbidden } from './letter-failures.js';
import { mayManageLetter } from './signing-authority.js';

export interface Revocation {
  reason?: string;
  /** The replacing letter: its id or its number. */
  replacedBy?: string;
}

export async function revokeLetter(ctx: Ctx, id: string, input: Revocation, actor: Actor): Promise<Outcome<Letter>> {
  if (!actor.officeId) return letterNotFound();
  const db = ctx.database.db;
  const letter = await findLetter(db, actor.officeId, id);
  if (!letter) return letterNotFound();
  if (!(await mayManageLetter(ctx, actor, letter))) return manageForbidden();
  if (letter.status !== 'signed')
    return letter.status === 'revoked'
      ? failWith('conflict', 'not-signed', 'Surat sudah dicabut', 'The letter is already revoked')
      : failWith('conflict', 'not-signed', 'Hanya surat yang sudah ditandatangani yang dapat dicabut; surat yang belum ditandatangani dibatalkan', 'Only a signed letter can be revoked; an unsigned one is cancelled');
  const reason = input.reason?.trim() ?? '';
  const problems: Problem[] = [];
  if (reason.length < 10) problems.push({ code: 'reason-required', message: 'Alasan pencabutan wajib ditulis (minimal 10 karakter); alasan ini tampil di halaman verifikasi', messageEn: 'A revocation reason of at least 10 characters is required; it is shown on the verification page' });
  let replacement: Letter | undefined;
  const ref = input.replacedBy?.trim();
  if (ref) {
    replacement = (await findLetter(db, actor.officeId, ref)) ?? (await findLetterByNumber(db, actor.officeId, ref));
    if (!replacement || replacement.id === letter.id)
      problems.push({ code: 'replacement-not-found', message: `Surat pengganti "${ref}" tidak ditemukan di kantor ini`, messageEn: `Replacing letter "${ref}" not found in this office` });
  }
  if (problems.length) return fail('invalid', ...problems);
  const now = nowOf(ctx).toISOString();
  const set = { status: 'revoked' as const, revoked_at: now, revoked_by: actor.id, revocation_reason: reason, replaced_by: replacement?.id ?? null, updated_at: now };
  const done = await ctx.database.write(async (trx) => {
    if (!(await updateLetterIfVersion(trx, letter.id, letter.version, set))) return false;
    await insertLetterEvent(trx, { letterId: letter.id, officeId: letter.office_id, type: 'revoked', actorId: actor.id, actorName: actor.name, data: { reason, replacedBy: replacement?.number ?? null }, at: now });
    await insertAudit(trx, { officeId: letter.office_id, actor: actor.name, action: 'letters.revoke', subject: `letter:${letter.id}`, detail: { number: letter.number, reason, replacedBy: replacement?.id ?? null }, at: now });
    await recordOnCase(trx, ctx, letter, { type: 'letter-revoked', actor, at: now, note: reason, data: { letter: letter.id, number: letter.number, replacedBy: replacement?.number ?? null } });
    return true;
  });
  if (!done) return conflictFailure();
  return { ok: true, value: { ...letter, ...set, version: letter.version + 1 } };
}
