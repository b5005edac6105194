/** Table types of programme cycles and disbursement (migration 026), merged into DB in schema.ts. */
export interface ProgrammeBudgetsTable {
  office_id: string;
  programme_slug: string;
  period: string;
  amount: number;
  note: string;
  set_by: string;
  set_at: string;
}

export interface ProgrammeCyclesTable {
  id: string;
  office_id: string;
  programme_slug: string;
  round_id: string;
  period: string;
  category: string;
  seq: number;
  of_count: number;
  due_month: string;
  /** cash | in-kind */
  kind: string;
  amount: number | null;
  decree_number: string;
  /** draft | approved | paid | delivered | closed */
  status: string;
  recipients: number;
  excluded: number;
  total: number;
  snapshot_id: string | null;
  created_at: string;
  created_by: string;
  approved_at: string | null;
  approved_by: string | null;
  closed_at: string | null;
  closed_by: string | null;
  close_note: string | null;
  version: number;
}

export interface ProgrammeCycleRecipientsTable {
  id: string;
  cycle_id: string;
  row_no: number;
  candidate_id: string;
  nik: string;
  name: string;
  village: string | null;
  amount: number | null;
  /** included | excluded */
  status: string;
  reason: string | null;
  flag: string | null;
  /** JSON FrozenFacts. */
  facts: string;
  /** pending | paid | failed | delivered */
  payment: string;
  batch_id: string | null;
  attempts: number;
}

export interface ProgrammeBatchesTable {
  id: string;
  cycle_id: string;
  office_id: string;
  seq: number;
  bank: string;
  /** exported | settled */
  status: string;
  /** first | retry */
  purpose: string;
  rows: number;
  total: number;
  sha256: string;
  created_at: string;
  created_by: string;
  settled_at: string | null;
  settled_by: string | null;
}

export interface ProgrammeTransfersTable {
  reference: string;
  batch_id: string;
  recipient_id: string;
  amount: number;
  /** pending | paid | failed */
  result: string;
  bank_note: string | null;
  settled_at: string | null;
}

export interface ProgrammeExitsTable {
  id: string;
  office_id: string;
  programme_slug: string;
  period: string;
  nik: string;
  name: string;
  reason: string;
  note: string | null;
  exit_date: string;
  recorded_by: string;
  recorded_at: string;
}

export interface ProgrammeEvaluationsTable {
  id: string;
  office_id: string;
  programme_slug: string;
  period: string;
  nik: string;
  name: string;
  /** memenuhi | tidak-memenuhi */
  result: string;
  reason: string | null;
  evaluated_by: string;
  role: string;
  evaluated_at: string;
}

/** One delivery act (migration 032): delivered with its proof, or failed with a reason; every act kept. */
export interface ProgrammeDeliveriesTable {
  id: string;
  cycle_id: string;
  recipient_id: string;
  /** delivered | failed */
  result: string;
  receiver_name: string | null;
  relation: string | null;
  delivered_at: string | null;
  lat: number | null;
  lng: number | null;
  photo_upload_id: string | null;
  /** JSON string[]: the decree's condition checks confirmed. */
  checks: string;
  reason: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface ProgrammeCyclesTables {
  programme_deliveries: ProgrammeDeliveriesTable;
  programme_evaluations: ProgrammeEvaluationsTable;
  programme_budgets: ProgrammeBudgetsTable;
  programme_cycles: ProgrammeCyclesTable;
  programme_cycle_recipients: ProgrammeCycleRecipientsTable;
  programme_batches: ProgrammeBatchesTable;
  programme_transfers: ProgrammeTransfersTable;
  programme_exits: ProgrammeExitsTable;
}
