/** Table types of group programmes, quota queues and self-checks (migration 027), merged into DB in schema.ts. */
import type { Generated } from 'kysely';

export interface ProgrammeGroupsTable {
  id: string;
  office_id: string;
  programme_slug: string;
  /** JSON: the Programme as it was at the proposal. */
  programme: string;
  name: string;
  individual: number;
  village: string;
  district: string | null;
  business: string;
  proposal_date: string;
  account_bank: string;
  account_number: string;
  account_holder: string;
  /** JSON RabItem[]. */
  rab: string;
  rab_total: number | string;
  /** proposed | decreed | disbursed | reported */
  status: string;
  decree_number: string | null;
  decree_date: string | null;
  decree_issuer: string | null;
  disbursed_on: string | null;
  disbursed_amount: number | string | null;
  report_due: string | null;
  reported_on: string | null;
  report_note: string | null;
  created_at: string;
  created_by: string;
  version: number;
}

export interface ProgrammeGroupMembersTable {
  id: string;
  group_id: string;
  office_id: string;
  programme_slug: string;
  position: number;
  nik: string;
  kk: string;
  name: string;
  birth_date: string | null;
  role: string | null;
}

export interface ProgrammeQuotasTable {
  office_id: string;
  programme_slug: string;
  period: string;
  quota: number;
  note: string;
  set_at: string;
  set_by: string;
}

export interface ProgrammeQueueTable {
  id: string;
  office_id: string;
  programme_slug: string;
  period: string;
  position: number;
  nik: string;
  name: string;
  category: string;
  registration_number: string | null;
  created_at: string;
  created_by: string;
}

export interface ProgrammeSelfChecksTable {
  seq: Generated<number>;
  office_id: string;
  programme_slug: string;
  nik: string;
  found: number;
  at: string;
}

export interface ProgrammeGroupsTables {
  programme_groups: ProgrammeGroupsTable;
  programme_group_members: ProgrammeGroupMembersTable;
  programme_quotas: ProgrammeQuotasTable;
  programme_queue: ProgrammeQueueTable;
  programme_self_checks: ProgrammeSelfChecksTable;
}
