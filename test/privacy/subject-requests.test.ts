/**
 * Data-subject requests (issue 12, deliverable 8; UU 27/2022 Pasal 32) on a real database: a
 * person asks on the public page with NIK and the tracking code of one of their own cases or
 * complaints, or at the counter after the officer has seen the KTP; a wrong code is refused exactly
 * like an unknown NIK; the head of office answers with an export of everything held about that NIK
 * in that office (and nothing about anyone else), the export is logged and audited, the person
 * downloads it with number and code, and the 72-hour clock turns at risk and late.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SubjectExport } from '../../src/domain/privacy/index.js';
import { logDataRead } from '../../src/usecases/audit/log-data-read.js';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { pdfText } from '../support/pdf.js';
import { newComplaint } from '../support/factories.js';
import { appendAccessEntry } from '../../src/db/registry-repo.js';
import { actorFor, driveUntil, signReady } from '../letters/helpers.js';
import { fileCaseFor, OFFICE, SERVICE } from './support.js';
/** 17:00 WIB on Friday 30 May 2025 (DOMAIN.md §7): due Monday 2 June 17:00 WIB. */
const FRIDAY_5PM = Date.parse('2025-05-30T10:00:00.000Z');
const HOUR = 3_600_000;


describe(`data-subject requests (${TEST_DB})`, () => {
  let t: TestApp;
  let now = FRIDAY_5PM;
  const api = apiClient(() => t);
  const people: Record<'siti' | 'budi', { nik: string; cases: { id: string; registrationNumber: string; trackingCode: string }[] }> = {
    siti: { nik: '', cases: [] },
    budi: { nik: '', cases: [] },
  };
  let complaint: { receiptNumber: string; trackingCode: string };

  const fileFor = async (who: 'siti' | 'budi', name: string, serial: number) => {
    const c = await fileCaseFor(t.ctx, name, serial);
    people[who].nik = c.nik;
    people[who].cases.push(c);
  };

  before(async () => {
    t = await testApp({ now: () => new Date(now) });
    await fileFor('siti', 'Siti Aminah', 3);
    await fileFor('siti', 'Siti Aminah', 3);
    await fileFor('budi', 'Budi Santoso', 7);
    complaint = await newComplaint(t.ctx, { office: OFFICE, text: 'Surat rekomendasi saya belum selesai setelah dua minggu.', mode: 'named', complainant: { name: 'Siti Aminah', phone: '081266782747' }, application: people.siti.cases[0]!.registrationNumber });
    // Siti's first case runs to its end: its letter is numbered and signed.
    const end = await driveUntil(t.ctx, people.siti.cases[0]!.id, () => false, OFFICE);
    if ((await t.ctx.database.db.selectFrom('letters').select('id').where('application_id', '=', people.siti.cases[0]!.id).where('status', '=', 'ready').execute()).length) await signReady(t.ctx, people.siti.cases[0]!.id, OFFICE);
    assert.equal(end.step, null);
    // DTKS look-ups as the registry logs them: one of Siti's NIK, one of Budi's.
    const officer = await actorFor(t.ctx, `operator@${OFFICE}`);
    for (const [nik, reason] of [[people.siti.nik, 'Verifikasi permohonan SKTM berobat'], [people.budi.nik, 'Verifikasi permohonan SKTM Budi']] as const)
      await appendAccessEntry(t.ctx.database, { officeId: t.ctx.catalogue.office(OFFICE)!.id, actor: { id: officer.id, name: officer.name, roles: officer.roles }, action: 'lookup-nik', nik, reason, found: true, at: new Date(now).toISOString() });
    // Reads of personal data as the other capabilities log them: one of Siti's case, one of Budi's.
    const operator = await actorFor(t.ctx, `operator@${OFFICE}`);
    const office = t.ctx.catalogue.office(OFFICE)!;
    await logDataRead(t.ctx, operator, { officeId: office.id, recordKind: 'application', recordId: people.siti.cases[0]!.id, subjectNik: people.siti.nik, purpose: 'case-work', fields: ['identity', 'answers'] });
    await logDataRead(t.ctx, operator, { officeId: office.id, recordKind: 'application', recordId: people.budi.cases[0]!.id, subjectNik: people.budi.nik, purpose: 'case-work', fields: ['identity'] });
  });
  after(() => t.close());

  const publicRequest = (fields: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: `/kantor/${OFFICE}/privasi`, payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

  const auditRows = (action: string) => t.ctx.database.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('seq').execute();

  it('registers a public request proven by the tracking code of one of the person’s own cases, due 72 hours later', async () => {
    const r = await api.req('POST', '/api/v1/privacy/requests', { office: OFFICE, nik: people.siti.nik, name: 'Siti Aminah', contact: '081266782747', trackingCode: people.siti.cases[1]!.trackingCode.toLowerCase() });
    assert.equal(r.status, 201, r.body);
    const v = r.json();
    assert.match(v.number, /^JMB-PDP-2025-\d{6}$/);
    assert.equal(v.dueAt, '2025-06-02T10:00:00.000Z');
    assert.equal(v.dueAtLocal, '2025-06-02 17:00 WIB');
    const rows = await auditRows('privacy.request');
    const detail = JSON.parse(rows.at(-1)!.detail);
    assert.equal(detail.channel, 'website');
    assert.equal(detail.proof.number, people.siti.cases[1]!.registrationNumber);
    assert.doesNotMatch(rows.at(-1)!.detail, new RegExp(people.siti.nik), 'the audit row masks the NIK');
  });

  it('accepts the tracking code of a complaint about the person’s case as proof too, through the page form', async () => {
    const r = await publicRequest({ nik: people.siti.nik, name: 'Siti Aminah', contact: 'siti.aminah@gmail.com', trackingCode: complaint.trackingCode });
    assert.equal(r.statusCode, 201, r.body);
    assert.match(r.body, /JMB-PDP-2025-\d{6}/);
    assert.match(r.body, /2025-06-02 17:00 WIB/);
  });

  it('refuses a wrong code for a known NIK exactly like an unknown NIK: same status, same page, same work', async () => {
    const unknownNik = '1571014107900009';
    const wrong = () => publicRequest({ nik: people.siti.nik, name: 'Siti Aminah', contact: '081266782747', trackingCode: people.budi.cases[0]!.trackingCode });
    const unknown = () => publicRequest({ nik: unknownNik, name: 'Siti Aminah', contact: '081266782747', trackingCode: people.siti.cases[0]!.trackingCode });
    const [a, b] = [await wrong(), await unknown()];
    assert.equal(a.statusCode, 422);
    assert.equal(b.statusCode, a.statusCode);
    assert.equal(a.body.replace(people.siti.nik, '<nik>'), b.body.replace(unknownNik, '<nik>'));
    assert.match(a.body, /NIK dan kode pelacakan tidak cocok/);
    // The JSON twin: the same body for both.
    const j1 = await api.req('POST', '/api/v1/privacy/requests', { office: OFFICE, nik: people.siti.nik, name: 'X', contact: '0812', trackingCode: 'ABCDEFGH' });
    const j2 = await api.req('POST', '/api/v1/privacy/requests', { office: OFFICE, nik: unknownNik, name: 'X', contact: '0812', trackingCode: 'ABCDEFGH' });
    assert.equal(j1.status, 422);
    assert.equal(j1.body, j2.body);
    // Timing class: the two kinds of refusal alternate (so a burst of load on the machine hits both),
    // and their medians stay within noise of each other.
    const times: [number[], number[]] = [[], []];
    for (let i = 0; i < 21; i++)
      for (const [k, f] of [wrong, unknown].entries()) {
        const s = performance.now();
        await f();
        times[k]!.push(performance.now() - s);
      }
    const [ta, tb] = times.map((xs) => xs.sort((p, q) => p - q)[10]!) as [number, number];
    assert.ok(Math.abs(ta - tb) < Math.max(ta, tb) * 0.75 + 5, `median wrong-code ${ta.toFixed(1)} ms vs unknown-NIK ${tb.toFixed(1)} ms`);
    assert.equal((await auditRows('privacy.request')).length, 2, 'no refused request was recorded');
  });

  it('at the counter asks the officer to confirm the KTP was seen, records who did, and refuses read-only roles', async () => {
    const front = await api.login(`front-office@${OFFICE}`);
    const body = { office: OFFICE, nik: people.budi.nik, name: 'Budi Santoso', contact: '082134567890' };
    const missing = await api.req('POST', '/api/v1/privacy/requests', body, front);
    assert.equal(missing.status, 422);
    assert.equal(missing.json().error.code, 'identity-not-checked');
    const auditor = await api.req('POST', '/api/v1/privacy/requests', { ...body, identityChecked: true }, await api.login(`auditor@${OFFICE}`));
    assert.equal(auditor.status, 403);
    const operator = await api.req('POST', '/api/v1/privacy/requests', { ...body, identityChecked: true }, await api.login(`operator@${OFFICE}`));
    assert.equal(operator.status, 403, 'a role that does not handle requests records none');
    const ok = await api.req('POST', '/api/v1/privacy/requests', { ...body, identityChecked: true }, front);
    assert.equal(ok.status, 201, ok.body);
    const detail = JSON.parse((await auditRows('privacy.request')).at(-1)!.detail);
    assert.deepEqual([detail.channel, detail.proof.kind], ['counter', 'ktp-seen']);
    assert.match(detail.proof.by, /^Front Office \(Petugas Loket\)/);
  });

  it('shows the office list with the countdown turning at risk under 24 hours and late after 72', async () => {
    const head = await api.login(`kepala-dinas@${OFFICE}`);
    const states = async () => (await api.req('GET', '/api/v1/privacy/requests', undefined, head)).json().requests.map((r: { clock: string }) => r.clock) as string[];
    assert.deepEqual([...new Set(await states())], ['on-time']);
    // The auditor sees the list; a role that does not handle requests sees neither the list nor a request.
    const one = (await api.req('GET', '/api/v1/privacy/requests', undefined, await api.login(`auditor@${OFFICE}`))).json().requests[0];
    assert.ok(one.id);
    const surveyor = await api.login(`surveyor@${OFFICE}`);
    assert.equal((await api.req('GET', '/api/v1/privacy/requests', undefined, surveyor)).status, 403);
    // Refused at the edge by the permission table (privacy.read), before the request is looked up.
    assert.equal((await api.req('GET', `/api/v1/privacy/requests/${one.id}`, undefined, surveyor)).status, 403);
    assert.equal((await api.req('GET', `/api/v1/privacy/requests/${one.id}/export`, undefined, surveyor)).status, 403);
    now = FRIDAY_5PM + 50 * HOUR;
    assert.deepEqual([...new Set(await states())], ['at-risk']);
    now = FRIDAY_5PM + 73 * HOUR;
    assert.deepEqual([...new Set(await states())], ['late']);
    now = FRIDAY_5PM + 2 * HOUR;
  });

  it('lets only the head of office or the admin answer; the export holds Siti’s cases, complaint and reads, and nothing of Budi', async () => {
    const head = await api.login(`kepala-dinas@${OFFICE}`);
    const list = (await api.req('GET', '/api/v1/privacy/requests', undefined, head)).json().requests as { id: string; nik: string; number: string }[];
    const siti = list.find((r) => r.nik === people.siti.nik)!;
    const refused = await api.req('POST', `/api/v1/privacy/requests/${siti.id}/answer`, {}, await api.login(`front-office@${OFFICE}`));
    assert.equal(refused.status, 403);
    const answered = await api.req('POST', `/api/v1/privacy/requests/${siti.id}/answer`, {}, head);
    assert.equal(answered.status, 200, answered.body);
    assert.equal(answered.json().clock, 'met');
    assert.equal((await api.req('POST', `/api/v1/privacy/requests/${siti.id}/answer`, {}, head)).status, 409, 'answered once');

    const file = await api.req('GET', `/api/v1/privacy/requests/${siti.id}/export?format=json`, undefined, head);
    assert.equal(file.status, 200);
    const x = file.json() as SubjectExport;
    assert.equal(x.subject.nik, people.siti.nik);
    assert.deepEqual(x.applications.map((a) => a.registrationNumber).sort(), people.siti.cases.map((c) => c.registrationNumber).sort());
    assert.ok(x.applications.every((a) => a.events.length > 0 && a.uploads.length > 0), 'each case with its history and documents');
    assert.deepEqual(x.complaints.map((c) => c.receiptNumber), [complaint.receiptNumber]);
    assert.ok(x.letters.length > 0 && x.letters.every((l) => l.number && l.verifyUrl?.includes('/v/')), `Siti's signed letter with its number and verification link: ${JSON.stringify(x.letters)}`);
    assert.deepEqual(x.registryLookups.map((l) => l.reason), ['Verifikasi permohonan SKTM berobat']);
    assert.ok(['drafted', 'numbered'].every((type) => x.letters[0]!.events.some((e) => e.type === type)), `her letter's history: ${JSON.stringify(x.letters[0]!.events)}`);
    assert.deepEqual(x.processing.audit.map((a) => a.action), ['privacy.request'], 'the audit row of the request itself');
    assert.ok(x.processing.reads.some((r) => r.recordId === people.siti.cases[0]!.id && r.purpose === 'case-work'));
    const text = file.body;
    assert.ok(!text.includes(people.budi.nik) && !text.includes('Budi Santoso') && !text.includes(people.budi.cases[0]!.registrationNumber), 'nothing about Budi');

    // The export is logged as a read of Siti's data and audited with its hash and timeliness.
    const logged = await t.ctx.database.db.selectFrom('data_access_log').selectAll().where('subject_nik', '=', people.siti.nik).where('purpose', '=', 'subject-access').orderBy('seq').execute();
    assert.deepEqual(logged.map((l) => l.action).filter((a) => a !== 'read'), ['export', 'download']);
    const audit = JSON.parse((await auditRows('privacy.export')).at(-1)!.detail);
    assert.equal(audit.onTime, true);
    assert.match(audit.sha256, /^[0-9a-f]{64}$/);
  });

  it('tells the person on the status page, opened with number and code in a POST, and hands over PDF and JSON there', async () => {
    const head = await api.login(`kepala-dinas@${OFFICE}`);
    // A fresh request whose code the test holds.
    const mine = (await api.req('POST', '/api/v1/privacy/requests', { office: OFFICE, nik: people.siti.nik, name: 'Siti Aminah', contact: '081266782747', trackingCode: people.siti.cases[0]!.trackingCode })).json();
    const post = (url: string, fields: Record<string, string>) => t.app.inject({ method: 'POST', url, payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const before = await post('/privasi/permintaan', { number: mine.number, code: mine.trackingCode });
    assert.equal(before.statusCode, 200);
    assert.match(before.body, /Sedang diproses/);
    assert.doesNotMatch(before.body, /Unduh PDF/);
    assert.equal((await api.req('POST', `/api/v1/privacy/requests/${mine.id}/answer`, {}, head)).status, 200);
    const ready = await post('/privasi/permintaan', { number: mine.number.toLowerCase(), code: mine.trackingCode.toLowerCase() });
    assert.match(ready.body, /Unduh PDF/);
    assert.doesNotMatch(ready.body, new RegExp(`action="[^"]*${mine.trackingCode}`), 'the code never lands in a URL');
    const json = await post('/privasi/permintaan/unduh', { number: mine.number, code: mine.trackingCode, format: 'json' });
    assert.equal(json.statusCode, 200);
    assert.match(String(json.headers['content-disposition']), /attachment; filename="data-pribadi-JMB-PDP-2025-\d{6}\.json"/);
    assert.equal((JSON.parse(json.body) as SubjectExport).subject.nik, people.siti.nik);
    const pdf = await post('/privasi/permintaan/unduh', { number: mine.number, code: mine.trackingCode, format: 'pdf' });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const { text } = await pdfText(pdf.rawPayload);
    for (const expected of ['SALINAN DATA PRIBADI', 'Siti Aminah', people.siti.nik, people.siti.cases[0]!.registrationNumber, complaint.receiptNumber, 'Verifikasi permohonan SKTM berobat', 'Processing record: reads'])
      assert.ok(text.includes(expected), `the PDF names ${expected}`);
    assert.ok(!text.includes(people.budi.nik), 'and nothing of Budi');
    // A wrong code and an unknown number: the same "not found".
    const wrong = await post('/privasi/permintaan', { number: mine.number, code: 'ZZZZZZZZ' });
    const unknown = await post('/privasi/permintaan', { number: 'JMB-PDP-2025-999999', code: mine.trackingCode });
    assert.equal(wrong.statusCode, 404);
    assert.equal(wrong.body.replace(mine.number, '<n>').replace('ZZZZZZZZ', '<c>'), unknown.body.replace('JMB-PDP-2025-999999', '<n>').replace(mine.trackingCode, '<c>'));
  });

  it('answers late after 72 hours and shows it; a refusal needs a reason that the person then reads', async () => {
    const head = await api.login(`kepala-dinas@${OFFICE}`);
    now = FRIDAY_5PM + 10 * HOUR;
    const late = (await api.req('POST', '/api/v1/privacy/requests', { office: OFFICE, nik: people.siti.nik, name: 'Siti Aminah', contact: '081266782747', trackingCode: people.siti.cases[0]!.trackingCode })).json();
    const refuse = (await api.req('POST', '/api/v1/privacy/requests', { office: OFFICE, nik: people.siti.nik, name: 'Siti Aminah', contact: '081266782747', trackingCode: people.siti.cases[0]!.trackingCode })).json();
    now = FRIDAY_5PM + 90 * HOUR;
    const answered = await api.req('POST', `/api/v1/privacy/requests/${late.id}/answer`, {}, head);
    assert.equal(answered.json().clock, 'missed');
    assert.equal(JSON.parse((await auditRows('privacy.export')).at(-1)!.detail).onTime, false);
    const short = await api.req('POST', `/api/v1/privacy/requests/${refuse.id}/refuse`, { reason: 'bahaya' }, head);
    assert.equal(short.status, 422);
    assert.equal(short.json().error.problems?.[0]?.field ?? short.json().error.field, 'reason');
    const reason = 'Salinan memuat alamat rumah aman korban kekerasan; akses membahayakan keselamatan orang lain (Pasal 32).';
    const done = await api.req('POST', `/api/v1/privacy/requests/${refuse.id}/refuse`, { reason }, head);
    assert.equal(done.status, 200);
    assert.equal(done.json().status, 'refused');
    const status = await api.req('POST', '/api/v1/privacy/requests/status', { number: refuse.number, code: refuse.trackingCode });
    assert.equal(status.json().refusalReason, reason);
    assert.equal(status.json().exportReady, false);
  });

  it('publishes a privacy notice per office that says the office has not yet named its data-protection officer, linked from the office page and the intake form', async () => {
    for (const lang of ['', '?lang=en']) {
      const p = await t.app.inject({ method: 'GET', url: `/kantor/${OFFICE}/privasi${lang}` });
      assert.equal(p.statusCode, 200);
      assert.match(p.body, lang ? /has not yet named its data protection officer/ : /belum menunjuk Pejabat Pelindungan Data Pribadi/);
      assert.match(p.body, /dinsos@jambikota\.go\.id/);
      assert.match(p.body, lang ? /3 × 24 hours/ : /3 × 24 jam/);
    }
    assert.match((await t.app.inject({ method: 'GET', url: `/kantor/${OFFICE}` })).body, /href="\/kantor\/kota-jambi\/privasi"/);
    assert.match((await t.app.inject({ method: 'GET', url: `/kantor/${OFFICE}/layanan/${SERVICE}/ajukan` })).body, /href="\/kantor\/kota-jambi\/privasi"/);
  });
});

describe(`data-subject requests: bounded public input (${TEST_DB})`, () => {
  let t: TestApp;
  before(async () => {
    t = await testApp({ rateLimit: true });
  });
  after(() => t.close());

  it('documents its operations in the OpenAPI document', async () => {
    const doc = JSON.parse((await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).body) as { paths: Record<string, Record<string, unknown>> };
    for (const [path, method] of [['/api/v1/privacy/requests', 'post'], ['/api/v1/privacy/requests', 'get'], ['/api/v1/privacy/requests/status', 'post'], ['/api/v1/privacy/requests/export', 'post'], ['/api/v1/privacy/requests/{id}/answer', 'post'], ['/api/v1/privacy/requests/{id}/refuse', 'post'], ['/api/v1/privacy/requests/{id}/export', 'get']] as const)
      assert.ok(doc.paths[path]?.[method], `${method.toUpperCase()} ${path}`);
  });

  it('answers malformed bodies with 400, never 500', async () => {
    for (const payload of [{ office: OFFICE, nik: 1571024107900003, name: 'Siti', contact: '0812', trackingCode: 'ABCDEFGH' }, { office: OFFICE, nik: ['1'], name: {}, contact: null }, { office: OFFICE, nik: 'x'.repeat(100), name: 'Siti', contact: '0812' }])
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/privacy/requests', payload })).statusCode, 400);
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/privacy/requests/status', payload: { number: 5, code: [] } })).statusCode, 400);
  });

  it('limits guesses from one address: the sixth request form within a minute is refused', async () => {
    const post = () =>
      t.app.inject({ method: 'POST', url: `/kantor/${OFFICE}/privasi`, remoteAddress: '10.20.30.40', payload: new URLSearchParams({ nik: '1571024107900003', name: 'Siti Aminah', contact: '0812', trackingCode: 'ABCDEFGH' }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await post()).statusCode);
    const sixth = await post();
    assert.deepEqual([...codes, sixth.statusCode], [422, 422, 422, 422, 422, 429]);
    assert.match(String(sixth.headers['content-type']), /^text\/html/, 'a page, not raw JSON');
  });
});
