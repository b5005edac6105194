/**
 * The words of a round's two documents: the Berita Acara Tim Verifikasi dan Validasi (every
 * candidate with the team's result) and the SK with its recipient list as annex. The full copy
 * carries the NIK; the public copy masks it. Sigap's own wording (the decrees give none), kept
 * short and factual. Pure: blocks for the letter renderer.
 */
import type { Block } from '../letters/template.js';
import { indonesianDate } from '../letters/dates.js';
import { maskNik } from '../identity/mask.js';
import type { DocumentPerson } from './rounds.js';
import type { Programme } from './schema.js';

const ISSUER_NAMES: Record<Programme['recipientDecree']['issuer'], string> = {
  'kepala-dinas': 'Kepala Dinas',
  bupati: 'Bupati',
  walikota: 'Wali Kota',
  lurah: 'Lurah',
  'kepala-dinas-provinsi': 'Kepala Dinas Sosial Provinsi',
  'kementerian-sosial': 'Menteri Sosial',
  'not-stated': 'Pejabat yang berwenang',
};

/**
 * Who signs a programme's SK, as a title: the Bupati or Wali Kota of the office's own region (its
 * `government`, "Pemerintah Kabupaten Kutai Kartanegara" → "Bupati Kutai Kartanegara"), else the
 * issuer's name alone (the decrees do not name a province's or ministry's official further).
 */
export function issuerTitle(issuer: Programme['recipientDecree']['issuer'], government: string): string {
  const region = /^Pemerintah\s+(?:Kabupaten|Kota)\s+(.+)$/i.exec(government.trim())?.[1];
  return (issuer === 'bupati' || issuer === 'walikota') && region ? `${ISSUER_NAMES[issuer]} ${region}` : ISSUER_NAMES[issuer];
}

export interface DocumentText {
  title: string;
  subject: string;
  blocks: Block[];
}

const line = (p: DocumentPerson, programme: Programme, masked: boolean) => {
  const cat = programme.categories.find((c) => c.key === p.category)?.name ?? p.category;
  return `${p.name} — NIK ${masked ? maskNik(p.nik) : p.nik} — ${cat}${p.village ? ` — ${p.village}` : ''}`;
};

const numbered = (people: DocumentPerson[], text: (p: DocumentPerson) => string): Block[] => people.map((p, i) => ({ kind: 'numbered', marker: `${i + 1}.`, text: text(p) }));

export function reportText(i: { programme: Programme; officeName: string; period: string; stage: string; issuedOn: string; people: DocumentPerson[]; masked: boolean }): DocumentText {
  const yes = i.people.filter((p) => p.result === 'eligible');
  const no = i.people.filter((p) => p.result === 'ineligible');
  return {
    title: 'BERITA ACARA TIM VERIFIKASI DAN VALIDASI',
    subject: `Hasil Verifikasi dan Validasi Calon Penerima ${i.programme.name} Tahun ${i.period} ${i.stage}`,
    blocks: [
      { kind: 'paragraph', text: `Pada tanggal ${indonesianDate(i.issuedOn)}, Tim Verifikasi dan Validasi ${i.officeName} telah melaksanakan verifikasi dan validasi terhadap ${i.people.length} calon penerima ${i.programme.name} Tahun ${i.period} ${i.stage}, sebagaimana ditentukan: "${i.programme.verification.text}"` },
      { kind: 'heading', text: `A. Memenuhi syarat (${yes.length} orang)` },
      ...numbered(yes, (p) => line(p, i.programme, i.masked)),
      { kind: 'heading', text: `B. Tidak memenuhi syarat (${no.length} orang)` },
      ...numbered(no, (p) => `${line(p, i.programme, i.masked)} — alasan: ${p.reason ?? '-'}`),
      { kind: 'paragraph', text: 'Calon yang memenuhi syarat diusulkan untuk ditetapkan sebagai penerima; calon yang tidak memenuhi syarat tidak dapat ditetapkan dalam keputusan penetapan penerima periode ini. Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.' },
    ],
  };
}

export function decreeText(i: { programme: Programme; headTitle: string; period: string; stage: string; report: { number: string; issuedOn: string }; people: DocumentPerson[]; masked: boolean }): DocumentText {
  return {
    title: `KEPUTUSAN ${i.headTitle.toUpperCase()}`,
    subject: `Penetapan Penerima ${i.programme.name} Tahun ${i.period} ${i.stage}`,
    blocks: [
      { kind: 'row', label: 'Menimbang', value: `bahwa berdasarkan Berita Acara Tim Verifikasi dan Validasi Nomor ${i.report.number} tanggal ${indonesianDate(i.report.issuedOn)}, calon penerima yang tercantum dalam Lampiran Keputusan ini dinyatakan memenuhi syarat` },
      { kind: 'row', label: 'Memperhatikan', value: `"${i.programme.recipientDecree.text}"` },
      { kind: 'heading', text: 'MEMUTUSKAN' },
      { kind: 'row', label: 'KESATU', value: `Menetapkan ${i.people.length} orang penerima ${i.programme.name} Tahun ${i.period} ${i.stage} sebagaimana tercantum dalam Lampiran Keputusan ini.` },
      { kind: 'row', label: 'KEDUA', value: 'Keputusan ini mulai berlaku pada tanggal ditetapkan.' },
      { kind: 'heading', text: `LAMPIRAN: DAFTAR PENERIMA (${i.people.length} orang)` },
      ...numbered(i.people, (p) => line(p, i.programme, i.masked)),
    ],
  };
}
