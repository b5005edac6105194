/** The admin page's line on notifications: e-mail not configured and messages waiting, said plainly (pure). */
import type { OutboxStatus } from '../../usecases/notifications/outbox-status.js';
import { L, type Lang } from '../i18n.js';
import { html, type Raw } from './html.js';

export function outboxLine(lang: Lang, s: OutboxStatus): Raw {
  if (s.mailConfigured)
    return s.waiting ? html`<p class="meta" data-testid="outbox-line">${L(lang, `Notifikasi e-mail: ${s.waiting} pesan dalam antrean pengiriman.`, `E-mail notifications: ${s.waiting} messages waiting to be sent.`)}</p>` : html``;
  return html`<div class="notice" role="status" data-testid="outbox-line"><p>${L(
    lang,
    `Pengiriman e-mail belum diatur (SMTP_URL dan MAIL_FROM): ${s.waiting} pesan untuk pemohon menunggu di antrean dan akan dikirim setelah diatur. Tidak ada pesan yang hilang.`,
    `E-mail sending is not configured (SMTP_URL and MAIL_FROM): ${s.waiting} messages to applicants wait in the queue and will be sent once it is. No message is lost.`,
  )}</p></div>`;
}
