/** Finds a case by registration number and tracking code; a wrong number and a wrong code look the same. */
import { findByRegistrationNumber, type Case } from '../../db/applications-repo.js';
import { REGISTRATION_NUMBER, TRACKING_CODE, trackingCodeHash } from '../../domain/applications/codes.js';
import type { Ctx } from '../context.js';
import { serverSecret } from '../server-secret.js';

export async function findTrackedCase(ctx: Ctx, registrationNumber: string, code: string): Promise<Case | null> {
  if (!REGISTRATION_NUMBER.test(registrationNumber) || !TRACKING_CODE.test(code)) return null;
  const hash = trackingCodeHash(await serverSecret(ctx, 'tracking'), code);
  const rows = await findByRegistrationNumber(ctx.database.db, registrationNumber);
  return rows.find((r) => r.tracking_code_hash === hash) ?? null;
}
