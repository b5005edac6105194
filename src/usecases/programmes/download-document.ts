/**
 * A round's signed document as PDF: the full copy for officers (a logged read: it lists NIKs), and
 * the public copy (NIK masked) for anyone holding the token printed in its QR code.
 */
import { documentByToken, documentsOfRound, findRound } from '../../db/programmes-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { logDataRead } from '../audit/log-data-read.js';
import type { Actor, Ctx } from '../context.js';
import { pdfFileName, readLetterFile, type LetterFile } from '../letters/letter-files.js';
import { officeOf } from './programmes-of.js';

const missing = () => failWith('not-found', 'document-not-found', 'Dokumen tidak ditemukan', 'Document not found');

export async function downloadDocument(ctx: Ctx, actor: Actor, roundId: string, documentId: string): Promise<Outcome<LetterFile>> {
  const officeId = officeOf(actor);
  if (!officeId.ok) return officeId;
  const round = await findRound(ctx.database.db, officeId.value, roundId);
  const doc = round && (await documentsOfRound(ctx.database.db, round.id)).find((d) => d.id === documentId);
  if (!doc) return missing();
  await logDataRead(ctx, actor, { officeId: officeId.value, recordKind: 'letter', recordId: doc.id, purpose: 'programme-verification', action: 'download', fields: ['nik', 'name'] });
  const pdf = await readLetterFile(ctx, doc.sha256);
  return pdf ? { ok: true, value: { pdf, fileName: pdfFileName(`${doc.kind}-${doc.number}`) } } : missing();
}

export async function downloadPublicDocument(ctx: Ctx, token: string): Promise<Outcome<LetterFile>> {
  if (!/^[A-Za-z0-9_-]{20,40}$/.test(token)) return missing();
  const doc = await documentByToken(ctx.database.db, token);
  const pdf = doc && (await readLetterFile(ctx, doc.public_sha256));
  return doc && pdf ? { ok: true, value: { pdf, fileName: pdfFileName(`${doc.kind}-${doc.number}-publik`) } } : missing();
}
