/**
 * Paper questionnaires typed into a spreadsheet, imported at once into the officer's office: all
 * or nothing, every wrong row named by its spreadsheet row number.
 */
import type { StoredOffice } from '../../db/standards-repo.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { submitSurveyBatch, type SavedBatch } from './submit-batch.js';
import { parseSurveyXlsx } from './survey-sheet.js';

export const MAX_SURVEY_XLSX_BYTES = 5 * 1024 * 1024;

export interface SurveyUpload {
  /** The XLSX file, or null when none was sent. */
  file: Buffer | null;
  /** The file sent was over MAX_SURVEY_XLSX_BYTES (and was not kept). */
  tooLarge?: boolean;
  /** The service of every row that names none. */
  service?: string | undefined;
}

export async function importSurveyXlsx(ctx: Ctx, actor: Actor, office: StoredOffice, upload: SurveyUpload): Promise<Outcome<SavedBatch>> {
  if (upload.tooLarge) return failWith('too-large', 'file-too-large', 'Berkas terlalu besar (maksimal 5 MB)', 'File too large (at most 5 MB)', 'file');
  if (!upload.file) return failWith('invalid', 'file-required', 'Unggah berkas XLSX', 'Upload an XLSX file', 'file');
  const parsed = await parseSurveyXlsx(upload.file, office);
  if (parsed.problems.length) return fail('invalid', ...parsed.problems);
  return submitSurveyBatch(ctx, actor, { office: office.office.slug, service: upload.service || undefined, responses: parsed.responses, rowNumbers: parsed.rowNumbers, source: 'import' });
}
