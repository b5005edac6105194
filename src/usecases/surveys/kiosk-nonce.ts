/**
 * Walk-in respondents fill the survey on a kiosk at the counter. Against ballot-stuffing, each
 * kiosk form carries a single-use nonce that is valid for a response only after KIOSK_MIN_SECONDS
 * (nobody answers nine questions faster) and for KIOSK_TTL_MINUTES; the routes also limit
 * responses per IP address. Only the nonce's hash is stored.
 */
import { createHash } from 'node:crypto';
import { findKioskNonce } from '../../db/surveys-repo.js';
import type { Failure } from '../../domain/errors.js';
import { nowOf, type Ctx } from '../context.js';

export const KIOSK_MIN_SECONDS = 5;
export const KIOSK_TTL_MINUTES = 120;

export const nonceHash = (nonce: string) => createHash('sha256').update(`kiosk:${nonce}`).digest('hex');

/**
 * Why a nonce cannot be used now (checked before the transaction that consumes it), or null. A
 * used or foreign form is a conflict (reload it); one sent too early or too late is invalid.
 */
export async function kioskNonceFailure(ctx: Ctx, officeId: string, nonce: string): Promise<Failure | null> {
  const row = /^[A-Za-z0-9_-]{16,64}$/.test(nonce) ? await findKioskNonce(ctx.database.db, nonceHash(nonce)) : undefined;
  const now = nowOf(ctx).getTime();
  const refuse = (kind: 'conflict' | 'invalid', code: string, message: string, messageEn: string): Failure => ({ kind, problems: [{ field: 'kioskNonce', code, message, messageEn }] });
  if (!row || row.office_id !== officeId || row.used_at !== null)
    return refuse('conflict', 'kiosk-session-invalid', 'Formulir kios sudah dipakai atau tidak sah; muat ulang formulir', 'This kiosk form was already used or is not valid; reload the form');
  const issued = Date.parse(row.issued_at);
  if (now < issued + KIOSK_MIN_SECONDS * 1000) return refuse('invalid', 'kiosk-too-fast', 'Jawaban dikirim terlalu cepat; baca dan jawab setiap pertanyaan', 'Sent too fast; read and answer each question');
  if (now > issued + KIOSK_TTL_MINUTES * 60_000) return refuse('invalid', 'kiosk-session-expired', 'Formulir kios kedaluwarsa; muat ulang formulir', 'The kiosk form expired; reload it');
  return null;
}
