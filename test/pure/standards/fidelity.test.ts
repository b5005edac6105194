/**
 * Fidelity against the decrees, for a broad sample: expected values below were read from the
 * decree texts by hand, not taken from the YAML.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Service } from '../../../src/domain/standards/schema.js';
import { serviceExtras } from '../../../src/http/pages/catalogue-views.js';
import { loadStandardsDir } from '../../../src/io/standards-dir.js';
import { STANDARDS_DIR } from '../../support/paths.js';

const { offices } = loadStandardsDir(STANDARDS_DIR);
function svc(office: string, no: number): Service {
  const s = offices.find((o) => o.office.slug === office)?.services.find((x) => x.no === no);
  assert.ok(s, `${office} #${no}`);
  return s;
}

interface Expect {
  office: string;
  no: number;
  title: RegExp;
  sla: { text: string; value: number | null; unit: string | null; maxValue?: number | null };
  product?: string;
  validity?: [number, string] | null;
  requirements?: number;
}

const SAMPLE: Expect[] = [
  { office: 'kota-jambi', no: 1, title: /Distribusi Bantuan Logistik Korban Bencana/, sla: { text: '1 hari', value: 1, unit: 'days' }, product: 'Logistik (dari dana APBN dan APBD)', requirements: 2 },
  { office: 'kota-jambi', no: 3, title: /Pendaftaran Awal Lembaga Kesejahteraan Sosial/, sla: { text: '14 hari kerja', value: 14, unit: 'working_days' }, product: 'Surat Tanda Pendaftaran LKS', validity: [5, 'years'], requirements: 12 },
  { office: 'kota-jambi', no: 4, title: /Pengumpulan Uang Dan Barang/i, sla: { text: '2 hari kerja', value: 2, unit: 'working_days' }, product: 'Surat Rekomendasi PUB', validity: [7, 'days'] },
  { office: 'kota-jambi', no: 6, title: /Data Terpadu Kesejahteraan Sosial/, sla: { text: '6 bulan s.d. 2 tahun sampai ke tahap persetujuan final oleh Kemensos RI', value: 6, unit: 'months', maxValue: 24 }, product: 'Pelayanan Pendaftaran Data Terpadu Kesejahteraan Sosial (DTKS)' },
  { office: 'kota-jambi', no: 7, title: /BPNT/, sla: { text: '1 hari kerja', value: 1, unit: 'working_days' }, product: 'Surat Keterangan Pergantian KKS Khusus PKH', requirements: 3 },
  { office: 'kota-jambi', no: 9, title: /Jamkesda Bayi/, sla: { text: '15 menit', value: 15, unit: 'minutes' }, product: 'Surat Rekomendasi Jamkesda Bayi', requirements: 3 },
  { office: 'kota-jambi', no: 11, title: /Dana Dampungan/, sla: { text: '15 menit', value: 15, unit: 'minutes' }, product: 'Surat Rekomendasi Dana Dampungan', requirements: 3 },
  { office: 'kota-jambi', no: 15, title: /Terdaftar DTKS/, sla: { text: '15 menit', value: 15, unit: 'minutes' }, product: 'Surat Keterangan Terdaftar di DTKS' },
  { office: 'kota-jambi', no: 16, title: /ODGJ|OGDJ/, sla: { text: '2-3 hari kerja', value: 2, unit: 'working_days', maxValue: 3 } },
  { office: 'kota-jambi', no: 19, title: /Pengangkatan\/Adopsi/, sla: { text: '6 bulan s.d. 1 tahun', value: 6, unit: 'months', maxValue: 12 }, product: 'Surat Rekomendasi Pengangkatan Anak' },
  { office: 'kota-jambi', no: 20, title: /Identifikasi Kependudukan PPKS Terlantar/, sla: { text: '1 hari kerja', value: 1, unit: 'working_days' }, product: 'Hasil identifikasi PPKS terlantar' },
  { office: 'kota-banjarmasin', no: 1, title: /Verifikasi Segera/, sla: { text: '1 hari kerja setelah pengajuan', value: 1, unit: 'working_days' }, product: 'Informasi dan Surat Keterangan Hasil Verifikasi' },
  { office: 'kota-banjarmasin', no: 2, title: /JKN-KIS/, sla: { text: '1 Bulan (sesuai dengan ketersediaan kuota usulan pada APBD maupun APBN)', value: 1, unit: 'months' } },
  { office: 'kota-banjarmasin', no: 3, title: /Pemanfaatan Data Kesejahteraan Sosial/, sla: { text: '3 sd 14 Hari Kerja (sesuai dengan kompleksitas dan banyaknya jenis data yang diminta)', value: 3, unit: 'working_days', maxValue: 14 } },
  { office: 'kota-banjarmasin', no: 6, title: /Pemulangan Orang Terlantar/, sla: { text: '30 Menit', value: 30, unit: 'minutes' } },
  { office: 'kota-banjarmasin', no: 7, title: /Pengumpulan Uang dan Barang/, sla: { text: '3 hari kerja', value: 3, unit: 'working_days' } },
  { office: 'kota-banjarmasin', no: 12, title: /Pengangkatan Anak/, sla: { text: '14 (empat belas) hari kerja', value: 14, unit: 'working_days' } },
  { office: 'kota-semarang', no: 4, title: /Reaktifasi PBI|Reaktivasi PBI/i, sla: { text: 'Waktu penyelesaian adalah 30 (tiga puluh) menit setiap hari kerja sejak berkas diterima dan dinyatakan lengkap oleh petugas layanan.', value: 30, unit: 'minutes' }, validity: [1, 'months'] },
  { office: 'kota-semarang', no: 5, title: /Surat Tanda Daftar/, sla: { text: 'Waktu penyelesaian adalah 10 (sepuluh) hari kerja sejak berkas diterima dan dinyatakan lengkap oleh petugas layanan.', value: 10, unit: 'working_days' }, validity: [3, 'years'] },
  { office: 'kota-semarang', no: 7, title: /KUBE/, sla: { text: 'Jangka waktu pengusulan bantuan sosial KUBE sampai pengajuan ke Dinas Sosial Provinsi Jawa Tengah kurang lebih 1 bulan hari kerja (25 hari kerja)', value: 25, unit: 'working_days' } },
  { office: 'kota-semarang', no: 8, title: /RST|Rumah Sejahtera Terpadu/, sla: { text: 'Jangka waktu dari Pencairan dan sampai pelaporan bantuan sosial RST kurang lebih 105 Hari / 3,5 Bulan', value: 105, unit: 'days' } },
  { office: 'kota-pekanbaru', no: 1, title: /Pengecekan dan Rekomendasi DTKS/, sla: { text: '10 Menit', value: 10, unit: 'minutes' }, product: 'Surat Rekomendasi', requirements: 1 },
];

describe('fidelity to the decrees (sample read by hand)', () => {
  for (const e of SAMPLE)
    it(`${e.office} #${e.no}: title, time limit${e.product ? ', product' : ''}${e.requirements ? ', requirement count' : ''}`, () => {
      const s = svc(e.office, e.no);
      assert.match(s.title, e.title);
      assert.equal(s.sla?.text, e.sla.text);
      assert.equal(s.sla?.value, e.sla.value);
      assert.equal(s.sla?.unit, e.sla.unit);
      assert.equal(s.sla?.maxValue, e.sla.maxValue ?? null);
      if (e.product) assert.equal(s.product?.text, e.product);
      if (e.validity !== undefined) assert.deepEqual(s.product?.validity ? [s.product.validity.value, s.product.validity.unit] : null, e.validity);
      if (e.requirements) assert.equal(s.requirements.length, e.requirements);
    });

  it('Banjarmasin santunan kematian has its two stage limits: 30 working days, then 2 working days', () => {
    const st = svc('kota-banjarmasin', 4).sla!.stages;
    assert.deepEqual(st.map((x) => [x.duration?.value, x.duration?.unit]), [[30, 'working_days'], [2, 'working_days']]);
  });

  it('Banjarmasin emergency service has a 45-minute first response stage counted from the report', () => {
    const s = svc('kota-banjarmasin', 13);
    assert.equal(s.sla!.clockStarts, 'report');
    const first = s.sla!.stages.find((x) => x.duration?.value === 45);
    assert.ok(first, 'a 45-minute stage');
    assert.equal(first.duration!.unit, 'minutes');
  });

  it('Banjarmasin panti referral has its two stage limits: 3 working days, then 1 working day after the panti confirms', () => {
    const st = svc('kota-banjarmasin', 11).sla!.stages;
    assert.deepEqual(st.map((x) => [x.duration?.value, x.duration?.unit]), [[3, 'working_days'], [1, 'working_days']]);
    const proc = svc('kota-banjarmasin', 11).procedure!;
    assert.ok(proc.steps.some((p) => p.kind === 'external'), 'waits on the panti');
  });

  it('Jambi disaster services run 24 hours a day', () => {
    for (const no of [1, 2]) {
      const s = svc('kota-jambi', no);
      assert.equal(s.serviceHours?.allDay, true);
      assert.equal(s.sla?.calendar, '24x7');
    }
  });

  it('Semarang LKS service keeps its own hours (until 15:00, Friday 13:00)', () => {
    const h = svc('kota-semarang', 5).serviceHours!;
    assert.deepEqual(h.week.map((b) => [b.open, b.close]), [['08:00', '15:00'], ['08:00', '13:00']]);
  });

  it('requirements that need DTKS registration check the registry', () => {
    for (const [office, no] of [['kota-jambi', 9], ['kota-jambi', 10], ['kota-jambi', 15]] as const) {
      const s = svc(office, no);
      const rules = JSON.stringify(s.eligibility);
      assert.match(rules, /registry\.dtks/, `${office} #${no}`);
    }
  });
});

describe('the format\'s further fields, used where the decrees say so (read by hand)', () => {
  const office = (slug: string) => offices.find((o) => o.office.slug === slug)!.office;

  it('fax numbers from the letterheads are fax channels (Jambi, Banjarmasin, Semarang); Semarang\'s Twitter is a Twitter channel', () => {
    assert.deepEqual(office('kota-jambi').contacts.filter((c) => c.kind === 'fax').map((c) => c.value), ['(0741) 31682']);
    assert.deepEqual(office('kota-banjarmasin').contacts.filter((c) => c.kind === 'fax').map((c) => c.value), ['(0511) 4412276']);
    assert.deepEqual(office('kota-semarang').contacts.filter((c) => c.kind === 'fax').map((c) => c.value), ['(024) 3549547']);
    assert.deepEqual(office('kota-semarang').complaints.channels.filter((c) => c.kind === 'twitter').map((c) => c.value), ['@dinsosSMG']);
  });

  it('Semarang Lampiran I (Data dan Pengaduan) keeps its own complaint channels, without the Call Center of Lampiran II onwards', () => {
    const own = svc('kota-semarang', 1).complaints!.channels;
    assert.ok(!own.some((c) => c.kind === 'call-center'));
    assert.ok(office('kota-semarang').complaints.channels.some((c) => c.kind === 'call-center'));
    assert.deepEqual(own.map((c) => c.kind), ['letter', 'complaint-box', 'phone', 'website', 'email', 'twitter', 'instagram']);
    assert.equal(svc('kota-semarang', 2).complaints, undefined, 'Lampiran II uses the office list');
  });

  it('services whose decree names two products list the second beside the main one', () => {
    const other = (office: string, no: number) => svc(office, no).otherProducts.map((p) => [p.text, p.kind]);
    assert.deepEqual(other('kota-semarang', 5), [['Surat Rekomendasi', 'letter']]);
    assert.equal(svc('kota-semarang', 5).product!.letterType, 'tanda-daftar-lks', 'the Surat Tanda Daftar stays the letter Sigap issues');
    assert.deepEqual(other('kota-banjarmasin', 1), [['Informasi', 'information']]);
    assert.deepEqual(other('kota-banjarmasin', 4), [['Pengajuan usulan Santunan Kematian', 'service']]);
    assert.deepEqual(other('kota-banjarmasin', 11), [['Pengajuan Berkas Usulan', 'service']]);
    assert.deepEqual(other('kota-jambi', 9), []);
  });

  it('the service page shows them, in both languages', () => {
    const id = serviceExtras('id', svc('kota-semarang', 5)).html;
    assert.match(id, /<h2 id="h-other-products">Produk lain<\/h2>/);
    assert.match(id, /<li>Surat Rekomendasi <span class="meta">\(Surat\)<\/span><\/li>/);
    assert.doesNotMatch(id, /h-svc-complaints/);
    const en = serviceExtras('en', svc('kota-semarang', 1)).html;
    assert.match(en, /<h2 id="h-svc-complaints">Complaints about this service<\/h2>/);
    assert.match(en, /<li>Twitter: @dinsosSMG<\/li>/);
    assert.equal(serviceExtras('id', svc('kota-jambi', 9)).html, '');
  });
});
