/**
 * A step any of several roles may do ("Kadis/Kabid": `orRoles` in the standard): its task waits in
 * the queue of each of those roles, any of them may claim and complete it, and other roles are
 * still refused. The standard is the sixth-office fixture with one step given a further role.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openTaskFor } from '../../src/db/applications-repo.js';
import { claimTask } from '../../src/usecases/applications/claim-task.js';
import { completeTask } from '../../src/usecases/applications/complete-task.js';
import { readCaseFile } from '../../src/usecases/applications/read-case-file.js';
import { taskQueue } from '../../src/usecases/applications/task-queue.js';
import { TEST_DB } from '../support/db.js';
import { testCtx, type TestCtx } from '../support/ctx.js';
import { SIXTH, writeSixOffices } from '../support/sixth-office.js';
import { actorFor, fileCase } from '../letters/helpers.js';

const OFFICE = SIXTH.slug;
const SERVICE = 'reaktifasi-pbi-rekomendasi-uhc';
/** Its first step is the front office's alone. */
const OTHER = 'data-pengaduan';

describe(`a step any of several roles may do (${TEST_DB})`, () => {
  let t: TestCtx;
  let dir: string;
  before(async () => {
    dir = writeSixOffices();
    // The completeness check of PBI reactivation: front office, or the back office in its stead.
    const file = join(dir, OFFICE, 'services/04-reaktifasi-pbi-rekomendasi-uhc.yaml');
    const text = readFileSync(file, 'utf8');
    const edited = text.replace('      kind: check\n      role: front-office\n', '      kind: check\n      role: front-office\n      orRoles: [back-office]\n');
    assert.notEqual(edited, text);
    writeFileSync(file, edited);
    t = await testCtx({ standardsDir: dir });
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('puts the task in the further role\'s queue; the back office claims and completes it', async () => {
    const c = await fileCase(t.ctx, OFFICE, SERVICE, 'Sri Wahyuni');
    const back = await actorFor(t.ctx, `back-office@${OFFICE}`);
    assert.ok(!back.roles.includes('front-office'), 'the back office is not front office');
    const mine = (await taskQueue(t.ctx, { id: back.id!, officeId: back.officeId!, roles: back.roles }, { limit: 100 })).items;
    const item = mine.find((x) => x.applicationId === c.id);
    assert.ok(item, 'the check waits in the back office queue');
    assert.equal(item.step.id, 'periksa-berkas');
    const file = await readCaseFile(t.ctx, { ...back, officeId: back.officeId! }, c.id);
    assert.equal(file.ok && file.value.mine, true, 'the case page offers the back office the step');

    const claimed = await claimTask(t.ctx, item.id, back);
    assert.deepEqual(claimed, { ok: true, value: { claimedBy: back.id } });
    const done = await completeTask(t.ctx, { taskId: item.id, outcome: 'lengkap', note: 'Berkas lengkap', version: item.version }, back);
    assert.ok(done.ok, JSON.stringify(done));
    const next = await openTaskFor(t.ctx.database.db, c.id);
    assert.notEqual(next?.step_id, 'periksa-berkas', 'the case moved on');
  });

  it('refuses a role the step does not name, saying which roles may do it', async () => {
    const c = await fileCase(t.ctx, OFFICE, SERVICE, 'Bambang Sutrisno');
    const task = (await openTaskFor(t.ctx.database.db, c.id))!;
    const head = await actorFor(t.ctx, `kepala-dinas@${OFFICE}`);
    const r = await claimTask(t.ctx, task.id, head);
    assert.equal(r.ok, false);
    assert.deepEqual(!r.ok && r.error.problems.map((p) => [p.message, p.messageEn]), [['Tugas ini untuk peran "front-office / back-office"', 'This task belongs to the "front-office / back-office" role']]);
    const queue = (await taskQueue(t.ctx, { id: head.id!, officeId: head.officeId!, roles: head.roles }, { limit: 100 })).items;
    assert.ok(!queue.some((x) => x.applicationId === c.id));
  });

  it('keeps steps without further roles to their own role: the back office does not see another service\'s front-office check', async () => {
    const c = await fileCase(t.ctx, OFFICE, OTHER, 'Dewi Lestari');
    const task = (await openTaskFor(t.ctx.database.db, c.id))!;
    assert.equal(task.role, 'front-office');
    const back = await actorFor(t.ctx, `back-office@${OFFICE}`);
    const queue = (await taskQueue(t.ctx, { id: back.id!, officeId: back.officeId!, roles: back.roles }, { limit: 100 })).items;
    assert.ok(!queue.some((x) => x.applicationId === c.id));
    const r = await completeTask(t.ctx, { taskId: task.id, outcome: 'x', version: 1 }, back);
    assert.equal(!r.ok && r.error.problems[0]!.code, 'role-required');
  });
});
