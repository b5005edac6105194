/**
 * A letter's PDF for staff of its office: the signed file as stored, or, before signing, the
 * preview of the letter as it will be signed (watermarked, "PRATINJAU / PREVIEW — belum
 * ditandatangani", no number or QR yet). Opening a preview is written to the audit log: it shows
 * a citizen's data before the letter exists officially. Every staff download is also a logged read
 * of the person's data (data_access_log), committed before the file is returned: a preview is read
 * to check it before signing ('signing'), a signed letter for the case's work.
 */
import { findApplication } from '../../db/applications-repo.js';
import { findLetter, insertAudit } from '../../db/letters-repo.js';
import type { Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { logDataRead } from '../audit/log-data-read.js';
import { letterFileMissing, letterNotFound } from './letter-failures.js';
import { pdfFileName, readLetterFile, type LetterFile } from './letter-files.js';
import { renderPreview } from './render-letter.js';

export async function downloadLetter(ctx: Ctx, officeId: string, id: string, actor: Actor): Promise<Outcome<LetterFile>> {
  const l = await findLetter(ctx.database.db, officeId, id);
  if (!l) return letterNotFound();
  const pdf = l.sha256 ? await readLetterFile(ctx, l.sha256) : await renderPreview(ctx, l);
  if (!pdf) return letterFileMissing();
  const app = await findApplication(ctx.database.db, officeId, l.application_id);
  await logDataRead(ctx, actor, { officeId, recordKind: 'letter', recordId: l.id, subjectNik: app?.applicant_nik ?? null, purpose: l.sha256 ? 'case-work' : 'signing', action: 'download', fields: [l.sha256 ? 'signed-pdf' : 'preview-pdf'] });
  if (!l.sha256)
    await insertAudit(ctx.database.db, { officeId: l.office_id, actor: actor.name, action: 'letters.preview', subject: `letter:${l.id}`, detail: { status: l.status, number: l.number, actorId: actor.id }, at: nowOf(ctx).toISOString() });
  return { ok: true, value: { pdf, fileName: pdfFileName(`${l.sha256 ? '' : 'PRATINJAU-DRAF-'}${l.title}-${l.number ?? 'tanpa-nomor'}`) } };
}
