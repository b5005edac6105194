/**
 * The oversight counters are kept by the transactions that close cases: Jambi cases driven to
 * their end through the use cases (and one withdrawn) leave exactly the counters the backfill
 * computes from the same rows, and the evaluation reads them with the open cases counted live.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readPeriod } from '../../src/domain/oversight/period.js';
import { findOfficeCase } from '../../src/usecases/applications/find-case.js';
import { withdrawApplication } from '../../src/usecases/applications/withdraw-application.js';
import { rebuildOversightCounters } from '../../src/usecases/oversight/backfill-counters.js';
import { evaluateStandard } from '../../src/usecases/oversight/evaluate-standard.js';
import { TEST_DB } from '../support/db.js';
import { testCtx, type TestCtx } from '../support/ctx.js';
import { actorFor, driveUntil, fileCase } from '../letters/helpers.js';

const JAMBI = 'kota-jambi';
const BAYI = 'rekomendasi-jamkesda-bayi';
const LISTRIK = 'rekomendasi-subsidi-listrik';

describe(`oversight counters kept when cases close (${TEST_DB})`, () => {
  let t: TestCtx;
  // Monday 4 May 2026, 08:00 WIB; every step is taken an hour after the last.
  let now = new Date('2026-05-04T01:00:00Z');
  const tick = () => (now = new Date(now.getTime() + 3_600_000));
  before(async () => {
    t = await testCtx({ now: () => tick() });
  });
  after(async () => t.close());

  const snapshot = async (officeId: string) =>
    (await t.database.db.selectFrom('oversight_counts').selectAll().where('office_id', '=', officeId).execute())
      .map((r) => ({ ...r, n: Number(r.n), on_time: Number(r.on_time), duration: Number(r.duration), applicant_pauses: Number(r.applicant_pauses), external_pauses: Number(r.external_pauses), applicant_paused: Number(r.applicant_paused), external_paused: Number(r.external_paused) }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

  it('five cases completed, one withdrawn, one still open: the closing transactions counted six, as the backfill does', async () => {
    const cases = [];
    for (const [i, name] of ['Siti Aminah', 'Budi Santoso', 'Ahmad Fauzi', 'Nurul Hidayah', 'Dewi Lestari', 'Rina Marlina', 'Yusuf Maulana'].entries())
      cases.push(await fileCase(t.ctx, JAMBI, i % 2 ? LISTRIK : BAYI, name));
    for (const c of cases.slice(0, 5)) await driveUntil(t.ctx, c.id, () => false, JAMBI);
    const officeId = t.catalogue.office(JAMBI)!.id;
    const front = await actorFor(t.ctx, `front-office@${JAMBI}`);
    const w = await withdrawApplication(t.ctx, (await findOfficeCase(t.ctx, officeId, cases[5]!.id))!, front, 'Pemohon pindah domisili');
    assert.ok(w.ok, JSON.stringify(w));

    const kept = await snapshot(officeId);
    assert.equal(kept.reduce((s, r) => s + r.n, 0), 6, 'five answered and one withdrawn');
    assert.deepEqual(kept.map((r) => r.month), kept.map(() => '2026-05'));
    assert.equal(kept.filter((r) => r.status === 'withdrawn').reduce((s, r) => s + r.n, 0), 1);
    assert.ok(kept.filter((r) => r.status !== 'withdrawn').every((r) => r.duration >= 0), 'every answered case has a measured time');

    assert.equal(await rebuildOversightCounters(t.ctx, officeId), 6);
    assert.deepEqual(await snapshot(officeId), kept);

    const may = readPeriod('month', '2026-05');
    assert.ok(may.ok);
    const r = await evaluateStandard(t.ctx, officeId, may.value);
    const total = (id: string) => r.services.find((s) => s.id === t.catalogue.service(JAMBI, id)!.service.id)!.evaluation;
    assert.deepEqual(
      [BAYI, LISTRIK].map((s) => ({ cases: total(s).cases, completed: total(s).completed, withdrawn: total(s).withdrawn, open: total(s).open })),
      [
        { cases: 4, completed: 3, withdrawn: 0, open: 1 },
        { cases: 3, completed: 2, withdrawn: 1, open: 0 },
      ],
    );
  });
});
