/**
 * Reads a posted questionnaire spreadsheet (multipart: `file`, `service`, `_csrf`), for the API and
 * the staff page alike: the one place a survey upload is read. The CSRF token is among the fields,
 * so the caller checks it (csrfValid) after reading.
 */
import type { FastifyRequest } from 'fastify';
import { MAX_SURVEY_XLSX_BYTES } from '../../usecases/surveys/import-survey-xlsx.js';
import { formFields, wholeFile } from '../reply.js';

export interface SurveyXlsxUpload {
  fields: Record<string, string>;
  /** The file's bytes; null when no (or an empty) file was sent. */
  file: Buffer | null;
  /** The file was larger than MAX_SURVEY_XLSX_BYTES (it was not kept). */
  tooLarge: boolean;
}

export async function readSurveyXlsxUpload(req: FastifyRequest): Promise<SurveyXlsxUpload> {
  const fields: Record<string, string> = {};
  let file: Buffer | null = null;
  let tooLarge = false;
  if (!req.isMultipart()) return { fields: formFields(req.body), file, tooLarge };
  for await (const part of req.parts({ limits: { files: 1, fileSize: MAX_SURVEY_XLSX_BYTES } })) {
    if (part.type === 'field') {
      if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      continue;
    }
    const buf = await wholeFile(part);
    if (!buf) tooLarge = true;
    else if (buf.length) file = buf;
  }
  return { fields, file, tooLarge };
}

