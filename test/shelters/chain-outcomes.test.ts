/**
 * The rest of the emergency/shelter chain (issue 13 §1, §3): an outcome from a report or a stay —
 * a referral to a hospital (a chain record: no Banjarmasin service fits), pemulangan (Banjarmasin 6's
 * own case, "30 Menit" from the complete file), identity documents (a chain record in Banjarmasin) —
 * goes into both histories, closes the report and tells the reporter; a stay ends "dirujuk" by itself
 * when its panti referral case (Banjarmasin 11) completes, freeing the bed; a direct check-in files
 * Banjarmasin 9 as an intake does.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DB } from '../support/db.js';
import { testCtx, type TestCtx } from '../support/ctx.js';
import { actorFor, driveUntil } from '../letters/helpers.js';
import type { Actor } from '../../src/usecases/context.js';
import { reportEmergency, type EmergencyInput } from '../../src/usecases/emergency/report-emergency.js';
import { recordFirstResponse } from '../../src/usecases/emergency/record-first-response.js';
import { showEmergencyReport } from '../../src/usecases/emergency/show-emergency-report.js';
import { createShelter } from '../../src/usecases/shelters/create-shelter.js';
import { recordIntake } from '../../src/usecases/shelters/record-intake.js';
import { decideIntake } from '../../src/usecases/shelters/decide-intake.js';
import { checkInClient } from '../../src/usecases/shelters/check-in-client.js';
import { showStay } from '../../src/usecases/shelters/show-stay.js';
import { showOccupancy } from '../../src/usecases/shelters/show-occupancy.js';
import { referToPanti } from '../../src/usecases/shelters/refer-to-panti.js';
import { recordOutcome } from '../../src/usecases/outcomes/record-outcome.js';
import { completeTask } from '../../src/usecases/applications/complete-task.js';
import { openTaskFor } from '../../src/db/applications-repo.js';

const BJM = 'kota-banjarmasin';
const report = (subject: string): EmergencyInput => ({
  office: BJM,
  service: 'kedaruratan-ppks',
  channel: 'phone',
  location: { text: 'Terminal Pal 6, Banjarmasin Selatan' },
  description: 'Bapak tua tertidur di ruang tunggu terminal sejak kemarin, tidak punya ongkos pulang',
  reporter: { name: 'Hj. Rusmini', phone: '0812 5123 4470', email: 'rusmini@contoh.id', notify: { channels: ['email'] } },
  subject: { name: subject, category: 'orang-terlantar' },
  answers: { 'lokasi-di-banjarmasin': true },
});

describe(`the chain's outcomes, the stay referred to a panti, the direct check-in's case (${TEST_DB})`, () => {
  let t: TestCtx;
  let clock = new Date('2025-04-07T13:10:00Z'); // Mon 7 Apr 2025 21:10 WITA
  let officer: Actor;
  let trc: Actor;
  let pramu: Actor;
  let peksos: Actor;
  let kabid: Actor;
  let shelter = '';
  const db = () => t.ctx.database.db;
  const caseOf = (registrationNumber: string) => db().selectFrom('applications').selectAll().where('registration_number', '=', registrationNumber).executeTakeFirstOrThrow();
  const outboxOf = async (registrationNumber: string) => {
    const app = await caseOf(registrationNumber);
    return db().selectFrom('outbox').select(['kind', 'recipient', 'subject', 'body']).where('application_id', '=', app.id).execute();
  };
  const reportState = async (n: string) => (await db().selectFrom('emergency_reports').select('state').where('registration_number', '=', n).executeTakeFirstOrThrow()).state;
  before(async () => {
    t = await testCtx({ now: () => clock });
    officer = await actorFor(t.ctx, `pengelola-pengaduan@${BJM}`);
    trc = await actorFor(t.ctx, `trc@${BJM}`);
    pramu = await actorFor(t.ctx, `pramu-sosial@${BJM}`);
    peksos = await actorFor(t.ctx, `pekerja-sosial@${BJM}`);
    kabid = await actorFor(t.ctx, `kepala-bidang@${BJM}`);
    const s = await createShelter(t.ctx, kabid, { name: 'Rumah Singgah Dinsos Banjarmasin', rooms: [{ name: 'Kamar Laki-laki', sex: 'male', category: 'umum', beds: 2 }] });
    assert.ok(s.ok);
    shelter = s.value.id;
  });
  after(async () => t.close());

  it('a report referred to a hospital: refused before the first response and without hospital, reason and escort; then recorded, the report closed and the reporter told without the hospital or the name', async () => {
    const r = await reportEmergency(t.ctx, report('Pak Darmawi'), officer);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    const n = r.value.registrationNumber;
    const hospital = { kind: 'hospital' as const, hospital: 'RSUD Ulin Banjarmasin', reason: 'Sesak napas dan demam tinggi', escortedBy: 'Rahmadi (TRC)' };
    const early = await recordOutcome(t.ctx, trc, { report: n }, hospital);
    assert.equal(!early.ok && early.error.problems[0]!.code, 'first-response-first');
    clock = new Date('2025-04-07T13:40:00Z');
    assert.ok((await recordFirstResponse(t.ctx, trc, n, { note: 'Bapak ditemukan lemas, napas berat' })).ok);
    const empty = await recordOutcome(t.ctx, trc, { report: n }, { kind: 'hospital', hospital: ' ', reason: '', escortedBy: '' });
    assert.ok(!empty.ok);
    assert.equal(empty.error.kind, 'invalid');
    assert.deepEqual(empty.error.problems.map((p) => p.field), ['hospital', 'reason', 'escortedBy']);
    assert.match(empty.error.problems[2]!.message, /siapa yang mengantar/);
    const future = await recordOutcome(t.ctx, trc, { report: n }, { ...hospital, at: '2025-04-07T14:00:00Z' });
    assert.equal(!future.ok && future.error.problems[0]!.field, 'at');
    const pramuTry = await recordOutcome(t.ctx, pramu, { report: n }, hospital);
    assert.equal(!pramuTry.ok && pramuTry.error.kind, 'forbidden');
    const auditor = await recordOutcome(t.ctx, await actorFor(t.ctx, `auditor@${BJM}`), { report: n }, hospital);
    assert.equal(!auditor.ok && auditor.error.kind, 'forbidden');
    assert.equal(await reportState(n), 'responded', 'nothing refused changed the report');

    clock = new Date('2025-04-07T14:05:00Z');
    const done = await recordOutcome(t.ctx, trc, { report: n }, { ...hospital, at: '2025-04-07T13:55:00Z' });
    assert.ok(done.ok, JSON.stringify(!done.ok && done.error));
    assert.deepEqual({ kind: done.value.kind, case: done.value.case, reportClosed: done.value.reportClosed, at: done.value.at }, { kind: 'hospital', case: null, reportClosed: n, at: '2025-04-07T13:55:00.000Z' });
    assert.equal(await reportState(n), 'closed');
    const row = await db().selectFrom('chain_outcomes').selectAll().where('id', '=', done.value.id).executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(row.data), { hospital: 'RSUD Ulin Banjarmasin', reason: 'Sesak napas dan demam tinggi', escortedBy: 'Rahmadi (TRC)', takenAt: '2025-04-07T13:55:00.000Z', note: null });
    const d = await showEmergencyReport(t.ctx, kabid, n);
    assert.ok(d.ok);
    // Written in one instant: the outcome and the closing (same time, either order).
    assert.deepEqual(d.value.events.map((e) => e.type).slice(-2).sort(), ['closed', 'outcome']);
    assert.equal(d.value.events.find((e) => e.type === 'closed')!.data.outcome, 'hospital');
    const app = await caseOf(n);
    const ev = await db().selectFrom('application_events').selectAll().where('application_id', '=', app.id).where('type', '=', 'emergency:outcome').execute();
    assert.equal(ev.length, 1);
    const told = (await outboxOf(n)).filter((x) => x.kind === 'emergency-outcome');
    assert.equal(told.length, 1);
    assert.equal(told[0]!.recipient, 'rusmini@contoh.id');
    assert.match(told[0]!.body, /telah dirujuk ke rumah sakit/);
    assert.match(told[0]!.body, /has been referred to a hospital/);
    assert.ok(!told[0]!.body.includes('Ulin') && !told[0]!.body.includes('Darmawi'), 'neither the hospital nor the name');
    const audit = await db().selectFrom('audit_events').selectAll().where('action', '=', 'outcome.hospital').executeTakeFirstOrThrow();
    assert.equal(JSON.parse(audit.detail).reportClosed, true);
    // A second outcome on a closed report is recorded and told, the report stays closed.
    const again = await recordOutcome(t.ctx, trc, { report: n }, { kind: 'identity', documents: ['ktp'] });
    assert.ok(again.ok);
    assert.equal(again.value.reportClosed, null);
    assert.equal(await reportState(n), 'closed');
  });

  let stayId = '';
  let reportNumber = '';
  it("pemulangan from a stay that came from a report files Banjarmasin 6 (refused beside the police letter and the work condition), its 30 minutes running from the complete file; both histories, the report closed, the reporter told", async () => {
    const r = await reportEmergency(t.ctx, report('Bapak Sukri'), officer);
    assert.ok(r.ok);
    reportNumber = r.value.registrationNumber;
    assert.ok((await recordFirstResponse(t.ctx, trc, reportNumber, { note: 'Ditemukan di terminal, berasal dari Kab. Kotabaru' })).ok);
    const intake = await recordIntake(t.ctx, trc, { shelter, source: 'emergency', emergencyReport: reportNumber, client: { name: 'Sukri', sex: 'male', category: 'orang-terlantar', nik: '6302011204650001' }, healthy: true });
    assert.ok(intake.ok, JSON.stringify(!intake.ok && intake.error));
    stayId = intake.value.id;
    assert.ok((await decideIntake(t.ctx, kabid, stayId, { decision: 'dapat-ditampung', assessment: 'Sehat, terlantar kehabisan ongkos' })).ok);
    assert.ok((await checkInClient(t.ctx, pramu, shelter, { intake: stayId })).ok);
    const casesBefore = Number((await db().selectFrom('applications').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const base = { kind: 'pemulangan' as const, origin: 'Kab. Kotabaru, Kalimantan Selatan', fromOutsideRegion: true, strandedByWork: false, documents: { policeLetter: true, identity: true, forwardingLetter: false } };
    const noLetter = await recordOutcome(t.ctx, peksos, { stay: stayId }, { ...base, documents: { ...base.documents, policeLetter: false } });
    assert.ok(!noLetter.ok);
    assert.deepEqual(noLetter.error.problems.map((p) => p.field), ['documents.policeLetter']);
    const byWork = await recordOutcome(t.ctx, peksos, { stay: stayId }, { ...base, strandedByWork: true });
    assert.ok(!byWork.ok);
    assert.ok(byWork.error.problems.some((p) => p.field === 'fromOutsideRegion' || p.field === 'strandedByWork'), JSON.stringify(byWork.error.problems));
    assert.equal(Number((await db().selectFrom('applications').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), casesBefore, 'nothing filed when refused');
    assert.equal(await reportState(reportNumber), 'responded');

    const done = await recordOutcome(t.ctx, peksos, { stay: stayId }, base);
    assert.ok(done.ok, JSON.stringify(!done.ok && done.error));
    assert.ok(done.value.case);
    assert.equal(done.value.reportClosed, reportNumber);
    const c = await caseOf(done.value.case);
    assert.equal(c.service_id, t.ctx.catalogue.service(BJM, 'pemulangan-orang-terlantar')!.service.id);
    assert.equal(c.applicant_name, 'Sukri');
    assert.equal(c.current_step, 'terima-berkas');
    assert.equal(c.due_at, null, '"30 Menit" runs from the complete file, not yet');
    // The counter checks the file at 22:20 WITA on Mon 7 Apr (cuti bersama): the decree's "30 Menit"
    // runs on the office's hours (the service has no 24/7 calendar), so it is due Tue 8 Apr 08:30 WITA.
    clock = new Date('2025-04-07T14:20:00Z');
    const task = (await openTaskFor(db(), c.id))!;
    const front = await actorFor(t.ctx, `front-office@${BJM}`);
    const checked = await completeTask(t.ctx, { taskId: task.id, outcome: 'lengkap', note: 'Surat keterangan terlantar Polsek Banjarmasin Selatan', version: c.version }, front);
    assert.ok(checked.ok, JSON.stringify(!checked.ok && checked.error));
    assert.equal(checked.value.dueAt, '2025-04-08T00:30:00.000Z');
    const stay = await showStay(t.ctx, peksos, stayId);
    assert.ok(stay.ok);
    assert.ok(stay.value.events.some((e) => e.type === 'outcome' && e.data.kind === 'pemulangan' && e.data.case === done.value.case));
    assert.deepEqual(stay.value.cases.map((x) => x.kind), ['intake', 'pemulangan']);
    assert.equal(stay.value.state, 'in-residence', 'the stay itself ends by its termination (Banjarmasin 10)');
    assert.equal(await reportState(reportNumber), 'closed');
    const d = await showEmergencyReport(t.ctx, kabid, reportNumber);
    assert.ok(d.ok && d.value.events.some((e) => e.type === 'outcome' && e.data.case === done.value.case && e.data.stay === stayId));
    const told = (await outboxOf(reportNumber)).filter((x) => x.kind === 'emergency-outcome');
    assert.equal(told.length, 1);
    assert.match(told[0]!.body, /difasilitasi pemulangan ke daerah asalnya/);
    assert.ok(!told[0]!.body.includes('Kotabaru') && !told[0]!.body.includes('Sukri'));
  });

  it('identity documents are a chain record in Banjarmasin (no decreed service): refused without a document, then on the stay\'s history', async () => {
    const none = await recordOutcome(t.ctx, peksos, { stay: stayId }, { kind: 'identity', documents: [] });
    assert.equal(!none.ok && none.error.problems[0]!.field, 'documents');
    const done = await recordOutcome(t.ctx, peksos, { stay: stayId }, { kind: 'identity', documents: ['ktp', 'kk'], note: 'NIK belum terdaftar di Disdukcapil Kotabaru' });
    assert.ok(done.ok);
    assert.equal(done.value.case, null);
    const stay = await showStay(t.ctx, peksos, stayId);
    assert.ok(stay.ok && stay.value.events.some((e) => e.type === 'outcome' && e.data.kind === 'identity' && JSON.stringify(e.data.documents) === '["ktp","kk"]'));
  });

  it('a stay ends "dirujuk" by itself when its panti referral (Banjarmasin 11) completes: the bed is free, audited; a rejected referral leaves the client in residence', async () => {
    clock = new Date('2025-04-08T02:00:00Z');
    const c = await checkInClient(t.ctx, pramu, shelter, { client: { name: 'Abdul Hadi', sex: 'male', category: 'lansia' }, source: 'masyarakat', requester: 'Ketua RT 05 Kel. Pekapuran Raya' });
    assert.ok(c.ok, JSON.stringify(!c.ok && c.error));
    const ref = await referToPanti(t.ctx, peksos, c.value.id, { panti: 'PSTW Budi Sejahtera Banjarbaru', jknKis: true, documents: { ktpKk: true, photo: true, video: true } });
    assert.ok(ref.ok && ref.value.case);
    const occupied = async () => {
      const o = await showOccupancy(t.ctx, pramu, shelter);
      assert.ok(o.ok && o.value);
      return o.value.occupied;
    };
    assert.equal(await occupied(), 2);
    const app = await caseOf(ref.value.case);
    await driveUntil(t.ctx, app.id, () => false, BJM);
    const closed = await caseOf(ref.value.case);
    assert.equal(closed.status, 'completed');
    const s = await db().selectFrom('shelter_stays').selectAll().where('id', '=', c.value.id).executeTakeFirstOrThrow();
    assert.equal(s.state, 'referred');
    assert.equal(s.referred_to, 'PSTW Budi Sejahtera Banjarbaru');
    assert.equal(JSON.parse(s.termination!).kind, 'dirujuk');
    assert.equal(await occupied(), 1, 'the bed is free again');
    const audit = await db().selectFrom('audit_events').selectAll().where('action', '=', 'shelter.referred-ended').where('subject', '=', `shelter-stay:${c.value.id}`).executeTakeFirstOrThrow();
    assert.equal(JSON.parse(audit.detail).case, ref.value.case);
    const d = await showStay(t.ctx, peksos, c.value.id);
    assert.ok(d.ok && d.value.events.some((e) => e.type === 'referral-completed' && e.data.case === ref.value.case));

    // A second client's referral refused by the social worker ("tidak-layak"): the client stays.
    const c2 = await checkInClient(t.ctx, pramu, shelter, { client: { name: 'Junaidi', sex: 'male', category: 'lansia' }, source: 'masyarakat', requester: 'Lurah Pekapuran Raya' });
    assert.ok(c2.ok);
    const ref2 = await referToPanti(t.ctx, peksos, c2.value.id, { panti: 'PSTW Budi Sejahtera Banjarbaru', jknKis: true, documents: { ktpKk: true, photo: true, video: true } });
    assert.ok(ref2.ok && ref2.value.case);
    const app2 = await caseOf(ref2.value.case);
    const at = await driveUntil(t.ctx, app2.id, (step) => step.id === 'penentuan-kelayakan', BJM);
    const rejected = await completeTask(t.ctx, { taskId: at.taskId!, outcome: 'tidak-layak', note: 'Panti penuh', version: at.version }, peksos);
    assert.ok(rejected.ok, JSON.stringify(!rejected.ok && rejected.error));
    assert.equal((await db().selectFrom('shelter_stays').select('state').where('id', '=', c2.value.id).executeTakeFirstOrThrow()).state, 'in-residence');
  });

  it('a direct check-in files Banjarmasin 9 (a razia names its agency, refused beside "requester" with nothing written); a check-in from an intake files no second case', async () => {
    clock = new Date('2025-04-08T15:30:00Z'); // 23:30 WITA, a razia at night
    const count = async () => Number((await db().selectFrom('shelter_stays').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const anonymous = await checkInClient(t.ctx, pramu, shelter, { client: { name: 'Belum diketahui (laki-laki, ±30 tahun)', sex: 'male', category: 'gelandangan-pengemis' }, source: 'razia', overrideReason: 'Kamar penuh, kasur tambahan di ruang aman' });
    assert.ok(!anonymous.ok);
    assert.equal(anonymous.error.problems[0]!.field, 'requester');
    assert.equal(await count(), before);
    const r = await checkInClient(t.ctx, pramu, shelter, { client: { name: 'Belum diketahui (laki-laki, ±30 tahun)', sex: 'male', category: 'gelandangan-pengemis' }, source: 'razia', requester: 'Satpol PP Kota Banjarmasin', overrideReason: 'Kamar penuh, kasur tambahan di ruang aman' });
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.ok(r.value.case);
    const c = await caseOf(r.value.case);
    assert.equal(c.service_id, t.ctx.catalogue.service(BJM, 'penerimaan-klien-rumah-singgah')!.service.id);
    assert.equal(c.initiator, 'institution');
    assert.equal(JSON.parse(c.applicant).reporter.name, 'Satpol PP Kota Banjarmasin');
    const d = await showStay(t.ctx, peksos, r.value.id);
    assert.ok(d.ok);
    assert.deepEqual(d.value.cases.map((x) => [x.kind, x.registrationNumber]), [['intake', r.value.case]]);
    assert.ok(d.value.events.some((e) => e.type === 'checked-in' && e.data.case === r.value.case));
    // The board's length of stay at 23:30 WITA: Sukri since Mon 21:40 WITA (1.0 days), Junaidi since
    // 10:00 (0.5), the man of the razia just now (0.0); Abdul Hadi left for the panti.
    const board = await showOccupancy(t.ctx, pramu, shelter);
    assert.ok(board.ok && board.value);
    assert.deepEqual(board.value.lengthOfStay, [
      { category: 'lansia', clients: 1, medianDays: 0.5, longestDays: 0.5 },
      { category: 'gelandangan-pengemis', clients: 1, medianDays: 0, longestDays: 0 },
      { category: 'orang-terlantar', clients: 1, medianDays: 1, longestDays: 1 },
    ]);
    // The earlier stay checked in from its intake has only the intake's case (and its outcomes').
    const s = await showStay(t.ctx, peksos, stayId);
    assert.ok(s.ok);
    assert.equal(s.value.cases.filter((x) => x.kind === 'intake').length, 1);
  });
});
