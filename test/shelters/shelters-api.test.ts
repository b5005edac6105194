/**
 * The shelters API and pages over HTTP: the shape of POST /api/v1/shelters/{id}/stays and
 * GET /api/v1/shelters/{id}/occupancy, who may do what (the pramu sosial checks in, the head of
 * division records shelters, the auditor only reads), a full room as a 409 with its code in both
 * languages, and the staff check-in form answering a wrong entry with the form again (HTML) and the
 * error beside its field.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DB } from '../support/db.js';
import { apiClient, postSignInForm, testApp, type TestApp } from '../support/app.js';

const BJM = 'kota-banjarmasin';
/** A razia's agency: Banjarmasin 9's case of a direct check-in names who brought the client. */
const SATPOL = 'Satpol PP Kota Banjarmasin';

describe(`shelters API and pages (${TEST_DB})`, () => {
  let t: TestApp;
  const clock = new Date('2025-03-01T02:00:00Z'); // 10:00 WITA
  const { req, login } = apiClient(() => t);
  let shelter = '';
  before(async () => {
    t = await testApp({ now: () => clock });
  });
  after(async () => t.close());

  it('the head of division records a shelter; the pramu sosial may not', async () => {
    const body = { name: 'Rumah Singgah Dinsos Banjarmasin', rooms: [{ name: 'Kamar ODGJ Perempuan', sex: 'female', category: 'odgj', beds: 1 }, { name: 'Ruang Aman', sex: 'any', category: 'umum', beds: 1 }] };
    const denied = await req('POST', '/api/v1/shelters', body, await login(`pramu-sosial@${BJM}`));
    assert.equal(denied.status, 403);
    const r = await req('POST', '/api/v1/shelters', body, await login(`kepala-bidang@${BJM}`));
    assert.equal(r.status, 201, r.body);
    assert.equal(r.json().capacity, 2);
    shelter = r.json().id;
  });

  it('POST /stays answers { id, checkedInAt, limitDays, eligibleForTerminationAt }; the board shows the bed taken without the name; a full shelter answers 409 no-fitting-bed', async () => {
    const pramu = await login(`pramu-sosial@${BJM}`);
    const r = await req('POST', `/api/v1/shelters/${shelter}/stays`, { client: { name: 'Siti Aminah', sex: 'female', category: 'odgj' }, requester: SATPOL, checkedInAt: '2025-03-01T09:30:00+08:00', belongings: [{ item: 'Tas kain', quantity: 1 }] }, pramu);
    assert.equal(r.status, 201, r.body);
    assert.deepEqual(
      { checkedInAt: r.json().checkedInAt, limitDays: r.json().limitDays, eligibleForTerminationAt: r.json().eligibleForTerminationAt, room: r.json().bed.room },
      { checkedInAt: '2025-03-01T01:30:00.000Z', limitDays: 21, eligibleForTerminationAt: '2025-03-22T01:30:01.000Z', room: 'Kamar ODGJ Perempuan' },
    );
    const occ = await req('GET', `/api/v1/shelters/${shelter}/occupancy`, undefined, await login(`auditor@${BJM}`));
    assert.equal(occ.status, 200, occ.body);
    assert.deepEqual([occ.json().capacity, occ.json().occupied, occ.json().free], [2, 1, 1]);
    assert.ok(!occ.body.includes('Siti'), 'no names on the board');
    // The general room takes her too; then nothing fits.
    const second = await req('POST', `/api/v1/shelters/${shelter}/stays`, { client: { name: 'Rahmah', sex: 'female', category: 'odgj' }, requester: SATPOL }, pramu);
    assert.equal(second.status, 201);
    assert.equal(second.json().bed.room, 'Ruang Aman');
    const third = await req('POST', `/api/v1/shelters/${shelter}/stays`, { client: { name: 'Jamilah', sex: 'female', category: 'odgj' }, requester: SATPOL }, { ...pramu, 'accept-language': 'en' });
    assert.equal(third.status, 409);
    assert.equal(third.json().error.code, 'no-fitting-bed');
    assert.match(third.body, /Tidak ada tempat tidur kosong/);
    assert.match(third.body, /No free bed fits/);
    const auditorWrite = await req('POST', `/api/v1/shelters/${shelter}/stays`, { client: { name: 'Jamilah', sex: 'female', category: 'odgj' }, requester: SATPOL, overrideReason: 'Kasur tambahan di ruang aman' }, await login(`auditor@${BJM}`));
    assert.equal(auditorWrite.status, 403);
    const future = await req('POST', `/api/v1/shelters/${shelter}/stays`, { client: { name: 'Jamilah', sex: 'female', category: 'odgj' }, requester: SATPOL, checkedInAt: '2025-03-01T11:00:00+08:00' }, pramu);
    assert.equal(future.status, 422);
    assert.equal(future.json().error.code, 'checked-in-future');
  });

  it('the check-in form answers a wrong entry with the form again (HTML) and the error beside its field; the menu shows "Rumah singgah"', async () => {
    const signIn = await postSignInForm(t.app, `pramu-sosial@${BJM}`);
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
    const board = await t.app.inject({ method: 'GET', url: '/petugas/rumah-singgah', headers: { cookie } });
    assert.equal(board.statusCode, 200);
    assert.match(board.body, /href="\/petugas\/rumah-singgah">Rumah singgah<\/a>/);
    assert.match(board.body, /data-testid="occupied">2</);
    const form = await t.app.inject({ method: 'GET', url: `/petugas/rumah-singgah/${shelter}/masuk`, headers: { cookie } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const payload = new URLSearchParams({ _csrf: csrf, 'client.name': 'Jamilah', 'client.sex': 'female', 'client.category': 'odgj', source: 'razia', requester: SATPOL, overrideReason: 'penuh' }).toString();
    const r = await t.app.inject({ method: 'POST', url: `/petugas/rumah-singgah/${shelter}/masuk`, payload, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(r.statusCode, 422);
    assert.match(String(r.headers['content-type']), /text\/html/);
    assert.match(r.body, /<p class="field-error" id="err-overrideReason">/);
    assert.match(r.body, /minimal 10 huruf/);
    const ok = new URLSearchParams({ _csrf: csrf, 'client.name': 'Jamilah', 'client.sex': 'female', 'client.category': 'odgj', source: 'razia', requester: SATPOL, overrideReason: 'Kedua kamar penuh; kasur tambahan di ruang aman', belongings: 'Dompet; 1\nKantong plastik berisi pakaian' }).toString();
    const done = await t.app.inject({ method: 'POST', url: `/petugas/rumah-singgah/${shelter}/masuk`, payload: ok, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(done.statusCode, 303, done.body.slice(0, 1000));
    const stay = await t.app.inject({ method: 'GET', url: String(done.headers.location), headers: { cookie } });
    assert.equal(stay.statusCode, 200);
    assert.match(stay.body, /Kantong plastik berisi pakaian \(1\)/);
    assert.match(stay.body, /Dompet \(1\)/);
  });
});
