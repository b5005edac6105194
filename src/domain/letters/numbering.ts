/**
 * Letter numbers from an office's format (REFERENCE §8): `{seq:N}` zero-padded sequence, `{year}`,
 * `{month}`, `{roman-month}` and `{code}` (the archive classification code of the letter type).
 * The counter restarts every year in the office's time zone; its scope is the whole office or
 * one letter type. Pure: the caller supplies the sequence (from the transactional counter) and
 * the local date of numbering.
 */
import type { Problem } from '../errors.js';
import { romanMonth } from './dates.js';

export interface NumberingConfig {
  format: string;
  scope: 'office' | 'letter-type';
  codes: Record<string, string>;
}

const TOKEN = /\{([a-z-]+)(?::(\d+))?\}/g;
const NUMBER_TOKENS = ['seq', 'year', 'month', 'roman-month', 'code'] as const;

/** Problems with a format string (unknown tokens, no {seq}, a {code} without a code for a letter type in use). */
export function checkNumberFormat(cfg: NumberingConfig, letterTypes: string[]): Problem[] {
  const problems: Problem[] = [];
  let hasSeq = false;
  for (const m of cfg.format.matchAll(TOKEN)) {
    const name = m[1]!;
    if (!(NUMBER_TOKENS as readonly string[]).includes(name))
      problems.push({ code: 'number-token-unknown', message: `Penanda nomor tidak dikenal: {${name}}. Yang dikenal: ${NUMBER_TOKENS.map((t) => `{${t}}`).join(', ')}`, messageEn: `Unknown number token {${name}}. Known: ${NUMBER_TOKENS.map((t) => `{${t}}`).join(', ')}` });
    if (name === 'seq') hasSeq = true;
    if (m[2] !== undefined && name !== 'seq')
      problems.push({ code: 'number-token-width', message: `Lebar angka hanya untuk {seq}, bukan {${name}:${m[2]}}`, messageEn: `A width only applies to {seq}, not {${name}:${m[2]}}` });
  }
  if (!hasSeq) problems.push({ code: 'number-seq-missing', message: 'Format nomor wajib memuat {seq}', messageEn: 'The number format must contain {seq}' });
  if (/\{code\}/.test(cfg.format))
    for (const t of letterTypes)
      if (!cfg.codes[t])
        problems.push({ code: 'number-code-missing', message: `Format memakai {code} tetapi kode klasifikasi untuk jenis surat "${t}" belum diisi (letterNumbering.codes)`, messageEn: `The format uses {code} but letter type "${t}" has no classification code (letterNumbering.codes)` });
  return problems;
}

/** The counter that numbers a letter: one per office or per letter type, per local year. */
export function counterName(cfg: Pick<NumberingConfig, 'scope'>, letterType: string, year: string): string {
  return cfg.scope === 'letter-type' ? `letter:${letterType}:${year}` : `letter:${year}`;
}

/** Formats a number; `localDate` is YYYY-MM-DD in the office's time zone. */
export function formatLetterNumber(cfg: NumberingConfig, letterType: string, seq: number, localDate: string): string {
  const [year, month] = localDate.split('-');
  return cfg.format.replace(TOKEN, (whole, name: string, width?: string) => {
    switch (name) {
      case 'seq':
        return width ? String(seq).padStart(Number(width), '0') : String(seq);
      case 'year':
        return year!;
      case 'month':
        return month!;
      case 'roman-month':
        return romanMonth(Number(month));
      case 'code':
        return cfg.codes[letterType] ?? '';
      default:
        return whole;
    }
  });
}
