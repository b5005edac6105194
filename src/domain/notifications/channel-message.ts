/** A notice worded for its channel (pure): e-mail and WhatsApp free text carry the full text, SMS its short form, a WhatsApp template its parameters. */
import type { NotifyChannel } from './consent.js';
import { composeMessage, type NoticeFacts, type NoticeKind, type TemplateOverrides } from './messages.js';
import { smsText } from './sms-text.js';

export interface ChannelMessage {
  subject: string;
  body: string;
  /** SMS only: the segments the text costs. */
  segments: number | null;
}

/** `wording`: the office's and service's own texts (standards `notices:`); SMS keeps its short form. */
export function messageFor(channel: NotifyChannel | string, kind: string, facts: NoticeFacts, wording: TemplateOverrides = {}): ChannelMessage {
  const m = composeMessage(kind as NoticeKind, facts, wording);
  if (channel !== 'sms') return { subject: m.subject, body: m.text, segments: null };
  const s = smsText(kind, facts);
  return { subject: m.subject, body: s.text, segments: s.check.segments };
}

/** Citizen-facing status words (Bahasa Indonesia) for a template parameter. */
const STATUS_ID: Record<string, string> = {
  open: 'sedang diproses',
  'waiting-applicant': 'menunggu kelengkapan dari Anda',
  'waiting-external': 'menunggu instansi lain',
  'waiting-signature': 'menunggu tanda tangan',
  completed: 'selesai',
  rejected: 'ditolak',
  withdrawn: 'dicabut',
};

/**
 * The body parameters of a WhatsApp template, the same four for every kind (choice recorded in
 * docs/NOTIFICATIONS.md, so an office registers its templates once with {{1}}–{{4}}): registration
 * number, service, status, tracking page. Never the note: a template is sent outside any
 * conversation, so the officer's words wait on the tracking page.
 */
export function templateParameters(f: NoticeFacts): string[] {
  return [f.registrationNumber, f.serviceName, STATUS_ID[f.status] ?? f.status, f.trackingUrl];
}
