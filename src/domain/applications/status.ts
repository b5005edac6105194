/** A case's statuses and what each means to the applicant, in both languages (shown on tracking pages and in the API). */

// `waiting-signature`: the case would be handed over or completed, but a letter it issues is not
// signed yet; it waits (with its clock running) and moves on by itself once the letter is signed.
export const CASE_STATUSES = ['open', 'waiting-applicant', 'waiting-external', 'waiting-signature', 'completed', 'rejected', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which the case is still with the office or the applicant. */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ['open', 'waiting-applicant', 'waiting-external', 'waiting-signature'];

export const isCaseStatus = (s: string): s is CaseStatus => (CASE_STATUSES as readonly string[]).includes(s);

export const STATUS_LABEL: Record<CaseStatus, { id: string; en: string }> = {
  open: { id: 'Sedang diproses', en: 'In progress' },
  'waiting-applicant': { id: 'Menunggu kelengkapan dari pemohon', en: 'Waiting for the applicant' },
  'waiting-external': { id: 'Menunggu instansi lain', en: 'Waiting on another body' },
  'waiting-signature': { id: 'Menunggu tanda tangan', en: 'Waiting for signature' },
  completed: { id: 'Selesai', en: 'Completed' },
  rejected: { id: 'Ditolak', en: 'Rejected' },
  withdrawn: { id: 'Dibatalkan oleh pemohon', en: 'Withdrawn' },
};

/**
 * What the applicant must do now, given the case's status and the officer's note; `signer` names
 * who the case waits for while a letter is unsigned (e.g. "Kepala Dinas").
 */
export function applicantMustDo(status: CaseStatus, note: string | null, signer?: { id: string; en: string }): { id: string; en: string } | null {
  switch (status) {
    case 'waiting-signature': {
      const who = signer ?? { id: 'pejabat penanda tangan', en: 'the signing official' };
      return {
        id: `Surat Anda sudah disiapkan dan menunggu tanda tangan ${who.id}. Belum dapat diambil; setelah ditandatangani, surat dapat diunduh di halaman ini.`,
        en: `Your letter is prepared and waiting for the signature of ${who.en}. It cannot be collected yet; once signed, it can be downloaded on this page.`,
      };
    }
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
