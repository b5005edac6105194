/** Log rows' ids: valid UUIDs that sort in the order they were made, so the id index grows at its end. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newLogId } from '../../../src/db/log-ids.js';

describe('ids of append-only log rows', () => {
  it('are distinct version-7 UUIDs whose order follows the millisecond they were made in', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5000; i++) {
      ids.push(newLogId());
      if (i % 1000 === 999) await new Promise((r) => setTimeout(r, 2));
    }
    for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const millis = ids.map((id) => id.slice(0, 13));
    assert.deepEqual([...millis].sort(), millis, 'the time prefix never goes back');
    assert.ok(new Set(millis).size >= 5, 'the ids span several milliseconds');
    assert.equal(new Set(ids).size, ids.length);
  });

  it('carry the time they were made in their first 48 bits', () => {
    const before = Date.now();
    const id = newLogId();
    const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    assert.ok(ms >= before && ms <= Date.now(), `${ms} outside [${before}, now]`);
  });
});
