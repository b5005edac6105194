/** Stores an uploaded requirement document content-addressed (sha256) outside the database, checked by its content. */
import { fileTypeFromBuffer } from 'file-type';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { ensurePrivateDir, PRIVATE_FILE } from '../../io/private-files.js';
import { join } from 'node:path';
import { insertUpload } from '../../db/applications-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import { nowOf } from '../context.js';

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

export function uploadPath(ctx: Pick<Ctx, 'uploadsDir'>, sha256: string): string {
  return join(ctx.uploadsDir, sha256.slice(0, 2), sha256);
}

export const fileTooLarge = () => failWith('too-large', 'file-too-large', `Berkas terlalu besar (maksimal ${MAX_UPLOAD_MB} MB)`, `File too large (at most ${MAX_UPLOAD_MB} MB)`);

export async function storeUpload(ctx: Ctx, buf: Buffer, name: string | undefined): Promise<Outcome<StoredUpload>> {
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
  const path = uploadPath(ctx, sha256);
  if (!existsSync(path)) {
    ensurePrivateDir(ctx.uploadsDir);
    ensurePrivateDir(join(ctx.uploadsDir, sha256.slice(0, 2)));
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, buf, { flag: 'w', mode: PRIVATE_FILE });
    renameSync(tmp, path); // atomic: a crash never leaves a half file under the final name
  }
  const id = randomUUID();
  await insertUpload(ctx.database.db, { id, sha256, size: buf.length, mime: type.mime, original_name: name?.slice(0, 200) ?? null, uploaded_at: nowOf(ctx).toISOString() });
  return { ok: true, value: { id, sha256, mime: type.mime, size: buf.length } };
}
