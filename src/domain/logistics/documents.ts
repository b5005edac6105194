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
