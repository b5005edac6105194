/**
 * The auditor reads and never acts ("Auditor (baca saja)"): it cannot register a case at the
 * counter nor record a returned file as complete, by the API, the page or the use case alike;
 * the front office still can.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { findCaseAnyOffice, openTaskFor } from '../../src/db/applications-repo.js';
import { completeTask } from '../../src/usecases/applications/complete-task.js';
import { resubmitFile } from '../../src/usecases/applications/resubmit-file.js';
import { TEST_DB } from '../support/db.js';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { SITI } from '../support/fixtures.js';
import { actorFor, fileCase } from '../letters/helpers.js';

describe(`read-only roles do not act (${TEST_DB})`, () => {
  let t: TestApp;
  const api = apiClient(() => t);
  before(async () => {
    t = await testApp();
  });
  after(async () => t.close());

  const counterCase = {
    office: 'kota-jambi',
    service: 'rekomendasi-sktm-berobat',
    channel: 'counter',
    applicant: { nik: SITI.nik, name: SITI.name, phone: SITI.phone },
    attachments: [] as { requirement: string; shown: boolean }[],
  };
  before(() => {
    const svc = t.catalogue.service('kota-jambi', 'rekomendasi-sktm-berobat')!.service.service;
    counterCase.attachments = svc.requirements.filter((r) => r.kind === 'document').map((r) => ({ requirement: r.id, shown: true }));
  });

  it('the auditor cannot register a counter case; the front office can', async () => {
    const before = await t.database.db.selectFrom('applications').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const refused = await api.req('POST', '/api/v1/applications', counterCase, await api.login('auditor@kota-jambi'));
    assert.equal(refused.status, 403, refused.body);
    assert.equal(refused.json().error.problems?.[0]?.code ?? refused.json().error.code, 'read-only-role');
    const after = await t.database.db.selectFrom('applications').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n), 'nothing was filed');
    const ok = await api.req('POST', '/api/v1/applications', counterCase, await api.login('front-office@kota-jambi'));
    assert.equal(ok.status, 201, ok.body);
  });

  it('the auditor cannot record a returned file as complete; the front office can', async () => {
    // Filed, then returned by the front office at its first step for a missing document.
    const filed = await fileCase(t.ctx, 'kota-jambi', 'rekomendasi-sktm-berobat');
    const task = (await openTaskFor(t.database.db, filed.id))!;
    const svc = t.catalogue.service('kota-jambi', 'rekomendasi-sktm-berobat')!.service.service;
    const ret = svc.procedure!.steps.find((s) => s.id === task.step_id)!.outcomes.find((o) => o.kind === 'return')!;
    const version = (await findCaseAnyOffice(t.database.db, filed.id))!.version;
    const back = await completeTask(t.ctx, { taskId: task.id, outcome: ret.id, note: 'Surat keterangan rawat belum dilampirkan', version }, await actorFor(t.ctx, `${task.role}@kota-jambi`));
    assert.ok(back.ok, JSON.stringify(back));
    const app = (await findCaseAnyOffice(t.database.db, filed.id))!;
    assert.equal(app.status, 'waiting-applicant');
    const refused = await resubmitFile(t.ctx, app, await actorFor(t.ctx, 'auditor@kota-jambi'), 'Dicatat di loket');
    assert.ok(!refused.ok && refused.error.kind === 'forbidden' && refused.error.problems[0]!.code === 'read-only-role', JSON.stringify(refused));
    assert.equal((await findCaseAnyOffice(t.database.db, app.id))!.status, 'waiting-applicant', 'the clock did not restart');
    const ok = await resubmitFile(t.ctx, app, await actorFor(t.ctx, 'front-office@kota-jambi'), 'Dicatat di loket');
    assert.ok(ok.ok, JSON.stringify(ok));
  });
});
