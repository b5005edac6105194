/**
 * The letter views without a database: they render, escape what people typed, speak both
 * languages, carry the CSRF token in every staff form, and show each status and check result.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Letter, LetterListRow } from '../../../src/db/letters-repo.js';
import type { StaffShell } from '../../../src/http/pages/layout.js';
import { delegationsPage } from '../../../src/http/pages/letters-delegation-views.js';
import { letterNotFoundPage, letterPage } from '../../../src/http/pages/letters-detail-views.js';
import { signStepFields } from '../../../src/http/pages/letters-sign-step-views.js';
import { verifyPage } from '../../../src/http/pages/letters-verify-views.js';
import { archivePage, letterDate, statusBadge } from '../../../src/http/pages/letters-views.js';
import type { ArchiveScreen } from '../../../src/usecases/letters/show-archive.js';
import type { DelegationScreen } from '../../../src/usecases/letters/show-delegations.js';
import type { LetterRecord } from '../../../src/usecases/letters/show-letter.js';
import type { VerifyView } from '../../../src/usecases/letters/verify-letter.js';

const EVIL = '<script>alert("x")</script>';
const shell = (lang: 'id' | 'en'): StaffShell => ({ lang, displayName: 'Kepala <Dinas>', csrf: 'tok"en' });

const row = (over: Partial<LetterListRow> = {}): LetterListRow => ({
  id: 'l1',
  application_id: 'a1',
  service_id: 's1',
  kind: 'product',
  letter_type: 'surat-rekomendasi',
  status: 'ready',
  number: '400.9/0002/Dinsos/2026',
  title: 'SURAT REKOMENDASI',
  subject: 'Rekomendasi Jamkesda Bayi',
  holder_name: EVIL,
  issued_on: null,
  valid_until: null,
  signer_role: 'kepala-dinas',
  created_at: '2026-03-10T03:00:00.000Z',
  registration_number: 'JMB-2026-000001',
  ...over,
});

const archive = (over: Partial<ArchiveScreen> = {}): ArchiveScreen => ({
  signable: [row()],
  found: [row(), row({ id: 'l2', status: 'signed', number: null, issued_on: '2026-03-10' })],
  services: [{ id: 's1', slug: 'rekomendasi-jamkesda-bayi', no: 12, title: 'Rekomendasi Jamkesda Bayi' }],
  register: { from: '2026-01-01', to: '2026-03-10' },
  provider: null,
  ...over,
});

const letter = (over: Partial<Letter> = {}): Letter => ({
  id: 'l1',
  office_id: 'o1',
  application_id: 'a1',
  service_id: 's1',
  kind: 'product',
  letter_type: 'surat-rekomendasi',
  template_id: 'rekomendasi',
  template_source: '',
  step_id: null,
  status: 'signed',
  token: 'AbCdEfGhIjKlMnOp',
  number: '400.9/0001/Dinsos/2026',
  number_seq: 1,
  counter: 'letter:2026',
  numbered_at: '2026-03-10T03:00:00.000Z',
  title: 'SURAT REKOMENDASI',
  subject: 'Rekomendasi',
  holder_name: EVIL,
  holder_nik: null,
  search_text: '',
  fields: { labels: {}, values: {} },
  paper: 'F4',
  signer_role: 'kepala-dinas',
  validity: null,
  issued_on: '2026-03-10',
  valid_until: '2026-04-10',
  signed_at: '2026-03-10T03:00:00.000Z',
  signed_by: 'u1',
  signer: { name: 'Drs. H. Ahmad Zulkifli', title: 'Kepala Dinas', rank: null, nip: null, position: ['Kepala Dinas Sosial Kota Jambi,'], delegation: null },
  sha256: 'a'.repeat(64),
  size: 100,
  signature_kind: null,
  signature_provider: null,
  signing_cert_serial: null,
  revoked_at: null,
  revoked_by: null,
  revocation_reason: null,
  replaced_by: null,
  created_at: '2026-03-10T03:00:00.000Z',
  updated_at: '2026-03-10T03:00:00.000Z',
  version: 3,
  ...over,
});

const record = (l: Letter): LetterRecord => ({
  letter: l,
  registrationNumber: 'JMB-2026-000001',
  serviceName: '12. Rekomendasi Jamkesda Bayi',
  signerRoleName: 'Kepala Dinas Sosial',
  events: [{ type: 'signed', actor: EVIL, at: '2026-03-10T03:00:00.000Z', data: {}, localAt: '10/03/2026 10.00 WIB' }],
});

const view = (over: Partial<VerifyView> = {}): VerifyView => ({
  valid: true,
  status: 'valid',
  office: 'Dinas Sosial Kota Jambi',
  officeSlug: 'kota-jambi',
  number: '400.9/0001/Dinsos/2026',
  title: 'SURAT REKOMENDASI',
  issuedAt: '2026-03-10T03:00:00.000Z',
  issuedOn: '2026-03-10',
  validUntil: '2026-04-10',
  subject: 'Rekomendasi',
  holder: { name: EVIL, nik: '1571 02•• •••• 0003' },
  signer: { name: 'Drs. H. Ahmad Zulkifli', title: 'Kepala Dinas', position: ['Kepala Dinas Sosial Kota Jambi,'], delegation: null, onBehalfOf: null },
  sha256: 'a'.repeat(64),
  revocation: null,
  signature: null,
  url: 'http://localhost:3000/v/AbCdEfGhIjKlMnOp',
  ...over,
});

const delegations = (mayDelegate: boolean): DelegationScreen => ({
  today: '2026-03-10',
  mayDelegate,
  deputies: [{ id: 'u2', username: 'sekdis@kota-jambi', displayName: EVIL }],
  delegations: [
    { id: 'd1', role: 'kepala-dinas', fromName: 'Kepala', toName: EVIL, toUsername: 'sekdis', kind: 'a.n.', startsOn: '2026-03-10', endsOn: '2026-03-12', reason: null, endedAt: null, state: 'in-force' },
    { id: 'd2', role: 'kepala-dinas', fromName: 'Kepala', toName: 'Sekdis', toUsername: 'sekdis', kind: 'Plt.', startsOn: '2026-01-01', endsOn: '2026-01-02', reason: null, endedAt: '2026-01-01T05:00:00Z', state: 'ended' },
  ],
});

const noRawEvil = (h: string) => {
  assert.ok(!h.includes(EVIL), 'typed text is never inserted as markup');
  assert.ok(h.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'), 'it is shown escaped');
};

describe('letter views (pure)', () => {
  it('offer the certified signature beside the batch signing form only when a provider is configured, and say which kind otherwise', () => {
    const without = archivePage(shell('id'), archive(), {}, {});
    assert.match(without, /tanda tangan elektronik tidak tersertifikasi \(sertifikat dari Dinas sendiri\)/);
    assert.doesNotMatch(without, /name="passphrase"/);
    const withProvider = archivePage(shell('en'), archive({ provider: 'Balai Sertifikasi Elektronik (BSrE)' }), {}, {});
    assert.match(withProvider, /<legend>Certified signature from Balai Sertifikasi Elektronik \(BSrE\) \(optional\)<\/legend>/);
    assert.match(withProvider, /<label for="f-cert-nik">NIK<\/label><input id="f-cert-nik" name="nik"/);
    assert.match(withProvider, /<input id="f-cert-pass" name="passphrase" type="password" autocomplete="off"/);
  });

  it('offer the certified signature at a sign step only when a provider is configured, its refusals beside their fields', () => {
    const letters = [{ id: 'l-1', title: 'SURAT REKOMENDASI', number: '400.9/0007/Dinsos/2026', status: 'draft' }];
    const without = signStepFields('id', letters, undefined).html;
    assert.match(without, /\(tanda tangan elektronik tidak tersertifikasi, dengan sertifikat dari Dinas sendiri\)/);
    assert.doesNotMatch(without, /data\.passphrase|data\.nik/);
    const provider = 'Balai Sertifikasi Elektronik (BSrE)';
    const offered = signStepFields('en', letters, undefined, { provider, problems: [], nik: '' }).html;
    assert.match(offered, /<legend>Certified signature from Balai Sertifikasi Elektronik \(BSrE\) \(optional\)<\/legend>/);
    assert.match(offered, /or a certified one when the NIK and passphrase below are filled in/);
    assert.match(offered, /<input id="f-cert-step-pass" name="data.passphrase" aria-describedby="f-cert-step-help" type="password" autocomplete="off">/);
    const refused = signStepFields('id', letters, undefined, {
      provider,
      nik: '1571025005720002',
      problems: [{ code: 'provider-certificate-expired', message: 'Sertifikat elektronik Anda di BSrE telah habis masa berlakunya.', messageEn: 'Your electronic certificate at BSrE has expired.', field: 'data.passphrase' }],
    }).html;
    assert.match(refused, /<p class="field-error" id="err-data-passphrase">Sertifikat elektronik Anda di BSrE telah habis masa berlakunya\. <span lang="en">\(Your electronic certificate at BSrE has expired\.\)<\/span><\/p><input id="f-cert-step-pass" name="data.passphrase" aria-describedby="err-data-passphrase f-cert-step-help" aria-invalid="true"/);
    assert.match(refused, /id="f-cert-step-nik" name="data.nik" aria-describedby="f-cert-step-help" inputmode="numeric" autocomplete="off" maxlength="16" value="1571025005720002"/);
  });

  it('render the letters screen in both languages, with the signing form, the filters and the register link', () => {
    const id = archivePage(shell('id'), archive(), { nomor: '"><b>', dari: '2026-02-01' }, { ok: EVIL });
    noRawEvil(id);
    assert.match(id, /<h1>Surat keluar<\/h1>/);
    assert.match(id, /Menunggu tanda tangan Anda \(1\)/);
    assert.match(id, /name="_csrf" value="tok&quot;en"/);
    assert.match(id, /value="&quot;&gt;&lt;b&gt;"/, 'a filter value is escaped in its attribute');
    assert.match(id, /agenda\.xlsx\?dari=2026-02-01&amp;sampai=2026-03-10/, 'the register link follows the filter, else the default period');
    assert.match(id, /\(belum bernomor\)/);
    assert.match(id, /12\. Rekomendasi Jamkesda Bayi/);
    assert.match(id, /role="status"><p>&lt;script&gt;/, 'the message after an action');
    const en = archivePage(shell('en'), archive({ signable: [] }), {}, {});
    assert.match(en, /<h1>Outgoing letters<\/h1>/);
    assert.match(en, /<html lang="en">/);
    assert.match(en, /\(unnumbered\)/);
    assert.doesNotMatch(en, /Waiting for your signature/, 'nothing to sign, no signing form');
    assert.match(en, /<input type="hidden" name="lang" value="en">/);
  });

  it('name each status with its colour, in both languages', () => {
    assert.equal(statusBadge('id', 'signed').html, '<span class="badge sla-on-time">Ditandatangani</span>');
    assert.equal(statusBadge('en', 'ready').html, '<span class="badge sla-at-risk">Ready for signature</span>');
    assert.equal(statusBadge('en', 'draft').html, '<span class="badge sla-not-started">Draft</span>');
    assert.equal(statusBadge('id', 'revoked').html, '<span class="badge sla-late">Dicabut</span>');
    assert.equal(letterDate('id', '2026-03-10'), '10 Maret 2026');
    assert.equal(letterDate('en', '2026-03-10'), '10 March 2026');
    assert.equal(letterDate('en', null), '—');
  });

  it('render one letter with the actions its status allows', () => {
    const signed = letterPage(shell('id'), record(letter()), {});
    noRawEvil(signed);
    assert.match(signed, /Cabut surat/);
    assert.match(signed, /Unduh \/ cetak PDF/);
    assert.match(signed, /href="\/v\/AbCdEfGhIjKlMnOp"/);
    assert.doesNotMatch(signed, /Beri nomor|Batalkan surat|name="password"/);
    const draft = letterPage(shell('en'), record(letter({ status: 'draft', number: null, sha256: null, signed_at: null, signer: null })), { error: 'Nope' });
    assert.match(draft, /Assign number/);
    assert.match(draft, /Cancel letter/);
    assert.match(draft, /DRAFT preview \(PDF\)/);
    assert.match(draft, /role: kepala-dinas/);
    assert.match(draft, /Kepala Dinas Sosial \(role: kepala-dinas\) — not signed yet/, 'the signing role by its name in the office');
    assert.match(signed, /<strong>ditandatangani<\/strong>/, 'history entries are named in the page language');
    assert.match(draft, /role="alert"><p>Nope<\/p>/);
    const ready = letterPage(shell('id'), record(letter({ status: 'ready', sha256: null, signed_at: null, signer: null })), {});
    assert.match(ready, /action="\/petugas\/surat\/tandatangani"/);
    assert.doesNotMatch(ready, /Beri nomor/, 'a numbered letter is not numbered again');
    for (const h of [signed, draft, ready]) assert.ok((h.match(/name="_csrf" value="tok&quot;en"/g) ?? []).length >= 2, 'every form carries the token');
    assert.match(letterNotFoundPage(shell('en'), 'Letter not found'), /<h1>Letter not found<\/h1>/);
  });

  it('render the delegation screen: the form for the head of office only', () => {
    const head = delegationsPage(shell('id'), delegations(true), { ok: 'Pelimpahan dicatat' });
    noRawEvil(head);
    assert.match(head, /Limpahkan/);
    assert.match(head, /Berlaku/);
    assert.match(head, /Diakhiri/);
    assert.equal((head.match(/Akhiri<\/button>/g) ?? []).length, 1, 'only a delegation in force can be ended');
    const other = delegationsPage(shell('en'), delegations(false), {});
    assert.match(other, /Only the head of office can delegate\./);
    assert.doesNotMatch(other, /<select id="f-to"/);
    assert.match(other, /In force/);
    assert.match(other, /10 March 2026 – 12 March 2026/);
  });

  it('render the public verification: each state, revocation, file check, unknown code', () => {
    const valid = verifyPage('id', 'AbCdEfGhIjKlMnOp', view());
    noRawEvil(valid);
    assert.match(valid, /data-testid="verify-state">Asli dan berlaku</);
    assert.match(valid, /enctype="multipart\/form-data"/);
    const expired = verifyPage('en', 'AbCdEfGhIjKlMnOp', view({ status: 'expired', valid: false }));
    assert.match(expired, /This letter&#39;s validity ended on 10 April 2026\./);
    const revoked = verifyPage('id', 'AbCdEfGhIjKlMnOp', view({ status: 'revoked', valid: false, revocation: { at: '2026-03-11T01:00:00Z', reason: EVIL, replacedBy: { number: '400.9/0009', url: 'http://localhost:3000/v/ZZZZZZZZZZZZZZZZ' } } }));
    assert.match(revoked, /telah DICABUT/);
    assert.match(revoked, /<a href="http:\/\/localhost:3000\/v\/ZZZZZZZZZZZZZZZZ">400\.9\/0009<\/a>/);
    assert.ok(!revoked.includes(EVIL));
    assert.match(verifyPage('id', 't', view(), { match: true, sha256: 'x' }), /<strong>COCOK<\/strong>/);
    assert.match(verifyPage('en', 't', view(), { match: false, sha256: 'beef' }), /<strong>NO MATCH<\/strong>.*SHA-256: beef/s);
    assert.match(verifyPage('id', 't', view(), { error: 'Pilih berkas PDF terlebih dahulu' }), /role="alert"><p>Pilih berkas PDF terlebih dahulu<\/p>/);
    const unknown = verifyPage('en', 'nope', null);
    assert.match(unknown, /Unknown letter/);
    assert.match(unknown, /can NOT be confirmed genuine/);
  });
});
