/** Staff find cases: the queue paged, filtered and counted; the office's case search; the duplicate check at the counter. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { accessLogForNik } from '../../src/db/registry-repo.js';
import { claimTask } from '../../src/usecases/applications/claim-task.js';
import { completeTask } from '../../src/usecases/applications/complete-task.js';
import { findOfficeCase } from '../../src/usecases/applications/find-case.js';
import { findDuplicates } from '../../src/usecases/applications/find-duplicates.js';
import { searchCases, type CaseSearchInput } from '../../src/usecases/applications/search-cases.js';
import { simulateCase } from '../../src/usecases/applications/simulate-case.js';
import { taskQueue, QUEUE_SLA_STATES, type QueueFilter } from '../../src/usecases/applications/task-queue.js';
import { withdrawApplication } from '../../src/usecases/applications/withdraw-application.js';
import type { Actor } from '../../src/usecases/context.js';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { actorFor, fileCase } from '../letters/helpers.js';

const JAMBI = 'kota-jambi';
const BAYI = 'rekomendasi-jamkesda-bayi';
const LISTRIK = 'rekomendasi-subsidi-listrik';
const PEOPLE = ['Siti Aminah', 'Siti Rahmawati', 'Budi Santoso', 'Ahmad Fauzi', 'Nurul Hidayah', 'Dewi Lestari', 'Rina Marlina', 'Yusuf Maulana', 'Agus Salim'];

describe(`staff find cases (${TEST_DB})`, () => {
  let t: TestApp;
  // Monday 6 April 2026, 08:00 WIB in Jambi.
  let now = new Date('2026-04-06T01:00:00Z');
  let front: Actor & { id: string; officeId: string };
  const filed: { id: string; registrationNumber: string; name: string; service: string }[] = [];
  let other: { id: string; registrationNumber: string };
  const api = apiClient(() => t);

  const officer = async (username: string) => {
    const a = await actorFor(t.ctx, username);
    return { ...a, id: a.id!, officeId: a.officeId! };
  };
  const search = async (input: CaseSearchInput, who = front) => {
    const r = await searchCases(t.ctx, who, input);
    assert.ok(r.ok, JSON.stringify(r));
    return r.value;
  };
  const queueOf = (who: typeof front, f: QueueFilter = {}, limit = 50, offset = 0) => taskQueue(t.ctx, who, { ...f, limit, offset });

  before(async () => {
    t = await testApp({ now: () => now });
    front = await officer(`front-office@${JAMBI}`);
    for (const [i, name] of PEOPLE.entries()) {
      const service = i % 3 === 2 ? LISTRIK : BAYI;
      filed.push({ ...(await fileCase(t.ctx, JAMBI, service, name)), name, service });
      now = new Date(now.getTime() + 60_000);
    }
    other = await fileCase(t.ctx, 'kota-banjarmasin', 'santunan-kematian', 'Siti Aminah');
  });
  after(async () => t.close());

  it('pages the front office queue seven at a time: every open task exactly once, in the order of urgency', async () => {
    const expected = await t.database.db.selectFrom('tasks').select('id').where('office_id', '=', front.officeId).where('status', '=', 'open').where('role', 'in', front.roles).execute();
    assert.ok(expected.length >= PEOPLE.length, 'every counter case waits at the front office');
    const seen: string[] = [];
    for (let offset = 0; ; offset += 7) {
      const page = await queueOf(front, {}, 7, offset);
      assert.equal(page.total, expected.length);
      assert.ok(page.items.length <= 7);
      seen.push(...page.items.map((i) => i.id));
      if (page.items.length < 7) break;
    }
    assert.equal(seen.length, expected.length, 'no task twice');
    assert.deepEqual([...seen].sort(), expected.map((e) => e.id).sort(), 'no task missing');
  });

  it('counts each filter as the filtered list shows it: per clock state, per service, mine and unclaimed', async () => {
    // One Jamkesda case moves past the counter: its verification clock runs 15 minutes, from 08:09 WIB.
    const bayi = filed[0]!;
    const task = await t.database.db.selectFrom('tasks').selectAll().where('application_id', '=', bayi.id).where('status', '=', 'open').executeTakeFirstOrThrow();
    const done = await completeTask(t.ctx, { taskId: task.id, outcome: 'lengkap', note: 'Berkas lengkap', version: 1 }, front);
    assert.ok(done.ok, JSON.stringify(done));
    const next = await t.database.db.selectFrom('tasks').selectAll().where('application_id', '=', bayi.id).where('status', '=', 'open').executeTakeFirstOrThrow();
    const owner = await officer(`${next.role}@${JAMBI}`);
    const before = await queueOf(owner);
    assert.equal(before.counts.sla.late, 0);
    assert.ok(before.items.some((i) => i.applicationId === bayi.id && i.slaState === 'on-time'));

    // Past its due time the case is late in the queue before any sweep has recorded it.
    now = new Date(new Date(next.due_at!).getTime() + 60_000);
    const late = await queueOf(owner, { slaState: 'late' });
    assert.equal(late.total, 1);
    assert.equal(late.items[0]!.applicationId, bayi.id);
    assert.equal(late.items[0]!.slaState, 'late');
    assert.equal((await queueOf(owner)).counts.sla.late, 1);

    // The front office: every clock state's count is the length of its filtered list, and they add up.
    const all = await queueOf(front);
    let sum = 0;
    for (const s of QUEUE_SLA_STATES) {
      const f = await queueOf(front, { slaState: s });
      assert.equal(f.total, all.counts.sla[s], `count of ${s}`);
      assert.ok(f.items.every((i) => i.slaState === s || (s === 'on-time' && i.slaState === 'at-risk')), `only ${s} listed`);
      sum += f.total;
    }
    assert.equal(sum, all.total);
    const services = all.counts.services;
    assert.deepEqual(services.map((s) => s.count).reduce((a, b) => a + b, 0), all.total);
    for (const s of services) {
      const f = await queueOf(front, { serviceId: s.id });
      assert.equal(f.total, s.count, `count of service ${s.no}`);
      assert.ok(f.items.every((i) => i.service.id === s.id));
      assert.ok(f.counts.steps.length > 0, 'a chosen service lists its steps with counts');
      for (const st of f.counts.steps) assert.equal((await queueOf(front, { serviceId: s.id, stepId: st.id })).total, st.count, `count of step ${st.id}`);
    }

    // Claiming a task moves it from "unclaimed" to "mine".
    const target = all.items.find((i) => i.applicationId === filed[1]!.id)!;
    const claimed = await claimTask(t.ctx, target.id, front);
    assert.ok(claimed.ok, JSON.stringify(claimed));
    const after = await queueOf(front);
    assert.equal(after.counts.holders.mine, 1);
    assert.equal(after.counts.holders.unclaimed, after.counts.holders.all - 1);
    assert.deepEqual((await queueOf(front, { holder: 'mine' })).items.map((i) => i.id), [target.id]);
    assert.ok(!(await queueOf(front, { holder: 'unclaimed' })).items.some((i) => i.id === target.id));
    assert.equal((await queueOf(front, { holder: 'unclaimed' })).total, after.counts.holders.unclaimed);
  });

  it('finds a case by its registration number, typed in any case, and only in the officer\'s own office', async () => {
    const c = filed[3]!;
    const r = await search({ q: c.registrationNumber.toLowerCase() });
    assert.equal(r.by, 'number');
    assert.deepEqual(r.items.map((i) => i.id), [c.id]);
    assert.equal(r.items[0]!.applicantName, 'Ahmad Fauzi');
    assert.equal(r.items[0]!.status, 'open');
    assert.equal(r.items[0]!.submittedDate, '2026-04-06', 'the day in Jambi (WIB)');
    assert.equal((await search({ q: other.registrationNumber })).total, 0, 'a Banjarmasin number is not found from Jambi');
    const banjar = await officer('front-office@kota-banjarmasin');
    assert.deepEqual((await search({ q: other.registrationNumber }, banjar)).items.map((i) => i.id), [other.id]);
  });

  it('finds cases by part of the name, whatever the case of the letters, and takes % and _ literally', async () => {
    const sitis = await search({ q: 'siti' });
    assert.equal(sitis.by, 'name');
    assert.deepEqual(sitis.items.map((i) => i.applicantName).sort(), ['Siti Aminah', 'Siti Rahmawati'], 'not the Siti of Banjarmasin');
    assert.deepEqual((await search({ q: 'SITI  AM' })).items.map((i) => i.applicantName), ['Siti Aminah']);
    assert.equal((await search({ q: 'Sit%' })).total, 0);
    assert.equal((await search({ q: 'Sit_ Aminah' })).total, 0);
    assert.ok(sitis.items.every((i) => /^\d{4} \d{2}•• •••• \d{4}$/.test(i.nikMasked ?? '')), 'the list shows NIKs masked');
  });

  it('finds cases by NIK and writes the search to the access log with its purpose; a name search is not logged', async () => {
    const app = await t.database.db.selectFrom('applications').select(['applicant_nik']).where('id', '=', filed[2]!.id).executeTakeFirstOrThrow();
    const nik = app.applicant_nik!;
    const expected = await t.database.db.selectFrom('applications').select('id').where('office_id', '=', front.officeId).where('applicant_nik', '=', nik).execute();
    const before = (await accessLogForNik(t.database.db, front.officeId, nik)).length;
    const r = await search({ q: `${nik.slice(0, 4)} ${nik.slice(4, 8)} ${nik.slice(8)}`, purpose: 'Pemohon menanyakan berkasnya di loket' });
    assert.equal(r.by, 'nik');
    assert.deepEqual(r.items.map((i) => i.id).sort(), expected.map((e) => e.id).sort());
    const log = await accessLogForNik(t.database.db, front.officeId, nik);
    assert.equal(log.length, before + 1);
    const entry = log.at(-1)!;
    assert.equal(entry.action, 'search-cases');
    assert.equal(entry.actorId, front.id);
    assert.equal(entry.reason, 'Pemohon menanyakan berkasnya di loket');
    assert.equal(entry.found, true);
    await search({ q: 'Budi' });
    assert.equal((await accessLogForNik(t.database.db, front.officeId, nik)).length, before + 1);
    // Without a stated purpose the log still says why.
    await search({ q: nik });
    assert.equal((await accessLogForNik(t.database.db, front.officeId, nik)).at(-1)!.reason, 'Pencarian berkas permohonan');
  });

  it('lists completed and withdrawn cases, and filters by submitted dates in the office\'s zone', async () => {
    const sim = await simulateCase(t.ctx, JAMBI, LISTRIK, 'main');
    assert.equal(sim.finalStatus, 'completed');
    const gone = filed[6]!;
    const w = await withdrawApplication(t.ctx, (await findOfficeCase(t.ctx, front.officeId, gone.id))!, front, 'Pemohon pindah domisili');
    assert.ok(w.ok, JSON.stringify(w));
    const completed = await search({ status: 'completed' });
    assert.ok(completed.items.some((i) => i.id === sim.applicationId));
    assert.ok(completed.items.every((i) => i.status === 'completed'));
    const withdrawn = await search({ status: 'withdrawn' });
    assert.deepEqual(withdrawn.items.map((i) => i.id), [gone.id]);
    assert.deepEqual((await search({ q: 'Rina', status: 'open' })).items, [], 'the withdrawn Rina is not open');

    const all = await search({});
    assert.ok(all.total >= PEOPLE.length + 1);
    assert.equal((await search({ from: '2026-04-06', to: '2026-04-06', q: 'rahmawati' })).total, 1, 'filed on Monday 6 April');
    assert.equal((await search({ to: '2026-04-05', q: 'rahmawati' })).total, 0);
    assert.equal((await search({ from: '2026-04-07', q: 'rahmawati' })).total, 0);
    // 00:30 WIB on Monday 6 April is still Sunday 5 April in UTC: the day is Jambi's.
    const kept = now;
    now = new Date('2026-04-05T17:30:00Z');
    const early = await fileCase(t.ctx, JAMBI, BAYI, 'Kartini Wulandari');
    now = kept;
    assert.deepEqual((await search({ from: '2026-04-06', to: '2026-04-06', q: 'kartini' })).items.map((i) => i.id), [early.id]);
    assert.equal((await search({ to: '2026-04-05', q: 'kartini' })).total, 0);
  });

  it('pages search results: every case of the office exactly once, newest first', async () => {
    const total = (await search({})).total;
    const seen: string[] = [];
    let last = '9999';
    for (let page = 1; page <= Math.ceil(total / 4); page++) {
      const r = await search({ page, pageSize: 4 });
      assert.equal(r.page, page);
      for (const i of r.items) {
        assert.ok(i.submittedAt <= last, 'newest first');
        last = i.submittedAt;
      }
      seen.push(...r.items.map((i) => i.id));
    }
    assert.equal(seen.length, total);
    assert.equal(new Set(seen).size, total);
    assert.ok(!seen.includes(other.id));
  });

  it('refuses what cannot be a search, with the reason beside the field', async () => {
    const short = await searchCases(t.ctx, front, { q: '157102410790' });
    assert.ok(!short.ok);
    assert.deepEqual(short.error.problems.map((p) => [p.field, p.code]), [['q', 'nik-length']]);
    assert.match(short.error.problems[0]!.message, /16 angka; yang tertulis 12/);
    const tiny = await searchCases(t.ctx, front, { q: 'Si' });
    assert.ok(!tiny.ok);
    assert.equal(tiny.error.problems[0]!.code, 'name-too-short');
    const dates = await searchCases(t.ctx, front, { from: '2026-04-10', to: '2026-04-01' });
    assert.ok(!dates.ok);
    assert.deepEqual(dates.error.problems.map((p) => [p.field, p.code]), [['to', 'date-range-reversed']]);
    const bad = await searchCases(t.ctx, front, { from: '2026-02-30' });
    assert.ok(!bad.ok);
    assert.equal(bad.error.problems[0]!.field, 'from');
  });

  it('shows an auditor the names masked', async () => {
    const auditor = await officer(`auditor@${JAMBI}`);
    const r = await search({ q: filed[0]!.registrationNumber }, auditor);
    assert.equal(r.items[0]!.applicantName, 'S*** A*****');
  });

  it('warns of open cases of the same NIK for the same service only', async () => {
    const first = filed[0]!;
    const nik = (await t.database.db.selectFrom('applications').select('applicant_nik').where('id', '=', first.id).executeTakeFirstOrThrow()).applicant_nik!;
    const openSame = await t.database.db
      .selectFrom('applications')
      .innerJoin('services', 'services.id', 'applications.service_id')
      .select('applications.id')
      .where('applications.office_id', '=', front.officeId)
      .where('applications.applicant_nik', '=', nik)
      .where('services.slug', '=', BAYI)
      .where('applications.status', 'in', ['open', 'waiting-applicant', 'waiting-external'])
      .execute();
    assert.ok(openSame.length >= 2, 'the Jamkesda cases of the fixture share the demo NIK');
    const dup = await findDuplicates(t.ctx, front, { nik, service: BAYI });
    assert.ok(dup.ok);
    assert.deepEqual(dup.value.map((c) => c.id).sort(), openSame.map((c) => c.id).sort());
    assert.ok(dup.value.every((c) => c.status !== 'completed' && c.status !== 'withdrawn'));
    // The withdrawn Rina Marlina (a Jamkesda case) is not a duplicate.
    assert.ok(!dup.value.some((c) => c.id === filed[6]!.id));
    // Another NIK, or the same NIK for another service or in another office, is no duplicate.
    const otherNik = `${nik.slice(0, 12)}${String((Number(nik.slice(12)) + 1) % 10000).padStart(4, '0')}`;
    assert.deepEqual(await findDuplicates(t.ctx, front, { nik: otherNik, service: BAYI }), { ok: true, value: [] });
    const listrikNik = (await t.database.db.selectFrom('applications').select('applicant_nik').where('id', '=', filed[2]!.id).executeTakeFirstOrThrow()).applicant_nik!;
    const forListrik = await findDuplicates(t.ctx, front, { nik: listrikNik, service: LISTRIK });
    assert.ok(forListrik.ok);
    const listrikId = t.catalogue.service(JAMBI, LISTRIK)!.service.id;
    assert.ok(forListrik.value.length > 0);
    assert.ok(forListrik.value.every((c) => c.service.id === listrikId && c.status === 'open'));
    assert.ok(!forListrik.value.some((c) => openSame.some((o) => o.id === c.id)), 'the Jamkesda cases are not duplicates of a Listrik application');
    const banjar = await officer('front-office@kota-banjarmasin');
    const fromBanjar = await findDuplicates(t.ctx, banjar, { nik, service: 'santunan-kematian' });
    assert.ok(fromBanjar.ok);
    assert.ok(!fromBanjar.value.some((c) => openSame.some((o) => o.id === c.id)), 'never another office\'s cases');
    assert.deepEqual(await findDuplicates(t.ctx, front, { nik: '1571', service: BAYI }), { ok: true, value: [] }, 'an unfinished NIK is not searched');
    const unknown = await findDuplicates(t.ctx, front, { nik, service: 'tidak-ada' });
    assert.ok(!unknown.ok && unknown.error.kind === 'not-found');
    assert.equal((await accessLogForNik(t.database.db, front.officeId, nik)).at(-1)!.action, 'search-cases', 'the check is logged');
  });

  it('serves the search and the duplicate check over JSON for staff only, and the search page in words', async () => {
    const auth = await api.login(`front-office@${JAMBI}`);
    const ok = await api.req('GET', `/api/v1/applications?q=${encodeURIComponent(filed[3]!.registrationNumber)}`, undefined, auth);
    assert.equal(ok.status, 200, ok.body);
    assert.deepEqual(ok.json().items.map((i: { id: string }) => i.id), [filed[3]!.id]);
    const bad = await api.req('GET', '/api/v1/applications?q=12345', undefined, auth);
    assert.equal(bad.status, 422);
    assert.equal(bad.json().error.code, 'nik-length');
    assert.equal((await api.req('GET', '/api/v1/applications?q=siti')).status, 401);
    const dup = await api.req('GET', `/api/v1/applications/duplicates?nik=1571024107900003&service=${BAYI}`, undefined, auth);
    assert.equal(dup.status, 200);
    assert.deepEqual(dup.json(), []);
    const tasks = await api.req('GET', '/api/v1/tasks?limit=3&holder=unclaimed', undefined, auth);
    assert.equal(tasks.status, 200);
    assert.equal(tasks.json().length, 3);

    const page = await api.req('GET', '/petugas/cari?status=withdrawn', undefined, auth);
    assert.equal(page.status, 200);
    assert.match(page.body, /Dibatalkan oleh pemohon/);
    assert.doesNotMatch(page.body, />withdrawn</);
    const refused = await api.req('GET', '/petugas/cari?q=Si', undefined, auth);
    assert.equal(refused.status, 422);
    assert.match(refused.body, /<p class="field-error" id="err-q">Tulis sedikitnya 3 huruf/);
    const en = await api.req('GET', '/petugas/cari?status=completed&lang=en', undefined, auth);
    assert.match(en.body, /<td data-label="Status">Completed<\/td>/);
  });
});
