/**
 * The escalated head's acknowledgement on the dispatch board (issue 13 §1), on a real database:
 * unacknowledged escalations first with how long they wait; the head of division's acknowledgement
 * (with an order) stops the escalation onward, a breach still reaches the head of office; silence
 * for the office's interval (10 min) tells the head of office, who is reminded at most three times;
 * two acknowledgements at once and two processes sweeping at once each write once.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { TEST_DB } from '../support/db.js';
import { testCtx, type TestCtx } from '../support/ctx.js';
import { nodeEntry } from '../support/paths.js';
import { actorFor } from '../letters/helpers.js';
import type { Actor } from '../../src/usecases/context.js';
import { reportEmergency, type EmergencyInput } from '../../src/usecases/emergency/report-emergency.js';
import { acknowledgeEscalation } from '../../src/usecases/emergency/acknowledge-escalation.js';
import { recordMemberCredentials } from '../../src/usecases/emergency/record-member-credentials.js';
import { showDispatchBoard } from '../../src/usecases/emergency/show-dispatch-board.js';
import { sweepEmergencies } from '../../src/usecases/emergency/sweep-emergencies.js';
import { setEmergencySettings } from '../../src/usecases/emergency/set-emergency-settings.js';
import { DEFAULT_SETTINGS } from '../../src/domain/emergency/index.js';

const BJM = 'kota-banjarmasin';
const report = (place: string, reportedAt: string, over: Partial<EmergencyInput> = {}): EmergencyInput => ({
  office: BJM,
  service: 'kedaruratan-ppks',
  channel: 'phone',
  reportedAt,
  location: { text: place },
  description: 'Seorang bapak tanpa identitas terlihat bingung dan tidak makan sejak pagi',
  reporter: { name: 'Rahmadi', phone: '0813 4870 2211' },
  subject: { category: 'orang-terlantar' },
  answers: { 'lokasi-di-banjarmasin': true },
  ...over,
});

describe(`emergency: the escalated head acknowledges on the board (${TEST_DB})`, () => {
  let t: TestCtx;
  let clock = new Date('2025-04-05T02:00:00Z');
  let officer: Actor;
  let kabid: Actor;
  let kadis: Actor;
  let trc: Actor;
  let office = '';
  const at = (hhmmss: string) => (clock = new Date(`2025-04-05T${hhmmss}Z`));
  before(async () => {
    t = await testCtx({ now: () => clock });
    office = t.catalogue.office(BJM)!.id;
    officer = await actorFor(t.ctx, `pengelola-pengaduan@${BJM}`);
    kabid = await actorFor(t.ctx, `kepala-bidang@${BJM}`);
    kadis = await actorFor(t.ctx, `kepala-dinas@${BJM}`);
    trc = await actorFor(t.ctx, `trc@${BJM}`);
    assert.ok((await recordMemberCredentials(t.ctx, kabid, trc.id!, { officialId: 'TRC-BJM-007' })).ok);
  });
  after(async () => t.close());

  const file = async (place: string, reportedAt: string) => {
    const r = await reportEmergency(t.ctx, report(place, reportedAt), officer);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    return r.value.registrationNumber;
  };
  /** One sweep, with the repeat notices it sent (counted from the reports' events). */
  const sweep = async () => {
    const reminders = async () => Number((await t.database.db.selectFrom('emergency_events').select((eb) => eb.fn.countAll().as('n')).where('type', '=', 'escalation-reminder').executeTakeFirstOrThrow()).n);
    const before = await reminders();
    const r = await sweepEmergencies(t.ctx, office);
    return { ...r, reminded: (await reminders()) - before };
  };
  const board = async () => (await showDispatchBoard(t.ctx, { ...kabid, officeId: office })).open;
  const eventsOf = async (n: string, type: string) =>
    t.database.db.selectFrom('emergency_events').innerJoin('emergency_reports', 'emergency_reports.id', 'emergency_events.report_id').select('emergency_events.data').where('emergency_reports.registration_number', '=', n).where('emergency_events.type', '=', type).execute();

  it('the interval is office data: 10 minutes unless the office sets its own (1–240)', async () => {
    assert.equal(DEFAULT_SETTINGS.ackMinutes, 10);
    const bad = await setEmergencySettings(t.ctx, kabid, { ...DEFAULT_SETTINGS, ackMinutes: 0 });
    assert.ok(!bad.ok);
    assert.equal(bad.error.problems[0]?.field, 'ackMinutes');
  });

  let a = '';
  let b = '';
  it('unacknowledged escalations come first on the board, the longest waiting at the top, with how long they wait', async () => {
    at('02:00:00');
    a = await file('Kolong Jembatan Antasari', '2025-04-05T02:00:00Z');
    at('02:05:00');
    b = await file('Halte Jl. Lambung Mangkurat', '2025-04-05T02:05:00Z');
    const calm = await file('Taman Kamboja', '2025-04-05T02:00:00Z'); // acknowledged at once below
    at('02:10:00');
    assert.deepEqual((await board()).map((e) => e.registrationNumber).slice(0, 3), [a, calm, b], 'nothing escalated yet: by due time');
    at('02:33:45');
    assert.equal((await sweep()).escalated, 2, 'a and the calm one are at risk');
    // The calm one's head acknowledges at once; a waits.
    assert.ok((await acknowledgeEscalation(t.ctx, kabid, calm, { note: 'Sudah saya telepon TRC' })).ok);
    at('02:38:45');
    assert.equal((await sweep()).escalated, 1, 'b at risk');
    const open = await board();
    assert.deepEqual(open.map((e) => e.registrationNumber).slice(0, 3), [a, b, calm], 'waiting first (a longest), then the acknowledged one');
    assert.equal(open[0]!.acknowledgement.awaiting, true);
    assert.equal(open[0]!.acknowledgement.waitingMs, 5 * 60_000);
    assert.equal(open[1]!.acknowledgement.waitingMs, 0);
    assert.equal(open[2]!.acknowledgement.awaiting, false);
    assert.equal(open[2]!.acknowledgement.by, kabid.name);
  });

  it('the head of division acknowledges with a note and an order; audited, the member assigned; the escalation stops there until a breach', async () => {
    at('02:40:00');
    const r = await acknowledgeEscalation(t.ctx, kabid, a, { note: 'TRC berangkat dari kantor, 10 menit lagi sampai', order: { member: trc.id!, task: 'penjangkauan' } });
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.deepEqual({ level: r.value.level, by: r.value.acknowledgedBy, waited: r.value.waitedMinutes, assigned: r.value.assigned }, { level: 'kepala-bidang', by: kabid.name, waited: 6, assigned: trc.name });
    const audit = await t.database.db.selectFrom('audit_events').select(['action', 'actor', 'detail']).where('action', 'in', ['emergency.acknowledged', 'emergency.assigned']).where('detail', 'like', `%${a}%`).execute();
    assert.deepEqual(audit.map((x) => x.action).sort(), ['emergency.acknowledged', 'emergency.assigned']);
    assert.match(audit.find((x) => x.action === 'emergency.acknowledged')!.detail, /TRC berangkat dari kantor/);
    const again = await acknowledgeEscalation(t.ctx, kadis, a, { note: 'Baik' });
    assert.ok(!again.ok);
    assert.equal(again.error.problems[0]?.code, 'nothing-to-acknowledge');
    assert.equal(again.error.problems[0]!.message, `Eskalasi laporan ini sudah diterima oleh ${kabid.name}`);
    // 10 minutes after a's escalation: acknowledged, so the head of office is not told.
    at('02:43:45');
    assert.deepEqual(await sweep(), { escalated: 0, closed: 0, reminded: 0 });
    // The breach reaches the head of office all the same, and that level waits for them.
    clock = new Date('2025-04-05T02:45:00.001Z');
    assert.equal((await sweep()).escalated, 2, 'a and the calm one breached');
    const e = (await board()).find((x) => x.registrationNumber === a)!;
    assert.equal(e.escalation, 'kepala-dinas');
    assert.equal(e.acknowledgement.awaiting, true);
  });

  it('the head of division silent for 10 minutes: the head of office is told (1 min 15 s before b breaches), and only they acknowledge that level', async () => {
    at('02:48:44');
    assert.equal((await sweep()).escalated, 0, '9:59 of silence');
    at('02:48:45');
    assert.equal((await sweep()).escalated, 1);
    const [ev] = await eventsOf(b, 'escalated').then((x) => x.map((y) => JSON.parse(y.data)).filter((d) => d.to === 'kepala-dinas'));
    assert.deepEqual({ reason: ev.reason, state: ev.state }, { reason: 'unacknowledged', state: 'at-risk' });
    const late = await acknowledgeEscalation(t.ctx, kabid, b, { note: 'Maaf, baru lihat' });
    assert.ok(!late.ok);
    assert.equal(late.error.kind, 'forbidden');
    assert.equal(late.error.problems[0]?.code, 'not-your-level');
    assert.match(late.error.problems[0]!.messageEn!, /head of office/);
  });

  it('the head of office is reminded every 10 minutes while silent, at most three times; an acknowledgement stops it', async () => {
    at('02:58:45');
    // a and calm (head of office since 02:45:00.001) and b (since 02:48:45) each get their first reminder.
    assert.deepEqual(await sweep(), { escalated: 0, closed: 0, reminded: 3 });
    assert.ok((await acknowledgeEscalation(t.ctx, kadis, b, { note: 'Saya koordinasikan langsung dengan Kabid' })).ok);
    for (const [time, n] of [['03:08:45', 2], ['03:18:45', 2], ['03:28:45', 0], ['04:30:00', 0]] as const) {
      at(time);
      assert.equal((await sweep()).reminded, n, time);
    }
    const kinds = await t.database.db
      .selectFrom('notifications')
      .innerJoin('emergency_reports', 'emergency_reports.application_id', 'notifications.application_id')
      .select(['notifications.kind', 'notifications.role'])
      .where('emergency_reports.registration_number', '=', a)
      .orderBy('notifications.created_at')
      .execute();
    assert.deepEqual(
      kinds.map((k) => `${k.role} ${k.kind}`),
      ['kepala-bidang emergency:kepala-bidang', 'kepala-dinas emergency:kepala-dinas', 'kepala-dinas emergency-reminder:kepala-dinas:1', 'kepala-dinas emergency-reminder:kepala-dinas:2', 'kepala-dinas emergency-reminder:kepala-dinas:3'],
    );
    assert.equal((await eventsOf(b, 'escalation-reminder')).length, 1, 'b: one reminder, then acknowledged');
  });

  it('the head of division and the head of office acknowledging at the same moment: exactly one is written', async () => {
    at('05:00:00');
    const c = await file('Depan Masjid Raya Sabilal Muhtadin', '2025-04-05T05:00:00Z');
    at('05:33:45');
    assert.equal((await sweep()).escalated, 1);
    const both = await Promise.all([acknowledgeEscalation(t.ctx, kabid, c, { note: 'Saya tangani' }), acknowledgeEscalation(t.ctx, kadis, c, { note: 'Saya tangani' })]);
    assert.equal(both.filter((x) => x.ok).length, 1, JSON.stringify(both));
    const lost = both.find((x) => !x.ok);
    assert.ok(lost && !lost.ok && ['already-acknowledged', 'nothing-to-acknowledge'].includes(lost.error.problems[0]!.code), JSON.stringify(lost));
    assert.equal((await eventsOf(c, 'acknowledged')).length, 1);
    const audit = await t.database.db.selectFrom('audit_events').select('id').where('action', '=', 'emergency.acknowledged').where('detail', 'like', `%${c}%`).execute();
    assert.equal(audit.length, 1);
  });

  it('two processes sweeping at the same moment escalate a report once', async () => {
    at('06:00:00');
    await sweepEmergencies(t.ctx, office); // the earlier reports settled: only d is due at 06:33:45
    const d = await file('Pasar Terapung Lok Baintan', '2025-04-05T06:00:00Z');
    const now = '2025-04-05T06:33:45.000Z';
    const run = () =>
      new Promise<{ escalated: number }>((resolve, reject) => {
        const child = spawn(process.execPath, [...nodeEntry('test/emergency/sweep-worker.ts'), JSON.stringify({ ...t.location, office, now })], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
        let out = '';
        let err = '';
        child.stdout.on('data', (x: Buffer) => (out += x.toString()));
        child.stderr.on('data', (x: Buffer) => (err += x.toString()));
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`worker ${code}: ${err}`))));
      });
    const results = await Promise.all([run(), run()]);
    assert.equal(results.reduce((n, r) => n + r.escalated, 0), 1, JSON.stringify(results));
    assert.equal((await eventsOf(d, 'escalated')).length, 1);
    const notices = await t.database.db.selectFrom('notifications').innerJoin('emergency_reports', 'emergency_reports.application_id', 'notifications.application_id').select('notifications.kind').where('emergency_reports.registration_number', '=', d).execute();
    assert.deepEqual(notices.map((n) => n.kind), ['emergency:kepala-bidang']);
  });
});
