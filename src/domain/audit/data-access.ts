/**
 * What a read of personal data is, in words the log and the "who accessed" views share: the kinds
 * of record, the actions, and the purposes screens and routes declare (UU 27/2022 Pasal 31: the
 * controller records every processing, reads included). Pure.
 */

export const DATA_RECORD_KINDS = ['application', 'upload', 'letter', 'complaint', 'subject-access', 'audit-trail', 'programme-candidate', 'shelter-client', 'programme-group', 'programme-queue', 'disaster-victim'] as const;
export type DataRecordKind = (typeof DATA_RECORD_KINDS)[number];

export const DATA_ACCESS_ACTIONS = ['read', 'download', 'export'] as const;
export type DataAccessAction = (typeof DATA_ACCESS_ACTIONS)[number];

/** Why a record was read: declared by the screen or route that shows it, never typed by the reader. */
export const DATA_ACCESS_PURPOSES = ['case-work', 'case-search', 'signing', 'complaint-handling', 'oversight', 'subject-access', 'programme-verification', 'shelter-care', 'programme-disbursement', 'programme-groups', 'aid-distribution'] as const;
export type DataAccessPurpose = (typeof DATA_ACCESS_PURPOSES)[number];

export const PURPOSE_NAMES: Record<DataAccessPurpose, { id: string; en: string }> = {
  'case-work': { id: 'Pengerjaan berkas', en: 'Case work' },
  'case-search': { id: 'Pencarian berkas', en: 'Case search' },
  signing: { id: 'Penandatanganan surat', en: 'Letter signing' },
  'complaint-handling': { id: 'Penanganan pengaduan', en: 'Complaint handling' },
  oversight: { id: 'Pengawasan / audit', en: 'Oversight / audit' },
  'subject-access': { id: 'Permintaan akses subjek data', en: 'Data-subject access request' },
  'programme-verification': { id: 'Verifikasi calon penerima program', en: 'Programme candidate verification' },
  'shelter-care': { id: 'Pelayanan klien rumah singgah', en: 'Shelter client care' },
  'programme-disbursement': { id: 'Penyaluran bantuan program (siklus, berkas bank)', en: 'Programme disbursement (cycles, bank files)' },
  'programme-groups': { id: 'Pengelolaan kelompok dan antrean kuota program', en: 'Programme groups and quota queues' },
  'aid-distribution': { id: 'Penyaluran bantuan korban bencana', en: 'Disaster aid distribution' },
};

export const ACTION_NAMES: Record<DataAccessAction, { id: string; en: string }> = {
  read: { id: 'Membaca', en: 'Read' },
  download: { id: 'Mengunduh', en: 'Downloaded' },
  export: { id: 'Mengekspor', en: 'Exported' },
};

export const RECORD_KIND_NAMES: Record<DataRecordKind, { id: string; en: string }> = {
  application: { id: 'Berkas permohonan', en: 'Application' },
  upload: { id: 'Dokumen unggahan', en: 'Uploaded document' },
  letter: { id: 'Surat', en: 'Letter' },
  complaint: { id: 'Pengaduan', en: 'Complaint' },
  'subject-access': { id: 'Ekspor data subjek', en: 'Data-subject export' },
  'audit-trail': { id: 'Jejak audit', en: 'Audit trail' },
  'programme-candidate': { id: 'Calon penerima program', en: 'Programme candidate' },
  'shelter-client': { id: 'Klien rumah singgah', en: 'Shelter client' },
  'programme-group': { id: 'Kelompok penerima program', en: 'Programme group' },
  'programme-queue': { id: 'Antrean kuota program', en: 'Programme quota queue' },
  'disaster-victim': { id: 'Daftar korban bencana', en: 'Disaster victim list' },
};
