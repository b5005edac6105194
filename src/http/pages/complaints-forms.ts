/**
 * The complaint forms' flat fields shaped like the JSON bodies whose zod schemas parse them
 * (api/complaints-schemas.ts): a missing text becomes empty so that the domain names the problem.
 */
import { randomBytes } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';

/** The key a complaint form carries so that sending it twice files one complaint. */
export const newFormKey = () => randomBytes(12).toString('hex');

/** "2026-03-20T09:00" typed in the office's zone → UTC ISO; anything else is left for the domain to explain. */
export function localInputToIso(value: string | undefined, timeZone: string): string | undefined {
  if (!value) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return value;
  try {
    return Temporal.PlainDateTime.from(value).toZonedDateTime(timeZone).toInstant().toString();
  } catch {
    return value;
  }
}

/**
 * The complaint form → the body of POST /api/v1/complaints and its idempotency key. The public
 * files through the web form only; anonymous drops whatever identity was typed.
 */
export function complaintBodyOf(office: { slug: string; timezone: string }, f: Record<string, string>, staff: boolean) {
  const identity = { name: f.name?.trim() || undefined, phone: f.phone?.trim() || undefined, email: f.email?.trim() || undefined };
  return {
    body: {
      office: office.slug,
      channel: staff ? f.channel : 'website',
      type: f.type || undefined,
      mode: f.mode || undefined,
      text: f.text ?? '',
      service: f.service || undefined,
      application: f.application?.trim() || undefined,
      complainant: f.mode === 'anonymous' || !Object.values(identity).some(Boolean) ? undefined : identity,
      externalRef: staff ? f.externalRef?.trim() || undefined : undefined,
      receivedAt: staff ? localInputToIso(f.receivedAt, office.timezone) : undefined,
    },
    idempotencyKey: /^[a-f0-9]{24}$/.test(f._idem ?? '') ? `form-${f._idem}` : undefined,
  };
}

export const informationBodyOf = (f: Record<string, string>) => ({ code: f.code ?? '', text: f.text ?? '' });

export const feedbackBodyOf = (f: Record<string, string>) => ({
  code: f.code ?? '',
  resolved: f.resolved === 'true' ? true : f.resolved === 'false' ? false : undefined,
  comment: f.comment,
});

export const transitionBodyOf = (f: Record<string, string>) => ({
  to: f.to ?? '',
  version: f.version === undefined ? undefined : Number(f.version),
  note: f.note,
  answer: f.answer,
  unit: f.unit,
  coordination: f.coordination,
  referral: f.referral,
  mergeInto: f.mergeInto,
});

export const noteBodyOf = (f: Record<string, string>) => ({ note: f.note ?? '' });

/** An unticked checkbox sends nothing: no tick withdraws the summary. */
export const summaryBodyOf = (f: Record<string, string>) => ({ summary: f.summary, publish: f.publish === 'true' });
