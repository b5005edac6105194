/**
 * What the registry's inputs must be, whoever gives them (the API, a page, the CLI): an extract's
 * period, an import's rejection threshold, and the stated basis of an export. Pure: no I/O.
 */
import type { Problem, Result } from '../errors.js';

export function validPeriod(p: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(p);
}

/** A rejection threshold as people write it: "1%", "0,5 %", "0.01" → 0.01, 0.005, 0.01; null if not one. */
export function parseThreshold(s: string): number | null {
  const m = /^(\d+(?:[.,]\d+)?)\s*(%)?$/.exec(s.trim());
  if (!m) return null;
  const v = Number(m[1]!.replace(',', '.')) / (m[2] ? 100 : 1);
  return v >= 0 && v <= 1 ? v : null;
}

export const REASON_MAX = 300;

export const reasonTooLong: Problem = { code: 'reason-too-long', message: 'Alasan terlalu panjang (maksimal 300 karakter)', messageEn: 'Reason too long (at most 300 characters)' };

/** The basis of an export of personal data (a request letter, a purpose): 5 to 300 characters. */
export function exportBasis(reason: string | undefined): Result<string> {
  const r = reason?.trim() ?? '';
  if (r.length < 5)
    return {
      ok: false,
      error: {
        code: 'reason-required',
        message: 'Dasar/keperluan ekspor wajib ditulis (minimal 5 karakter), mis. nomor surat permintaan',
        messageEn: 'The basis for the export is required (at least 5 characters), e.g. the request letter number',
      },
    };
  if (r.length > REASON_MAX) return { ok: false, error: reasonTooLong };
  return { ok: true, value: r };
}
