/**
 * Emergency reports on a real database (issue 13, DOMAIN.md §1 numbers): Banjarmasin's 45 minutes
 * "dari Pelaporan" on a 24-hour clock whatever the day, the report time starting the clock, identity
 * "jika ada", the SIM rule when assigning, "respon awal" measured from the report, escalation to the
 * head of division and then the head of office, and duplicates flagged within the office's window.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DB } from '../support/db.js';
import { testCtx, type TestCtx } from '../support/ctx.js';
import { actorFor, driveUntil } from '../letters/helpers.js';
import { PUBLIC_ACTOR, type Actor } from '../../src/usecases/context.js';
import { reportEmergency, RULE_ACTOR, type EmergencyInput } from '../../src/usecases/emergency/report-emergency.js';
import { recordFirstResponse } from '../../src/usecases/emergency/record-first-response.js';
import { assignResponder } from '../../src/usecases/emergency/assign-responder.js';
import { recordMemberCredentials } from '../../src/usecases/emergency/record-member-credentials.js';
import { addDutyShift } from '../../src/usecases/emergency/add-duty-shift.js';
import { showDispatchBoard } from '../../src/usecases/emergency/show-dispatch-board.js';
import { sweepEmergencies } from '../../src/usecases/emergency/sweep-emergencies.js';
import { showEmergencyReport } from '../../src/usecases/emergency/show-emergency-report.js';
import { findUserByUsername } from '../../src/db/staff-repo.js';
import { mergeReports } from '../../src/usecases/emergency/merge-reports.js';
import { setEmergencySettings } from '../../src/usecases/emergency/set-emergency-settings.js';
import { DEFAULT_SETTINGS } from '../../src/domain/emergency/index.js';
import { withdrawApplication } from '../../src/usecases/applications/withdraw-application.js';
import { findTrackedCase } from '../../src/usecases/applications/find-tracked-case.js';

const BJM = 'kota-banjarmasin';
const report = (over: Partial<EmergencyInput> = {}): EmergencyInput => ({
  office: BJM,
  service: 'kedaruratan-ppks',
  channel: 'phone',
  location: { text: 'Depan Pasar Lama, Jl. Pasar Baru, Banjarmasin Tengah', lat: -3.3186, lng: 114.5944 },
  description: 'Seorang ibu lanjut usia terlihat lemah dan tidur di emperan toko sejak kemarin, belum makan',
  reporter: { name: 'Hj. Rusmini', phone: '0812 5123 4470' },
  subject: { category: 'lansia' },
  answers: { 'lokasi-di-banjarmasin': true },
  ...over,
});

describe(`emergency reports (${TEST_DB})`, () => {
  let t: TestCtx;
  let clock = new Date('2025-03-28T08:40:00Z');
  let officer: Actor;
  let kabid: Actor;
  let trc: Actor;
  before(async () => {
    t = await testCtx({ now: () => clock });
    officer = await actorFor(t.ctx, `pengelola-pengaduan@${BJM}`);
    kabid = await actorFor(t.ctx, `kepala-bidang@${BJM}`);
    trc = await actorFor(t.ctx, `trc@${BJM}`);
  });
  after(async () => t.close());

  it('a report at 16:30 WITA on a cuti-bersama day (Fri 28 Mar 2025) is due for first response at 17:15 the same day, counted from the report, not from its writing down', async () => {
    clock = new Date('2025-03-28T08:52:00Z'); // written down at 16:52 WITA
    const r = await reportEmergency(t.ctx, report({ reportedAt: '2025-03-28T16:30:00+08:00' }), officer);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.equal(r.value.reportedAt, '2025-03-28T08:30:00.000Z');
    assert.equal(r.value.firstResponseDueAt, '2025-03-28T09:15:00.000Z');
    assert.equal(r.value.firstResponseDueAtLocal, 'Jumat, 28 Maret 2025 17.15 WITA');
    // The case of the decreed service carries the same start and the stage "Respon Awal Kasus".
    const c = await t.database.db.selectFrom('applications').selectAll().where('registration_number', '=', r.value.registrationNumber).executeTakeFirstOrThrow();
    assert.equal(c.submitted_at, '2025-03-28T08:30:00.000Z');
    assert.equal(c.channel, 'phone');
    assert.equal(c.applicant_nik, null, 'no NIK needed: "jika ada"');
    const stage = (JSON.parse(c.stages) as { id: string; dueAt: string }[]).find((s) => s.id === 'respon-awal');
    assert.equal(stage?.dueAt, '2025-03-28T09:15:00.000Z');
  });

  it('the eve of cuti bersama (Thu 27 Mar 16:30) and a Saturday night (23:50 → Sunday 00:35) run on the same 24-hour clock', async () => {
    clock = new Date('2025-03-27T08:31:00Z');
    const thu = await reportEmergency(t.ctx, report({ location: { text: 'Jembatan Merdeka' }, reportedAt: '2025-03-27T08:30:00Z' }), officer);
    assert.ok(thu.ok);
    assert.equal(thu.value.firstResponseDueAt, '2025-03-27T09:15:00.000Z');
    clock = new Date('2025-03-29T15:51:00Z'); // Sat 23:51 WITA
    const sat = await reportEmergency(t.ctx, report({ location: { text: 'Siring Menara Pandang' }, subject: { category: 'anak' } }), officer);
    assert.ok(sat.ok);
    assert.equal(sat.value.firstResponseDueAt, '2025-03-29T16:36:00.000Z');
    assert.equal(sat.value.firstResponseDueAtLocal, 'Minggu, 30 Maret 2025 00.36 WITA');
  });

  it('refuses a report time in the future, one only the public gives, and the public channel at the counter, each beside its field', async () => {
    clock = new Date('2025-04-02T02:00:00Z');
    const future = await reportEmergency(t.ctx, report({ reportedAt: '2025-04-02T02:05:00Z' }), officer);
    assert.ok(!future.ok);
    assert.deepEqual(future.error.problems.map((p) => [p.field, p.code]), [['reportedAt', 'reported-at-future']]);
    const publicTime = await reportEmergency(t.ctx, report({ channel: 'web', reportedAt: '2025-04-02T01:00:00Z' }), PUBLIC_ACTOR);
    assert.ok(!publicTime.ok);
    assert.deepEqual(publicTime.error.problems.map((p) => p.code), ['reported-at-staff-only']);
    const publicPhone = await reportEmergency(t.ctx, report(), PUBLIC_ACTOR);
    assert.ok(!publicPhone.ok);
    assert.equal(publicPhone.error.problems[0]?.code, 'channel-staff-only');
    const notEmergency = await reportEmergency(t.ctx, report({ service: 'santunan-kematian' }), officer);
    assert.ok(!notEmergency.ok);
    assert.equal(notEmergency.error.problems[0]?.code, 'not-an-emergency-service');
  });

  it('the public web form files a report now, without any identity document, and gets a receipt', async () => {
    clock = new Date('2025-04-02T14:10:00Z'); // 22:10 WITA
    const r = await reportEmergency(t.ctx, report({ channel: 'web', reporter: { name: 'Ahmad Fauzi', phone: '0813 4900 1122' }, subject: { category: 'odgj' }, location: { text: 'Taman Kamboja' } }), PUBLIC_ACTOR);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.equal(r.value.firstResponseDueAt, '2025-04-02T14:55:00.000Z');
    assert.match(r.value.trackingCode, /^[A-Z2-9]{8}$/);
  });

  it('assigning a TRC member without a SIM to a pick-up is refused with a clear message; with one it is accepted', async () => {
    clock = new Date('2025-04-03T13:00:00Z');
    const r = await reportEmergency(t.ctx, report({ location: { text: 'Pelabuhan Trisakti' }, subject: { category: 'orang-terlantar' } }), officer);
    assert.ok(r.ok);
    const member = trc.id!;
    const noId = await assignResponder(t.ctx, kabid, r.value.registrationNumber, { member, task: 'penjangkauan' });
    assert.ok(!noId.ok);
    assert.deepEqual(noId.error.problems.map((p) => p.code), ['official-id-missing']);
    assert.ok((await recordMemberCredentials(t.ctx, kabid, member, { officialId: 'TRC-BJM-007' })).ok);
    const pickUp = await assignResponder(t.ctx, kabid, r.value.registrationNumber, { member, task: 'penjemputan' });
    assert.ok(!pickUp.ok);
    assert.equal(pickUp.error.kind, 'invalid');
    assert.deepEqual(pickUp.error.problems.map((p) => p.code), ['licence-missing']);
    assert.match(pickUp.error.problems[0]!.message, /tanpa Surat Ijin Mengemudi \(SIM\) tidak dapat ditugaskan untuk penjemputan klien/);
    assert.match(pickUp.error.problems[0]!.messageEn, /without a driving licence \(SIM\) cannot be assigned to client pick-up/);
    const outreach = await assignResponder(t.ctx, kabid, r.value.registrationNumber, { member, task: 'penjangkauan' });
    assert.ok(outreach.ok);
    assert.equal(outreach.value.onDuty, false);
    assert.ok((await recordMemberCredentials(t.ctx, kabid, member, { officialId: 'TRC-BJM-007', licence: 'SIM A 1234-5678-000123', licenceValidUntil: '2027-08-17' })).ok);
    assert.ok((await addDutyShift(t.ctx, kabid, { member, startsAt: '2025-04-03T12:00:00Z', endsAt: '2025-04-04T00:00:00Z' })).ok);
    const withSim = await assignResponder(t.ctx, kabid, r.value.registrationNumber, { member, task: 'penjemputan' });
    assert.ok(withSim.ok);
    assert.equal(withSim.value.onDuty, true);
    // The TRC cannot assign itself; the reporter's officer neither.
    const self = await assignResponder(t.ctx, trc, r.value.registrationNumber, { member, task: 'penjangkauan' });
    assert.ok(!self.ok);
    assert.equal(self.error.kind, 'forbidden');
  });

  it('"respon awal" is measured from the report: 38 minutes is met, and recorded once', async () => {
    clock = new Date('2025-04-04T11:00:00Z');
    const r = await reportEmergency(t.ctx, report({ location: { text: 'Pasar Terapung Lok Baintan' }, reportedAt: '2025-04-04T10:55:00Z' }), officer);
    assert.ok(r.ok);
    clock = new Date('2025-04-04T11:33:00Z');
    const done = await recordFirstResponse(t.ctx, trc, r.value.registrationNumber, { note: 'Ibu ditemukan, diberi minum dan makanan; keluarga sedang dihubungi', lat: -3.2769, lng: 114.6653 });
    assert.ok(done.ok, JSON.stringify(!done.ok && done.error));
    assert.equal(done.value.minutes, 38);
    assert.equal(done.value.met, true);
    const again = await recordFirstResponse(t.ctx, trc, r.value.registrationNumber, { note: 'lagi' });
    assert.ok(!again.ok);
    assert.equal(again.error.kind, 'conflict');
    const events = await t.database.db.selectFrom('application_events').select('type').where('application_id', '=', (await t.database.db.selectFrom('emergency_reports').select('application_id').where('registration_number', '=', r.value.registrationNumber).executeTakeFirstOrThrow()).application_id).execute();
    assert.ok(events.some((e) => e.type === 'emergency:first-response'), 'the case timeline shows the first response');
    const audit = await t.database.db.selectFrom('audit_events').select('action').where('action', '=', 'emergency.first-response').execute();
    assert.equal(audit.length, 1);
  });

  it('escalates at risk (33 min 45 s) to the head of division, breached (45 min) to the head of office, once each; the board shows the countdown', async () => {
    clock = new Date('2025-04-05T02:00:00Z');
    const office = t.catalogue.office(BJM)!.id;
    await sweepEmergencies(t.ctx, office); // the earlier tests' open reports, escalated before this one starts
    const r = await reportEmergency(t.ctx, report({ location: { text: 'Kolong Jembatan Antasari' }, reportedAt: '2025-04-05T02:00:00Z', subject: { category: 'gelandangan-pengemis' } }), officer);
    assert.ok(r.ok);
    const stateOf = async () => (await showDispatchBoard(t.ctx, { ...kabid, officeId: office })).open.find((e) => e.registrationNumber === r.value.registrationNumber)!;
    clock = new Date('2025-04-05T02:33:44Z');
    assert.equal((await stateOf()).firstResponseState, 'on-time');
    assert.equal((await stateOf()).millisLeft, (11 * 60 + 16) * 1000);
    assert.equal((await sweepEmergencies(t.ctx, office)).escalated, 0);
    clock = new Date('2025-04-05T02:33:45Z');
    assert.equal((await stateOf()).firstResponseState, 'at-risk');
    assert.equal((await sweepEmergencies(t.ctx, office)).escalated, 1);
    assert.equal((await sweepEmergencies(t.ctx, office)).escalated, 0, 'once');
    assert.equal((await stateOf()).escalation, 'kepala-bidang');
    clock = new Date('2025-04-05T02:45:00Z');
    assert.equal((await stateOf()).firstResponseState, 'at-risk', 'exactly 45:00 is still within the limit');
    clock = new Date('2025-04-05T02:45:00.001Z');
    assert.equal((await stateOf()).firstResponseState, 'breached');
    assert.equal((await sweepEmergencies(t.ctx, office)).escalated, 1);
    assert.equal((await stateOf()).escalation, 'kepala-dinas');
    const notices = await t.database.db.selectFrom('notifications').select(['role', 'kind']).where('kind', 'like', 'emergency:%').orderBy('created_at').execute();
    assert.deepEqual(notices.filter((n) => n.kind.startsWith('emergency:kepala')).map((n) => n.role).slice(-2), ['kepala-bidang', 'kepala-dinas']);
    // Responded late: the board keeps it under "responded", late, with the case's next review and no due time beyond.
    clock = new Date('2025-04-05T02:52:00Z');
    const late = await recordFirstResponse(t.ctx, trc, r.value.registrationNumber, { note: 'Sudah dijangkau, dibawa ke rumah singgah' });
    assert.ok(late.ok);
    assert.equal(late.value.met, false);
    const board = await showDispatchBoard(t.ctx, { ...kabid, officeId: office });
    const e = board.responded.find((x) => x.registrationNumber === r.value.registrationNumber)!;
    assert.equal(e.firstResponseState, 'met-late');
    assert.equal(e.firstResponseMinutes, 52);
    assert.equal(e.nextReviewAt, '2025-04-06T02:52:00.000Z', 'the review interval (24 h by default), not a made-up due time');
    assert.ok(!board.open.some((x) => x.registrationNumber === r.value.registrationNumber));
  });

  it('flags a second report about the same person and place within the window, and not after it; the head of division merges it, each reporter keeping their receipt', async () => {
    clock = new Date('2025-04-06T01:00:00Z');
    const first = await reportEmergency(t.ctx, report({ location: { text: 'Halte Jl. A. Yani km 6' }, subject: { category: 'disabilitas', name: 'Pak Udin' } }), officer);
    assert.ok(first.ok);
    clock = new Date('2025-04-06T02:30:00Z');
    const second = await reportEmergency(t.ctx, report({ channel: 'whatsapp', location: { text: 'halte jl a yani KM 6' }, subject: { category: 'disabilitas', name: 'pak udin' }, reporter: { name: 'Nur Aisyah' } }), officer);
    assert.ok(second.ok);
    assert.deepEqual(second.value.possibleDuplicates, [first.value.registrationNumber]);
    clock = new Date('2025-04-06T03:01:00Z');
    const third = await reportEmergency(t.ctx, report({ location: { text: 'Halte Jl. A. Yani km 6' }, subject: { category: 'disabilitas', name: 'Pak Udin' } }), officer);
    assert.ok(third.ok);
    assert.deepEqual(third.value.possibleDuplicates, [second.value.registrationNumber], 'the first is 2 h 01 min earlier: outside the default 2-hour window');
    // The head of division merges the second into the first; the third is 2 h 01 min after the first: refused.
    const office = t.catalogue.office(BJM)!.id;
    const outside = await mergeReports(t.ctx, kabid, third.value.registrationNumber, first.value.registrationNumber);
    assert.ok(!outside.ok);
    assert.equal(outside.error.problems[0]?.code, 'merge-outside-window');
    assert.ok(!(await mergeReports(t.ctx, officer, second.value.registrationNumber, first.value.registrationNumber)).ok, 'the receiving officer does not merge');
    const merged = await mergeReports(t.ctx, kabid, second.value.registrationNumber, first.value.registrationNumber);
    assert.ok(merged.ok, JSON.stringify(!merged.ok && merged.error));
    const board = await showDispatchBoard(t.ctx, { ...kabid, officeId: office });
    assert.ok(board.open.some((e) => e.registrationNumber === first.value.registrationNumber));
    assert.ok(!board.open.some((e) => e.registrationNumber === second.value.registrationNumber), 'the duplicate leaves the board');
    // Each reporter keeps their own receipt: the second's number and code still find its case.
    assert.ok(await findTrackedCase(t.ctx, second.value.registrationNumber, second.value.trackingCode));
    assert.ok(await findTrackedCase(t.ctx, first.value.registrationNumber, first.value.trackingCode));
    const d = await showEmergencyReport(t.ctx, kabid, second.value.registrationNumber);
    assert.ok(d.ok);
    assert.equal(d.value.mergedInto, first.value.registrationNumber);
    const again = await mergeReports(t.ctx, kabid, second.value.registrationNumber, first.value.registrationNumber);
    assert.ok(!again.ok);
    assert.equal(again.error.kind, 'conflict');
  });

  it("Semarang's Kedaruratan runs as decreed: no first-response limit on the report, and 1 working day on office hours from the complete file (Thu 27 Mar 2025 10:00 WIB → Tue 8 Apr 14:00 WIB)", async () => {
    clock = new Date('2025-03-27T03:00:00Z'); // Thu 10:00 WIB
    const front = await actorFor(t.ctx, 'front-office@kota-semarang');
    const base = { office: 'kota-semarang', service: 'kedaruratan', channel: 'walk-in' as const, location: { text: 'Jl. Pemuda depan Lawang Sewu' }, description: 'Lansia tersesat, tidak ingat alamat', subject: { category: 'lansia' as const }, answers: { 'jenis-layanan': 'pengaduan' } };
    // The decree requires "KTP, KK" without "jika ada": a report without them is refused, as decreed (and the lint says so).
    const without = await reportEmergency(t.ctx, base, front);
    assert.ok(!without.ok);
    assert.deepEqual(without.error.problems.map((p) => [p.field, p.code]), [['attachments.ktp-kk', 'document-missing']]);
    const r = await reportEmergency(t.ctx, { ...base, documents: [{ requirement: 'ktp-kk', shown: true }] }, front);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.equal(r.value.firstResponseDueAt, null, 'no first-response limit in the decree: none is made up');
    const office = t.catalogue.office('kota-semarang')!.id;
    const e = (await showDispatchBoard(t.ctx, { ...front, officeId: office })).open.find((x) => x.registrationNumber === r.value.registrationNumber)!;
    assert.equal(e.firstResponseState, 'no-limit');
    assert.equal(e.millisLeft, null);
    const app = await t.database.db.selectFrom('applications').select('id').where('registration_number', '=', r.value.registrationNumber).executeTakeFirstOrThrow();
    await driveUntil(t.ctx, app.id, (s) => s.id !== 'periksa-dokumen', 'kota-semarang');
    const c = await t.database.db.selectFrom('applications').select(['clock_started_at', 'due_at']).where('id', '=', app.id).executeTakeFirstOrThrow();
    assert.equal(c.clock_started_at, '2025-03-27T03:00:00.000Z');
    assert.equal(c.due_at, '2025-04-08T07:00:00.000Z');
  });

  it('a report whose case ends without a first response (withdrawn by the reporter) leaves the board at the next sweep and is never escalated', async () => {
    clock = new Date('2025-04-08T01:00:00Z');
    const office = t.catalogue.office(BJM)!.id;
    await sweepEmergencies(t.ctx, office);
    const r = await reportEmergency(t.ctx, report({ location: { text: 'Dermaga Sungai Martapura' }, subject: { category: 'anak' } }), officer);
    assert.ok(r.ok);
    const c = (await findTrackedCase(t.ctx, r.value.registrationNumber, r.value.trackingCode))!;
    const w = await withdrawApplication(t.ctx, c, PUBLIC_ACTOR, 'Anak sudah dijemput keluarganya');
    assert.ok(w.ok, JSON.stringify(!w.ok && w.error));
    clock = new Date('2025-04-08T02:00:00Z'); // past the 45 minutes
    assert.deepEqual(await sweepEmergencies(t.ctx, office), { escalated: 0, closed: 1 });
    assert.ok(!(await showDispatchBoard(t.ctx, { ...kabid, officeId: office })).open.some((e) => e.registrationNumber === r.value.registrationNumber));
    assert.deepEqual(await sweepEmergencies(t.ctx, office), { escalated: 0, closed: 0 });
  });

  it('the report page logs the read of the reporter and subject before showing them', async () => {
    clock = new Date('2025-04-07T05:00:00Z');
    const r = await reportEmergency(t.ctx, report({ location: { text: 'Masjid Sabilal Muhtadin' } }), officer);
    assert.ok(r.ok);
    const d = await showEmergencyReport(t.ctx, kabid, r.value.registrationNumber);
    assert.ok(d.ok);
    assert.equal(d.value.reporter.name, 'Hj. Rusmini');
    const logged = await t.database.db.selectFrom('data_access_log').select(['record_id', 'purpose']).where('record_id', '=', d.value.applicationId).execute();
    assert.deepEqual(logged.map((l) => l.purpose), ['case-work']);
    const other = await actorFor(t.ctx, 'kepala-bidang@kota-jambi');
    const foreign = await showEmergencyReport(t.ctx, other, r.value.registrationNumber);
    assert.ok(!foreign.ok);
    assert.equal(foreign.error.kind, 'not-found');
    assert.ok(await findUserByUsername(t.database.db, `trc@${BJM}`));
  });

  it("with the office's assignment rule on, a report goes at once to the member on duty with an official ID and the fewest open reports; nobody fitting leaves it to the head of division", async () => {
    clock = new Date('2025-05-05T14:00:00Z'); // 22:00 WITA
    const assigned = async (n: string) =>
      (await t.database.db.selectFrom('emergency_assignments').innerJoin('emergency_reports', 'emergency_reports.id', 'emergency_assignments.report_id').select(['emergency_assignments.user_id', 'emergency_assignments.task', 'emergency_assignments.assigned_by']).where('emergency_reports.registration_number', '=', n).execute());
    assert.ok((await setEmergencySettings(t.ctx, kabid, { ...DEFAULT_SETTINGS, autoAssign: true })).ok);
    const nobody = await reportEmergency(t.ctx, report({ location: { text: 'Jembatan Dewi' }, subject: { category: 'anak' } }), officer);
    assert.ok(nobody.ok);
    assert.deepEqual(await assigned(nobody.value.registrationNumber), [], 'nobody on duty: the report waits for the head of division');
    // Two on duty tonight; only the TRC member has the official ID the decree asks (Jaminan Keamanan 1).
    assert.ok((await recordMemberCredentials(t.ctx, kabid, trc.id!, { officialId: 'TRC-BJM-007' })).ok);
    for (const member of [trc.id!, officer.id!]) assert.ok((await addDutyShift(t.ctx, kabid, { member, startsAt: '2025-05-05T13:00:00Z', endsAt: '2025-05-06T01:00:00Z' })).ok);
    const first = await reportEmergency(t.ctx, report({ location: { text: 'Siring Menara Pandang' }, subject: { category: 'gelandangan-pengemis' } }), officer);
    assert.ok(first.ok);
    assert.deepEqual(await assigned(first.value.registrationNumber), [{ user_id: trc.id!, task: 'penjangkauan', assigned_by: RULE_ACTOR }]);
    const events = await t.database.db.selectFrom('emergency_events').innerJoin('emergency_reports', 'emergency_reports.id', 'emergency_events.report_id').select(['emergency_events.data']).where('emergency_reports.registration_number', '=', first.value.registrationNumber).where('emergency_events.type', '=', 'assigned').execute();
    assert.equal(events.length, 1);
    assert.equal(JSON.parse(events[0]!.data).byRule, true);
    const audit = await t.database.db.selectFrom('audit_events').select(['actor', 'detail']).where('action', '=', 'emergency.assigned').where('actor', '=', RULE_ACTOR).execute();
    assert.ok(audit.some((a) => a.detail.includes(first.value.registrationNumber)), 'audited as the rule');
    // Once the second member has an ID too, the next report goes to whoever holds fewer open reports.
    assert.ok((await recordMemberCredentials(t.ctx, kabid, officer.id!, { officialId: 'TRC-BJM-011' })).ok);
    const second = await reportEmergency(t.ctx, report({ location: { text: 'Taman Kamboja' }, subject: { category: 'odgj' } }), officer);
    assert.ok(second.ok);
    assert.deepEqual((await assigned(second.value.registrationNumber)).map((a) => a.user_id), [officer.id!]);
    // Switched off again: the head of division assigns, as the decree has it.
    assert.ok((await setEmergencySettings(t.ctx, kabid, DEFAULT_SETTINGS)).ok);
    const third = await reportEmergency(t.ctx, report({ location: { text: 'Pasar Terapung Lok Baintan' }, subject: { category: 'lansia' } }), officer);
    assert.ok(third.ok);
    assert.deepEqual(await assigned(third.value.registrationNumber), []);
  });

  it("states on the board how often this month's reports got their first response within the decreed 45 minutes, counted from the reports", async () => {
    // May 2025 so far: the four reports of the test above (22:00 WITA, due 22:45), none answered.
    clock = new Date('2025-05-05T15:00:00Z');
    const office = t.catalogue.office(BJM)!.id;
    const r = await reportEmergency(t.ctx, report({ location: { text: 'Terminal Km 6' }, subject: { category: 'orang-terlantar' } }), officer);
    assert.ok(r.ok);
    clock = new Date('2025-05-05T15:20:00Z');
    assert.ok((await recordFirstResponse(t.ctx, trc, r.value.registrationNumber, { note: 'Bapak ditemukan di ruang tunggu terminal, diberi makan' })).ok);
    const board = await showDispatchBoard(t.ctx, { ...kabid, officeId: office });
    assert.deepEqual(board.month, { month: '2025-05', reports: 5, met: 1, late: 4, rate: 20 });
  });
});
