/**
 * Outcomes of the emergency/shelter chain (issue 13 §1, DOMAIN.md §1(d)5), pure: the kinds, the
 * decreed services each files where an office's standards have one, and what each must record.
 */
import type { FieldProblem } from '../errors.js';

export const OUTCOME_KINDS = ['hospital', 'pemulangan', 'identity'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];
export const OUTCOME_NAMES: Record<OutcomeKind, [string, string]> = {
  hospital: ['Rujukan ke rumah sakit', 'Referral to a hospital'],
  pemulangan: ['Fasilitasi pemulangan', 'Return home (pemulangan)'],
  identity: ['Dokumen kependudukan (Dukcapil)', 'Identity documents (civil registry)'],
};

/**
 * The decreed services an outcome files, by slug, the first the office's standards have. Choices
 * (docs/EMERGENCY.md "Outcomes"): pemulangan is Banjarmasin 6 "Pelayanan Fasilitasi Pemulangan Orang
 * Terlantar"; identity documents are Jambi 20 "identifikasi kependudukan PPKS" ("Melengkapi syarat
 * pembuatan dokumen kependudukan jika PPKS tersebut tidak memilikinya"); no decree has a hospital
 * referral whose requirements fit (Semarang's Lampiran III "rujukan rumah sakit atau panti sosial"
 * copies the data and complaints service's requirements), so a hospital referral is a chain record.
 */
export const OUTCOME_SERVICES: Record<OutcomeKind, readonly string[]> = {
  hospital: [],
  pemulangan: ['pemulangan-orang-terlantar'],
  identity: ['identifikasi-kependudukan-ppks'],
};

/** Permensos 9/2018 as restated in DOMAIN.md §2(b) 7: "fasilitasi pembuatan nomor induk kependudukan, akta kelahiran … dan kartu identitas Anak". */
export const IDENTITY_DOCUMENTS = ['ktp', 'kk', 'akta-kelahiran', 'kia'] as const;
export type IdentityDocument = (typeof IDENTITY_DOCUMENTS)[number];
export const IDENTITY_DOCUMENT_NAMES: Record<IdentityDocument, [string, string]> = {
  ktp: ['KTP (NIK)', 'Identity card (KTP, NIK)'],
  kk: ['Kartu Keluarga', 'Family card (KK)'],
  'akta-kelahiran': ['Akta kelahiran', 'Birth certificate'],
  kia: ['Kartu Identitas Anak', "Child's identity card (KIA)"],
};

export interface HospitalOutcome {
  kind: 'hospital';
  hospital: string;
  reason: string;
  escortedBy: string;
  /** When the person was taken (now unless given). */
  at?: string;
}
export interface PemulanganOutcome {
  kind: 'pemulangan';
  /** The daerah asal the person is to return to. */
  origin: string;
  /** "Pemohon berasal dari luar daerah" (Banjarmasin 6 Persyaratan). */
  fromOutsideRegion: boolean;
  /** "… dan sebab terlantar bukan karena pekerjaan": true when stranded because of work. */
  strandedByWork: boolean;
  /** The administrative requirements shown: the police's Surat Keterangan Terlantar, an identity, the Surat Terusan "jika ada". */
  documents: { policeLetter: boolean; identity: boolean; forwardingLetter: boolean };
}
export interface IdentityOutcome {
  kind: 'identity';
  documents: IdentityDocument[];
}
export type OutcomeInput = (HospitalOutcome | PemulanganOutcome | IdentityOutcome) & { note?: string };

const bad = (field: string, code: string, message: string, messageEn: string): FieldProblem => ({ field, code, message, messageEn });

/** How far back an escort time may be written down: the same choice as a report's time and a check-in. */
export const MAX_BACKDATE_HOURS = 72;

/**
 * What an outcome lacks, each beside its field. `earliest`: the report's time (or the stay's intake),
 * before which nobody was taken anywhere.
 */
export function outcomeProblems(o: OutcomeInput, now: string, earliest: string): FieldProblem[] {
  const p: FieldProblem[] = [];
  if (o.kind === 'hospital') {
    if (o.hospital.trim().length < 3) p.push(bad('hospital', 'hospital-required', 'Sebutkan rumah sakit tujuan rujukan', 'Name the hospital'));
    if (o.reason.trim().length < 3) p.push(bad('reason', 'reason-required', 'Tuliskan alasan rujukan ke rumah sakit', 'Give the reason for the referral'));
    if (o.escortedBy.trim().length < 3) p.push(bad('escortedBy', 'escort-required', 'Sebutkan siapa yang mengantar ke rumah sakit', 'Say who escorted the person to the hospital'));
    if (o.at !== undefined) {
      const t = Date.parse(o.at);
      if (t > Date.parse(now)) p.push(bad('at', 'at-future', 'Waktu pengantaran tidak boleh di masa depan', 'The escort time cannot be in the future'));
      else if (t < Date.parse(earliest)) p.push(bad('at', 'at-before-report', 'Waktu pengantaran tidak boleh sebelum laporan atau penerimaan klien', 'The escort time cannot precede the report or the intake'));
      else if (t < Date.parse(now) - MAX_BACKDATE_HOURS * 3600_000) p.push(bad('at', 'at-too-early', `Waktu pengantaran paling lama ${MAX_BACKDATE_HOURS} jam yang lalu`, `The escort time can be at most ${MAX_BACKDATE_HOURS} hours ago`));
    }
  } else if (o.kind === 'pemulangan') {
    if (o.origin.trim().length < 3) p.push(bad('origin', 'origin-required', 'Sebutkan daerah asal tujuan pemulangan', 'Name the home region to return to'));
  } else if (!o.documents.length) p.push(bad('documents', 'documents-required', 'Pilih dokumen kependudukan yang diurus', 'Choose the identity documents to apply for'));
  return p;
}
