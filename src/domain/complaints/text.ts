/**
 * Free text from the public (complaints, suggestions) and staff. Nothing is ever executed: every
 * page escapes on output. On input, control characters are refused (they have no place in a
 * complaint and are used to break logs and terminals), bidirectional overrides are removed
 * (they can make text read differently from how it is stored), line ends are normalised and the
 * text is NFC-normalised and trimmed.
 */
import type { FieldProblem, Problem } from '../errors.js';

// C0 controls except TAB and LF (CR is normalised first), DEL, C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI).
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;

export interface TextRule {
  field: string;
  label: string;
  labelEn: string;
  min?: number;
  max: number;
  multiline?: boolean;
  required?: boolean;
}

export type { FieldProblem } from '../errors.js';

export type CleanResult = { ok: true; value: string | null } | { ok: false; problem: FieldProblem };

export function cleanText(input: unknown, rule: TextRule): CleanResult {
  const fail = (code: string, message: string, messageEn: string): CleanResult => ({ ok: false, problem: { field: rule.field, code, message, messageEn } });
  if (input === undefined || input === null || (typeof input === 'string' && input.trim() === '')) {
    if (rule.required) return fail(`${rule.field.split('.').pop()}-required`, `${rule.label} wajib diisi`, `${rule.labelEn} is required`);
    return { ok: true, value: null };
  }
  if (typeof input !== 'string') return fail('not-text', `${rule.label} harus berupa teks`, `${rule.labelEn} must be text`);
  let s = input.replace(/\r\n?/g, '\n');
  if (CONTROL.test(s)) return fail('control-characters', `${rule.label} memuat karakter kontrol yang tidak diizinkan`, `${rule.labelEn} contains control characters that are not allowed`);
  s = s.replace(BIDI, '').normalize('NFC').trim();
  if (!rule.multiline && s.includes('\n')) return fail('single-line', `${rule.label} harus satu baris`, `${rule.labelEn} must be a single line`);
  if (!rule.multiline) s = s.replace(/\t/g, ' ');
  const len = [...s].length;
  if (rule.min !== undefined && len < rule.min) return fail('too-short', `${rule.label} minimal ${rule.min} karakter`, `${rule.labelEn} needs at least ${rule.min} characters`);
  if (len > rule.max) return fail('too-long', `${rule.label} maksimal ${rule.max} karakter (sekarang ${len})`, `${rule.labelEn} allows at most ${rule.max} characters (now ${len})`);
  if (s === '') return rule.required ? fail(`${rule.field.split('.').pop()}-required`, `${rule.label} wajib diisi`, `${rule.labelEn} is required`) : { ok: true, value: null };
  return { ok: true, value: s };
}
