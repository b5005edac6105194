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

/**
 * The office code in registration and receipt numbers is office data (`registrationCode` in
 * office.yaml): deriving it from the region name made Kota and Kabupaten Semarang both SMR.
 */
export const OFFICE_CODE = /^[A-Z]{2,5}$/;

/** `JMB-2026-000123`: office code, year, yearly sequence. */
export const registrationNumber = (code: string, year: string, seq: number) => `${code}-${year}-${String(seq).padStart(6, '0')}`;

export const REGISTRATION_NUMBER = /^[A-Z]{2,5}-\d{4}-\d{6}$/;
export const TRACKING_CODE = /^[A-Za-z0-9]{8}$/;
