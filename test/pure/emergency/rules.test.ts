/** The emergency rules without a database: first-response states at their edges, escalation, the SIM rule, countdowns, duplicates. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ageText, countdownText, credentialProblems, distanceMetres, escalationFor, escalationStep, firstResponseState, MAX_REMINDERS, isEmergencyService, pickResponder, sameIncident, type Candidate } from '../../../src/domain/emergency/index.js';

const report = { reportedAt: '2025-03-28T08:30:00.000Z', dueAt: '2025-03-28T09:15:00.000Z', respondedAt: null };
const at = (mmss: string) => `2025-03-28T09:${mmss}Z`;

describe('emergency rules', () => {
  it('is on time until 33 min 45 s, at risk from then, breached only after 45 min 00 s', () => {
    assert.equal(firstResponseState(report, '2025-03-28T09:03:44.999Z', 0.75), 'on-time');
    assert.equal(firstResponseState(report, '2025-03-28T09:03:45.000Z', 0.75), 'at-risk');
    assert.equal(firstResponseState(report, at('15:00.000'), 0.75), 'at-risk');
    assert.equal(firstResponseState(report, at('15:00.001'), 0.75), 'breached');
    // The office's own threshold: at risk from half the time.
    assert.equal(firstResponseState(report, '2025-03-28T08:52:30.000Z', 0.5), 'at-risk');
  });

  it('a response is met up to the due time itself, late after it, and a service without a limit has none', () => {
    assert.equal(firstResponseState({ ...report, respondedAt: at('15:00.000') }, at('59:00.000'), 0.75), 'met');
    assert.equal(firstResponseState({ ...report, respondedAt: at('15:01.000') }, at('59:00.000'), 0.75), 'met-late');
    assert.equal(firstResponseState({ ...report, dueAt: null }, at('59:00.000'), 0.75), 'no-limit');
  });

  it('escalates at risk to the head of division and breached to the head of office', () => {
    assert.deepEqual((['on-time', 'at-risk', 'breached', 'met'] as const).map(escalationFor), ['none', 'kepala-bidang', 'kepala-dinas', 'none']);
  });

  it('refuses a member without an official ID for any task, and without a valid SIM for pick-up and escort only', () => {
    const today = '2025-03-28';
    assert.deepEqual(credentialProblems(null, 'penjangkauan', today).map((p) => p.code), ['official-id-missing']);
    const idOnly = { officialId: 'TRC-BJM-007', licence: null, licenceValidUntil: null };
    assert.deepEqual(credentialProblems(idOnly, 'penjangkauan', today), []);
    assert.deepEqual(credentialProblems(idOnly, 'penjemputan', today).map((p) => p.code), ['licence-missing']);
    assert.deepEqual(credentialProblems(idOnly, 'pengantaran', today).map((p) => p.code), ['licence-missing']);
    const expired = { ...idOnly, licence: 'SIM A', licenceValidUntil: '2025-03-27' };
    assert.deepEqual(credentialProblems(expired, 'penjemputan', today).map((p) => p.code), ['licence-expired']);
    assert.deepEqual(credentialProblems({ ...expired, licenceValidUntil: today }, 'penjemputan', today), [], 'valid through its last day');
  });

  it('writes countdowns and ages in whole minutes, in both languages', () => {
    assert.equal(countdownText(38 * 60_000, 'id'), '38 mnt');
    assert.equal(countdownText(38 * 60_000 + 59_999, 'en'), '38 min');
    assert.equal(countdownText(-3 * 60_000, 'id'), '−3 mnt');
    assert.equal(countdownText(125 * 60_000, 'en'), '2 h 05 min');
    assert.equal(ageText('2025-03-28T08:30:00Z', '2025-03-29T10:45:00Z', 'id'), '1 hari 2 jam 15 menit');
  });

  it('takes the same place and person within the window as the same incident, whatever the spelling of case and punctuation', () => {
    const a = { locationText: 'Halte Jl. A. Yani km 6', subjectName: 'Pak Udin', category: 'disabilitas', reportedAt: '2025-04-06T01:00:00Z' };
    assert.ok(sameIncident(a, { ...a, locationText: 'halte jl a yani KM 6', subjectName: null, reportedAt: '2025-04-06T03:00:00Z' }, 120));
    assert.ok(!sameIncident(a, { ...a, reportedAt: '2025-04-06T03:00:01Z' }, 120));
    assert.ok(!sameIncident(a, { ...a, subjectName: 'Bu Ijah' }, 120));
    assert.ok(!sameIncident(a, { ...a, category: 'lansia' }, 120));
  });

  it('knows the emergency services by their decreed title', () => {
    assert.ok(isEmergencyService({ title: 'Pelayanan Kedaruratan bagi Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)' }));
    assert.ok(isEmergencyService({ title: 'Layanan Kedaruratan' }));
    assert.ok(!isEmergencyService({ title: 'Fasilitasi Pemulangan Orang Terlantar' }));
  });

  it('two reports with coordinates are at the same place within the radius, whatever their place texts say; without coordinates the texts decide', () => {
    // Pasar Lama, Banjarmasin: 0.001° of latitude is about 111 m.
    assert.ok(Math.abs(distanceMetres({ lat: -3.3186, lng: 114.5944 }, { lat: -3.3196, lng: 114.5944 }) - 111.2) < 0.5);
    const a = { locationText: 'Depan Pasar Lama', lat: -3.3186, lng: 114.5944, subjectName: null, category: 'lansia', reportedAt: '2025-04-06T01:00:00Z' };
    assert.ok(sameIncident(a, { ...a, locationText: 'Emperan toko Jl. Pasar Baru', lat: -3.3196 }, 120, 200), '111 m, different words: the same place');
    assert.ok(!sameIncident(a, { ...a, lat: -3.3216 }, 120, 200), '334 m, the same words: not the same place');
    assert.ok(sameIncident(a, { ...a, lat: -3.3216 }, 120, 400), 'unless the office set a wider radius');
    assert.ok(sameIncident(a, { ...a, lat: null, lng: null }, 120, 200), 'one without coordinates: the texts decide');
    assert.ok(!sameIncident(a, { ...a, lat: null, lng: null, locationText: 'Pasar Baru' }, 120, 200));
  });

  it('the assignment rule picks the member on duty whose credentials allow the task, with the fewest open reports, then the longest on shift', () => {
    const id = { officialId: 'TRC-BJM-007', licence: null, licenceValidUntil: null };
    const m = (name: string, over: Partial<Candidate> = {}): Candidate => ({ userId: name, name, onShiftSince: '2025-05-05T13:00:00Z', credentials: id, openAssignments: 0, ...over });
    const today = '2025-05-05';
    assert.equal(pickResponder([m('Ahmad', { openAssignments: 2 }), m('Rahmat', { openAssignments: 1 })], 'penjangkauan', today)?.name, 'Rahmat');
    assert.equal(pickResponder([m('Ahmad', { onShiftSince: '2025-05-05T12:00:00Z' }), m('Rahmat')], 'penjangkauan', today)?.name, 'Ahmad', 'a tie: the longest on shift');
    assert.equal(pickResponder([m('Ahmad', { onShiftSince: null }), m('Rahmat', { credentials: null }), m('Yusuf', { openAssignments: 9 })], 'penjangkauan', today)?.name, 'Yusuf', 'off duty or without an official ID: never picked');
    assert.equal(pickResponder([m('Rahmat')], 'penjemputan', today), null, 'a pick-up needs a SIM: nobody fits, the head of division decides');
    assert.equal(pickResponder([], 'penjangkauan', today), null);
  });

  it('an escalation unacknowledged for the office interval goes to the head of office; an acknowledged one waits for the breach; the head of office is reminded at most MAX_REMINDERS times', () => {
    const at = (m: number, s = 0) => new Date(Date.parse('2025-04-05T02:00:00Z') + (m * 60 + s) * 1000).toISOString();
    const kabid = { escalation: 'kepala-bidang', acknowledgedLevel: 'none', escalatedAt: at(33, 45), notifiedAt: at(33, 45), reminders: 0 };
    assert.deepEqual(escalationStep({ ...kabid, escalation: 'none', escalatedAt: null, notifiedAt: null }, 'at-risk', at(33, 45), 10), { kind: 'escalate', to: 'kepala-bidang', reason: 'at-risk' });
    assert.equal(escalationStep(kabid, 'at-risk', at(43, 44), 10), null, '9 min 59 s: still the head of division\'s to acknowledge');
    assert.deepEqual(escalationStep(kabid, 'at-risk', at(43, 45), 10), { kind: 'escalate', to: 'kepala-dinas', reason: 'unacknowledged' }, '10 min: the head of office is told, 1 min 15 s before the breach');
    const acked = { ...kabid, acknowledgedLevel: 'kepala-bidang' };
    assert.equal(escalationStep(acked, 'at-risk', at(44, 59), 10), null, 'acknowledged: no notice onward');
    assert.deepEqual(escalationStep(acked, 'breached', at(45, 0.001), 10), { kind: 'escalate', to: 'kepala-dinas', reason: 'breached' }, 'a breach reaches the head of office all the same');
    const kadis = { ...kabid, escalation: 'kepala-dinas', escalatedAt: at(45, 1), notifiedAt: at(45, 1) };
    assert.equal(escalationStep(kadis, 'breached', at(55, 0), 10), null);
    assert.deepEqual(escalationStep(kadis, 'breached', at(55, 1), 10), { kind: 'remind' });
    assert.deepEqual(escalationStep({ ...kadis, reminders: MAX_REMINDERS - 1, notifiedAt: at(75, 1) }, 'breached', at(85, 1), 10), { kind: 'remind' });
    assert.equal(escalationStep({ ...kadis, reminders: MAX_REMINDERS, notifiedAt: at(85, 1) }, 'breached', at(200), 10), null, 'no flood');
    assert.equal(escalationStep({ ...kadis, acknowledgedLevel: 'kepala-dinas' }, 'breached', at(200), 10), null, 'acknowledged by the head of office: silence');
    assert.equal(escalationStep({ ...kabid, escalatedAt: null, notifiedAt: null }, 'at-risk', at(44), 10), null, 'escalated before times were kept: only a breach moves it on');
  });
});
