/**
 * The citizen's own view of the news of their case (tracking page and JSON tracking answer): the
 * messages sent about it, with masked addresses, and the channels they chose. Only the holder of
 * the tracking code reaches this, so it is not a staff read of personal data.
 */
import { messagesOf } from '../../db/notifications-repo.js';
import { channelsAllowed, maskAddress, readChoice, type NotifyChannel } from '../../domain/notifications/consent.js';
import type { Ctx } from '../context.js';

export interface NewsMessage {
  kind: string;
  channel: string;
  /** The address, masked (`s***@example.id`, `0812****567`). */
  to: string;
  /** queued | sending | sent | failed | cancelled (and delivered, once a provider says so). */
  status: string;
  at: string;
  atLocal: string;
  sentLocal: string | null;
}

export interface CaseNews {
  messages: NewsMessage[];
  /** The channels chosen and still allowed, each with its masked address; empty after an opt-out. */
  channels: { channel: NotifyChannel; to: string }[];
  /** When the citizen stopped all messages, if they did. */
  optedOutAt: string | null;
  /** Which contacts the case holds, so the page offers only channels that can reach the citizen. */
  hasPhone: boolean;
  hasEmail: boolean;
}

/** At most this many messages are listed (a case has a handful; the bound keeps one page bounded). */
const MAX_LISTED = 100;

export async function caseNews(ctx: Ctx, app: { id: string; office_id: string; applicant: Record<string, unknown> }): Promise<CaseNews> {
  const office = ctx.catalogue.officeById(app.office_id).office;
  const applicant = app.applicant;
  const rows = (await messagesOf(ctx.database.db, app.id)).slice(-MAX_LISTED);
  return {
    messages: rows.map((m) => ({
      kind: m.kind,
      channel: m.channel,
      to: maskAddress(m.channel, m.recipient),
      status: m.status,
      at: m.created_at,
      atLocal: ctx.clock.local(office, m.created_at),
      sentLocal: m.sent_at ? ctx.clock.local(office, m.sent_at) : null,
    })),
    channels: channelsAllowed(applicant).map((c) => ({ channel: c.channel, to: maskAddress(c.channel, c.to) })),
    optedOutAt: readChoice(applicant.notify)?.optedOutAt ?? null,
    hasPhone: typeof applicant.phone === 'string' && applicant.phone.trim() !== '',
    hasEmail: typeof applicant.email === 'string' && applicant.email.trim() !== '',
  };
}
