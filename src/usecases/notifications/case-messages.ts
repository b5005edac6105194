/** The messages a case or a complaint caused, with their status, for the staff timeline (times in the office's zone). */
import { complaintMessagesOf, messagesOf } from '../../db/notifications-repo.js';
import type { OutboxTable } from '../../db/schema-notifications.js';
import type { Ctx } from '../context.js';

export interface CaseMessage {
  /** The case event that caused it: the timeline shows the message right after it. */
  eventId: string;
  kind: string;
  channel: string;
  /** queued | sending | sent | failed */
  status: string;
  attempts: number;
  at: string;
  atLocal: string;
  sentLocal: string | null;
  /** When a queued message is tried next (after a failure). */
  nextLocal: string | null;
  lastError: string | null;
  /** The provider's receipt (WhatsApp, SMS): sent | delivered | read | failed. */
  delivery?: string | null;
  deliveryLocal?: string | null;
  /** The channel this message took over from, when the first one failed or was not confirmed. */
  fallbackFrom?: string | null;
  /** When this message handed over to the next channel. */
  fellBackLocal?: string | null;
  /** SMS: segments the text costs (over 1 is flagged). */
  segments?: number | null;
}

export async function caseMessages(ctx: Ctx, app: { id: string; office_id: string }): Promise<CaseMessage[]> {
  return lines(ctx, app.office_id, await messagesOf(ctx.database.db, app.id));
}

/** A complaint's messages to the complainant (receipt, answer), for its staff timeline. */
export async function complaintMessages(ctx: Ctx, c: { id: string; officeId: string }): Promise<CaseMessage[]> {
  return lines(ctx, c.officeId, await complaintMessagesOf(ctx.database.db, c.id));
}

function lines(ctx: Ctx, officeId: string, rows: OutboxTable[]): CaseMessage[] {
  const office = ctx.catalogue.officeById(officeId).office;
  const local = (iso: string) => ctx.clock.local(office, iso);
  return rows.map((m) => ({
    eventId: m.event_id,
    kind: m.kind,
    channel: m.channel,
    status: m.status,
    attempts: m.attempts,
    at: m.created_at,
    atLocal: local(m.created_at),
    sentLocal: m.sent_at ? local(m.sent_at) : null,
    nextLocal: m.status === 'queued' && m.attempts > 0 ? local(m.next_attempt_at) : null,
    lastError: m.last_error,
    delivery: m.delivery,
    deliveryLocal: m.delivery_at ? local(m.delivery_at) : null,
    fallbackFrom: m.fallback_from,
    fellBackLocal: m.fallen_back_at ? local(m.fallen_back_at) : null,
    segments: m.segments,
  }));
}
