/** The case pages' views render from plain data, without a database: both languages, escaped input. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STANDARDS_DIR } from '../../support/paths.js';
import type { Case } from '../../../src/db/applications-repo.js';
import type { StoredOffice } from '../../../src/db/standards-repo.js';
import { loadStandardsDir } from '../../../src/io/standards-dir.js';
import type { CaseFile } from '../../../src/usecases/applications/read-case-file.js';
import { applyPage, receiptPage, trackingPage } from '../../../src/http/pages/applications-public-views.js';
import { caseNotFoundPage, casePage, supervisionPage } from '../../../src/http/pages/applications-staff-views.js';
import { queuePage } from '../../../src/http/pages/applications-search-views.js';
import { signInPage } from '../../../src/http/pages/auth-views.js';
import { homePage, servicePage } from '../../../src/http/pages/catalogue-views.js';
import { dataContactOf } from '../../../src/http/pages/components.js';

const STANDARDS = STANDARDS_DIR;
const loaded = loadStandardsDir(STANDARDS);
const jambi = loaded.offices.find((o) => o.office.slug === 'kota-jambi')!;
const bayi = jambi.services.find((s) => s.slug === 'rekomendasi-jamkesda-bayi')!;
const stored: StoredOffice = {
  id: 'office-1',
  versionId: 'ov-1',
  version: 1,
  office: jambi.office,
  decreeText: null,
  services: jambi.services.map((s, i) => ({ id: `svc-${i}`, versionId: `sv-${i}`, version: 1, service: s })),
};
const shell = (lang: 'id' | 'en') => ({ lang, displayName: 'Rina Marlina', csrf: 'token-csrf-123' });
const XSS = '<script>alert(1)</script>';

const firstDoc = bayi.requirements.find((r) => r.kind === 'document')!;

describe('views of the case pages (no database)', () => {
  it('the apply page holds the service form, keeps what was typed (escaped) and lists every problem', () => {
    const html = applyPage('id', {
      office: { slug: 'kota-jambi', name: jambi.office.name, regionName: jambi.office.region.name, privacy: dataContactOf(jambi.office) },
      service: bayi,
      state: {
        values: { 'applicant.name': XSS, _idem: 'form-key-0001', [`kept.${firstDoc.id}`]: '0f8fad5b-d9cb-469f-a165-70867728950e', [`keptName.${firstDoc.id}`]: 'ktp-siti.jpg' },
        problems: [{ field: 'applicant.nik', code: 'nik-length', message: 'NIK harus 16 digit', messageEn: 'NIK must be 16 digits' }],
      },
    });
    assert.match(html, /<form method="post" action="\/kantor\/kota-jambi\/layanan\/rekomendasi-jamkesda-bayi\/ajukan" enctype="multipart\/form-data"/);
    assert.ok(html.includes('value="&lt;script&gt;alert(1)&lt;/script&gt;"'), 'typed text comes back escaped');
    assert.ok(!html.includes(XSS));
    assert.match(html, /<li>NIK harus 16 digit<\/li>/);
    for (const r of bayi.requirements.filter((x) => x.kind === 'document')) assert.ok(html.includes(`name="file.${r.id}"`), r.id);
    assert.ok(html.includes('<input type="hidden" name="_idem" value="form-key-0001">'), 'the form carries its idempotency key back');
    assert.ok(html.includes(`name="kept.${firstDoc.id}" value="0f8fad5b-d9cb-469f-a165-70867728950e"`), 'an earlier upload is kept');
    assert.match(html, /Sudah diunggah: ktp-siti\.jpg/);
    assert.match(html, /Pemberitahuan perlindungan data pribadi/);
    assert.match(html, /jadwal retensi arsip/);
  });

  it('the receipt shows the number and the tracking code, and links to tracking in the page language', () => {
    const html = receiptPage('en', {
      id: 'case-1',
      registrationNumber: 'JMB-2026-000123',
      trackingCode: 'ABCD2345',
      office: { name: jambi.office.name, address: jambi.office.address, contacts: [{ label: 'Telepon', value: '(0741) 123456' }] },
      service: { no: bayi.no, title: bayi.title, slug: bayi.slug, slaText: '1 hari kerja', productText: null },
      applicantName: 'Siti Aminah',
      submittedLocal: 'Senin, 6 April 2026 08.00 WIB',
      documents: [
        { label: 'Fotokopi KTP', required: true, received: 'uploaded', fileName: 'ktp.jpg' },
        { label: 'Fotokopi KK', required: true, received: 'missing', fileName: null },
      ],
      nextStep: 'Verifikasi berkas',
      dueLocal: null,
      clockNotStarted: true,
    });
    assert.match(html, /data-testid="receipt-submitted">Monday, 6 April 2026 08:00 WIB</, 'the time in English, in the office zone');
    assert.match(html, /Fotokopi KTP: ✓ uploaded/);
    assert.match(html, /Fotokopi KK: <strong>not received<\/strong>/);
    // The print button opens the print dialog through the site script (the CSP allows no inline handler).
    assert.match(html, /<button type="button" class="primary" data-print>Print receipt<\/button>/);
    assert.match(html, /data-testid="registration-number">JMB-2026-000123</);
    assert.match(html, /data-testid="tracking-code">ABCD2345</);
    // The code is on the receipt to be written down, never in a link (history, Referer, logs): issue 12.
    assert.match(html, /href="\/lacak\/JMB-2026-000123\?lang=en"/);
    assert.doesNotMatch(html, /href="[^"]*ABCD2345/);
    assert.match(html, /The time limit starts once an officer declares the file complete/);
  });

  it('tracking offers the signed letter, the survey and the resubmission form as the case requires', () => {
    const status = {
      registrationNumber: 'JMB-2026-000123',
      office: jambi.office.name,
      service: { slug: bayi.slug, title: bayi.title },
      status: 'waiting-applicant' as const,
      statusLabel: 'Menunggu kelengkapan dari pemohon',
      statusLabelEn: 'Waiting for the applicant',
      currentStep: null,
      submittedAt: '2026-04-06T01:00:00.000Z',
      dueAt: null,
      dueAtLocal: null,
      mustDo: 'Lengkapi berkas Anda',
      mustDoEn: 'Complete your file',
      reason: 'Fotokopi KK belum dilampirkan',
      canWithdraw: true,
      news: { messages: [], channels: [], optedOutAt: null, hasPhone: false, hasEmail: false },
    };
    const letter = { id: 'l1', title: 'Surat Rekomendasi', number: '400.9/0001/Dinsos/2026', status: 'signed', issuedOn: '2026-04-07', validUntil: null, token: 'tok', revocationReason: null };
    const documents = [{ id: 'kk', label: 'Fotokopi Kartu Keluarga' }];
    const html = trackingPage('id', { status, code: 'ABCD2345', letters: [letter], survey: { answered: false, path: '/survei/JMB-2026-000123/TOKEN' }, documents });
    assert.match(html, /data-testid="letter-download">Unduh Surat Rekomendasi 400\.9\/0001\/Dinsos\/2026 \(PDF\)/);
    assert.match(html, /data-testid="survey-link" href="\/survei\/JMB-2026-000123\/TOKEN"/);
    assert.match(html, /action="\/lacak\/JMB-2026-000123\/kirim-ulang"/);
    assert.match(html, /Fotokopi KK belum dilampirkan/);
    assert.match(html, /enctype="multipart\/form-data"/, 'the returned file is completed with uploads');
    assert.match(html, /<input type="file" id="f-file-kk" name="file\.kk"/);
    assert.match(html, /<details class="secondary-form"><summary>Batalkan permohonan…/, 'withdrawing sits behind a deliberate step');
    assert.match(html, /name="confirm" value="true"/);
    const refused = trackingPage('id', { status, code: 'ABCD2345', letters: [], survey: null, documents, problems: [{ field: 'confirm', code: 'confirm-required', message: 'Centang dulu', messageEn: 'Tick first' }] });
    assert.match(refused, /<details class="secondary-form" open>/, 'a refused withdrawal opens its box with the reason beside the tick box');
    assert.match(refused, /<p class="field-error" id="err-confirm">Centang dulu<\/p>/);
    const en = trackingPage('en', { status: { ...status, status: 'completed', canWithdraw: false, reason: null }, code: 'ABCD2345', letters: [], survey: { answered: true }, documents: [] });
    assert.match(en, /Thank you, you have answered the satisfaction survey/);
    assert.doesNotMatch(en, /kirim-ulang|\/batal/);
  });

  it('the queue lists tasks with their clock state in one wording', () => {
    const item = {
      id: 't1',
      applicationId: 'a1',
      registrationNumber: 'JMB-2026-000123',
      service: { id: 'svc-0', slug: bayi.slug, no: bayi.no, title: bayi.title },
      step: { id: 'periksa', label: 'Pemeriksaan berkas', kind: 'check' },
      outcomes: [],
      dueAt: null,
      dueAtLocal: 'Senin, 6 April 2026 08.15 WIB',
      slaState: 'on-time',
      applicantName: XSS,
      claimedBy: null,
      version: 1,
    };
    const counts = { sla: { late: 0, 'at-risk': 0, 'on-time': 1, paused: 0, 'not-started': 0 }, services: [{ id: 'svc-0', no: bayi.no, title: bayi.title, count: 1 }], steps: [], holders: { all: 1, mine: 0, unclaimed: 1 } };
    const queue = { items: [item], total: 1, offset: 0, limit: 50, counts };
    const data = { officeName: jambi.office.name, roles: ['front-office'], notifications: [], filter: {}, page: 1, services: stored.services, queue };
    const id = queuePage(shell('id'), data);
    assert.match(id, /<span class="badge sla-on-time">Dalam batas waktu<\/span>/);
    assert.ok(id.includes('&lt;script&gt;') && !id.includes(XSS));
    assert.match(id, /name="_csrf" value="token-csrf-123"/, 'the sign-out form carries the token');
    assert.match(queuePage(shell('en'), data), /<span class="badge sla-on-time">On time<\/span>/);
  });

  it('a case at a signing step offers the password field and every outcome; stages say how they ended', () => {
    const sign = bayi.procedure!.steps.find((s) => s.kind === 'sign') ?? { ...bayi.procedure!.steps[0]!, kind: 'sign' as const };
    const app = {
      id: 'a1',
      office_id: 'office-1',
      registration_number: 'JMB-2026-000123',
      status: 'open',
      sla_state: 'at-risk',
      version: 3,
      end_id: null,
      outcome_reason: null,
      initiator: 'citizen',
      channel: 'counter',
      applicant: { name: 'Siti Aminah', nik: '1571024107900003' },
      eligibility: { results: [{ id: 'umur', message: 'Bayi berumur di bawah 1 tahun', verdict: 'unknown' }], registry: null },
    } as unknown as Case;
    const file: CaseFile = {
      app,
      service: bayi,
      task: { id: 't1', role: sign.role, status: 'open', step_id: sign.id } as CaseFile['task'],
      step: sign,
      mine: true,
      mayRecordResubmission: false,
      dueLocal: 'Senin, 6 April 2026 08.15 WIB',
      attachments: [],
      stages: [{ label: 'Pengajuan ke BPKPAD', startedLocal: 'a', dueLocal: 'b', finishedLocal: 'c', state: 'finished-on-time' }],
      timeline: [],
      letters: [],
      submittedLocal: 'Senin, 6 April 2026 08.15 WIB',
      closedLocal: null,
      roleNames: { [sign.role]: 'Kepala Dinas Sosial' },
      mayReadIdentity: true,
      mayReadSpecific: true,
      mayOpenUploads: true,
    };
    const html = casePage(shell('id'), file, { roles: [sign.role] });
    assert.match(html, /name="data.password" type="password"/);
    assert.match(html, /Dikerjakan oleh: Kepala Dinas Sosial/, 'who does the step, by the role name');
    for (const o of sign.outcomes) assert.ok(html.includes(`name="outcome" value="${o.id}"`), o.id);
    assert.match(html, /<td>selesai tepat waktu<\/td>/);
    assert.match(html, /periksa manual/);
    assert.match(casePage(shell('en'), file, { roles: [sign.role] }), /<td>finished on time<\/td>/);
  });

  it('a case shows every intake answer, the field report with a map link, letters and the clock, in words and local time', () => {
    const question = bayi.inputs[0];
    const app = {
      id: 'a2',
      office_id: 'office-1',
      registration_number: 'JMB-2026-000124',
      status: 'waiting-external',
      sla_state: 'paused',
      version: 5,
      end_id: null,
      outcome_reason: null,
      initiator: 'citizen',
      channel: 'online',
      applicant: { name: 'Siti Aminah', nik: '1571024107900003', kk: '1571020101900007', email: 'siti.aminah@example.id', phone: '081234567890', address: 'Jl. Kapt. Pattimura No. 12, Kota Jambi', residentOfRegion: true },
      answers: question ? { [question.id]: question.type === 'boolean' ? true : question.type === 'choice' ? question.options![0]!.value : '2026-03-01' } : {},
      eligibility: { results: [], registry: { checkedAt: '2026-04-06T01:00:00.000Z', 'registry.dtks': true, 'registry.period': '2026-03', 'registry.desil': 2 } },
    } as unknown as Case;
    const visit = {
      id: 'e2', type: 'step-completed', step: null, outcome: null, actor: 'Budi Santoso', note: null, at: '2026-04-07T03:00:00.000Z', atLocal: 'Selasa, 7 April 2026 10.00 WIB', dueLocal: 'Rabu, 8 April 2026 10.00 WIB',
      data: { report: 'Rumah semi permanen, 5 anggota keluarga.', coordinates: { lat: -1.6101, lng: 103.6131 } },
      slaEffect: { clock: 'paused', waitingOn: 'BPJS Kesehatan', dueAt: '2026-04-08T03:00:00.000Z' },
    };
    const file: CaseFile = {
      app, service: bayi, task: undefined, step: undefined, mine: false, mayRecordResubmission: false, dueLocal: null, attachments: [], stages: [],
      timeline: [visit], letters: [{ id: 'l-9', title: 'Surat Rekomendasi', number: null, status: 'ready' }], submittedLocal: 'Senin, 6 April 2026 08.15 WIB', closedLocal: null, roleNames: {}, mayReadIdentity: true, mayReadSpecific: true, mayOpenUploads: true,
    };
    const id = casePage(shell('id'), file, { roles: ['kepala-dinas'] });
    for (const text of ['1571020101900007', 'siti.aminah@example.id', 'Daring (formulir web)', 'Menunggu instansi lain', 'Rumah semi permanen, 5 anggota keluarga.', 'Jam layanan dijeda (menunggu BPJS Kesehatan).', '✓ Terdaftar di DTKS/DTSEN'])
      assert.ok(id.includes(text), text);
    if (question) assert.match(id, new RegExp(`<dt>${question.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</dt>`), 'the answer is labelled with its question');
    assert.match(id, /href="https:\/\/www\.openstreetmap\.org\/\?mlat=-1\.6101&amp;mlon=103\.6131/);
    assert.match(id, /href="\/petugas\/surat\/l-9">Surat Rekomendasi<\/a> · /);
    for (const raw of ['>waiting-external<', '>step-completed<', 'citizen / online', '"clock"']) assert.ok(!id.includes(raw), `no raw ${raw}`);
    const en = casePage(shell('en'), file, { roles: ['kepala-dinas'] });
    assert.match(en, /Tuesday, 7 April 2026 10:00 WIB/);
    assert.match(en, /Waiting on another body/);
  });

  it('supervision, sign-in and the catalogue render in both languages', () => {
    const rows = [{ service: '1. Rekomendasi', step: 'Verifikasi', role: 'verifikator', officer: null, slaState: 'late', count: 2, earliestDueLocal: null }];
    assert.match(supervisionPage(shell('id'), rows), /<span class="badge sla-late">Terlambat<\/span>/);
    assert.match(signInPage('en', { next: '/petugas', error: 'Wrong username or password', csrf: 'a'.repeat(64) }), /role="alert"><p>Wrong username or password/);
    assert.match(homePage('id', [stored]), /href="\/kantor\/kota-jambi"/);
    const svc = servicePage('en', stored, stored.services.find((s) => s.service.slug === bayi.slug)!, '<svg role="img"></svg>');
    assert.match(svc, /<html lang="en">/);
    assert.match(svc, /<figure class="flow"><svg role="img"><\/svg><\/figure>/);
  });
});

describe('the staff page frame', () => {
  it('does not offer a signed-in officer to sign in again; public pages do', () => {
    const staff = caseNotFoundPage({ lang: 'id', displayName: 'Rina Marlina', csrf: 'token-csrf-123' });
    assert.doesNotMatch(staff, /Masuk petugas/);
    assert.match(homePage('id', []), /Masuk petugas/);
  });
});
