/**
 * The pieces of a letter's digital signature without a database: a PAdES signature over a
 * rendered letter verifies and names its signer and time; one flipped bit is caught; an unsigned
 * PDF has none; sealed keys open only with their key and their own serial; the certificate
 * states the verification page shows; and the letter's wording of each kind.
 */
import assert from 'node:assert/strict';
import { createPrivateKey, randomBytes, X509Certificate } from 'node:crypto';
import { describe, it } from 'node:test';
import { certificateState, signatureHolds } from '../../../src/domain/letters/signature.js';
import { inspectPdfSignature, localCmsSigner, signPdf } from '../../../src/io/pades.js';
import { seal, unseal } from '../../../src/io/sealed-keys.js';
import { issueCertificate } from '../../../src/io/x509.js';
import { renderLetterPdf, signatureWording, type LetterPdfInput } from '../../../src/render/letter-pdf.js';

const AT = new Date('2026-12-07T03:04:05Z');
const OFFICE = { government: 'Pemerintah Kota Jambi', name: 'Dinas Sosial Kota Jambi', address: 'Jln. Jend. Sudirman No. 156 – Jambi Selatan, Jambi', postalCode: '36138', contacts: [] };
const letter: LetterPdfInput = {
  paper: 'F4',
  layout: 'certificate',
  office: OFFICE,
  logo: null,
  title: 'SURAT REKOMENDASI',
  number: '400.9/0007/Dinsos/2026',
  place: 'Jambi',
  dateText: '7 Desember 2026',
  subject: 'Rekomendasi Jamkesda Bayi',
  addressee: [],
  blocks: [{ kind: 'row', label: 'Nama', value: 'Nurul Hidayah' }],
  validUntilText: '7 Januari 2027',
  signer: { position: ['Sekretaris Dinas Sosial Kota Jambi,'], name: 'Siti Ñurhaliza Nguyễn' },
  verifyUrl: 'http://localhost:3000/v/Q2hlY2tUaGlzVG9r',
  signature: { kind: 'uncertified', provider: null },
  draft: false,
  at: AT,
};

describe('letter signatures (pure)', () => {
  it('signs a rendered letter: the signature is intact over the whole file, names the signer, the time and the chain; a flipped bit breaks it', async () => {
    const ca = await issueCertificate({ commonName: 'Otoritas Sertifikat Sigap Dinas Sosial Kota Jambi', organization: 'Dinas Sosial Kota Jambi', locality: 'Kota Jambi' }, { from: AT, years: 10 });
    const leaf = await issueCertificate({ commonName: 'Siti Ñurhaliza Nguyễn', title: 'Sekretaris Dinas Sosial Kota Jambi', organization: 'Dinas Sosial Kota Jambi' }, { from: AT, years: 2 }, ca);
    assert.ok(new X509Certificate(leaf.certPem).checkIssued(new X509Certificate(ca.certPem)));
    assert.equal(new X509Certificate(ca.certPem).ca, true);
    assert.equal(new X509Certificate(leaf.certPem).ca, false);
    const plain = await renderLetterPdf(letter);
    assert.deepEqual(inspectPdfSignature(plain), { present: false });
    const pdf = await signPdf(plain, { name: 'Siti Ñurhaliza Nguyễn', reason: 'SURAT REKOMENDASI 400.9/0007/Dinsos/2026', location: 'Jambi', contactInfo: 'http://localhost:3000/v/x', at: AT }, localCmsSigner([leaf.certPem, ca.certPem], createPrivateKey(leaf.keyPem)));
    assert.equal(pdf.subarray(0, plain.length).equals(plain), true, 'the rendered letter is kept as is; the signature is an incremental update');
    const s = inspectPdfSignature(pdf);
    assert.ok(s.present);
    assert.equal(s.intact, true);
    assert.equal(s.wholeFile, true);
    assert.equal(s.signerName, 'Siti Ñurhaliza Nguyễn');
    assert.equal(s.signerSerial, leaf.serial);
    assert.equal(s.at, AT.toISOString());
    assert.equal(s.certificates.length, 2);
    const flipped = Buffer.from(pdf);
    const at = flipped.indexOf(Buffer.from('/Title'));
    flipped[at + 10] = flipped[at + 10]! ^ 0x01;
    const broken = inspectPdfSignature(flipped);
    assert.ok(broken.present && !broken.intact, 'one bit changed in the signed range');
    const appended = Buffer.concat([pdf, Buffer.from('\n% ditambahkan\n')]);
    const extra = inspectPdfSignature(appended);
    assert.ok(extra.present && !extra.wholeFile, 'bytes after the signed ranges are not covered');
  });

  it('reads a signature whose CMS ends in a zero byte as intact (one letter in 256 did not; pdfsig always did)', async () => {
    const ca = await issueCertificate({ commonName: 'Otoritas Sertifikat Sigap Dinas Sosial Kota Banjarmasin', organization: 'Dinas Sosial Kota Banjarmasin', locality: 'Kota Banjarmasin' }, { from: AT, years: 10 });
    const leaf = await issueCertificate({ commonName: 'Kepala Dinas Sosial Kota Banjarmasin', title: 'Kepala Dinas', organization: 'Dinas Sosial Kota Banjarmasin' }, { from: AT, years: 2 }, ca);
    const plain = await renderLetterPdf(letter);
    const signer = localCmsSigner([leaf.certPem, ca.certPem], createPrivateKey(leaf.keyPem));
    // The RSA signature (the CMS's last bytes) is fixed by the signed bytes: each signing second
    // gives another one; about one in 256 ends in 0x00.
    let endsInZero: Buffer | null = null;
    for (let i = 0; i < 4000 && !endsInZero; i++) {
      const pdf = await signPdf(plain, { name: 'Kepala Dinas Sosial Kota Banjarmasin', reason: 'SURAT IJIN TERDAFTAR LKS 400.9/0006/Dinsos/2026', location: 'Banjarmasin', contactInfo: 'http://localhost:3000/v/x', at: new Date(AT.getTime() + i * 1000) }, signer);
      const open = pdf.indexOf('/Contents <') + '/Contents <'.length;
      const hex = pdf.subarray(open, pdf.indexOf('>', open)).toString('latin1');
      const cms = Buffer.from(hex, 'hex');
      const length = 4 + cms.readUInt16BE(2); // 30 82 LL LL: a CMS of a few kilobytes
      if (cms[1] === 0x82 && cms[length - 1] === 0) endsInZero = pdf;
    }
    assert.ok(endsInZero, 'a signature ending in a zero byte was found');
    const s = inspectPdfSignature(endsInZero);
    assert.ok(s.present);
    assert.equal(s.intact, true);
    assert.equal(s.wholeFile, true);
    assert.equal(s.signerSerial, leaf.serial);
  });

  it('seals a key so that only its key-encryption key and its own serial open it', () => {
    const kek = randomBytes(32);
    const sealed = seal(kek, '-----BEGIN PRIVATE KEY-----\nMIIE...', '54ca7765');
    assert.ok(!sealed.includes('PRIVATE KEY'));
    assert.equal(unseal(kek, sealed, '54ca7765'), '-----BEGIN PRIVATE KEY-----\nMIIE...');
    assert.throws(() => unseal(randomBytes(32), sealed, '54ca7765'));
    assert.throws(() => unseal(kek, sealed, '54ca7766'));
    assert.notEqual(seal(kek, 'x', 'a'), seal(kek, 'x', 'a'), 'a fresh IV every time');
  });

  it('tells the certificate state at the time of signing', () => {
    const signedAt = '2026-12-07T03:00:00.000Z';
    const now = '2027-01-10T00:00:00.000Z';
    assert.equal(certificateState(null, signedAt, now), 'unknown');
    assert.equal(certificateState({ revokedAt: null, notAfter: '2028-12-07T00:00:00.000Z' }, signedAt, now), 'valid');
    assert.equal(certificateState({ revokedAt: null, notAfter: '2027-01-01T00:00:00.000Z' }, signedAt, now), 'expired-after-signing');
    assert.equal(certificateState({ revokedAt: '2026-12-08T00:00:00.000Z', notAfter: '2028-12-07T00:00:00.000Z' }, signedAt, now), 'revoked-after-signing');
    assert.equal(certificateState({ revokedAt: '2026-12-07T03:00:00.000Z', notAfter: '2028-12-07T00:00:00.000Z' }, signedAt, now), 'revoked-before-signing', 'revoked at the very instant counts as before');
    assert.equal(signatureHolds(true, 'revoked-after-signing'), true);
    assert.equal(signatureHolds(true, 'revoked-before-signing'), false);
    assert.equal(signatureHolds(false, 'valid'), false);
  });

  it('words each kind of signature truthfully on the letter', () => {
    const office = OFFICE;
    const signer = { position: ['Kepala Dinas Sosial Kota Jambi,'], name: 'Drs. H. Ahmad Zulkifli, M.Si' };
    assert.equal(signatureWording({ office, signer, signature: { kind: 'uncertified', provider: null } }), 'Ditandatangani secara elektronik (tidak tersertifikasi) oleh Drs. H. Ahmad Zulkifli, M.Si — diverifikasi oleh Dinas Sosial Kota Jambi.');
    assert.equal(
      signatureWording({ office, signer, signature: { kind: 'certified', provider: 'Balai Sertifikasi Elektronik (BSrE)' } }),
      'Ditandatangani secara elektronik (tersertifikasi) oleh Drs. H. Ahmad Zulkifli, M.Si dengan sertifikat elektronik dari Balai Sertifikasi Elektronik (BSrE).',
    );
  });
});
