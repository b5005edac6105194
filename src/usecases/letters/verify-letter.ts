/**
 * Public verification by the unguessable token printed in the QR code and the short URL. Only
 * letters that were signed are known publicly (a draft, a letter waiting for signature and a
 * cancelled unsigned letter answer "not found"); nothing lists or enumerates letters.
 */
import { findLetter, findLetterByToken, type Letter } from '../../db/letters-repo.js';
import { certificateBySerial } from '../../db/signing-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { maskNik } from '../../domain/identity/mask.js';
import { certificateState, signatureHolds, type CertificateState, type SignatureKindName } from '../../domain/letters/signature.js';
import { publicState, type PublicState } from '../../domain/letters/validity.js';
import { inspectPdfSignature, type PdfSignature } from '../../io/pades.js';
import type { Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { readLetterFile, sha256Hex } from './letter-files.js';
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
  /** The PDF's digital signature; null for a letter signed before sigap signed PDFs (it has none). */
  signature: SignatureView | null;
  url: string;
}

export interface SignatureView {
  kind: SignatureKindName;
  provider: string | null;
  /** The stored file's embedded signature verifies over the whole file. */
  intact: boolean;
  /** The certificate's common name, as a PDF reader shows it. */
  signerName: string | null;
  at: string | null;
  /** The signing time, office-local ("Senin, 7 Desember 2026 14.30 WIB"). */
  atLocal: string | null;
  certificate: { serial: string | null; state: CertificateState; revokedAt: string | null; reason: string | null; notAfter: string | null };
  /** Where the certificate chain (PEM) is downloaded. */
  chainPath: string;
}

/** The signature of a stored letter file: its embedded CMS checked, its certificate's state looked up. */
async function signatureOf(ctx: Ctx, l: Letter): Promise<SignatureView | null> {
  if (!l.signature_kind || !l.sha256 || !l.signed_at) return null;
  const file = await readLetterFile(ctx, l.sha256);
  const embedded: PdfSignature = file ? inspectPdfSignature(file) : { present: false };
  const cert = l.signing_cert_serial ? await certificateBySerial(ctx.database.db, l.signing_cert_serial) : undefined;
  const state = certificateState(cert ? { revokedAt: cert.revoked_at, notAfter: cert.not_after } : null, l.signed_at, nowOf(ctx).toISOString());
  const intact = embedded.present && embedded.intact && embedded.wholeFile && (!l.signing_cert_serial || embedded.signerSerial === l.signing_cert_serial);
  return {
    kind: l.signature_kind === 'certified' ? 'certified' : 'uncertified',
    provider: l.signature_provider,
    intact,
    signerName: embedded.present ? embedded.signerName : null,
    at: embedded.present ? embedded.at : null,
    atLocal: embedded.present && embedded.at ? ctx.clock.local(ctx.catalogue.officeById(l.office_id).office, embedded.at) : null,
    certificate: { serial: l.signing_cert_serial, state, revokedAt: cert?.revoked_at ?? null, reason: cert?.revocation_reason ?? null, notAfter: cert?.not_after ?? null },
    chainPath: `/v/${l.token}/sertifikat.pem`,
  };
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
  const signature = await signatureOf(ctx, l);
  const s = l.signer;
  let replacedBy: { number: string | null; url: string | null } | null = null;
  if (l.replaced_by) {
    const r = await findLetter(db, l.office_id, l.replaced_by);
    if (r) replacedBy = { number: r.number, url: r.signed_at ? verifyUrlOf(ctx, r.token) : null };
  }
  return {
    ok: true,
    value: {
      // A letter is valid only while its signature holds (intact, not by a certificate already revoked).
      valid: status === 'valid' && (!signature || signatureHolds(signature.intact, signature.certificate.state)),
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
      signature,
      url: verifyUrlOf(ctx, l.token),
    },
  };
}

/** What an uploaded file's own signature says: none, or intact or not, and by whom. */
export interface EmbeddedCheck {
  present: boolean;
  intact: boolean;
  signerName: string | null;
}

/** Is an uploaded file byte-identical to the signed letter, and does its embedded signature verify? */
export function matchesSigned(view: VerifyView, file: Buffer): { sha256: string; match: boolean; embedded: EmbeddedCheck } {
  const sha256 = sha256Hex(file);
  const e = inspectPdfSignature(file);
  return { sha256, match: !!view.sha256 && sha256 === view.sha256, embedded: e.present ? { present: true, intact: e.intact && e.wholeFile, signerName: e.signerName } : { present: false, intact: false, signerName: null } };
}

/** The certificate chain of a signed letter (signer first, then its issuer), PEM, as embedded in its PDF. */
export async function certificateChain(ctx: Ctx, token: string): Promise<Outcome<{ pem: string; fileName: string }>> {
  if (!TOKEN_PATTERN.test(token)) return unknown();
  const l = await findLetterByToken(ctx.database.db, token);
  if (!l || !l.signed_at || !l.sha256 || !l.signature_kind) return unknown();
  const file = await readLetterFile(ctx, l.sha256);
  const e = file ? inspectPdfSignature(file) : null;
  if (!e?.present || e.certificates.length === 0) return unknown();
  return { ok: true, value: { pem: e.certificates.join(''), fileName: `sertifikat-${(l.number ?? l.token).replace(/[^A-Za-z0-9._-]+/g, '-')}.pem` } };
}
