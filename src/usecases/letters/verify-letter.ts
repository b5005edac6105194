/**
 * Public verification by the unguessable token printed in the QR code and the short URL. Only
 * letters that were signed are known publicly (a draft, a letter waiting for signature and a
 * cancelled unsigned letter answer "not found"); nothing lists or enumerates letters.
 */
import { findLetter, findLetterByToken } from '../../db/letters-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { maskNik } from '../../domain/identity/mask.js';
import { publicState, type PublicState } from '../../domain/letters/validity.js';
import type { Ctx } from '../context.js';
import { sha256Hex } from './letter-files.js';
import { verifyUrlOf } from './templates.js';
import { todayAt } from './today.js';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16}$/;

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

const unknown = () => failWith('not-found', 'letter-not-found', 'Surat dengan kode verifikasi ini tidak dikenal', 'No letter has this verification code');

/** What anyone may know of the signed letter carrying `token`, today. */
export async function verifyLetter(ctx: Ctx, token: string): Promise<Outcome<VerifyView>> {
  if (!TOKEN_PATTERN.test(token)) return unknown();
  const db = ctx.database.db;
  const l = await findLetterByToken(db, token);
  if (!l || !l.signed_at) return unknown();
  const office = ctx.catalogue.officeById(l.office_id).office;
  const status = publicState({ status: l.status, validUntil: l.valid_until }, todayAt(ctx, office));
  const s = l.signer;
  let replacedBy: { number: string | null; url: string | null } | null = null;
  if (l.replaced_by) {
    const r = await findLetter(db, l.office_id, l.replaced_by);
    if (r) replacedBy = { number: r.number, url: r.signed_at ? verifyUrlOf(ctx, r.token) : null };
  }
  return {
    ok: true,
    value: {
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
      url: verifyUrlOf(ctx, l.token),
    },
  };
}

/** Is an uploaded file byte-identical to the signed letter? */
export function matchesSigned(view: VerifyView, file: Buffer): { sha256: string; match: boolean } {
  const sha256 = sha256Hex(file);
  return { sha256, match: !!view.sha256 && sha256 === view.sha256 };
}
