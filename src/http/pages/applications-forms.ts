/**
 * The intake form as posted (multipart: fields and files), shaped like the JSON body of
 * POST /api/v1/applications and checked with the same zod schema, so a form and the API agree.
 */
import type { FastifyRequest } from 'fastify';
import type { FieldProblem } from '../../domain/errors.js';
import { NOTIFY_CHANNELS } from '../../domain/notifications/consent.js';
import { fileTooLarge, MAX_UPLOAD_BYTES, storeUpload } from '../../usecases/applications/store-upload.js';
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
const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Bounds of one intake form: every question, requirement, "shown" box and kept upload is a
 * field, and the largest standard has ~40 of them; 300 leaves room while bounding the parser.
 */
const INTAKE_LIMITS = { files: 40, fields: 300, fileSize: MAX_UPLOAD_BYTES, fieldSize: 64 * 1024 };
// throwFileSizeLimit is honoured by parts() though its type leaves it out: a truncated file is then
// reported by part.file.truncated instead of failing the whole request.
const PARTS_OPTIONS = { limits: INTAKE_LIMITS, throwFileSizeLimit: false };

/**
 * Reads a posted intake form; each file is stored as an upload as it arrives. A file that is too
 * large becomes a problem beside its field (not a 413 page that wipes the form), and uploads kept
 * from an earlier, refused attempt ("kept.<requirement>") stand unless a new file replaces them.
 */
export async function readIntakeForm(req: FastifyRequest, ctx: Ctx): Promise<PostedForm> {
  const uploads: Record<string, string> = {};
  const names: Record<string, string> = {};
  const problems: FieldProblem[] = [];
  if (!req.isMultipart()) {
    const fields = formFields(req.body);
    return { fields, uploads, problems, csrfOk: csrfValid(req, fields._csrf) };
  }
  const fields: Record<string, string> = {};
  for await (const part of req.parts(PARTS_OPTIONS)) {
    if (part.type === 'field') {
      if (typeof part.value !== 'string') continue;
      if (part.value.includes('\u0000')) problems.push({ field: part.fieldname, ...NUL });
      else fields[part.fieldname] = part.value;
      continue;
    }
    const requirement = part.fieldname.replace(/^file\./, '');
    const buf = await part.toBuffer();
    if (part.file.truncated) {
      const big = fileTooLarge().error.problems[0]!;
      problems.push({ ...big, field: `attachments.${requirement}`, message: `${part.filename}: ${big.message}`, messageEn: `${part.filename}: ${big.messageEn}` });
      continue;
    }
    if (buf.length === 0) continue; // an empty file input
    const r = await storeUpload(ctx, buf, part.filename, req.officer ? null : { address: req.ip });
    if (r.ok) {
      uploads[requirement] = r.value.id;
      names[requirement] = part.filename;
    } else problems.push(...r.error.problems.map((p) => ({ ...p, field: `attachments.${requirement}` })));
  }
  for (const [k, id] of Object.entries(fields)) {
    if (!k.startsWith('kept.')) continue;
    const requirement = k.slice(5);
    if (UPLOAD_ID.test(id) && !uploads[requirement]) {
      uploads[requirement] = id;
      names[requirement] = fields[`keptName.${requirement}`]?.slice(0, 200) ?? '';
    }
  }
  // What the form shows again if it is refused: every upload so far, so nothing is attached twice.
  for (const [r, id] of Object.entries(uploads)) {
    fields[`kept.${r}`] = id;
    fields[`keptName.${r}`] = names[r] ?? '';
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
    if (v === '' || k.startsWith('kept')) continue;
    if (k.startsWith('applicant.')) applicant[k.slice(10)] = k === 'applicant.residentOfRegion' ? v === 'true' : v;
    else if (k.startsWith('reporter.')) reporter[k.slice(9)] = v;
    else if (k.startsWith('answers.')) answers[k.slice(8)] = v;
  }
  // The channel boxes: the form always says it asked, so ticking none is a choice too (no messages).
  if (fields['notify.asked'] === '1') applicant.notify = { channels: NOTIFY_CHANNELS.filter((c) => fields[`notify.${c}`] === 'true') };
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
