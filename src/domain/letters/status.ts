/** A letter's status and its name in the archive, the register and the pages (both languages). Pure. */
export const LETTER_STATUSES = ['draft', 'ready', 'signed', 'revoked', 'cancelled'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

export const isLetterStatus = (s: string): s is LetterStatus => (LETTER_STATUSES as readonly string[]).includes(s);

/** Not signed yet: such a letter can still be redrafted, numbered, made ready or cancelled. */
export const isUnsigned = (s: LetterStatus) => s === 'draft' || s === 'ready';

const NAMES: Record<LetterStatus, { id: string; en: string }> = {
  draft: { id: 'Konsep', en: 'Draft' },
  ready: { id: 'Menunggu tanda tangan', en: 'Ready for signature' },
  signed: { id: 'Ditandatangani', en: 'Signed' },
  revoked: { id: 'Dicabut', en: 'Revoked' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
};

export const letterStatusName = (s: string, lang: 'id' | 'en' = 'id') => (isLetterStatus(s) ? NAMES[s][lang] : s);
