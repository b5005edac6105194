/**
 * Walk-in respondents fill the survey on a kiosk at the counter. Against ballot-stuffing, each
 * kiosk form carries a single-use nonce that is valid for a response only after KIOSK_MIN_SECONDS
 * (nobody answers nine questions faster) and for KIOSK_TTL_MINUTES; the routes also limit
 * responses per IP address. Only the nonce's hash is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import { deleteKioskNoncesBefore, findKioskNonce, insertKioskNonce } from '../../db/surveys-repo.js';
import type { Problem } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import { nowOf } from '../context.js';

export const KIOSK_MIN_SECONDS = 5;
export const KIOSK_TTL_MINUTES = 120;

export const nonceHash = (nonce: string) => createHash('sha256').update(`kiosk:${nonce}`).digest('hex');

export async function issueKioskNonce(ctx: Ctx, officeId: string): Promise<{ nonce: string; notBefore: string; expiresAt: string }> {
  const now = nowOf(ctx);
  const nonce = randomBytes(18).toString('base64url');
  await ctx.database.write(async (trx) => {
    await deleteKioskNoncesBefore(trx, new Date(now.getTime() - 24 * 3600_000).toISOString());
    await insertKioskNonce(trx, { nonce_hash: nonceHash(nonce), office_id: officeId, issued_at: now.toISOString() });
  });
  return { nonce, notBefore: new Date(now.getTime() + KIOSK_MIN_SECONDS * 1000).toISOString(), expiresAt: new Date(now.getTime() + KIOSK_TTL_MINUTES * 60_000).toISOString() };
}

/** Why a nonce cannot be used now (checked before the transaction that consumes it), or null. */
export async function kioskNonceProblem(ctx: Ctx, officeId: string, nonce: string): Promise<Problem | null> {
  const row = typeof nonce === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(nonce) ? await findKioskNonce(ctx.database.db, nonceHash(nonce)) : undefined;
  const now = nowOf(ctx).getTime();
  if (!row || row.office_id !== officeId || row.used_at !== null)
    return { code: 'kiosk-session-invalid', message: 'Formulir kios sudah dipakai atau tidak sah; muat ulang formulir', messageEn: 'This kiosk form was already used or is not valid; reload the form' };
  const issued = Date.parse(row.issued_at);
  if (now < issued + KIOSK_MIN_SECONDS * 1000)
    return { code: 'kiosk-too-fast', message: 'Jawaban dikirim terlalu cepat; baca dan jawab setiap pertanyaan', messageEn: 'Sent too fast; read and answer each question' };
  if (now > issued + KIOSK_TTL_MINUTES * 60_000) return { code: 'kiosk-session-expired', message: 'Formulir kios kedaluwarsa; muat ulang formulir', messageEn: 'The kiosk form expired; reload it' };
  return null;
}
