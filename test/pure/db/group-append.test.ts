/**
 * Group commit of log appends (PostgreSQL's path, src/db/group-append.ts), with a fake commit:
 * look-ups arriving while a commit is under way go together in the next one, each resolves only
 * after the commit holding its row, rows go in office order, and a bad row fails alone.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupAppender } from '../../../src/db/group-append.js';

const JAMBI = '5b0c3f4e-7a0e-4b1e-9c55-2f1d0a6b9e01';
const SEMARANG = '9d2e1c7a-3b4f-4c8e-a1d2-6e5f4a3b2c10';
const lookup = (office: string, nik: string) => ({ office_id: office, action: 'lookup-nik', nik, reason: 'cek DTKS di loket' });

/** A commit that takes a tick, records its rows, and refuses a row whose NIK is 'rusak'. */
function fakeDatabase() {
  const commits: { table: string; niks: string[] }[] = [];
  const committed = new Set<string>();
  const commit = async (table: string, rows: Record<string, unknown>[]) => {
    await new Promise((r) => setTimeout(r, 5));
    if (rows.some((r) => r.nik === 'rusak')) throw new Error('baris ditolak basis data');
    commits.push({ table, niks: rows.map((r) => String(r.nik)) });
    for (const r of rows) committed.add(String(r.nik));
  };
  return { commits, committed, appender: new GroupAppender(commit) };
}

describe('group commit of log appends', () => {
  it('sends the first look-up at once and the 49 that arrive during its commit together, each resolved after its own commit', async () => {
    const { commits, committed, appender } = fakeDatabase();
    const niks = Array.from({ length: 50 }, (_, i) => `15710241079${String(i).padStart(5, '0')}`);
    const seen: boolean[] = [];
    await Promise.all(niks.map((nik) => appender.append('registry_access_log', [lookup(JAMBI, nik)]).then(() => seen.push(committed.has(nik)))));
    assert.deepEqual(commits.map((c) => c.niks.length), [1, 49]);
    assert.equal(seen.length, 50);
    assert.ok(seen.every(Boolean), 'no caller resolved before its row was committed');
  });

  it('writes a group in office order, keeping arrival order within an office (concurrent groups lock chain heads in one order)', async () => {
    const { commits, appender } = fakeDatabase();
    const first = appender.append('registry_access_log', [lookup(JAMBI, 'j0')]);
    const rest = [lookup(SEMARANG, 's1'), lookup(JAMBI, 'j1'), lookup(SEMARANG, 's2'), lookup(JAMBI, 'j2')].map((r) => appender.append('registry_access_log', [r]));
    await Promise.all([first, ...rest]);
    assert.deepEqual(commits[1]!.niks, JAMBI < SEMARANG ? ['j1', 'j2', 's1', 's2'] : ['s1', 's2', 'j1', 'j2']);
  });

  it('fails only the bad row of a group: the others are committed one by one and resolve', async () => {
    const { committed, appender } = fakeDatabase();
    const first = appender.append('audit_events', [lookup(JAMBI, 'a0')]);
    const results = await Promise.allSettled(['a1', 'rusak', 'a2'].map((nik) => appender.append('audit_events', [lookup(JAMBI, nik)])));
    await first;
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
    assert.match(String((results[1] as PromiseRejectedResult).reason), /ditolak/);
    assert.deepEqual([...committed].sort(), ['a0', 'a1', 'a2']);
  });

  it('keeps tables apart: an audit row does not wait for the access log’s commit', async () => {
    const { commits, appender } = fakeDatabase();
    await Promise.all([appender.append('registry_access_log', [lookup(JAMBI, 'l1')]), appender.append('audit_events', [lookup(JAMBI, 'e1')])]);
    assert.deepEqual(commits.map((c) => c.table).sort(), ['audit_events', 'registry_access_log']);
  });
});
