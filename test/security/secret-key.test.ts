/**
 * The keys of tracking codes live outside the database: in the data directory's owner-only key
 * file, or derived from SIGAP_SECRET_KEY. A copy of the database alone verifies no code; a key an
 * older version kept in the `settings` table is moved out on start and the codes it made still work.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { boot } from '../../src/boot.js';
import { parseSecretKey } from '../../src/config.js';
import { openDatabase } from '../../src/db/dialect.js';
import { findTrackedCase } from '../../src/usecases/applications/find-tracked-case.js';
import { findTrackedComplaint } from '../../src/usecases/complaints/find-tracked-complaint.js';
import type { Ctx } from '../../src/usecases/context.js';
import { newComplaint } from '../support/factories.js';
import { newDatabasePlace, TEMPLATE, TEST_DB, type DatabasePlace } from '../support/db.js';
import { STANDARDS_DIR } from '../support/paths.js';
import { fileCase } from '../letters/helpers.js';

type Location = DatabasePlace['location'];
const KEY_FILE = join('keys', 'server-secrets.json');

/** Boots the product on a place, runs `fn`, and closes it. */
async function withCtx<T>(location: Location, fn: (ctx: Ctx) => Promise<T>, secretKey: string | null = null): Promise<T> {
  const b = await boot({ ...location, standardsDir: STANDARDS_DIR, demo: true, actor: 'test', secretKey });
  assert.ok(b.ok);
  try {
    return await fn(b.ctx);
  } finally {
    await b.ctx.database.close();
  }
}

/** The same database seen from another data directory: a copy of the SQLite file, or the same PostgreSQL database. */
function databaseAlone(location: Location): Location {
  const dataDir = mkdtempSync(join(tmpdir(), 'sigap-copy-'));
  if (TEST_DB === 'sqlite') copyFileSync(join(location.dataDir, 'sigap.db'), join(dataDir, 'sigap.db'));
  return { databaseUrl: location.databaseUrl, dataDir };
}

const storedSettings = (location: Location) => withDb(location, (db) => db.selectFrom('settings').selectAll().execute());
async function withDb<T>(location: Location, fn: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>): Promise<T> {
  const d = openDatabase(location);
  try {
    return await fn(d.db);
  } finally {
    await d.close();
  }
}

describe(`server secrets outside the database (${TEST_DB})`, () => {
  let place: DatabasePlace;
  let kase: { id: string; registrationNumber: string; trackingCode: string };
  let complaint: { receiptNumber: string; trackingCode: string };
  const copies: string[] = [];
  before(async () => {
    place = await newDatabasePlace(TEMPLATE);
    await withCtx(place.location, async (ctx) => {
      kase = await fileCase(ctx, 'kota-jambi', 'rekomendasi-jamkesda-bayi', 'Nurhayati');
      complaint = await newComplaint(ctx, { office: 'kota-banjarmasin', text: 'Antrean di loket santunan kematian tidak tertib pada hari Senin pagi.' });
    });
  });
  after(async () => {
    await place.remove();
    for (const c of copies) rmSync(c, { recursive: true, force: true });
  });

  it('keeps the keys in an owner-only key file, none in the database', async () => {
    const file = join(place.location.dataDir, KEY_FILE);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(statSync(join(place.location.dataDir, 'keys')).mode & 0o777, 0o700);
    const keys = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    assert.match(keys.tracking ?? '', /^[0-9a-f]{64}$/, 'the case tracking key');
    assert.equal(Object.keys(keys).length, 2, 'and the complaint tracking key');
    assert.deepEqual(await storedSettings(place.location), []);
    await withCtx(place.location, async (ctx) => {
      assert.equal((await findTrackedCase(ctx, kase.registrationNumber, kase.trackingCode))?.id, kase.id);
      assert.ok((await findTrackedComplaint(ctx, { receipt: complaint.receiptNumber, code: complaint.trackingCode })).ok);
    });
  });

  it('a copy of the database alone opens no case and no complaint with their codes', async () => {
    const alone = databaseAlone(place.location);
    copies.push(alone.dataDir);
    await withCtx(alone, async (ctx) => {
      assert.equal(await findTrackedCase(ctx, kase.registrationNumber, kase.trackingCode), null);
      assert.equal((await findTrackedComplaint(ctx, { receipt: complaint.receiptNumber, code: complaint.trackingCode })).ok, false);
    });
  });

  it('moves a key an older version kept in the database into the key file on start; the codes it made still open their cases', async () => {
    const file = join(place.location.dataDir, KEY_FILE);
    const keys = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    // As an older version left it: the keys in the settings table, no key file.
    await withDb(place.location, (db) => db.insertInto('settings').values(Object.entries(keys).map(([key, value]) => ({ key, value }))).execute());
    unlinkSync(file);
    await withCtx(place.location, async (ctx) => {
      assert.deepEqual(await storedSettings(place.location), [], 'deleted from the database');
      assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), keys, 'the same keys, now in the file');
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.equal((await findTrackedCase(ctx, kase.registrationNumber, kase.trackingCode))?.id, kase.id, 'an existing code still works');
      assert.ok((await findTrackedComplaint(ctx, { receipt: complaint.receiptNumber, code: complaint.trackingCode })).ok);
    });
  });

  it('keeps the key file’s key when the database holds another one (a database from elsewhere), leaves that row and says so', async () => {
    const file = join(place.location.dataDir, KEY_FILE);
    const keys = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    await withDb(place.location, (db) => db.insertInto('settings').values({ key: 'tracking', value: 'f'.repeat(64) }).execute());
    const b = await boot({ ...place.location, standardsDir: STANDARDS_DIR, actor: 'test' });
    assert.ok(b.ok);
    try {
      assert.deepEqual(b.secrets, { moved: 0, conflicting: ['tracking'] });
      assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), keys, 'the key in use is kept');
      assert.equal((await findTrackedCase(b.ctx, kase.registrationNumber, kase.trackingCode))?.id, kase.id);
    } finally {
      await b.ctx.database.close();
    }
    assert.equal((await storedSettings(place.location)).length, 1, 'the other key is left for the operator, not dropped');
    await withDb(place.location, (db) => db.deleteFrom('settings').execute());
  });

  it('with SIGAP_SECRET_KEY, new keys come from the environment: no key file is needed, and another server with the same key verifies', async () => {
    const KEY = 'b3f1c2d4e5a6978812ab34cd56ef7890a1b2c3d4e5f60718293a4b5c6d7e8f90';
    const fresh = await newDatabasePlace(TEMPLATE);
    try {
      const filed = await withCtx(fresh.location, (ctx) => fileCase(ctx, 'kota-jambi', 'rekomendasi-jamkesda-bayi', 'Yusuf Maulana'), KEY);
      assert.ok(!existsSync(join(fresh.location.dataDir, KEY_FILE)), 'nothing written to disk');
      assert.deepEqual(await storedSettings(fresh.location), []);
      const other = databaseAlone(fresh.location);
      copies.push(other.dataDir);
      assert.equal((await withCtx(other, (ctx) => findTrackedCase(ctx, filed.registrationNumber, filed.trackingCode), KEY))?.id, filed.id);
      assert.equal(await withCtx(other, (ctx) => findTrackedCase(ctx, filed.registrationNumber, filed.trackingCode)), null, 'without the key the database alone verifies nothing');
    } finally {
      await fresh.remove();
    }
    assert.throws(() => parseSecretKey('rahasia-pendek'), /SIGAP_SECRET_KEY must be at least 32 random characters/);
    assert.equal(parseSecretKey(undefined), null);
  });
});

describe('the key file under concurrent creators', () => {
  it('processes that create the same key at once agree on one (the lock makes the second read the first’s)', async () => {
    const { spawn } = await import('node:child_process');
    const dataDir = mkdtempSync(join(tmpdir(), 'sigap-keys-'));
    try {
      // The module as this run has it: compiled (.js) under npm test, TypeScript through tsx otherwise.
      const compiled = import.meta.url.endsWith('.js');
      const module = new URL(`../../src/io/secret-file.${compiled ? 'js' : 'ts'}`, import.meta.url).pathname;
      const script = `import { addToSecretFile } from ${JSON.stringify(module)};
        const mine = (await import('node:crypto')).randomBytes(32).toString('hex');
        process.stdout.write(addToSecretFile(${JSON.stringify(dataDir)}, { tracking: mine }).tracking);`;
      const run = () =>
        new Promise<string>((resolve, reject) => {
          const p = spawn(process.execPath, [...(compiled ? [] : ['--import', 'tsx']), '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
          let out = '';
          p.stdout.on('data', (d: Buffer) => (out += d));
          p.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
        });
      const keys = await Promise.all(Array.from({ length: 6 }, run));
      assert.equal(new Set(keys).size, 1, `one key for all: ${keys.join(', ')}`);
      assert.equal(JSON.parse(readFileSync(join(dataDir, KEY_FILE), 'utf8')).tracking, keys[0]);
      assert.ok(!existsSync(join(dataDir, '.server-secrets.lock')), 'the lock is released');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
