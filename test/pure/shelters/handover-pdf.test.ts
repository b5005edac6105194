/**
 * The berita acara serah terima klien on paper: a typical handover (a family pick-up, a few belongings)
 * fits one F4 page with both signatures; a long one flows on, and the signatures never stand alone on
 * a page without the end of the table they sign (the receiver's line, the closing sentence).
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { HANDOVER_KEEP_WITH_SIGNATURE, handoverText, type HandoverFacts } from '../../../src/domain/shelters/handover.js';
import { renderLetterPdf } from '../../../src/render/letter-pdf.js';
import { pdfText } from '../../support/pdf.js';

const facts = (over: Partial<HandoverFacts> = {}): HandoverFacts => ({
  officeName: 'Dinas Sosial Kota Banjarmasin',
  shelterName: 'Rumah Singgah Dinsos Banjarmasin',
  issuedOn: '2025-03-23',
  client: { name: 'Siti Aminah', nik: '6371015505800002', sexText: 'Perempuan', categoryText: 'ODGJ terlantar' },
  checkedInLocal: 'Sabtu, 1 Maret 2025 10.00 WITA',
  terminatedLocal: 'Minggu, 23 Maret 2025 10.00 WITA',
  daysStayed: 22,
  readiness: 'Kondisi stabil, minum obat teratur; keluarga di Kelayan siap menerima dan mendampingi kontrol ke RSJ Sambang Lihum',
  ground: 'Klien yang telah menghuni Rumah Singgah lebih dari 21 hari',
  kind: 'family',
  destination: 'Jl. Kelayan B Gg. Keluarga No. 12 RT 08, Kelurahan Kelayan Tengah, Banjarmasin Selatan',
  family: { name: 'Ahmad Fauzi', relationship: 'adik', document: 'ktp', documentNumber: '6371010101800001' },
  escort: null,
  belongings: [
    { item: 'Tas kain berisi pakaian', quantity: 1 },
    { item: 'Sandal jepit', quantity: 1 },
    { item: 'Dompet berisi KTP', quantity: 1 },
  ],
  ...over,
});

const render = async (f: HandoverFacts) => {
  const t = handoverText(f);
  return renderLetterPdf({
    paper: 'F4',
    layout: 'certificate',
    office: { government: 'Pemerintah Kota Banjarmasin', name: 'Dinas Sosial Kota Banjarmasin', address: 'Jl. Ir Pangeran H. Muhammad Noor RT. 38 No. 02 Banjarmasin 70118', postalCode: '70118', contacts: [{ kind: 'phone', label: 'Telepon', value: '(0511) 3252837' }] },
    logo: null,
    title: t.title,
    number: '400.9/0007/Dinsos/2025',
    place: 'Banjarmasin',
    dateText: '23 Maret 2025',
    subject: t.subject,
    addressee: [],
    blocks: t.blocks,
    validUntilText: null,
    cosigner: t.cosigner,
    keepWithSignature: HANDOVER_KEEP_WITH_SIGNATURE,
    signer: { position: ['a.n. Kepala Dinas Sosial Kota Banjarmasin', 'Kepala Bidang Rehabilitasi Sosial,'], name: 'Hj. Rusmini, S.Sos', rank: 'Penata Tingkat I (III/d)', nip: '197805122005012003' },
    verifyUrl: 'http://localhost:3000/rumah-singgah/berita-acara/uOVHd4a-9KHEDoEgS3WEmjUx',
    signature: { kind: 'uncertified', provider: null },
    draft: false,
    at: new Date('2025-03-23T02:00:00Z'),
  });
};

describe('the berita acara serah terima klien on paper', () => {
  it('a family pick-up with three belongings fits one F4 page, both signatures with the table', async () => {
    const pdf = await render(facts());
    if (process.env.SIGAP_SCREENSHOTS) writeFileSync(`${process.env.SIGAP_SCREENSHOTS}/handover.pdf`, pdf);
    const { pages } = await pdfText(pdf);
    assert.equal(pages.length, 1, pages.join('\n---\n'));
    assert.match(pages[0]!, /Yang menerima/);
    assert.match(pages[0]!, /Hj\. Rusmini, S\.Sos/);
  });

  it('however long the list of belongings (4 to 24 items), the signatures stand on the page with the list\'s last item and the closing sentence', async () => {
    for (let n = 4; n <= 24; n += 2) {
      const belongings = Array.from({ length: n }, (_, i) => ({ item: `Barang bawaan nomor ${i + 1} (pakaian, perlengkapan mandi, dokumen pribadi)`, quantity: i + 1 }));
      const pdf = await render(facts({ belongings }));
      if (process.env.SIGAP_SCREENSHOTS && n === 18) writeFileSync(`${process.env.SIGAP_SCREENSHOTS}/handover-long.pdf`, pdf);
      const { pages } = await pdfText(pdf);
      const last = pages.at(-1)!;
      for (const s of ['Hj. Rusmini, S.Sos', 'Yang menerima', 'Ahmad Fauzi (adik)', 'telah diserahterimakan', `Barang bawaan nomor ${n} `]) assert.ok(last.includes(s), `${n} items, ${pages.length} pages: the last page lacks "${s}"`);
      assert.ok(pages.slice(0, -1).every((p) => !p.includes('Yang menerima')), `${n} items: nobody signs on an earlier page`);
    }
  });
});
