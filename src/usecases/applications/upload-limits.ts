/**
 * Bounds on anonymous uploads that no case refers to yet. An applicant uploads documents, then
 * submits; an upload that is never attached is kept UPLOAD_UNATTACHED_HOURS (default 24 h, at most
 * 7 days: long enough to finish a refused form the next morning) and then deleted by the sweep.
 * Until then it counts against its sender's address (default 64 MB: a typical service asks for 3–8
 * documents of a few MB each; the largest, adoption, is usually filed at the counter) and against
 * every anonymous sender together (default 1 GB), so a burst fills neither the disk nor the office's
 * share of it. Signed-in staff (counter intake) count against neither. The sender is stored as a
 * keyed hash of the client address (the real one: TRUST_PROXY decides whom X-Forwarded-For is
 * believed from), never the address itself.
 */
import { createHmac } from 'node:crypto';
import { failWith } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import { serverSecret } from '../server-secret.js';

export interface UploadLimits {
  maxAgeHours: number;
  perAddressMb: number;
  totalMb: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { maxAgeHours: 24, perAddressMb: 64, totalMb: 1024 };

export const uploadLimitsOf = (ctx: Pick<Ctx, 'uploadLimits'>): UploadLimits => ctx.uploadLimits ?? DEFAULT_UPLOAD_LIMITS;

/** Since when an unattached upload still counts (and is kept). */
export const unattachedSince = (limits: UploadLimits, now: Date) => new Date(now.getTime() - limits.maxAgeHours * 3_600_000).toISOString();

/** The stored name of an anonymous sender: a keyed hash of the address, not the address. */
export async function uploaderKey(ctx: Pick<Ctx, 'caches' | 'dataDir' | 'secretKey'>, address: string): Promise<string> {
  return createHmac('sha256', await serverSecret(ctx, 'uploads')).update(address).digest('hex').slice(0, 32);
}

export const addressQuotaFull = (limits: UploadLimits) =>
  failWith(
    'too-large',
    'upload-quota-address',
    `Terlalu banyak berkas diunggah dari alamat ini yang belum dilampirkan pada permohonan (batas ${limits.perAddressMb} MB per ${limits.maxAgeHours} jam). Kirim permohonan dengan berkas yang sudah diunggah, atau datang ke loket.`,
    `Too many files uploaded from this address that are not yet attached to an application (limit ${limits.perAddressMb} MB per ${limits.maxAgeHours} hours). Submit the application with the files already uploaded, or come to the counter.`,
  );

export const totalQuotaFull = () =>
  failWith(
    'too-large',
    'upload-quota-total',
    'Layanan unggah sedang penuh. Coba lagi beberapa jam lagi, atau datang ke loket dengan dokumen asli.',
    'The upload service is full right now. Try again in a few hours, or come to the counter with the original documents.',
  );
