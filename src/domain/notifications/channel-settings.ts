/**
 * An office's notification settings (pure): the order channels are tried in, quiet hours, how long a
 * message may stay unconfirmed before the next channel is tried, and its WhatsApp and SMS providers
 * (their secrets are kept sealed apart: usecases/notifications/notify-settings.ts).
 */
import { z } from 'zod';
import { NOTIFY_CHANNELS, type NotifyChannel } from './consent.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'jam harus HH:MM / time must be HH:MM' });
const httpUrl = z
  .string()
  .max(300)
  .url()
  .refine((u) => /^https?:\/\//.test(u), { message: 'alamat harus http(s):// / address must be http(s)://' });

/** An approved WhatsApp template: its name at Meta and its language code. */
export const WhatsAppTemplate = z.object({ name: z.string().regex(/^[a-z0-9_]{1,512}$/), language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/) });

export const WhatsAppProvider = z.object({
  /** https://graph.facebook.com in production; a local fake in tests. */
  baseUrl: httpUrl,
  version: z.string().regex(/^v\d{1,3}\.\d$/),
  phoneNumberId: z.string().regex(/^\d{1,30}$/),
  /** Template per notice kind; a kind without one cannot start a conversation (falls to the next channel). */
  templates: z.record(z.string().max(40), WhatsAppTemplate).default({}),
});
export type WhatsAppProvider = z.infer<typeof WhatsAppProvider>;

export const SmsProvider = z.object({
  /** https://api.twilio.com in production; a local fake in tests. */
  baseUrl: httpUrl,
  accountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/),
  /** The registered alphanumeric sender ID (e.g. DINSOSJMB) or a number in E.164. */
  from: z.string().regex(/^([A-Za-z0-9 ]{1,11}|\+\d{8,15})$/),
});
export type SmsProvider = z.infer<typeof SmsProvider>;

export const NotifySettings = z.object({
  order: z
    .array(z.enum(NOTIFY_CHANNELS))
    .min(1)
    .max(3)
    .refine((o) => new Set(o).size === o.length, { message: 'saluran tidak boleh berulang / a channel may appear once' }),
  quiet: z.object({ from: hhmm, to: hhmm }).nullable(),
  /** Minutes a WhatsApp or SMS message may stay without a delivery receipt before the next channel is tried. */
  confirmMinutes: z.number().int().min(1).max(7 * 24 * 60),
  whatsapp: WhatsAppProvider.nullable(),
  sms: SmsProvider.nullable(),
});
export type NotifySettings = z.infer<typeof NotifySettings>;

/** The secrets beside the settings, sealed at rest and never shown back. */
export interface NotifySecrets {
  whatsappToken?: string;
  /** The Meta app secret: the key of X-Hub-Signature-256. */
  whatsappAppSecret?: string;
  /** The verify token Meta echoes when the webhook is subscribed. */
  whatsappVerifyToken?: string;
  /** Twilio's auth token: the password of the API and the key of X-Twilio-Signature. */
  smsAuthToken?: string;
}

/**
 * Every office starts here. Choices recorded (the decrees state none): WhatsApp first because the
 * offices themselves publish WhatsApp numbers (DOMAIN.md §6), then SMS, then e-mail; 15 minutes
 * without a delivery receipt before the next channel (DOMAIN.md's [U] default); no quiet hours until
 * the office sets them, so nothing is held back that an office did not ask to hold back (the page
 * suggests 21:00–06:00).
 */
export const DEFAULT_SETTINGS: NotifySettings = { order: ['whatsapp', 'sms', 'email'], quiet: null, confirmMinutes: 15, whatsapp: null, sms: null };

/** The stored settings, or the defaults where a stored value no longer parses (never a crash in the worker). */
export function readSettings(raw: string | null | undefined): NotifySettings {
  if (!raw) return DEFAULT_SETTINGS;
  try {
    const r = NotifySettings.safeParse(JSON.parse(raw));
    return r.success ? r.data : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** One step of a message's way to the citizen. */
export interface ChainLink {
  channel: NotifyChannel;
  to: string;
  /** The message as worded for this channel when the notice was queued (office wording, its own stop link). */
  message?: { subject: string; body: string; segments: number | null };
}

/**
 * The channels a notice tries, in the office's order, among those the citizen allows
 * (`channelsAllowed`). Channels the office can send through come first; a channel it cannot (no
 * provider configured) stays at the end, so the message waits in the outbox rather than vanish.
 */
export function channelChain(order: readonly NotifyChannel[], allowed: readonly ChainLink[], configured: ReadonlySet<NotifyChannel>): ChainLink[] {
  const rank = (c: NotifyChannel) => {
    const i = order.indexOf(c);
    return i < 0 ? order.length : i;
  };
  const sorted = [...allowed].sort((a, b) => rank(a.channel) - rank(b.channel));
  return [...sorted.filter((l) => configured.has(l.channel)), ...sorted.filter((l) => !configured.has(l.channel))];
}

const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/**
 * Minutes until quiet hours end, at local time `localMinutes` (minutes after local midnight); 0 when
 * it is not quiet. A window may wrap midnight (21:00–06:00).
 */
export function quietMinutesLeft(quiet: NotifySettings['quiet'], localMinutes: number): number {
  if (!quiet) return 0;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  if (from === to) return 0;
  const inside = from < to ? localMinutes >= from && localMinutes < to : localMinutes >= from || localMinutes < to;
  if (!inside) return 0;
  return (to - localMinutes + 24 * 60) % (24 * 60);
}

/** Local minutes after midnight of an instant in a time zone. */
export function localMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return n('hour') * 60 + n('minute');
}

/** When a message may go: now, or the end of the office's quiet hours (to the minute). */
export function notBefore(quiet: NotifySettings['quiet'], at: Date, timeZone: string): Date {
  const left = quietMinutesLeft(quiet, localMinutes(at, timeZone));
  if (left === 0) return at;
  const start = new Date(at.getTime());
  start.setUTCSeconds(0, 0);
  return new Date(start.getTime() + left * 60_000);
}

/**
 * An emergency service, which quiet hours never hold back. Choice recorded (the standards have no
 * "emergency" flag): a service the decree says runs every day for 24 hours (`serviceHours.allDay`:
 * Jambi's disaster logistics and disaster-death recommendation), or whose clock starts at a report
 * (`sla.clockStarts: report`: Banjarmasin's kedaruratan PPKS, Kukar's disaster aid, Jambi's
 * abandoned persons and ODGJ hand-overs): someone is in danger or without shelter.
 */
export function isUrgentService(s: { serviceHours?: { allDay?: boolean } | null; sla?: { clockStarts?: string } | null }): boolean {
  return s.serviceHours?.allDay === true || s.sla?.clockStarts === 'report';
}

/** WhatsApp allows free text only within 24 hours of the citizen's last message; otherwise an approved template. */
export const WHATSAPP_WINDOW_MS = 24 * 3600 * 1000;

export function withinServiceWindow(lastInboundAt: string | null, now: Date): boolean {
  if (!lastInboundAt) return false;
  const t = Date.parse(lastInboundAt);
  return Number.isFinite(t) && now.getTime() - t < WHATSAPP_WINDOW_MS && t <= now.getTime() + 60_000;
}

/** Phone numbers as providers want them: digits with the country code (0812… becomes 62812…). */
export function internationalNumber(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '').replace(/^\+/, '');
  if (digits.startsWith('0')) return `62${digits.slice(1)}`;
  return digits;
}

/** What a refused setting must look like, in both languages, by its path (the form's field name). */
export function settingHint(path: string): [string, string] {
  const hints: [RegExp, string, string][] = [
    [/^order/, 'Urutan saluran: setiap saluran paling banyak sekali', 'Channel order: each channel at most once'],
    [/^quiet/, 'Jam tenang ditulis JJ:MM, misalnya 21:00 sampai 06:00; isi keduanya atau kosongkan keduanya', 'Quiet hours as HH:MM, e.g. 21:00 to 06:00; fill both or neither'],
    [/^confirmMinutes/, 'Waktu tunggu tanda terima: 1 sampai 10080 menit', 'Time to wait for a receipt: 1 to 10080 minutes'],
    [/baseUrl$/, 'Alamat API harus diawali https:// (atau http:// untuk uji lokal)', 'The API address must start with https:// (or http:// for a local test)'],
    [/^whatsapp\.version/, 'Versi Graph API seperti v21.0', 'Graph API version such as v21.0'],
    [/^whatsapp\.phoneNumberId/, 'Phone number ID dari Meta berupa angka', "Meta's phone number ID is digits only"],
    [/^whatsapp\.templates\..*\.name/, 'Nama templat: huruf kecil, angka dan garis bawah, seperti disetujui Meta', 'Template name: lower-case letters, digits and underscores, as approved by Meta'],
    [/^whatsapp\.templates\..*\.language/, 'Kode bahasa templat seperti id atau en_US', 'Template language code such as id or en_US'],
    [/^sms\.accountSid/, 'Account SID Twilio diawali AC dan diikuti 32 karakter heksadesimal', "Twilio's Account SID is AC followed by 32 hexadecimal characters"],
    [/^sms\.from/, 'Sender ID terdaftar (paling banyak 11 huruf/angka) atau nomor +62…', 'A registered sender ID (at most 11 letters/digits) or a +62… number'],
    [/^secrets\.whatsappToken/, 'Token akses WhatsApp wajib diisi saat penyedia WhatsApp diatur', 'A WhatsApp access token is required when a WhatsApp provider is set'],
    [/^secrets\.whatsappAppSecret/, 'App secret Meta wajib diisi: tanpa itu tanda tangan webhook tidak dapat diperiksa', "Meta's app secret is required: without it webhook signatures cannot be checked"],
    [/^secrets\.smsAuthToken/, 'Auth token Twilio wajib diisi saat penyedia SMS diatur', "Twilio's auth token is required when an SMS provider is set"],
  ];
  const h = hints.find(([re]) => re.test(path));
  return h ? [h[1], h[2]] : ['Isian tidak sah', 'Invalid value'];
}
