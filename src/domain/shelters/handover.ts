/** The text of the berita acara serah terima klien (Banjarmasin 10 step 5, "Pelaksanaan serah terima klien dan pendokumentasian"), pure. */
import type { Block } from '../letters/template.js';
import { indonesianDate } from '../letters/dates.js';

export interface HandoverFacts {
  officeName: string;
  shelterName: string;
  issuedOn: string;
  client: { name: string; nik: string | null; sexText: string; categoryText: string };
  checkedInLocal: string;
  terminatedLocal: string;
  daysStayed: number;
  readiness: string;
  /** The decree's condition that made the client eligible. */
  ground: string;
  kind: 'family' | 'escort';
  destination: string;
  family: { name: string; relationship: string | null; document: string; documentNumber: string } | null;
  escort: { officer: string; assignmentLetter: string } | null;
  belongings: { item: string; quantity: number }[];
}

/** How many of the last blocks go with the signatures (the list's end and the closing sentence). */
export const HANDOVER_KEEP_WITH_SIGNATURE = 2;

export function handoverText(f: HandoverFacts): { title: string; subject: string; blocks: Block[]; cosigner: { heading: string[]; name: string } } {
  const receiver = f.kind === 'family' && f.family ? `${f.family.name}${f.family.relationship ? ` (${f.family.relationship})` : ''}` : `${f.escort?.officer ?? ''}, Pramu Sosial pengantar`;
  return {
    title: 'BERITA ACARA SERAH TERIMA KLIEN',
    subject: `Terminasi Klien ${f.shelterName}`,
    blocks: [
      { kind: 'paragraph', text: `Pada hari ini, ${indonesianDate(f.issuedOn)}, ${f.officeName} melaksanakan serah terima klien ${f.shelterName} sebagai berikut:` },
      { kind: 'heading', text: 'A. Klien' },
      { kind: 'row', label: 'Nama', value: f.client.name },
      { kind: 'row', label: 'NIK', value: f.client.nik ?? 'tidak ada' },
      { kind: 'row', label: 'Kelamin / kategori', value: `${f.client.sexText} / ${f.client.categoryText}` },
      { kind: 'row', label: 'Masuk', value: f.checkedInLocal },
      { kind: 'row', label: 'Keluar', value: `${f.terminatedLocal} (${f.daysStayed} hari)` },
      { kind: 'heading', text: 'B. Dasar terminasi' },
      { kind: 'paragraph', text: f.ground },
      { kind: 'row', label: 'Asesmen kesiapan', value: f.readiness },
      { kind: 'heading', text: f.kind === 'family' ? 'C. Dijemput keluarga' : 'C. Diantar oleh Pramu Sosial' },
      ...(f.kind === 'family' && f.family
        ? [
            { kind: 'row' as const, label: 'Penjemput', value: receiver },
            { kind: 'row' as const, label: f.family.document === 'kk' ? 'Kartu Keluarga' : 'KTP', value: f.family.documentNumber },
            { kind: 'row' as const, label: 'Surat penjamin', value: 'ditandatangani di atas materai' },
          ]
        : [
            { kind: 'row' as const, label: 'Petugas pengantar', value: f.escort?.officer ?? '' },
            { kind: 'row' as const, label: 'Surat tugas', value: f.escort?.assignmentLetter ?? '' },
          ]),
      { kind: 'row', label: 'Tujuan', value: f.destination },
      { kind: 'heading', text: 'D. Barang bawaan yang diserahkan kembali' },
      ...(f.belongings.length ? f.belongings.map((b, i) => ({ kind: 'numbered' as const, marker: `${i + 1}.`, text: `${b.item} (${b.quantity})` })) : [{ kind: 'paragraph' as const, text: 'Tidak ada barang bawaan.' }]),
      { kind: 'paragraph', text: `Klien tersebut di atas telah diserahterimakan kepada ${receiver} dalam keadaan baik. Berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.` },
    ],
    // The decree's handover has two parties: the receiver signs the printed copy by hand beside the
    // officer's electronic signature, on the same page as the list they sign for.
    cosigner: { heading: ['Yang menerima,'], name: receiver },
  };
}
