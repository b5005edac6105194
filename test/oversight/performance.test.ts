/**
 * The public performance of Kota Jambi (issue 15 §5): GET /api/v1/offices/kota-jambi/performance
 * and /kantor/kota-jambi/kinerja give, without sign-in, the "2-3 hari kerja" ODGJ service's May
 * 2026 figures worked out by hand (12 cases, 7 of 10 on time, median 3, p90 5), withhold a month
 * with one case, default to the last whole quarter, refuse a range that is not whole months beside
 * its field, and carry no registration number or name.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rebuildOversightCounters } from '../../src/usecases/oversight/backfill-counters.js';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { insertCase, JAMBI_MAY, serviceOf } from './cases.js';

describe(`public performance of an office (${TEST_DB})`, () => {
  let t: TestApp;
  const { req } = apiClient(() => t);
  const numbers: string[] = [];
  before(async () => {
    // Tuesday 2 June 2026: the last whole quarter is January–March.
    t = await testApp({ now: () => new Date('2026-06-02T03:00:00Z') });
    const odgj = serviceOf(t.catalogue, 'kota-jambi', 'rekomendasi-penyerahan-odgj-rsj');
    for (const c of JAMBI_MAY) numbers.push((await insertCase(t.database.db, odgj, c)).registrationNumber);
    await rebuildOversightCounters(t.ctx, odgj.officeId);
  });
  after(async () => t.close());

  const odgjOf = (body: { services: { service: string }[] }) => body.services.find((s) => s.service === 'rekomendasi-penyerahan-odgj-rsj') as Record<string, unknown>;

  it('May 2026 for anyone: the promise beside 12 cases, 7 of 10 on time, median 3, p90 5, max 5 working days', async () => {
    const r = await req('GET', '/api/v1/offices/kota-jambi/performance?from=2026-05-01&to=2026-05-31');
    assert.equal(r.status, 200, r.body);
    const body = r.json();
    assert.deepEqual(body.period, { from: '2026-05-01', to: '2026-05-31', label: 'Mei 2026' });
    const { ikm: _ikm, ...s } = odgjOf(body);
    assert.deepEqual(s, {
      service: 'rekomendasi-penyerahan-odgj-rsj',
      no: s.no,
      title: s.title,
      promised: { value: 2, maxValue: 3, unit: 'working_days', text: '2-3 hari kerja' },
      cases: 12,
      completed: 10,
      onTime: 7,
      onTimeRate: 0.7,
      median: 3,
      p90: 5,
      max: 5,
      unit: 'working_days',
      suppressed: null,
    });
    for (const n of numbers) assert.ok(!r.body.includes(n), `registration number ${n} is not public`);
    assert.ok(!r.body.includes('Warga Uji'));
  });

  it('June 2026 has one case: its figures are withheld, counts included; a service with none says 0', async () => {
    const body = (await req('GET', '/api/v1/offices/kota-jambi/performance?periode=2026-06')).json();
    const s = odgjOf(body);
    assert.deepEqual([s.cases, s.completed, s.onTimeRate, s.median, s.suppressed], [null, null, null, null, 'few-cases']);
    assert.match(body.rule, /kurang dari 5 permohonan/);
    const other = body.services.find((x: { service: string }) => x.service !== 'rekomendasi-penyerahan-odgj-rsj');
    assert.deepEqual([other.cases, other.suppressed], [0, null]);
  });

  it('without a period: the last whole quarter (2026-Q1, no cases of May)', async () => {
    const body = (await req('GET', '/api/v1/offices/kota-jambi/performance')).json();
    assert.deepEqual(body.period, { from: '2026-01-01', to: '2026-03-31', label: 'Triwulan I 2026' });
    assert.equal(odgjOf(body).cases, 0);
  });

  it('a range that is not whole months is refused naming its field, in both languages; an unknown office is 404', async () => {
    const r = await req('GET', '/api/v1/offices/kota-jambi/performance?from=2026-05-02&to=2026-05-31');
    assert.equal(r.status, 422);
    assert.match(r.body, /Angka kinerja disimpan per bulan/);
    assert.match(r.body, /Performance figures are kept per month/);
    assert.match(r.body, /"field":"from"/);
    assert.equal((await req('GET', '/api/v1/offices/kota-jambi/performance?from=2026-05-01&to=2026-05-30')).json().error.problems[0].field, 'to');
    assert.equal((await req('GET', '/api/v1/offices/kota-entah/performance')).status, 404);
  });

  it('the page: linked from the office page, May in both languages, a wrong period beside its field with 422', async () => {
    assert.match((await req('GET', '/kantor/kota-jambi')).body, /href="\/kantor\/kota-jambi\/kinerja"/);
    const id = await req('GET', '/kantor/kota-jambi/kinerja?periode=2026-05');
    assert.equal(id.status, 200);
    assert.match(id.body, /<h1>Kinerja Pelayanan<\/h1>/);
    assert.match(id.body, /<strong>70 %<\/strong> <span class="meta">\(7\/10\)<\/span>/);
    assert.match(id.body, /3 hari kerja/);
    const en = await req('GET', '/kantor/kota-jambi/kinerja?periode=2026-05&lang=en');
    assert.match(en.body, /<strong>70%<\/strong>/);
    assert.match(en.body, /3 working days/);
    for (const n of numbers) assert.ok(!id.body.includes(n));
    const bad = await req('GET', '/kantor/kota-jambi/kinerja?periode=2026-13');
    assert.equal(bad.status, 422);
    assert.match(bad.body, /<p class="field-error" id="[^"]+">[^<]*2026-Q2/);
    assert.match(bad.body, /aria-invalid="true"/);
  });
});
