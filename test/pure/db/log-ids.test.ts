/** Log rows' ids: valid UUIDs that sort in the order they were made, so the id index grows at its end. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newLogId } from '../../../src/db/log-ids.js';

describe('ids of append-only log rows', () => {
  it('are version-7 UUIDs in creation order, also within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => newLogId());
    for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('carry the time they were made in their first 48 bits', () => {
    const before = Date.now();
    const id = newLogId();
    const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    assert.ok(ms >= before && ms <= Date.now(), `${ms} outside [${before}, now]`);
  });
});
