/**
 * The words of the Berita Acara Serah Terima of disaster aid: who hands over, who receives, where,
 * every item with its quantity and unit, the victims when aid goes per family (NIK masked on the
 * public copy the QR code opens). Sigap's wording: the decrees name the document ("Pelaksanaan
 * penyerahan bantuan dilengkapi dengan dokumentasi dan berita acara", Jambi 1) but give no text.
 */
import { maskNik } from '../identity/mask.js';
import { indonesianDate } from '../letters/dates.js';
import type { Block } from '../letters/template.js';

export interface HandoverText {
  officeName: string;
  incidentTitle: string;
  location: string;
  place: string;
  mode: 'posko' | 'families';
  issuedOn: string;
  handedBy: { name: string; title: string };
  receivedBy: { name: string; title?: string };
  items: { code: string; name: string; unit: string; quantity: number }[];
  victims: { nik: string | null; name: string; village: string | null }[];
}

export function handoverText(t: HandoverText, masked: boolean): { title: string; subject: string; blocks: Block[] } {
  const victims: Block[] = t.victims.length
    ? [
        { kind: 'heading', text: `Daftar penerima per keluarga (${t.victims.length} kepala keluarga)` },
        ...t.victims.map((v, i): Block => ({ kind: 'numbered', marker: `${i + 1}.`, text: `${v.name} — NIK ${v.nik ? (masked ? maskNik(v.nik) : v.nik) : 'tidak ada'}${v.village ? ` — ${v.village}` : ''}` })),
      ]
    : [];
  return {
    title: 'BERITA ACARA SERAH TERIMA BANTUAN LOGISTIK',
    subject: `Serah Terima Bantuan Logistik Korban ${t.incidentTitle}`,
    blocks: [
      { kind: 'paragraph', text: `Pada tanggal ${indonesianDate(t.issuedOn)} bertempat di ${t.place}, yang bertanda tangan di bawah ini:` },
      { kind: 'row', label: 'PIHAK PERTAMA (yang menyerahkan)', value: `${t.handedBy.name}, ${t.handedBy.title}, ${t.officeName}` },
      { kind: 'row', label: 'PIHAK KEDUA (yang menerima)', value: `${t.receivedBy.name}${t.receivedBy.title ? `, ${t.receivedBy.title}` : ''}` },
      { kind: 'paragraph', text: `PIHAK PERTAMA menyerahkan kepada PIHAK KEDUA bantuan logistik bagi korban ${t.incidentTitle} di ${t.location}, ${t.mode === 'posko' ? 'untuk disalurkan melalui posko' : 'langsung kepada keluarga korban yang tercantum di bawah'}, dengan rincian:` },
      { kind: 'heading', text: 'Rincian barang' },
      ...t.items.map((x, i): Block => ({ kind: 'numbered', marker: `${i + 1}.`, text: `${x.name} (${x.code}): ${x.quantity.toLocaleString('id-ID')} ${x.unit}` })),
      ...victims,
      { kind: 'paragraph', text: 'PIHAK KEDUA menyatakan telah menerima bantuan tersebut dalam jumlah dan keadaan sebagaimana tercantum di atas. Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.' },
      { kind: 'row', label: 'Yang menerima', value: `${t.receivedBy.name}${t.receivedBy.title ? ` (${t.receivedBy.title})` : ''} — tanda tangan pada salinan kertas` },
    ],
  };
}

/**
 * The berita acara of a receipt (penerimaan) or a write-off (penghapusan). The receipt's fields are
 * those of Perka BNPB 13/2008 as explained by BPBD Sumbar [S]: "jenis barang …, berapa jumlahnya,
 * bagaimana keadaannya, siapa yang menyerahkan, siapa yang menerima"; the write-off's (Perka BNPB
 * 19/2010, Pedoman Penghapusan, title only [S]) are Sigap's: what, which lots, how many, why, who saw.
 */
export interface StockDocumentText {
  kind: 'penerimaan' | 'penghapusan';
  officeName: string;
  warehouseName: string;
  issuedOn: string;
  item: { code: string; name: string; unit: string };
  lines: { lot: string; expiresOn: string | null; quantity: number }[];
  funding?: string;
  condition?: string;
  reason?: string;
  /** Receipt: who handed over (PIHAK PERTAMA) and who received (PIHAK KEDUA); write-off: the witness. */
  handedOverBy?: string;
  receivedBy?: string;
  witness?: string;
  recordedBy: { name: string; title: string };
}

const CONDITION_WORDS: Record<string, string> = { baik: 'baik', 'rusak-ringan': 'rusak ringan', 'rusak-berat': 'rusak berat' };

export function stockDocumentText(t: StockDocumentText): { title: string; subject: string; blocks: Block[] } {
  const total = t.lines.reduce((s, l) => s + l.quantity, 0);
  const items: Block[] = t.lines.map((l, i) => ({ kind: 'numbered', marker: `${i + 1}.`, text: `${t.item.name} (${t.item.code}), lot ${l.lot}${l.expiresOn ? `, kedaluwarsa ${indonesianDate(l.expiresOn)}` : ''}: ${l.quantity.toLocaleString('id-ID')} ${t.item.unit}` }));
  const condition = t.condition ? (CONDITION_WORDS[t.condition] ?? t.condition) : null;
  const paper = 'tanda tangan pada salinan kertas';
  if (t.kind === 'penerimaan')
    return {
      title: 'BERITA ACARA PENERIMAAN BARANG BANTUAN LOGISTIK',
      subject: `Penerimaan ${t.item.name} di ${t.warehouseName}`,
      blocks: [
        { kind: 'paragraph', text: `Pada tanggal ${indonesianDate(t.issuedOn)} bertempat di ${t.warehouseName}, ${t.officeName}, telah dilakukan serah terima barang bantuan logistik antara:` },
        { kind: 'row', label: 'PIHAK PERTAMA (yang menyerahkan)', value: t.handedOverBy ?? '-' },
        { kind: 'row', label: 'PIHAK KEDUA (yang menerima)', value: `${t.receivedBy ?? t.recordedBy.name}, ${t.officeName}` },
        { kind: 'heading', text: 'Rincian barang' },
        ...items,
        { kind: 'row', label: 'Jumlah', value: `${total.toLocaleString('id-ID')} ${t.item.unit}` },
        { kind: 'row', label: 'Keadaan barang', value: condition ?? '-' },
        { kind: 'row', label: 'Sumber dana', value: t.funding ?? '-' },
        { kind: 'paragraph', text: 'PIHAK KEDUA menyatakan telah menerima barang tersebut dalam jumlah dan keadaan sebagaimana tercantum di atas dan mencatatnya dalam buku persediaan. Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.' },
        { kind: 'row', label: 'Yang menyerahkan', value: `${t.handedOverBy ?? '-'} — ${paper}` },
      ],
    };
  return {
    title: 'BERITA ACARA PENGHAPUSAN BARANG BANTUAN LOGISTIK',
    subject: `Penghapusan ${t.item.name} dari ${t.warehouseName}`,
    blocks: [
      { kind: 'paragraph', text: `Pada tanggal ${indonesianDate(t.issuedOn)} bertempat di ${t.warehouseName}, ${t.officeName}, barang bantuan logistik berikut dihapus dari buku persediaan:` },
      ...items,
      { kind: 'row', label: 'Jumlah', value: `${total.toLocaleString('id-ID')} ${t.item.unit}` },
      { kind: 'row', label: 'Keadaan barang', value: condition ?? '-' },
      { kind: 'row', label: 'Alasan penghapusan', value: t.reason ?? '-' },
      { kind: 'row', label: 'Petugas gudang', value: `${t.recordedBy.name}, ${t.recordedBy.title}` },
      { kind: 'row', label: 'Saksi / mengetahui', value: `${t.witness ?? '..............................'} — ${paper}` },
      { kind: 'paragraph', text: 'Barang tersebut tidak lagi dihitung sebagai stok. Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.' },
    ],
  };
}
