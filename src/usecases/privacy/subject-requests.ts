/**
 * What the data-subject request use cases share: the secret of their tracking codes, the one
 * "not found", and a request as screens and the API show it (clock state and local times).
 */
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { closeSubjectRequest, findSubjectRequest, type SubjectRequest } from '../../db/privacy-repo.js';
import type { StoredOffice } from '../../db/standards-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { hoursLeft, officeLocal, requestClockState, subjectRequestAccess, type RequestClockState } from '../../domain/privacy/index.js';
import type { Office } from '../../domain/standards/schema.js';
import { nowOf, type Actor, type Ctx } from '../context.js';

/** The server secret the requests' tracking codes are derived with (apart from cases' and complaints'). */
export const REQUEST_SECRET = 'subject-request';

export const requestNotFound = () => failWith('not-found', 'subject-request-not-found', 'Permintaan tidak ditemukan', 'Request not found');

export type SubjectRequestDto = {
  id: string;
  number: string;
  channel: string;
  nik: string;
  name: string;
  contact: string;
  proof: Record<string, unknown>;
  status: string;
  receivedAt: string;
  receivedAtLocal: string;
  dueAt: string;
  dueAtLocal: string;
  closedAt: string | null;
  closedAtLocal: string | null;
  closedBy: string | null;
  refusalReason: string | null;
  clock: RequestClockState;
  hoursLeft: number;
  exportReady: boolean;
  exportSha256: string | null;
};

export function requestDto(ctx: Ctx, office: Office, r: SubjectRequest): SubjectRequestDto {
  const now = nowOf(ctx).toISOString();
  const local = (iso: string) => officeLocal(iso, office.timezone);
  return {
    id: r.id,
    number: r.number,
    channel: r.channel,
    nik: r.nik,
    name: r.name,
    contact: r.contact,
    proof: r.proof,
    status: r.status,
    receivedAt: r.receivedAt,
    receivedAtLocal: local(r.receivedAt),
    dueAt: r.dueAt,
    dueAtLocal: local(r.dueAt),
    closedAt: r.closedAt,
    closedAtLocal: r.closedAt && local(r.closedAt),
    closedBy: r.closedBy,
    refusalReason: r.refusalReason,
    clock: requestClockState(r.dueAt, now, r.closedAt),
    hoursLeft: hoursLeft(r.dueAt, now),
    exportReady: r.status === 'answered' && r.hasExport,
    exportSha256: r.exportSha256,
  };
}

/** A request an officer may close: their office's, still open, and they may answer requests. */
export async function openRequestFor(ctx: Ctx, actor: Actor, id: string): Promise<Outcome<{ office: StoredOffice; request: SubjectRequest }>> {
  if (!actor.officeId) return requestNotFound();
  if (!subjectRequestAccess(actor.roles).answer)
    return failWith('forbidden', 'not-an-answerer', 'Hanya kepala dinas atau administrator yang dapat menjawab permintaan data pribadi', 'Only the head of office or an administrator may answer a personal-data request');
  const office = ctx.catalogue.officeById(actor.officeId);
  const request = await findSubjectRequest(ctx.database.db, office.id, id);
  if (!request) return requestNotFound();
  if (request.status !== 'open') return alreadyClosed();
  return { ok: true, value: { office, request } };
}

export const alreadyClosed = () => failWith('conflict', 'subject-request-closed', 'Permintaan ini sudah dijawab atau ditolak', 'This request has already been answered or refused');

/** Closes the request and writes its audit row in one transaction; a lost race is a conflict. */
export async function closeRequest(
  ctx: Ctx,
  actor: Actor,
  o: { office: StoredOffice; request: SubjectRequest },
  set: { status: 'answered' | 'refused'; refusal_reason?: string | null; export_json?: string | null; export_sha256?: string | null },
  detail: Record<string, unknown>,
): Promise<Outcome<SubjectRequestDto>> {
  const now = nowOf(ctx).toISOString();
  const closed = await ctx.database.write(async (trx) => {
    if (!(await closeSubjectRequest(trx, o.request.id, o.request.version, { ...set, closed_at: now, closed_by: actor.name }))) return false;
    const onTime = Date.parse(now) <= Date.parse(o.request.dueAt);
    await insertAuditEvent(trx, {
      officeId: o.office.id,
      actor: actor.name,
      action: set.status === 'answered' ? 'privacy.export' : 'privacy.refuse',
      subject: `subject-request:${o.request.id}`,
      detail: { number: o.request.number, onTime, actorId: actor.id, ...detail },
      at: now,
    });
    return true;
  });
  if (!closed) return alreadyClosed();
  const after = await findSubjectRequest(ctx.database.db, o.office.id, o.request.id);
  return { ok: true, value: requestDto(ctx, o.office.office, after!) };
}
