/**
 * Revoking a signed letter (with a written reason and, optionally, the letter that replaces it)
 * and cancelling an unsigned one. Both keep the letter and its number; the verification page
 * shows a revoked letter as revoked at once.
 */
import { randomUUID } from 'node:crypto';
import { insertEvent } from '../../db/applications-repo.js';
import { findLetter, insertAudit, insertLetterEvent, updateLetterIfVersion } from '../../db/letters-repo.js';
import type { LettersTable } from '../../db/schema-letters.js';
import type { Problem } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { authorityToSign } from './delegations.js';
import { LetterConflict, markCancelled } from './issue.js';

export type LetterActionResult = { ok: true; value: LettersTable } | { ok: false; status: 403 | 404 | 409 | 422; problems: Problem[] };

const notFound: LetterActionResult = { ok: false, status: 404, problems: [{ code: 'letter-not-found', message: 'Surat tidak ditemukan', messageEn: 'Letter not found' }] };

/** Authorised officers: the head of office, the letter's signing role, or its delegate today. */
async function mayManage(ctx: Ctx, actor: Actor, letter: LettersTable): Promise<boolean> {
  if (actor.roles.includes('kepala-dinas') || actor.roles.includes(letter.signer_role)) return true;
  return (await authorityToSign(ctx, ctx.database.db, actor, letter.signer_role)).ok;
}

const forbidden: LetterActionResult = {
  ok: false,
  status: 403,
  problems: [{ code: 'letter-action-forbidden', message: 'Hanya Kepala Dinas atau pejabat penanda tangan surat ini yang dapat mencabut/membatalkannya', messageEn: "Only the head of office or this letter's signing officer can revoke or cancel it" }],
};

export async function revokeLetter(ctx: Ctx, id: string, input: { reason?: string; replacedBy?: string }, actor: Actor): Promise<LetterActionResult> {
  if (!actor.officeId) return notFound;
  const db = ctx.database.db;
  const letter = await findLetter(db, actor.officeId, id);
  if (!letter) return notFound;
  if (!(await mayManage(ctx, actor, letter))) return forbidden;
  if (letter.status !== 'signed')
    return { ok: false, status: 409, problems: [{ code: 'not-signed', message: letter.status === 'revoked' ? 'Surat sudah dicabut' : 'Hanya surat yang sudah ditandatangani yang dapat dicabut; surat yang belum ditandatangani dibatalkan', messageEn: letter.status === 'revoked' ? 'The letter is already revoked' : 'Only a signed letter can be revoked; an unsigned one is cancelled' }] };
  const reason = input.reason?.trim() ?? '';
  const problems: Problem[] = [];
  if (reason.length < 10) problems.push({ code: 'reason-required', message: 'Alasan pencabutan wajib ditulis (minimal 10 karakter); alasan ini tampil di halaman verifikasi', messageEn: 'A revocation reason of at least 10 characters is required; it is shown on the verification page' });
  let replacement: LettersTable | undefined;
  const ref = input.replacedBy?.trim();
  if (ref) {
    replacement = (await findLetter(db, actor.officeId, ref)) ?? (await db.selectFrom('letters').selectAll().where('office_id', '=', actor.officeId).where('number', '=', ref).executeTakeFirst());
    if (!replacement || replacement.id === letter.id)
      problems.push({ code: 'replacement-not-found', message: `Surat pengganti "${ref}" tidak ditemukan di kantor ini`, messageEn: `Replacing letter "${ref}" not found in this office` });
  }
  if (problems.length) return { ok: false, status: 422, problems };
  const now = nowOf(ctx).toISOString();
  const set = { status: 'revoked', revoked_at: now, revoked_by: actor.id, revocation_reason: reason, replaced_by: replacement?.id ?? null, updated_at: now };
  let ok = false;
  await ctx.database.write(async (trx) => {
    ok = await updateLetterIfVersion(trx, letter.id, letter.version, set);
    if (!ok) return;
    await insertLetterEvent(trx, { letterId: letter.id, officeId: letter.office_id, type: 'revoked', actorId: actor.id, actorName: actor.name, data: { reason, replacedBy: replacement?.number ?? null }, at: now });
    await insertAudit(trx, { officeId: letter.office_id, actor: actor.name, action: 'letters.revoke', subject: `letter:${letter.id}`, detail: { number: letter.number, reason, replacedBy: replacement?.id ?? null }, at: now });
    await insertEvent(trx, { id: randomUUID(), application_id: letter.application_id, office_id: letter.office_id, type: 'letter-revoked', step_id: null, outcome: null, actor_id: actor.id, actor_name: actor.name, note: reason, data: JSON.stringify({ letter: letter.id, number: letter.number, replacedBy: replacement?.number ?? null }), sla_effect: null, at: now });
  });
  if (!ok) return { ok: false, status: 409, problems: [{ code: 'conflict', message: 'Surat baru saja berubah; muat ulang', messageEn: 'The letter just changed; reload' }] };
  return { ok: true, value: { ...letter, ...set, version: letter.version + 1 } };
}

export async function cancelLetter(ctx: Ctx, id: string, input: { reason?: string }, actor: Actor): Promise<LetterActionResult> {
  if (!actor.officeId) return notFound;
  const letter = await findLetter(ctx.database.db, actor.officeId, id);
  if (!letter) return notFound;
  if (!(await mayManage(ctx, actor, letter))) return forbidden;
  if (letter.status !== 'draft' && letter.status !== 'ready')
    return { ok: false, status: 409, problems: [{ code: 'not-cancellable', message: 'Hanya surat yang belum ditandatangani yang dapat dibatalkan; surat bertanda tangan dicabut', messageEn: 'Only an unsigned letter can be cancelled; a signed one is revoked' }] };
  const reason = input.reason?.trim() ?? '';
  if (reason.length < 10) return { ok: false, status: 422, problems: [{ code: 'reason-required', message: 'Alasan pembatalan wajib ditulis (minimal 10 karakter)', messageEn: 'A cancellation reason of at least 10 characters is required' }] };
  const now = nowOf(ctx).toISOString();
  try {
    const value = await ctx.database.write(async (trx) => {
      const l = await markCancelled(trx, letter, actor, now, reason);
      await insertAudit(trx, { officeId: letter.office_id, actor: actor.name, action: 'letters.cancel', subject: `letter:${letter.id}`, detail: { number: letter.number, reason }, at: now });
      return l;
    });
    return { ok: true, value };
  } catch (e) {
    if (e instanceof LetterConflict) return { ok: false, status: 409, problems: [{ code: 'conflict', message: 'Surat baru saja berubah; muat ulang', messageEn: 'The letter just changed; reload' }] };
    throw e;
  }
}
