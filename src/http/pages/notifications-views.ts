/** Notifications in staff pages (pure): the admin's line on the outbox, and each message in a case's timeline. */
import { NOTICE_LABEL } from '../../domain/notifications/messages.js';
import type { CaseMessage } from '../../usecases/notifications/case-messages.js';
import type { OutboxStatus } from '../../usecases/notifications/outbox-status.js';
import { L, when, type Lang } from '../i18n.js';
import { html, type Raw } from './html.js';

export function outboxLine(lang: Lang, s: OutboxStatus): Raw {
  if (s.mailConfigured)
    return s.waiting ? html`<p class="meta" data-testid="outbox-line">${L(lang, `Notifikasi e-mail: ${s.waiting} pesan dalam antrean pengiriman.`, `E-mail notifications: messages waiting to be sent: ${s.waiting}.`)}</p>` : html``;
  return html`<div class="notice" role="status" data-testid="outbox-line"><p>${L(
    lang,
    `Pengiriman e-mail belum diatur (SMTP_URL dan MAIL_FROM): ${s.waiting} pesan untuk pemohon menunggu di antrean dan akan dikirim setelah diatur. Tidak ada pesan yang hilang.`,
    `E-mail sending is not configured (SMTP_URL and MAIL_FROM): messages to applicants waiting in the queue: ${s.waiting}. They will be sent once it is; no message is lost.`,
  )}</p></div>`;
}

const KIND = NOTICE_LABEL;

/** A message's line in the staff timeline: what was said, on which channel, and whether it went. */
export function messageEntry(lang: Lang, m: CaseMessage): Raw {
  const kind = KIND[m.kind] ? L(lang, ...KIND[m.kind]!) : m.kind;
  const status =
    m.status === 'sent'
      ? L(lang, `terkirim ${when(lang, m.sentLocal)}`, `sent ${when(lang, m.sentLocal)}`)
      : m.status === 'failed'
        ? L(lang, `gagal setelah ${m.attempts} percobaan`, `failed after ${m.attempts} attempts`)
        : m.nextLocal
          ? L(lang, `menunggu; percobaan ke-${m.attempts + 1} ${when(lang, m.nextLocal)}`, `waiting; attempt ${m.attempts + 1} at ${when(lang, m.nextLocal)}`)
          : L(lang, 'dalam antrean', 'queued');
  return html`<li data-testid="timeline-message"><time datetime="${m.at}">${when(lang, m.atLocal)}</time> · <strong>${L(lang, 'Pesan ke pemohon', 'Message to the applicant')} (${m.channel === 'email' ? 'e-mail' : m.channel}): ${kind}</strong> · ${status}${m.lastError && m.status !== 'sent' ? html`<br><span class="meta">${m.lastError}</span>` : ''}</li>`;
}

/** A timeline's events, each followed by the messages it caused. */
export function withMessages<E extends { id: string }>(events: readonly E[], messages: readonly CaseMessage[], message: (m: CaseMessage) => Raw, event: (e: E) => Raw): Raw[] {
  const ids = new Set(events.map((e) => e.id));
  // A message whose event is not shown (none today) still appears, at the end.
  const orphans = messages.filter((m) => !ids.has(m.eventId)).map(message);
  return [...events.flatMap((e) => [event(e), ...messages.filter((m) => m.eventId === e.id).map(message)]), ...orphans];
}
