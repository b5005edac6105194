/**
 * Letter numbers on a real database: no gap and no duplicate under many parallel issues, also
 * from several processes at once; a failed transaction burns no number; the yearly reset at
 * local midnight of 1 January in WIB and WITA; a counter per letter type with its code.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { toLetter } from '../../src/db/letters-repo.js';
import type { LettersTable } from '../../src/db/schema-letters.js';
import { assignNumber } from '../../src/usecases/letters/assign-number.js';
import { numberLetters } from '../../src/usecases/letters/number-letters.js';
import { TEST_DB } from '../support/db.js';
import { testCtx, type TestCtx } from '../support/ctx.js';
import { nodeEntry } from '../support/paths.js';
import { actorFor, driveUntil, fileCase } from './helpers.js';

describe(`letter numbering (${TEST_DB})`, () => {
  let t: TestCtx;
  let clock = new Date('2026-06-15T03:00:00Z');
  before(async () => {
    t = await testCtx({ now: () => clock });
  });
  after(async () => t.close());

  /** A drafted letter of a real case, copied `n` times (unnumbered drafts). */
  const drafts = async (office: string, service: string, n: number, letterType?: string): Promise<string[]> => {
    const c = await fileCase(t.ctx, office, service);
    await driveUntil(t.ctx, c.id, (s) => s.kind === 'sign', office);
    const base = (await t.database.db.selectFrom('letters').selectAll().where('application_id', '=', c.id).executeTakeFirstOrThrow()) as LettersTable;
    const ids: string[] = [];
    const rows = Array.from({ length: n }, () => {
      const id = randomUUID();
      ids.push(id);
      return { ...base, id, token: randomBytes(12).toString('base64url'), letter_type: letterType ?? base.letter_type };
    });
    for (let i = 0; i < rows.length; i += 50) await t.database.db.insertInto('letters').values(rows.slice(i, i + 50)).execute();
    await t.database.db.deleteFrom('letter_events').where('letter_id', '=', base.id).execute();
    await t.database.db.deleteFrom('letters').where('id', '=', base.id).execute();
    return ids;
  };
  const seqOf = (n: string) => Number(n.split('/')[1]);
  const assertContiguous = (numbers: string[], from: number) => {
    const seqs = numbers.map(seqOf).sort((a, b) => a - b);
    assert.equal(new Set(numbers).size, numbers.length, 'no duplicate');
    assert.deepEqual(seqs, seqs.map((_, i) => from + i), 'no gap');
  };

  it('gives many parallel issues distinct, consecutive numbers', async () => {
    const ids = await drafts('kota-jambi', 'rekomendasi-masuk-sekolah', 80);
    const actor = await actorFor(t.ctx, 'subbag-umum@kota-jambi');
    const results = await Promise.all(ids.map((id) => numberLetters(t.ctx, [id], actor)));
    const numbers = results.map((r) => (r.ok && r.value[0]!.ok ? r.value[0]!.number : 'failed'));
    assert.ok(!numbers.includes('failed'));
    assert.ok(numbers.every((n) => /^400\.9\/\d{4}\/Dinsos\/2026$/.test(n)));
    assertContiguous(numbers, 1);
    const rows = await t.database.db.selectFrom('letters').select(['number', 'number_seq', 'counter']).where('id', 'in', ids).execute();
    assert.ok(rows.every((r) => r.counter === 'letter:2026' && seqOf(r.number!) === r.number_seq));
  });

  it('does not burn a number when the transaction fails', async () => {
    const [a, b] = await drafts('kota-jambi', 'rekomendasi-masuk-sekolah', 2);
    const actor = await actorFor(t.ctx, 'subbag-umum@kota-jambi');
    const letter = toLetter(await t.database.db.selectFrom('letters').selectAll().where('id', '=', a!).executeTakeFirstOrThrow());
    await assert.rejects(
      t.ctx.database.write(async (trx) => {
        const n = await assignNumber(trx, t.ctx, letter, actor, clock.toISOString());
        assert.equal(n.number, '400.9/0081/Dinsos/2026');
        throw new Error('gagal menyimpan berkas');
      }),
      /gagal menyimpan berkas/,
    );
    const after = await t.database.db.selectFrom('letters').select('number').where('id', '=', a!).executeTakeFirstOrThrow();
    assert.equal(after.number, null);
    const r = await numberLetters(t.ctx, [b!, a!], actor);
    assert.ok(r.ok);
    assert.deepEqual(r.ok && r.value.map((x) => x.ok && x.number), ['400.9/0081/Dinsos/2026', '400.9/0082/Dinsos/2026']);
  });

  it('stays gapless with several processes numbering the same database at once', async () => {
    const ids = await drafts('kota-jambi', 'rekomendasi-masuk-sekolah', 100);
    const workers = 4;
    const slices = Array.from({ length: workers }, (_, w) => ids.filter((_, i) => i % workers === w));
    const outputs = await Promise.all(
      slices.map(
        (slice) =>
          new Promise<string[]>((resolve, reject) => {
            const child = spawn(
              process.execPath,
              [...nodeEntry('test/letters/number-worker.ts'), JSON.stringify({ ...t.location, ids: slice, username: 'subbag-umum@kota-jambi', parallel: TEST_DB === 'postgres', now: clock.toISOString() })],
              { stdio: ['ignore', 'pipe', 'pipe'], env: process.env },
            );
            let out = '';
            let err = '';
            child.stdout.on('data', (d: Buffer) => (out += d.toString()));
            child.stderr.on('data', (d: Buffer) => (err += d.toString()));
            child.on('exit', (code) => (code === 0 ? resolve((JSON.parse(out.trim().split('\n').pop()!) as { numbers: string[] }).numbers) : reject(new Error(`worker ${code}: ${err}`))));
          }),
      ),
    );
    const numbers = outputs.flat();
    assert.equal(numbers.length, 100);
    assertContiguous(numbers, 83);
    assert.ok(outputs.every((o) => o.length === 25), 'every process got its share');
  });

  it('restarts at 1 on 1 January at local midnight: WIB (Kota Jambi)', async () => {
    const ids = await drafts('kota-jambi', 'rekomendasi-masuk-sekolah', 2);
    const actor = await actorFor(t.ctx, 'subbag-umum@kota-jambi');
    clock = new Date('2026-12-31T16:59:59Z'); // 23:59:59 WIB
    const last = await numberLetters(t.ctx, [ids[0]!], actor);
    clock = new Date('2026-12-31T17:00:00Z'); // 00:00 WIB, 1 January 2027
    const first = await numberLetters(t.ctx, [ids[1]!], actor);
    assert.ok(last.ok && last.value[0]!.ok && last.value[0]!.number === '400.9/0183/Dinsos/2026');
    assert.ok(first.ok && first.value[0]!.ok && first.value[0]!.number === '400.9/0001/Dinsos/2027', JSON.stringify(first));
  });

  it('restarts at 1 on 1 January at local midnight: WITA (Kota Banjarmasin), an hour earlier in UTC', async () => {
    clock = new Date('2026-12-30T03:00:00Z');
    const ids = await drafts('kota-banjarmasin', 'ijin-pub', 3);
    const actor = await actorFor(t.ctx, 'kepala-dinas@kota-banjarmasin');
    clock = new Date('2026-12-31T15:59:59Z'); // 23:59:59 WITA
    const a = await numberLetters(t.ctx, [ids[0]!], actor);
    clock = new Date('2026-12-31T16:00:00Z'); // 00:00 WITA = 23:00 WIB, still 2026 in Jambi
    const b = await numberLetters(t.ctx, [ids[1]!, ids[2]!], actor);
    assert.ok(a.ok && a.value[0]!.ok && a.value[0]!.number === '400.9/0001/Dinsos/2026');
    assert.deepEqual(b.ok && b.value.map((x) => x.ok && x.number), ['400.9/0001/Dinsos/2027', '400.9/0002/Dinsos/2027']);
    const jambi = await drafts('kota-jambi', 'rekomendasi-masuk-sekolah', 1);
    const j = await numberLetters(t.ctx, jambi, await actorFor(t.ctx, 'subbag-umum@kota-jambi'));
    assert.ok(j.ok && j.value[0]!.ok && j.value[0]!.number === '400.9/0184/Dinsos/2026', 'at 23:00 WIB Jambi is still in 2026');
  });

  it('keeps a counter per letter type, with the classification code, when the office says so', async () => {
    clock = new Date('2026-03-10T03:00:00Z');
    const office = t.catalogue.office('kota-semarang')!.office;
    const saved = office.letterNumbering;
    office.letterNumbering = { format: '{code}/{seq:3}/Dinsos/{roman-month}/{year}', scope: 'letter-type', codes: { 'tanda-daftar-lks': '400.9.3', 'surat-keterangan': '400.9.2' }, source: 'default' };
    try {
      const a = await drafts('kota-semarang', 'tanda-daftar-rekomendasi-lks', 2);
      const b = await drafts('kota-semarang', 'tanda-daftar-rekomendasi-lks', 2, 'surat-keterangan');
      const actor = await actorFor(t.ctx, 'subbag-umum@kota-semarang');
      const r = await numberLetters(t.ctx, [a[0]!, b[0]!, a[1]!, b[1]!], actor);
      assert.deepEqual(r.ok && r.value.map((x) => x.ok && x.number), ['400.9.3/001/Dinsos/III/2026', '400.9.2/001/Dinsos/III/2026', '400.9.3/002/Dinsos/III/2026', '400.9.2/002/Dinsos/III/2026']);
    } finally {
      office.letterNumbering = saved;
    }
  });

  it('only lets the numbering roles number letters', async () => {
    const [id] = await drafts('kota-jambi', 'rekomendasi-masuk-sekolah', 1);
    const r = await numberLetters(t.ctx, [id!], await actorFor(t.ctx, 'front-office@kota-jambi'));
    assert.ok(r.ok && !r.value[0]!.ok && r.value[0]!.code === 'numbering-forbidden');
  });
});
