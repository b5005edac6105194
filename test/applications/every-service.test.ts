/**
 * Every detailed service of every office runs: its main path to a completed end, and where its
 * decree has one, a return-to-applicant path and a rejection path, through the real use cases.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { firstStepWith } from '../../src/domain/procedure/paths.js';
import { simulateCase, SimulationRefused } from '../../src/usecases/applications/simulate-case.js';
import { loadStandardsDir } from '../../src/io/standards-dir.js';
import { TEST_DB } from '../support/db.js';
import { SEED_OFFICES, STANDARDS_DIR } from '../support/paths.js';
import { testCtx, type TestCtx } from '../support/ctx.js';

describe(`every service's procedure runs (${TEST_DB})`, () => {
  let t: TestCtx;
  before(async () => {
    t = await testCtx();
  });
  after(async () => t.close());

  it('drives every detailed service (52 in the five seed offices) along its main path to a completed end', async () => {
    let n = 0;
    let seeds = 0;
    const failures: string[] = [];
    for (const o of t.catalogue.list())
      for (const s of o.services.filter((x) => x.service.detailed)) {
        n++;
        if ((SEED_OFFICES as readonly string[]).includes(o.office.slug)) seeds++;
        try {
          const r = await simulateCase(t.ctx, o.office.slug, s.service.slug, 'main');
          if (r.finalStatus !== 'completed') failures.push(`${o.office.slug}/${s.service.slug}: ended ${r.finalStatus}`);
          const events = await t.database.db.selectFrom('application_events').select('type').where('application_id', '=', r.applicationId).execute();
          if (events.length !== r.steps.length + 1) failures.push(`${o.office.slug}/${s.service.slug}: ${events.length} events for ${r.steps.length} steps`);
        } catch (e) {
          failures.push(`${o.office.slug}/${s.service.slug}: ${(e as Error).message}`);
        }
      }
    assert.equal(seeds, 52);
    // The catalogue serves every detailed service the standards folder holds.
    assert.equal(n, loadStandardsDir(STANDARDS_DIR).offices.reduce((a, o) => a + o.services.filter((x) => x.detailed).length, 0));
    assert.deepEqual(failures, []);
  });

  it('returns a file to the applicant, pauses the clock, resumes and completes, wherever the decree has a return', async () => {
    const failures: string[] = [];
    let n = 0;
    for (const o of t.catalogue.list())
      for (const s of o.services.filter((x) => x.service.procedure && firstStepWith(x.service.procedure, 'return'))) {
        n++;
        try {
          const r = await simulateCase(t.ctx, o.office.slug, s.service.slug, 'return');
          if (r.finalStatus !== 'completed') failures.push(`${s.service.slug}: ${r.finalStatus}`);
          const types = (await t.database.db.selectFrom('application_events').select('type').where('application_id', '=', r.applicationId).orderBy('seq').execute()).map((e) => e.type);
          if (!types.includes('returned') || !types.includes('file-resubmitted')) failures.push(`${s.service.slug}: ${types.join(',')}`);
        } catch (e) {
          failures.push(`${o.office.slug}/${s.service.slug}: ${(e as Error).message}`);
        }
      }
    assert.ok(n >= 20, `${n} services with a return path`);
    assert.deepEqual(failures, []);
  });

  it('rejects with a written reason wherever the decree has a rejection', async () => {
    const failures: string[] = [];
    let n = 0;
    for (const o of t.catalogue.list())
      for (const s of o.services.filter((x) => x.service.procedure && firstStepWith(x.service.procedure, 'reject'))) {
        n++;
        try {
          const r = await simulateCase(t.ctx, o.office.slug, s.service.slug, 'reject');
          const row = await t.database.db.selectFrom('applications').select(['status', 'outcome_reason']).where('id', '=', r.applicationId).executeTakeFirstOrThrow();
          if (row.status !== 'rejected' || !row.outcome_reason) failures.push(`${s.service.slug}: ${row.status} ${row.outcome_reason}`);
        } catch (e) {
          failures.push(`${o.office.slug}/${s.service.slug}: ${(e as Error).message}`);
        }
      }
    assert.ok(n >= 15, `${n} services with a rejection path`);
    assert.deepEqual(failures, []);
  });

  it('refuses a rejection (or a return) the service does not have, in both languages, before filing anything', async () => {
    const count = async () => Number((await t.database.db.selectFrom('applications').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    // Banjarmasin "Verifikasi Segera" returns incomplete files but never rejects; Jambi's disaster
    // logistics (1) neither returns nor rejects.
    await assert.rejects(simulateCase(t.ctx, 'kota-banjarmasin', 'verifikasi-segera', 'reject'), (e: unknown) => {
      assert.ok(e instanceof SimulationRefused);
      assert.equal(e.messageId, 'Layanan verifikasi-segera tidak punya jalur penolakan; tidak ada yang diajukan');
      assert.equal(e.messageEn, 'verifikasi-segera has no rejection path; nothing was filed');
      return true;
    });
    const logistics = t.catalogue.service('kota-jambi', 'distribusi-logistik-bencana')!.service.service;
    assert.equal(firstStepWith(logistics.procedure!, 'return'), undefined);
    await assert.rejects(simulateCase(t.ctx, 'kota-jambi', 'distribusi-logistik-bencana', 'return'), /has no return-to-applicant path; nothing was filed/);
    assert.equal(await count(), before, 'no case was filed');
  });
});
