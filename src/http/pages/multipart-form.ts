/** Reads a multipart form: plain fields, and files stored as uploads keyed by requirement id. */
import type { FastifyRequest } from 'fastify';
import type { FieldProblem } from '../../domain/applications/intake.js';
import type { Ctx } from '../../usecases/context.js';
import { storeUpload } from '../../usecases/store-upload.js';

export async function readIntakeForm(req: FastifyRequest, ctx: Ctx): Promise<{ fields: Record<string, string>; uploads: Record<string, string>; problems: FieldProblem[] }> {
  const fields: Record<string, string> = {};
  const uploads: Record<string, string> = {};
  const problems: FieldProblem[] = [];
  if (!req.isMultipart()) {
    for (const [k, v] of Object.entries((req.body ?? {}) as Record<string, unknown>)) if (typeof v === 'string') fields[k] = v;
    return { fields, uploads, problems };
  }
  for await (const part of req.parts({ limits: { files: 40, fileSize: 5 * 1024 * 1024 } })) {
    if (part.type === 'field') {
      if (typeof part.value === 'string') {
        if (part.value.includes('\u0000'))
          problems.push({ field: part.fieldname, code: 'nul-character', message: 'Isian mengandung karakter NUL yang tidak sah', messageEn: 'Input contains an invalid NUL character' });
        else fields[part.fieldname] = part.value;
      }
      continue;
    }
    const req_id = part.fieldname.replace(/^file\./, '');
    const buf = await part.toBuffer().catch(() => null);
    if (!buf) {
      problems.push({ field: `attachments.${req_id}`, code: 'file-too-large', message: 'Berkas terlalu besar (maksimal 5 MB)', messageEn: 'File too large (at most 5 MB)' });
      continue;
    }
    if (buf.length === 0) continue; // an empty file input
    const r = await storeUpload(ctx, buf, part.filename);
    if (r.ok) uploads[req_id] = r.value.id;
    else problems.push({ field: `attachments.${req_id}`, ...r.error });
  }
  return { fields, uploads, problems };
}
