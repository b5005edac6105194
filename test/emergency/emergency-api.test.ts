/**
 * The emergency API and pages over HTTP: who may do what (the receiving officer reports, the head
 * of division assigns, the TRC records "respon awal", the public only through the web form and only
 * "now"), the SIM refusal as a 422 with its code, the board's countdown, and the public form answering
 * a wrong entry with an HTML page that puts the error beside its field, never raw JSON.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DB } from '../support/db.js';
import { apiClient, postSignInForm, testApp, type TestApp } from '../support/app.js';

const BJM = 'kota-banjarmasin';
const body = (over: Record<string, unknown> = {}) => ({
  office: BJM,
  service: 'kedaruratan-ppks',
  channel: 'call-center-112',
  location: { text: 'Terminal Km 6, Banjarmasin Selatan', lat: -3.3402, lng: 114.6124 },
  description: 'Anak usia sekitar 8 tahun sendirian di terminal sejak sore, tidak tahu alamat rumah',
  reporter: { name: 'Operator 112 Banjarmasin', phone: '0511 112' },
  subject: { category: 'anak' },
  answers: { 'lokasi-di-banjarmasin': true },
  ...over,
});

describe(`emergency API and pages (${TEST_DB})`, () => {
  let t: TestApp;
  let clock = new Date('2025-03-28T13:05:00Z'); // Fri 21:05 WITA, cuti bersama
  const { req, login } = apiClient(() => t);
  before(async () => {
    t = await testApp({ now: () => clock });
  });
  after(async () => t.close());

  it('the receiving officer reports a 112 hand-over at night with its report time; the answer carries the first-response due time', async () => {
    const r = await req('POST', '/api/v1/emergencies', body({ reportedAt: '2025-03-28T20:58:00+08:00' }), await login(`pengelola-pengaduan@${BJM}`));
    assert.equal(r.status, 201, r.body);
    const v = r.json();
    assert.match(v.registrationNumber, /^[A-Z]{2,5}-2025-\d{6}$/);
    assert.equal(v.firstResponseDueAt, '2025-03-28T13:43:00.000Z');
    assert.equal(v.firstResponseDueAtLocal, 'Jumat, 28 Maret 2025 21.43 WITA');
    // The head of division sees it on the board with 38 minutes left; the API board lists no names.
    const b = await req('GET', `/api/v1/offices/${BJM}/emergencies?state=open`, undefined, await login(`kepala-bidang@${BJM}`));
    assert.equal(b.status, 200, b.body);
    const e = b.json().open.find((x: { registrationNumber: string }) => x.registrationNumber === v.registrationNumber);
    assert.equal(e.millisLeft, 38 * 60_000);
    assert.equal(e.firstResponseState, 'on-time');
    assert.ok(!b.body.includes('Operator 112'), 'no reporter on the board');
    // The TRC records "respon awal" 31 minutes after the report; the head of division cannot.
    clock = new Date('2025-03-28T13:29:00Z');
    const notKabid = await req('POST', `/api/v1/emergencies/${v.registrationNumber}/first-response`, { note: 'Tiba di lokasi' }, await login(`kepala-bidang@${BJM}`));
    assert.equal(notKabid.status, 403);
    const fr = await req('POST', `/api/v1/emergencies/${v.registrationNumber}/first-response`, { note: 'Anak ditemukan di ruang tunggu, diberi makan; polsek dihubungi', lat: -3.3401, lng: 114.6125 }, await login(`trc@${BJM}`));
    assert.equal(fr.status, 201, fr.body);
    assert.deepEqual({ minutes: fr.json().minutes, met: fr.json().met }, { minutes: 31, met: true });
  });

  it('the public reports only through the web form and only "now"; a report time from the public is refused beside its field', async () => {
    const phone = await req('POST', '/api/v1/emergencies', body());
    assert.equal(phone.status, 422);
    assert.equal(phone.json().error.code, 'channel-staff-only');
    const dated = await req('POST', '/api/v1/emergencies', body({ channel: 'web', reportedAt: '2025-03-28T20:00:00+08:00' }));
    assert.equal(dated.status, 422);
    assert.equal(dated.json().error.code, 'reported-at-staff-only');
    const ok = await req('POST', '/api/v1/emergencies', body({ channel: 'web', reporter: { name: 'Rahmat Hidayat' } }));
    assert.equal(ok.status, 201, ok.body);
  });

  it('assigning without a SIM to an escort is 422 licence-missing, in both languages', async () => {
    const r = await req('POST', '/api/v1/emergencies', body({ channel: 'lurah', location: { text: 'Kelurahan Pekapuran Raya' }, subject: { category: 'odgj' } }), await login(`pengelola-pengaduan@${BJM}`));
    assert.equal(r.status, 201, r.body);
    const kabid = await login(`kepala-bidang@${BJM}`);
    const members = await t.database.db.selectFrom('staff_users').select('id').where('username', '=', `trc@${BJM}`).executeTakeFirstOrThrow();
    assert.equal((await req('PUT', `/api/v1/emergency/duty-members/${members.id}`, { officialId: 'TRC-BJM-002' }, kabid)).status, 200);
    const a = await req('POST', `/api/v1/emergencies/${r.json().registrationNumber}/assignments`, { member: members.id, task: 'pengantaran' }, kabid);
    assert.equal(a.status, 422);
    assert.equal(a.json().error.code, 'licence-missing');
    assert.match(a.json().error.message, /SIM/);
    assert.match(a.json().error.messageEn, /driving licence/);
    const byTrc = await req('POST', `/api/v1/emergencies/${r.json().registrationNumber}/assignments`, { member: members.id, task: 'penjangkauan' }, await login(`trc@${BJM}`));
    assert.equal(byTrc.status, 403);
  });

  it('the staff board page refreshes itself and lists the open report with its countdown; the menu links it', async () => {
    clock = new Date('2025-03-28T14:00:00Z');
    const r = await req('POST', '/api/v1/emergencies', body({ channel: 'rt', location: { text: 'Gang Rahayu RT 12 Kelayan' }, subject: { category: 'lansia' } }), await login(`pengelola-pengaduan@${BJM}`));
    assert.equal(r.status, 201);
    const signIn = await postSignInForm(t.app, `kepala-bidang@${BJM}`);
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
    const page = await t.app.inject({ method: 'GET', url: '/petugas/darurat', headers: { cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-refresh="30"/);
    assert.match(page.body, new RegExp(`data-number="${r.json().registrationNumber}"`));
    assert.match(page.body, /<strong data-testid="countdown">45 mnt<\/strong>/);
    assert.match(page.body, /href="\/petugas\/darurat">Darurat<\/a>/);
    const en = await t.app.inject({ method: 'GET', url: '/petugas/darurat?lang=en', headers: { cookie } });
    assert.match(en.body, /Emergency dispatch board/);
  });

  it('the public form answers a wrong entry with the form again (422, HTML) and the error beside its field', async () => {
    const form = await t.app.inject({ method: 'GET', url: `/darurat/${BJM}/kedaruratan-ppks` });
    assert.equal(form.statusCode, 200);
    const payload = new URLSearchParams({ 'location.text': 'Pasar', description: 'x', 'subject.category': 'anak', 'answers.lokasi-di-banjarmasin': 'ya', _idem: 'form-key-0001' }).toString();
    const r = await t.app.inject({ method: 'POST', url: `/darurat/${BJM}/kedaruratan-ppks`, payload, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(r.statusCode, 422);
    assert.match(String(r.headers['content-type']), /text\/html/);
    assert.match(r.body, /<p class="field-error" id="err-description">/);
    const good = new URLSearchParams({ 'location.text': 'Pasar Sudimampir', description: 'Nenek tidur di emperan, tampak sakit', 'subject.category': 'lansia', 'answers.lokasi-di-banjarmasin': 'ya', 'reporter.name': 'Siti Rahmah', _idem: 'form-key-0002' }).toString();
    const ok = await t.app.inject({ method: 'POST', url: `/darurat/${BJM}/kedaruratan-ppks`, payload: good, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(ok.statusCode, 201, ok.body.slice(0, 2000));
    assert.match(ok.body, /data-testid="tracking-code">[A-Z2-9]{8}</);
    assert.match(ok.body, /Respon awal paling lambat/);
  });
});
