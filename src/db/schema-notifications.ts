/** Table types of the notification outbox (migration 015). */

export interface OutboxTable {
  id: string;
  office_id: string;
  /** The case the message is about; null for a complaint's message (migration 022: exactly one of the two). */
  application_id: string | null;
  /** Migration 022: the complaint the message is about (its receipt or answer). */
  complaint_id: string | null;
  /** Migration 023: the officer a staff message is addressed to (null for the citizen's messages). */
  staff_user_id: string | null;
  /** The case event (or complaint event) that caused the message; with channel, unique. */
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
  /** Migration 016: the provider's message id (WhatsApp wamid, Twilio SID). */
  provider_id: string | null;
  /** The provider's receipt: sent | delivered | read | failed. */
  delivery: string | null;
  delivery_at: string | null;
  /** JSON [{channel,to}]: the channels still to try after this one. */
  chain: string;
  /** JSON NoticeFacts, so the next channel words the notice its own way. */
  facts: string | null;
  fallback_from: string | null;
  fallen_back_at: string | null;
  segments: number | null;
  /** 1 for an emergency service's message: no quiet hours. */
  urgent: number;
}

export interface NotifySettingsTable {
  office_id: string;
  settings: string;
  secrets: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface NotifyInboundTable {
  office_id: string;
  phone: string;
  last_at: string;
}

export interface NotificationsTables {
  outbox: OutboxTable;
  notify_settings: NotifySettingsTable;
  notify_inbound: NotifyInboundTable;
}
