/** A process killed mid-submission loses nothing it acknowledged, and numbers have no gaps. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { boot } from '../../src/boot.js';
import { freshDatabase, TEST_DB, type TestDatabase } from '../support/db.js';
import { killAfter } from '../support/kill-after.js';
import { nodeEntry, ROOT, STANDARDS_DIR } from '../support/paths.js';

describe(`durability under kill -9 (${TEST_DB})`, () => {
  let t: TestDatabase;
  before(async () => {
    t = await freshDatabase({ migrate: false });
    await t.database.close();
  });
  after(async () => t.cleanup().catch(() => undefined));

  it('every acknowledged application survives SIGKILL of the submitting process', async () => {
    const env = { ...process.env, DATABASE_URL: t.location.databaseUrl ?? '', DATA_DIR: t.location.dataDir, STANDARDS_DIR, CALENDAR_FILE: `${ROOT}calendars/indonesia.yaml` };
    const child = spawn(process.execPath, nodeEntry('test/support/submit-loop.ts'), { env, stdio: ['ignore', 'pipe', 'inherit'] });
    const { reported, refused } = await killAfter(child, /^ACK (\S+) (\S+)$/, 150, 90_000);
    const acked = new Map(reported.map((m) => [m[1]!, m[2]!]));
    assert.equal(refused, '', `the loop submits valid applications: ${refused}`);
    assert.ok(acked.size >= 150, `${acked.size} acknowledged`);
    const b = await boot({ ...t.location, standardsDir: STANDARDS_DIR });
    assert.ok(b.ok);
    const db = b.ctx.database.db;
    const rows = await db.selectFrom('applications').select(['id', 'registration_number']).execute();
    const stored = new Map(rows.map((r) => [r.id, r.registration_number]));
    for (const [id, number] of acked) assert.equal(stored.get(id), number, `acknowledged ${number} is stored`);
    // Each stored case is complete (its task and first event were in the same transaction).
    const tasks = await db.selectFrom('tasks').select('application_id').execute();
    const events = await db.selectFrom('application_events').select('application_id').where('type', '=', 'submitted').execute();
    assert.equal(tasks.length, rows.length);
    assert.equal(events.length, rows.length);
    // Registration numbers: no duplicates, no gaps.
    const seqs = rows.map((r) => Number(r.registration_number.split('-')[2])).sort((a, c) => a - c);
    assert.deepEqual(seqs, Array.from({ length: seqs.length }, (_, i) => i + 1));
    await b.ctx.database.close();
  });
});
