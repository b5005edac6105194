// The complaint pages as pure views: they render in both languages, escape what people typed, and
// say each clock state in the one wording. No database, no server.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STANDARDS_DIR } from '../../support/paths.js';
import type { StoredOffice } from '../../../src/db/standards-repo.js';
import { officeChannels } from '../../../src/domain/complaints/index.js';
import { complaintDetailPage, complaintListPage, complaintRecordedPage, recordComplaintPage } from '../../../src/http/pages/complaints-staff-views.js';
import { complaintFormPage, complaintReceiptPage, publishedSummariesPage, trackedComplaintPage, trackedNotFoundPage, trackFormPage } from '../../../src/http/pages/complaints-views.js';
import { loadStandardsDir } from '../../../src/io/standards-dir.js';
import type { ComplaintDetailDto } from '../../../src/usecases/complaints/show-complaint.js';
import type { PublicComplaintStatus } from '../../../src/usecases/complaints/show-tracked-complaint.js';

const STANDARDS = STANDARDS_DIR;
const loaded = loadStandardsDir(STANDARDS).offices.find((o) => o.office.slug === 'kota-banjarmasin')!;
const office: StoredOffice = {
  id: 'office-bjm',
  versionId: 'v1',
  version: 1,
  office: loaded.office,
  decreeText: null,
  services: loaded.services.map((service, i) => ({ id: `svc-${i}`, versionId: 'v1', version: 1, service })),
};
const promise = { text: 'Respon pengaduan paling lambat tiga hari kerja', textEn: '3 working days (office decree)' };
const XSS = '<script>alert("x")</script>';
const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;';
const shell = (lang: 'id' | 'en') => ({ lang, displayName: 'Pengelola <Pengaduan>', csrf: 'tok"en' });

const basics = {
  receiptNumber: 'BNJ-ADU-2026-000001',
  type: 'pengaduan',
  typeLabel: 'Pengaduan',
  mode: 'named',
  channel: 'website',
  channelLabel: 'Formulir daring (situs web)',
  externalRef: null,
  service: null,
  stage: { id: 'dijawab', label: 'Dijawab', labelEn: 'Answered' },
  status: 'answered',
  receivedAt: '2026-04-08T02:00:00.000Z',
  receivedAtLocal: 'Rabu, 8 April 2026 10.00 WITA',
  dueAt: '2026-04-13T08:00:00.000Z',
  dueAtLocal: 'Senin, 13 April 2026 16.00 WITA',
  slaState: 'met',
};
const timeline = [
  {
    at: '2026-04-08T02:00:00.000Z',
    atLocal: 'Rabu, 8 April 2026 10.00 WITA',
    type: 'information-added',
    label: 'Pelapor menambahkan informasi',
    labelEn: 'The complainant added information',
    stage: basics.stage,
    actor: 'Pelapor',
    text: `Tambahan ${XSS}`,
    visibility: 'public',
    data: {},
  },
];

const status: PublicComplaintStatus = {
  ...basics,
  office: { slug: 'kota-banjarmasin', name: 'Dinas Sosial Kota Banjarmasin' },
  typeLabelEn: 'Complaint',
  modeLabel: 'Dengan identitas',
  modeLabelEn: 'Named',
  application: null,
  text: `Petugas tidak ada ${XSS}`,
  responsePromise: { ...promise, source: 'decree' },
  answer: `Jawaban ${XSS}`,
  answeredAt: '2026-04-10T02:00:00.000Z',
  answeredAtLocal: 'Jumat, 10 April 2026 10.00 WITA',
  referral: null,
  mergedInto: null,
  routedTo: null,
  resolved: null,
  feedback: null,
  canAddInformation: true,
  canGiveFeedback: true,
  timeline,
};

const detail: ComplaintDetailDto = {
  ...basics,
  id: 'c-1',
  escalated: false,
  complainantName: XSS,
  excerpt: 'Petugas tidak ada',
  version: 4,
  text: `Petugas tidak ada ${XSS}`,
  complainant: { name: XSS, phone: '081234567890', email: null },
  application: null,
  routedTo: null,
  coordination: null,
  referral: null,
  mergedInto: null,
  answer: 'Jawaban',
  answeredAtLocal: 'Jumat, 10 April 2026 10.00 WITA',
  answeredBy: 'Pengelola Pengaduan',
  resolved: null,
  feedback: null,
  publicSummary: null,
  published: false,
  canWork: true,
  next: [{ id: 'selesai', label: 'Selesai', labelEn: 'Closed', kind: 'closed', routing: false }],
  stages: [],
  timeline: timeline.map((e, i) => ({ ...e, id: `ev-${i}` })),
  messages: [],
};

describe('complaint views (pure)', () => {
  it('renders the public form in both languages, keeps what was typed escaped, and places each problem beside its field', () => {
    const state = {
      values: { _idem: 'a'.repeat(24), name: XSS, text: 'pendek', mode: 'named' },
      problems: [{ field: 'text', code: 'too-short', message: 'Isi pengaduan minimal 10 karakter', messageEn: 'The complaint needs at least 10 characters' }],
    };
    const id = complaintFormPage('id', office, promise, state);
    assert.match(id, /<html lang="id">/);
    assert.match(id, /Sampaikan pengaduan, saran atau permintaan informasi/);
    assert.match(id, /tiga hari kerja/);
    assert.ok(id.includes(`value="${escaped}"`) && !id.includes(XSS), 'the typed name comes back escaped');
    assert.match(id, /aria-invalid="true" aria-describedby="err-text">pendek<\/textarea><p class="field-error" id="err-text">Isi pengaduan minimal 10 karakter<\/p>/);
    assert.match(id, /Periksa kembali isian berikut/);
    assert.ok(!id.includes('name="_csrf"'), 'the public form carries no staff token');
    const en = complaintFormPage('en', office, promise, state);
    assert.match(en, /<html lang="en">/);
    assert.match(en, /Send a complaint, suggestion or request for information/);
    assert.match(en, /<p class="field-error" id="err-text">The complaint needs at least 10 characters<\/p>/);
    assert.match(en, /3 working days \(office decree\)/);
  });

  it('renders the receipt, the tracking form and the not-found page in both languages', () => {
    const r = complaintReceiptPage('id', office, { receiptNumber: 'BNJ-ADU-2026-000001', trackingCode: 'ABCD2345', dueAtLocal: 'Senin, 13 April 2026 16.00 WITA' });
    assert.match(r, /data-testid="tracking-code">ABCD2345</);
    // The code is on the receipt to be written down, never in a link (history, Referer, logs): issue 12.
    assert.match(r, /href="\/pengaduan\/BNJ-ADU-2026-000001"/);
    assert.doesNotMatch(r, /href="[^"]*ABCD2345/);
    assert.match(complaintReceiptPage('en', office, { receiptNumber: 'X', trackingCode: 'Y', dueAtLocal: 'Z' }), /Report received/);
    // Number and code are POSTed, so neither lands in a URL.
    assert.match(trackFormPage('en'), /<form method="post" action="\/pengaduan\?lang=en"/);
    assert.match(trackFormPage('id'), /Lacak pengaduan/);
    assert.match(trackedNotFoundPage('en'), /Complaint number or tracking code does not match/);
  });

  it('shows the complainant the answer, escaped, with the one wording of its clock state', () => {
    const id = trackedComplaintPage('id', status, { code: 'ABCD2345', done: 'Tanggapan Anda tercatat.' });
    assert.ok(!id.includes(XSS) && id.includes(`Jawaban ${escaped}`) && id.includes(`Petugas tidak ada ${escaped}`));
    assert.match(id, /<span class="badge sla-on-time">Dijawab tepat waktu<\/span>/);
    assert.match(id, /<div class="notice" role="status"><p>Tanggapan Anda tercatat.<\/p><\/div>/);
    assert.match(id, /name="code" value="ABCD2345"/);
    assert.match(id, /Apakah jawaban ini menyelesaikan masalah Anda\?/);
    const en = trackedComplaintPage('en', { ...status, slaState: 'on-time', canGiveFeedback: false }, { code: 'ABCD2345', problems: [{ code: 'x', message: 'Salah', messageEn: 'Wrong' }] });
    assert.match(en, /<span class="badge sla-on-time">On time<\/span>/);
    assert.match(en, /<div class="error-summary" role="alert"><ul><li>Wrong<\/li><\/ul><\/div>/);
    assert.match(en, /The office&#39;s answer/);
    assert.ok(!en.includes('Did this answer resolve your problem?'));
    assert.match(trackedComplaintPage('id', { ...status, slaState: 'on-time' }, { code: 'C' }), /<span class="badge sla-on-time">Dalam batas waktu<\/span>/);
  });

  it('lists published summaries escaped, or says there are none', () => {
    const items = [{ type: 'pengaduan', typeLabel: 'Pengaduan', service: null, stage: 'Selesai', receivedOn: '2026-04-08', answeredOn: '2026-04-10', resolved: true, summary: XSS, publishedOn: '2026-04-11' }];
    const id = publishedSummariesPage('id', office, items);
    assert.ok(!id.includes(XSS) && id.includes(escaped));
    assert.match(id, /Pelapor menyatakan masalah selesai/);
    assert.match(publishedSummariesPage('en', office, []), /No summary published yet\./);
  });

  it('renders the staff list with counts, filters worded like every clock, escaped rows, or why the role may not read it', () => {
    const list = {
      ok: true as const,
      value: {
        items: [{ ...detail, slaState: 'late', escalated: true, excerpt: XSS }],
        counts: [
          { status: 'open', slaState: 'late', n: 2 },
          { status: 'answered', slaState: 'met', n: 3 },
        ],
      },
    };
    const id = complaintListPage(shell('id'), { list, notifications: [{ complaint_id: 'c-1', receipt_number: 'BNJ-ADU-2026-000001', message: XSS }], filter: { status: 'open', sla: 'late' } });
    assert.ok(!id.includes(XSS) && id.includes(escaped));
    assert.match(id, /data-testid="count-open">2</);
    assert.match(id, /<span class="badge sla-late">Terlambat<\/span> <span class="badge sla-late">Eskalasi<\/span>/);
    assert.match(id, /<option value="late" selected>Terlambat<\/option>/);
    assert.match(id, /<option value="met">Dijawab tepat waktu<\/option><option value="missed">Dijawab terlambat<\/option>/);
    assert.match(id, /<option value="open" selected>Terbuka<\/option>/);
    assert.match(id, /Pengelola &lt;Pengaduan&gt;/, 'the staff menu names the officer, escaped');
    const en = complaintListPage(shell('en'), { list, notifications: [], filter: {} });
    assert.match(en, /<option value="on-time">On time<\/option><option value="at-risk">At risk<\/option>/);
    assert.match(en, /Record a complaint from another channel/);
    const refused = complaintListPage(shell('en'), { list: { ok: false, error: { kind: 'forbidden', problems: [{ code: 'role-required', message: 'Tidak boleh', messageEn: 'Not allowed' }] } }, notifications: [], filter: {} });
    assert.match(refused, /<p>Not allowed<\/p>/);
  });

  it('renders the staff form with the channel fields and the token, and the receipt to hand over', () => {
    const page = recordComplaintPage(shell('id'), { office, channels: officeChannels(['counter', 'phone']), state: { values: { channel: 'phone', _idem: 'b'.repeat(24) }, problems: [] } });
    assert.match(page, /<input type="hidden" name="_csrf" value="tok&quot;en">/);
    assert.match(page, /<option value="phone" selected>Telepon<\/option>/);
    assert.match(page, /<option value="lapor">SP4N-LAPOR!<\/option>/);
    const recorded = complaintRecordedPage(shell('en'), { id: 'c-1', receiptNumber: 'BNJ-ADU-2026-000002', trackingCode: 'WXYZ2345', dueAt: '', dueAtLocal: 'Monday', replayed: false });
    assert.match(recorded, /Tracking code \(give it to the complainant\)/);
    assert.match(recorded, /href="\/petugas\/pengaduan\/c-1\?lang=en"/);
  });

  it('renders one complaint for staff: identity escaped, actions carrying the token and version, the error of the last action', () => {
    const id = complaintDetailPage(shell('id'), detail, 'Pengaduan baru saja diubah');
    assert.ok(!id.includes(XSS) && id.includes(`Nama: ${escaped}`));
    assert.match(id, /<div class="error-summary" role="alert"><p>Pengaduan baru saja diubah<\/p><\/div>/);
    assert.match(id, /<input type="hidden" name="_csrf" value="tok&quot;en"><input type="hidden" name="version" value="4"><input type="hidden" name="to" value="selesai"><button type="submit">Tutup pengaduan<\/button>/);
    assert.match(id, /<span class="badge sla-on-time">Dijawab tepat waktu<\/span>/);
    assert.match(id, /Ringkasan publik \(tanpa identitas\)/);
    const en = complaintDetailPage(shell('en'), { ...detail, canWork: false, mode: 'anonymous', complainant: null });
    assert.match(en, /Anonymous: no identity is stored\./);
    assert.ok(!en.includes('Close complaint') && !en.includes('name="version"'), 'no actions for a reader');
  });

  it("shows each message to the complainant right after the event that caused it, with its channel and status (issue 16)", () => {
    const sent = { eventId: 'ev-0', kind: 'complaint-answer', channel: 'email', status: 'sent', attempts: 1, at: '2026-04-10T02:00:00.000Z', atLocal: 'Jumat, 10 April 2026 10.00 WITA', sentLocal: 'Jumat, 10 April 2026 10.01 WITA', nextLocal: null, lastError: null };
    const id = complaintDetailPage(shell('id'), { ...detail, messages: [sent] });
    const tl = id.slice(id.indexOf('id="h-tl"'));
    assert.match(tl, /Pelapor menambahkan informasi[\s\S]*?<\/li><li data-testid="timeline-message">[^]*?Pesan ke pelapor \(e-mail\): pengaduan ditanggapi<\/strong> · terkirim/);
    const en = complaintDetailPage(shell('en'), { ...detail, messages: [{ ...sent, status: 'queued', attempts: 0, sentLocal: null }] });
    assert.match(en, /Message to the complainant \(e-mail\): complaint answered<\/strong> · queued/);
  });
});
