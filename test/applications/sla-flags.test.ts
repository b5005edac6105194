/** Cases become at risk and late on the office's clock; owners and supervisors are told once. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { completeTask } from '../../src/usecases/applications/complete-task.js';
import { simulateCase } from '../../src/usecases/applications/simulate-case.js';
import { sweepSla } from '../../src/usecases/applications/sweep-sla.js';
import { submitApplication } from '../../src/usecases/applications/submit-application.js';
import { TEST_DB } from '../support/db.js';
import { testApp, type TestApp } from '../support/app.js';
import { SITI } from '../support/fixtures.js';

describe(`SLA flags and notifications (${TEST_DB})`, () => {
  let t: TestApp;
  let now = new Date('2026-04-06T01:00:00Z'); // Monday 6 April 2026, 08:00 WIB in Jambi
  before(async () => {
    t = await testApp({ now: () => now });
  });
  after(async () => t.close());

  it('a 15-minute Jambi letter started at 08:00 is at risk at 08:12 and late at 08:16; the front office and kepala-bidang are notified once each', async () => {
    const front = await t.database.db.selectFrom('staff_users').selectAll().where('username', '=', 'front-office@kota-jambi').executeTakeFirstOrThrow();
    const actor = { id: front.id, name: 'Petugas Loket', roles: ['front-office'], officeId: front.office_id };
    const sub = await submitApplication(t.ctx, { office: 'kota-jambi', service: 'rekomendasi-jamkesda-bayi', applicant: SITI, channel: 'counter', attachments: [{ requirement: 'kk-ktp-akte', shown: true }, { requirement: 'sktm-rt-lurah', shown: true }] }, actor);
    assert.ok(sub.ok);
    const task = await t.database.db.selectFrom('tasks').selectAll().where('application_id', '=', sub.value.id).executeTakeFirstOrThrow();
    const done = await completeTask(t.ctx, { taskId: task.id, outcome: 'lengkap', note: 'Berkas lengkap', version: 1 }, actor);
    assert.ok(done.ok, JSON.stringify(done));
    assert.equal(done.value.dueAt, '2026-04-06T01:15:00.000Z', 'due 08:15 WIB');
    now = new Date('2026-04-06T01:12:00Z');
    assert.deepEqual(await sweepSla(t.ctx, front.office_id), { atRisk: 1, late: 0 });
    now = new Date('2026-04-06T01:16:00Z');
    assert.deepEqual(await sweepSla(t.ctx, front.office_id), { atRisk: 0, late: 1 });
    assert.deepEqual(await sweepSla(t.ctx, front.office_id), { atRisk: 0, late: 0 }, 'nothing new on the next sweep');
    const notes = await t.database.db.selectFrom('notifications').select(['role', 'kind']).where('application_id', '=', sub.value.id).orderBy('kind').orderBy('role').execute();
    const owner = (await t.database.db.selectFrom('tasks').select('role').where('application_id', '=', sub.value.id).where('status', '=', 'open').executeTakeFirstOrThrow()).role;
    const expected = [...new Set([owner, 'kepala-bidang'])].sort();
    assert.deepEqual(notes.filter((n) => n.kind === 'at-risk').map((n) => n.role).sort(), expected);
    assert.deepEqual(notes.filter((n) => n.kind === 'late').map((n) => n.role).sort(), expected);
    const app = await t.database.db.selectFrom('applications').select('sla_state').where('id', '=', sub.value.id).executeTakeFirstOrThrow();
    assert.equal(app.sla_state, 'late');
    const events = await t.database.db.selectFrom('application_events').select('type').where('application_id', '=', sub.value.id).execute();
    assert.ok(events.some((e) => e.type === 'sla:late'));
  });

  it('measures Banjarmasin santunan kematian stage by stage (30 working days to BPKPAD, then 2 to transfer)', async () => {
    now = new Date('2026-04-06T01:00:00Z');
    const r = await simulateCase(t.ctx, 'kota-banjarmasin', 'santunan-kematian', 'main');
    assert.equal(r.finalStatus, 'completed');
    const app = await t.database.db.selectFrom('applications').select('stages').where('id', '=', r.applicationId).executeTakeFirstOrThrow();
    const stages = JSON.parse(app.stages) as { id: string; startedAt: string; dueAt: string; finishedAt: string; late: boolean }[];
    assert.equal(stages.length, 2);
    for (const s of stages) {
      assert.ok(s.finishedAt, `${s.id} finished`);
      assert.equal(s.late, false);
    }
    // Thirty working days after Monday 6 April 2026 (day 0, WITA), skipping 1 May (Hari Buruh),
    // 14 May (Kenaikan) and 15 May (cuti bersama): the 30th is Thursday 21 May, closing 16:00 WITA.
    const first = stages[0]!;
    assert.equal(first.dueAt, '2026-05-21T08:00:00.000Z');

    // The case page lists the stages with their limits and how each ended.
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'kepala-dinas@kota-banjarmasin', password: 'sigap-demo' } });
    const page = await t.app.inject({ method: 'GET', url: `/petugas/berkas/${r.applicationId}`, headers: { authorization: `Bearer ${JSON.parse(login.body).token}` } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h2 id="h-stages">Tahapan dan batas waktunya<\/h2>/);
    const rows = [...page.body.matchAll(/<tr><td>([^<]+)<\/td><td>[^<]+<\/td><td>([^<]+)<\/td><td>[^<]+<\/td><td>([^<]+)<\/td><\/tr>/g)].map((m) => [m[1], m[3]]);
    assert.deepEqual(rows, [
      ['Pengajuan ke BPKPAD', 'selesai tepat waktu'],
      ['Transfer dana bantuan ke rekening penerima', 'selesai tepat waktu'],
    ]);
    assert.match(page.body, /Kamis, 21 Mei 2026 16\.00 WITA/);
  });
});
