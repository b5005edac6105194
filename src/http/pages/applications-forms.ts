/**
 * The intake form as posted (multipart: fields and files), shaped like the JSON body of
 * POST /api/v1/applications and checked with the same zod schema, so a form and the API agree.
 */
import type { FastifyRequest } from 'fastify';
import type { FieldProblem } from '../../domain/errors.js';
import { MAX_UPLOAD_BYTES, storeUpload } from '../../usecases/applications/store-upload.js';
import type { SubmitInput } from '../../usecases/applications/submit-application.js';
import type { Ctx } from '../../usecases/context.js';
import { submitBody } from '../api/applications-schemas.js';
import { csrfValid } from '../auth.js';
import { formFields, zodProblems } from '../reply.js';

export interface PostedForm {
  fields: Record<string, string>;
  /** Stored uploads by requirement id. */
  uploads: Record<string, string>;
  problems: FieldProblem[];
  /** The form carried the session's CSRF token (always true without a cookie session). */
  csrfOk: boolean;
}

const NUL = { code: 'nul-character', message: 'Isian mengandung karakter NUL yang tidak sah', messageEn: 'Input contains an invalid NUL character' };
const TOO_LARGE = { code: 'file-too-large', message: 'Berkas terlalu besar (maksimal 5 MB)', messageEn: 'File too large (at most 5 MB)' };

/** Reads a posted intake form; each file is stored as an upload as it arrives. */
export async function readIntakeForm(req: FastifyRequest, ctx: Ctx): Promise<PostedForm> {
  const uploads: Record<string, string> = {};
  const problems: FieldProblem[] = [];
  if (!req.isMultipart()) {
    const fields = formFields(req.body);
    return { fields, uploads, problems, csrfOk: csrfValid(req, fields._csrf) };
  }
  const fields: Record<string, string> = {};
  for await (const part of req.parts({ limits: { files: 40, fileSize: MAX_UPLOAD_BYTES } })) {
    if (part.type === 'field') {
      if (typeof part.value !== 'string') continue;
      if (part.value.includes('\u0000')) problems.push({ field: part.fieldname, ...NUL });
      else fields[part.fieldname] = part.value;
      continue;
    }
    const requirement = part.fieldname.replace(/^file\./, '');
    const buf = await part.toBuffer().catch(() => null);
    if (!buf) {
      problems.push({ field: `attachments.${requirement}`, ...TOO_LARGE });
      continue;
    }
    if (buf.length === 0) continue; // an empty file input
    const r = await storeUpload(ctx, buf, part.filename);
    if (r.ok) uploads[requirement] = r.value.id;
    else problems.push(...r.error.problems.map((p) => ({ ...p, field: `attachments.${requirement}` })));
  }
  return { fields, uploads, problems, csrfOk: csrfValid(req, fields._csrf) };
}

/** Flat form fields ("applicant.name", "answers.x", "shown.req") and uploads in the JSON body's shape, checked by its schema. */
export function intakeFromForm(office: string, service: string, form: Pick<PostedForm, 'fields' | 'uploads'>): { ok: true; value: SubmitInput } | { ok: false; problems: FieldProblem[] } {
  const { fields, uploads } = form;
  const applicant: Record<string, unknown> = {};
  const reporter: Record<string, unknown> = {};
  const answers: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === '') continue;
    if (k.startsWith('applicant.')) applicant[k.slice(10)] = k === 'applicant.residentOfRegion' ? v === 'true' : v;
    else if (k.startsWith('reporter.')) reporter[k.slice(9)] = v;
    else if (k.startsWith('answers.')) answers[k.slice(8)] = v;
  }
  const requirements = new Set([...Object.keys(uploads), ...Object.keys(fields).filter((k) => k.startsWith('shown.')).map((k) => k.slice(6))]);
  const attachments = [...requirements].map((r) => ({ requirement: r, ...(uploads[r] ? { upload: uploads[r] } : {}), ...(fields[`shown.${r}`] === 'true' ? { shown: true } : {}) }));
  const body = {
    office,
    service,
    applicant,
    reporter: Object.keys(reporter).length ? reporter : undefined,
    answers,
    attachments,
    ...(fields.initiator ? { initiator: fields.initiator } : {}),
    ...(fields.channel ? { channel: fields.channel } : {}),
  };
  const parsed = submitBody.safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: zodProblems(parsed.error) };
}
