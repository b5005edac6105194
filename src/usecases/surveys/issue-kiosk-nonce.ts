/** A new kiosk form for an office: a single-use nonce (only its hash is stored); day-old nonces are swept. */
import { randomBytes } from 'node:crypto';
import type { StoredOffice } from '../../db/standards-repo.js';
import { deleteKioskNoncesBefore, insertKioskNonce } from '../../db/surveys-repo.js';
import { nowOf, type Ctx } from '../context.js';
import { KIOSK_MIN_SECONDS, KIOSK_TTL_MINUTES, nonceHash } from './kiosk-nonce.js';

export interface KioskNonce {
  nonce: string;
  /** The earliest a response with it is taken. */
  notBefore: string;
  expiresAt: string;
}

export async function issueKioskNonce(ctx: Ctx, office: StoredOffice): Promise<KioskNonce> {
  const now = nowOf(ctx);
  const nonce = randomBytes(18).toString('base64url');
  await ctx.database.write(async (trx) => {
    await deleteKioskNoncesBefore(trx, new Date(now.getTime() - 24 * 3600_000).toISOString());
    await insertKioskNonce(trx, { nonce_hash: nonceHash(nonce), office_id: office.id, issued_at: now.toISOString() });
  });
  return { nonce, notBefore: new Date(now.getTime() + KIOSK_MIN_SECONDS * 1000).toISOString(), expiresAt: new Date(now.getTime() + KIOSK_TTL_MINUTES * 60_000).toISOString() };
}
