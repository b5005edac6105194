/**
 * Masking of personal identifiers for anything shown to the public (REFERENCE §5, UU 27/2022).
 *
 * A 16-digit NIK or No. KK keeps its first 6 digits (the area code, grouped 4 + 2) and its last 4;
 * the 6 in between (the birth or issue date) become "•". The result is grouped in fours:
 *   1571024107900003 → "1571 02•• •••• 0003"
 * Separators in the input are ignored. Anything that is not exactly 16 digits after that is masked
 * completely (same length, grouped in fours), so a malformed value can never leak.
 */
import { stripSeparators } from './nik.js';

const DOT = '•';

function groupsOfFour(s: string): string {
  return (s.match(/.{1,4}/gu) ?? []).join(' ');
}

function maskIdNumber(input: string): string {
  const digits = stripSeparators(input);
  if (/^\d{16}$/.test(digits)) return groupsOfFour(digits.slice(0, 6) + DOT.repeat(6) + digits.slice(12));
  return groupsOfFour(DOT.repeat([...digits].length));
}

/** "1571 02•• •••• 0003". */
export function maskNik(nik: string): string {
  return maskIdNumber(nik);
}

/** Same shape as maskNik: "1571 02•• •••• 0004". */
export function maskKk(kk: string): string {
  return maskIdNumber(kk);
}
