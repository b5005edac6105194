/** Which case events tell the applicant something, and the message each says (pure: issue 16, docs/NOTIFICATIONS.md). */

/** The moments a citizen is told about, in this first slice (e-mail only). */
export const NOTICE_KINDS = ['receipt', 'returned', 'decision', 'letter-ready', 'waiting-external', 'visit-scheduled', 'funds-transferred', 'complaint-receipt', 'complaint-answer', 'shelter-decision', 'shelter-terminated', 'emergency-outcome'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
/** The kinds that may go by WhatsApp (a template each): a complaint's are e-mail only (queue-complaint-notices.ts). */
export const WHATSAPP_NOTICE_KINDS = NOTICE_KINDS.filter((k) => !k.startsWith('complaint-'));

/** Each kind of notice in words, for the staff timeline and the citizen's own case history. */
export const NOTICE_LABEL: Record<string, [string, string]> = {
  receipt: ['tanda terima', 'receipt'],
  returned: ['berkas perlu dilengkapi', 'file needs completing'],
  decision: ['keputusan', 'decision'],
  'letter-ready': ['surat sudah siap', 'letter ready'],
  'waiting-external': ['menunggu instansi lain', 'waiting on another agency'],
  'visit-scheduled': ['jadwal kunjungan', 'visit scheduled'],
  'funds-transferred': ['dana sudah ditransfer', 'funds transferred'],
  'complaint-receipt': ['tanda terima pengaduan', 'complaint receipt'],
  'complaint-answer': ['pengaduan ditanggapi', 'complaint answered'],
  'shelter-decision': ['keputusan rumah singgah', 'shelter decision'],
  'shelter-terminated': ['klien rumah singgah dipulangkan', 'shelter client returned'],
  'emergency-outcome': ['hasil penanganan laporan', 'outcome of the report'],
};

/** The channels a message can go through; only e-mail has an adapter yet (WhatsApp and SMS are next). */
export type Channel = 'email';

/** The part of a case event the map reads. */
export interface NoticeEvent {
  type: string;
  note: string | null;
  data: Record<string, unknown>;
  /**
   * The step the event moved the case into, when the caller knows it: its kind, the outside body of
   * an external step, and the moment the service's decree promises to tell at its start (`moments:`).
   */
  next?: { kind: string; external?: string | null; moment?: NoticeKind | null } | null;
}

/**
 * The event's notice, or none. One event is one message per channel (the outbox's unique key):
 * a step that signs the letter and closes the case says "letter ready", which carries the decision;
 * a refusal says the decision with its reason; a withdrawal, the applicant's own act, says nothing.
 */
export function noticeOf(e: NoticeEvent): NoticeKind | null {
  if (e.type === 'submitted') return 'receipt';
  if (e.type === 'returned') return 'returned';
  if (e.type === 'closed:rejected') return 'decision';
  if (e.type === 'letter-signed' || signsALetter(e.data)) return 'letter-ready';
  if (e.type === 'closed:completed') return 'decision';
  // A moment the decree promises (e.g. Banjarmasin's "ditransfer ke Rekening Penerima Bansos") is told as its own notice.
  if (e.type === 'step-completed' && e.next?.moment) return e.next.moment;
  // A visit is told only with its time: an event carrying `visitAt` (no step records one yet).
  if (e.type === 'step-completed' && typeof e.data.visitAt === 'string') return 'visit-scheduled';
  // The wait on an outside body (BPKPAD, BPJS, the ministry) is told with the body's name only.
  if (e.type === 'step-completed' && e.next?.kind === 'external' && e.next.external) return 'waiting-external';
  // An emergency report's person referred to the rumah singgah: Banjarmasin 9 step 5 "Pemberian Informasi
  // penerimaan calon klien kepada instansi/lembaga/masyarakat yang melakukan permohonan", and the termination.
  if (e.type === 'emergency:shelter-decision') return 'shelter-decision';
  if (e.type === 'emergency:shelter-terminated') return 'shelter-terminated';
  // An outcome of the chain (hospital, pemulangan, identity documents) closes the report: "Terminasi dan Penyampaian Informasi kepada Pelapor".
  if (e.type === 'emergency:outcome') return 'emergency-outcome';
  return null;
}

/**
 * A complaint event's notice to the complainant, or none: the receipt when it is recorded, and the
 * written response when the office answers it or says it is not its authority (both close the
 * office's part; the complainant reads the words on the tracking page). Merging, reopening and
 * internal work say nothing: the complainant did not act and nothing is asked of them.
 */
export function complaintNoticeOf(eventType: string): NoticeKind | null {
  if (eventType === 'received') return 'complaint-receipt';
  if (eventType === 'answered' || eventType === 'not-our-authority') return 'complaint-answer';
  return null;
}

/** A step's letters report (usecases/letters/effects.ts) names a letter it signed. */
function signsALetter(data: Record<string, unknown>): boolean {
  const letters = data.letters;
  return Array.isArray(letters) && letters.some((l) => typeof l === 'object' && l !== null && (l as { action?: unknown }).action === 'signed');
}

/**
 * What a message may say. Deliberately no NIK, diagnosis, disability or amount (issue 16 §4): only
 * the registration number, the service and office names, the status, the officer's note on a
 * return or refusal, and the tracking page's address (the code is never in a URL: the citizen
 * types it on /lacak, track-cookie.ts).
 */
export interface NoticeFacts {
  registrationNumber: string;
  serviceName: string;
  officeName: string;
  /** The tracking page, without any code: `${publicBaseUrl}/lacak`. */
  trackingUrl: string;
  /** The case's status after the event (e.g. waiting-applicant, completed, rejected). */
  status: string;
  /** What is missing (on a return) or why (on a refusal): the officer's note. */
  note: string | null;
  letterNumber: string | null;
  /** The outside body the case now waits on (waiting-external): its name, nothing about why. */
  outsideBody?: string | null;
  /** When the visit is (visit-scheduled), in the office's local time words. */
  visitLocal?: string | null;
  /** The message's own stop link (a signed token for this case and channel, never the code or NIK). */
  stopUrl?: string | null;
}

export interface Message {
  subject: string;
  text: string;
}

/** Status words for the citizen, in both languages. */
const STATUS: Record<string, [string, string]> = {
  open: ['sedang diproses', 'in progress'],
  'waiting-applicant': ['menunggu kelengkapan dari Anda', 'waiting for you to complete the file'],
  'waiting-external': ['menunggu instansi lain', 'waiting for another agency'],
  'waiting-signature': ['menunggu tanda tangan', 'waiting for signature'],
  completed: ['selesai', 'completed'],
  rejected: ['ditolak', 'refused'],
  withdrawn: ['dicabut', 'withdrawn'],
  // A complaint's statuses (domain/complaints ComplaintStatus; 'open' is shared with cases).
  answered: ['sudah dijawab', 'answered'],
  closed: ['selesai', 'closed'],
};

export type Template = (f: NoticeFacts) => Message;

const footer = (f: NoticeFacts) =>
  `\n\nLacak permohonan Anda di ${f.trackingUrl} dengan nomor pendaftaran ${f.registrationNumber} dan kode lacak pada tanda terima.\n` +
  `Track your application at ${f.trackingUrl} with registration number ${f.registrationNumber} and the tracking code on your receipt.\n\n` +
  `${f.officeName}\nPesan ini dikirim otomatis; jangan balas dengan data pribadi. / This message is sent automatically; do not reply with personal data.` +
  (f.stopUrl ? `\nBerhenti menerima kabar ini / Stop these messages: ${f.stopUrl}` : '');

const status = (f: NoticeFacts) => {
  const [id, en] = STATUS[f.status] ?? [f.status, f.status];
  return `Status: ${id} / ${en}`;
};

/**
 * A complaint's message ends like a case's, but points at the complaint tracking page (`/pengaduan`)
 * and its receipt number. Never the complaint's text nor the answer's: a mailbox or a shared phone is
 * not the place for them; the complainant reads them with the receipt's tracking code.
 */
const complaintFooter = (f: NoticeFacts) =>
  `\n\nLacak pengaduan Anda di ${f.trackingUrl} dengan nomor pengaduan ${f.registrationNumber} dan kode lacak pada tanda terima.\n` +
  `Track your complaint at ${f.trackingUrl} with complaint number ${f.registrationNumber} and the tracking code on your receipt.\n\n` +
  `${f.officeName}\nPesan ini dikirim otomatis; jangan balas dengan data pribadi. / This message is sent automatically; do not reply with personal data.`;

/** The defaults every office starts with. */
/** The outcome in words for the reporter, by kind (domain/outcomes). */
const OUTCOME_WORDS: Record<string, [string, string]> = {
  hospital: ['telah dirujuk ke rumah sakit untuk penanganan lebih lanjut', 'has been referred to a hospital for further care'],
  pemulangan: ['sedang difasilitasi pemulangan ke daerah asalnya', 'is being helped to return to their home region'],
  identity: ['sedang dibantu mengurus dokumen kependudukan', 'is being helped to obtain identity documents'],
};

export const DEFAULT_TEMPLATES: Record<NoticeKind, Template> = {
  receipt: (f) => ({
    subject: `Permohonan ${f.registrationNumber} diterima / Application received`,
    text:
      `Permohonan ${f.serviceName} Anda telah diterima dengan nomor pendaftaran ${f.registrationNumber}.\n` +
      `Your application (${f.serviceName}) has been received under registration number ${f.registrationNumber}.\n${status(f)}` +
      footer(f),
  }),
  returned: (f) => ({
    subject: `Permohonan ${f.registrationNumber}: berkas perlu dilengkapi / File needs completing`,
    text:
      `Berkas permohonan ${f.registrationNumber} (${f.serviceName}) dikembalikan untuk dilengkapi.\n` +
      `The file of application ${f.registrationNumber} (${f.serviceName}) was returned for completion.\n` +
      `Yang perlu dilengkapi / What is missing: ${f.note ?? '-'}\n` +
      `Lengkapi secara daring di halaman lacak atau di loket. / Complete it online on the tracking page or at the counter.\n${status(f)}` +
      footer(f),
  }),
  decision: (f) => ({
    subject: `Permohonan ${f.registrationNumber}: ${f.status === 'rejected' ? 'ditolak / refused' : 'selesai / completed'}`,
    text:
      (f.status === 'rejected'
        ? `Permohonan ${f.registrationNumber} (${f.serviceName}) ditolak.\nApplication ${f.registrationNumber} (${f.serviceName}) was refused.\nAlasan / Reason: ${f.note ?? '-'}\n`
        : `Permohonan ${f.registrationNumber} (${f.serviceName}) telah selesai diproses.\nApplication ${f.registrationNumber} (${f.serviceName}) has been completed.\n`) +
      status(f) +
      footer(f),
  }),
  'waiting-external': (f) => ({
    subject: `Permohonan ${f.registrationNumber}: menunggu instansi lain / Waiting on another agency`,
    text:
      `Permohonan ${f.registrationNumber} (${f.serviceName}) kini menunggu proses di ${f.outsideBody ?? 'instansi lain'}. Kami akan mengabari Anda setelah ada hasilnya.\n` +
      `Application ${f.registrationNumber} (${f.serviceName}) now waits on ${f.outsideBody ?? 'another agency'}. We will tell you when there is a result.\n${status(f)}` +
      footer(f),
  }),
  'visit-scheduled': (f) => ({
    subject: `Permohonan ${f.registrationNumber}: jadwal kunjungan / Visit scheduled`,
    text:
      `Petugas akan berkunjung untuk permohonan ${f.registrationNumber} (${f.serviceName}) pada ${f.visitLocal ?? '-'}.\n` +
      `An officer will visit about application ${f.registrationNumber} (${f.serviceName}) on ${f.visitLocal ?? '-'}.\n${status(f)}` +
      footer(f),
  }),
  'letter-ready': (f) => ({
    subject: `Permohonan ${f.registrationNumber}: surat sudah siap / Letter ready`,
    text:
      `Surat untuk permohonan ${f.registrationNumber} (${f.serviceName})${f.letterNumber ? ` nomor ${f.letterNumber}` : ''} sudah ditandatangani dan siap diunduh di halaman lacak atau diambil di kantor.\n` +
      `The letter for application ${f.registrationNumber} (${f.serviceName})${f.letterNumber ? ` number ${f.letterNumber}` : ''} has been signed and is ready to download on the tracking page or to collect at the office.\n${status(f)}` +
      footer(f),
  }),
  'funds-transferred': (f) => ({
    subject: `Permohonan ${f.registrationNumber}: dana bantuan sudah ditransfer / Funds transferred`,
    text:
      `Dana bantuan ${f.serviceName} untuk permohonan ${f.registrationNumber} sudah ditransfer secara non tunai ke rekening penerima yang tercantum dalam berkas. Silakan periksa rekening tersebut.\n` +
      `The ${f.serviceName} funds for application ${f.registrationNumber} have been transferred (non-cash) to the recipient's account given in the file. Please check that account.\n${status(f)}` +
      footer(f),
  }),
  // Whether the person was housed or referred on, and that they went home: never their name, the shelter's address or the referral's place.
  'shelter-decision': (f) => ({
    subject: `Laporan ${f.registrationNumber}: ${f.note === 'rujukan-lain' ? 'dirujuk ke layanan lain / referred elsewhere' : 'diterima di rumah singgah / housed in the shelter'}`,
    text:
      (f.note === 'rujukan-lain'
        ? `Orang yang Anda laporkan (laporan ${f.registrationNumber}) tidak dapat ditampung di rumah singgah ${f.officeName} dan telah diberi rujukan lainnya.\nThe person you reported (report ${f.registrationNumber}) could not be housed in the ${f.officeName} shelter and has been referred elsewhere.\n`
        : `Orang yang Anda laporkan (laporan ${f.registrationNumber}) dapat ditampung di rumah singgah ${f.officeName} dan diberikan intervensi.\nThe person you reported (report ${f.registrationNumber}) can be housed in the ${f.officeName} shelter and is being helped.\n`) +
      status(f) +
      footer(f),
  }),
  'shelter-terminated': (f) => ({
    subject: `Laporan ${f.registrationNumber}: klien telah dipulangkan / Client returned`,
    text:
      `Orang yang Anda laporkan (laporan ${f.registrationNumber}) telah selesai dilayani di rumah singgah ${f.officeName} dan dipulangkan/direunifikasi ke keluarga atau masyarakat.\n` +
      `The person you reported (report ${f.registrationNumber}) has left the ${f.officeName} shelter and returned to their family or community.\n${status(f)}` +
      footer(f),
  }),
  // What became of the person, never where: no hospital's name, no home region, no document numbers (the note is the outcome's kind).
  'emergency-outcome': (f) => {
    const [id, en] = OUTCOME_WORDS[f.note ?? ''] ?? ['telah ditangani', 'has been helped'];
    return {
      subject: `Laporan ${f.registrationNumber}: selesai ditangani / Report closed`,
      text:
        `Orang yang Anda laporkan (laporan ${f.registrationNumber}) ${id}. Laporan Anda telah ditutup oleh ${f.officeName}. Terima kasih atas laporan Anda.\n` +
        `The person you reported (report ${f.registrationNumber}) ${en}. ${f.officeName} has closed your report. Thank you for reporting.\n${status(f)}` +
        footer(f),
    };
  },
  'complaint-receipt': (f) => ({
    subject: `Pengaduan ${f.registrationNumber} diterima / Complaint received`,
    text:
      `Pengaduan Anda kepada ${f.officeName} telah diterima dengan nomor ${f.registrationNumber}.\n` +
      `Your complaint to ${f.officeName} has been received under number ${f.registrationNumber}.\n${status(f)}` +
      complaintFooter(f),
  }),
  'complaint-answer': (f) => ({
    subject: `Pengaduan ${f.registrationNumber}: sudah ditanggapi / Answered`,
    text:
      `Pengaduan ${f.registrationNumber} telah mendapat tanggapan tertulis dari ${f.officeName}. Baca tanggapannya di halaman lacak pengaduan; bila belum selesai, Anda dapat menyampaikannya di sana.\n` +
      `Complaint ${f.registrationNumber} has a written response from ${f.officeName}. Read it on the complaint tracking page; if the matter is not resolved, you can say so there.\n${status(f)}` +
      complaintFooter(f),
  }),
};

/**
 * An office's or a service's own wording replaces a default kind by kind (service over office over
 * default); the standards carry it as `notices:` (wordingTemplates).
 */
export interface TemplateOverrides {
  office?: Partial<Record<NoticeKind, Template>>;
  service?: Partial<Record<NoticeKind, Template>>;
}

/**
 * An office's or a service's own wording of a notice, as data in its standard (`notices:` in
 * office.yaml or a service file): a subject and a text with {placeholders}. Only the facts a message
 * may carry have a placeholder, so no wording can ever put a NIK (or a diagnosis, or an amount) into
 * a message; the tracking line and the stop link are always added after the office's text.
 */
export interface NoticeWording {
  subject: string;
  text: string;
}

/** The placeholders a wording may use, and the fact each stands for. */
export const WORDING_PLACEHOLDERS: Record<string, (f: NoticeFacts) => string> = {
  nomor: (f) => f.registrationNumber,
  layanan: (f) => f.serviceName,
  kantor: (f) => f.officeName,
  status: (f) => (STATUS[f.status] ?? [f.status])[0],
  catatan: (f) => f.note ?? '-',
  'nomor-surat': (f) => f.letterNumber ?? '-',
  instansi: (f) => f.outsideBody ?? '-',
  kunjungan: (f) => f.visitLocal ?? '-',
  lacak: (f) => f.trackingUrl,
};

/** The placeholders a wording names that Sigap does not know (empty when it may be used). */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!).filter((n) => !(n in WORDING_PLACEHOLDERS));
}

const fill = (text: string, f: NoticeFacts) => text.replace(/\{([^{}]*)\}/g, (all, n: string) => (WORDING_PLACEHOLDERS[n] ? WORDING_PLACEHOLDERS[n](f) : all));

/** A wording as a template: the office's subject and text, then Sigap's own footer (tracking line, stop link). */
export function wordingTemplate(w: NoticeWording): Template {
  return (f) => ({ subject: fill(w.subject, f), text: fill(w.text, f) + footer(f) });
}

/** The templates of a standard's `notices:` (office or service), kind by kind. */
export function wordingTemplates(notices: Partial<Record<string, NoticeWording>> | undefined): Partial<Record<NoticeKind, Template>> {
  const out: Partial<Record<NoticeKind, Template>> = {};
  for (const k of NOTICE_KINDS) if (notices?.[k]) out[k] = wordingTemplate(notices[k]);
  return out;
}

export function composeMessage(kind: NoticeKind, facts: NoticeFacts, overrides: TemplateOverrides = {}): Message {
  const t = overrides.service?.[kind] ?? overrides.office?.[kind] ?? DEFAULT_TEMPLATES[kind];
  return t(facts);
}

/** Seconds before the next attempt after `attempts` failures: 1 min doubling, at most 6 h. */
export function backoffSeconds(attempts: number): number {
  return Math.min(60 * 2 ** Math.max(0, attempts - 1), 6 * 3600);
}

/** After this many failed attempts a message is given up (status failed, visible to staff). */
export const MAX_ATTEMPTS = 8;
