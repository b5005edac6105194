/**
 * A client's photo or video (Banjarmasin 11's "Foto Calon Klien", "Video"; Banjarmasin 9 "dilengkapi
 * dengan dokumentasi"): specific personal data, stored by content in the file store and named only by
 * the stay's own row, never by a case upload (so no case page or upload link shows it); viewing it
 * needs `shelters.sensitive` and is logged (show-client-media.ts). A child's needs the guardian's
 * consent on record first (UU 27/2022 Pasal 25). Audited.
 */
import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { consentsOfStay, insertMedia, insertShelterEvent } from '../../db/shelters-repo.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { bad, stayToActOn } from './shelters-common.js';

/** A phone's video of a minute or two; photos are far smaller. */
export const MAX_MEDIA_MB = 25;
export const MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'video/mp4', 'video/webm', 'video/quicktime'];

export async function addClientMedia(ctx: Ctx, actor: Actor, stayId: string, file: { buf: Buffer }, caption?: string): Promise<Outcome<{ id: string; mime: string; size: number }>> {
  const found = await stayToActOn(ctx, actor, 'shelters.admit', stayId);
  if (!found.ok) return found;
  const { stay: s, now, child } = found.value;
  const db = ctx.database.db;
  if (child && !(await consentsOfStay(db, s.id)).length)
    return fail('conflict', bad('media', 'guardian-consent-required', 'Foto/video anak hanya disimpan setelah persetujuan orang tua/wali dicatat (UU 27/2022 Pasal 25)', "A child's photo or video is kept only once a parent's or guardian's consent is recorded (Law 27/2022 Art. 25)"));
  if (!file.buf.length) return fail('invalid', bad('media', 'file-empty', 'Berkas kosong', 'The file is empty'));
  if (file.buf.length > MAX_MEDIA_MB * 1024 * 1024) return failWith('too-large', 'file-too-large', `Berkas terlalu besar (maksimal ${MAX_MEDIA_MB} MB)`, `File too large (at most ${MAX_MEDIA_MB} MB)`);
  const type = await fileTypeFromBuffer(file.buf);
  if (!type || !MEDIA_TYPES.includes(type.mime))
    return fail('invalid', bad('media', 'file-type', `Jenis berkas tidak diterima${type ? ` (${type.mime})` : ''}: hanya foto JPEG, PNG, WebP atau video MP4, WebM, MOV, diperiksa dari isi berkas`, `File type not accepted${type ? ` (${type.mime})` : ''}: only JPEG, PNG, WebP photos or MP4, WebM, MOV videos, checked by content`));
  const sha256 = createHash('sha256').update(file.buf).digest('hex');
  // The file first: a backup copies the database, then the files, so a committed row's file exists.
  await ctx.files.put('uploads', sha256, file.buf);
  const id = randomUUID();
  const data = { media: id, mime: type.mime, size: file.buf.length };
  await ctx.database.write(async (trx) => {
    await insertMedia(trx, { id, office_id: s.office_id, stay_id: s.id, sha256, mime: type.mime, size: file.buf.length, caption: caption?.trim() || null, uploaded_by: actor.id!, uploaded_at: now });
    await insertShelterEvent(trx, { stay_id: s.id, office_id: s.office_id, type: 'media-added', actor_id: actor.id, actor_name: actor.name, data, at: now });
    await insertAuditEvent(trx, { officeId: s.office_id, actor: actor.name, action: 'shelter.media-added', subject: `shelter-stay:${s.id}`, detail: { ...data, sha256, actorId: actor.id }, at: now });
  });
  return { ok: true, value: { id, mime: type.mime, size: file.buf.length } };
}
