/** Table types of the letters capability, merged into DB in schema.ts. */
import type { Generated } from 'kysely';

export interface LettersTable {
  id: string;
  office_id: string;
  application_id: string;
  service_id: string;
  /** product | document | rejection */
  kind: string;
  letter_type: string;
  template_id: string;
  /** The template's text as it was when the letter was drafted. */
  template_source: string;
  /** The step whose completion drafted the letter (null when drafted at the end of the case). */
  step_id: string | null;
  /** draft | ready | signed | revoked | cancelled */
  status: string;
  /** Unguessable verification token (QR and /v/<token>). */
  token: string;
  number: string | null;
  number_seq: number | null;
  counter: string | null;
  numbered_at: string | null;
  title: string;
  subject: string;
  holder_name: string;
  holder_nik: string | null;
  /** Lower-cased holder and applicant names and registration number, for search (Unicode-aware). */
  search_text: string;
  /** Frozen field values (JSON FieldSet). */
  fields: string;
  paper: string;
  signer_role: string;
  /** JSON { value, unit, text } from the service's product.validity, or null. */
  validity: string | null;
  /** Office-local date of the letter (set at signing). */
  issued_on: string | null;
  valid_until: string | null;
  signed_at: string | null;
  signed_by: string | null;
  /** JSON: name, title, rank, nip, delegation (a.n./Plt.) as printed. */
  signer: string | null;
  sha256: string | null;
  size: number | null;
  /** 'uncertified' (the office's own authority) or 'certified' (a provider); null: signed before digital signatures. */
  signature_kind: string | null;
  /** The certified provider's name (null for the office's own authority). */
  signature_provider: string | null;
  /** Serial (hex) of the certificate whose key signed the PDF. */
  signing_cert_serial: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
  revocation_reason: string | null;
  replaced_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface LetterEventsTable {
  seq: Generated<number>;
  id: string;
  letter_id: string;
  office_id: string;
  type: string;
  actor_id: string | null;
  actor_name: string;
  data: string;
  at: string;
}

export interface LetterDelegationsTable {
  id: string;
  office_id: string;
  /** The signing role delegated (kepala-dinas). */
  role: string;
  from_user: string;
  to_user: string;
  /** "a.n." (atas nama) or "Plt." (pelaksana tugas). */
  kind: string;
  starts_on: string;
  ends_on: string;
  reason: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface LettersTables {
  letters: LettersTable;
  letter_events: LetterEventsTable;
  letter_delegations: LetterDelegationsTable;
}
