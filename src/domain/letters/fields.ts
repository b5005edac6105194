/**
 * The fixed catalogue of fields a letter template may name (docs/LETTERS.md lists it). Values are
 * frozen into the letter when it is drafted (applicant, application, service, office, decision,
 * answers) or filled when it is numbered and signed (letter.*, signer.*). A template that names a
 * field outside this catalogue fails validation with its file, line and column.
 */
export interface FieldInfo {
  description: string;
  descriptionEn: string;
  /** When the value is known: frozen at drafting, or set at numbering/signing. */
  when: 'draft' | 'sign';
}

const f = (description: string, descriptionEn: string, when: 'draft' | 'sign' = 'draft'): FieldInfo => ({ description, descriptionEn, when });

export const FIELD_CATALOGUE: Record<string, FieldInfo> = {
  'applicant.name': f('Nama pemohon / penerima manfaat', "Applicant's (beneficiary's) name"),
  'applicant.nik': f('NIK pemohon (lengkap; hanya untuk surat yang memang memuatnya)', "Applicant's NIK (in full)"),
  'applicant.nikMasked': f('NIK pemohon tersamar (1571 02•• •••• 0003)', "Applicant's NIK, masked"),
  'applicant.kk': f('Nomor KK pemohon', "Applicant's family card number"),
  'applicant.address': f('Alamat pemohon', "Applicant's address"),
  'applicant.phone': f('Nomor telepon pemohon', "Applicant's phone"),
  'applicant.birthDate': f('Tanggal lahir (YYYY-MM-DD; pakai | date)', 'Birth date (YYYY-MM-DD; use | date)'),
  'applicant.sex': f('Jenis kelamin (Laki-laki / Perempuan)', 'Sex (Laki-laki / Perempuan)'),
  'applicant.age': f('Umur (tahun) pada saat permohonan', 'Age (years) at application'),
  'reporter.name': f('Nama pelapor / wakil lembaga pengusul', "Reporter's or proposing institution's representative's name"),
  'reporter.role': f('Jabatan pelapor (Ketua RT, Ketua LKS...)', "Reporter's role"),
  'reporter.institution': f('Nama lembaga pengusul', 'Proposing institution'),
  'reporter.phone': f('Telepon pelapor', "Reporter's phone"),
  'application.number': f('Nomor registrasi permohonan (JMB-2026-000123)', 'Registration number'),
  'application.submittedOn': f('Tanggal permohonan (YYYY-MM-DD; pakai | date)', 'Application date (YYYY-MM-DD; use | date)'),
  'application.channel': f('Saluran permohonan', 'Channel'),
  'service.title': f('Nama layanan sesuai keputusan', "Service's title as decreed"),
  'service.no': f('Nomor layanan dalam keputusan', "Service's number in the decree"),
  'service.product': f('Produk layanan sesuai keputusan', "Service's product as decreed"),
  'office.name': f('Nama kantor (Dinas Sosial Kota Jambi)', 'Office name'),
  'office.government': f('Pemerintah daerah (Pemerintah Kota Jambi)', 'Local government'),
  'office.address': f('Alamat kantor', 'Office address'),
  'office.region': f('Nama daerah (Kota Jambi)', 'Region (Kota Jambi)'),
  'office.province': f('Provinsi', 'Province'),
  'office.place': f('Tempat penandatanganan (Jambi)', 'Place of signing'),
  'office.head': f('Jabatan kepala kantor (Kepala Dinas Sosial Kota Jambi)', "Head of office's title"),
  'decision.reason': f('Alasan tertulis keputusan (alasan penolakan, catatan petugas)', 'Written reason of the decision'),
  'decision.outcome': f('Hasil keputusan (label pilihan petugas)', 'Decision outcome (label)'),
  'decision.step': f('Tahap keputusan', 'Decision step'),
  'decision.date': f('Tanggal keputusan (YYYY-MM-DD; pakai | date)', 'Decision date (YYYY-MM-DD; use | date)'),
  'decision.officer': f('Petugas yang memutuskan', 'Deciding officer'),
  'letter.number': f('Nomor surat (diisi saat penomoran)', 'Letter number (set when numbered)', 'sign'),
  'letter.date': f('Tanggal surat dalam bahasa Indonesia (diisi saat penandatanganan)', 'Letter date in Indonesian (set when signed)', 'sign'),
  'letter.validUntil': f('Berlaku sampai dengan (tanggal; kosong bila tidak ada masa berlaku)', 'Valid until (date; empty when no validity)', 'sign'),
  'letter.validity': f('Masa berlaku menurut standar, verbatim', 'Validity as the standard states it', 'draft'),
  'letter.draftedOn': f('Tanggal surat disusun (YYYY-MM-DD; pakai | date)', 'Date the letter was drafted (YYYY-MM-DD; use | date)'),
  'letter.type': f('Jenis surat (surat-rekomendasi...)', 'Letter type'),
  'signer.name': f('Nama penanda tangan', "Signer's name", 'sign'),
  'signer.title': f('Jabatan penanda tangan', "Signer's title", 'sign'),
};

/** `answers.<input id>` names an answer of the application form (validated per service). */
export const ANSWER_PREFIX = 'answers.';

export const FILTERS = ['upper', 'lower', 'title', 'date', 'label', 'yesno', 'masked'] as const;
export type Filter = (typeof FILTERS)[number];

export type FieldValue = string | number | boolean | null;

/** Frozen field values: `values` by path, and labels of choice answers by path. */
export interface FieldSet {
  values: Record<string, FieldValue>;
  labels: Record<string, string>;
}

/** Edit distance, for "did you mean" suggestions. */
export function closest(name: string, candidates: string[]): string | null {
  let best: { c: string; d: number } | null = null;
  for (const c of candidates) {
    const d = distance(name, c);
    if (!best || d < best.d) best = { c, d };
  }
  return best && best.d <= Math.max(2, Math.floor(name.length / 4)) ? best.c : null;
}

function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}
