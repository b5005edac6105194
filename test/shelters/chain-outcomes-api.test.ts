/**
 * The chain's outcomes over HTTP (issue 13 §1): POST /api/v1/emergencies/{n}/outcomes answers 201
 * { id, kind, at, case, reportClosed } for the TRC, 403 for the pramu sosial, 409 before the first
 * response, 422 beside the field in both languages; the stay's route files pemulangan; both are
 * in the OpenAPI document.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DB } from '../support/db.js';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { actorFor } from '../letters/helpers.js';
import { reportEmergency } from '../../src/usecases/emergency/report-emergency.js';
import { recordFirstResponse } from '../../src/usecases/emergency/record-first-response.js';

const BJM = 'kota-banjarmasin';

describe(`the chain's outcomes over HTTP (${TEST_DB})`, () => {
  let t: TestApp;
  const clock = new Date('2025-04-08T02:00:00Z'); // Tue 8 Apr 2025 10:00 WITA
  const { req, login } = apiClient(() => t);
  before(async () => {
    t = await testApp({ now: () => clock });
  });
  after(async () => t.close());

  it('a hospital referral from a report; a pemulangan from a stay files Banjarmasin 6', async () => {
    const officer = await actorFor(t.ctx, `pengelola-pengaduan@${BJM}`);
    const r = await reportEmergency(t.ctx, { office: BJM, service: 'kedaruratan-ppks', channel: 'call-center-112', location: { text: 'Pelabuhan Trisakti, Banjarmasin Barat' }, description: 'Perempuan muda menunggu kapal tanpa ongkos, sakit', reporter: { name: 'Operator Call Center 112 Banjarmasin' }, subject: { name: 'Nurhayati', category: 'orang-terlantar' }, answers: { 'lokasi-di-banjarmasin': true } }, officer);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    const n = r.value.registrationNumber;
    const trc = await login(`trc@${BJM}`);
    const body = { kind: 'hospital', hospital: 'RSUD Sultan Suriansyah', reason: 'Demam tinggi dan muntah', escortedBy: 'Rahmadi (TRC)' };
    const early = await req('POST', `/api/v1/emergencies/${n}/outcomes`, body, trc);
    assert.equal(early.status, 409);
    assert.equal(early.json().error.code, 'first-response-first');
    assert.ok((await recordFirstResponse(t.ctx, await actorFor(t.ctx, `trc@${BJM}`), n, { note: 'Ditemukan di ruang tunggu pelabuhan' })).ok);
    const bad = await req('POST', `/api/v1/emergencies/${n}/outcomes`, { ...body, escortedBy: '' }, { ...trc, 'accept-language': 'en' });
    assert.equal(bad.status, 422);
    assert.equal(bad.json().error.code, 'escort-required');
    assert.match(bad.body, /Sebutkan siapa yang mengantar ke rumah sakit/);
    assert.match(bad.body, /Say who escorted the person to the hospital/);
    const pramu = await req('POST', `/api/v1/emergencies/${n}/outcomes`, body, await login(`pramu-sosial@${BJM}`));
    assert.equal(pramu.status, 403);
    const done = await req('POST', `/api/v1/emergencies/${n}/outcomes`, body, trc);
    assert.equal(done.status, 201, done.body);
    assert.deepEqual(Object.keys(done.json()).sort(), ['at', 'case', 'id', 'kind', 'reportClosed']);
    assert.equal(done.json().reportClosed, n);
    assert.equal(done.json().case, null);

    const kabid = await login(`kepala-bidang@${BJM}`);
    const shelter = await req('POST', '/api/v1/shelters', { name: 'Rumah Singgah Dinsos Banjarmasin', rooms: [{ name: 'Kamar Perempuan', sex: 'female', category: 'umum', beds: 2 }] }, kabid);
    const stay = await req('POST', `/api/v1/shelters/${shelter.json().id}/stays`, { client: { name: 'Nurhayati', sex: 'female', category: 'orang-terlantar' }, source: 'masyarakat', requester: 'Nakhoda KM Kirana' }, await login(`pramu-sosial@${BJM}`));
    assert.equal(stay.status, 201, stay.body);
    assert.ok(stay.json().case, 'the direct check-in filed Banjarmasin 9');
    const home = await req('POST', `/api/v1/shelter-stays/${stay.json().id}/outcomes`, { kind: 'pemulangan', origin: 'Kab. Sampit, Kalimantan Tengah', fromOutsideRegion: true, strandedByWork: false, documents: { policeLetter: true, identity: true, forwardingLetter: false } }, await login(`pekerja-sosial@${BJM}`));
    assert.equal(home.status, 201, home.body);
    assert.match(home.json().case, /^BNJ-/);
    assert.equal(home.json().reportClosed, null, 'a stay from no report closes none');
    const doc = (await req('GET', '/api/v1/openapi.json')).json();
    for (const p of ['/api/v1/emergencies/{registrationNumber}/outcomes', '/api/v1/shelter-stays/{id}/outcomes', '/api/v1/shelter-stays/{id}/guardian-consents', '/api/v1/shelter-stays/{id}/media/{mediaId}']) assert.ok(doc.paths[p], p);
  });
});
