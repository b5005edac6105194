/**
 * Stores an uploaded requirement document content-addressed (sha256) outside the database, checked
 * by its content. An anonymous sender's unattached uploads are bounded (upload-limits.ts): the
 * check and the row are one transaction under the quota lock, which the sweep of unattached
 * uploads takes too, so a burst cannot slip past the limit and the sweep never deletes a file a
 * new row has just named.
 */
import { fileTypeFromBuffer } from 'file-type';
import { createHash, randomUUID } from 'node:crypto';
import { contentsInUse, insertUpload, lockUploadQuota, unattachedBytes } from '../../db/applications-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { addressQuotaFull, totalQuotaFull, unattachedSince, uploaderKey, uploadLimitsOf } from './upload-limits.js';

/** Megabytes per document: a phone camera's photo of a KK is often 5–8 MB, so 5 MB turned people away. */
export const MAX_UPLOAD_MB = 10;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;
export const ALLOWED_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'];

export interface StoredUpload {
  id: string;
  sha256: string;
  mime: string;
  size: number;
}

export const fileTooLarge = () => failWith('too-large', 'file-too-large', `Berkas terlalu besar (maksimal ${MAX_UPLOAD_MB} MB)`, `File too large (at most ${MAX_UPLOAD_MB} MB)`);

/**
 * `from`: the anonymous sender's client address (bounded), or null for signed-in staff and the
 * system (unbounded: counter intake must never be refused because of a public burst).
 */
export async function storeUpload(ctx: Ctx, buf: Buffer, name: string | undefined, from: { address: string } | null = null): Promise<Outcome<StoredUpload>> {
  if (buf.length === 0) return failWith('invalid', 'file-empty', 'Berkas kosong', 'The file is empty');
  if (buf.length > MAX_UPLOAD_BYTES) return fileTooLarge();
  const type = await fileTypeFromBuffer(buf);
  if (!type || !ALLOWED_TYPES.includes(type.mime))
    return failWith(
      'unsupported',
      'file-type',
      `Jenis berkas tidak diterima${type ? ` (${type.mime})` : ''}: hanya PDF, JPEG, PNG atau WebP, diperiksa dari isi berkas`,
      `File type not accepted${type ? ` (${type.mime})` : ''}: only PDF, JPEG, PNG or WebP, checked by content`,
    );
  const sha256 = createHash('sha256').update(buf).digest('hex');
  const limits = uploadLimitsOf(ctx);
  const uploader = from ? await uploaderKey(ctx, from.address) : null;
  const id = randomUUID();
  const now = nowOf(ctx);
  // The file first: a backup copies the database, then the files, so a committed row's file must already exist.
  await ctx.files.put('uploads', sha256, buf);
  const refused = await ctx.database.write(async (trx) => {
    await lockUploadQuota(trx);
    if (uploader !== null) {
      const since = unattachedSince(limits, now);
      const full =
        (await unattachedBytes(trx, since, uploader)) + buf.length > limits.perAddressMb * 1024 * 1024
          ? addressQuotaFull(limits)
          : (await unattachedBytes(trx, since, null)) + buf.length > limits.totalMb * 1024 * 1024
            ? totalQuotaFull()
            : null;
      if (full) {
        // Refused: the file goes too, unless a row names the same content (checked under the lock).
        if (!(await contentsInUse(trx, [sha256])).size) await ctx.files.remove('uploads', sha256);
        return full;
      }
    }
    await insertUpload(trx, { id, sha256, size: buf.length, mime: type.mime, original_name: name?.slice(0, 200) ?? null, uploaded_at: now.toISOString(), uploader });
    return null;
  });
  if (refused) return refused;
  // Once more after the commit: a sweep (or a refused twin) that removed the same content meanwhile left no file.
  await ctx.files.put('uploads', sha256, buf);
  return { ok: true, value: { id, sha256, mime: type.mime, size: buf.length } };
}
