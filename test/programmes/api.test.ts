/**
 * The programmes API over HTTP: the office's programmes in the shape (public), a round
 * opened and worked by the roles the decree names, a verifier of another programme refused (403),
 * a tampered SK that names the berita acara's ineligible person refused (422, both languages),
 * and the routes documented in OpenAPI.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';

const KUKAR = 'kabupaten-kutai-kartanegara';

describe(`programmes API (${TEST_DB})`, () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(async () => t.close());
  const { req, login } = apiClient(() => t);
  const as = async (role: string) => login(`${role}@${KUKAR}`);

  it('lists the office programmes with their categories, amounts and schedule (public)', async () => {
    const r = await req('GET', `/api/v1/offices/${KUKAR}/programmes`);
    assert.equal(r.status, 200);
    const santunan = r.json().find((p: { slug: string }) => p.slug === 'santunan-sosial-kukar-idaman');
    assert.equal(santunan.unit, 'person');
    assert.deepEqual(santunan.categories[0], { key: 'lanjut-usia-telantar', name: 'Lanjut Usia Telantar', amount: 200000, every: 'month', count: 12 });
    assert.equal((await req('GET', '/api/v1/offices/kota-tidak-ada/programmes')).status, 404);
  });

  it('runs a round of bantuan usaha WRSE and refuses a tampered SK with the reason in both languages', async () => {
    const operator = await as('operator');
    const opened = await req('POST', '/api/v1/programmes/bantuan-usaha-wrse/rounds', { period: '2026', stage: 'Tahap I', referenceDate: '2026-03-01' }, operator);
    assert.equal(opened.status, 201, opened.body);
    const id = opened.json().id as string;
    // A man is not a "Perempuan berusia 18 – 59 tahun".
    const man = await req('POST', `/api/v1/programmes/rounds/${id}/candidates`, { nik: '6403021506900001', name: 'Rahmat Hidayat', category: 'bantuan-usaha', source: 'village', village: 'LOA IPUH' }, operator);
    assert.equal(man.status, 422);
    for (const [nik, name] of [['6403025203880002', 'Wahyuni'], ['6403026711790003', 'Rusmini']])
      assert.equal((await req('POST', `/api/v1/programmes/rounds/${id}/candidates`, { nik, name, category: 'bantuan-usaha', source: 'village', village: 'LOA IPUH' }, operator)).status, 201);
    const list = await req('GET', `/api/v1/programmes/rounds/${id}/candidates`, undefined, await as('verifikator'));
    assert.equal(list.status, 200);
    assert.deepEqual(list.json().counts, { pending: 2, eligible: 0, ineligible: 0 });
    assert.ok(list.json().candidates.every((c: { nik: string }) => c.nik.includes('••')), 'NIK masked in the list');
    const [rusmini, wahyuni] = list.json().candidates as { id: string; version: number }[];
    // The pendamping verifies other programmes, not this one ("Petugas Dinas Sosial melakukan verifikasi kelayakan").
    const wrongRole = await req('POST', `/api/v1/programmes/rounds/${id}/candidates/${wahyuni!.id}/verification`, { result: 'eligible', version: wahyuni!.version }, await as('pendamping'));
    assert.equal(wrongRole.status, 403);
    const verifier = await as('verifikator');
    assert.equal((await req('POST', `/api/v1/programmes/rounds/${id}/candidates/${wahyuni!.id}/verification`, { result: 'eligible', version: wahyuni!.version }, verifier)).status, 200);
    assert.equal((await req('POST', `/api/v1/programmes/rounds/${id}/candidates/${rusmini!.id}/verification`, { result: 'ineligible', reason: 'Tidak memiliki embrio usaha', version: rusmini!.version }, verifier)).status, 200);
    const ba = await req('POST', `/api/v1/programmes/rounds/${id}/berita-acara`, undefined, verifier);
    assert.equal(ba.status, 201, ba.body);
    const head = await as('kepala-dinas');
    const tampered = await req('POST', `/api/v1/programmes/rounds/${id}/decree`, { candidateIds: [wahyuni!.id, rusmini!.id] }, head);
    assert.equal(tampered.status, 422);
    const e = tampered.json().error;
    assert.equal(e.code, 'sk-includes-ineligible');
    assert.match(e.message, /RUSMINI \(Tahap I, .*: Tidak memiliki embrio usaha\)/);
    assert.match(e.messageEn, /cannot include anyone/);
    const sk = await req('POST', `/api/v1/programmes/rounds/${id}/decree`, {}, head);
    assert.equal(sk.status, 201, sk.body);
    assert.equal(sk.json().recipients, 1);
    assert.equal((await req('POST', `/api/v1/programmes/rounds/${id}/decree`, {}, head)).status, 409);
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (await req('GET', '/api/v1/docs/json')).json();
    for (const path of ['/api/v1/offices/{slug}/programmes', '/api/v1/programmes/{slug}/rounds', '/api/v1/programmes/rounds/{id}/candidates', '/api/v1/programmes/rounds/{id}/candidates/{candidateId}/verification', '/api/v1/programmes/rounds/{id}/berita-acara', '/api/v1/programmes/rounds/{id}/decree'])
      assert.ok(doc.paths[path], path);
  });
});
