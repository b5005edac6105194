import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DB } from '../support/db.js';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { BUDI, multipartBody, PDF_MIN, PNG_1X1, SITI } from '../support/fixtures.js';

describe(`applications API (${TEST_DB})`, () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(async () => t.close());

  const { req, login } = apiClient(() => t);
  const upload = async (content: Buffer, name: string, mime: string) => {
    const { payload, headers } = multipartBody('file', name, mime, content);
    return t.app.inject({ method: 'POST', url: '/api/v1/uploads', payload, headers });
  };

  // Jambi 9, Rekomendasi Jamkesda Bayi: three requirements, one of them a DTKS condition.
  const jambiBayi = () => t.catalogue.service('kota-jambi', 'rekomendasi-jamkesda-bayi')!.service.service;
  const docsFor = async () => {
    const docs = jambiBayi().requirements.filter((r) => r.kind === 'document');
    const out = [];
    for (const [i, d] of docs.entries()) {
      const u = await upload(i % 2 ? PDF_MIN : PNG_1X1, i % 2 ? 'kk.pdf' : 'ktp.png', i % 2 ? 'application/pdf' : 'image/png');
      assert.equal(u.statusCode, 201, u.body);
      out.push({ requirement: d.id, upload: JSON.parse(u.body).id as string });
    }
    return out;
  };

  let submitted: { id: string; registrationNumber: string; trackingCode: string };

  it('accepts an online application with uploaded documents: 201 with number, tracking code and status', async () => {
    const r = await req('POST', '/api/v1/applications', { office: 'kota-jambi', service: 'rekomendasi-jamkesda-bayi', applicant: SITI, attachments: await docsFor() }, { 'idempotency-key': 'siti-bayi-2026-0001' });
    assert.equal(r.status, 201, r.body);
    const b = r.json();
    assert.match(b.registrationNumber, /^JMB-2026-\d{6}$/);
    assert.match(b.trackingCode, /^[A-Z2-9]{8}$/);
    assert.equal(b.status, 'open');
    assert.equal(b.dueAt, null, 'the clock waits for the file to be declared complete');
    submitted = b;
  });

  it('returns the same application for a retried request with the same Idempotency-Key', async () => {
    const again = await req('POST', '/api/v1/applications', { office: 'kota-jambi', service: 'rekomendasi-jamkesda-bayi', applicant: SITI, attachments: await docsFor() }, { 'idempotency-key': 'siti-bayi-2026-0001' });
    assert.equal(again.status, 201);
    assert.deepEqual(again.json(), submitted);
    const rows = await t.database.db.selectFrom('applications').select('id').where('idempotency_key', '=', 'siti-bayi-2026-0001').execute();
    assert.equal(rows.length, 1);
    const parallel = await Promise.all(
      [1, 2, 3].map(async () => req('POST', '/api/v1/applications', { office: 'kota-jambi', service: 'rekomendasi-jamkesda-bayi', applicant: SITI, attachments: await docsFor() }, { 'idempotency-key': 'siti-bayi-parallel-1' })),
    );
    assert.deepEqual(new Set(parallel.map((p) => p.status)), new Set([201]));
    assert.equal(new Set(parallel.map((p) => p.json().id)).size, 1, 'concurrent retries get one application');
  });

  it('lists every problem by field with a specific reason (422)', async () => {
    const r = await req('POST', '/api/v1/applications', {
      office: 'kota-jambi',
      service: 'rekomendasi-jamkesda-bayi',
      applicant: { nik: '9971024107900003', name: 'S', email: 'bukan-email' },
      answers: { 'tidak-ada': 1 },
    });
    assert.equal(r.status, 422);
    const e = r.json().error;
    assert.equal(e.code, 'invalid');
    const byField = Object.fromEntries(e.problems.map((p: { field: string; code: string }) => [p.field, p.code]));
    assert.equal(byField['applicant.nik'], 'nik-province');
    assert.equal(byField['applicant.name'], 'name-required');
    assert.equal(byField['applicant.email'], 'email-invalid');
    assert.equal(byField['answers.tidak-ada'], 'answer-unknown');
    const missingDocs = e.problems.filter((p: { code: string }) => p.code === 'document-missing');
    assert.equal(missingDocs.length, jambiBayi().requirements.filter((x) => x.kind === 'document' && x.required).length);
    const nik = e.problems.find((p: { field: string }) => p.field === 'applicant.nik');
    assert.match(nik.message, /provinsi/i);
    assert.match(nik.messageEn, /province/i);
  });

  it('explains a malformed NIK precisely: length, digits, impossible date', async () => {
    const codes = [];
    for (const nik of ['157102410790', '15710241079O0003', '1571023302900003']) {
      const r = await req('POST', '/api/v1/applications', { office: 'kota-jambi', service: 'rekomendasi-jamkesda-bayi', applicant: { ...SITI, nik } });
      codes.push(r.json().error.problems.find((p: { field: string }) => p.field === 'applicant.nik').code);
    }
    assert.deepEqual(codes, ['nik-length', 'nik-not-digits', 'nik-date']);
  });

  it('checks uploads by content, not by name', async () => {
    const fake = await upload(Buffer.from('ini bukan pdf, hanya teks biasa'), 'kk.pdf', 'application/pdf');
    assert.equal(fake.statusCode, 415);
    assert.equal(JSON.parse(fake.body).error.code, 'file-type');
    const real = await upload(PNG_1X1, 'foto-tanpa-ekstensi', 'application/octet-stream');
    assert.equal(real.statusCode, 201);
    assert.equal(JSON.parse(real.body).mime, 'image/png');
  });

  it('tracks by number and code; a wrong code looks exactly like an unknown number', async () => {
    const ok = await req('GET', `/api/v1/applications/${submitted.registrationNumber}/status?code=${submitted.trackingCode}`);
    assert.equal(ok.status, 200);
    const s = ok.json();
    assert.equal(s.status, 'open');
    assert.equal(s.currentStep.id, jambiBayi().procedure!.start);
    assert.ok(!JSON.stringify(s).includes(SITI.nik), 'no NIK in public tracking');
    const wrong = await req('GET', `/api/v1/applications/${submitted.registrationNumber}/status?code=AAAAAAAA`);
    const unknown = await req('GET', `/api/v1/applications/JMB-2026-999999/status?code=${submitted.trackingCode}`);
    assert.equal(wrong.status, 404);
    assert.equal(unknown.status, 404);
    assert.equal(wrong.body, unknown.body);
  });

  it('signs staff in with a bearer token, refuses a wrong password and locks out after 5 failures', async () => {
    assert.equal((await req('GET', '/api/v1/tasks')).status, 401);
    const bad = await req('POST', '/api/v1/auth/login', { username: 'operator@kota-semarang', password: 'salah' });
    assert.equal(bad.status, 401);
    assert.equal(bad.json().error.code, 'invalid-credentials');
    for (let i = 0; i < 4; i++) await req('POST', '/api/v1/auth/login', { username: 'operator@kota-semarang', password: 'salah' });
    const locked = await req('POST', '/api/v1/auth/login', { username: 'operator@kota-semarang', password: 'sigap-demo' });
    assert.equal(locked.status, 423, 'even the right password is refused while locked');
    assert.match(locked.json().error.message, /dikunci/);
  });

  it('puts the case in the front office queue and completes it with the step\'s outcome', async () => {
    const h = await login('front-office@kota-jambi');
    const tasks = (await req('GET', '/api/v1/tasks', undefined, h)).json() as { id: string; registrationNumber: string; outcomes: { id: string; kind: string }[]; version: number; step: { id: string } }[];
    const task = tasks.find((x) => x.registrationNumber === submitted.registrationNumber)!;
    assert.ok(task, 'in the queue');
    assert.deepEqual(Object.keys(task).sort(), ['applicantName', 'applicationId', 'dueAt', 'dueAtLocal', 'id', 'outcomes', 'registrationNumber', 'service', 'slaState', 'step', 'version'].sort());
    assert.ok(task.outcomes.every((o) => ['forward', 'return', 'reject'].includes(o.kind)));
    const notAllowed = await req('POST', `/api/v1/tasks/${task.id}/complete`, { outcome: 'disetujui-sendiri', version: task.version }, h);
    assert.equal(notAllowed.status, 422);
    assert.equal(notAllowed.json().error.problems[0].code, 'outcome-not-allowed');
    const ret = task.outcomes.find((o) => o.kind === 'return')!;
    const noReason = await req('POST', `/api/v1/tasks/${task.id}/complete`, { outcome: ret.id, version: task.version }, h);
    assert.equal(noReason.status, 422);
    assert.equal(noReason.json().error.problems[0].code, 'reason-required');
    const fwd = task.outcomes.find((o) => o.kind === 'forward')!;
    const [a, b] = await Promise.all([
      req('POST', `/api/v1/tasks/${task.id}/complete`, { outcome: fwd.id, note: 'Berkas lengkap', version: task.version }, h),
      req('POST', `/api/v1/tasks/${task.id}/complete`, { outcome: fwd.id, note: 'Berkas lengkap', version: task.version }, h),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409], 'exactly one of two concurrent completions wins');
    const loser = a.status === 409 ? a : b;
    assert.match(loser.json().error.message, /Petugas lain sudah lebih dulu/);
    const stale = await req('POST', `/api/v1/tasks/${task.id}/complete`, { outcome: fwd.id, version: task.version }, h);
    assert.equal(stale.status, 409);
    const after = (await req('GET', `/api/v1/applications/${submitted.registrationNumber}/status?code=${submitted.trackingCode}`)).json();
    assert.ok(after.dueAt, 'the clock started when the file was declared complete');
  });

  it('keeps a timeline with actor, local time and SLA effect', async () => {
    const h = await login('front-office@kota-jambi');
    const r = await req('GET', `/api/v1/applications/${submitted.id}/timeline`, undefined, h);
    assert.equal(r.status, 200);
    const tl = r.json();
    assert.equal(tl[0].type, 'submitted');
    assert.equal(tl[0].actor, 'Pemohon (daring)');
    assert.equal(tl[1].type, 'step-completed');
    assert.match(tl[1].actor, /Front Office/);
    assert.deepEqual(Object.keys(tl[1].slaEffect).sort(), ['clock', 'dueAt']);
    assert.equal(tl[1].slaEffect.clock, 'started');
    assert.match(tl[1].atLocal, /WIB$/);
  });

  it('keeps offices apart: a Semarang officer sees nothing of a Jambi case', async () => {
    const h = await login('front-office@kota-semarang');
    assert.equal((await req('GET', `/api/v1/applications/${submitted.id}/timeline`, undefined, h)).status, 404);
    const tasks = (await req('GET', '/api/v1/tasks', undefined, h)).json() as { registrationNumber: string }[];
    assert.ok(tasks.every((x) => !x.registrationNumber.startsWith('JMB-')));
    const jambiTask = await t.database.db.selectFrom('tasks').select(['id']).where('application_id', '=', submitted.id).where('status', '=', 'open').executeTakeFirstOrThrow();
    const r = await req('POST', `/api/v1/tasks/${jambiTask.id}/complete`, { outcome: 'x', version: 1 }, h);
    assert.equal(r.status, 404);
    const counter = await req('POST', '/api/v1/applications', { office: 'kota-jambi', service: 'rekomendasi-jamkesda-bayi', applicant: BUDI, channel: 'counter' }, h);
    assert.equal(counter.status, 404, 'staff cannot register cases for another office');
  });

  it('refuses a task to a role that does not own its step (403)', async () => {
    const h = await login('auditor@kota-jambi');
    const task = await t.database.db.selectFrom('tasks').select(['id']).where('application_id', '=', submitted.id).where('status', '=', 'open').executeTakeFirstOrThrow();
    const app = await t.database.db.selectFrom('applications').select('version').where('id', '=', submitted.id).executeTakeFirstOrThrow();
    const r = await req('POST', `/api/v1/tasks/${task.id}/complete`, { outcome: 'x', version: Number(app.version) }, h);
    assert.equal(r.status, 403);
  });

  it('computes due times on each office calendar: GET /api/v1/offices/{slug}/calendar/due', async () => {
    const due = async (slug: string, q: string) => (await req('GET', `/api/v1/offices/${slug}/calendar/due?${q}`)).json();
    // Friday 13 March 2026, 10:50 WIB, Jambi (Fri closes 11:00): 10 minutes Friday, 5 more Monday from 07:30.
    assert.deepEqual(await due('kota-jambi', 'start=2026-03-13T10:50:00%2B07:00&value=15&unit=minutes'), {
      dueAt: '2026-03-16T07:35:00+07:00',
      dueAtLocal: 'Senin, 16 Maret 2026 07.35 WIB',
      timezone: 'Asia/Jakarta',
      warnings: [],
    });
    // Banjarmasin (WITA, default week): Monday 8 June 2026 09:00 + 3 working days → Thursday 11 June closing 16:00.
    const bjm = await due('kota-banjarmasin', 'start=2026-06-08T09:00:00%2B08:00&value=3&unit=working_days');
    assert.equal(bjm.dueAt, '2026-06-11T16:00:00+08:00');
    assert.match(bjm.dueAtLocal, /WITA$/);
    // 24x7 disaster service in Jambi: 1 day is calendar time.
    const disaster = await due('kota-jambi', 'start=2026-03-20T22:00:00%2B07:00&value=1&unit=days&service=distribusi-logistik-bencana');
    assert.equal(disaster.dueAt, '2026-03-21T22:00:00+07:00');
    // Into 2027, which has no holiday data yet: a result and a warning.
    const late = await due('kota-jambi', 'start=2026-12-28T09:00:00%2B07:00&value=10&unit=working_days');
    assert.ok(late.dueAt.startsWith('2027-01'));
    assert.equal(late.warnings[0].code, 'no-holiday-data');
    assert.equal(late.warnings[0].year, 2027);
    const bad = await req('GET', '/api/v1/offices/kota-jambi/calendar/due?start=kemarin&value=1&unit=days');
    assert.equal(bad.status, 422);
    assert.equal((await req('GET', '/api/v1/offices/kota-jambi/calendar/due?start=2026-03-13T10:50:00Z&value=1&unit=weeks')).status, 400);
  });
});

describe(`office closures move due times at once (${TEST_DB})`, () => {
  let t: TestApp;
  before(async () => {
    // Monday 2 March 2026: the closure is ahead (a day already past cannot be closed after the fact).
    t = await testApp({ now: () => new Date('2026-03-02T01:00:00Z') });
  });
  after(async () => t.close());

  it('an admin closes Friday 6 March 2026; a 1-working-day limit started Thursday moves to Monday', async () => {
    const due = async () => (await t.app.inject({ method: 'GET', url: '/api/v1/offices/kota-jambi/calendar/due?start=2026-03-05T09:00:00%2B07:00&value=1&unit=working_days' })).json().dueAt;
    assert.equal(await due(), '2026-03-06T11:00:00+07:00', 'Friday closes at 11:00 in Jambi');
    const login = async (u: string) => ({ authorization: `Bearer ${JSON.parse((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u, password: 'sigap-demo' } })).body).token}` });
    const clerk = await t.app.inject({ method: 'POST', url: '/api/v1/offices/kota-jambi/closures', payload: { date: '2026-03-06', reason: 'Banjir di kantor' }, headers: await login('front-office@kota-jambi') });
    assert.equal(clerk.statusCode, 403);
    const admin = await login('admin@kota-jambi');
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/offices/kota-jambi/closures', payload: { date: '2026-03-06', reason: 'Banjir di kantor' }, headers: admin });
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(await due(), '2026-03-09T16:00:00+07:00');
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/offices/kota-jambi/closures', payload: { date: '2026-03-06', reason: 'Banjir di kantor' }, headers: admin });
    assert.equal(again.statusCode, 409);
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/offices/kota-jambi/closures', payload: { date: '2026-02-30', reason: 'x' }, headers: admin });
    assert.equal(bad.statusCode, 422);
    const audit = await t.database.db.selectFrom('audit_events').select('action').where('action', '=', 'calendar.closure.add').execute();
    assert.equal(audit.length, 1);
  });
});

describe(`claiming tasks (${TEST_DB})`, () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(async () => t.close());

  it('one verifikator claims a task; another gets 409 on claim and on completion; release frees it', async () => {
    const { createUser } = await import('../../src/usecases/staff/create-user.js');
    await createUser(t.ctx.database, t.catalogue, { office: 'kota-jambi', username: 'rina.verif@kota-jambi', displayName: 'Rina Marlina', password: 'rahasia-rina-2026', roles: ['front-office'] });
    const token = async (u: string, p = 'sigap-demo') => ({ authorization: `Bearer ${JSON.parse((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u, password: p } })).body).token}` });
    const a = await token('front-office@kota-jambi');
    const b = await token('rina.verif@kota-jambi', 'rahasia-rina-2026');
    const sub = await t.app.inject({ method: 'POST', url: '/api/v1/applications', payload: { office: 'kota-jambi', service: 'rekomendasi-jamkesda-bayi', applicant: SITI, channel: 'counter', attachments: [{ requirement: 'kk-ktp-akte', shown: true }, { requirement: 'sktm-rt-lurah', shown: true }] }, headers: a });
    assert.equal(sub.statusCode, 201, sub.body);
    const task = (JSON.parse((await t.app.inject({ method: 'GET', url: '/api/v1/tasks', headers: a })).body) as { id: string; version: number; registrationNumber: string; outcomes: { id: string; kind: string }[] }[]).find((x) => x.registrationNumber === JSON.parse(sub.body).registrationNumber)!;
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/tasks/${task.id}/claim`, headers: a })).statusCode, 200);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/tasks/${task.id}/claim`, headers: b })).statusCode, 409);
    const fwd = task.outcomes.find((o) => o.kind === 'forward')!.id;
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/tasks/${task.id}/complete`, payload: { outcome: fwd, version: task.version }, headers: b })).statusCode, 409);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/tasks/${task.id}/release`, headers: a })).statusCode, 200);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/tasks/${task.id}/complete`, payload: { outcome: fwd, version: task.version }, headers: b })).statusCode, 200);
  });

  it('a signed-out bearer token is refused on the very next request, though sessions are remembered between requests', async () => {
    const { req } = apiClient(() => t);
    const login = await req('POST', '/api/v1/auth/login', { username: 'front-office@kota-semarang', password: 'sigap-demo' });
    assert.equal(login.status, 200, login.body);
    const headers = { authorization: `Bearer ${login.json().token}` };
    assert.equal((await req('GET', '/api/v1/tasks', undefined, headers)).status, 200);
    assert.equal((await req('GET', '/api/v1/tasks', undefined, headers)).status, 200);
    assert.equal((await req('POST', '/api/v1/auth/logout', undefined, headers)).status, 204);
    const after = await req('GET', '/api/v1/tasks', undefined, headers);
    assert.equal(after.status, 401);
    assert.equal(after.json().error.code, 'unauthenticated');
  });
});
