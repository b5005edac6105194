/** SMS text (pure): GSM-7 or UCS-2, how many segments a text costs, and the short text of each notice with the office's name. */

/** The GSM 03.38 basic character set: one septet each. */
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** The extension table: an escape plus the character, so two septets each. */
const GSM7_EXTENSION = new Set('^{}\\[~]|€\f');

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsCheck {
  encoding: SmsEncoding;
  /** Septets (GSM-7, extension characters count 2) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
  /** Longer than one segment (160 GSM-7 or 70 UCS-2): costs more and may arrive split; shown to staff. */
  overOneSegment: boolean;
}

/** GSM-7 when every character is in the basic or extension table, otherwise UCS-2 (any emoji or non-Latin letter). */
export function smsEncoding(text: string): SmsEncoding {
  for (const ch of text) if (!GSM7_BASIC.has(ch) && !GSM7_EXTENSION.has(ch)) return 'UCS-2';
  return 'GSM-7';
}

/**
 * Segments as the networks count them: one GSM-7 segment holds 160 septets, a concatenated one 153
 * (the user data header takes 7); UCS-2 holds 70, concatenated 67.
 */
export function smsCheck(text: string): SmsCheck {
  const encoding = smsEncoding(text);
  let units = 0;
  if (encoding === 'GSM-7') for (const ch of text) units += GSM7_EXTENSION.has(ch) ? 2 : 1;
  else units = text.length;
  const [single, multi] = encoding === 'GSM-7' ? [160, 153] : [70, 67];
  const segments = units === 0 ? 1 : units <= single ? 1 : Math.ceil(units / multi);
  return { encoding, units, segments, overOneSegment: segments > 1 };
}

/** What an SMS says: the facts a notice carries (messages.ts NoticeFacts), read loosely so new kinds get a generic line. */
export interface SmsFacts {
  registrationNumber: string;
  officeName: string;
  trackingUrl: string;
  status: string;
}

const PHRASE: Record<string, (f: SmsFacts) => string> = {
  receipt: () => 'telah diterima',
  returned: () => 'perlu dilengkapi; rinciannya di halaman lacak',
  decision: (f) => (f.status === 'rejected' ? 'ditolak; alasannya di halaman lacak' : 'telah selesai'),
  'letter-ready': () => 'suratnya sudah siap diunduh atau diambil',
  'funds-transferred': () => 'dana bantuannya sudah ditransfer ke rekening penerima',
  'shelter-decision': () => 'ada keputusan rumah singgah; lihat halaman lacak',
  'shelter-terminated': () => 'selesai: klien dipulangkan dari rumah singgah',
  'emergency-outcome': () => 'selesai ditangani dan laporan ditutup',
};

/**
 * The SMS of a notice, in Bahasa Indonesia only and with the office's name first (Indonesian
 * operators block domestic SMS without the brand name: docs/NOTIFICATIONS.md). One segment where
 * possible: the officer's note and the service name are left to the tracking page, and when the
 * text still exceeds one segment the tracking address is dropped before the office name is ever
 * shortened. What cannot fit is sent anyway and flagged (`check.overOneSegment`).
 */
export function smsText(kind: string, f: SmsFacts): { text: string; check: SmsCheck } {
  const phrase = (PHRASE[kind] ?? (() => 'ada kabar baru; lihat halaman lacak'))(f);
  const core = `${f.officeName}: Permohonan ${f.registrationNumber} ${phrase}.`;
  const full = `${core} Lacak: ${f.trackingUrl}`;
  const fullCheck = smsCheck(full);
  if (!fullCheck.overOneSegment) return { text: full, check: fullCheck };
  return { text: core, check: smsCheck(core) };
}
