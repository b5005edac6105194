/** Table types of letter signing keys (migration 014): each office's authority and its signers' certificates. */

/** What every key sigap holds has: its certificate and its sealed private key. */
interface KeyRecord {
  id: string;
  office_id: string;
  /** 1, 2, … per office (authorities) or per signer (certificates); unique, so two first uses cannot both create one. */
  generation: number;
  serial: string;
  common_name: string;
  cert_pem: string;
  /** The private key, AES-256-GCM sealed (io/sealed-keys.ts), bound to the serial. */
  key_sealed: string;
  not_before: string;
  not_after: string;
  created_at: string;
}

/** An office's own certificate authority for uncertified signatures (the highest generation not retired is current; rotation retires it). */
export interface SigningAuthoritiesTable extends KeyRecord {
  retired_at: string | null;
}

/** A signer's certificate, issued by the office authority; the highest generation per signer is current. */
export interface SigningCertificatesTable extends KeyRecord {
  authority_id: string;
  user_id: string;
  /** Replaced by a newer certificate (rotation): earlier signatures stay valid. */
  superseded_at: string | null;
  /** Revoked from this instant on: signatures made at or after it are not valid, and it signs no more. */
  revoked_at: string | null;
  revocation_reason: string | null;
  revoked_by: string | null;
}

export interface SigningTables {
  signing_authorities: SigningAuthoritiesTable;
  signing_certificates: SigningCertificatesTable;
}
