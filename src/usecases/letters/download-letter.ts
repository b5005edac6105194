/** A letter's PDF for staff of its office: the signed file as stored, or a watermarked DRAF preview. */
import { findLetter } from '../../db/letters-repo.js';
import type { Outcome } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import { letterFileMissing, letterNotFound } from './letter-failures.js';
import { pdfFileName, readLetterFile, type LetterFile } from './letter-files.js';
import { renderPreview } from './render-letter.js';

export async function downloadLetter(ctx: Ctx, officeId: string, id: string): Promise<Outcome<LetterFile>> {
  const l = await findLetter(ctx.database.db, officeId, id);
  if (!l) return letterNotFound();
  const pdf = l.sha256 ? readLetterFile(ctx, l.sha256) : await renderPreview(ctx, l);
  if (!pdf) return letterFileMissing();
  return { ok: true, value: { pdf, fileName: pdfFileName(`${l.sha256 ? '' : 'DRAF-'}${l.title}-${l.number ?? 'tanpa-nomor'}`) } };
}
