/** The citizen's choice of channels for news of their case, and the one reading of it (issue 16 §4). */

/** Channels a citizen can be told through. */
export const NOTIFY_CHANNELS = ['whatsapp', 'sms', 'email'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

/**
 * What the form records beside the applicant (the `notify` key of the application's applicant JSON).
 * The legal basis is "pelayanan publik" (UU 25/2009; UU 27/2022 art. 20(2)(f)): the message is part
 * of the service, so consent is not the basis, but the choice of channel is the citizen's.
 */
export interface NotifyChoice {
  channels: NotifyChannel[];
  basis: 'pelayanan-publik';
  /** When the choice was made (ISO). */
  at: string;
  /** When the citizen opted out of all messages, if they did (ISO). */
  optedOutAt?: string | null;
}

/** The contact details and choice as stored on a case. */
export interface ContactOnCase {
  phone?: unknown;
  email?: unknown;
  notify?: unknown;
}

/**
 * The channels a message to this applicant may use, with the address for each, in the citizen's
 * order. Without a recorded choice (cases filed before the form asked) only e-mail is used, and only
 * when an address was given: a phone number given "untuk kabar permohonan" is not taken as a choice
 * of WhatsApp or SMS. After an opt-out, nothing.
 */
export function channelsAllowed(applicant: ContactOnCase): { channel: NotifyChannel; to: string }[] {
  const phone = typeof applicant.phone === 'string' ? applicant.phone.trim() : '';
  const email = typeof applicant.email === 'string' ? applicant.email.trim() : '';
  const choice = readChoice(applicant.notify);
  const address = (c: NotifyChannel): string => (c === 'email' ? email : phone);
  if (!choice) return email ? [{ channel: 'email', to: email }] : [];
  if (choice.optedOutAt) return [];
  return choice.channels.filter((c) => address(c) !== '').map((c) => ({ channel: c, to: address(c) }));
}

/** The stored choice, or null when none (or a malformed one) was recorded. */
export function readChoice(raw: unknown): NotifyChoice | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (!Array.isArray(r.channels) || r.basis !== 'pelayanan-publik' || typeof r.at !== 'string') return null;
  const channels = [...new Set(r.channels.filter((c): c is NotifyChannel => (NOTIFY_CHANNELS as readonly unknown[]).includes(c)))];
  const optedOutAt = typeof r.optedOutAt === 'string' ? r.optedOutAt : null;
  return { channels, basis: 'pelayanan-publik', at: r.at, optedOutAt };
}

/**
 * An address as the citizen's own case history shows it: enough to recognise, not to copy
 * (`s***@example.id`, `0812****567`). Whoever holds the tracking code already knows the address;
 * a shoulder, a screenshot or a shared phone need not.
 */
export function maskAddress(channel: NotifyChannel | string, to: string): string {
  const t = to.trim();
  if (channel === 'email') {
    const at = t.lastIndexOf('@');
    return at > 0 ? `${t[0]}***${t.slice(at)}` : '***';
  }
  const digits = t.replace(/\D/g, '');
  return digits.length >= 8 ? `${digits.slice(0, 4)}****${digits.slice(-3)}` : '****';
}
