/** Notifications in staff pages (pure): the admin's line on the outbox, and each message in a case's timeline. */
import { NOTICE_LABEL } from '../../domain/notifications/messages.js';
import type { CaseMessage } from '../../usecases/notifications/case-messages.js';
import type { OutboxStatus } from '../../usecases/notifications/outbox-status.js';
import type { NotifyOverview } from '../../usecases/notifications/read-notify-settings.js';
import type { Problem } from '../../domain/errors.js';
import { WHATSAPP_NOTICE_KINDS } from '../../domain/notifications/messages.js';
import { L, when, type Lang } from '../i18n.js';
import { errorSummary, fieldError, flash, invalidAttrs } from './components.js';
import { html, type Raw } from './html.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';

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

const DELIVERY: Record<string, [string, string]> = {
  sent: ['diterima penyedia', 'accepted by the provider'],
  delivered: ['sampai di ponsel', 'delivered to the phone'],
  read: ['dibaca', 'read'],
  failed: ['gagal sampai', 'not delivered'],
};

/** A message's line in the staff timeline: what was said, on which channel, whether it went, its receipt, and any hand-over to the next channel. */
export function messageEntry(lang: Lang, m: CaseMessage, to: 'applicant' | 'complainant' = 'applicant'): Raw {
  const kind = KIND[m.kind] ? L(lang, ...KIND[m.kind]!) : m.kind;
  const status =
    m.status === 'sent'
      ? L(lang, `terkirim ${when(lang, m.sentLocal)}`, `sent ${when(lang, m.sentLocal)}`)
      : m.status === 'failed'
        ? m.delivery === 'failed'
          ? L(lang, 'gagal', 'failed')
          : m.attempts === 1
            ? L(lang, 'gagal pada percobaan pertama', 'failed at the first attempt')
            : L(lang, `gagal setelah ${m.attempts} percobaan`, `failed after ${m.attempts} attempts`)
        : m.nextLocal
          ? L(lang, `menunggu; percobaan ke-${m.attempts + 1} ${when(lang, m.nextLocal)}`, `waiting; attempt ${m.attempts + 1} at ${when(lang, m.nextLocal)}`)
          : L(lang, 'dalam antrean', 'queued');
  const channel = m.channel === 'email' ? 'e-mail' : m.channel === 'whatsapp' ? 'WhatsApp' : m.channel === 'sms' ? 'SMS' : m.channel;
  const from = m.fallbackFrom ? L(lang, `, pengganti ${m.fallbackFrom === 'whatsapp' ? 'WhatsApp' : m.fallbackFrom === 'sms' ? 'SMS' : 'e-mail'}`, ` instead of ${m.fallbackFrom === 'whatsapp' ? 'WhatsApp' : m.fallbackFrom === 'sms' ? 'SMS' : 'e-mail'}`) : '';
  const receipt = m.delivery && DELIVERY[m.delivery] ? html` · <span data-testid="message-delivery">${L(lang, ...DELIVERY[m.delivery]!)}${m.deliveryLocal ? ` ${when(lang, m.deliveryLocal)}` : ''}</span>` : '';
  const handed = m.fellBackLocal ? html` · ${L(lang, `dialihkan ke saluran berikutnya ${when(lang, m.fellBackLocal)}`, `handed to the next channel ${when(lang, m.fellBackLocal)}`)}` : '';
  const segments = m.segments && m.segments > 1 ? html` · <span class="field-error">${L(lang, `SMS ${m.segments} bagian (lebih dari 160 karakter)`, `SMS in ${m.segments} parts (over 160 characters)`)}</span>` : '';
  return html`<li data-testid="timeline-message"><time datetime="${m.at}">${when(lang, m.atLocal)}</time> · <strong>${to === 'complainant' ? L(lang, 'Pesan ke pelapor', 'Message to the complainant') : L(lang, 'Pesan ke pemohon', 'Message to the applicant')} (${channel}${from}): ${kind}</strong> · ${status}${receipt}${handed}${segments}${m.lastError && m.status !== 'sent' ? html`<br><span class="meta">${m.lastError}</span>` : ''}</li>`;
}

/** A timeline's events, each followed by the messages it caused. */
export function withMessages<E extends { id: string }>(events: readonly E[], messages: readonly CaseMessage[], message: (m: CaseMessage) => Raw, event: (e: E) => Raw): Raw[] {
  const ids = new Set(events.map((e) => e.id));
  // A message whose event is not shown (none today) still appears, at the end.
  const orphans = messages.filter((m) => !ids.has(m.eventId)).map(message);
  return [...events.flatMap((e) => [event(e), ...messages.filter((m) => m.eventId === e.id).map(message)]), ...orphans];
}

/* ---------- the office admin's notification settings (/petugas/notifikasi) ---------- */

export const NOTIFY_PATH = '/petugas/notifikasi';

const CHANNEL_NAME: Record<string, [string, string]> = { whatsapp: ['WhatsApp', 'WhatsApp'], sms: ['SMS', 'SMS'], email: ['E-mail', 'E-mail'] };
const channelName = (lang: Lang, c: string) => L(lang, ...(CHANNEL_NAME[c] ?? [c, c]));

export interface NotifyNotes {
  ok?: string;
  problems?: readonly Problem[];
  /** What was typed (secrets never echoed back). */
  values?: Record<string, string>;
}

/** One text field of the form: its label, its hint, its problems beside it. */
function textField(
  lang: Lang,
  problems: readonly Problem[],
  name: string,
  label: string,
  value: string,
  o: { type?: string; inputmode?: string; hint?: Raw | string; placeholder?: string; autocomplete?: string } = {},
): Raw {
  const id = `n-${name.replace(/[^a-z0-9]/gi, '-')}`;
  const hint = o.hint ? html`<p class="meta" id="${id}-hint">${o.hint}</p>` : '';
  return html`<div class="field"><label for="${id}">${label}</label>${hint}<input id="${id}" type="${o.type ?? 'text'}"${o.inputmode ? html` inputmode="${o.inputmode}"` : ''} name="${name}" value="${value}"${o.placeholder ? html` placeholder="${o.placeholder}"` : ''} autocomplete="${o.autocomplete ?? 'off'}"${o.hint && !problems.some((p) => p.field === name) ? html` aria-describedby="${id}-hint"` : ''}${invalidAttrs(problems, name)}>${fieldError(lang, problems, name)}</div>`;
}

/** A secret's field: never shown back, only whether one is stored. */
function secretField(lang: Lang, problems: readonly Problem[], name: string, label: string, stored: boolean): Raw {
  return textField(lang, problems, name, label, '', {
    type: 'password',
    autocomplete: 'new-password',
    hint: stored ? L(lang, 'Tersimpan (tidak ditampilkan). Kosongkan untuk tetap memakai yang tersimpan.', 'Stored (never shown). Leave empty to keep it.') : L(lang, 'Belum tersimpan.', 'Not stored yet.'),
  });
}

export function notifySettingsPage(shell: StaffShell, v: NotifyOverview, notes: NotifyNotes = {}): string {
  const { lang } = shell;
  const problems = notes.problems ?? [];
  const s = v.settings;
  const typed = notes.values;
  const val = (k: string, saved: string) => (typed ? (typed[k] ?? '') : saved);
  const orderSelect = (i: number) => {
    const name = `order.${i}`;
    const current = val(name, s.order[i] ?? '');
    return html`<div class="field"><label for="n-order-${i}">${L(lang, `Saluran ke-${i + 1}`, `Channel ${i + 1}`)}</label><select id="n-order-${i}" name="${name}"${invalidAttrs(problems, 'order', name)}>${i > 0 ? html`<option value=""${current === '' ? ' selected' : ''}>${L(lang, '(tidak ada)', '(none)')}</option>` : ''}${(['whatsapp', 'sms', 'email'] as const).map((c) => html`<option value="${c}"${current === c ? ' selected' : ''}>${channelName(lang, c)}</option>`)}</select>${i === 0 ? fieldError(lang, problems, 'order') : ''}</div>`;
  };
  const ready = (c: 'whatsapp' | 'sms' | 'email') =>
    v.ready[c]
      ? html`<strong>${L(lang, 'siap mengirim', 'ready to send')}</strong>`
      : c === 'email'
        ? L(lang, 'belum diatur (SMTP_URL dan MAIL_FROM di server)', 'not configured (SMTP_URL and MAIL_FROM on the server)')
        : L(lang, 'belum diatur', 'not configured');
  const waiting = v.waiting.reduce((n, w) => n + w.waiting, 0);
  const idle = (['whatsapp', 'sms', 'email'] as const).filter((c) => !v.ready[c] && v.waiting.some((w) => w.channel === c));
  const tplRows = WHATSAPP_NOTICE_KINDS.map((k) => {
    const t = s.whatsapp?.templates[k];
    const kind = L(lang, ...(KIND[k] ?? [k, k]));
    // One group per message: its name and language, labelled in full (no table whose headers a phone would hide).
    return html`<fieldset><legend>${kind}</legend>${textField(lang, problems, `whatsapp.templates.${k}.name`, L(lang, 'Nama templat', 'Template name'), val(`whatsapp.templates.${k}.name`, t?.name ?? ''), { placeholder: `sigap_${k.replace('-', '_')}` })}${textField(lang, problems, `whatsapp.templates.${k}.language`, L(lang, 'Bahasa templat', 'Template language'), val(`whatsapp.templates.${k}.language`, t?.language ?? 'id'))}</fieldset>`;
  });
  const body = html`<h1>${L(lang, 'Pengiriman notifikasi', 'Notification sending')}</h1>
<p class="meta">${v.officeName}${v.updatedLocal ? html` · ${L(lang, 'terakhir diubah', 'last changed')} ${when(lang, v.updatedLocal)}` : html` · ${L(lang, 'pengaturan bawaan', 'default settings')}`}</p>
${flash({ ok: notes.ok })}
<section aria-labelledby="h-state"><h2 id="h-state">${L(lang, 'Keadaan saluran', 'Channel state')}</h2>
<ul data-testid="notify-state">${(['whatsapp', 'sms', 'email'] as const).map((c) => html`<li>${channelName(lang, c)}: ${ready(c)}${v.waiting.find((w) => w.channel === c) ? html` · ${L(lang, `${v.waiting.find((w) => w.channel === c)!.waiting} pesan menunggu`, `messages waiting: ${v.waiting.find((w) => w.channel === c)!.waiting}`)}` : ''}</li>`)}</ul>
${idle.length
  ? html`<div class="notice" role="status" data-testid="notify-idle"><p>${L(
      lang,
      `Saluran ${idle.map((c) => channelName(lang, c)).join(', ')} belum dapat mengirim: pesannya tetap di antrean dan dikirim setelah penyedianya diatur. Tidak ada pesan yang hilang.`,
      `${idle.map((c) => channelName(lang, c)).join(', ')} cannot send yet: its messages stay in the queue and go once the provider is configured. No message is lost.`,
    )}</p></div>`
  : waiting === 0 && !v.ready.whatsapp && !v.ready.sms
    ? html`<p class="meta">${L(lang, 'Tanpa penyedia WhatsApp atau SMS, pesan untuk saluran itu menunggu di antrean sampai diatur.', 'Without a WhatsApp or SMS provider, messages for that channel wait in the queue until one is configured.')}</p>`
    : ''}
</section>
${errorSummary(lang, problems)}
<form method="post" action="${withLang(NOTIFY_PATH, lang)}" class="intake" novalidate>${csrfField(shell)}
<fieldset><legend>${L(lang, 'Urutan saluran', 'Channel order')}</legend>
<p class="meta">${L(lang, 'Pesan dikirim lewat saluran pertama yang dipilih warga; bila gagal atau tidak terkonfirmasi terkirim, saluran berikutnya dicoba, masing-masing sekali.', 'A message goes through the first channel the citizen chose; when it fails or is not confirmed delivered, the next one is tried, each once.')}</p>
${orderSelect(0)}${orderSelect(1)}${orderSelect(2)}
${textField(lang, problems, 'confirmMinutes', L(lang, 'Menit menunggu tanda terima WhatsApp/SMS sebelum saluran berikutnya', 'Minutes to wait for a WhatsApp/SMS delivery receipt before the next channel'), val('confirmMinutes', String(s.confirmMinutes)), { type: 'number' })}
</fieldset>
<fieldset><legend>${L(lang, 'Jam tenang', 'Quiet hours')}</legend>
<p class="meta" id="quiet-help">${L(lang, `Pesan biasa yang jatuh pada jam ini ditunda sampai jam tenang berakhir (waktu ${v.timezone}). Tidak berlaku untuk layanan darurat (24 jam atau berdasarkan laporan). Kosongkan keduanya bila tidak ada; usulan: 21:00–06:00.`, `Ordinary messages due in these hours wait until they end (${v.timezone} time). Never for emergency services (24-hour or report-based). Leave both empty for none; suggested: 21:00–06:00.`)}</p>
${textField(lang, problems, 'quiet.from', L(lang, 'Mulai', 'From'), val('quiet.from', s.quiet?.from ?? ''), { type: 'time' })}
${textField(lang, problems, 'quiet.to', L(lang, 'Sampai', 'Until'), val('quiet.to', s.quiet?.to ?? ''), { type: 'time' })}
</fieldset>
<fieldset><legend>WhatsApp (WhatsApp Cloud API, Meta)</legend>
<p class="meta">${L(lang, 'Kosongkan alamat dan Phone number ID untuk tidak memakai WhatsApp. Alamat webhook untuk Meta:', 'Leave the address and phone number ID empty not to use WhatsApp. Webhook address for Meta:')} <code data-testid="wa-webhook">${v.webhooks.whatsapp}</code></p>
${textField(lang, problems, 'whatsapp.baseUrl', L(lang, 'Alamat API', 'API address'), val('whatsapp.baseUrl', s.whatsapp?.baseUrl ?? ''), { inputmode: 'url', placeholder: 'https://graph.facebook.com' })}
${textField(lang, problems, 'whatsapp.version', L(lang, 'Versi API', 'API version'), val('whatsapp.version', s.whatsapp?.version ?? 'v21.0'))}
${textField(lang, problems, 'whatsapp.phoneNumberId', 'Phone number ID', val('whatsapp.phoneNumberId', s.whatsapp?.phoneNumberId ?? ''), { inputmode: 'numeric' })}
${secretField(lang, problems, 'secrets.whatsappToken', L(lang, 'Token akses', 'Access token'), v.stored.whatsappToken)}
${secretField(lang, problems, 'secrets.whatsappAppSecret', L(lang, 'App secret (memeriksa tanda tangan webhook)', 'App secret (checks webhook signatures)'), v.stored.whatsappAppSecret)}
${secretField(lang, problems, 'secrets.whatsappVerifyToken', L(lang, 'Verify token webhook', 'Webhook verify token'), v.stored.whatsappVerifyToken)}
<p class="meta">${L(lang, 'Templat yang disetujui Meta, dipakai bila warga tidak mengirim pesan dalam 24 jam terakhir. Isinya {{1}} nomor pendaftaran, {{2}} layanan, {{3}} status, {{4}} alamat halaman lacak.', 'Templates approved by Meta, used when the citizen has not written in the last 24 hours. Their body: {{1}} registration number, {{2}} service, {{3}} status, {{4}} tracking page address.')}</p>
${tplRows}
</fieldset>
<fieldset><legend>SMS (Twilio)</legend>
<p class="meta">${L(lang, 'Kosongkan ketiganya untuk tidak memakai SMS. Twilio melaporkan status tiap pesan ke', 'Leave all three empty not to use SMS. Twilio reports each message\'s status to')} <code data-testid="sms-webhook">${v.webhooks.sms}</code></p>
${textField(lang, problems, 'sms.baseUrl', L(lang, 'Alamat API', 'API address'), val('sms.baseUrl', s.sms?.baseUrl ?? ''), { inputmode: 'url', placeholder: 'https://api.twilio.com' })}
${textField(lang, problems, 'sms.accountSid', 'Account SID', val('sms.accountSid', s.sms?.accountSid ?? ''))}
${textField(lang, problems, 'sms.from', L(lang, 'Pengirim (sender ID terdaftar)', 'Sender (registered sender ID)'), val('sms.from', s.sms?.from ?? ''), { hint: L(lang, 'Nama terdaftar di operator, paling banyak 11 huruf/angka, mis. DINSOSJMB; nama kantor juga selalu ada di awal isi SMS.', 'The name registered with the operators, at most 11 letters/digits, e.g. DINSOSJMB; the office name also always opens the text.') })}
${secretField(lang, problems, 'secrets.smsAuthToken', 'Auth token', v.stored.smsAuthToken)}
</fieldset>
<button type="submit" class="primary">${L(lang, 'Simpan', 'Save')}</button>
</form>`;
  return staffPage(shell, { title: L(lang, 'Pengiriman notifikasi', 'Notification sending'), path: NOTIFY_PATH, body });
}

export function notifyRefusedPage(shell: StaffShell, message: string): string {
  return staffPage(shell, { title: L(shell.lang, 'Pengiriman notifikasi', 'Notification sending'), path: NOTIFY_PATH, body: html`<h1>${L(shell.lang, 'Pengiriman notifikasi', 'Notification sending')}</h1><div class="error-summary" role="alert"><p>${message}</p></div>` });
}
