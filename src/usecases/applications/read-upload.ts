/** An officer opens a document attached to a case of their own office (never another office's). */
import { existsSync } from 'node:fs';
import { uploadOfOfficeCase } from '../../db/applications-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import { uploadPath } from './store-upload.js';

export async function readUpload(ctx: Ctx, officeId: string, uploadId: string): Promise<Outcome<{ path: string; mime: string }>> {
  const row = await uploadOfOfficeCase(ctx.database.db, officeId, uploadId);
  const path = row && uploadPath(ctx, row.sha256);
  if (!row || !path || !existsSync(path)) return failWith('not-found', 'upload-not-found', 'Berkas tidak ditemukan', 'File not found');
  return { ok: true, value: { path, mime: row.mime } };
}
