/**
 * The office admin's calendar: real weekly hours replace the default week (or, with a stated basis,
 * the decree's), closures move due dates, past days stay counted, only an admin may change any of
 * it, every change is audited before/after and survives a restart.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { boot } from '../../src/boot.js';
import { addClosure } from '../../src/usecases/calendar/add-closure.js';
import { readOfficeCalendar } from '../../src/usecases/calendar/read-office-calendar.js';
import { removeClosure } from '../../src/usecases/calendar/remove-closure.js';
import { resetOfficeHours } from '../../src/usecases/calendar/reset-office-hours.js';
import { setOfficeHours } from '../../src/usecases/calendar/set-office-hours.js';
import { completeTask } from '../../src/usecases/applications/complete-task.js';
import { submitApplication } from '../../src/usecases/applications/submit-application.js';
import type { Actor } from '../../src/usecases/context.js';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { STANDARDS_DIR } from '../support/paths.js';

/** Pekanbaru's real week as its admin enters it: Friday has a prayer break. */
const PEKANBARU_WEEK = {
  days: {
    mon: [{ open: '08:00', close: '15:30' }],
    tue: [{ open: '08:00', close: '15:30' }],
    wed: [{ open: '08:00', close: '15:30' }],
    thu: [{ open: '08:00', close: '15:30' }],
    fri: [
      { open: '08:00', close: '11:00' },
      { open: '13:30', close: '16:00' },
    ],
  },
  closedOnHolidays: true,
};

describe(`the office admin's calendar (${TEST_DB})`, () => {
  let t: TestApp;
  // Monday 6 April 2026, 08:00 WIB.
  let now = new Date('2026-04-06T01:00:00Z');
  const api = apiClient(() => t);
  const actorOf = async (username: string): Promise<Actor> => {
    const u = await t.database.db.selectFrom('staff_users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
    return { id: u.id, name: u.display_name, roles: JSON.parse(u.roles) as string[], officeId: u.office_id };
  };
  const due = async (office: string, start: string, value: number, unit: string, service?: string) => {
    const r = await api.req('GET', `/api/v1/offices/${office}/calendar/due?start=${encodeURIComponent(start)}&value=${value}&unit=${unit}${service ? `&service=${service}` : ''}`);
    assert.equal(r.status, 200, r.body);
    return r.json().dueAt as string;
  };

  before(async () => {
    t = await testApp({ now: () => now });
  });
  after(async () => t.close());

  it('Pekanbaru sets its real week: the office page shows it at once without the default notice, and a counter case at Thursday 15:25 is due Friday 08:05, not 15:35', async () => {
    const admin = await actorOf('admin@kota-pekanbaru');
    const before = await api.req('GET', '/kantor/kota-pekanbaru');
    assert.match(before.body, /sampai admin kantor menetapkan jadwal sebenarnya/, 'the default week is announced as such');
    assert.match(before.body, /Senin–Kamis: 08\.00–16\.00 WIB/);

    const r = await setOfficeHours(t.ctx, admin, undefined, PEKANBARU_WEEK);
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(r.value.hours.week, [
      { days: ['mon', 'tue', 'wed', 'thu'], open: '08:00', close: '15:30' },
      { days: ['fri'], open: '08:00', close: '11:00' },
      { days: ['fri'], open: '13:30', close: '16:00' },
    ]);

    const page = await api.req('GET', '/kantor/kota-pekanbaru');
    assert.match(page.body, /Senin–Kamis: 08\.00–15\.30 WIB/);
    assert.match(page.body, /Jumat: 13\.30–16\.00 WIB/);
    assert.doesNotMatch(page.body, /sampai admin kantor menetapkan jadwal sebenarnya/);
    assert.match(page.body, /Ditetapkan oleh admin kantor/);
    const en = await api.req('GET', '/kantor/kota-pekanbaru?lang=en');
    assert.match(en.body, /Monday–Thursday: 08:00–15:30 WIB/);
    const json = (await api.req('GET', '/api/v1/offices/kota-pekanbaru/hours')).json();
    assert.equal(json.hours.setting.setBy, admin.name);
    assert.equal(json.hours.base.source, 'default');

    now = new Date('2026-04-09T08:25:00Z'); // Thursday 15:25 WIB
    const clerk = await actorOf('front-office@kota-pekanbaru');
    const sub = await submitApplication(
      t.ctx,
      { office: 'kota-pekanbaru', service: 'pengecekan-rekomendasi-dtks', applicant: { nik: '1471024107900003', name: 'Rahmawati', phone: '081266782747', address: 'Jl. Sudirman No. 45, Pekanbaru', residentOfRegion: true }, channel: 'counter', answers: { keperluan: 'kip' }, attachments: [{ requirement: 'fotokopi-kk', shown: true }] },
      clerk,
    );
    assert.ok(sub.ok, JSON.stringify(sub));
    // The clock starts when the clerk finds the file complete.
    const task = await t.database.db.selectFrom('tasks').selectAll().where('application_id', '=', sub.value.id).executeTakeFirstOrThrow();
    const checked = await completeTask(t.ctx, { taskId: task.id, outcome: 'lengkap', note: 'KK asli diperlihatkan', version: 1 }, clerk);
    assert.ok(checked.ok, JSON.stringify(checked));
    assert.equal(checked.value.dueAt, '2026-04-10T01:05:00.000Z', 'five minutes before closing at 15:30, five after opening Friday 08:00');
    now = new Date('2026-04-06T01:00:00Z');
  });

  it('the audit records who set the hours, when, and the week before and after; a restart keeps them', async () => {
    const row = await t.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'calendar.hours.set').where('subject', '=', 'office:kota-pekanbaru').executeTakeFirstOrThrow();
    const detail = JSON.parse(row.detail);
    assert.match(row.actor, /Admin/);
    assert.equal(detail.scope, null);
    assert.deepEqual(detail.before.week[0], { days: ['mon', 'tue', 'wed', 'thu'], open: '08:00', close: '16:00' });
    assert.equal(detail.after.week[0].close, '15:30');
    const again = await boot({ ...t.location, standardsDir: STANDARDS_DIR, actor: 'test' });
    assert.ok(again.ok);
    const office = again.ctx.catalogue.office('kota-pekanbaru')!.office;
    assert.equal(again.ctx.clock.hoursOf(office).hours.week[0]!.close, '15:30', 'read back from the database at start-up');
    await again.ctx.database.close();
  });

  it('a closure moves the due date of a running case at once: the Thursday case due Friday 08:05 is due Monday 08:05, with an event saying why', async () => {
    const admin = await actorOf('admin@kota-pekanbaru');
    const app = await t.database.db.selectFrom('applications').selectAll().where('office_id', '=', admin.officeId!).executeTakeFirstOrThrow();
    assert.equal(app.due_at, '2026-04-10T01:05:00.000Z');
    const r = await addClosure(t.ctx, admin, { date: '2026-04-10', reason: 'Kantor dipakai Musrenbang Kota' });
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.value.recomputed, 1);
    const moved = await t.database.db.selectFrom('applications').select(['due_at', 'version']).where('id', '=', app.id).executeTakeFirstOrThrow();
    assert.equal(moved.due_at, '2026-04-13T01:05:00.000Z', 'Monday 08:05 WIB');
    assert.equal(moved.version, app.version + 1);
    const task = await t.database.db.selectFrom('tasks').select('due_at').where('application_id', '=', app.id).where('status', '=', 'open').executeTakeFirstOrThrow();
    assert.equal(task.due_at, '2026-04-13T01:05:00.000Z', 'the queue shows the new due time');
    const ev = await t.database.db.selectFrom('application_events').selectAll().where('application_id', '=', app.id).where('type', '=', 'due:calendar').executeTakeFirstOrThrow();
    assert.match(ev.note ?? '', /kantor tutup 2026-04-10 \(Kantor dipakai Musrenbang Kota\)/);
    assert.deepEqual(JSON.parse(ev.data), { from: '2026-04-10T01:05:00.000Z', to: '2026-04-13T01:05:00.000Z' });
  });

  it('Jambi\'s decree states its hours: a change without a basis is refused beside the reason field; with one, the decree is still quoted on the page', async () => {
    const admin = await actorOf('admin@kota-jambi');
    const silent = await setOfficeHours(t.ctx, admin, undefined, PEKANBARU_WEEK);
    assert.ok(!silent.ok);
    assert.deepEqual(silent.error.problems.map((p) => [p.field, p.code]), [['reason', 'decree-reason-required']]);
    const ramadan = await setOfficeHours(t.ctx, admin, undefined, { ...PEKANBARU_WEEK, reason: 'Surat Edaran Wali Kota Jambi Nomor 12/SE/2026 tentang jam kerja Ramadan' });
    assert.ok(ramadan.ok, JSON.stringify(ramadan));
    const page = (await api.req('GET', '/kantor/kota-jambi')).body;
    assert.match(page, /Senin s\.d\. Kamis pukul 07\.30 - 16\.00 WIB/, 'the decree is still quoted');
    assert.match(page, /Surat Edaran Wali Kota Jambi Nomor 12\/SE\/2026/);
    const back = await resetOfficeHours(t.ctx, admin, undefined);
    assert.ok(back.ok);
    assert.match((await api.req('GET', '/kantor/kota-jambi')).body, /Senin–Kamis: 07\.30–16\.00 WIB/);
    const reset = await t.database.db.selectFrom('audit_events').select('detail').where('action', '=', 'calendar.hours.reset').executeTakeFirstOrThrow();
    assert.equal(JSON.parse(reset.detail).after.week[0].open, '07:30');
  });

  it('bad bands are refused, each problem on its field: close before open, overlapping bands, times beyond 24:00, no day at all', async () => {
    const admin = await actorOf('admin@kota-pekanbaru');
    const r = await setOfficeHours(t.ctx, admin, undefined, {
      days: {
        mon: [{ open: '15:00', close: '08:00' }],
        tue: [{ open: '25:00', close: '24:30' }],
        fri: [
          { open: '08:00', close: '11:30' },
          { open: '11:00', close: '16:00' },
        ],
      },
      closedOnHolidays: true,
    });
    assert.ok(!r.ok);
    assert.equal(r.error.kind, 'invalid');
    assert.deepEqual(
      r.error.problems.map((p) => [p.field, p.code]),
      [
        ['days.mon.0.close', 'close-before-open'],
        ['days.tue.0.open', 'time-invalid'],
        ['days.tue.0.close', 'time-invalid'],
        ['days.fri.1.open', 'bands-overlap'],
      ],
    );
    assert.match(r.error.problems[3]!.message, /Jumat: rentang 11:00–16:00 bertumpuk dengan 08:00–11:30/);
    assert.match(r.error.problems[3]!.messageEn, /Friday: band 11:00–16:00 overlaps 08:00–11:30/);
    const none = await setOfficeHours(t.ctx, admin, undefined, { days: {}, closedOnHolidays: true });
    assert.ok(!none.ok);
    assert.deepEqual(none.error.problems.map((p) => p.field), ['days']);
    const api422 = await api.req('PUT', '/api/v1/offices/kota-pekanbaru/hours', { days: { mon: [{ open: '15:00', close: '08:00' }] }, closedOnHolidays: true }, await api.login('admin@kota-pekanbaru'));
    assert.equal(api422.status, 422);
    assert.equal(api422.json().error.code, 'close-before-open');
  });

  it('a flood closes Jambi on Friday 10 April: a 1-working-day limit from Thursday moves to Monday; the 24-hour disaster service stays open on an added holiday but not on a closure', async () => {
    const admin = await actorOf('admin@kota-jambi');
    const thursday = '2026-04-09T09:00:00+07:00';
    assert.equal(await due('kota-jambi', thursday, 1, 'working_days'), '2026-04-10T11:00:00+07:00', 'Friday closes at 11:00 in Jambi');
    const holiday = await addClosure(t.ctx, admin, { date: '2026-04-10', reason: 'Libur daerah HUT Kota Jambi', kind: 'holiday' });
    assert.ok(holiday.ok, JSON.stringify(holiday));
    assert.equal(await due('kota-jambi', thursday, 1, 'working_days'), '2026-04-13T16:00:00+07:00');
    assert.equal(await due('kota-jambi', thursday, 1, 'working_days', 'distribusi-logistik-bencana'), '2026-04-11T00:00:00+07:00', 'open every day, holidays included');
    const range = await addClosure(t.ctx, admin, { date: '2026-04-13', to: '2026-04-14', reason: 'Banjir di kantor Dinas Sosial', kind: 'closure' });
    assert.ok(range.ok, JSON.stringify(range));
    assert.deepEqual(range.value.dates, ['2026-04-13', '2026-04-14']);
    assert.equal(await due('kota-jambi', thursday, 1, 'working_days'), '2026-04-15T16:00:00+07:00');
    assert.equal(await due('kota-jambi', '2026-04-12T09:00:00+07:00', 1, 'working_days', 'distribusi-logistik-bencana'), '2026-04-16T00:00:00+07:00', 'a closure closes every service');

    const twice = await addClosure(t.ctx, admin, { date: '2026-04-14', reason: 'Banjir susulan' });
    assert.ok(!twice.ok);
    assert.equal(twice.error.kind, 'conflict');
    const past = await addClosure(t.ctx, admin, { date: '2026-04-03', reason: 'Lupa dicatat' });
    assert.ok(!past.ok);
    assert.deepEqual(past.error.problems.map((p) => [p.field, p.code]), [['date', 'date-past']]);
    const reversed = await addClosure(t.ctx, admin, { date: '2026-04-20', to: '2026-04-17', reason: 'Pindah kantor' });
    assert.ok(!reversed.ok);
    assert.deepEqual(reversed.error.problems.map((p) => p.field), ['to']);

    const overview = await readOfficeCalendar(t.ctx, admin);
    assert.ok(overview.ok);
    assert.deepEqual(overview.value.upcoming.map((g) => [g.from, g.to, g.kind, g.removable]), [
      ['2026-04-10', '2026-04-10', 'holiday', true],
      ['2026-04-13', '2026-04-14', 'closure', true],
    ]);
    const audits = await t.database.db.selectFrom('audit_events').select(['detail', 'actor']).where('action', '=', 'calendar.closure.add').where('subject', '=', 'office:kota-jambi').orderBy('seq').execute();
    assert.deepEqual(JSON.parse(audits[1]!.detail).after, { dates: ['2026-04-13', '2026-04-14'], reason: 'Banjir di kantor Dinas Sosial', kind: 'closure' });
  });

  it('a future closure can be removed (due dates come back); once its day has begun it stays', async () => {
    const admin = await actorOf('admin@kota-jambi');
    const groups = (await readOfficeCalendar(t.ctx, admin)).ok ? ((await readOfficeCalendar(t.ctx, admin)) as { ok: true; value: { upcoming: { groupId: string; from: string }[] } }).value.upcoming : [];
    const flood = groups.find((g) => g.from === '2026-04-13')!;
    const holiday = groups.find((g) => g.from === '2026-04-10')!;
    const removed = await removeClosure(t.ctx, admin, flood.groupId);
    assert.ok(removed.ok);
    assert.deepEqual(removed.value.dates, ['2026-04-13', '2026-04-14']);
    assert.equal(await due('kota-jambi', '2026-04-09T09:00:00+07:00', 1, 'working_days'), '2026-04-13T16:00:00+07:00');
    const audit = await t.database.db.selectFrom('audit_events').select('detail').where('action', '=', 'calendar.closure.remove').executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(audit.detail).before.dates, ['2026-04-13', '2026-04-14']);

    now = new Date('2026-04-10T02:00:00Z'); // Friday 10 April, 09:00 WIB: the holiday has begun
    const late = await removeClosure(t.ctx, admin, holiday.groupId);
    assert.ok(!late.ok);
    assert.equal(late.error.kind, 'conflict');
    assert.equal(late.error.problems[0]!.code, 'closure-past');
    now = new Date('2026-04-06T01:00:00Z');
  });

  it('only an office admin may change the calendar, and only of their own office', async () => {
    const clerk = await actorOf('front-office@kota-jambi');
    for (const r of [
      await setOfficeHours(t.ctx, clerk, undefined, PEKANBARU_WEEK),
      await resetOfficeHours(t.ctx, clerk, undefined),
      await addClosure(t.ctx, clerk, { date: '2026-04-20', reason: 'Rapat kerja' }),
      await removeClosure(t.ctx, clerk, 'any'),
      await readOfficeCalendar(t.ctx, clerk),
    ]) {
      assert.ok(!r.ok);
      assert.equal(r.error.kind, 'forbidden');
    }
    const head = await api.login('kepala-dinas@kota-jambi');
    assert.equal((await api.req('PUT', '/api/v1/offices/kota-jambi/hours', PEKANBARU_WEEK, head)).status, 403);
    assert.equal((await api.req('POST', '/api/v1/offices/kota-jambi/closures', { date: '2026-04-20', reason: 'Rapat kerja' }, head)).status, 403);
    const otherAdmin = await api.login('admin@kota-semarang');
    assert.equal((await api.req('PUT', '/api/v1/offices/kota-jambi/hours', PEKANBARU_WEEK, otherAdmin)).status, 404, 'another office looks as if it did not exist');
    assert.equal((await api.req('GET', '/petugas/kalender', undefined, head)).status, 403);
    assert.equal((await api.req('PUT', '/api/v1/offices/kota-jambi/hours', PEKANBARU_WEEK)).status, 401);
  });

  it('a service whose decree sets its own hours gets its own setting; a service that follows the office has none to set', async () => {
    const admin = await actorOf('admin@kota-jambi');
    const own = await setOfficeHours(t.ctx, admin, 'distribusi-logistik-bencana', { allDay: false, days: { sat: [{ open: '07:00', close: '19:00' }] }, closedOnHolidays: false, reason: 'Surat Kepala Dinas Sosial Nomor 3/2026: posko siaga hanya hari Sabtu' });
    assert.ok(own.ok, JSON.stringify(own));
    const page = (await api.req('GET', '/kantor/kota-jambi/layanan/distribusi-logistik-bencana')).body;
    assert.match(page, /Sabtu: 07\.00–19\.00 WIB/);
    assert.match(page, /Setiap hari selama 24 jam/, 'the decree is still quoted');
    const follows = await setOfficeHours(t.ctx, admin, 'rekomendasi-jamkesda-bayi', PEKANBARU_WEEK);
    assert.ok(!follows.ok);
    assert.equal(follows.error.problems[0]!.code, 'service-follows-office');
    assert.ok((await resetOfficeHours(t.ctx, admin, 'distribusi-logistik-bencana')).ok);
  });
});
