/**
 * The registry's pages as pure views, without a database: they render, escape what people typed
 * or imported, speak both languages, and show each officer only the menu items and forms their role
 * allows.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AccessLogEntry } from '../../../src/db/registry-repo.js';
import type { PersonView } from '../../../src/domain/registry/access.js';
import type { Lang } from '../../../src/http/i18n.js';
import { importFormPage, importProgressPage, snapshotsPage } from '../../../src/http/pages/registry-import-views.js';
import { proposalPage, proposalsPage } from '../../../src/http/pages/registry-proposal-views.js';
import { accessLogPage, caseRegistryPage, forbiddenPage, lookupPage, personalDataPage, type RegistryFrame } from '../../../src/http/pages/registry-views.js';
import type { ProposalView } from '../../../src/usecases/registry/proposal-view.js';
import type { ImportState } from '../../../src/usecases/registry/read-import-progress.js';
import type { SnapshotRef, SnapshotView } from '../../../src/usecases/registry/snapshots.js';

const EVIL = '<script>alert(1)</script>';
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';

const frame = (lang: Lang, roles: string[] = ['operator']): RegistryFrame => ({
  shell: { lang, csrf: 'csrf-token-1', displayName: `Operator ${EVIL}` },
  roles,
  time: (iso) => (iso ? `local(${iso})` : '—'),
});

const snapshot: SnapshotRef = { id: '11111111-2222-3333-4444-555555555555', period: '2026-01', importedAt: '2026-01-15T03:00:00Z', sourceSha256: 'ab'.repeat(32), sourceName: `dtks ${EVIL}.csv`, rows: 52, current: true };

const person = (name: string, nik: string): PersonView => ({
  nik,
  kk: '1571020101150007',
  name,
  birthDate: '1990-07-01',
  birthPlace: 'JAMBI',
  sex: 'P',
  motherName: 'HALIMAH',
  relation: 'ISTRI',
  address: { address: 'JL. SULTAN THAHA', hamlet: null, rt: '005', rw: '002', village: 'BERINGIN', district: 'PASAR JAMBI', regency: 'KOTA JAMBI', province: 'JAMBI' },
  dtksId: '9900003',
  desil: 1,
  programmes: { pkh: true, bpnt: false, pbi: null },
});

describe('registry views', () => {
  it('frame every page with the registry menu the role allows, the CSRF token, and a refusal in both languages', () => {
    const operator = forbiddenPage(frame('id', ['operator']), '/petugas/registri/log');
    assert.match(operator, /<h1>Tidak berwenang<\/h1>/);
    assert.match(operator, /UU 27\/2022/);
    assert.match(operator, /href="\/petugas\/registri\/impor">Impor</);
    assert.doesNotMatch(operator, /Log akses/, 'an operator does not read the access log');
    assert.match(operator, /name="_csrf" value="csrf-token-1"/);
    assert.ok(operator.includes(`Operator ${ESCAPED}`) && !operator.includes(EVIL), 'the officer’s name is escaped');
    const auditor = forbiddenPage(frame('en', ['auditor']), '/petugas/registri/impor');
    assert.match(auditor, /<h1>Not allowed<\/h1>/);
    assert.match(auditor, /href="\/petugas\/registri\/log\?lang=en">Access log</);
    assert.doesNotMatch(auditor, />Import</, 'an auditor does not import');
  });

  it('show a look-up answer: listed, the person, the family, the snapshot it comes from; escaped; in both languages', () => {
    const result = { found: true, snapshot, person: person(`SITI ${EVIL}`, '1571024107900003'), family: [person('BUDI', '1571 02•• •••• 0002')], masking: 'counter' as const, logId: 'abcdef1234567890' };
    const id = lookupPage(frame('id'), { values: { nik: '1571024107900003' }, current: snapshot, result });
    assert.match(id, /TERDAFTAR di DTKS\/DTSEN/);
    assert.match(id, /tampilan disamarkan untuk peran Anda \(counter\)/);
    assert.match(id, /snapshot periode <strong>2026-01<\/strong>, diimpor local\(2026-01-15T03:00:00Z\)/);
    assert.match(id, /1571 02•• •••• 0002/);
    assert.match(id, /dicatat di log akses \(abcdef12\)/);
    assert.ok(!id.includes(EVIL) && id.includes(`SITI ${ESCAPED}`) && id.includes(`dtks ${ESCAPED}.csv`));
    const en = lookupPage(frame('en'), { values: { nik: '1571036512880004' }, current: snapshot, result: { found: false, snapshot, masking: 'full', logId: 'x' } });
    assert.match(en, /NOT LISTED in DTKS\/DTSEN \(non-DTKS\)/);
    assert.match(en, /<h1>Look up the DTKS\/DTSEN registry<\/h1>/);
  });

  it('show the look-up form with what was typed, the case it serves, and why it was refused', () => {
    const page = lookupPage(frame('id'), { values: { nik: `"><b>`, application: 'case-1' }, current: null, appLabel: `REG-1 · ${EVIL}`, error: `NIK harus 16 digit ${EVIL}` });
    assert.match(page, /value="&quot;&gt;&lt;b&gt;"/);
    assert.match(page, /<input type="hidden" name="application" value="case-1">/);
    assert.match(page, /Belum ada snapshot registri yang diimpor/);
    assert.match(page, /<div class="error-summary" role="alert"><p>NIK harus 16 digit &lt;script&gt;/);
    assert.ok(!page.includes(EVIL));
  });

  it('follow an import while it runs, and show its result or why it was refused', () => {
    const running: ImportState = { id: snapshot.id, done: false, status: 'loading', phase: 'loading', rowsRead: 12345, accepted: 12000, rejected: 345, bytesRead: 50, totalBytes: 200, rate: 4321.4, etaSeconds: 2.2, noopSnapshotId: null, problems: [], snapshot: null };
    const page = importProgressPage(frame('id'), running, true);
    assert.match(page, /<h2 id="h-prog">Memuat dan memeriksa baris<\/h2>/);
    assert.match(page, /<progress id="reg-progress" max="100" value="25"/);
    assert.match(page, /<span id="reg-rows">12\.345<\/span> baris/);
    // The site script follows the import (the CSP allows no inline script): the page says where to poll.
    assert.match(page, /<span hidden data-follow="\/api\/v1\/registry\/imports\/11111111-/);
    assert.doesNotMatch(page, /<script>/, 'no inline script');
    const refused = importProgressPage(frame('en'), { ...running, done: true, status: 'refused', problems: [{ code: 'threshold-exceeded', message: 'Ditolak', messageEn: `Refused ${EVIL}` }] }, true);
    assert.match(refused, /<h2>Import refused<\/h2><ul><li>Refused &lt;script&gt;/);
    assert.doesNotMatch(refused, /<script>/, 'no script once the import is done');
    assert.doesNotMatch(refused, /data-follow/, 'nothing to follow once the import is done');
  });

  it('list snapshots with the rows export for exporters only, and the import form with this month', () => {
    const s: SnapshotView = {
      id: snapshot.id, period: '2026-01', status: 'complete', current: true, phase: 'done', sourceName: `a${EVIL}.csv`, sourceSha256: 'cd'.repeat(32), sourceSize: 10, sourceKind: 'csv', importer: 'Operator', startedAt: '2026-01-15T02:00:00Z', completedAt: '2026-01-15T03:00:00Z', replacedAt: null, rowsRead: 1200, bytesRead: 10, rowsAccepted: 1190, rowsRejected: 10, rowsUnchanged: null, hasReport: true, summary: {},
    };
    const operator = snapshotsPage(frame('id'), { snapshots: [s], canExport: true, canDownloadReport: true });
    assert.match(operator, /<td>★ 2026-01<\/td><td>selesai/);
    assert.match(operator, /1\.190<br><span class="meta">ditolak 10<\/span>/);
    assert.match(operator, /action="\/petugas\/registri\/ekspor"/);
    assert.match(operator, />laporan<\/a>/);
    assert.ok(!operator.includes(EVIL));
    const auditor = snapshotsPage(frame('en', ['auditor']), { snapshots: [s], canExport: false, canDownloadReport: false });
    assert.match(auditor, /complete/);
    assert.doesNotMatch(auditor, /ekspor|>report</);
    const form = importFormPage(frame('en'), { period: '2026-02', error: `bad ${EVIL}` });
    assert.match(form, /name="period" pattern="\\d\{4\}-\\d\{2\}" value="2026-02" required/);
    assert.match(form, /enctype="multipart\/form-data"/);
    assert.match(form, /bad &lt;script&gt;/);
  });

  it('list proposals and show one with its history and the stage form while it is open', () => {
    const p: ProposalView = { id: 'p1', kind: 'pbi-jk', stage: 'surveyed', stageLabel: 'Sudah disurvei', nik: '1571 02•• •••• 0009', kk: null, name: `Rahmat ${EVIL}`, applicationId: null, siksngReference: null, ministryReference: null, confirmedSnapshotId: null, confirmedAt: null, openedAt: '2026-02-01T00:00:00Z', updatedAt: '2026-02-01T00:00:00Z', version: 2 };
    const list = proposalsPage(frame('id'), { proposals: [p], stage: 'surveyed', canRecord: true });
    assert.match(list, /<option value="surveyed" selected>Sudah disurvei<\/option>/);
    assert.match(list, /<td>PBI-JK<\/td><td>Sudah disurvei<\/td>/);
    assert.match(list, /Catat usulan baru/);
    assert.ok(list.includes(`Rahmat ${ESCAPED}`) && !list.includes(EVIL));
    const en = proposalsPage(frame('en', ['auditor']), { proposals: [p], canRecord: false });
    assert.match(en, /<td>Surveyed<\/td>/);
    assert.doesNotMatch(en, /Record a new proposal/);
    const one = proposalPage(frame('en'), { proposal: p, events: [{ type: 'stage', stage: 'surveyed', actorId: null, actorName: 'Fasilitator', note: `Survei ${EVIL}`, data: {}, at: '2026-02-02T00:00:00Z' }], application: null, canRecord: true });
    assert.match(one, /<strong>Surveyed<\/strong> · Fasilitator<br>Survei &lt;script&gt;/);
    assert.match(one, /<input type="hidden" name="version" value="2">/);
    assert.match(one, /<option value="finalised">Finalised in SIKS-NG<\/option>/);
    assert.doesNotMatch(proposalPage(frame('id'), { proposal: p, events: [], application: null, canRecord: false }), /Catat tahap/);
  });

  it('show the access log with a link to older entries, a case’s registry record and the personal-data form', () => {
    const entry: AccessLogEntry = { seq: 7, id: 'e', at: '2026-02-02T00:00:00Z', actorId: 'u', actorName: 'Verifikator', roles: ['verifikator'], action: 'lookup-nik', nik: '1571024107900003', kk: null, snapshotId: null, applicationId: null, reason: `Cek ${EVIL}`, found: true, detail: {} };
    const log = accessLogPage(frame('id', ['auditor']), { nik: '1571', rows: [entry], older: '/petugas/registri/log?before=7' });
    assert.match(log, /<td>cari NIK<\/td><td>1571024107900003<\/td><td>Cek &lt;script&gt;/);
    assert.match(log, /<a href="\/petugas\/registri\/log\?before=7">Lebih lama<\/a>/);
    const logEn = accessLogPage(frame('en', ['auditor']), { rows: [entry], older: null });
    assert.match(logEn, /<td>NIK look-up<\/td>/);
    assert.match(logEn, /<input type="hidden" name="lang" value="en">/);
    const record = caseRegistryPage(frame('id'), {
      id: 'case-1',
      registrationNumber: 'REG-1',
      applicantName: `Siti ${EVIL}`,
      atSubmission: { results: [{ id: 'r', message: 'terdaftar DTKS', verdict: 'pass' }], registry: { 'registry.period': '2026-01', 'registry.dtks': true } },
      events: [{ at: '2026-02-03T00:00:00Z', step: 'cek-dtks', actorName: 'Operator', note: null, recheck: { snapshot: { period: '2026-02' }, facts: { 'registry.dtks': false }, rules: [{ message: 'terdaftar DTKS', verdict: 'fail', atSubmission: 'pass' }] } }],
    });
    assert.match(record, /<li>✓ terdaftar DTKS<\/li>/);
    assert.match(record, /snapshot 2026-02 · DTKS false<ul><li>✗ terdaftar DTKS <span class="meta">\(saat pengajuan: ✓\)<\/span>/);
    assert.ok(!record.includes(EVIL));
    const personal = personalDataPage(frame('en', ['admin']), { error: `No ${EVIL}` });
    assert.match(personal, /<h1>Copy of personal data<\/h1>/);
    assert.match(personal, /No &lt;script&gt;/);
    assert.match(personalDataPage(frame('id', ['admin']), {}), /Unduh \(JSON\)/);
  });
});
