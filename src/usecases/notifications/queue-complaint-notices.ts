/**
 * The outbox hook of the complaint-writing code (issue 16 §1): inside the transaction that writes a
 * complaint event, the receipt or the answer notice it causes is queued, so a committed complaint
 * event can never lose its message and a rolled-back one sends nothing.
 */
import type { Transaction } from 'kysely';
import { queueMessage } from '../../db/notifications-repo.js';
import type { DB } from '../../db/schema.js';
import { messageFor } from '../../domain/notifications/channel-message.js';
import { complaintNoticeOf, wordingTemplates, type NoticeFacts } from '../../domain/notifications/messages.js';
import type { Ctx } from '../context.js';

/** What the message may know of the complaint: never the complainant's name, phone or the text. */
export interface NoticeComplaint {
  id: string;
  officeId: string;
  receiptNumber: string;
  serviceId: string | null;
  /** Null for an anonymous complaint or one given without an address: nothing is sent. */
  complainantEmail: string | null;
}

/**
 * Choice recorded: a complaint is told by e-mail only, and only when the complainant gave an
 * address. The complaint forms ask for no choice of channels (unlike the application forms,
 * consent.ts), so the rule is the one cases filed without a choice keep (`channelsAllowed`: e-mail
 * when an address was given); a phone number on a complaint is for the officer to call back.
 * No stop link: the two messages answer the complainant's own request, and the stop token names a case.
 */
export async function queueComplaintNotice(
  trx: Transaction<DB>,
  ctx: Pick<Ctx, 'catalogue' | 'publicBaseUrl'>,
  c: NoticeComplaint,
  event: { id: string; type: string; at: string },
  status: string,
): Promise<void> {
  const kind = complaintNoticeOf(event.type);
  if (!kind || !c.complainantEmail) return;
  const office = ctx.catalogue.officeById(c.officeId);
  const service = c.serviceId ? office.services.find((s) => s.id === c.serviceId) : undefined;
  const facts: NoticeFacts = {
    registrationNumber: c.receiptNumber,
    serviceName: service?.service.title ?? 'Pengaduan',
    officeName: office.office.name,
    trackingUrl: `${ctx.publicBaseUrl.replace(/\/$/, '')}/pengaduan`,
    status,
    note: null,
    letterNumber: null,
  };
  const m = messageFor('email', kind, facts, { office: wordingTemplates(office.office.notices) });
  await queueMessage(trx, {
    office_id: c.officeId,
    application_id: null,
    complaint_id: c.id,
    event_id: event.id,
    channel: 'email',
    kind,
    recipient: c.complainantEmail,
    subject: m.subject,
    body: m.body,
    created_at: event.at,
    facts: JSON.stringify(facts),
  });
}
