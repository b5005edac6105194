/** The citizen's side of notifications (pure): the news of a case on its tracking page, the choice of channels, and the stop-link pages. */
import type { Problem } from '../../domain/errors.js';
import { NOTICE_LABEL } from '../../domain/notifications/messages.js';
import type { CaseNews, NewsMessage } from '../../usecases/notifications/case-news.js';
import { L, when, type Lang } from '../i18n.js';
import { errorSummary, fieldError } from './components.js';
import { html, type Raw } from './html.js';
import { csrfField, page, withLang } from './layout.js';

const CHANNEL: Record<string, [string, string]> = { whatsapp: ['WhatsApp', 'WhatsApp'], sms: ['SMS', 'SMS'], email: ['E-mail', 'E-mail'] };
const channelName = (lang: Lang, c: string) => (CHANNEL[c] ? L(lang, ...CHANNEL[c]!) : c);

/** A message's state in the citizen's words: "cancelled" says why, because only their own stop cancels one. */
const STATUS: Record<string, [string, string]> = {
  queued: ['menunggu dikirim', 'waiting to be sent'],
  sending: ['sedang dikirim', 'being sent'],
  sent: ['terkirim', 'sent'],
  delivered: ['diterima', 'delivered'],
  failed: ['gagal terkirim', 'could not be sent'],
  cancelled: ['tidak dikirim: Anda berhenti menerima kabar', 'not sent: you stopped the news'],
};

/** A local time without its seconds: a message sent within the minute of its moment needs no second time. */
const toMinute = (local: string) => local.replace(/(\d{2}\.\d{2})\.\d{2}/, '$1');

function messageItem(lang: Lang, m: NewsMessage): Raw {
  const kind = NOTICE_LABEL[m.kind] ? L(lang, ...NOTICE_LABEL[m.kind]!) : m.kind;
  const status = STATUS[m.status] ? L(lang, ...STATUS[m.status]!) : m.status;
  return html`<li data-testid="news-message"><strong>${kind[0]!.toUpperCase()}${kind.slice(1)}</strong> · ${channelName(lang, m.channel)} ${m.to}<br><span class="meta"><time datetime="${m.at}">${when(lang, m.atLocal)}</time> · ${status}${m.status === 'sent' && m.sentLocal && toMinute(m.sentLocal) !== toMinute(m.atLocal) ? html` ${when(lang, m.sentLocal)}` : ''}</span></li>`;
}

export interface NewsSectionData {
  number: string;
  code: string;
  news: CaseNews;
  problems?: Problem[];
  /** The choice was just saved. */
  saved?: boolean;
}

/**
 * The messages sent about the case, and the form to change how (or whether) the citizen is told.
 * Only channels whose contact the case holds are offered: a new number or address is personal
 * data the office records at the counter, not something a tracking code may change.
 */
export function newsSection(lang: Lang, d: NewsSectionData): Raw {
  const { news } = d;
  const problems = d.problems ?? [];
  const self = `/lacak/${encodeURIComponent(d.number)}/kabar`;
  const offered = (['whatsapp', 'sms', 'email'] as const).filter((c) => (c === 'email' ? news.hasEmail : news.hasPhone));
  const on = new Set(news.channels.map((c) => c.channel));
  const now = news.optedOutAt
    ? L(lang, 'Anda sudah berhenti menerima kabar. Pilih saluran lalu simpan untuk menerimanya lagi.', 'You stopped the news. Choose a channel and save to receive it again.')
    : news.channels.length
      ? L(lang, `Kabar dikirim lewat: ${news.channels.map((c) => `${channelName(lang, c.channel)} ${c.to}`).join(', ')}.`, `News is sent by: ${news.channels.map((c) => `${channelName(lang, c.channel)} ${c.to}`).join(', ')}.`)
      : L(lang, 'Tidak ada kabar yang dikirim kepada Anda.', 'No news is sent to you.');
  return html`<section aria-labelledby="h-news" class="news"><h2 id="h-news">${L(lang, 'Kabar permohonan', 'News of your application')}</h2>
${d.saved ? html`<div class="notice" role="status" data-testid="news-saved">${L(lang, 'Pilihan kabar Anda tersimpan.', 'Your choice was saved.')}</div>` : ''}
${news.messages.length
  ? html`<ul class="news-list" data-testid="news-list">${news.messages.map((m) => messageItem(lang, m))}</ul>`
  : html`<p class="meta">${L(lang, 'Belum ada pesan yang dikirim tentang permohonan ini.', 'No message has been sent about this application yet.')}</p>`}
<p data-testid="news-now">${now}</p>
${offered.length
  ? html`<details class="secondary-form"${problems.length ? html` open` : ''}><summary>${L(lang, 'Ubah cara dikabari…', 'Change how you are told…')}</summary>
<form method="post" action="${withLang(self, lang)}" class="intake">${errorSummary(lang, problems)}<input type="hidden" name="code" value="${d.code}">
<div class="field"><span class="label" id="l-news-change">${L(lang, 'Kabari saya lewat', 'Tell me by')}</span><div role="group" aria-labelledby="l-news-change" class="opts">${offered.map(
      (c) => html`<span class="opt"><input type="checkbox" id="f-news-${c}" name="notify.${c}" value="true"${on.has(c) ? html` checked` : ''}><label for="f-news-${c}">${channelName(lang, c)}</label></span>`,
    )}</div>${fieldError(lang, problems, 'notify')}</div>
<div class="outcomes"><button type="submit" class="primary" name="action" value="save">${L(lang, 'Simpan pilihan', 'Save choice')}</button>
<button type="submit" class="reject" name="action" value="stop">${L(lang, 'Berhenti menerima semua kabar', 'Stop all news')}</button></div></form></details>`
  : html`<p class="meta">${L(lang, 'Untuk menambah nomor HP atau e-mail, hubungi loket.', 'To add a mobile number or e-mail address, contact the counter.')}</p>`}
</section>`;
}

/** The page a message's stop link opens: one button, so a link preview or a scanner stops nothing. */
export function stopConfirmPage(lang: Lang, d: { token: string; channel: string; number: string; csrf?: string }): string {
  return page({
    lang,
    title: L(lang, 'Berhenti menerima kabar', 'Stop the news'),
    path: '/kabar/berhenti',
    body: html`<h1>${L(lang, 'Berhenti menerima kabar?', 'Stop the news?')}</h1>
<p>${L(lang, `Anda tidak akan lagi menerima kabar lewat ${channelName(lang, d.channel)} tentang permohonan ${d.number}. Status permohonan tetap dapat dilihat di halaman lacak.`, `You will no longer receive news by ${channelName(lang, d.channel)} about application ${d.number}. Its status can still be seen on the tracking page.`)}</p>
<form method="post" action="${withLang('/kabar/berhenti', lang)}">${d.csrf ? csrfField({ csrf: d.csrf }) : ''}<input type="hidden" name="t" value="${d.token}">
<button type="submit" class="reject" data-testid="stop-confirm">${L(lang, 'Ya, berhenti', 'Yes, stop')}</button></form>
<p><a href="${withLang('/lacak', lang)}">${L(lang, 'Batal, kembali ke halaman lacak', 'Cancel, back to the tracking page')}</a></p>`,
  });
}

/** After the stop: what changed, and how to undo it. */
export function stoppedPage(lang: Lang, d: { channel: string; number: string }): string {
  return page({
    lang,
    title: L(lang, 'Kabar dihentikan', 'News stopped'),
    path: '/kabar/berhenti',
    body: html`<h1 data-testid="stopped">${L(lang, 'Kabar dihentikan', 'News stopped')}</h1>
<p>${L(lang, `Kami tidak lagi mengirim kabar lewat ${channelName(lang, d.channel)} tentang permohonan ${d.number}. Pesan yang belum terkirim dibatalkan.`, `We no longer send news by ${channelName(lang, d.channel)} about application ${d.number}. Messages not yet sent were cancelled.`)}</p>
<p>${L(lang, 'Berubah pikiran? Buka halaman lacak dengan nomor pendaftaran dan kode lacak, lalu pilih lagi cara dikabari.', 'Changed your mind? Open the tracking page with the registration number and tracking code and choose again.')} <a href="${withLang('/lacak', lang)}">${L(lang, 'Halaman lacak', 'Tracking page')}</a></p>`,
  });
}

/** A stop link that is not (or no longer) valid: said plainly, with where to go instead. */
export function stopInvalidPage(lang: Lang): string {
  return page({
    lang,
    title: L(lang, 'Tautan tidak berlaku', 'Link not valid'),
    path: '/kabar/berhenti',
    body: html`<h1>${L(lang, 'Tautan tidak berlaku', 'This link is not valid')}</h1>
<p>${L(lang, 'Tautan berhenti ini tidak dikenali. Salin tautan lengkap dari pesan, atau ubah pilihan kabar di halaman lacak.', 'This stop link is not recognised. Copy the whole link from the message, or change your choice on the tracking page.')} <a href="${withLang('/lacak', lang)}">${L(lang, 'Halaman lacak', 'Tracking page')}</a></p>`,
  });
}
