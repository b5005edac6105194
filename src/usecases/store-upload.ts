/** Stores an uploaded document content-addressed (sha256) outside the database. */
import { fileTypeFromBuffer } from 'file-type';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../domain/errors.js';
import type { Ctx } from './context.js';
import { nowOf } from './context.js';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const ALLOWED_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'];

export function uploadPath(ctx: Ctx, sha256: string): string {
  return join(ctx.uploadsDir, sha256.slice(0, 2), sha256);
}

export async function storeUpload(ctx: Ctx, buf: Buffer, name: string | undefined): Promise<{ ok: true; value: { id: string; sha256: string; mime: string; size: number } } | { ok: false; status: 413 | 415 | 422; error: Problem }> {
  if (buf.length === 0) return { ok: false, status: 422, error: { code: 'file-empty', message: 'Berkas kosong', messageEn: 'The file is empty' } };
  if (buf.length > MAX_UPLOAD_BYTES) return { ok: false, status: 413, error: { code: 'file-too-large', message: 'Berkas terlalu besar (maksimal 5 MB)', messageEn: 'File too large (at most 5 MB)' } };
  const type = await fileTypeFromBuffer(buf);
  if (!type || !ALLOWED_TYPES.includes(type.mime))
    return {
      ok: false,
      status: 415,
      error: {
        code: 'file-type',
        message: `Jenis berkas tidak diterima${type ? ` (${type.mime})` : ''}: hanya PDF, JPEG, PNG atau WebP, diperiksa dari isi berkas`,
        messageEn: `File type not accepted${type ? ` (${type.mime})` : ''}: only PDF, JPEG, PNG or WebP, checked by content`,
      },
    };
  const sha256 = createHash('sha256').update(buf).digest('hex');
  const path = uploadPath(ctx, sha256);
  if (!existsSync(path)) {
    mkdirSync(join(ctx.uploadsDir, sha256.slice(0, 2)), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, buf, { flag: 'w' });
    renameSync(tmp, path); // atomic: a crash never leaves a half file under the final name
  }
  const id = randomUUID();
  await ctx.database.db
    .insertInto('uploads')
    .values({ id, sha256, size: buf.length, mime: type.mime, original_name: name?.slice(0, 200) ?? null, uploaded_at: nowOf(ctx).toISOString() })
    .execute();
  return { ok: true, value: { id, sha256, mime: type.mime, size: buf.length } };
}
