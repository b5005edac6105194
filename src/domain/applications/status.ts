/** A case's statuses and what each means to the applicant, in both languages (shown on tracking pages and in the API). */

export const CASE_STATUSES = ['open', 'waiting-applicant', 'waiting-external', 'completed', 'rejected', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which the case is still with the office or the applicant. */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ['open', 'waiting-applicant', 'waiting-external'];

export const isCaseStatus = (s: string): s is CaseStatus => (CASE_STATUSES as readonly string[]).includes(s);

export const STATUS_LABEL: Record<CaseStatus, { id: string; en: string }> = {
  open: { id: 'Sedang diproses', en: 'In progress' },
  'waiting-applicant': { id: 'Menunggu kelengkapan dari pemohon', en: 'Waiting for the applicant' },
  'waiting-external': { id: 'Menunggu instansi lain', en: 'Waiting on another body' },
  completed: { id: 'Selesai', en: 'Completed' },
  rejected: { id: 'Ditolak', en: 'Rejected' },
  withdrawn: { id: 'Dibatalkan oleh pemohon', en: 'Withdrawn' },
};

/** What the applicant must do now, given the case's status and the officer's note. */
export function applicantMustDo(status: CaseStatus, note: string | null): { id: string; en: string } | null {
  switch (status) {
    case 'waiting-applicant':
      return {
        id: `Lengkapi berkas Anda sesuai catatan petugas, lalu serahkan kembali ke loket atau kirim ulang melalui halaman ini. Catatan: ${note ?? '-'}`,
        en: `Complete your file as the officer noted, then hand it in again at the counter or resubmit on this page. Note: ${note ?? '-'}`,
      };
    case 'completed':
      return { id: 'Permohonan selesai. Ambil produk layanan di loket sesuai petunjuk petugas.', en: 'Completed. Collect the product at the counter as instructed.' };
    case 'open':
    case 'waiting-external':
      return { id: 'Tidak ada yang perlu Anda lakukan saat ini; berkas sedang diproses.', en: 'Nothing to do for now; your file is being processed.' };
    default:
      return null;
  }
}
