/** One data-subject request for staff of its office; another office's request does not exist here. */
import { findSubjectRequest } from '../../db/privacy-repo.js';
import type { Outcome } from '../../domain/errors.js';
import { subjectRequestAccess } from '../../domain/privacy/index.js';
import { logDataRead } from '../audit/log-data-read.js';
import type { Actor, Ctx } from '../context.js';
import { requestDto, requestNotFound, type SubjectRequestDto } from './subject-requests.js';

export async function showSubjectRequest(ctx: Ctx, actor: Actor, id: string): Promise<Outcome<SubjectRequestDto & { canAnswer: boolean; version: number }>> {
  // A role that does not handle requests finds none (the list says why).
  if (!actor.officeId || !subjectRequestAccess(actor.roles).view) return requestNotFound();
  const office = ctx.catalogue.officeById(actor.officeId);
  const r = await findSubjectRequest(ctx.database.db, office.id, id);
  if (!r) return requestNotFound();
  // The request names a person (NIK, name, contact): its reading is logged like any other record's.
  await logDataRead(ctx, actor, { officeId: office.id, recordKind: 'subject-access', recordId: r.id, subjectNik: r.nik, purpose: 'subject-access', fields: ['identity', 'contact'] });
  return { ok: true, value: { ...requestDto(ctx, office.office, r), canAnswer: subjectRequestAccess(actor.roles).answer, version: r.version } };
}
