/**
 * Offline field capture on a real database (issue 13 §1): a report and a "respon awal" sent again
 * from the phone's queue with the same client-generated key are filed once; the recorded time is
 * the capture time (the server's clock minus the capture's age on the device), never in the future
 * and at most 72 hours back, each refusal beside its field.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DB } from '../support/db.js';
import { apiClient, postSignInForm, testApp, type TestApp } from '../support/app.js';

const BJM = 'kota-banjarmasin';

describe(`emergency: offline capture sent from the queue (${TEST_DB})`, () => {
  let t: TestApp;
  let clock = new Date('2025-04-12T13:30:00Z'); // Sat 21:30 WITA
  const { req, login } = apiClient(() => t);
  before(async () => {
    t = await testApp({ now: () => clock });
  });
  after(async () => t.close());

  /** A signed-in browser session: its cookie and the CSRF token of its forms. */
  const session = async (username: string) => {
    const signIn = await postSignInForm(t.app, username);
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
    const page = await t.app.inject({ method: 'GET', url: '/petugas/darurat', headers: { cookie } });
    return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]! };
  };
  const post = async (s: { cookie: string; csrf: string }, url: string, fields: Record<string, string>) =>
    t.app.inject({ method: 'POST', url, payload: new URLSearchParams({ _csrf: s.csrf, ...fields }).toString(), headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-sigap-offline': '1' } });
  const reportFields = (over: Record<string, string> = {}) => ({
    service: 'kedaruratan-ppks',
    channel: 'whatsapp',
    'location.text': 'Terminal Induk KM 6, Jl. A. Yani',
    description: 'Ibu dengan dua anak kecil terlantar di terminal sejak sore, kehabisan ongkos pulang',
    'subject.category': 'orang-terlantar',
    'answers.lokasi-di-banjarmasin': 'ya',
    'reporter.name': 'Supriadi (petugas terminal)',
    ...over,
  });
  const reportsAt = async (place: string) => t.database.db.selectFrom('emergency_reports').select(['registration_number', 'reported_at', 'received_at', 'first_response_at']).where('location_text', '=', place).execute();

  let number = '';
  it('a report captured on the phone at 21:12 (device clock 5 minutes fast) and sent at 21:30 is filed as of 21:12, once, however often the queue sends it', async () => {
    const officer = await session(`pengelola-pengaduan@${BJM}`);
    // The device's clock runs 5 minutes fast: captured 21:17 "device time", sent 21:35 "device time" = 18 minutes old.
    const capture = reportFields({ _idem: 'dev-5f1c0b7a9e2d4c11a0b3', capturedAt: '2025-04-12T13:17:00.000Z', sentAt: '2025-04-12T13:35:00.000Z' });
    const first = await post(officer, '/petugas/darurat/baru', capture);
    assert.equal(first.statusCode, 201, first.body.slice(0, 500));
    number = /data-testid="receipt-number">([^<]+)</.exec(first.body)![1]!;
    // The answer was lost on a bad signal: the queue sends it again a minute later, with a new sentAt.
    clock = new Date('2025-04-12T13:31:00Z');
    const again = await post(officer, '/petugas/darurat/baru', { ...capture, sentAt: '2025-04-12T13:36:00.000Z' });
    assert.equal(again.statusCode, 201, again.body.slice(0, 500));
    assert.equal(/data-testid="receipt-number">([^<]+)</.exec(again.body)![1], number, 'the same report, not a second one');
    const rows = await reportsAt('Terminal Induk KM 6, Jl. A. Yani');
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.reported_at, '2025-04-12T13:12:00.000Z', 'capture time: the server clock minus 18 minutes on the device');
    assert.equal(rows[0]!.received_at, '2025-04-12T13:30:00.000Z');
    const due = await req('GET', `/api/v1/offices/${BJM}/emergencies?state=open`, undefined, await login(`kepala-bidang@${BJM}`));
    assert.equal(due.json().open.find((e: { registrationNumber: string }) => e.registrationNumber === number).firstResponseDueAt, '2025-04-12T13:57:00.000Z', '45 minutes from the capture');
  });

  it('a capture whose device clock went back (sent before it was captured) or older than 72 hours is refused beside the report time', async () => {
    const officer = await session(`pengelola-pengaduan@${BJM}`);
    const future = await post(officer, '/petugas/darurat/baru', reportFields({ 'location.text': 'Pelabuhan Trisakti', _idem: 'dev-future-0001', capturedAt: '2025-04-12T13:40:00.000Z', sentAt: '2025-04-12T13:30:00.000Z' }));
    assert.equal(future.statusCode, 422);
    assert.match(future.body, /Waktu laporan tidak boleh di masa depan/);
    const old = await post(officer, '/petugas/darurat/baru', reportFields({ 'location.text': 'Pelabuhan Trisakti', _idem: 'dev-old-0001', capturedAt: '2025-04-09T13:00:00.000Z', sentAt: '2025-04-12T13:31:00.000Z' }));
    assert.equal(old.statusCode, 422);
    assert.match(old.body, /Waktu laporan paling lama 72 jam yang lalu/);
    assert.equal((await reportsAt('Pelabuhan Trisakti')).length, 0);
  });

  it('"respon awal" captured at 21:41 without a signal and sent twice at 21:50 is recorded once, at 21:41; another capture for the same report is refused', async () => {
    clock = new Date('2025-04-12T13:50:00Z');
    const trc = await session(`trc@${BJM}`);
    const capture = { note: 'Ibu dan anak-anak ditemui di ruang tunggu, diberi makan; dibantu menghubungi keluarga di Martapura', _key: 'dev-9a7e55c2b8f14e03', capturedAt: '2025-04-12T13:41:00.000Z', sentAt: '2025-04-12T13:50:00.000Z' };
    const url = `/petugas/darurat/${number}/respon-awal`;
    const first = await post(trc, url, capture);
    assert.equal(first.statusCode, 303);
    assert.match(decodeURIComponent(String(first.headers.location)), /ok=Respon awal tercatat: 29 menit sejak laporan/);
    const again = await post(trc, url, { ...capture, sentAt: '2025-04-12T13:50:20.000Z' });
    assert.equal(again.statusCode, 303);
    assert.match(decodeURIComponent(String(again.headers.location)), /ok=Respon awal tercatat: 29 menit/, 'a replay answers as the first send did');
    const [row] = await reportsAt('Terminal Induk KM 6, Jl. A. Yani');
    assert.equal(row!.first_response_at, '2025-04-12T13:41:00.000Z');
    const events = await t.database.db.selectFrom('emergency_events').select('data').where('type', '=', 'first-response').execute();
    assert.equal(events.filter((e) => JSON.parse(e.data).capturedOnDevice).length, 1);
    const other = await post(trc, url, { ...capture, _key: 'dev-another-capture-01' });
    assert.match(decodeURIComponent(String(other.headers.location)), /error=Respon awal laporan ini sudah dicatat/);
  });

  it('the queue and a retry sending the same captures at the same moment: one report, one first response', async () => {
    clock = new Date('2025-04-12T13:55:00Z');
    const officer = await session(`pengelola-pengaduan@${BJM}`);
    const capture = reportFields({ 'location.text': 'Jembatan Dewi, Jl. Pangeran Antasari', _idem: 'dev-race-report-0001', capturedAt: '2025-04-12T13:53:00.000Z', sentAt: '2025-04-12T13:55:00.000Z' });
    const [a, b] = await Promise.all([post(officer, '/petugas/darurat/baru', capture), post(officer, '/petugas/darurat/baru', capture)]);
    assert.deepEqual([a.statusCode, b.statusCode], [201, 201], `${a.body.slice(0, 300)} ${b.body.slice(0, 300)}`);
    const rows = await reportsAt('Jembatan Dewi, Jl. Pangeran Antasari');
    assert.equal(rows.length, 1);
    const trc = await session(`trc@${BJM}`);
    const response = { note: 'Sudah di lokasi, orangnya ditemukan', _key: 'dev-race-response-0001', capturedAt: '2025-04-12T13:54:30.000Z', sentAt: '2025-04-12T13:55:00.000Z' };
    const url = `/petugas/darurat/${rows[0]!.registration_number}/respon-awal`;
    const both = await Promise.all([post(trc, url, response), post(trc, url, response)]);
    for (const r of both) assert.match(decodeURIComponent(String(r.headers.location)), /ok=Respon awal tercatat/);
    const events = await t.database.db.selectFrom('emergency_events').innerJoin('emergency_reports', 'emergency_reports.id', 'emergency_events.report_id').select('emergency_events.id').where('emergency_reports.registration_number', '=', rows[0]!.registration_number).where('emergency_events.type', '=', 'first-response').execute();
    assert.equal(events.length, 1);
  });

  it('the API takes the device key in the body: the same key answers 201 again, the time unchanged', async () => {
    clock = new Date('2025-04-12T14:00:00Z');
    const officer = await login(`pengelola-pengaduan@${BJM}`);
    const r = await req('POST', '/api/v1/emergencies', { office: BJM, service: 'kedaruratan-ppks', channel: 'phone', reportedAt: '2025-04-12T13:55:00Z', location: { text: 'Siring Pierre Tendean' }, description: 'Bapak lanjut usia pingsan di siring', subject: { category: 'lansia' }, answers: { 'lokasi-di-banjarmasin': true } }, { ...officer, 'idempotency-key': 'dev-api-report-0001' });
    assert.equal(r.status, 201, r.body);
    const trc = await login(`trc@${BJM}`);
    const body = { note: 'Sudah ditangani, dibawa ke puskesmas', at: '2025-04-12T13:59:00Z', key: 'dev-api-response-0001' };
    const a = await req('POST', `/api/v1/emergencies/${r.json().registrationNumber}/first-response`, body, trc);
    clock = new Date('2025-04-12T14:03:00Z');
    const b = await req('POST', `/api/v1/emergencies/${r.json().registrationNumber}/first-response`, { ...body, at: '2025-04-12T14:02:00Z' }, trc);
    assert.equal(a.status, 201, a.body);
    assert.equal(b.status, 201, b.body);
    assert.deepEqual(b.json(), a.json());
    assert.equal(a.json().minutes, 4);
    const bad = await req('POST', `/api/v1/emergencies/${r.json().registrationNumber}/first-response`, { ...body, key: 'x' }, trc);
    assert.equal(bad.status, 400, "a key outside 8–128 letters, digits, _ . : - is refused");
  });
});
