/**
 * Complaints (pengaduan): the kinds of report, identity modes and intake channels. Pure data.
 * Sources: Perpres 76/2013 (stages, publication of results), SP4N-LAPOR! (types, anonymous and
 * confidential reports, 5 working days to answer), REFERENCE §7.
 */
import { CHANNEL_KINDS } from '../standards/schema.js';

export const COMPLAINT_TYPES = ['pengaduan', 'aspirasi', 'permintaan-informasi', 'apresiasi'] as const;
export type ComplaintType = (typeof COMPLAINT_TYPES)[number];

export const TYPE_LABELS: Record<ComplaintType, [string, string]> = {
  pengaduan: ['Pengaduan', 'Complaint'],
  aspirasi: ['Aspirasi / saran', 'Aspiration / suggestion'],
  'permintaan-informasi': ['Permintaan informasi', 'Request for information'],
  apresiasi: ['Apresiasi', 'Appreciation'],
};

/**
 * named: identity stored and known to the staff working the complaint.
 * anonymous: no identity stored at all; followed only by receipt number and tracking code.
 * confidential: identity stored, visible only to the complaint officer and the head of office;
 *   the complaint is never published and never listed for other roles.
 */
export const COMPLAINT_MODES = ['named', 'anonymous', 'confidential'] as const;
export type ComplaintMode = (typeof COMPLAINT_MODES)[number];

export const MODE_LABELS: Record<ComplaintMode, [string, string]> = {
  named: ['Dengan identitas', 'Named'],
  anonymous: ['Anonim (tanpa identitas)', 'Anonymous (no identity)'],
  confidential: ['Rahasia (identitas hanya diketahui pengelola pengaduan dan Kepala Dinas)', 'Confidential (identity known only to the complaint officer and the head of office)'],
};

/** Channel kinds a complaint can arrive by: the standards' kinds; `website` is Sigap's own form. */
export const COMPLAINT_CHANNELS = CHANNEL_KINDS;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export const CHANNEL_LABELS: Record<ComplaintChannel, [string, string]> = {
  counter: ['Loket / datang langsung', 'Counter / in person'],
  'complaint-box': ['Kotak pengaduan', 'Complaint box'],
  phone: ['Telepon', 'Phone'],
  'call-center': ['Call center', 'Call centre'],
  whatsapp: ['WhatsApp', 'WhatsApp'],
  email: ['Email', 'E-mail'],
  instagram: ['Instagram', 'Instagram'],
  website: ['Formulir daring (situs web)', 'Online form (website)'],
  lapor: ['SP4N-LAPOR!', 'SP4N-LAPOR!'],
  letter: ['Surat', 'Letter'],
  officer: ['Petugas pengaduan', 'Complaint officer'],
  fax: ['Faks', 'Fax'],
  facebook: ['Facebook', 'Facebook'],
  twitter: ['Twitter / X', 'Twitter / X'],
};

/**
 * The channels an office takes complaints from: those its decree names, plus Sigap's web form
 * and SP4N-LAPOR! (the national channel every public-service unit is connected to).
 */
export function officeChannels(decreeKinds: readonly string[]): ComplaintChannel[] {
  const set = new Set<string>([...decreeKinds, 'website', 'lapor']);
  return COMPLAINT_CHANNELS.filter((k) => set.has(k));
}

/** The role that works complaints (Sigap's name; offices may name it differently in their decree). */
export const COMPLAINT_OFFICER_ROLE = 'pengelola-pengaduan';
/** The head of office: sees confidential identities and receives escalations. */
export const HEAD_ROLE = 'kepala-dinas';
// Who may read or work complaints: complaints.read / complaints.handle in domain/staff/permissions.ts.
