/**
 * The PDF layout on its own: letterhead on every page when text overflows, A4 and F4, a logo
 * where the office provides one, Unicode names, the official-letter layout, the DRAF preview.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Block } from '../../../src/domain/letters/template.js';
import { renderLetterPdf, type LetterPdfInput } from '../../../src/render/letter-pdf.js';
import { PNG_1X1 } from '../../support/fixtures.js';
import { pdfText, qrOf } from '../../support/pdf.js';

const input = (over: Partial<LetterPdfInput> = {}): LetterPdfInput => ({
  paper: 'A4',
  layout: 'certificate',
  office: { government: 'Pemerintah Kota Banjarmasin', name: 'Dinas Sosial Kota Banjarmasin', address: 'Jl. Ir Pangeran H. Muhammad Noor RT. 38 No. 02 Banjarmasin 70118', postalCode: '70118', contacts: [{ kind: 'phone', label: 'Telepon', value: '(0511) 3252837' }] },
  logo: null,
  title: 'SURAT IJIN PENGUMPULAN UANG DAN BARANG',
  number: '400.9/0042/Dinsos/2026',
  place: 'Banjarmasin',
  dateText: '23 November 2026',
  subject: 'Ijin Pengumpulan Uang dan Barang',
  addressee: [],
  blocks: [{ kind: 'paragraph', text: 'Isi surat.' }],
  validUntilText: null,
  signer: { position: ['Kepala Dinas Sosial Kota Banjarmasin,'], name: 'Dr. Ir. Hj. Nurliani, M.AP', rank: 'Pembina Tingkat I (IV/b)', nip: '197001011990032001' },
  verifyUrl: 'http://localhost:3000/v/Q2hlY2tUaGlzVG9r',
  draft: false,
  at: new Date('2026-11-23T03:00:00Z'),
  ...over,
});

describe('the letter PDF', () => {
  it('flows a long body onto further pages, repeating the letterhead, numbering the pages', async () => {
    const blocks: Block[] = Array.from({ length: 30 }, (_, i) => ({ kind: 'paragraph', text: `${i + 1}. Pemegang ijin wajib melaporkan hasil pengumpulan uang dan barang kepada Dinas Sosial secara berkala dan menyelenggarakannya sesuai ketentuan peraturan perundang-undangan.` }));
    const pdf = await renderLetterPdf(input({ blocks }));
    const { pages, sizes } = await pdfText(pdf);
    assert.ok(pages.length >= 2, `${pages.length} pages`);
    pages.forEach((p, i) => {
      assert.match(p, /PEMERINTAH KOTA BANJARMASIN/, `page ${i + 1} has the letterhead`);
      assert.match(p, new RegExp(`Halaman ${i + 1} dari ${pages.length}`));
    });
    assert.match(pages.at(-1)!, /Dr\. Ir\. Hj\. Nurliani, M\.AP/, 'the signer block is on the last page');
    assert.match(pages.at(-1)!, /30\. Pemegang ijin/);
    assert.deepEqual(sizes[0], [595, 842], 'A4');
    assert.equal(qrOf(pdf), 'http://localhost:3000/v/Q2hlY2tUaGlzVG9r');
  });

  it('renders names in any Latin, Greek or Cyrillic script, and F4 paper', async () => {
    const names = ['Ñoño Łukasiewicz-Nguyễn', 'Ἀλέξανδρος Παπαδόπουλος', 'Анастасия Кузнецова', 'Ṣàngó Adébáyọ̀'];
    const pdf = await renderLetterPdf(input({ paper: 'F4', blocks: names.map((n) => ({ kind: 'row', label: 'Nama', value: n })) }));
    const { text, sizes } = await pdfText(pdf);
    for (const n of names) assert.ok(text.normalize('NFC').includes(n.normalize('NFC')), `${n} in ${text}`);
    assert.deepEqual(sizes[0], [609, 935], 'F4 is 215 × 330 mm');
  });

  it('embeds the office logo when there is one', async () => {
    const without = await renderLetterPdf(input());
    const withLogo = await renderLetterPdf(input({ logo: PNG_1X1 }));
    assert.equal(without.includes('/Subtype /Image'), false);
    assert.equal(withLogo.includes('/Subtype /Image'), true);
  });

  it('writes an official letter with place and date, number, subject and addressee', async () => {
    const pdf = await renderLetterPdf(input({ layout: 'official-letter', addressee: ['Yth. Kepala Dinas Sosial Provinsi Kalimantan Selatan', 'di', 'Banjarbaru'] }));
    const { text } = await pdfText(pdf);
    for (const s of ['Banjarmasin, 23 November 2026', 'Nomor', '400.9/0042/Dinsos/2026', 'Perihal', 'Ijin Pengumpulan Uang dan Barang', 'Kepada', 'Yth. Kepala Dinas Sosial Provinsi Kalimantan Selatan', 'Banjarbaru'])
      assert.ok(text.includes(s), `${s} in ${text}`);
  });

  it('marks an unsigned preview DRAF, without number, date or QR code', async () => {
    const pdf = await renderLetterPdf(input({ draft: true, number: null, dateText: null, signer: null }));
    const { text } = await pdfText(pdf);
    assert.match(text, /DRAF/);
    assert.match(text, /belum bernomor/);
    assert.match(text, /belum ditandatangani/);
    assert.equal(qrOf(pdf), null);
  });

  it('gives the same bytes for the same letter (the signed file depends only on the letter)', async () => {
    const a = await renderLetterPdf(input());
    const b = await renderLetterPdf(input());
    assert.equal(a.equals(b), true);
  });
});
