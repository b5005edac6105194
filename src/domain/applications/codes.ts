/**
 * The numbers and codes a citizen holds: the office code in registration and receipt numbers,
 * and the tracking code, derived from the case id with a server secret (HMAC) so it can be shown
 * again (an idempotent replay, a reprinted receipt) without ever being stored in clear.
 */
import { createHmac } from 'node:crypto';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function trackingCodeFor(secret: string, id: string): string {
  const mac = createHmac('sha256', secret).update(id).digest();
  let out = '';
  for (let i = 0; i < 8; i++) out += CODE_ALPHABET[mac[i]! % CODE_ALPHABET.length];
  return out;
}

export function trackingCodeHash(secret: string, code: string): string {
  return createHmac('sha256', secret).update(`code:${code.toUpperCase()}`).digest('hex');
}

/** Short office code for registration numbers: region name consonants (JMB, BJM, KKR...). */
export function officeCode(regionName: string): string {
  const words = regionName.replace(/^(Kota|Kabupaten|Provinsi)\s+/i, '').toUpperCase().split(/\s+/);
  if (words.length > 1) return words.map((w) => w[0]).join('').slice(0, 4).padEnd(3, 'X');
  const w = words[0]!;
  return (w[0]! + w.slice(1).replace(/[AEIOU]/g, '')).slice(0, 3).padEnd(3, 'X');
}

/** `JMB-2026-000123`: office code, year, yearly sequence. */
export const registrationNumber = (code: string, year: string, seq: number) => `${code}-${year}-${String(seq).padStart(6, '0')}`;

export const REGISTRATION_NUMBER = /^[A-Z]{3,4}-\d{4}-\d{6}$/;
export const TRACKING_CODE = /^[A-Za-z0-9]{8}$/;
