/**
 * The complainant's key to a complaint: its receipt number and tracking code. A wrong code and an
 * unknown number give exactly the same answer, so the code cannot be guessed number by number.
 */
import { serverSecret } from '../server-secret.js';
import { findComplaintsByReceipt, type Complaint } from '../../db/complaints-repo.js';
import { isReceiptNumber } from '../../domain/complaints/index.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import { trackingCodeHash } from '../../domain/applications/codes.js';
import { COMPLAINT_SECRET } from './file-complaint.js';

export interface TrackingKey {
  receipt: string;
  code: string;
}

const notTracked = () => failWith('not-found', 'complaint-not-found', 'Nomor pengaduan atau kode pelacakan tidak cocok', 'Complaint number or tracking code does not match');

export async function findTrackedComplaint(ctx: Ctx, key: TrackingKey): Promise<Outcome<Complaint>> {
  const number = key.receipt.trim().toUpperCase();
  const code = key.code.trim().toUpperCase();
  if (!isReceiptNumber(number) || !/^[A-Z0-9]{8}$/.test(code)) return notTracked();
  const secret = await serverSecret(ctx, COMPLAINT_SECRET);
  const hash = trackingCodeHash(secret, code);
  const found = (await findComplaintsByReceipt(ctx.database.db, number)).find((c) => c.trackingCodeHash === hash);
  return found ? { ok: true, value: found } : notTracked();
}

/** A complainant's action lost the race with another change of the complaint. */
export const changedMeanwhile = () => failWith('conflict', 'conflict', 'Pengaduan baru saja berubah; muat ulang', 'The complaint just changed; reload');
