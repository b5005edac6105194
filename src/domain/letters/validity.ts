/**
 * Validity of a signed letter and its public status. "Berlaku 1 bulan dari tanggal surat" means
 * valid up to and including the same day one month after the letter's date (calendar
 * arithmetic, a month end clamps: 31 January + 1 month = 28/29 February). Pure.
 */
import { Temporal } from 'temporal-polyfill';

export interface Validity {
  value: number;
  unit: string;
  text: string;
}

const CALENDAR_UNITS: Record<string, 'days' | 'months' | 'years' | 'weeks'> = { days: 'days', months: 'months', years: 'years' };

/** The last day a letter dated `issuedOn` is valid, or null when it has no calendar validity. */
export function validUntil(issuedOn: string, validity: Pick<Validity, 'value' | 'unit'> | null): string | null {
  if (!validity) return null;
  const unit = CALENDAR_UNITS[validity.unit];
  if (!unit || !Number.isInteger(validity.value)) return null;
  return Temporal.PlainDate.from(issuedOn).add({ [unit]: validity.value }).toString();
}

/** What the public verification says of a letter. */
export const PUBLIC_STATES = ['valid', 'expired', 'revoked', 'cancelled', 'not-issued'] as const;
export type PublicState = (typeof PUBLIC_STATES)[number];

/** What the verification page says about a letter on `today` (office-local date). */
export function publicState(letter: { status: string; validUntil: string | null }, today: string): PublicState {
  if (letter.status === 'revoked') return 'revoked';
  if (letter.status === 'cancelled') return 'cancelled';
  if (letter.status !== 'signed') return 'not-issued';
  if (letter.validUntil && today > letter.validUntil) return 'expired';
  return 'valid';
}
