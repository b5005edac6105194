/**
 * The phone call Banjarmasin's decree promises on santunan kematian ("Menjelang pencairan bantuan
 * pemohon akan dihubungi secara langsung melalui telepon"), on a real database: reaching the moment
 * opens one call task for the front office, on the clock; a call not answered leaves it open, a
 * connected one closes it; both are case events; the figures count it and time it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { callTasksOf } from '../../src/db/calls-repo.js';
import { SESSION_COOKIE } from '../../src/http/auth.js';
import { callFiguresOf, openCalls } from '../../src/usecases/calls/call-queue.js';
import { recordCallOutcome } from '../../src/usecases/calls/record-call-outcome.js';
import { signIn } from '../../src/usecases/staff/sign-in.js';
import { TEST_DB } from '../support/db.js';
import { testApp, type TestApp } from '../support/app.js';
import { actorFor, driveUntil, fileCase } from '../letters/helpers.js';

const OFFICE = 'kota-banjarmasin';

describe(`call tasks: the decree's promised phone call, on the clock (${TEST_DB})`, () => {
  let t: TestApp;
  let clock = new Date('2026-12-07T02:00:00.000Z');
  const advance = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));

  before(async () => {
    t = await testApp({ now: () => clock });
  });
  after(async () => t.close());

  it('a santunan kematian case reaching "menjelang pencairan" opens one call for the front office; its outcomes are recorded and timed', async () => {
    const c = await fileCase(t.ctx, OFFICE, 'santunan-kematian', 'Hj. Rusmini');
    const other = await fileCase(t.ctx, OFFICE, 'santunan-kematian', 'Ahmad Yani');
    // Up to the BPKPAD transfer: no promise yet.
    await driveUntil(t.ctx, c.id, (s) => s.id === 'proses-bpkpad', OFFICE);
    assert.deepEqual(await callTasksOf(t.database.db, c.id), [], 'no call before the moment');
    // The funds arrive: the case enters transfer-dana, the moment the decree calls "menjelang pencairan".
    await driveUntil(t.ctx, c.id, (s) => s.id === 'transfer-dana', OFFICE);
    const moment = clock.toISOString();
    const [task, ...more] = await callTasksOf(t.database.db, c.id);
    assert.equal(more.length, 0, 'one call task');
    assert.deepEqual([task!.promise_id, task!.role, task!.status, task!.attempts, task!.due_from], ['menjelang-pencairan', 'front-office', 'open', 0, moment]);
    const ev = await t.database.db.selectFrom('application_events').select(['type', 'data']).where('application_id', '=', c.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(ev.data).callsOpened, ['menjelang-pencairan'], "the step's event says the call was opened");
    assert.deepEqual(await callTasksOf(t.database.db, other.id), [], 'only the case at the moment');

    // In the front office's list, with how long it has waited.
    advance(95);
    const front = { ...(await actorFor(t.ctx, `front-office@${OFFICE}`)), officeId: t.catalogue.office(OFFICE)!.id };
    const listed = await openCalls(t.ctx, front.officeId, front.roles);
    const mine = listed.find((x) => x.id === task!.id)!;
    assert.equal(mine.minutesWaiting, 95);
    assert.equal(mine.promise, 'Menjelang pencairan bantuan pemohon akan dihubungi secara langsung melalui telepon');
    assert.deepEqual(await openCalls(t.ctx, front.officeId, ['back-office']), [], "not in another role's list");

    // Another role may not record it.
    const back = { ...(await actorFor(t.ctx, `back-office@${OFFICE}`)), officeId: front.officeId };
    const refused = await recordCallOutcome(t.ctx, back, task!.id, { outcome: 'tersambung' });
    assert.ok(!refused.ok && refused.error.kind === 'forbidden');
    const noOutcome = await recordCallOutcome(t.ctx, front, task!.id, { outcome: '' });
    assert.ok(!noOutcome.ok && noOutcome.error.problems[0]!.field === 'outcome');

    // Not answered: still open, to try again.
    const first = await recordCallOutcome(t.ctx, front, task!.id, { outcome: 'tidak-diangkat', note: 'Nada sibuk' });
    assert.ok(first.ok && !first.value.done && first.value.attempts === 1 && first.value.minutesSinceMoment === 95, JSON.stringify(first));
    // Through the staff page this time: connected, 3 h 20 min after the moment.
    advance(105);
    const s = await signIn(t.database, `front-office@${OFFICE}`, 'sigap-demo', 'cookie', '10.20.1.15');
    assert.ok(s.ok);
    const cookie = `${SESSION_COOKIE}=${s.value.token}`;
    const page = await t.app.inject({ method: 'GET', url: `/petugas/berkas/${c.id}`, headers: { cookie } });
    assert.match(page.body, /<h2 id="h-calls">Panggilan telepon yang dijanjikan<\/h2>/);
    assert.match(page.body, /Belum tersambung: 1 percobaan, terakhir Tidak diangkat/);
    const queue = await t.app.inject({ method: 'GET', url: '/petugas', headers: { cookie } });
    assert.match(queue.body, new RegExp(`<a href="/petugas/berkas/${c.id}">Telepon pemohon ${c.registrationNumber} \\(menunggu 3 jam 20 menit\\): «Menjelang pencairan`), 'the call heads the queue');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const posted = await t.app.inject({ method: 'POST', url: `/petugas/panggilan/${task!.id}`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrf, outcome: 'tersambung', note: 'Ahli waris mengonfirmasi nomor rekening Bank Kalsel' }).toString() });
    assert.equal(posted.statusCode, 303, posted.body);
    assert.equal(posted.headers.location, `/petugas/berkas/${c.id}#h-calls`);
    const [done] = await callTasksOf(t.database.db, c.id);
    assert.deepEqual([done!.status, done!.attempts, done!.last_outcome, done!.done_at, done!.first_attempt_at], ['done', 2, 'tersambung', clock.toISOString(), new Date(Date.parse(moment) + 95 * 60_000).toISOString()]);
    const calls = await t.database.db.selectFrom('application_events').select(['type', 'note', 'data', 'actor_name']).where('application_id', '=', c.id).where('type', 'like', 'call:%').orderBy('seq').execute();
    assert.deepEqual(calls.map((e) => [e.type, e.note, JSON.parse(e.data).minutesSinceMoment]), [['call:tidak-diangkat', 'Nada sibuk', 95], ['call:tersambung', 'Ahli waris mengonfirmasi nomor rekening Bank Kalsel', 200]]);
    const after = await t.app.inject({ method: 'GET', url: `/petugas/berkas/${c.id}?lang=en`, headers: { cookie } });
    assert.match(after.body, /Connected .* \(attempt 2\)/);
    assert.match(after.body, /Phone call: connected/);
    // A second submit (a double tap) records nothing more.
    const again = await recordCallOutcome(t.ctx, front, task!.id, { outcome: 'tersambung' });
    assert.ok(!again.ok && again.error.kind === 'conflict');

    // The figures: one promised call, connected, first attempt after 95 min, connected after 200 min.
    const f = await callFiguresOf(t.ctx, front.officeId);
    assert.deepEqual([f.opened, f.connected, f.medianToFirstAttempt, f.medianToConnected], [1, 1, 95, 200]);
    const list = await t.app.inject({ method: 'GET', url: '/petugas/panggilan', headers: { cookie } });
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /1 panggilan dijanjikan, 1 tersambung; median waktu sampai panggilan pertama 1 jam 35 menit, sampai tersambung 3 jam 20 menit/);
    assert.match(list.body, /Tidak ada panggilan yang menunggu/);
  });
});
