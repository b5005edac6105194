/**
 * The outbox hook of the event-writing code: inside the transaction that writes a case event, the
 * message that event causes is queued (docs/NOTIFICATIONS.md). Committed together or not at all:
 * a rolled-back step queues nothing, a committed one can never lose its message.
 */
import type { Transaction } from 'kysely';
import { findCaseAnyOffice, insertEvent, type NewCaseEvent } from '../../db/applications-repo.js';
import { findNotifySettings, queueMessage } from '../../db/notifications-repo.js';
import type { DB } from '../../db/schema.js';
import { channelChain, isUrgentService, readSettings, type ChainLink } from '../../domain/notifications/channel-settings.js';
import { messageFor } from '../../domain/notifications/channel-message.js';
import { channelsAllowed, type NotifyChannel } from '../../domain/notifications/consent.js';
import { noticeOf, wordingTemplates, type NoticeFacts } from '../../domain/notifications/messages.js';
import type { Ctx } from '../context.js';
import { stopUrlFor, type SecretCtx } from './stop-link.js';

/** What queueing a message needs of the context: the offices, the public address, e-mail's configuration, and the stop links' secret. */
export type NoticeCtx = Pick<Ctx, 'catalogue' | 'publicBaseUrl' | 'clock' | 'mail'> & SecretCtx;

/** What a message needs to know of its case; a caller that just wrote the case passes it, so no re-read. */
export interface NoticeCase {
  id: string;
  office_id: string;
  service_id: string;
  registration_number: string;
  status: string;
  applicant: Record<string, unknown>;
}

/**
 * Writes a case event and queues what it tells the applicant, in the caller's transaction. `known`
 * is the case as the caller just wrote it: submission passes it because re-reading the row it has
 * in hand cost about a tenth of the submission rate (bench, 1,097/s → 974/s).
 */
export async function recordEvent(trx: Transaction<DB>, ctx: NoticeCtx, e: NewCaseEvent, known?: NoticeCase): Promise<void> {
  await queueNotices(trx, ctx, await insertEvent(trx, e), e, known);
}

export async function queueNotices(trx: Transaction<DB>, ctx: NoticeCtx, eventId: string, e: NewCaseEvent, known?: NoticeCase): Promise<void> {
  const event = { type: e.type, note: e.note ?? null, data: e.data ?? {} };
  let kind = noticeOf(event);
  // A step into an outside body's wait is told only knowing that step, which needs the case's service.
  const intoStep = !kind && e.type === 'step-completed' && typeof e.data?.next === 'string' ? e.data.next : null;
  if (!kind && !intoStep) return;
  // A known case the citizen may not be told on needs no read at all: nobody else's address is guessed.
  if (known && channelsAllowed(known.applicant).length === 0) return;
  const app: NoticeCase | undefined = known ?? (await findCaseAnyOffice(trx, e.application_id));
  const allowed = app ? channelsAllowed(app.applicant) : [];
  if (!app || allowed.length === 0) return;
  const office = ctx.catalogue.officeById(app.office_id);
  const service = office.services.find((s) => s.id === app.service_id);
  const next = intoStep ? service?.service.procedure?.steps.find((s) => s.id === intoStep) : undefined;
  const moment = intoStep ? (service?.service.moments.find((m) => m.atStep === intoStep)?.kind ?? null) : null;
  if (next) kind = noticeOf({ ...event, next: { kind: next.kind, external: next.external ?? null, moment } });
  if (!kind) return;
  const letterNumber = typeof e.data?.number === 'string' ? e.data.number : signedNumber(e.data);
  const facts: NoticeFacts = {
    registrationNumber: app.registration_number,
    serviceName: service?.service.title ?? app.service_id,
    officeName: office.office.name,
    trackingUrl: `${ctx.publicBaseUrl.replace(/\/$/, '')}/lacak`,
    status: app.status,
    note: e.note ?? null,
    letterNumber,
    outsideBody: next?.external ?? null,
    visitLocal: typeof e.data?.visitAt === 'string' ? ctx.clock.local(office.office, e.data.visitAt) : null,
  };
  const wording = { office: wordingTemplates(office.office.notices), service: wordingTemplates(service?.service.notices) };
  // Each channel of the chain is worded now, with the office's wording and its own stop link: a
  // hand-over later (send-outbox.ts fallBack) sends exactly what was decided here.
  const chain = await Promise.all(
    (await chainFor(trx, ctx, app.office_id, allowed)).map(async (l) => ({ ...l, message: messageFor(l.channel, kind!, { ...facts, stopUrl: await stopUrlFor(ctx, app.id, l.channel) }, wording) })),
  );
  const [first, ...rest] = chain;
  await queueMessage(trx, {
    office_id: app.office_id,
    application_id: app.id,
    event_id: eventId,
    channel: first!.channel,
    kind,
    recipient: first!.to,
    subject: first!.message.subject,
    body: first!.message.body,
    created_at: e.at,
    chain: JSON.stringify(rest),
    facts: JSON.stringify(facts),
    segments: first!.message.segments,
    urgent: service && isUrgentService(service.service) ? 1 : 0,
  });
}

/**
 * The channels this notice tries, in the office's fallback order. A single allowed channel needs no
 * settings read (the common case today: e-mail only), so submission pays for the order only when
 * the citizen gave a choice among several.
 */
async function chainFor(trx: Transaction<DB>, ctx: NoticeCtx, officeId: string, allowed: ChainLink[]): Promise<ChainLink[]> {
  if (allowed.length === 1) return allowed;
  const settings = readSettings((await findNotifySettings(trx, officeId))?.settings);
  const configured = new Set<NotifyChannel>([...(settings.whatsapp ? (['whatsapp'] as const) : []), ...(settings.sms ? (['sms'] as const) : []), ...(ctx.mail ? (['email'] as const) : [])]);
  return channelChain(settings.order, allowed, configured);
}

/** The number of the letter a step signed (its letters report), if any. */
function signedNumber(data: Record<string, unknown> | undefined): string | null {
  const letters = Array.isArray(data?.letters) ? (data.letters as { action?: unknown; number?: unknown }[]) : [];
  const n = letters.find((l) => l.action === 'signed')?.number;
  return typeof n === 'string' ? n : null;
}
