/**
 * The reporter of an emergency told through the outbox, only through the channels they chose on the
 * report form (issue 13 §1 and §3, docs/NOTIFICATIONS.md): the receipt, the shelter's decision
 * (Banjarmasin 9 step 5, "Pemberian Informasi penerimaan calon klien kepada … masyarakat yang
 * melakukan permohonan"), the client's return home, and the report's case closed — each once, in the
 * event's transaction, never with the person's name. A reporter who chose nothing is told nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DB } from '../support/db.js';
import { testCtx, type TestCtx } from '../support/ctx.js';
import { actorFor, driveUntil } from '../letters/helpers.js';
import type { Actor } from '../../src/usecases/context.js';
import { reportEmergency, type EmergencyInput } from '../../src/usecases/emergency/report-emergency.js';
import { createShelter } from '../../src/usecases/shelters/create-shelter.js';
import { recordIntake } from '../../src/usecases/shelters/record-intake.js';
import { decideIntake } from '../../src/usecases/shelters/decide-intake.js';
import { checkInClient } from '../../src/usecases/shelters/check-in-client.js';
import { terminateStay } from '../../src/usecases/shelters/terminate-stay.js';

const BJM = 'kota-banjarmasin';
const report = (reporter: EmergencyInput['reporter']): EmergencyInput => ({
  office: BJM,
  service: 'kedaruratan-ppks',
  channel: 'phone',
  location: { text: 'Bawah Jembatan Antasari, Banjarmasin Tengah' },
  description: 'Ibu paruh baya kebingungan sejak sore, tidak tahu alamat rumahnya',
  reporter,
  subject: { name: 'Siti Jubaidah', category: 'orang-terlantar' },
  answers: { 'lokasi-di-banjarmasin': true },
});

describe(`the reporter told of the shelter and the report's end (${TEST_DB})`, () => {
  let t: TestCtx;
  const clock = new Date('2025-03-28T14:40:00Z');
  let officer: Actor;
  let shelter = '';
  before(async () => {
    t = await testCtx({ now: () => clock });
    officer = await actorFor(t.ctx, `pengelola-pengaduan@${BJM}`);
    const s = await createShelter(t.ctx, await actorFor(t.ctx, `kepala-bidang@${BJM}`), { name: 'Rumah Singgah Dinsos Banjarmasin', rooms: [{ name: 'Kamar Perempuan', sex: 'female', category: 'orang-terlantar', beds: 2 }] });
    assert.ok(s.ok);
    shelter = s.value.id;
  });
  after(async () => t.close());

  const outboxOf = async (registrationNumber: string) => {
    const app = await t.database.db.selectFrom('applications').select('id').where('registration_number', '=', registrationNumber).executeTakeFirstOrThrow();
    return t.database.db.selectFrom('outbox').select(['kind', 'channel', 'recipient', 'subject', 'body']).where('application_id', '=', app.id).orderBy('created_at').orderBy('kind').execute();
  };

  const throughShelter = async (registrationNumber: string, decision: 'dapat-ditampung' | 'rujukan-lain') => {
    const intake = await recordIntake(t.ctx, await actorFor(t.ctx, `trc@${BJM}`), { shelter, source: 'emergency', emergencyReport: registrationNumber, client: { name: 'Siti Jubaidah', sex: 'female', category: 'orang-terlantar' }, healthy: true });
    assert.ok(intake.ok);
    const d = await decideIntake(t.ctx, await actorFor(t.ctx, `kepala-bidang@${BJM}`), intake.value.id, decision === 'rujukan-lain' ? { decision, assessment: 'Membutuhkan perawatan jiwa', referredTo: 'RSJ Sambang Lihum' } : { decision, assessment: 'Sehat jasmani' });
    assert.ok(d.ok, JSON.stringify(!d.ok && d.error));
    return intake.value.id;
  };

  it('a reporter who chose e-mail gets the receipt, "housed in the shelter", "returned home" and the closed case, each once, without the name', async () => {
    const r = await reportEmergency(t.ctx, report({ name: 'Hj. Rusmini', phone: '0812 5123 4470', email: 'rusmini@contoh.id', notify: { channels: ['email'] } }), officer);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    const stay = await throughShelter(r.value.registrationNumber, 'dapat-ditampung');
    const c = await checkInClient(t.ctx, await actorFor(t.ctx, `pramu-sosial@${BJM}`), shelter, { intake: stay });
    assert.ok(c.ok);
    const end = await terminateStay(t.ctx, await actorFor(t.ctx, `pekerja-sosial@${BJM}`), stay, { ready: true, readiness: 'Keluarga ditemukan', kind: 'family', destination: 'Kel. Kelayan Tengah', family: { name: 'Samsul Bahri', document: 'kk', documentNumber: '6371031505090007', guaranteeLetter: true }, belongingsReturned: false });
    assert.ok(end.ok);
    const app = await t.database.db.selectFrom('applications').select('id').where('registration_number', '=', r.value.registrationNumber).executeTakeFirstOrThrow();
    await driveUntil(t.ctx, app.id, () => false, BJM);
    const rows = await outboxOf(r.value.registrationNumber);
    assert.deepEqual(rows.map((x) => x.kind).sort(), ['decision', 'receipt', 'shelter-decision', 'shelter-terminated']);
    assert.ok(rows.every((x) => x.channel === 'email' && x.recipient === 'rusmini@contoh.id'));
    const housed = rows.find((x) => x.kind === 'shelter-decision')!;
    assert.match(housed.subject, /diterima di rumah singgah/);
    assert.match(housed.body, /dapat ditampung di rumah singgah Dinas Sosial Kota Banjarmasin/);
    assert.match(rows.find((x) => x.kind === 'shelter-terminated')!.body, /dipulangkan\/direunifikasi/);
    for (const x of rows) assert.ok(!x.body.includes('Siti') && !x.subject.includes('Siti'), `${x.kind}: no name`);
  });

  it('a referral elsewhere is told as such, without the place; a reporter who chose no channel is told nothing', async () => {
    const r = await reportEmergency(t.ctx, report({ name: 'Pak RT 12', phone: '0813 4800 1212', notify: { channels: ['sms'] } }), officer);
    assert.ok(r.ok);
    await throughShelter(r.value.registrationNumber, 'rujukan-lain');
    const rows = await outboxOf(r.value.registrationNumber);
    assert.deepEqual(rows.map((x) => [x.kind, x.channel, x.recipient]), [
      ['receipt', 'sms', '0813 4800 1212'],
      ['shelter-decision', 'sms', '0813 4800 1212'],
    ]);
    assert.ok(!rows[1]!.body.includes('Sambang Lihum'));
    const silent = await reportEmergency(t.ctx, report({ name: 'Warga', phone: '0813 0000 1111' }), officer);
    assert.ok(silent.ok);
    await throughShelter(silent.value.registrationNumber, 'dapat-ditampung');
    assert.deepEqual(await outboxOf(silent.value.registrationNumber), []);
  });

  it('a channel chosen without its address is refused beside the reporter field', async () => {
    const r = await reportEmergency(t.ctx, report({ name: 'Hj. Rusmini', notify: { channels: ['email'] } }), officer);
    assert.ok(!r.ok);
    assert.deepEqual(r.error.problems.map((p) => [p.field, p.code]), [['reporter.email', 'email-required-for-channel']]);
  });
});
