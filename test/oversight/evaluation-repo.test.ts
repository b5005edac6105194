/**
 * The evaluation of the standard through the database (both dialects): the hand-computed Jambi
 * cases of test/pure/oversight/evaluate.test.ts stored as rows give the same figures, a paused
 * Banjarmasin JKN-KIS case is charged to BPJS, and cases outside the period or another office's
 * stay out.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { readPeriod } from '../../src/domain/oversight/period.js';
import { evaluateStandard } from '../../src/usecases/oversight/evaluate-standard.js';
import { casesAtRiskOrLate, openCasesByAge } from '../../src/db/oversight-repo.js';
import { TEST_DB } from '../support/db.js';
import { testCtx, type TestCtx } from '../support/ctx.js';

const wib = (local: string) => new Date(`${local}:00+07:00`).toISOString();
const wita = (local: string) => new Date(`${local}:00+08:00`).toISOString();
const may = () => {
  const p = readPeriod('month', '2026-05');
  assert.ok(p.ok);
  return p.value;
};

describe(`oversight: evaluation from stored cases (${TEST_DB})`, () => {
  let t: TestCtx;
  let seq = 0;
  before(async () => {
    t = await testCtx({ now: () => new Date('2026-06-02T03:00:00Z') });
  });
  after(async () => t.close());

  function serviceOf(office: string, slug: string) {
    const o = t.catalogue.findOffice(office);
    assert.ok(o.ok);
    const s = o.value.services.find((x) => x.service.slug === slug);
    assert.ok(s, slug);
    return { officeId: o.value.id, serviceId: s.id, versionId: s.versionId, prefix: office === 'kota-jambi' ? 'JMB' : 'BJM' };
  }

  async function insertCase(
    svc: ReturnType<typeof serviceOf>,
    c: { submitted: string; started: string | null; closed: string | null; due: string | null; status: string; sla: string; pauses?: unknown[] },
  ) {
    seq++;
    await t.database.db
      .insertInto('applications')
      .values({
        id: randomUUID(),
        office_id: svc.officeId,
        service_id: svc.serviceId,
        service_version_id: svc.versionId,
        registration_number: `${svc.prefix}-2026-${String(900000 + seq)}`,
        tracking_code_hash: `oversight-test-${seq}-${randomUUID()}`,
        idempotency_key: null,
        idempotency_body: null,
        initiator: 'counter',
        channel: 'counter',
        applicant_nik: null,
        applicant_name: 'Warga Uji',
        applicant: '{}',
        answers: '{}',
        eligibility: '{"results":[],"registry":null}',
        status: c.status,
        current_step: null,
        end_id: null,
        outcome_reason: null,
        submitted_at: c.submitted,
        clock_started_at: c.started,
        paused_since: null,
        pauses: JSON.stringify(c.pauses ?? []),
        due_at: c.due,
        expected_at: null,
        stages: '[]',
        sla_state: c.sla,
        closed_at: c.closed,
        created_by: null,
        version: 1,
        updated_at: c.closed ?? c.submitted,
      })
      .execute();
  }

  it('Jambi "2-3 hari kerja": ten May cases give median 3, p90 5, max 5 and 7 of 10 on time, as by hand', async () => {
    const odgj = serviceOf('kota-jambi', 'rekomendasi-penyerahan-odgj-rsj');
    const done = (s: string, c: string, d: string, pauses?: unknown[]) =>
      insertCase(odgj, { submitted: wib(s), started: wib(s), closed: wib(c), due: wib(d), status: 'completed', sla: c > d ? 'late' : 'closed', pauses });
    await done('2026-05-04 09:00', '2026-05-05 10:00', '2026-05-07 16:00');
    await done('2026-05-05 09:00', '2026-05-06 14:00', '2026-05-08 11:00');
    await done('2026-05-04 10:00', '2026-05-06 11:00', '2026-05-07 16:00');
    await done('2026-05-05 08:00', '2026-05-07 15:00', '2026-05-08 11:00');
    await done('2026-05-04 13:00', '2026-05-07 09:00', '2026-05-07 16:00');
    await done('2026-05-13 09:00', '2026-05-20 10:00', '2026-05-20 16:00');
    await done('2026-05-04 09:00', '2026-05-11 10:00', '2026-05-11 16:00', [{ from: wib('2026-05-05 10:00'), to: wib('2026-05-07 10:00'), kind: 'applicant' }]);
    await done('2026-05-04 09:00', '2026-05-08 09:00', '2026-05-07 16:00');
    await done('2026-05-04 09:00', '2026-05-11 09:00', '2026-05-07 16:00');
    await done('2026-05-05 09:00', '2026-05-12 09:00', '2026-05-08 11:00');
    // A withdrawn case, an open late one, and one submitted in June (another period).
    await insertCase(odgj, { submitted: wib('2026-05-18 09:00'), started: wib('2026-05-18 09:00'), closed: wib('2026-05-19 09:00'), due: null, status: 'withdrawn', sla: 'closed' });
    await insertCase(odgj, { submitted: wib('2026-05-25 09:00'), started: wib('2026-05-25 09:00'), closed: null, due: wib('2026-05-29 11:00'), status: 'open', sla: 'late' });
    await insertCase(odgj, { submitted: wib('2026-06-01 09:00'), started: wib('2026-06-01 09:00'), closed: wib('2026-06-01 10:00'), due: wib('2026-06-04 16:00'), status: 'completed', sla: 'closed' });

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
