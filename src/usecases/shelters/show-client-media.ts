/**
 * One photo or video of a client, for `shelters.sensitive` only (specific personal data): each view
 * is logged with its purpose before the bytes are answered.
 */
import { findMedia, findStay } from '../../db/shelters-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { logDataRead } from '../audit/log-data-read.js';
import type { Actor, Ctx } from '../context.js';
import { officeFor, stayNotFound } from './shelters-common.js';

export async function showClientMedia(ctx: Ctx, actor: Actor, stayId: string, mediaId: string): Promise<Outcome<{ bytes: Buffer; mime: string }>> {
  const office = officeFor(actor, 'shelters.sensitive');
  if (!office.ok) return office;
  const db = ctx.database.db;
  const s = await findStay(db, office.value, stayId);
  if (!s) return stayNotFound();
  const m = await findMedia(db, office.value, s.id, mediaId);
  const missing = () => failWith('not-found', 'media-not-found', 'Foto/video klien tidak ditemukan', 'Client photo or video not found');
  if (!m) return missing();
  await logDataRead(ctx, actor, { officeId: office.value, recordKind: 'shelter-client', recordId: s.id, subjectNik: s.client_nik, purpose: 'shelter-care', action: 'download', fields: [m.mime.startsWith('video/') ? 'video' : 'photo'] });
  const bytes = await ctx.files.get('uploads', m.sha256);
  return bytes ? { ok: true, value: { bytes, mime: m.mime } } : missing();
}
