/**
 * The emergency forms' flat fields shaped like the JSON bodies whose zod schemas parse them
 * (api/emergency-schemas.ts): a missing text becomes empty so that the schema names the problem beside its field.
 */
import { NOTIFY_CHANNELS } from '../../domain/notifications/consent.js';
import type { Service } from '../../domain/standards/schema.js';
import { localInputToIso } from './complaints-forms.js';

const num = (v: string | undefined) => (v && v.trim() ? Number(v.replace(',', '.')) : undefined);
const opt = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

/**
 * The capture time of a form sent from the device's queue (offline field capture): the server's
 * own clock minus the capture's age on the device (`sentAt` − `capturedAt`, both device time), so
 * a phone whose clock is wrong still records the right moment. A negative age (the device's clock
 * jumped back) comes out in the future and is refused as such; the use cases bound the past.
 */
export function capturedAtOf(f: Record<string, string>, now: Date): string | undefined {
  if (!f.capturedAt || !f.sentAt) return undefined;
  const age = Date.parse(f.sentAt) - Date.parse(f.capturedAt);
  return Number.isFinite(age) ? new Date(now.getTime() - age).toISOString() : 'tidak-sah';
}

/** The decree's documents the officer saw ("diperlihatkan" checkboxes). */
function documentsOf(svc: Service, f: Record<string, string>) {
  const shown = svc.requirements.filter((r) => r.kind === 'document' && f[`shown.${r.id}`]).map((r) => ({ requirement: r.id, shown: true }));
  return shown.length ? shown : undefined;
}

/** The report form → the body of POST /api/v1/emergencies (the public's channel is always the web form; only staff give the report time). */
export function reportBodyOf(office: { slug: string; timezone: string }, svc: Service, f: Record<string, string>, staff: boolean, now: Date = new Date()) {
  const answers: Record<string, string | boolean> = {};
  for (const input of svc.inputs) {
    const v = f[`answers.${input.id}`];
    if (v === undefined || v === '') continue;
    answers[input.id] = input.type === 'boolean' ? v === 'ya' : v;
  }
  const channels = NOTIFY_CHANNELS.filter((c) => f[`notify.${c}`] === 'true');
  // Ticking none is a choice too (no messages); a form that did not ask records none.
  const reporter = { name: opt(f['reporter.name']), phone: opt(f['reporter.phone']), email: opt(f['reporter.email']), notify: f['notify.asked'] === '1' && channels.length ? { channels } : undefined };
  return {
    office: office.slug,
    service: svc.slug,
    channel: staff ? f.channel : 'web',
    // The time the officer wrote, else the capture time of a form sent from the device's queue.
    reportedAt: staff ? (localInputToIso(opt(f.reportedAt), office.timezone) ?? capturedAtOf(f, now)) : undefined,
    location: { text: f['location.text'] ?? '', lat: num(f['location.lat']), lng: num(f['location.lng']) },
    description: f.description ?? '',
    reporter: reporter.name || reporter.phone || reporter.email || reporter.notify ? reporter : undefined,
    subject: { name: opt(f['subject.name']), nik: opt(f['subject.nik']), category: f['subject.category'] },
    answers: Object.keys(answers).length ? answers : undefined,
    documents: staff ? documentsOf(svc, f) : undefined,
  };
}

/** The first-response form → the body of POST /api/v1/emergencies/{n}/first-response (the photo is stored first, as an upload). */
export const firstResponseBodyOf = (f: Record<string, string>, photo: string | undefined, now: Date = new Date()) => ({ note: f.note ?? '', lat: num(f.lat), lng: num(f.lng), photo, at: capturedAtOf(f, now), key: opt(f._key) });

/** The shift form: local date-times of the office. */
export const shiftBodyOf = (tz: string, f: Record<string, string>) => ({ member: f.member ?? '', startsAt: localInputToIso(f.startsAt, tz) ?? '', endsAt: localInputToIso(f.endsAt, tz) ?? '' });

export const settingsBodyOf = (f: Record<string, string>) => ({
  atRiskShare: num(f.atRiskPercent) !== undefined ? num(f.atRiskPercent)! / 100 : NaN,
  reviewHours: num(f.reviewHours),
  mergeWindowMinutes: num(f.mergeWindowMinutes),
  mergeRadiusMetres: num(f.mergeRadiusMetres),
  // A checkbox: present when ticked, absent otherwise.
  autoAssign: f.autoAssign === 'on',
  ackMinutes: num(f.ackMinutes),
});
