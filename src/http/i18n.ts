/** UI strings. Bahasa Indonesia is the default; English with ?lang=en. */
export type Lang = 'id' | 'en';

export function pickLang(query: unknown): Lang {
  return query !== null && typeof query === 'object' && 'lang' in query && query.lang === 'en' ? 'en' : 'id';
}

/** A phrase in the page's language, for words used once; repeated words live in the dictionary below. */
export const L = (lang: Lang, id: string, en: string) => (lang === 'id' ? id : en);

const T = {
  siteName: { id: 'Sigap — Standar Pelayanan Dinas Sosial', en: 'Sigap — Social Service Standards' },
  skip: { id: 'Lewati ke konten utama', en: 'Skip to main content' },
  offices: { id: 'Daftar Dinas Sosial', en: 'Social affairs offices' },
  homeIntro: {
    id: 'Standar Pelayanan setiap Dinas Sosial, persis seperti yang ditetapkan dalam keputusannya: persyaratan, prosedur, jangka waktu, biaya, produk, dan pengaduan.',
    en: "Every social affairs office's service standards exactly as its decree sets them: requirements, procedure, time limit, fee, product and complaints.",
  },
  services: { id: 'Layanan', en: 'Services' },
  serviceCount: { id: 'layanan', en: 'services' },
  decree: { id: 'Dasar penetapan', en: 'Decree' },
  decreeNo: { id: 'Nomor', en: 'Number' },
  decreeDate: { id: 'Tanggal', en: 'Date' },
  signedBy: { id: 'Ditetapkan oleh', en: 'Signed by' },
  amends: { id: 'Mengubah', en: 'Amends' },
  revokes: { id: 'Mencabut', en: 'Revokes' },
  noNumber: { id: 'Tanpa nomor keputusan', en: 'No decree number' },
  hours: { id: 'Jam pelayanan', en: 'Service hours' },
  hoursDefault: {
    id: 'Jam pelayanan tidak tercantum dalam keputusan. Jadwal berikut adalah jadwal bawaan Sigap sampai admin kantor menetapkan jadwal sebenarnya.',
    en: 'Service hours are not stated in the decree. The schedule below is Sigap\'s default until the office admin sets the real one.',
  },
  allDay: { id: 'Setiap hari, 24 jam', en: 'Every day, 24 hours' },
  closedHolidays: { id: 'Tutup pada hari libur nasional dan cuti bersama.', en: 'Closed on national holidays and collective leave days.' },
  complaints: { id: 'Pengaduan, saran dan masukan', en: 'Complaints and suggestions' },
  responsePromise: { id: 'Janji respon', en: 'Response promise' },
  maklumat: { id: 'Maklumat Pelayanan', en: 'Service pledge (maklumat)' },
  vision: { id: 'Visi', en: 'Vision' },
  mission: { id: 'Misi', en: 'Mission' },
  motto: { id: 'Motto', en: 'Motto' },
  values: { id: 'Nilai', en: 'Values' },
  ethics: { id: 'Kode Etik', en: 'Code of ethics' },
  contacts: { id: 'Kontak', en: 'Contacts' },
  timeLimit: { id: 'Jangka waktu', en: 'Time limit' },
  fee: { id: 'Biaya', en: 'Fee' },
  free: { id: 'Gratis', en: 'Free' },
  product: { id: 'Produk', en: 'Product' },
  validity: { id: 'Masa berlaku', en: 'Validity' },
  requirements: { id: 'Persyaratan', en: 'Requirements' },
  optional: { id: 'jika ada / bila diperlukan', en: 'if applicable' },
  flowchart: { id: 'Alur prosedur', en: 'Procedure flowchart' },
  flowchartNote: {
    id: 'Bagan ini digambar dari prosedur yang dijalankan Sigap untuk layanan ini.',
    en: 'This chart is drawn from the procedure Sigap runs for this service.',
  },
  flowchartSvg: { id: 'Unduh bagan (SVG)', en: 'Download chart (SVG)' },
  components: { id: 'Standar pelayanan sebagaimana ditetapkan', en: 'The standard as decreed' },
  componentsNote: {
    id: 'Teks di bawah ini disalin apa adanya dari keputusan, termasuk salah ketiknya.',
    en: 'The text below is copied verbatim from the decree (in Indonesian), typos included.',
  },
  groupDelivery: { id: 'Penyampaian pelayanan', en: 'Service delivery' },
  groupManufacturing: { id: 'Pengelolaan pelayanan di internal organisasi', en: 'Internal management' },
  groupOther: { id: 'Komponen', en: 'Components' },
  notDetailed: {
    id: 'Layanan ini hanya tercantum dalam daftar layanan keputusan, tanpa rincian standar, sehingga belum dibuka untuk permohonan.',
    en: 'This service is only listed in the decree, without a detailed standard, so it is not open for applications.',
  },
  print: { id: 'Cetak leaflet', en: 'Print leaflet' },
  back: { id: 'Kembali', en: 'Back' },
  home: { id: 'Beranda', en: 'Home' },
  apiDocs: { id: 'Dokumentasi API', en: 'API documentation' },
  language: { id: 'English', en: 'Bahasa Indonesia' },
  notFound: { id: 'Halaman tidak ditemukan', en: 'Page not found' },
  initiators: { id: 'Siapa yang dapat mengajukan', en: 'Who can start a case' },
  unit: { id: 'Unit pelayanan', en: 'Service unit' },
  days: {
    id: { mon: 'Senin', tue: 'Selasa', wed: 'Rabu', thu: 'Kamis', fri: 'Jumat', sat: 'Sabtu', sun: 'Minggu' },
    en: { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' },
  },
  initiator: {
    id: { citizen: 'Warga / keluarga', official: 'Laporan aparat atau masyarakat (RT, lurah, camat, call center 112)', institution: 'Lembaga (LKS, yayasan, kampus, panti)', office: 'Data Dinas Sosial sendiri', collective: 'Usulan kolektif desa/kelurahan' },
    en: { citizen: 'Citizen / family', official: 'Report by an official or the public (RT, lurah, camat, call centre 112)', institution: 'Institution (LKS, foundation, campus, panti)', office: "The office's own data", collective: 'Collective proposal by a village' },
  },
  productKind: {
    id: { letter: 'Surat', permit: 'Izin', aid: 'Bantuan', service: 'Layanan', data: 'Data', information: 'Informasi' },
    en: { letter: 'Letter', permit: 'Permit', aid: 'Aid', service: 'Service', data: 'Data', information: 'Information' },
  },
} as const;

/**
 * Clock states, one wording everywhere: a case's or a complaint's running clock (on-time,
 * at-risk, late, paused, not-started, closed) and a finished complaint answer (met, missed).
 * "Dalam batas waktu" is said of a clock still running; "tepat waktu" of work finished in time.
 */
const SLA: Record<string, { id: string; en: string; tone: 'on-time' | 'at-risk' | 'late' | 'neutral' }> = {
  'on-time': { id: 'Dalam batas waktu', en: 'On time', tone: 'on-time' },
  'at-risk': { id: 'Hampir terlambat', en: 'At risk', tone: 'at-risk' },
  late: { id: 'Terlambat', en: 'Late', tone: 'late' },
  paused: { id: 'Jeda', en: 'Paused', tone: 'neutral' },
  'not-started': { id: 'Belum mulai', en: 'Not started', tone: 'neutral' },
  closed: { id: 'Selesai', en: 'Closed', tone: 'neutral' },
  met: { id: 'Dijawab tepat waktu', en: 'Answered on time', tone: 'on-time' },
  missed: { id: 'Dijawab terlambat', en: 'Answered late', tone: 'late' },
};

export function slaLabel(lang: Lang, state: string): string {
  return SLA[state]?.[lang] ?? state;
}

/** The CSS class of a clock state's badge (the stylesheet colours on-time, at-risk and late). */
export function slaTone(state: string): string {
  const tone = SLA[state]?.tone ?? 'neutral';
  return tone === 'neutral' ? 'sla-closed' : `sla-${tone}`;
}

type Simple = { [K in keyof typeof T]: (typeof T)[K] extends { id: string } ? K : never }[keyof typeof T];

export function t(lang: Lang, key: Simple): string {
  return (T[key] as { id: string; en: string })[lang];
}

export function dayName(lang: Lang, d: string): string {
  return (T.days[lang] as Record<string, string>)[d] ?? d;
}
export function initiatorName(lang: Lang, k: string): string {
  return (T.initiator[lang] as Record<string, string>)[k] ?? k;
}
export function productKindName(lang: Lang, k: string): string {
  return (T.productKind[lang] as Record<string, string>)[k] ?? k;
}

const ZONES: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };
export const zoneAbbr = (tz: string) => ZONES[tz] ?? tz;

/** "29 Desember 2023" / "29 December 2023" from YYYY-MM-DD, read as a calendar date. */
export function formatDate(lang: Lang, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y!, m! - 1, d!)),
  );
}

const DAYS_ID_EN: Record<string, string> = { Senin: 'Monday', Selasa: 'Tuesday', Rabu: 'Wednesday', Kamis: 'Thursday', Jumat: 'Friday', Sabtu: 'Saturday', Minggu: 'Sunday' };
const MONTHS_ID_EN: Record<string, string> = {
  Januari: 'January', Februari: 'February', Maret: 'March', April: 'April', Mei: 'May', Juni: 'June',
  Juli: 'July', Agustus: 'August', September: 'September', Oktober: 'October', November: 'November', Desember: 'December',
};

/**
 * An office-local time as the clock writes it ("Senin, 7 Desember 2026 14.30 WIB") in the page's
 * language: the use cases keep one wording (the one letters and the CLI print); English pages
 * translate the day and month names and use a colon in the time.
 */
export function when(lang: Lang, local: string | null | undefined): string {
  if (!local) return '—';
  if (lang === 'id') return local;
  return local
    .replace(/\b(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\b/g, (d) => DAYS_ID_EN[d]!)
    .replace(/\b(Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember)\b/g, (m) => MONTHS_ID_EN[m]!)
    .replace(/\b(\d{2})\.(\d{2})(?:\.(\d{2}))?\b/g, (_, h: string, mi: string, s?: string) => `${h}:${mi}${s ? `:${s}` : ''}`);
}
