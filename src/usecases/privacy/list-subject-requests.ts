/** The office's data-subject requests for staff, open ones first by due time, each with its clock state. */
import { listSubjectRequests } from '../../db/privacy-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { subjectRequestAccess } from '../../domain/privacy/index.js';
import type { Actor, Ctx } from '../context.js';
import { requestDto, type SubjectRequestDto } from './subject-requests.js';

export async function listSubjectRequestsFor(ctx: Ctx, actor: Actor, limit = 200): Promise<Outcome<{ requests: SubjectRequestDto[]; canAnswer: boolean; canRecord: boolean }>> {
  if (!actor.officeId) return failWith('unauthenticated', 'unauthenticated', 'Masuk terlebih dahulu', 'Sign in first');
  const access = subjectRequestAccess(actor.roles);
  if (!access.view) return failWith('forbidden', 'not-a-request-reader', 'Peran Anda tidak menangani permintaan data pribadi', 'Your role does not handle personal-data requests');
  const office = ctx.catalogue.officeById(actor.officeId);
  const rows = await listSubjectRequests(ctx.database.db, office.id, limit);
  return { ok: true, value: { requests: rows.map((r) => requestDto(ctx, office.office, r)), canAnswer: access.answer, canRecord: access.record } };
}
