// Whether a public complaint summary identifies the complainant, after undoing the ways a text hides a name or a number.
/**
 * A published summary must not name the complainant nor give their phone, e-mail or NIK (Perpres 76/2013
 * publishes results, UU 27/2022 protects the person). A plain substring check was bypassed by extra
 * spaces; so both sides are normalised first: Unicode compatibility forms (full-width letters), accents,
 * case, look-alike Cyrillic/Greek letters, invisible characters, punctuation and every kind of spacing
 * (`Rahmat  Hidayat`, `R a h m a t`, `Rahmat.Hidayat`), and digit grouping (`1571 0201 0101 0003`,
 * `1571.0201.0101.0003`, `0812-5123-4567`). Any 16-digit number, however grouped, is refused too: a
 * NIK or KK number has no place in a public summary, whoever's it is.
 */

/** Who the summary must not identify. */
export interface ComplainantIdentity {
  name?: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  /** NIKs tied to the complaint (the applicant of the case it concerns). */
  niks?: readonly (string | null | undefined)[];
}

export type IdentityHit = 'name' | 'phone' | 'email' | 'nik';

// Latin look-alikes that NFKC keeps apart (Cyrillic and Greek letters that print like Latin ones).
const LOOKALIKE: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', у: 'y', і: 'i', ј: 'j', к: 'k', м: 'm', н: 'h', т: 't', в: 'b', ѕ: 's', һ: 'h', ԁ: 'd',
  α: 'a', ε: 'e', ο: 'o', ρ: 'p', τ: 't', υ: 'u', ι: 'i', κ: 'k', ν: 'v', χ: 'x',
};

/** Letters and digits only, lower case, accents and look-alikes folded: what a reader reads. */
export function compactForMatch(s: string): string {
  const folded = s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  let out = '';
  for (const ch of folded) {
    const c = LOOKALIKE[ch] ?? ch;
    if (/[\p{L}\p{N}]/u.test(c)) out += c;
  }
  return out.normalize('NFKC');
}

/** The same, keeping one space where words were separated (for whole-word matching of short names). */
function wordsForMatch(s: string): string {
  return ` ${s.split(/[^\p{L}\p{N}]+/u).map(compactForMatch).filter(Boolean).join(' ')} `;
}

const digitsOf = (s: string) => s.normalize('NFKC').replace(/\D/g, '');

/** A run of 16 digits, grouped by spaces, dots, dashes or slashes in any way (a NIK or a KK number). */
const SIXTEEN_DIGITS = /(?<!\d)\d(?:[\s.\-/]{0,3}\d){15}(?![\s.\-/]{0,3}\d)/u;

/** The first way the text identifies the complainant, or null. */
export function summaryIdentifies(text: string, who: ComplainantIdentity): IdentityHit | null {
  const compact = compactForMatch(text);
  const words = wordsForMatch(text);
  const name = who.name ? compactForMatch(who.name) : '';
  if (name.length >= 3) {
    // A long name is matched however it is spaced or punctuated; a short one as whole words, so that
    // "Ani" does not match "pelayanan".
    if (name.length >= 6 ? compact.includes(name) : words.includes(wordsForMatch(who.name!))) return 'name';
  }
  const digits = digitsOf(text);
  for (const nik of who.niks ?? []) {
    const n = nik ? digitsOf(nik) : '';
    if (n.length >= 16 && digits.includes(n)) return 'nik';
  }
  if (SIXTEEN_DIGITS.test(text.normalize('NFKC'))) return 'nik';
  const phone = who.phone ? digitsOf(who.phone).replace(/^(?:62|0)/, '') : '';
  if (phone.length >= 6 && digits.includes(phone)) return 'phone';
  if (who.email) {
    const email = compactForMatch(who.email);
    const local = compactForMatch(who.email.split('@')[0] ?? '');
    if (compact.includes(email) || (local.length >= 5 && compact.includes(local))) return 'email';
  }
  return null;
}
