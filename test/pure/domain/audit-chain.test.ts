/**
 * The audit chain's encoding and walk, without a database: the hash of a row is fixed forever
 * (a changed encoding would break every chain already written), and the walker names each kind of
 * break at the right row.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalRow, ChainWalker, GENESIS, rowHash } from '../../../src/domain/audit-chain.js';

const LOOKUP = {
  seq: 41,
  id: '8f14e45f-ceea-4e6a-9c1d-0b7e3c2a5d11',
  office_id: '5b0c3f4e-7a0e-4b1e-9c55-2f1d0a6b9e01',
  at: '2026-12-07T01:04:00.000Z',
  actor_id: null,
  actor_name: 'Siti Rahmawati (Petugas Pelayanan)',
  roles: '["front-office"]',
  action: 'lookup-nik',
  nik: '1571024107900003',
  kk: null,
  reason: 'cek DTKS di loket atas permintaan warga',
  found: 1,
  detail: '{}',
};

describe('audit chain encoding', () => {
  it('encodes the table, the previous hash and the non-null content columns sorted by name; position and chain columns are not content', () => {
    assert.equal(
      canonicalRow('registry_access_log', { ...LOOKUP, prev_hash: 'x', hash: 'y' }, GENESIS),
      JSON.stringify([
        'registry_access_log',
        GENESIS,
        [
          ['action', 'lookup-nik'],
          ['actor_name', 'Siti Rahmawati (Petugas Pelayanan)'],
          ['at', '2026-12-07T01:04:00.000Z'],
          ['detail', '{}'],
          ['found', 1],
          ['id', '8f14e45f-ceea-4e6a-9c1d-0b7e3c2a5d11'],
          ['nik', '1571024107900003'],
          ['office_id', '5b0c3f4e-7a0e-4b1e-9c55-2f1d0a6b9e01'],
          ['reason', 'cek DTKS di loket atas permintaan warga'],
          ['roles', '["front-office"]'],
        ],
      ]),
    );
  });

  it('the hash of a row is fixed: the same on both databases, before and after a nullable column is added', () => {
    const h = rowHash('registry_access_log', LOOKUP, GENESIS);
    // Computed independently: Python's json.dumps(separators=(',', ':'), ensure_ascii=False) of the encoding above, hashlib.sha256.
    assert.equal(h, '37406adbf1c4b7e84b04bfae6798f281615b9a97843dba2e297b6e3691f5a26c');
    // A boolean is stored as 0/1; a column added later, still null, changes nothing; another seq changes nothing.
    assert.equal(rowHash('registry_access_log', { ...LOOKUP, found: true, purpose: null, seq: 7 }, GENESIS), h);
    // The table is part of the hash: the same content moved to another chained table does not verify.
    assert.notEqual(rowHash('audit_events', LOOKUP, GENESIS), h);
    assert.notEqual(rowHash('registry_access_log', { ...LOOKUP, nik: '1571024107900004' }, GENESIS), h);
    assert.throws(() => rowHash('audit_events', { detail: { mode: 'named' } }, GENESIS), /neither text nor a number/);
  });
});

describe('chain walk', () => {
  /** Four lookups at one counter, chained. */
  function chain() {
    const rows: (typeof LOOKUP & { prev_hash: string; hash: string })[] = [];
    let prev = GENESIS;
    for (let i = 0; i < 4; i++) {
      const row = { ...LOOKUP, seq: 10 + i, id: `row-${i}`, at: `2026-12-07T01:0${i}:00.000Z` };
      const hash = rowHash('registry_access_log', row, prev);
      rows.push({ ...row, prev_hash: prev, hash });
      prev = hash;
    }
    return { rows, head: { rowCount: 4, headHash: prev } };
  }
  const walk = (rows: ReturnType<typeof chain>['rows'], head: { rowCount: number; headHash: string } | null) => {
    const w = new ChainWalker('registry_access_log', 'office');
    for (const r of rows) w.next(r);
    const b = w.end(head);
    return b && [b.kind, b.rowId];
  };

  it('an intact chain has no break', () => {
    const { rows, head } = chain();
    assert.equal(walk(rows, head), null);
  });

  it('names the edited row, the row after a deleted one, the first of two swapped, the end after a cut, a row without hash', () => {
    const { rows, head } = chain();
    assert.deepEqual(walk(rows.map((r, i) => (i === 1 ? { ...r, reason: 'iseng' } : r)), head), ['altered', 'row-1']);
    assert.deepEqual(walk([rows[0]!, rows[2]!, rows[3]!], head), ['link', 'row-2']);
    assert.deepEqual(walk([rows[0]!, rows[2]!, rows[1]!, rows[3]!], head), ['link', 'row-2']);
    assert.deepEqual(walk(rows.slice(0, 3), head), ['head-behind', 'row-2']);
    assert.deepEqual(walk(rows, { rowCount: 3, headHash: rows[2]!.hash }), ['head-ahead', 'row-3']);
    assert.deepEqual(walk(rows, null), ['no-head', 'row-3']);
    assert.deepEqual(walk([rows[0]!, { ...rows[1]!, hash: '' }], head), ['unchained', 'row-1']);
    // Every row deleted: the head still counts them.
    assert.deepEqual(walk([], head), ['head-behind', null]);
  });
});
