/**
 * The state of a letter's digital signature as the verification page says it: which kind, and
 * whether the certificate that signed it was in force when it signed. Pure.
 */

/** 'uncertified': the office's own authority; 'certified': a certification provider (PSrE, e.g. BSrE). */
export const SIGNATURE_KINDS = ['uncertified', 'certified'] as const;
export type SignatureKindName = (typeof SIGNATURE_KINDS)[number];

/**
 * valid: neither revoked nor ended; expired-after-signing: ended since, signed while in force;
 * revoked-after-signing: revoked since, the signature made before stays valid;
 * revoked-before-signing: it was already revoked (from the stated instant) when it signed, so the
 * signature is not valid; unknown: no record of it (a provider's certificate, or a restored database).
 */
export const CERTIFICATE_STATES = ['valid', 'expired-after-signing', 'revoked-after-signing', 'revoked-before-signing', 'unknown'] as const;
export type CertificateState = (typeof CERTIFICATE_STATES)[number];

export function certificateState(cert: { revokedAt: string | null; notAfter: string } | null, signedAt: string, now: string): CertificateState {
  if (!cert) return 'unknown';
  if (cert.revokedAt) return Date.parse(cert.revokedAt) <= Date.parse(signedAt) ? 'revoked-before-signing' : 'revoked-after-signing';
  if (Date.parse(cert.notAfter) < Date.parse(now)) return 'expired-after-signing';
  return 'valid';
}

/** A signature the public may rely on: intact over the stored file and not made by a revoked certificate. */
export const signatureHolds = (intact: boolean, state: CertificateState) => intact && state !== 'revoked-before-signing';
