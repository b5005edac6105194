/**
 * Evaluation, exits and replacement, pure (docs/PROGRAMMES.md): the evaluation results, the
 * ranking of the waiting list, and the words of the amending round's berita acara and SK, which
 * name every change (who leaves and why, who replaces them and from which verified proposal).
 * Permakanan's decree: "g. Jika hasil evaluasi menyatakan bahwa penerima bantuan Memenuhi Syarat,
 * maka akan ditetapkan sebagai penerima bantuan periode berikutnya; h. Jika hasil evaluasi
 * menyatakan bahwa penerima bantuan Tidak Memenuhi Syarat, maka akan dilakukan penggantian dengan
 * mengambil data dari usulan Desa/Kelurahan yang telah diverifikasi dan validasi."
 */
import { indonesianDate } from '../letters/dates.js';
import { maskNik } from '../identity/mask.js';
import type { DocumentText } from './documents.js';
import type { DocumentPerson } from './rounds.js';
import type { Programme } from './schema.js';

export const EVALUATION_RESULTS = ['memenuhi', 'tidak-memenuhi'] as const;
export type EvaluationResult = (typeof EVALUATION_RESULTS)[number];
export const EVALUATION_NAMES: Record<EvaluationResult, { id: string; en: string }> = {
  memenuhi: { id: 'Memenuhi Syarat', en: 'Meets the conditions' },
  'tidak-memenuhi': { id: 'Tidak Memenuhi Syarat', en: 'No longer meets the conditions' },
};
/** An amending round's stage: "Perubahan I", "Perubahan II", … */
export const amendmentStage = (n: number) => `Perubahan ${['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][n - 1] ?? String(n)}`;
export const isAmendment = (stage: string) => stage.startsWith('Perubahan ');

export interface Waiting {
  candidateId: string;
  roundId: string;
  nik: string;
  name: string;
  category: string;
  village: string | null;
  verifiedAt: string | null;
  stage: string;
  report: string;
}

/**
 * The waiting list's order. The decree states none ("mengambil data dari usulan Desa/Kelurahan
 * yang telah diverifikasi dan validasi"); Sigap's choice: first verified, first placed (the date
 * of the eligible verification), then by name, so the order is stable and can be explained.
 */
export function rankWaiting(list: Waiting[]): Waiting[] {
  return [...list].sort((a, b) => (a.verifiedAt ?? '9999').localeCompare(b.verifiedAt ?? '9999') || a.name.localeCompare(b.name) || a.nik.localeCompare(b.nik));
}

const who = (p: Pick<DocumentPerson, 'name' | 'nik' | 'village'>, masked: boolean) => `${p.name} — NIK ${masked ? maskNik(p.nik) : p.nik}${p.village ? ` — ${p.village}` : ''}`;

/** The amending round's berita acara: every change, removed first with the reason, then the replacements with where they come from. */
export function replacementReportText(i: { programme: Programme; officeName: string; period: string; stage: string; base: { number: string; issuedOn: string }; removed: DocumentPerson[]; added: DocumentPerson[]; kept: number; masked: boolean }): DocumentText {
  return {
    title: 'BERITA ACARA TIM VERIFIKASI DAN VALIDASI',
    subject: `Penggantian Penerima ${i.programme.name} Tahun ${i.period} (${i.stage})`,
    blocks: [
      { kind: 'paragraph', text: `Tim Verifikasi dan Validasi ${i.officeName} mencatat ${i.removed.length + i.added.length} perubahan atas penerima yang ditetapkan dengan Keputusan Nomor ${i.base.number} tanggal ${indonesianDate(i.base.issuedOn)}: ${i.removed.length} penerima keluar dan ${i.added.length} pengganti dari daftar tunggu usulan yang telah diverifikasi dan divalidasi; ${i.kept} penerima tetap.` },
      { kind: 'heading', text: `A. Penerima yang dikeluarkan (${i.removed.length} orang)` },
      ...i.removed.map((p, k) => ({ kind: 'numbered' as const, marker: `${k + 1}.`, text: `${who(p, i.masked)} — alasan: ${p.reason ?? '-'}` })),
      { kind: 'heading', text: `B. Penerima pengganti (${i.added.length} orang)` },
      ...i.added.map((p, k) => ({ kind: 'numbered' as const, marker: `${k + 1}.`, text: `${who(p, i.masked)} — ${p.reason ?? ''}` })),
      { kind: 'paragraph', text: `Dasar: "${i.programme.candidates.text}"` },
    ],
  };
}

/** The amending SK: what it changes (the decree it amends, who leaves and why, who is added) and the full list after the change. */
export function amendingDecreeText(i: { programme: Programme; headTitle: string; period: string; stage: string; base: { number: string; issuedOn: string }; report: { number: string; issuedOn: string }; removed: DocumentPerson[]; added: DocumentPerson[]; people: DocumentPerson[]; masked: boolean }): DocumentText {
  return {
    title: `KEPUTUSAN ${i.headTitle.toUpperCase()}`,
    subject: `Perubahan atas Keputusan Nomor ${i.base.number} tentang Penetapan Penerima ${i.programme.name} Tahun ${i.period}`,
    blocks: [
      { kind: 'row', label: 'Menimbang', value: `bahwa berdasarkan Berita Acara Tim Verifikasi dan Validasi Nomor ${i.report.number} tanggal ${indonesianDate(i.report.issuedOn)}, ${i.removed.length} penerima yang ditetapkan dengan Keputusan Nomor ${i.base.number} tanggal ${indonesianDate(i.base.issuedOn)} tidak lagi menjadi penerima dan perlu diganti` },
      { kind: 'heading', text: 'MEMUTUSKAN' },
      { kind: 'row', label: 'KESATU', value: `Mengeluarkan dari daftar penerima: ${i.removed.map((p) => `${p.name} (${p.reason ?? '-'})`).join('; ')}.` },
      { kind: 'row', label: 'KEDUA', value: `Menetapkan sebagai penerima pengganti: ${i.added.map((p) => p.name).join('; ')}.` },
      { kind: 'row', label: 'KETIGA', value: `Dengan perubahan ini, penerima ${i.programme.name} Tahun ${i.period} berjumlah ${i.people.length} orang sebagaimana tercantum dalam Lampiran; ketentuan lain dalam Keputusan Nomor ${i.base.number} tetap berlaku.` },
      { kind: 'heading', text: `LAMPIRAN: DAFTAR PENERIMA SETELAH PERUBAHAN (${i.people.length} orang)` },
      ...i.people.map((p, k) => ({ kind: 'numbered' as const, marker: `${k + 1}.`, text: who(p, i.masked) })),
    ],
  };
}
