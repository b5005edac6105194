/**
 * The decreed cases a shelter stay files (issue 13 §1, §3): recording an intake files Banjarmasin 9
 * ("1 (satu) Hari"), the termination files Banjarmasin 10, each through the one intake in the stay's
 * own transaction, linked to the stay, on the decree's own procedure and clock (in the staff queue),
 * and nothing is filed when the shelter action is refused or loses a race.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DB } from '../support/db.js';
import { testCtx, type TestCtx } from '../support/ctx.js';
import { actorFor } from '../letters/helpers.js';
import type { Actor } from '../../src/usecases/context.js';
import { createShelter } from '../../src/usecases/shelters/create-shelter.js';
import { recordIntake } from '../../src/usecases/shelters/record-intake.js';
import { decideIntake } from '../../src/usecases/shelters/decide-intake.js';
import { checkInClient } from '../../src/usecases/shelters/check-in-client.js';
import { terminateStay } from '../../src/usecases/shelters/terminate-stay.js';
import { showStay } from '../../src/usecases/shelters/show-stay.js';
import { referToPanti } from '../../src/usecases/shelters/refer-to-panti.js';
import { taskQueue } from '../../src/usecases/applications/task-queue.js';

const BJM = 'kota-banjarmasin';

describe(`a shelter stay files its decreed cases (${TEST_DB})`, () => {
  let t: TestCtx;
  let clock = new Date('2025-03-03T02:00:00Z'); // Mon 3 Mar 2025 10:00 WITA
  let kabid: Actor;
  let pramu: Actor;
  let peksos: Actor;
  let shelterId: string;
  const caseOf = (registrationNumber: string) => t.ctx.database.db.selectFrom('applications').selectAll().where('registration_number', '=', registrationNumber).executeTakeFirstOrThrow();
  const count = async (table: 'applications' | 'shelter_stays' | 'shelter_stay_cases') => Number((await t.ctx.database.db.selectFrom(table).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  before(async () => {
    t = await testCtx({ now: () => clock });
    kabid = await actorFor(t.ctx, `kepala-bidang@${BJM}`);
    pramu = await actorFor(t.ctx, `pramu-sosial@${BJM}`);
    peksos = await actorFor(t.ctx, `pekerja-sosial@${BJM}`);
    const s = await createShelter(t.ctx, kabid, { name: 'Rumah Singgah Dinsos Banjarmasin', rooms: [{ name: 'Kamar Laki-laki', sex: 'male', category: 'umum', beds: 2 }] });
    assert.ok(s.ok, JSON.stringify(!s.ok && s.error));
    shelterId = s.value.id;
  });
  after(async () => t.close());

  let stayId = '';
  let intakeCase = '';
  it('a razia intake files Banjarmasin 9 ("1 (satu) Hari") for the client, with Satpol PP as the institution, on the decree\'s first step and in the pramu sosial\'s queue', async () => {
    const r = await recordIntake(t.ctx, pramu, { shelter: shelterId, source: 'razia', requester: 'Satpol PP Kota Banjarmasin', client: { name: 'Ahmad Fauzi', sex: 'male', category: 'gelandangan-pengemis', nik: '6371011506800003' }, healthy: true, note: 'Ditemukan di Pasar Sudimampir' });
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    stayId = r.value.id;
    assert.ok(r.value.case);
    intakeCase = r.value.case;
    const c = await caseOf(intakeCase);
    const svc = t.ctx.catalogue.service(BJM, 'penerimaan-klien-rumah-singgah')!;
    assert.equal(c.service_id, svc.service.id);
    assert.equal(c.initiator, 'institution');
    assert.equal(c.applicant_name, 'Ahmad Fauzi');
    assert.equal(c.applicant_nik, '6371011506800003');
    assert.equal(JSON.parse(c.applicant).reporter.name, 'Satpol PP Kota Banjarmasin');
    assert.equal(c.current_step, 'identifikasi-awal');
    assert.equal(c.status, 'open');
    // The clock starts at the request ("clockStarts: submission"), 1 day as encoded: due Tue 4 Mar.
    assert.equal(c.clock_started_at, '2025-03-03T02:00:00.000Z');
    assert.equal(c.due_at, '2025-03-04T02:00:00.000Z'); // Tue 4 Mar 10:00 WITA
    const q = await taskQueue(t.ctx, { id: pramu.id!, officeId: pramu.officeId!, roles: pramu.roles }, { limit: 50 });
    const item = q.items.find((i) => i.registrationNumber === intakeCase);
    assert.ok(item, 'the case waits in the pramu sosial\'s queue');
    assert.equal(item.step.id, 'identifikasi-awal');
    assert.equal(item.dueAt, c.due_at);
    const d = await showStay(t.ctx, peksos, stayId);
    assert.ok(d.ok);
    assert.deepEqual(d.value.cases.map((x) => [x.kind, x.registrationNumber, x.service, x.status]), [['intake', intakeCase, 'penerimaan-klien-rumah-singgah', 'open']]);
    assert.equal(d.value.cases[0]!.applicationId, c.id);
    assert.ok(d.value.events.some((e) => e.type === 'intake' && e.data.case === intakeCase));
    const audit = await t.ctx.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'shelter.intake').where('subject', '=', `shelter-stay:${stayId}`).executeTakeFirstOrThrow();
    assert.equal(JSON.parse(audit.detail).case, intakeCase);
  });

  it('a razia intake without the agency that brought the client is refused beside the requester field, and neither a stay nor a case is written', async () => {
    const [apps, stays] = [await count('applications'), await count('shelter_stays')];
    const r = await recordIntake(t.ctx, pramu, { shelter: shelterId, source: 'razia', client: { name: 'Belum diketahui (laki-laki, ±60 tahun)', sex: 'male', category: 'gelandangan-pengemis' }, healthy: true });
    assert.ok(!r.ok);
    assert.equal(r.error.kind, 'invalid');
    assert.deepEqual(r.error.problems.map((p) => [p.field, p.code]), [['requester', 'reporter-required']]);
    assert.equal(await count('applications'), apps);
    assert.equal(await count('shelter_stays'), stays);
  });

  it('a report from the public files Banjarmasin 9 as a citizen\'s request, without a NIK ("jika ada")', async () => {
    const r = await recordIntake(t.ctx, pramu, { shelter: shelterId, source: 'masyarakat', requester: 'Ketua RT 05 Kelurahan Pekapuran Raya', client: { name: 'Belum diketahui (laki-laki, ±60 tahun)', sex: 'male', category: 'orang-terlantar' }, healthy: true });
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    const c = await caseOf(r.value.case!);
    assert.equal(c.initiator, 'citizen');
    assert.equal(c.applicant_nik, null);
  });

  let termCase = '';
  it('the escort home files Banjarmasin 10 as the office\'s own request, without the family\'s pick-up documents, linked to the stay beside the intake case', async () => {
    const decided = await decideIntake(t.ctx, kabid, stayId, { decision: 'dapat-ditampung', assessment: 'Sehat, tidak ada keluarga di Banjarmasin' });
    assert.ok(decided.ok, JSON.stringify(!decided.ok && decided.error));
    const inn = await checkInClient(t.ctx, pramu, shelterId, { intake: stayId });
    assert.ok(inn.ok, JSON.stringify(!inn.ok && inn.error));
    clock = new Date('2025-03-10T03:00:00Z'); // Mon 10 Mar 11:00 WITA, day 7
    const r = await terminateStay(t.ctx, peksos, stayId, { ready: true, readiness: 'Keluarga di Kabupaten Banjar ditemukan dan bersedia menerima', kind: 'escort', destination: 'Martapura, Kabupaten Banjar', escort: { officer: 'Rahmat Hidayat', assignmentLetter: '800/112/RS/2025' }, belongingsReturned: true });
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.ok(r.value.case);
    termCase = r.value.case;
    const c = await caseOf(termCase);
    assert.equal(c.service_id, t.ctx.catalogue.service(BJM, 'terminasi-klien-rumah-singgah')!.service.id);
    assert.equal(c.initiator, 'office');
    assert.deepEqual(JSON.parse(c.answers), { 'cara-pemulangan': 'diantar-pramu-sosial', 'lama-menghuni': 7, 'sudah-intervensi': true });
    assert.equal(c.current_step, 'asesmen-kesiapan');
    assert.equal(c.clock_started_at, '2025-03-10T03:00:00.000Z');
    assert.equal(c.due_at, '2025-03-11T03:00:00.000Z'); // "1 (satu) Hari": Tue 11 Mar 11:00 WITA
    const d = await showStay(t.ctx, peksos, stayId);
    assert.ok(d.ok);
    assert.deepEqual(d.value.cases.map((x) => [x.kind, x.registrationNumber]), [['intake', intakeCase], ['termination', termCase]]);
    assert.ok(d.value.events.some((e) => e.type === 'terminated' && e.data.case === termCase));
  });

  it('a second termination of the same stay is a conflict and files no second case', async () => {
    const before = await count('shelter_stay_cases');
    const r = await terminateStay(t.ctx, peksos, stayId, { ready: true, readiness: 'ulang', kind: 'escort', destination: 'Martapura', escort: { officer: 'Rahmat Hidayat', assignmentLetter: '800/113/RS/2025' }, belongingsReturned: true });
    assert.ok(!r.ok);
    assert.equal(r.error.kind, 'conflict');
    assert.equal(await count('shelter_stay_cases'), before);
  });

  it('a family pick-up files Banjarmasin 10 with the family as the requester and their KTP/KK and surat penjamin recorded as shown', async () => {
    clock = new Date('2025-03-11T02:00:00Z');
    const inn = await checkInClient(t.ctx, pramu, shelterId, { client: { name: 'Rusdi', sex: 'male', category: 'orang-terlantar' }, source: 'lembaga', requester: 'RSUD Ulin Banjarmasin' });
    assert.ok(inn.ok, JSON.stringify(!inn.ok && inn.error));
    clock = new Date('2025-04-02T02:00:01Z'); // 22 days on: past "lebih dari 21 hari"
    const r = await terminateStay(t.ctx, peksos, inn.value.id, { ready: false, readiness: 'Belum pulih penuh; masa tinggal telah lewat batas', kind: 'family', destination: 'Kelurahan Kuin Utara, Banjarmasin', family: { name: 'Siti Rahmah', relationship: 'anak', document: 'kk', documentNumber: '6371010101100007', guaranteeLetter: true }, belongingsReturned: true });
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    const c = await caseOf(r.value.case!);
    assert.equal(c.initiator, 'citizen');
    assert.equal(JSON.parse(c.applicant).reporter.name, 'Siti Rahmah');
    assert.deepEqual(JSON.parse(c.answers), { 'cara-pemulangan': 'dijemput-keluarga', 'lama-menghuni': 22 });
    const shown = await t.ctx.database.db.selectFrom('attachments').select(['requirement_id', 'shown_to']).where('application_id', '=', c.id).orderBy('requirement_id').execute();
    assert.deepEqual(shown.map((a) => [a.requirement_id, a.shown_to]), [['ktp-kk-penjemput', peksos.name], ['surat-penjamin', peksos.name]]);
  });

  it('"Rujuk ke panti" without JKN-KIS or the client\'s photo is refused beside those fields and files nothing', async () => {
    clock = new Date('2025-04-07T01:00:00Z'); // Mon 7 Apr 2025 09:00 WITA
    const inn = await checkInClient(t.ctx, pramu, shelterId, { client: { name: 'Mulyadi', sex: 'male', category: 'disabilitas', nik: '6371022003750004' }, source: 'masyarakat', requester: 'Lurah Basirih' });
    assert.ok(inn.ok, JSON.stringify(!inn.ok && inn.error));
    pantiStay = inn.value.id;
    const before = await count('applications');
    const r = await referToPanti(t.ctx, peksos, pantiStay, { panti: 'UPTD Panti Sosial Bina Laras Budi Luhur, Banjarbaru', jknKis: false, documents: { ktpKk: true, photo: false, video: true } });
    assert.ok(!r.ok);
    assert.deepEqual(r.error.problems.map((p) => p.field).sort(), ['documents.photo', 'jknKis']);
    assert.equal(await count('applications'), before);
    const pramuTries = await referToPanti(t.ctx, pramu, pantiStay, { panti: 'UPTD Panti Sosial Bina Laras Budi Luhur, Banjarbaru', jknKis: true, documents: { ktpKk: true, photo: true, video: true } });
    assert.ok(!pramuTries.ok);
    assert.equal(pramuTries.error.kind, 'forbidden');
  });

  let pantiStay = '';
  it('"Rujuk ke panti" files Banjarmasin 11 for the client, waiting on the file check with its first stage clock ("Pengajuan Berkas Usulan : 3 (tiga) hari kerja"); the stay shows it and the client stays', async () => {
    const r = await referToPanti(t.ctx, peksos, pantiStay, { panti: 'UPTD Panti Sosial Bina Laras Budi Luhur, Banjarbaru', jknKis: true, documents: { ktpKk: true, photo: true, video: true }, note: 'Asesmen: membutuhkan rehabilitasi dalam panti' });
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    const c = await caseOf(r.value.case!);
    assert.equal(c.service_id, t.ctx.catalogue.service(BJM, 'rujukan-klien-ke-panti')!.service.id);
    assert.equal(c.initiator, 'official');
    assert.equal(c.applicant_name, 'Mulyadi');
    assert.equal(JSON.parse(c.applicant).reporter.institution, 'UPTD Panti Sosial Bina Laras Budi Luhur, Banjarbaru');
    assert.equal(c.current_step, 'periksa-berkas');
    // "clockStarts: file-complete": no overall limit; the stage clock of the file's submission runs from the file check.
    assert.equal(c.due_at, null);
    const stages = JSON.parse(c.stages) as { id: string; startedAt: string; dueAt: string | null }[];
    const first = stages.find((x) => x.id === 'pengajuan-berkas');
    assert.ok(first, c.stages);
    // Mon 7 Apr 2025 is cuti bersama (Idul Fitri 1446 H): three working days from Tue 8 Apr 08:00 end at Friday's close, 11:00 WITA.
    assert.equal(first.dueAt, '2025-04-11T03:00:00.000Z');
    const d = await showStay(t.ctx, peksos, pantiStay);
    assert.ok(d.ok);
    assert.equal(d.value.state, 'in-residence');
    // The client was checked in directly, which now files Banjarmasin 9 too (chain-outcomes.test.ts).
    assert.deepEqual(d.value.cases.map((x) => [x.kind, x.service]), [['intake', 'penerimaan-klien-rumah-singgah'], ['referral', 'rujukan-klien-ke-panti']]);
    assert.equal(d.value.cases[1]!.registrationNumber, r.value.case);
    assert.ok(d.value.events.some((e) => e.type === 'referred-to-panti' && e.data.case === r.value.case));
  });
});
