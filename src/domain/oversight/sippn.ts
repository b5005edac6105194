/**
 * The catalogue of an office in the field layout of SIPPN (sippn.menpan.go.id, the national
 * service-standard registry), pure. SIPPN's import layout is not known (DOMAIN.md §5 [U]): these
 * columns are Sigap's mapping, field by field (docs/OVERSIGHT.md), after what SIPP's guide names a
 * service's entry ("deskripsi layanan, persyaratan, prosedur, serta penyelenggara dan lokasi"; waktu
 * penyelesaian, biaya, pengaduan) and the components of PermenPANRB 15/2014. Texts are the decree's,
 * with the decree's list markup turned into lines.
 */
import type { Office, Service } from '../standards/schema.js';

type Key = NonNullable<Service['components'][number]['key']>;

export interface SippnColumn {
  /** The column's heading in the export. */
  heading: string;
  headingEn: string;
  /** The part of SIPP's service entry it belongs to. */
  part: 'deskripsi' | 'persyaratan' | 'prosedur' | 'penyelenggara';
  value: (o: Office, s: Service) => string;
}

/** The decree's list markup (<ol>, <li>, <p>, <br>) as lines; any other tag dropped. */
export function plainText(text: string): string {
  return text
    .replace(/<\s*(li|p|br)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

const component = (key: Key) => (_o: Office, s: Service) =>
  s.components
    .filter((c) => c.key === key)
    .map((c) => plainText(c.text))
    .join('\n');

export const SIPPN_COLUMNS: readonly SippnColumn[] = [
  { heading: 'No', headingEn: 'No', part: 'deskripsi', value: (_o, s) => String(s.no) },
  { heading: 'Nama Layanan', headingEn: 'Service name', part: 'deskripsi', value: (_o, s) => s.title },
  { heading: 'Dasar Hukum', headingEn: 'Legal basis', part: 'deskripsi', value: component('dasar-hukum') },
  { heading: 'Persyaratan', headingEn: 'Requirements', part: 'persyaratan', value: component('persyaratan') },
  { heading: 'Sistem, Mekanisme dan Prosedur', headingEn: 'System, mechanism and procedure', part: 'prosedur', value: component('prosedur') },
  { heading: 'Jangka Waktu Penyelesaian', headingEn: 'Completion time', part: 'prosedur', value: (o, s) => component('jangka-waktu')(o, s) || s.sla?.text || '' },
  { heading: 'Biaya/Tarif', headingEn: 'Fee', part: 'prosedur', value: (o, s) => component('biaya')(o, s) || s.fee?.text || '' },
  { heading: 'Produk Pelayanan', headingEn: 'Service product', part: 'prosedur', value: (o, s) => component('produk')(o, s) || s.product?.text || '' },
  { heading: 'Penanganan Pengaduan, Saran dan Masukan', headingEn: 'Complaints, suggestions and feedback', part: 'prosedur', value: component('pengaduan') },
  { heading: 'Sarana dan Prasarana', headingEn: 'Facilities', part: 'deskripsi', value: component('sarana-prasarana') },
  { heading: 'Kompetensi Pelaksana', headingEn: 'Staff competence', part: 'deskripsi', value: component('kompetensi-pelaksana') },
  { heading: 'Pengawasan Internal', headingEn: 'Internal supervision', part: 'deskripsi', value: component('pengawasan-internal') },
  { heading: 'Jumlah Pelaksana', headingEn: 'Number of staff', part: 'deskripsi', value: component('jumlah-pelaksana') },
  { heading: 'Jaminan Pelayanan', headingEn: 'Service guarantee', part: 'deskripsi', value: component('jaminan-pelayanan') },
  { heading: 'Jaminan Keamanan dan Keselamatan Pelayanan', headingEn: 'Security and safety guarantee', part: 'deskripsi', value: component('jaminan-keamanan') },
  { heading: 'Evaluasi Kinerja Pelaksana', headingEn: 'Staff performance evaluation', part: 'deskripsi', value: component('evaluasi-kinerja') },
  { heading: 'Penyelenggara', headingEn: 'Provider', part: 'penyelenggara', value: (o) => `${o.name}, ${o.government}` },
  { heading: 'Lokasi', headingEn: 'Location', part: 'penyelenggara', value: (o) => [o.address, o.postalCode].filter(Boolean).join(' ') },
  { heading: 'Kontak', headingEn: 'Contact', part: 'penyelenggara', value: (o) => o.contacts.map((c) => (c.value ? `${c.label}: ${c.value}` : c.label)).join('\n') },
  { heading: 'Waktu Pelayanan', headingEn: 'Service hours', part: 'penyelenggara', value: (o, s) => component('waktu-pelayanan')(o, s) || s.serviceHours?.text || o.serviceHours.text || '' },
  { heading: 'Sumber (Keputusan)', headingEn: 'Source (decree)', part: 'deskripsi', value: (o) => [o.decree.number ? `Nomor ${o.decree.number}` : 'tanpa nomor', o.decree.date ?? 'tanpa tanggal'].join(', ') },
];

/** One row per service, in the decree's order, under the columns above. */
export function sippnRows(office: Office, services: readonly Service[]): string[][] {
  return [...services].sort((a, b) => Number(a.no) - Number(b.no)).map((s) => SIPPN_COLUMNS.map((c) => c.value(office, s)));
}
