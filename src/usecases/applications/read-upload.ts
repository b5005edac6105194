/**
 * An officer opens a document attached to a case of their own office (never another office's),
 * if their roles hold uploads.read for that case's service (its step roles and the head of
 * office; domain/staff/permissions.ts): ID scans are not for every officer. A document is often
 * an identity card or a family card: the download is logged before it is sent.
 */
import { uploadOfOfficeCase } from '../../db/applications-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { may, scopeOf } from '../../domain/staff/permissions.js';
import type { Actor, Ctx } from '../context.js';
import { logDataRead } from '../audit/log-data-read.js';
import { serviceOfCase } from './service-of-case.js';

export async function readUpload(ctx: Ctx, officer: Pick<Actor, 'id' | 'name' | 'roles'> & { officeId: string }, uploadId: string): Promise<Outcome<{ bytes: Buffer; mime: string }>> {
  const row = await uploadOfOfficeCase(ctx.database.db, officer.officeId, uploadId);
  if (!row || !(await ctx.files.has('uploads', row.sha256))) return failWith('not-found', 'upload-not-found', 'Berkas tidak ditemukan', 'File not found');
  if (!may(officer.roles, 'uploads.read', scopeOf([{ service: await serviceOfCase(ctx, row.service_version_id) }])))
    return failWith('forbidden', 'permission-required', 'Peran Anda tidak dapat membuka dokumen berkas layanan ini', 'Your role cannot open the documents of this service’s cases');
  // The requirement names what the document is ("ktp", "kk", "surat-keterangan-tidak-mampu").
  await logDataRead(ctx, officer, { officeId: officer.officeId, recordKind: 'upload', recordId: uploadId, subjectNik: row.applicant_nik, purpose: 'case-work', action: 'download', fields: [row.requirement_id] });
  const bytes = await ctx.files.get('uploads', row.sha256);
  if (!bytes) return failWith('not-found', 'upload-not-found', 'Berkas tidak ditemukan', 'File not found');
  return { ok: true, value: { bytes, mime: row.mime } };
}
