/** `sigap standards lint`: drafting warnings, and text quoted from the decree that decree.txt does not hold. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintOffice, lintVerbatim, promisedLimits } from '../../../src/domain/standards/lint.js';
import { validateOffice } from '../../../src/domain/standards/validate.js';
import { normalizeLoose } from '../../../src/domain/standards/verbatim.js';
import { loadStandardsDir } from '../../../src/io/standards-dir.js';
import { STANDARDS_DIR } from '../../support/paths.js';

const { offices } = loadStandardsDir(STANDARDS_DIR);
const warnings = offices.flatMap((o) => lintOffice(o.office, o.services, o.serviceFiles));
const of = (office: string, code: string) => warnings.filter((w) => w.office === office && w.code === code);

describe('standards lint', () => {
  it('finds time promises inside free text', () => {
    assert.deepEqual(promisedLimits('1. Terpenuhinya rekomendasi paling lama 1 hari kerja 2. ...'), [{ value: 1, unit: 'working_days', phrase: 'paling lama 1 hari kerja' }]);
    assert.deepEqual(promisedLimits('tanpa janji waktu'), []);
  });

  it('warns that Jambi 9–15 promise 15 minutes but guarantee "paling lama 1 hari kerja"', () => {
    const nos = of('kota-jambi', 'sla-contradicts-guarantee').map((w) => w.message.match(/^Layanan (\d+)/)?.[1]).map(Number);
    for (const n of [9, 10, 11, 12, 13, 14, 15]) assert.ok(nos.includes(n), `service ${n} not flagged; flagged: ${nos.join(',')}`);
    const w = of('kota-jambi', 'sla-contradicts-guarantee').find((x) => x.message.startsWith('Layanan 9:'))!;
    assert.equal(w.message, 'Layanan 9: jangka waktu "15 menit" bertentangan dengan jaminan pelayanan "paling lama 1 hari kerja"');
    assert.equal(w.messageEn, 'Service 9: time limit "15 menit" contradicts the service guarantee "paling lama 1 hari kerja"');
  });

  it('warns that Semarang\'s Kedaruratan is an emergency service on an office-hours clock, and not Banjarmasin\'s 24-hour one (issue 13)', () => {
    // (Filtered by office: the sixth-office test runs this file again beside an office of its own.)
    const w = of('kota-semarang', 'emergency-office-hours');
    assert.deepEqual(w.map((x) => x.service), ['kedaruratan']);
    assert.deepEqual(of('kota-banjarmasin', 'emergency-office-hours'), [], "Banjarmasin's 45 minutes run on a 24-hour clock");
    assert.equal(w[0]!.messageEn, 'Service 2: emergency service on an office-hours clock ("Waktu penyelesaian adalah 1 (Satu) hari kerja sejak berkas diterima dan dinyatakan lengkap oleh petugas layanan."); reports at night and on holidays wait for the office to open');
    // The warning does not change the decreed clock: the standard still says office hours.
    const semarang = offices.find((o) => o.office.slug === 'kota-semarang')!.services.find((s) => s.slug === 'kedaruratan')!;
    assert.equal(semarang.sla?.calendar, 'office-hours');
    assert.deepEqual(of('kota-semarang', 'emergency-identity-required').map((x) => `${x.service}: ${x.messageEn}`), ['kedaruratan: Service 2: emergency service requires "KTP, KK" without "jika ada" (if available)']);
    assert.deepEqual(of('kota-banjarmasin', 'emergency-identity-required'), [], 'Banjarmasin asks for KTP/KK "jika ada"');
  });

  it('does not flag a guarantee that matches the time limit (Jambi 3: 14 hari kerja)', () => {
    assert.ok(!of('kota-jambi', 'sla-contradicts-guarantee').some((w) => w.message.startsWith('Layanan 3:')));
  });

  it('warns that Jambi 7 (BPNT) has a product text copied from the PKH service', () => {
    const w = of('kota-jambi', 'product-copied');
    assert.equal(w.length, 1);
    assert.match(w[0]!.message, /^Layanan 7: produk "Surat Keterangan Pergantian KKS Khusus PKH" sama dengan layanan 5 dan menyebut PKH padahal layanan ini tentang BPNT/);
  });

  it('warns about the duplicated legal basis of Banjarmasin PUB', () => {
    const w = of('kota-banjarmasin', 'duplicate-legal-basis').filter((x) => x.message.startsWith('Layanan 7:'));
    assert.ok(w.length >= 4, `${w.length} duplicates flagged`);
    assert.ok(w.some((x) => x.message.includes('UU RI No.9 Tahun 1961 tentang Pengumpulan Uang atau Barang')));
  });

  it('warns about a listed service with no detail (Semarang KJS)', () => {
    const w = of('kota-semarang', 'not-detailed');
    assert.equal(w.length, 1);
    assert.match(w[0]!.messageEn, /is listed without a detailed standard/);
  });

  it('warns when a PermenPANRB 15/2014 component is missing', () => {
    const svc = structuredClone(offices.find((o) => o.office.slug === 'kota-pekanbaru')!);
    svc.services[0]!.components = svc.services[0]!.components.filter((c) => c.key !== 'jaminan-keamanan');
    const w = lintOffice(svc.office, svc.services, svc.serviceFiles).filter((x) => x.code === 'missing-component');
    assert.deepEqual(w.map((x) => x.messageEn), ['Service 1: PermenPANRB 15/2014 component missing: jaminan-keamanan']);
  });
});

describe('standards lint: validity is not a time promise', () => {
  it('ignores "berlaku maksimal 5 tahun" and "berlaku maksimal 7 hari"', () => {
    assert.deepEqual(promisedLimits('2. Surat rekomendasi berlaku maksimal 5 tahun dari tanggal surat'), []);
    assert.ok(!of('kota-jambi', 'sla-contradicts-guarantee').some((w) => /^Layanan [34]:/.test(w.message)));
  });
});

describe('standards lint: text quoted from the decree must be found in decree.txt', () => {
  const verbatim = (o: (typeof offices)[number], edit: (service: string) => string = (s) => s, decreeText: string | null = o.decreeText) => {
    const [slug, file] = Object.entries(o.serviceSources)[0]!;
    const text = edit(file.text);
    const { result, problems } = validateOffice(o.office.slug, o.officeFile, [{ path: file.path, text }]);
    assert.deepEqual(problems, []);
    return lintVerbatim({ office: o.office, services: result!.services, decreeText, officeFile: o.officeFile, serviceFiles: { [slug]: { path: file.path, text } } });
  };
  const pekanbaru = offices.find((o) => o.office.slug === 'kota-pekanbaru')!;

  it('finds every office clean: components, names, time limit, fee, product and office profile as decreed', () => {
    for (const o of offices)
      assert.deepEqual(
        lintVerbatim({ office: o.office, services: o.services, decreeText: o.decreeText, officeFile: o.officeFile, serviceFiles: o.serviceSources }).map((w) => `${w.file}:${w.line} ${w.messageEn}`),
        [],
        o.office.slug,
      );
  });

  it('reports a paraphrased line with its file, line and text, in both languages', () => {
    const w = verbatim(pekanbaru, (t) => t.replace('      1. Foto copy Kartu Keluarga ( KK )', '      1. Fotokopi Kartu Keluarga').replace('text: 10 Menit', 'text: 10 menit saja'));
    assert.deepEqual(
      w.map((x) => [x.file.replace(/^.*(?=kota-pekanbaru\/)/, ''), x.line, x.code, x.message, x.messageEn]),
      [
        ['kota-pekanbaru/services/01-pengecekan-rekomendasi-dtks.yaml', 14, 'not-in-decree', 'Layanan 1, komponen persyaratan: teks tidak ditemukan di decree.txt: "1. Fotokopi Kartu Keluarga"', 'Service 1, component persyaratan: text not found in decree.txt: "1. Fotokopi Kartu Keluarga"'],
        ['kota-pekanbaru/services/01-pengecekan-rekomendasi-dtks.yaml', 36, 'not-in-decree', 'Layanan 1, komponen jangka-waktu: teks tidak ditemukan di decree.txt: "10 menit saja"', 'Service 1, component jangka-waktu: text not found in decree.txt: "10 menit saja"'],
      ],
    );
    const lines = Object.values(pekanbaru.serviceSources)[0]!.text.split('\n');
    assert.equal(lines[13], '      1. Foto copy Kartu Keluarga ( KK )', 'line 14 is the line that changed');
    assert.equal(lines[35], '    text: 10 Menit');
  });

  it('does not count case, markup, spacing, typographic quotes or a line-end hyphen as a change', () => {
    const w = verbatim(pekanbaru, (t) =>
      t
        .replace('      1. Foto copy Kartu Keluarga ( KK )', '      1. FOTO   copy <b>Kartu</b> Keluarga ( KK )')
        .replace('Surat Rekomendasi Re- Aktivasi untuk', 'Surat Rekomendasi Reaktivasi untuk')
        .replace('      3. Telepon : 081266782747', '      3. Telepon : 081266782747'),
    );
    assert.deepEqual(w, []);
    assert.equal(normalizeLoose('Pela- yanan “Prima” – Gratis'), normalizeLoose('pelayanan "prima" - gratis'));
  });

  it('says so when an office keeps no decree.txt to compare with', () => {
    const w = verbatim(pekanbaru, undefined, null);
    assert.deepEqual(w.map((x) => [x.code, x.messageEn]), [['no-decree-text', "no decree.txt beside office.yaml: the standard's text cannot be checked against the decree"]]);
  });
});
