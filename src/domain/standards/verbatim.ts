/**
 * Normalisation used to compare encoded component text with the published decree:
 * only whitespace and markup are normalised, so a line that survives this and is found in the
 * decree was copied, not paraphrased.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

export function normalizeMarkup(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, e: string) => ENTITIES[e] ?? ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/\*+/g, '')
    .replace(/\|/g, ' ')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lines of an encoded text that cannot be found in the decree, after normalisation. */
export function linesNotInDecree(encoded: string, normalizedDecree: string): string[] {
  return encoded
    .split('\n')
    .map((l) => normalizeMarkup(l))
    .filter((l) => l.length > 0 && !normalizedDecree.includes(l));
}

/**
 * A looser comparison for `sigap standards lint`: besides whitespace and markup, case, typographic
 * quotes and dashes, and words split by a line-end hyphen ("pela- yanan") do not count as changes.
 */
export function normalizeLoose(text: string): string {
  return normalizeMarkup(text)
    .toLowerCase()
    .replace(/[\u201c\u201d\u201e]/g, '"')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/(\p{L})- (\p{L})/gu, '$1$2');
}
