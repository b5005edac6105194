/** Table types for Kysely. Timestamps are ISO 8601 UTC strings and JSON is text, so one set of
 * queries serves SQLite and PostgreSQL alike. */
import type { Generated } from 'kysely';

export interface OfficesTable {
  id: string;
  slug: string;
  current_version_id: string | null;
  created_at: string;
}

export interface OfficeVersionsTable {
  id: string;
  office_id: string;
  version: number;
  content_hash: string;
  content: string;
  decree_number: string | null;
  decree_date: string | null;
  loaded_at: string;
}

export interface ServicesTable {
  id: string;
  office_id: string;
  slug: string;
  no: number;
  current_version_id: string | null;
  /** 0 when the service disappeared from the office's latest standard. */
  active: number;
  created_at: string;
}

export interface ServiceVersionsTable {
  id: string;
  service_id: string;
  office_version_id: string;
  version: number;
  content_hash: string;
  content: string;
  loaded_at: string;
}

export interface AuditEventsTable {
  seq: Generated<number>;
  id: string;
  office_id: string | null;
  actor: string;
  action: string;
  subject: string;
  detail: string;
  at: string;
}

export interface DB {
  offices: OfficesTable;
  office_versions: OfficeVersionsTable;
  services: ServicesTable;
  service_versions: ServiceVersionsTable;
  audit_events: AuditEventsTable;
}
