/** Table types of oversight's counters (migrations 028 and 034), merged into DB in schema.ts. */

export interface OversightCountsTable {
  office_id: string;
  service_id: string;
  month: string;
  status: string;
  on_time: number;
  duration: number;
  n: number;
  applicant_paused: number;
  applicant_pauses: number;
  external_paused: number;
  external_pauses: number;
}

export interface OversightStageCountsTable {
  office_id: string;
  service_id: string;
  month: string;
  stage_id: string;
  started: number;
  finished: number;
  on_time: number;
}

/** The closed-case bars summed per local year of submission (migration 034): oversight_counts with `year` for `month`. */
export type OversightYearCountsTable = Omit<OversightCountsTable, 'month'> & { year: string };

/** Open cases per office, UTC day of submission, service, status and SLA state (migration 034, kept by triggers). */
export interface OversightOpenCountsTable {
  office_id: string;
  utc_day: string;
  service_id: string;
  status: string;
  sla_state: string;
  n: number;
}

export interface SpmNeedsTable {
  id: string;
  office_id: string;
  year: number;
  indicator: string;
  nik: string;
  name: string;
  assessed_on: string;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface OversightApprovalsTable {
  office_id: string;
  period: string;
  step: number;
  locked: number;
  updated_by: string;
  updated_at: string;
}

/** Migration 036: the figures as approved; a reopening closes the row and keeps it. */
export interface OversightSnapshotsTable {
  id: string;
  office_id: string;
  period: string;
  approved_by: string;
  approved_at: string;
  figures: string;
  reopened_by: string | null;
  reopened_at: string | null;
  reopen_reason: string | null;
}

/** Migration 036: a validation finding or an evaluation reminder, once per (office, rule, period, subject). */
export interface OversightNoticesTable {
  id: string;
  office_id: string;
  kind: string;
  rule: string;
  period: string;
  subject: string;
  detail: string;
  roles: string;
  found_at: string;
}

export interface OversightRunsTable {
  office_id: string;
  job: string;
  period: string;
  claimed_at: string;
  notices: number;
}

export interface OversightTables {
  oversight_snapshots: OversightSnapshotsTable;
  oversight_notices: OversightNoticesTable;
  oversight_runs: OversightRunsTable;
  oversight_approvals: OversightApprovalsTable;
  spm_needs: SpmNeedsTable;
  oversight_counts: OversightCountsTable;
  oversight_stage_counts: OversightStageCountsTable;
  oversight_counts_state: { key: string; value: string };
  oversight_open_counts: OversightOpenCountsTable;
  oversight_year_counts: OversightYearCountsTable;
}
