/** The public catalogue's views: ways in without knowing a URL, how to apply, the procedure as numbered steps, English. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STANDARDS_DIR } from '../../support/paths.js';
import type { StoredOffice } from '../../../src/db/standards-repo.js';
import { readingOrder } from '../../../src/domain/procedure/reading-order.js';
import type { Procedure } from '../../../src/domain/standards/schema.js';
import { loadStandardsDir } from '../../../src/io/standards-dir.js';
import { stepList } from '../../../src/http/pages/catalogue-flow-views.js';
import { homePage, officePage, servicePage } from '../../../src/http/pages/catalogue-views.js';
import { renderFlowchartSvg } from '../../../src/render/flowchart-svg.js';

const loaded = loadStandardsDir(STANDARDS_DIR);
const stored = (slug: string): StoredOffice => {
  const o = loaded.offices.find((x) => x.office.slug === slug)!;
  return { id: `office-${slug}`, versionId: `ov-${slug}`, version: 1, office: o.office, decreeText: null, services: o.services.map((s, i) => ({ id: `svc-${i}`, versionId: `sv-${i}`, version: 1, service: s })) };
};
const jambi = stored('kota-jambi');
const semarang = stored('kota-semarang');
const pekanbaru = stored('kota-pekanbaru');
const banjarmasin = stored('kota-banjarmasin');
const svcOf = (o: StoredOffice, slug: string) => o.services.find((s) => s.service.slug === slug)!;
const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('public catalogue views: the ways in', () => {
  it('the home page leads to every office, to tracking an application or a complaint, and discreetly to staff sign-in', () => {
    const links = hrefs(homePage('id', [jambi, semarang]));
    for (const h of ['/kantor/kota-jambi', '/kantor/kota-semarang', '/lacak', '/pengaduan', '/masuk']) assert.ok(links.includes(h), h);
    const en = hrefs(homePage('en', [jambi]));
    for (const h of ['/lacak?lang=en', '/pengaduan?lang=en', '/masuk?lang=en', '/kantor/kota-jambi?lang=en']) assert.ok(en.includes(h), h);
  });

  it('an office page offers applying, tracking, a complaint (file and track), the survey and the published answers', () => {
    const links = hrefs(officePage('id', jambi));
    for (const h of ['#h-services', '/lacak', '/kantor/kota-jambi/pengaduan', '/pengaduan', '/kantor/kota-jambi/survei', '/kantor/kota-jambi/pengaduan/publik', '/masuk'])
      assert.ok(links.includes(h), h);
    for (const s of jambi.services) assert.ok(links.includes(`/kantor/kota-jambi/layanan/${s.service.slug}`), s.service.slug);
  });

  it('a service open online has the "Ajukan permohonan" button to its form, the counter, and tracking', () => {
    const bayi = svcOf(jambi, 'rekomendasi-jamkesda-bayi');
    assert.equal(bayi.service.openForApplications, true);
    const html = servicePage('id', jambi, bayi, '<svg role="img"></svg>', { publicBaseUrl: 'https://sigap.jambikota.go.id' });
    assert.match(html, /<a class="button cta" href="\/kantor\/kota-jambi\/layanan\/rekomendasi-jamkesda-bayi\/ajukan">Ajukan permohonan<\/a>/);
    assert.match(text(html), /Atau datang ke loket Dinas Sosial Kota Jambi, /);
    // The leaflet prints the address, since paper has no button.
    assert.match(html, /<strong>https:\/\/sigap\.jambikota\.go\.id\/kantor\/kota-jambi\/layanan\/rekomendasi-jamkesda-bayi\/ajukan<\/strong>/);
    assert.ok(hrefs(html).includes('/lacak'));
    const en = servicePage('en', jambi, bayi, null);
    assert.match(en, /href="\/kantor\/kota-jambi\/layanan\/rekomendasi-jamkesda-bayi\/ajukan\?lang=en">Apply online<\/a>/);
  });

  it('a service closed online says to apply at the counter and has no button; a listed-only service says so', () => {
    const bayi = svcOf(jambi, 'rekomendasi-jamkesda-bayi');
    const closed = { ...bayi, service: { ...bayi.service, openForApplications: false } };
    const html = servicePage('id', jambi, closed, null);
    assert.doesNotMatch(html, /\/ajukan"/);
    assert.match(text(html), /Layanan ini tidak diajukan secara daring\. Datang ke loket Dinas Sosial Kota Jambi/);
    const kjs = semarang.services.find((s) => !s.service.detailed)!;
    const listed = servicePage('en', semarang, kjs, null);
    assert.doesNotMatch(listed, /\/ajukan/);
    assert.match(listed, /only listed in the decree/);
  });
});

describe('public catalogue views: the procedure in words', () => {
  const proc: Procedure = {
    start: 'cek-berkas',
    steps: [
      { id: 'cek-berkas', label: 'Petugas memeriksa kelengkapan berkas', kind: 'check', role: 'front-office', outcomes: [
        { id: 'lengkap', label: 'Lengkap', kind: 'forward', next: 'verif-dtks' },
        { id: 'kurang', label: 'Belum lengkap', kind: 'return', next: 'cek-berkas' },
      ] },
      { id: 'ttd-kadis', label: 'Kepala Dinas menandatangani surat', kind: 'sign', role: 'kepala-dinas', outcomes: [{ id: 'ttd', label: 'Ditandatangani', kind: 'forward', next: 'end-diserahkan' }] },
      { id: 'verif-dtks', label: 'Verifikasi data DTKS', kind: 'verification', role: 'operator', outcomes: [
        { id: 'layak', label: 'Terdaftar di DTKS', kind: 'forward', next: 'ttd-kadis' },
        { id: 'tidak', label: 'Tidak terdaftar', kind: 'reject', next: 'end-tolak' },
      ] },
    ],
    ends: [
      { id: 'end-diserahkan', label: 'Surat rekomendasi diserahkan', kind: 'completed' },
      { id: 'end-tolak', label: 'Permohonan ditolak', kind: 'rejected' },
    ],
  };
  const roles = new Map([['front-office', 'Petugas Loket'], ['operator', 'Operator SIKS-NG'], ['kepala-dinas', 'Kepala Dinas Sosial']]);
  const roleName = (id: string) => roles.get(id) ?? id;

  it('numbers the steps along the usual path, whatever order the file lists them in', () => {
    assert.deepEqual(readingOrder(proc).map((s) => s.id), ['cek-berkas', 'verif-dtks', 'ttd-kadis']);
  });

  it('says who does each step, the time limit once, and where each answer leads, by number or end, never by id', () => {
    const html = stepList('id', proc, roleName, '3 hari kerja').html;
    assert.match(html, /Seluruh langkah diselesaikan dalam 3 hari kerja\./);
    const items = [...html.matchAll(/<li id="langkah-(\d+)">([\s\S]*?)<\/li>(?=<li id|<\/ol>)/g)].map((m) => text(m[2]!));
    assert.equal(items.length, 3);
    assert.match(items[0]!, /Petugas memeriksa kelengkapan berkas Petugas Loket · Pemeriksaan berkas/);
    assert.match(items[0]!, /Lengkap → lanjut ke langkah 2/);
    assert.match(items[0]!, /Belum lengkap → kembali ke langkah 1/);
    assert.match(items[1]!, /Terdaftar di DTKS → lanjut ke langkah 3/);
    assert.match(items[1]!, /Tidak terdaftar → berhenti: Permohonan ditolak/);
    assert.match(items[2]!, /Kepala Dinas Sosial · Penandatanganan → Selesai: Surat rekomendasi diserahkan/);
    for (const id of ['cek-berkas', 'verif-dtks', 'ttd-kadis', 'end-diserahkan', 'end-tolak', 'front-office']) assert.ok(!text(html).includes(id), id);
    const en = text(stepList('en', proc, roleName, '3 working days').html);
    assert.match(en, /All steps are completed within 3 working days\./);
    assert.match(en, /Belum lengkap → back to step 1/);
    assert.match(en, /Verification/);
  });

  it('the flowchart description names steps and ends, not internal ids, and wraps long edge labels', async () => {
    const svg = await renderFlowchartSvg(proc, { title: 'Rekomendasi', lang: 'id', roleName });
    const desc = /<desc id="fc-desc">([^<]*)<\/desc>/.exec(svg)![1]!;
    assert.match(desc, /Lengkap: langkah 2/);
    assert.match(desc, /Tidak terdaftar: Permohonan ditolak/);
    assert.doesNotMatch(desc, /verif-dtks|end-tolak/);
  });

  it('a real service page shows the step list for every step of its procedure, in both languages', () => {
    const s = svcOf(pekanbaru, 'pengecekan-rekomendasi-dtks');
    for (const lang of ['id', 'en'] as const) {
      const html = servicePage(lang, pekanbaru, s, null);
      assert.equal((html.match(/<li id="langkah-\d+">/g) ?? []).length, s.service.procedure!.steps.length, lang);
    }
  });
});

describe('public catalogue views: details', () => {
  it('counts services in English with the right plural', () => {
    assert.match(text(homePage('en', [pekanbaru, jambi])), /Riau · WIB · 1 service Decree|Riau · WIB · 1 service No decree/);
    assert.match(text(homePage('en', [jambi])), /20 services/);
    assert.match(text(homePage('id', [pekanbaru])), /1 layanan/);
  });

  it('prints the Banjarmasin address as the decree does, its postal code once', () => {
    const html = officePage('id', banjarmasin);
    assert.match(html, /Banjarmasin 70118<\/p>/);
    assert.doesNotMatch(html, /70118 70118/);
  });

  it('lists Semarang\'s diktum notes in the decree\'s order', () => {
    const html = officePage('id', semarang);
    const order = ['Diktum KETIGA', 'Diktum KEEMPAT', 'Diktum KELIMA'].map((h) => html.indexOf(h));
    assert.ok(order.every((i) => i > 0), String(order));
    assert.deepEqual([...order].sort((a, b) => a - b), order);
  });
});
