/** Table types of the notification outbox (migration 015). */

export interface OutboxTable {
  id: string;
  office_id: string;
  application_id: string;
  /** The case event that caused the message; with channel, unique. */
  event_id: string;
  channel: string;
  kind: string;
  recipient: string;
  subject: string;
  body: string;
  /** queued | sending | sent | failed */
  status: string;
  attempts: number;
  next_attempt_at: string;
  /** Recorded before each send and used as the Message-ID; kept across a resend after a crash. */
  attempt_id: string | null;
  /** Until when a claimed message belongs to the worker that claimed it. */
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface NotificationsTables {
  outbox: OutboxTable;
}
