/** Table types of the programmes capability, merged into DB in schema.ts (docs/PROGRAMMES.md). */
import type { Generated } from 'kysely';

export interface ProgrammeRoundsTable {
  id: string;
  office_id: string;
  programme_slug: string;
  /** JSON: the Programme as it was when the round opened. */
  programme: string;
  /** The programme period, e.g. '2026'. */
  period: string;
  /** 'Tahap I', 'Tahap II', … */
  stage: string;
  reference_date: string;
  snapshot_id: string | null;
  /** verifying | reported | decreed */
  status: string;
  created_at: string;
  created_by: string;
  version: number;
  /** Migration 026: the round whose SK this amending round changes (replacement of recipients who left). */
  amends_round_id?: string | null;
}

export interface ProgrammeCandidatesTable {
  id: string;
  round_id: string;
  office_id: string;
  nik: string;
  kk: string | null;
  name: string;
  birth_date: string | null;
  sex: string | null;
  village: string | null;
  district: string | null;
  address: string | null;
  category: string;
  /** registry | village | applications */
  source: string;
  source_note: string | null;
  /** eligible | unknown */
  screening: string;
  /** JSON Check[] (domain/programmes/eligibility.ts). */
  checks: string;
  /** pending | eligible | ineligible */
  verification: string;
  reason: string | null;
  verified_at: string | null;
  verified_by: string | null;
  verified_by_name: string | null;
  verified_role: string | null;
  created_at: string;
  version: number;
}

export interface ProgrammeVerificationsTable {
  seq: Generated<number>;
  id: string;
  candidate_id: string;
  round_id: string;
  office_id: string;
  result: string;
  reason: string | null;
  actor_id: string | null;
  actor_name: string;
  role: string;
  at: string;
}

export interface ProgrammeDocumentsTable {
  id: string;
  round_id: string;
  office_id: string;
  /** berita-acara | sk */
  kind: string;
  number: string;
  number_seq: number;
  counter: string;
  token: string;
  issued_on: string;
  signed_at: string;
  signed_by: string;
  /** JSON SignerRecord as printed. */
  signer: string;
  sha256: string;
  size: number;
  public_sha256: string;
  public_size: number;
  /** JSON DocumentPerson[]. */
  people: string;
  created_at: string;
}

export interface ProgrammesTables {
  programme_rounds: ProgrammeRoundsTable;
  programme_candidates: ProgrammeCandidatesTable;
  programme_verifications: ProgrammeVerificationsTable;
  programme_documents: ProgrammeDocumentsTable;
}
