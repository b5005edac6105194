/**
 * The evaluation of the standard through the database (both dialects): the hand-computed Jambi
 * cases of test/pure/oversight/evaluate.test.ts stored as rows give the same figures, a paused
 * Banjarmasin JKN-KIS case is charged to BPJS, and cases outside the period or another office's
 * stay out.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readPeriod } from '../../src/domain/oversight/period.js';
import { evaluateStandard } from '../../src/usecases/oversight/evaluate-standard.js';
import { rebuildOversightCounters } from '../../src/usecases/oversight/backfill-counters.js';
import { casesAtRiskOrLate, openCasesByAge } from '../../src/db/oversight-repo.js';
import { TEST_DB } from '../support/db.js';
import { testCtx, type TestCtx } from '../support/ctx.js';
import { insertCase as insertRow, JAMBI_MAY, serviceOf as refOf, wib, wita, type StoredCase } from './cases.js';

const may = () => {
  const p = readPeriod('month', '2026-05');
  assert.ok(p.ok);
  return p.value;
};

describe(`oversight: evaluation from stored cases (${TEST_DB})`, () => {
  let t: TestCtx;
  before(async () => {
    t = await testCtx({ now: () => new Date('2026-06-02T03:00:00Z') });
  });
  after(async () => t.close());

  const serviceOf = (office: string, slug: string) => refOf(t.catalogue, office, slug);
  const insertCase = (svc: ReturnType<typeof serviceOf>, c: StoredCase) => insertRow(t.database.db, svc, c);

  it('Jambi "2-3 hari kerja": ten May cases give median 3, p90 5, max 5 and 7 of 10 on time, as by hand', async () => {
    const odgj = serviceOf('kota-jambi', 'rekomendasi-penyerahan-odgj-rsj');
    for (const c of JAMBI_MAY) await insertCase(odgj, c);

    // Rows written around the use cases are counted as the backfill after migration 028 counts them.
    assert.equal(await rebuildOversightCounters(t.ctx, odgj.officeId), 12);
    const r = await evaluateStandard(t.ctx, odgj.officeId, may());
    const ev = r.services.find((s) => s.id === odgj.serviceId)!.evaluation;
    assert.equal(r.truncated, false);
    assert.deepEqual(
      { cases: ev.cases, completed: ev.completed, onTime: ev.onTime, withdrawn: ev.withdrawn, open: ev.open, openLate: ev.openLate, median: ev.median, p90: ev.p90, max: ev.max },
      { cases: 12, completed: 10, onTime: 7, withdrawn: 1, open: 1, openLate: 1, median: 3, p90: 5, max: 5 },
    );
    assert.equal(ev.onTimeRate, 0.7);
    assert.match(ev.finding.id, /^Janji ditepati pada 70 % kasus \(7 dari 10 selesai\); median 3 hari kerja, p90 5 hari kerja; menunggu pemohon \(berkas dikembalikan\) 6,5 % waktu; 1 kasus terbuka sudah terlambat\.$/);
    // Services without cases in the period are listed with a finding that says so.
    const empty = r.services.find((s) => s.id !== odgj.serviceId && s.evaluation.cases === 0 && s.evaluation.promise.value !== null);
    assert.equal(empty?.evaluation.finding.id, 'Tidak ada kasus pada periode ini.');
  });

  it('Banjarmasin JKN-KIS ("1 Bulan"): the wait is charged to BPJS by name, the time in calendar days', async () => {
    const jkn = serviceOf('kota-banjarmasin', 'pengusulan-jkn-kis');
    // Mon 4 May → Mon 11 May is 7 days; waiting on BPJS from Tue 5 to Fri 8 takes the 6th, 7th and
    // 8th (3 days); a month-long promise is measured in calendar days: 7 − 3 = 4.
    await insertCase(jkn, {
      submitted: wita('2026-05-04 09:00'),
      started: wita('2026-05-04 09:00'),
      closed: wita('2026-05-11 10:00'),
      due: wita('2026-05-12 16:00'),
      status: 'completed',
      sla: 'closed',
      pauses: [{ from: wita('2026-05-05 09:00'), to: wita('2026-05-08 09:00'), kind: 'external' }],
    });
    await rebuildOversightCounters(t.ctx, jkn.officeId);
    const r = await evaluateStandard(t.ctx, jkn.officeId, may());
    const ev = r.services.find((s) => s.id === jkn.serviceId)!.evaluation;
    assert.equal(ev.unit, 'days');
    assert.equal(ev.median, 4);
    assert.equal(ev.waits[0]?.body, 'BPJS Kesehatan Banjarmasin atau Kementerian Sosial RI (SIKS NG)');
    assert.equal(ev.waits[0]?.total, 3);
    assert.equal(ev.onTime, 1);
    // Jambi's cases are not Banjarmasin's.
    assert.equal(r.services.reduce((s, x) => s + x.evaluation.cases, 0), 1);
  });

  it('lists open cases at risk or late by due time, and ages open cases by submission', async () => {
    const odgj = serviceOf('kota-jambi', 'rekomendasi-penyerahan-odgj-rsj');
    const late = await casesAtRiskOrLate(t.database.db, odgj.officeId, 10);
    assert.deepEqual(late.map((c) => [c.sla_state, c.due_at]), [['late', wib('2026-05-29 11:00')]]);
    const ages = await openCasesByAge(t.database.db, odgj.officeId, [wib('2026-05-26 00:00'), wib('2026-05-03 00:00')]);
    // Submitted 25 May: older than the first bound, newer than the second → bucket 1.
    assert.deepEqual(ages, [{ service_id: odgj.serviceId, bucket: 1, n: 1 }]);
  });
});
