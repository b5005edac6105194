/** The applicant's download from tracking: a signed letter of their case, reached with its tracking code. */
import { findLetter } from '../../db/letters-repo.js';
import type { Outcome } from '../../domain/errors.js';
import { findTrackedCase } from '../applications/find-tracked-case.js';
import type { Ctx } from '../context.js';
import { letterFileMissing, letterNotFound } from './letter-failures.js';
import { pdfFileName, readLetterFile, type LetterFile } from './letter-files.js';

/** A wrong code, another case's letter and an unsigned letter all look the same: not found. */
export async function downloadTrackedLetter(ctx: Ctx, registrationNumber: string, code: string, id: string): Promise<Outcome<LetterFile>> {
  const found = await findTrackedCase(ctx, registrationNumber, code);
  const letter = found ? await findLetter(ctx.database.db, found.office_id, id) : undefined;
  if (!found || !letter || letter.application_id !== found.id || letter.status !== 'signed' || !letter.sha256) return letterNotFound();
  const pdf = await readLetterFile(ctx, letter.sha256);
  if (!pdf) return letterFileMissing();
  return { ok: true, value: { pdf, fileName: pdfFileName(`${letter.title}-${letter.number ?? ''}`) } };
}
