/**
 * Answers a data-subject request: gathers the person's export, freezes it (JSON and its SHA-256)
 * on the request, closes the request with the time answered (on time or late, in the audit row),
 * and logs the export in the personal-data read log (purpose subject-access, action export).
 */
import { createHash } from 'node:crypto';
import type { Outcome } from '../../domain/errors.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { logDataRead } from '../audit/log-data-read.js';
import { buildSubjectExport } from './build-subject-export.js';
import { closeRequest, openRequestFor, type SubjectRequestDto } from './subject-requests.js';

/** The groups of data an export hands over, as the read log names them. */
export const EXPORT_FIELDS = ['identity', 'answers', 'events', 'uploads', 'letters', 'complaints', 'registry-lookups', 'processing-record'] as const;

export async function answerSubjectRequest(ctx: Ctx, actor: Actor, id: string): Promise<Outcome<SubjectRequestDto>> {
  const found = await openRequestFor(ctx, actor, id);
  if (!found.ok) return found;
  const { office, request } = found.value;
  const x = await buildSubjectExport(ctx, office, request, nowOf(ctx).toISOString());
  const text = JSON.stringify(x, null, 2);
  const sha256 = createHash('sha256').update(text).digest('hex');
  const r = await closeRequest(ctx, actor, found.value, { status: 'answered', export_json: text, export_sha256: sha256 }, {
    sha256,
    counts: { applications: x.applications.length, letters: x.letters.length, complaints: x.complaints.length, reads: x.processing.reads.length },
  });
  if (!r.ok) return r;
  await logDataRead(ctx, actor, { officeId: office.id, recordKind: 'subject-access', recordId: request.id, subjectNik: request.nik, purpose: 'subject-access', action: 'export', fields: EXPORT_FIELDS });
  return r;
}
