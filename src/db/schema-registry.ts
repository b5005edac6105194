/** Table types of the registry capability, merged into DB in schema.ts (docs/REGISTRY.md). */
import type { Generated } from 'kysely';

export interface RegistrySnapshotsTable {
  id: string;
  office_id: string;
  /** The extract's period, 'YYYY-MM'. */
  period: string;
  /** loading | complete | refused | failed | abandoned */
  status: string;
  /** 1 for the complete snapshot readers use for its period (at most one per office and period). */
  current_for_period: number;
  /** registry_rows_<id without dashes>: the snapshot's rows. */
  table_name: string;
  source_name: string | null;
  source_sha256: string;
  source_size: number;
  /** csv | xlsx */
  source_kind: string;
  importer_id: string | null;
  importer_name: string;
  started_at: string;
  completed_at: string | null;
  /** When a later import of the same period replaced it as current. */
  replaced_at: string | null;
  /** Updated while loading; a stale one (or a dead pid on this host) marks a dead import. */
  heartbeat_at: string;
  host: string;
  pid: number;
  /** hashing | loading | indexing | comparing | publishing | done */
  phase: string;
  rows_read: number;
  bytes_read: number;
  rows_accepted: number | null;
  rows_rejected: number | null;
  rows_unchanged: number | null;
  /** Rejected-rows report (CSV: baris, kolom, alasan), kept under DATA_DIR/registry/reports. */
  report_path: string | null;
  /** JSON: counts, mapping, encoding, separator, threshold, problems. */
  summary: string;
}

export interface RegistryImportLocksTable {
  office_id: string;
  snapshot_id: string;
  host: string;
  pid: number;
  heartbeat_at: string;
}

/** The columns every access log shares: who read, when, in which office, in the office's chain. */
export interface AccessLogColumns {
  seq: Generated<number>;
  id: string;
  office_id: string;
  at: string;
  actor_id: string | null;
  actor_name: string;
  /** JSON array of the actor's roles. */
  roles: string;
  /** The audit chain (db/audit-chain-repo.ts). */
  prev_hash: string;
  hash: string;
}

export interface RegistryAccessLogTable extends AccessLogColumns {
  /** ACCESS_ACTIONS (domain/registry/snapshots.ts): lookup-nik | lookup-kk | export-rows | export-person | report */
  action: string;
  nik: string | null;
  kk: string | null;
  snapshot_id: string | null;
  application_id: string | null;
  reason: string | null;
  found: number | null;
  /** JSON: rows returned, masking, filters. */
  detail: string;
}

export interface RegistryProposalsTable {
  id: string;
  office_id: string;
  application_id: string | null;
  service_id: string | null;
  /** dtks | pbi-jk */
  kind: string;
  nik: string;
  kk: string | null;
  name: string;
  /** intake | surveyed | finalised | approved | rejected | not-proposed | confirmed */
  stage: string;
  siksng_reference: string | null;
  ministry_reference: string | null;
  confirmed_snapshot_id: string | null;
  confirmed_at: string | null;
  opened_at: string;
  updated_at: string;
  version: number;
}

export interface RegistryProposalEventsTable {
  seq: Generated<number>;
  id: string;
  proposal_id: string;
  office_id: string;
  type: string;
  stage: string;
  actor_id: string | null;
  actor_name: string;
  note: string | null;
  data: string;
  at: string;
}

/**
 * One row of a snapshot table (registry_rows_<id>): the typed columns readers query, and the row's
 * cells (every column of the extract, in file order, normalised where mapped, separated by U+001F;
 * the snapshot's summary holds the header and mapping to read them).
 */
export interface RegistryRowTable {
  row_no: number;
  nik: string;
  kk: string;
  desil: number | null;
  pkh: number | null;
  bpnt: number | null;
  pbi: number | null;
  row_hash: number;
  cells: string;
}

export interface RegistryTables {
  registry_snapshots: RegistrySnapshotsTable;
  registry_import_locks: RegistryImportLocksTable;
  registry_access_log: RegistryAccessLogTable;
  registry_proposals: RegistryProposalsTable;
  registry_proposal_events: RegistryProposalEventsTable;
}
