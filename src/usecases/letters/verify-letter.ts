/**
 * Public verification by the unguessable token printed in the QR code and the short URL. Only
 * letters that were signed are known publicly (a draft, a letter waiting for signature and a
 * cancelled unsigned letter answer "not found"); nothing lists or enumerates letters.
 */
import { findLetterByToken } from '../../db/letters-repo.js';
import { maskNik } from '../../domain/identity/mask.js';
import { publicState, type PublicState } from '../../domain/letters/validity.js';
import type { Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { sha256Hex } from './letter-files.js';
import { storedOffice } from './issue.js';
import { verifyUrlOf } from './templates.js';

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16}$/;

export interface VerifyView {
  valid: boolean;
  status: PublicState;
  office: string;
  officeSlug: string;
  number: string | null;
  title: string;
  issuedAt: string | null;
  issuedOn: string | null;
  validUntil: string | null;
  subject: string;
  holder: { name: string; nik: string | null };
  signer: { name: string; title: string; position: string[]; delegation: string | null; onBehalfOf: string | null } | null;
  sha256: string | null;
  revocation: { at: string | null; reason: string | null; replacedBy: { number: string | null; url: string | null } | null } | null;
  url: string;
}

export async function verifyToken(ctx: Ctx, token: string): Promise<VerifyView | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const db = ctx.database.db;
  const l = await findLetterByToken(db, token);
  if (!l || !l.signed_at) return null;
  const office = storedOffice(ctx, l.office_id).office;
  const today = ctx.clock.localDate(office, nowOf(ctx).toISOString());
  const status = publicState({ status: l.status, validUntil: l.valid_until }, today);
  const s = l.signer ? (JSON.parse(l.signer) as { name: string; title: string; position: string[]; delegation: { kind: string; onBehalfOf: string } | null }) : null;
  let replacedBy: { number: string | null; url: string | null } | null = null;
  if (l.replaced_by) {
    const r = await db.selectFrom('letters').select(['number', 'token', 'signed_at']).where('id', '=', l.replaced_by).where('office_id', '=', l.office_id).executeTakeFirst();
    if (r) replacedBy = { number: r.number, url: r.signed_at ? verifyUrlOf(r.token) : null };
  }
  return {
    valid: status === 'valid',
    status,
    office: office.name,
    officeSlug: office.slug,
    number: l.number,
    title: l.title,
    issuedAt: l.signed_at,
    issuedOn: l.issued_on,
    validUntil: l.valid_until,
    subject: l.subject,
    holder: { name: l.holder_name, nik: l.holder_nik ? maskNik(l.holder_nik) : null },
    signer: s ? { name: s.name, title: s.title, position: s.position, delegation: s.delegation?.kind ?? null, onBehalfOf: s.delegation?.onBehalfOf ?? null } : null,
    sha256: l.sha256,
    revocation: l.status === 'revoked' ? { at: l.revoked_at, reason: l.revocation_reason, replacedBy } : null,
    url: verifyUrlOf(l.token),
  };
}

/** Is an uploaded file byte-identical to the signed letter? */
export function matchesSigned(view: VerifyView, file: Buffer): { sha256: string; match: boolean } {
  const sha256 = sha256Hex(file);
  return { sha256, match: !!view.sha256 && sha256 === view.sha256 };
}
