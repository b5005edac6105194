/**
 * GET /api/v1/oversight/evaluation: the head of office of Kota Jambi reads May 2026's figures as
 * JSON; the auditor may read them too (read-only); a clerk is refused; a wrong period is a 422 in
 * both languages naming its field; the auditor's read leaves the cases untouched.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { rebuildOversightCounters } from '../../src/usecases/oversight/backfill-counters.js';
import { insertCase, JAMBI_MAY, serviceOf } from './cases.js';

describe(`oversight API (${TEST_DB})`, () => {
  let t: TestApp;
  const { req, login } = apiClient(() => t);
  let serviceId = '';
  before(async () => {
    t = await testApp();
    const odgj = serviceOf(t.catalogue, 'kota-jambi', 'rekomendasi-penyerahan-odgj-rsj');
    serviceId = odgj.serviceId;
    for (const c of JAMBI_MAY) await insertCase(t.database.db, odgj, c);
    await rebuildOversightCounters(t.ctx, odgj.officeId);
  });
  after(async () => t.close());

  it('the head of office reads promise vs actual per service for May 2026', async () => {
    const r = await req('GET', '/api/v1/oversight/evaluation?jenis=bulan&periode=2026-05', undefined, await login('kepala-dinas@kota-jambi'));
    assert.equal(r.status, 200, r.body);
    const body = r.json();
    assert.deepEqual(body.period, { kind: 'month', value: '2026-05', from: '2026-05-01', to: '2026-05-31', label: 'Mei 2026' });
    const s = body.services.find((x: { service: string }) => x.service === serviceId);
    assert.deepEqual(
      { promised: s.promised, cases: s.cases, completed: s.completed, onTime: s.onTime, onTimeRate: s.onTimeRate, median: s.median, p90: s.p90, max: s.max, unit: s.unit, openLate: s.openLate },
      { promised: { value: 2, maxValue: 3, unit: 'working_days', text: '2-3 hari kerja' }, cases: 12, completed: 10, onTime: 7, onTimeRate: 0.7, median: 3, p90: 5, max: 5, unit: 'working_days', openLate: 1 },
    );
    assert.equal(r.headers['cache-control'], 'no-store');
  });

  it('the auditor reads it too; a front-office clerk is refused', async () => {
    assert.equal((await req('GET', '/api/v1/oversight/evaluation?jenis=tahun&periode=2026', undefined, await login('auditor@kota-jambi'))).status, 200);
    assert.equal((await req('GET', '/api/v1/oversight/evaluation', undefined, await login('front-office@kota-jambi'))).status, 403);
    assert.equal((await req('GET', '/api/v1/oversight/evaluation')).status, 401);
  });

  it('a wrong period is refused with its field named, in both languages', async () => {
    const r = await req('GET', '/api/v1/oversight/evaluation?jenis=triwulan&periode=2026-Q5', undefined, await login('kepala-dinas@kota-jambi'));
    assert.equal(r.status, 422);
    const p = r.json();
    assert.match(JSON.stringify(p), /Periode tidak valid: tulis TTTT-Qn \(mis\. 2026-Q2\)/);
    assert.match(JSON.stringify(p), /Invalid period: write YYYY-Qn/);
    assert.match(JSON.stringify(p), /"value"/);
  });
});
