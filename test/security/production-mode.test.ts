/**
 * Production mode on a real database: a server start without demo mode switches the published
 * demo accounts off (a demo start switches them on again), and the data directory, database,
 * uploads and letters are readable by the service user only.
 */
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { boot } from '../../src/boot.js';
import { buildApp } from '../../src/http/app.js';
import type { Ctx } from '../../src/usecases/context.js';
import { storeUpload } from '../../src/usecases/applications/store-upload.js';
import { storeLetterFile } from '../../src/usecases/letters/letter-files.js';
import { storedPath } from '../../src/io/file-store.js';
import { newDatabasePlace, TEMPLATE, TEST_DB, type DatabasePlace } from '../support/db.js';
import { PDF_MIN, PNG_1X1 } from '../support/fixtures.js';
import { STANDARDS_DIR } from '../support/paths.js';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe(`production mode: demo accounts (${TEST_DB})`, () => {
  let place: DatabasePlace;
  before(async () => {
    place = await newDatabasePlace(TEMPLATE);
  });
  after(async () => place.remove());

  /** Boots the product as `sigap serve` would, runs `fn` against its app, and closes it. */
  const serve = async <T>(demo: boolean, fn: (ctx: Ctx, login: (u: string, p?: string) => Promise<number>, b: { demoAccounts: number; demoAccountsDisabled: number }) => Promise<T>) => {
    const booted = await boot({ ...place.location, standardsDir: STANDARDS_DIR, demo, serving: true, actor: 'test' });
    assert.ok(booted.ok);
    const app = await buildApp({ ctx: booted.ctx, rateLimit: false });
    try {
      const login = async (username: string, password = 'sigap-demo') =>
        (await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } })).statusCode;
      return await fn(booted.ctx, login, booted);
    } finally {
      await app.close();
      await booted.ctx.database.close();
    }
  };

  it('a demo start signs the demo accounts in; a later start without demo mode refuses them and revokes their tokens, audited per office', async () => {
    const token = await serve(true, async (_ctx, login) => {
      assert.equal(await login('front-office@kota-jambi'), 200);
      assert.equal(await login('kepala-dinas@kota-semarang'), 200);
      return 'ok';
    });
    assert.equal(token, 'ok');
    await serve(false, async (ctx, login, b) => {
      const demoTotal = Number((await ctx.database.db.selectFrom('staff_users').select((eb) => eb.fn.countAll().as('n')).where('demo', '=', 1).executeTakeFirstOrThrow()).n);
      assert.ok(demoTotal >= 50, `the template has the demo accounts of every office (${demoTotal})`);
      assert.equal(b.demoAccountsDisabled, demoTotal, 'every demo account is switched off');
      assert.equal(await login('front-office@kota-jambi'), 401);
      assert.equal(await login('kepala-dinas@kota-semarang'), 401);
      const sessions = await ctx.database.db
        .selectFrom('sessions')
        .innerJoin('staff_users', 'staff_users.id', 'sessions.user_id')
        .select('sessions.token_hash')
        .where('staff_users.demo', '=', 1)
        .execute();
      assert.deepEqual(sessions, [], 'no session or API token of a demo account survives');
      const audit = await ctx.database.db.selectFrom('audit_events').select(['office_id', 'actor', 'detail']).where('action', '=', 'staff.demo-accounts-disabled').execute();
      assert.equal(audit.length, ctx.catalogue.list().length, 'one audit row per office');
      assert.equal(audit.reduce((a, r) => a + (JSON.parse(r.detail) as { accounts: number }).accounts, 0), demoTotal);
      assert.ok(audit.every((r) => r.actor === 'test'));
    });
    // A second production start finds nothing left to switch off.
    await serve(false, async (_ctx, login, b) => {
      assert.equal(b.demoAccountsDisabled, 0);
      assert.equal(await login('front-office@kota-jambi'), 401);
    });
    // `npm start` again: the two-command demo works as before.
    await serve(true, async (ctx, login) => {
      assert.equal(await login('front-office@kota-jambi'), 200);
      const enabled = await ctx.database.db.selectFrom('audit_events').select('detail').where('action', '=', 'staff.demo-accounts-enabled').execute();
      assert.equal(enabled.length, ctx.catalogue.list().length);
    });
  });

  it('commands that are not a server start (sigap user add, registry) leave the demo accounts alone', async () => {
    const booted = await boot({ ...place.location, standardsDir: STANDARDS_DIR, demo: false, actor: 'cli' });
    assert.ok(booted.ok);
    assert.equal(booted.demoAccountsDisabled, 0);
    const active = await booted.ctx.database.db.selectFrom('staff_users').select('active').where('username', '=', 'front-office@kota-jambi').executeTakeFirstOrThrow();
    assert.equal(active.active, 1);
    await booted.ctx.database.close();
  });
});

describe(`data files readable by the service user only (${TEST_DB})`, () => {
  let place: DatabasePlace;
  let ctx: Ctx;
  before(async () => {
    place = await newDatabasePlace(TEMPLATE);
    // A data directory that does not exist yet, as on a first start, under the usual umask 022.
    process.umask(0o022);
    const dataDir = join(place.location.dataDir, 'var', 'sigap');
    const databaseUrl = place.location.databaseUrl;
    const booted = await boot({ databaseUrl, dataDir, standardsDir: STANDARDS_DIR, demo: false, actor: 'test' });
    assert.ok(booted.ok);
    ctx = booted.ctx;
  });
  after(async () => {
    await ctx.database.close();
    await place.remove();
  });

  it('DATA_DIR is 0700 and, on SQLite, the database file and its WAL are 0600', () => {
    assert.equal(modeOf(ctx.dataDir).toString(8), '700');
    if (TEST_DB === 'sqlite') {
      assert.equal(modeOf(join(ctx.dataDir, 'sigap.db')).toString(8), '600');
      assert.equal(modeOf(join(ctx.dataDir, 'sigap.db-wal')).toString(8), '600');
    }
  });

  it('an uploaded KTP scan and its folders are owner-only', async () => {
    const r = await storeUpload(ctx, PNG_1X1, 'ktp-siti-aminah.png');
    assert.ok(r.ok);
    const file = join(ctx.dataDir, storedPath('uploads', r.value.sha256));
    assert.equal(modeOf(join(ctx.dataDir, 'uploads')).toString(8), '700');
    assert.equal(modeOf(join(file, '..')).toString(8), '700');
    assert.equal(modeOf(file).toString(8), '600');
  });

  it('a signed letter file and its folders are owner-only', async () => {
    const { sha256 } = await storeLetterFile(ctx, PDF_MIN);
    const file = join(ctx.dataDir, storedPath('letters', sha256));
    assert.equal(modeOf(join(ctx.dataDir, 'letters')).toString(8), '700');
    assert.equal(modeOf(join(file, '..')).toString(8), '700');
    assert.equal(modeOf(file).toString(8), '600');
  });
});
