/**
 * The sign-in lock-out holds under concurrency (issue 12, finding 1): every attempt is counted
 * before the password is checked, so a burst of guesses sent at once against the real HTTP server
 * gets five checks and no more, and a right password hidden in a burst gets no token. Failures
 * lock the account for the address they came from; an account-wide ceiling stops many addresses
 * guessing together until an admin unlocks; wrong signing passwords count under the same lock.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AddressInfo } from 'node:net';
import { createUser } from '../../src/usecases/staff/create-user.js';
import { confirmPassword } from '../../src/usecases/staff/confirm-password.js';
import { ACCOUNT_FAILURE_CEILING, LOCK_MINUTES, MAX_FAILED_SIGN_INS, signIn } from '../../src/usecases/staff/sign-in.js';
import { TEST_DB } from '../support/db.js';
import { testApp, type TestApp } from '../support/app.js';

const STAFF = [
  { username: 'rina.marlina@kota-jambi', name: 'Rina Marlina, S.Sos', password: 'Kopi-Pagi-Batanghari-71', roles: ['front-office'] },
  { username: 'agus.salim@kota-jambi', name: 'Agus Salim', password: 'Sepeda-Hujan-Angso-Duo-9', roles: ['verifikator'] },
  { username: 'hendra@kota-jambi', name: 'Drs. Hendra Saputra, M.Si', password: 'Kadis-Jambi-Tanggo-Rajo-26', roles: ['kepala-dinas'] },
  { username: 'dewi.lestari@kota-jambi', name: 'Dewi Lestari', password: 'Lampu-Merah-Talang-Banjar-4', roles: ['operator'] },
  { username: 'yusuf@kota-jambi', name: 'Yusuf Effendi, S.Sos', password: 'Plh-Kadis-Pasar-Angso-26', roles: ['kepala-dinas'] },
  { username: 'zulkifli@kota-jambi', name: 'Drs. H. Ahmad Zulkifli, M.Si', password: 'Tempoyak-Seberang-Kota-Gentala-5', roles: ['kepala-dinas'] },
];

describe(`the sign-in lock-out holds under concurrency and per address (${TEST_DB})`, () => {
  let t: TestApp;
  let base: string;
  before(async () => {
    t = await testApp();
    for (const u of STAFF) {
      const r = await createUser(t.database, t.catalogue, { office: 'kota-jambi', username: u.username, displayName: u.name, password: u.password, roles: u.roles });
      assert.ok(r.ok, JSON.stringify(r));
    }
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  after(async () => t.close());

  const login = async (username: string, password: string) => {
    const r = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    return { status: r.status, body: (await r.json()) as { token?: string; error?: { code: string; message: string } } };
  };
  const count = (statuses: number[], s: number) => statuses.filter((x) => x === s).length;
  const accountRow = (username: string) => t.database.db.selectFrom('staff_users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();

  it('checks five of 100 wrong passwords sent at once, refuses the other 95 as locked, and then the right password too', async () => {
    const u = STAFF[0]!;
    const burst = await Promise.all(Array.from({ length: 100 }, (_, i) => login(u.username, `tebakan-${i}`)));
    const statuses = burst.map((r) => r.status);
    assert.equal(count(statuses, 401), MAX_FAILED_SIGN_INS, 'exactly five passwords were checked');
    assert.equal(count(statuses, 423), 100 - MAX_FAILED_SIGN_INS);
    const right = await login(u.username, u.password);
    assert.equal(right.status, 423, 'the right password waits for the lock to end');
    assert.equal(right.body.error?.code, 'account-locked');
    assert.equal(right.body.token, undefined);
  });

  it('gives no token to the right password sent after 40 wrong ones in one burst', async () => {
    const u = STAFF[1]!;
    const wrong = Array.from({ length: 40 }, (_, i) => login(u.username, `salah-${i}`));
    // The wrong guesses are on the wire and counted first; the right one follows within the burst.
    for (let i = 0; i < 200 && (await accountRow(u.username)).failed_attempts < MAX_FAILED_SIGN_INS; i++) await new Promise((r) => setTimeout(r, 5));
    const right = login(u.username, u.password);
    const statuses = (await Promise.all(wrong)).map((r) => r.status);
    const answer = await right;
    assert.ok(count(statuses, 401) <= MAX_FAILED_SIGN_INS, `at most five checked, got ${count(statuses, 401)}`);
    assert.equal(answer.status, 423, 'the right password inside the burst is refused');
    assert.equal(answer.body.token, undefined);
  });

  it('locks only the address the failures came from: the same account still signs in from the office', async () => {
    const u = STAFF[2]!;
    const now = new Date('2026-12-07T02:00:00.000Z');
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) assert.equal((await signIn(t.database, u.username, `tebak-${i}`, 'api', '203.0.113.50', now)).ok, false);
    const attacker = await signIn(t.database, u.username, u.password, 'api', '203.0.113.50', now);
    assert.ok(!attacker.ok && attacker.error.kind === 'locked', 'the guessing address is locked, even with the right password');
    const office = await signIn(t.database, u.username, u.password, 'api', '10.15.1.23', now);
    assert.ok(office.ok, 'the head signs in from the office network');
    const later = new Date(now.getTime() + (LOCK_MINUTES * 60 + 1) * 1000);
    const afterLock = await signIn(t.database, u.username, u.password, 'api', '203.0.113.50', later);
    assert.ok(afterLock.ok, `after ${LOCK_MINUTES} minutes the address may try again`);
  });

  it('stops many addresses guessing together at the account-wide ceiling, until an admin unlocks', async () => {
    const u = STAFF[3]!;
    const now = new Date('2026-12-07T03:00:00.000Z');
    const perAddress = MAX_FAILED_SIGN_INS - 1; // below each address's own lock
    const addresses = Math.ceil(ACCOUNT_FAILURE_CEILING / perAddress);
    let checked = 0;
    for (let a = 0; a < addresses; a++)
      for (let i = 0; i < perAddress; i++) {
        const r = await signIn(t.database, u.username, `tebak-${a}-${i}`, 'api', `198.51.100.${a + 1}`, now);
        if (!r.ok && r.error.kind === 'unauthenticated') checked++;
      }
    assert.equal(checked, ACCOUNT_FAILURE_CEILING, 'no more than the ceiling was checked');
    const fresh = await signIn(t.database, u.username, u.password, 'api', '10.15.1.24', now);
    assert.ok(!fresh.ok && fresh.error.kind === 'locked' && fresh.error.problems[0]!.code === 'account-locked-admin', 'even a new address with the right password waits for an admin');
    assert.match(!fresh.ok ? fresh.error.problems[0]!.message : '', /Hanya admin kantor/);
    const days = new Date(now.getTime() + 3 * 86_400_000);
    assert.equal((await signIn(t.database, u.username, u.password, 'api', '10.15.1.24', days)).ok, false, 'time alone does not lift it');
  });

  it('throttles the signing password the same way: of 30 concurrent guesses five are checked, and then sign-in is locked too', async () => {
    const u = STAFF[4]!;
    const now = new Date('2026-12-07T04:00:00.000Z');
    const checks = await Promise.all(Array.from({ length: 30 }, (_, i) => confirmPassword(t.database, u.username, `ttd-${i}`, now)));
    assert.equal(checks.filter((c) => c === 'wrong').length, MAX_FAILED_SIGN_INS);
    assert.equal(checks.filter((c) => c === 'locked').length, 30 - MAX_FAILED_SIGN_INS);
    assert.equal(await confirmPassword(t.database, u.username, u.password, now), 'locked');
    const signInNow = await signIn(t.database, u.username, u.password, 'api', '10.15.1.25', now);
    assert.ok(!signInNow.ok && signInNow.error.problems[0]!.code === 'account-locked', 'a session guessing the signing password locks sign-in everywhere');
  });

  it('throttles the signing password over HTTP: a signed-in session sending 30 guesses at once gets five checked', async () => {
    const u = STAFF[5]!;
    const signedIn = await login(u.username, u.password);
    assert.equal(signedIn.status, 200);
    const sign = async (password: string) => {
      const r = await fetch(`${base}/api/v1/letters/sign`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${signedIn.body.token}` },
        body: JSON.stringify({ ids: ['6c5b4a39-2817-4f6e-8d5c-4b3a29180f7e'], password }),
      });
      return { status: r.status, code: ((await r.json()) as { error?: { code: string } }).error?.code };
    };
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => sign(`ttd-${i}`)));
    assert.equal(burst.filter((r) => r.code === 'password-wrong').length, MAX_FAILED_SIGN_INS, 'five guesses were checked');
    assert.equal(burst.filter((r) => r.status === 423).length, 30 - MAX_FAILED_SIGN_INS);
    assert.equal((await sign(u.password)).status, 423, 'the right password waits too');
    assert.equal((await login(u.username, u.password)).status, 423, 'and so does sign-in');
  });
});
