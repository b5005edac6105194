/**
 * Bad input, bounded (issue 12): a due time far in the future, a sign-in `next` with CR/LF, an
 * idempotency key reused with another body, oversized and mistyped fields — each gets a clear,
 * bilingual 4xx at once, never a 5xx, a stalled server or someone else's case.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiClient, postSignInForm, testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { BUDI, multipartBody, PDF_MIN, SITI } from '../support/fixtures.js';

describe(`bad input, bounded (${TEST_DB})`, () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(async () => t.close());
  const { req } = apiClient(() => t);

  it('refuses a due time beyond five years at once instead of walking ten million working days', async () => {
    const t0 = Date.now();
    const r = await req('GET', '/api/v1/offices/kota-jambi/calendar/due?start=2026-03-20T09%3A00%3A00%2B07%3A00&unit=working_days&value=10000000');
    assert.ok(Date.now() - t0 < 1000, `took ${Date.now() - t0} ms`);
    assert.equal(r.status, 400, r.body);
    assert.match(r.json().error.message, /value.*lima tahun/);
    assert.match(r.json().error.messageEn, /five years/);
    const ok = await req('GET', '/api/v1/offices/kota-jambi/calendar/due?start=2026-03-20T09%3A00%3A00%2B07%3A00&unit=working_days&value=14');
    assert.equal(ok.status, 200, ok.body);
    for (const [unit, value] of [['minutes', 2_635_201], ['hours', 43_921], ['days', 1831], ['months', 61], ['years', 6]] as const)
      assert.equal((await req('GET', `/api/v1/offices/kota-jambi/calendar/due?start=2026-03-20T09%3A00%3A00%2B07%3A00&unit=${unit}&value=${value}`)).status, 400, unit);
  });

  it('signs in with a `next` carrying CR/LF safely: to the back office, no header injection, no 500', async () => {
    for (const next of ['/petugas\r\nSet-Cookie: sesi=curian', '/petugas/tugas\nX: y', '/petugas\\\\evil.example', '/petugas/kasus/1 2']) {
      const r = await postSignInForm(t.app, 'front-office@kota-jambi', 'sigap-demo', next);
      assert.equal(r.statusCode, 303, `${JSON.stringify(next)}: ${r.body.slice(0, 200)}`);
      assert.equal(r.headers.location, '/petugas');
    }
    const fine = await postSignInForm(t.app, 'front-office@kota-jambi', 'sigap-demo', '/petugas/tugas?lang=en');
    assert.equal(fine.headers.location, '/petugas/tugas?lang=en');
    const page = await t.app.inject({ method: 'GET', url: '/masuk?next=%2Fpetugas%0D%0AX%3A%20y' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /name="next" value="\/petugas"/);
  });

  const docs = async () => {
    const out = [];
    for (const d of t.catalogue.service('kota-jambi', 'rekomendasi-jamkesda-bayi')!.service.service.requirements.filter((r) => r.kind === 'document')) {
      const { payload, headers } = multipartBody('file', 'kk.pdf', 'application/pdf', PDF_MIN);
      const u = await t.app.inject({ method: 'POST', url: '/api/v1/uploads', payload, headers });
      assert.equal(u.statusCode, 201, u.body);
      out.push({ requirement: d.id, upload: JSON.parse(u.body).id as string });
    }
    return out;
  };

  it('binds an Idempotency-Key to its application: another applicant under the same key gets 422, not Siti’s number and tracking code', async () => {
    const key = { 'idempotency-key': 'jmb-bayi-2026-12-07-0001' };
    const siti = await req('POST', '/api/v1/applications', { office: 'kota-jambi', service: 'rekomendasi-jamkesda-bayi', applicant: SITI, attachments: await docs() }, key);
    assert.equal(siti.status, 201, siti.body);
    const budi = await req('POST', '/api/v1/applications', { office: 'kota-jambi', service: 'rekomendasi-jamkesda-bayi', applicant: BUDI, attachments: await docs() }, key);
    assert.equal(budi.status, 422, budi.body);
    assert.doesNotMatch(budi.body, new RegExp(`${siti.json().registrationNumber}|${siti.json().trackingCode}`));
    const problem = budi.json().error.problems[0];
    assert.deepEqual([problem.code, problem.field], ['idempotency-key-reused', 'Idempotency-Key']);
    assert.match(problem.message, /sudah dipakai/);
    assert.match(problem.messageEn, /already used for a different request/);
    // A true retry (same person, files uploaded again) still gets Siti's case back.
    const retry = await req('POST', '/api/v1/applications', { service: 'rekomendasi-jamkesda-bayi', office: 'kota-jambi', applicant: SITI, attachments: await docs() }, key);
    assert.equal(retry.status, 201, retry.body);
    assert.equal(retry.json().registrationNumber, siti.json().registrationNumber);
  });

  it('binds an Idempotency-Key to its complaint: another text under the same key gets 422', async () => {
    const key = { 'idempotency-key': 'bjm-adu-2026-12-07-0001' };
    const first = { office: 'kota-banjarmasin', mode: 'named', text: 'Bantuan sembako untuk lansia di RT 05 Kelurahan Kuin Utara belum dibagikan sejak Oktober.', complainant: { name: 'Rahmah Hayati', phone: '081349912345' } };
    const a = await req('POST', '/api/v1/complaints', first, key);
    assert.equal(a.status, 201, a.body);
    const other = await req('POST', '/api/v1/complaints', { ...first, text: 'Petugas meminta uang untuk mempercepat surat keterangan tidak mampu.', complainant: { name: 'Yusuf Rahman' } }, key);
    assert.equal(other.status, 422, other.body);
    assert.equal(other.json().error.problems[0].code, 'idempotency-key-reused');
    assert.doesNotMatch(other.body, new RegExp(`${a.json().receiptNumber}|${a.json().trackingCode}`));
    const again = await req('POST', '/api/v1/complaints', { ...first }, key);
    assert.equal(again.status, 201);
    assert.deepEqual(again.json(), a.json());
  });
});
