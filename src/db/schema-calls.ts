/** Table types of the call tasks (migration 017). */

export interface CallTasksTable {
  id: string;
  office_id: string;
  application_id: string;
  service_id: string;
  promise_id: string;
  role: string;
  /** When the case reached the promised moment (ISO): the clock of the call runs from here. */
  due_from: string;
  /** open | done */
  status: string;
  attempts: number;
  /** tersambung | tidak-diangkat | nomor-salah */
  last_outcome: string | null;
  last_at: string | null;
  first_attempt_at: string | null;
  done_at: string | null;
  done_by: string | null;
}

export interface CallsTables {
  call_tasks: CallTasksTable;
}
