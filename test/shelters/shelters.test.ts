/**
 * Rumah singgah on a real database (issue 13 §3, DOMAIN.md §2 numbers): beds by sex and category (a
 * full 3-bed female ODGJ room refuses a 4th client unless overridden with a written reason), the stay
 * clock of Banjarmasin's "lebih dari 21 hari" at its edge, the over-limit list, termination with the
 * family's KTP and surat penjamin and a numbered berita acara, children's data restricted and every
 * read logged, and the chain from an emergency report to the termination.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DB } from '../support/db.js';
import { testCtx, type TestCtx } from '../support/ctx.js';
import { actorFor } from '../letters/helpers.js';
import type { Actor } from '../../src/usecases/context.js';
import { createShelter } from '../../src/usecases/shelters/create-shelter.js';
import { checkInClient } from '../../src/usecases/shelters/check-in-client.js';
import { showOccupancy } from '../../src/usecases/shelters/show-occupancy.js';
import { listOverLimit } from '../../src/usecases/shelters/list-over-limit.js';
import { terminateStay } from '../../src/usecases/shelters/terminate-stay.js';
import { downloadHandover, showStay } from '../../src/usecases/shelters/show-stay.js';
import { recordIntake } from '../../src/usecases/shelters/record-intake.js';
import { decideIntake } from '../../src/usecases/shelters/decide-intake.js';
import { logBasicService } from '../../src/usecases/shelters/log-basic-service.js';
import { verifyHandover } from '../../src/usecases/shelters/verify-handover.js';
import { reportEmergency } from '../../src/usecases/emergency/report-emergency.js';
import { showEmergencyReport } from '../../src/usecases/emergency/show-emergency-report.js';

const BJM = 'kota-banjarmasin';
/** A razia's agency: Banjarmasin 9's case of a direct check-in names who brought the client. */
const SATPOL = 'Satpol PP Kota Banjarmasin';

describe(`rumah singgah (${TEST_DB})`, () => {
  let t: TestCtx;
  let clock = new Date('2025-03-01T02:00:00Z'); // Sat 1 Mar 2025 10:00 WITA
  let kabid: Actor;
  let pramu: Actor;
  let peksos: Actor;
  let trc: Actor;
  let auditor: Actor;
  let shelterId: string;
  before(async () => {
    t = await testCtx({ now: () => clock });
    kabid = await actorFor(t.ctx, `kepala-bidang@${BJM}`);
    pramu = await actorFor(t.ctx, `pramu-sosial@${BJM}`);
    peksos = await actorFor(t.ctx, `pekerja-sosial@${BJM}`);
    trc = await actorFor(t.ctx, `trc@${BJM}`);
    auditor = await actorFor(t.ctx, `auditor@${BJM}`);
    const s = await createShelter(t.ctx, kabid, {
      name: 'Rumah Singgah Dinsos Banjarmasin',
      address: 'Jl. Sultan Adam, Banjarmasin Utara',
      rooms: [
        { name: 'Kamar ODGJ Perempuan', sex: 'female', category: 'odgj', beds: 3 },
        { name: 'Kamar Lansia Laki-laki', sex: 'male', category: 'lansia', beds: 2 },
        { name: 'Kamar Anak', sex: 'any', category: 'anak', beds: 2 },
      ],
    });
    assert.ok(s.ok, JSON.stringify(!s.ok && s.error));
    assert.equal(s.value.capacity, 7);
    shelterId = s.value.id;
  });
  after(async () => t.close());

  it('only the heads record a shelter', async () => {
    const r = await createShelter(t.ctx, pramu, { name: 'Rumah Singgah Kedua', rooms: [{ name: 'A', sex: 'any', category: 'umum', beds: 1 }] });
    assert.ok(!r.ok);
    assert.equal(r.error.kind, 'forbidden');
  });

  let firstStay = '';
  it('a stay checked in at 10:00 WITA on 1 Mar 2025 is not eligible at 22 Mar 10:00:00 (exactly 21 days), eligible at 10:00:01 ("lebih dari 21 hari")', async () => {
    const r = await checkInClient(t.ctx, pramu, shelterId, { client: { name: 'Siti Aminah', sex: 'female', category: 'odgj' }, source: 'razia', requester: 'Satpol PP Kota Banjarmasin', belongings: [{ item: 'Tas kain berisi pakaian', quantity: 1 }, { item: 'Sandal jepit', quantity: 1 }] });
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    firstStay = r.value.id;
    assert.equal(r.value.checkedInAt, '2025-03-01T02:00:00.000Z');
    assert.equal(r.value.limitDays, 21);
    assert.equal(r.value.eligibleForTerminationAt, '2025-03-22T02:00:01.000Z');
    assert.equal(r.value.bed?.room, 'Kamar ODGJ Perempuan');

    const stateAt = async (iso: string) => {
      clock = new Date(iso);
      const d = await showStay(t.ctx, peksos, firstStay);
      assert.ok(d.ok);
      return d.value.clock!;
    };
    assert.equal((await stateAt('2025-03-15T01:59:59Z')).state, 'within', 'day 14 minus a second: no reminder yet');
    assert.deepEqual([(await stateAt('2025-03-15T02:00:00Z')).state, (await stateAt('2025-03-15T02:00:00Z')).warnedAtDay], ['warning', 14]);
    assert.equal((await stateAt('2025-03-19T02:00:00Z')).warnedAtDay, 18);
    assert.equal((await stateAt('2025-03-22T01:59:59Z')).state, 'warning', 'day 21 10:00 minus a second');
    const exact = await stateAt('2025-03-22T02:00:00Z');
    assert.equal(exact.state, 'warning', 'exactly 21 days is not "lebih dari 21 hari"');
    assert.equal(exact.daysStayed, 21);
    assert.equal((await stateAt('2025-03-22T02:00:01Z')).state, 'eligible');

    // The over-limit list follows the same edge.
    clock = new Date('2025-03-22T02:00:00Z');
    let over = await listOverLimit(t.ctx, kabid);
    assert.ok(over.ok);
    assert.deepEqual(over.value.stays.map((s) => s.id), []);
    clock = new Date('2025-03-22T02:00:01Z');
    over = await listOverLimit(t.ctx, kabid);
    assert.ok(over.ok);
    assert.deepEqual(over.value.stays.map((s) => s.id), [firstStay]);
    assert.equal(over.value.limitText, 'Atau Klien yang telah menghuni Rumah Singgah lebih dari 21 hari');
  });

  it('a 3-bed female ODGJ room with 3 occupants refuses a 4th check-in; an override needs a written reason and is audited', async () => {
    clock = new Date('2025-03-22T13:00:00Z'); // 21:00 WITA
    for (const name of ['Rahmah', 'Nurul Huda']) {
      const r = await checkInClient(t.ctx, pramu, shelterId, { client: { name, sex: 'female', category: 'odgj' }, requester: SATPOL });
      assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    }
    const fourth = await checkInClient(t.ctx, pramu, shelterId, { client: { name: 'Jamilah', sex: 'female', category: 'odgj' }, requester: SATPOL });
    assert.ok(!fourth.ok);
    assert.equal(fourth.error.kind, 'conflict');
    assert.equal(fourth.error.problems[0]?.code, 'no-fitting-bed');
    assert.equal(fourth.error.problems[0]?.field, 'bed');
    // A male lansia bed is free, but does not fit her.
    const occ = await showOccupancy(t.ctx, pramu, shelterId);
    assert.ok(occ.ok && occ.value);
    assert.deepEqual([occ.value.capacity, occ.value.occupied, occ.value.free], [7, 3, 4]);
    const maleBed = occ.value.rooms.find((r) => r.name === 'Kamar Lansia Laki-laki')!.beds[0]!.id;
    const wrongBed = await checkInClient(t.ctx, pramu, shelterId, { client: { name: 'Jamilah', sex: 'female', category: 'odgj' }, requester: SATPOL, bed: maleBed });
    assert.ok(!wrongBed.ok);
    assert.equal(wrongBed.error.problems[0]?.code, 'bed-does-not-fit');
    const short = await checkInClient(t.ctx, pramu, shelterId, { client: { name: 'Jamilah', sex: 'female', category: 'odgj' }, requester: SATPOL, overrideReason: 'darurat' });
    assert.ok(!short.ok);
    assert.equal(short.error.problems[0]?.field, 'overrideReason');
    const over = await checkInClient(t.ctx, pramu, shelterId, { client: { name: 'Jamilah', sex: 'female', category: 'odgj' }, requester: SATPOL, overrideReason: 'Malam hari, RSJ Sambang Lihum penuh; kasur tambahan di ruang aman sampai besok pagi' });
    assert.ok(over.ok, JSON.stringify(!over.ok && over.error));
    assert.equal(over.value.bed, null);
    assert.equal(over.value.override, true);
    const audit = await t.database.db.selectFrom('audit_events').select(['action', 'detail']).where('subject', '=', `shelter-stay:${over.value.id}`).execute();
    assert.deepEqual(audit.map((a) => a.action), ['shelter.check-in-override']);
    assert.match(audit[0]!.detail, /RSJ Sambang Lihum penuh/);
    const after = await showOccupancy(t.ctx, pramu, shelterId);
    assert.ok(after.ok && after.value);
    assert.deepEqual([after.value.occupied, after.value.overflow.length], [3, 1]);
  });

  it('basic services are logged on the stay; the auditor reads but may not act', async () => {
    const r = await logBasicService(t.ctx, pramu, firstStay, { kind: 'permakanan', note: 'Makan malam' });
    assert.ok(r.ok);
    const refused = await logBasicService(t.ctx, auditor, firstStay, { kind: 'sandang' });
    assert.ok(!refused.ok);
    assert.equal(refused.error.kind, 'forbidden');
    const d = await showStay(t.ctx, auditor, firstStay);
    assert.ok(d.ok);
    assert.ok(d.value.events.some((e) => e.type === 'service' && e.data.kind === 'permakanan'));
  });

  it('termination by the family needs their KTP/KK and the surat penjamin bermaterai, hands back the belongings and issues a numbered berita acara with a QR link that reveals no name', async () => {
    clock = new Date('2025-03-23T02:00:00Z');
    const base = { ready: false, readiness: 'Kondisi stabil, keluarga di Kelayan siap menerima', kind: 'family' as const, destination: 'Jl. Kelayan B, Banjarmasin Selatan', belongingsReturned: false };
    const missing = await terminateStay(t.ctx, peksos, firstStay, { ...base, family: { name: 'Ahmad Fauzi', relationship: 'adik', document: 'ktp', documentNumber: '', guaranteeLetter: false } });
    assert.ok(!missing.ok);
    assert.deepEqual(missing.error.problems.map((p) => p.field).sort(), ['belongingsReturned', 'family.documentNumber', 'family.guaranteeLetter']);
    const denied = await terminateStay(t.ctx, pramu, firstStay, { ...base, belongingsReturned: true, family: { name: 'Ahmad Fauzi', document: 'ktp', documentNumber: '6371010101800001', guaranteeLetter: true } });
    assert.ok(!denied.ok);
    assert.equal(denied.error.kind, 'forbidden');
    const r = await terminateStay(t.ctx, peksos, firstStay, { ...base, belongingsReturned: true, family: { name: 'Ahmad Fauzi', relationship: 'adik', document: 'ktp', documentNumber: '6371010101800001', guaranteeLetter: true } });
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.match(r.value.number, /^400\.9\/\d{4}\/Dinsos\/2025$/);
    const pdf = await downloadHandover(t.ctx, peksos, firstStay);
    assert.ok(pdf.ok);
    assert.equal(pdf.value.pdf.subarray(0, 5).toString(), '%PDF-');
    const token = r.value.verifyUrl.split('/').at(-1)!;
    const v = await verifyHandover(t.ctx, token);
    assert.ok(v.ok);
    assert.equal(v.value.number, r.value.number);
    assert.ok(!JSON.stringify(v.value).includes('Siti'));
    const occ = await showOccupancy(t.ctx, pramu, shelterId);
    assert.ok(occ.ok && occ.value);
    assert.equal(occ.value.occupied, 2, 'her bed is free again');
    const again = await terminateStay(t.ctx, peksos, firstStay, { ...base, belongingsReturned: true, family: { name: 'Ahmad Fauzi', document: 'ktp', documentNumber: '6371010101800001', guaranteeLetter: true } });
    assert.ok(!again.ok);
    assert.equal(again.error.kind, 'conflict');
  });

  it('before the limit a client leaves only when the assessment finds them ready; an escort carries a surat tugas', async () => {
    const r = await checkInClient(t.ctx, pramu, shelterId, { client: { name: 'Abdul Gani', sex: 'male', category: 'lansia' }, requester: SATPOL });
    assert.ok(r.ok);
    const notYet = await terminateStay(t.ctx, peksos, r.value.id, { ready: false, readiness: 'Belum ada keluarga ditemukan', kind: 'escort', destination: 'Kec. Alalak, Barito Kuala', escort: { officer: 'Rudi', assignmentLetter: '' }, belongingsReturned: false });
    assert.ok(!notYet.ok);
    assert.deepEqual(notYet.error.problems.map((p) => p.code).sort(), ['assignment-letter-required', 'not-eligible']);
    const ok = await terminateStay(t.ctx, peksos, r.value.id, { ready: true, readiness: 'Keluarga di Alalak ditemukan dan siap menerima', kind: 'escort', destination: 'Kec. Alalak, Barito Kuala', escort: { officer: 'Rudi Hartono', assignmentLetter: '800/112/Dinsos/2025' }, belongingsReturned: false });
    assert.ok(ok.ok, JSON.stringify(!ok.ok && ok.error));
  });

  it("a child's stay is specific personal data: the pramu sosial is refused, the social worker's view is logged with its purpose", async () => {
    const r = await checkInClient(t.ctx, pramu, shelterId, { client: { name: 'Muhammad Rizky', sex: 'male', category: 'anak', birthDate: '2012-06-02' }, requester: SATPOL });
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.equal(r.value.bed?.room, 'Kamar Anak');
    const refused = await showStay(t.ctx, pramu, r.value.id);
    assert.ok(!refused.ok);
    assert.equal(refused.error.problems[0]?.code, 'child-data-restricted');
    const d = await showStay(t.ctx, peksos, r.value.id);
    assert.ok(d.ok);
    assert.equal(d.value.child, true);
    const log = await t.database.db.selectFrom('data_access_log').select(['purpose', 'record_kind', 'detail']).where('record_id', '=', r.value.id).execute();
    assert.equal(log.length, 1);
    assert.equal(log[0]!.purpose, 'shelter-care');
    assert.match(log[0]!.detail, /child/);
  });

  it('one chain: an emergency report referred by the TRC → intake decided "dapat ditampung" → check-in → termination written into the report', async () => {
    clock = new Date('2025-03-23T14:10:00Z'); // 22:10 WITA
    const officer = await actorFor(t.ctx, `pengelola-pengaduan@${BJM}`);
    const rep = await reportEmergency(t.ctx, { office: BJM, service: 'kedaruratan-ppks', channel: 'phone', location: { text: 'Bawah Jembatan Antasari, Banjarmasin Tengah' }, description: 'Ibu paruh baya kebingungan, tidak tahu alamat rumahnya', reporter: { name: 'Hj. Rusmini', phone: '0812 5123 4470' }, subject: { category: 'orang-terlantar' }, answers: { 'lokasi-di-banjarmasin': true } }, officer);
    assert.ok(rep.ok, JSON.stringify(!rep.ok && rep.error));
    const intake = await recordIntake(t.ctx, trc, { shelter: shelterId, source: 'emergency', emergencyReport: rep.value.registrationNumber, client: { name: 'Belum diketahui (Ibu, ±45 th)', sex: 'female', category: 'orang-terlantar' }, healthy: true });
    assert.ok(intake.ok, JSON.stringify(!intake.ok && intake.error));
    const early = await checkInClient(t.ctx, pramu, shelterId, { intake: intake.value.id });
    assert.ok(!early.ok);
    assert.equal(early.error.problems[0]?.code, 'intake-not-accepted');
    const refer = await decideIntake(t.ctx, kabid, intake.value.id, { decision: 'rujukan-lain', assessment: 'x' });
    assert.ok(!refer.ok);
    assert.equal(refer.error.problems[0]?.field, 'referredTo');
    const yes = await decideIntake(t.ctx, kabid, intake.value.id, { decision: 'dapat-ditampung', assessment: 'Sehat jasmani, perlu penelusuran keluarga' });
    assert.ok(yes.ok);
    // "umum" beds: none; the female ODGJ room does not take her category: an override places her.
    const c = await checkInClient(t.ctx, pramu, shelterId, { intake: intake.value.id, overrideReason: 'Belum ada kamar orang terlantar perempuan; sementara di ruang aman' });
    assert.ok(c.ok, JSON.stringify(!c.ok && c.error));
    assert.equal(c.value.id, intake.value.id, 'the intake becomes the stay');
    clock = new Date('2025-03-25T03:00:00Z');
    const end = await terminateStay(t.ctx, peksos, c.value.id, { ready: true, readiness: 'Keluarga ditemukan melalui RT setempat', kind: 'family', destination: 'Kel. Pekapuran Raya', family: { name: 'Samsul Bahri', relationship: 'suami', document: 'kk', documentNumber: '6371031505090007', guaranteeLetter: true }, belongingsReturned: false });
    assert.ok(end.ok, JSON.stringify(!end.ok && end.error));
    const report = await showEmergencyReport(t.ctx, kabid, rep.value.registrationNumber);
    assert.ok(report.ok);
    assert.deepEqual(report.value.events.map((e) => e.type).filter((x) => x.startsWith('shelter')), ['shelter-referral', 'shelter-terminated']);
    const d = await showStay(t.ctx, peksos, c.value.id);
    assert.ok(d.ok);
    assert.equal(d.value.emergencyReport, rep.value.registrationNumber);
  });
});
