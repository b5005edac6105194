/**
 * Account lifecycle (issue 12, deliver 4): an office admin adds, disables, re-enables, changes the
 * roles of, resets the password of, unlocks, and revokes every session and API token of a staff
 * account of their own office; each change is audited and takes effect at once, even for a
 * session this server answered a moment ago from its cache. The password policy refuses guessable
 * passwords with a specific message in both languages.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OPERATOR } from '../../src/usecases/staff/account-admin.js';
import { addAccount } from '../../src/usecases/staff/add-account.js';
import { disableAccount } from '../../src/usecases/staff/disable-account.js';
import { enableAccount } from '../../src/usecases/staff/enable-account.js';
import { listAccounts } from '../../src/usecases/staff/list-accounts.js';
import { resetAccountPassword } from '../../src/usecases/staff/reset-account-password.js';
import { revokeAccountSessions } from '../../src/usecases/staff/revoke-account-sessions.js';
import { setAccountRoles } from '../../src/usecases/staff/set-account-roles.js';
import { unlockAccount } from '../../src/usecases/staff/unlock-account.js';
import { sessionUser } from '../../src/usecases/staff/session-user.js';
import { ACCOUNT_FAILURE_CEILING, signIn } from '../../src/usecases/staff/sign-in.js';
import type { Actor } from '../../src/usecases/context.js';
import { SESSION_COOKIE } from '../../src/http/auth.js';
import { TEST_DB } from '../support/db.js';
import { testApp, type TestApp } from '../support/app.js';
import { actorFor } from '../letters/helpers.js';

const RINA = { office: 'kota-jambi', username: 'rina.marlina@kota-jambi', displayName: 'Rina Marlina, S.Sos', password: 'Kopi-Pagi-Batanghari-71', roles: ['front-office'] };

describe(`staff accounts: lifecycle, audited, effective at once (${TEST_DB})`, () => {
  let t: TestApp;
  let admin: Actor;
  before(async () => {
    t = await testApp();
    admin = await actorFor(t.ctx, 'admin@kota-jambi');
  });
  after(async () => t.close());

  const api = async (url: string, token: string) => (await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })).statusCode;
  const tokenOf = async (username: string, password: string) => {
    const r = await signIn(t.database, username, password, 'api', '10.15.1.20');
    assert.ok(r.ok, JSON.stringify(r));
    return r.value.token;
  };
  const audit = (action: string) => t.database.db.selectFrom('audit_events').selectAll().where('action', '=', action).where('subject', '=', RINA.username).execute();

  it('refuses guessable passwords with a specific reason in both languages, and adds the account with a strong one', async () => {
    const cases: [string, string][] = [
      ['jambi2026', 'password-too-short'],
      ['Password12345', 'password-weak'],
      ['rahasia123456', 'password-weak'],
      ['qwertyuiop123', 'password-weak'],
    ];
    for (const [password, code] of cases) {
      const r = await addAccount(t.ctx, admin, { ...RINA, password });
      assert.ok(!r.ok && r.error.kind === 'invalid', password);
      const p = r.error.problems[0]!;
      assert.equal(p.code, code, password);
      assert.equal(p.field, 'password');
      assert.match(p.message, /Kata sandi/);
      assert.match(p.messageEn, /password/i);
    }
    const r = await addAccount(t.ctx, admin, RINA);
    assert.ok(r.ok, JSON.stringify(r));
    const [row] = await audit('account.add');
    assert.equal(row?.actor, admin.name);
    assert.ok(!row!.detail.includes(RINA.password), 'the audit never holds the password');
  });

  it('lets only an admin of the office manage its accounts', async () => {
    const frontOffice = await actorFor(t.ctx, 'front-office@kota-jambi');
    const refused = await disableAccount(t.ctx, frontOffice, RINA.username);
    assert.ok(!refused.ok && refused.error.kind === 'forbidden');
    const otherAdmin = await actorFor(t.ctx, 'admin@kota-semarang');
    const hidden = await disableAccount(t.ctx, otherAdmin, RINA.username);
    assert.ok(!hidden.ok && hidden.error.kind === 'not-found', "another office's admin does not even see the account");
    const other = await addAccount(t.ctx, otherAdmin, { ...RINA, username: 'rina.lain@kota-jambi' });
    assert.ok(!other.ok && other.error.kind === 'forbidden');
    const self = await disableAccount(t.ctx, admin, 'admin@kota-jambi');
    assert.ok(!self.ok && self.error.problems[0]!.code === 'not-on-self');
    const dropOwnAdmin = await setAccountRoles(t.ctx, admin, 'admin@kota-jambi', ['front-office']);
    assert.ok(!dropOwnAdmin.ok && dropOwnAdmin.error.problems[0]!.code === 'not-on-self');
  });

  it('disables an account: its API token stops working at once (though just answered from the cache) and it cannot sign in; re-enabled, it can', async () => {
    const token = await tokenOf(RINA.username, RINA.password);
    assert.equal(await api('/api/v1/tasks', token), 200, 'the token works (and is now cached)');
    const r = await disableAccount(t.ctx, admin, RINA.username);
    assert.ok(r.ok && r.value.sessionsEnded === 1);
    assert.equal(await api('/api/v1/tasks', token), 401, 'the token stops at once');
    const again = await signIn(t.database, RINA.username, RINA.password, 'api', '10.15.1.20');
    assert.ok(!again.ok && again.error.kind === 'unauthenticated');
    assert.ok((await enableAccount(t.ctx, admin, RINA.username)).ok);
    assert.equal(await api('/api/v1/tasks', await tokenOf(RINA.username, RINA.password)), 200);
    assert.equal((await audit('account.disable')).length, 1);
    assert.equal((await audit('account.enable')).length, 1);
  });

  it('changes roles: an open session acts with the new roles at once; an undeclared role is refused', async () => {
    const token = await tokenOf(RINA.username, RINA.password);
    assert.equal(await api('/api/v1/tasks', token), 200);
    assert.deepEqual((await sessionUser(t.ctx, token))?.user.roles, ['front-office']);
    const bad = await setAccountRoles(t.ctx, admin, RINA.username, ['front-office', 'bupati']);
    assert.ok(!bad.ok && bad.error.problems[0]!.code === 'unknown-role');
    assert.ok((await setAccountRoles(t.ctx, admin, RINA.username, ['front-office', 'verifikator'])).ok);
    assert.deepEqual((await sessionUser(t.ctx, token))?.user.roles, ['front-office', 'verifikator'], 'the session just cached with the old roles has the new ones');
    const listed = await listAccounts(t.ctx, admin);
    assert.ok(listed.ok);
    assert.deepEqual(listed.value.accounts.find((a) => a.username === RINA.username)?.roles, ['front-office', 'verifikator']);
    const [row] = await audit('account.roles');
    assert.deepEqual(JSON.parse(row!.detail).after, ['front-office', 'verifikator']);
  });

  it('revokes every session and API token of an account; it may sign in again', async () => {
    const a = await tokenOf(RINA.username, RINA.password);
    const b = await tokenOf(RINA.username, RINA.password);
    assert.equal(await api('/api/v1/tasks', a), 200);
    const r = await revokeAccountSessions(t.ctx, admin, RINA.username);
    assert.ok(r.ok && r.value.sessionsEnded >= 2);
    assert.equal(await api('/api/v1/tasks', a), 401);
    assert.equal(await api('/api/v1/tasks', b), 401);
    assert.equal(await api('/api/v1/tasks', await tokenOf(RINA.username, RINA.password)), 200);
    assert.equal(JSON.parse((await audit('account.revoke'))[0]!.detail).sessionsEnded, r.ok ? r.value.sessionsEnded : -1);
  });

  it('unlocks an account locked at the account-wide ceiling', async () => {
    for (let i = 0; i < ACCOUNT_FAILURE_CEILING; i++) await signIn(t.database, RINA.username, `tebak-${i}`, 'api', `198.51.100.${(i % 40) + 1}`);
    const locked = await signIn(t.database, RINA.username, RINA.password, 'api', '10.15.1.20');
    assert.ok(!locked.ok && locked.error.problems[0]!.code === 'account-locked-admin');
    const listed = await listAccounts(t.ctx, admin);
    assert.ok(listed.ok && listed.value.accounts.find((a) => a.username === RINA.username)?.lockedForAll);
    assert.ok((await unlockAccount(t.ctx, admin, RINA.username)).ok);
    assert.ok((await signIn(t.database, RINA.username, RINA.password, 'api', '10.15.1.20')).ok);
    assert.equal(JSON.parse((await audit('account.unlock'))[0]!.detail).failuresSinceLastSignIn, ACCOUNT_FAILURE_CEILING);
  });

  it('resets a password under the policy: the old one and every token end, the new one signs in', async () => {
    const token = await tokenOf(RINA.username, RINA.password);
    const weak = await resetAccountPassword(t.ctx, admin, RINA.username, 'rinamarlina2026');
    assert.ok(!weak.ok && weak.error.problems[0]!.code === 'password-weak', 'her own name is guessable');
    const fresh = 'Gerimis-Senja-Tanjung-Johor-8';
    const r = await resetAccountPassword(t.ctx, admin, RINA.username, fresh);
    assert.ok(r.ok && r.value.sessionsEnded >= 1);
    assert.equal(await api('/api/v1/tasks', token), 401);
    assert.equal((await signIn(t.database, RINA.username, RINA.password, 'api', '10.15.1.20')).ok, false);
    assert.ok((await signIn(t.database, RINA.username, fresh, 'api', '10.15.1.20')).ok);
    const [row] = await audit('account.reset-password');
    assert.ok(row && !row.detail.includes(fresh));
  });

  it('lets the operator at the command line manage any office', async () => {
    const r = await disableAccount(t.ctx, OPERATOR, 'operator@kota-semarang');
    assert.ok(r.ok);
    const row = await t.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'account.disable').where('subject', '=', 'operator@kota-semarang').executeTakeFirst();
    assert.match(row?.actor ?? '', /baris perintah/);
  });

  it('decides on the server, not by a hidden button: a front-office officer posting the disable form is refused, an admin is obeyed', async () => {
    const post = async (username: string, path: string) => {
      const r = await signIn(t.database, username, 'sigap-demo', 'cookie', '10.15.1.30');
      assert.ok(r.ok);
      return t.app.inject({ method: 'POST', url: path, headers: { cookie: `${SESSION_COOKIE}=${r.value.token}` }, payload: { _csrf: r.value.csrf } });
    };
    const path = `/petugas/akun/u/${encodeURIComponent('tagana@kota-jambi')}/nonaktifkan`;
    const refused = await post('front-office@kota-jambi', path);
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /Hanya admin kantor yang dapat mengelola akun petugas/);
    const row = () => t.database.db.selectFrom('staff_users').select('active').where('username', '=', 'tagana@kota-jambi').executeTakeFirstOrThrow();
    assert.equal((await row()).active, 1);
    const obeyed = await post('admin@kota-jambi', path);
    assert.equal(obeyed.statusCode, 303);
    assert.equal(obeyed.headers.location, `/petugas/akun/u/${encodeURIComponent('tagana@kota-jambi')}?ok=disabled`);
    assert.equal((await row()).active, 0);
    const weak = await post('admin@kota-jambi', `/petugas/akun/u/${encodeURIComponent('tagana@kota-jambi')}/sandi`);
    assert.equal(weak.statusCode, 422, 'an empty new password is refused on the page, beside its field');
    assert.match(weak.body, /id="err-password"/);
  });
});
