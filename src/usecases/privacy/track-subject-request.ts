/**
 * The person's view of their request, by its number and tracking code (sent in a POST body, never
 * in a URL): status, due time, the answer time, a refusal's reason, and whether the export is ready.
 * A wrong number and a wrong code give the same "not found". Nothing else about the person is shown.
 */
import { findSubjectRequestByNumber, type SubjectRequest } from '../../db/privacy-repo.js';
import type { StoredOffice } from '../../db/standards-repo.js';
import { trackingCodeHash } from '../../domain/applications/codes.js';
import type { Outcome } from '../../domain/errors.js';
import { isRequestNumber } from '../../domain/privacy/index.js';
import type { Ctx } from '../context.js';
import { serverSecret } from '../server-secret.js';
import { REQUEST_SECRET, requestDto, requestNotFound } from './subject-requests.js';

export interface RequestKey {
  number: string;
  code: string;
}

export type TrackedRequestDto = Pick<
  ReturnType<typeof requestDto>,
  'number' | 'status' | 'receivedAtLocal' | 'dueAtLocal' | 'closedAtLocal' | 'refusalReason' | 'clock' | 'hoursLeft' | 'exportReady' | 'exportSha256'
> & { office: { slug: string; name: string } };

/** The request behind a number and code, or the one not-found. */
export async function findTrackedRequest(ctx: Ctx, key: RequestKey): Promise<Outcome<{ office: StoredOffice; request: SubjectRequest }>> {
  const number = key.number.trim().toUpperCase();
  const code = key.code.trim().toUpperCase();
  if (!isRequestNumber(number) || !/^[A-Z0-9]{8}$/.test(code)) return requestNotFound();
  const hash = trackingCodeHash(await serverSecret(ctx, REQUEST_SECRET), code);
  const r = await findSubjectRequestByNumber(ctx.database.db, number);
  if (!r || r.trackingCodeHash !== hash) return requestNotFound();
  return { ok: true, value: { office: ctx.catalogue.officeById(r.officeId), request: r } };
}

export async function trackSubjectRequest(ctx: Ctx, key: RequestKey): Promise<Outcome<TrackedRequestDto>> {
  const found = await findTrackedRequest(ctx, key);
  if (!found.ok) return found;
  const { office, request } = found.value;
  const d = requestDto(ctx, office.office, request);
  return {
    ok: true,
    value: {
      office: { slug: office.office.slug, name: office.office.name },
      number: d.number,
      status: d.status,
      receivedAtLocal: d.receivedAtLocal,
      dueAtLocal: d.dueAtLocal,
      closedAtLocal: d.closedAtLocal,
      refusalReason: d.refusalReason,
      clock: d.clock,
      hoursLeft: d.hoursLeft,
      exportReady: d.exportReady,
      exportSha256: d.exportSha256,
    },
  };
}
