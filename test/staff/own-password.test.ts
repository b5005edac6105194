/**
 * Every signed-in officer changes their own password at /petugas/akun/sandi (and POST
 * /api/v1/auth/password): the current password is checked under the lock-out, the new one under
 * the password policy, every other session and API token ends while this one stays, audited
 * without the password; problems come back beside their fields in both languages.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SESSION_COOKIE } from '../../src/http/auth.js';
import { addAccount } from '../../src/usecases/staff/add-account.js';
import { OPERATOR } from '../../src/usecases/staff/account-admin.js';
import { signIn } from '../../src/usecases/staff/sign-in.js';
import { TEST_DB } from '../support/db.js';
import { testApp, type TestApp } from '../support/app.js';

const DEDI = { office: 'kota-jambi', username: 'dedi.kurniawan@kota-jambi', displayName: 'Dedi Kurniawan', password: 'Sungai-Batanghari-Pagi-48', roles: ['verifikator'] };
const NEW_PASSWORD = 'Lampu-Jembatan-Gentala-Arasy-93';
const PATH = '/petugas/akun/sandi';

describe(`an officer changes their own password (${TEST_DB})`, () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
    for (const a of [DEDI, { ...DEDI, username: 'yanti.susanti@kota-jambi', displayName: 'Yanti Susanti', roles: ['front-office'] }]) {
      const r = await addAccount(t.ctx, OPERATOR, a);
      assert.ok(r.ok, JSON.stringify(r));
    }
  });
  after(async () => t.close());

  const cookieSession = async (username: string, password: string, address = '10.15.1.21') => {
    const r = await signIn(t.database, username, password, 'cookie', address);
    assert.ok(r.ok, JSON.stringify(r));
    return { cookie: `${SESSION_COOKIE}=${r.value.token}`, csrf: r.value.csrf! };
  };
  const apiToken = async (username: string, password: string) => {
    const r = await signIn(t.database, username, password, 'api', '10.15.1.22');
    assert.ok(r.ok, JSON.stringify(r));
    return `Bearer ${r.value.token}`;
  };
  const post = (s: { cookie: string; csrf: string }, fields: Record<string, string>, lang = '') =>
    t.app.inject({ method: 'POST', url: PATH + lang, headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: s.csrf, ...fields }).toString() });
  const get = (s: { cookie: string }, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });

  it('links the page from every staff page and shows the form to any role', async () => {
    const s = await cookieSession('front-office@kota-jambi', 'sigap-demo');
    const queue = await get(s, '/petugas');
    assert.match(queue.body, /<a href="\/petugas\/akun\/sandi">Ganti kata sandi<\/a>/);
    const form = await get(s, PATH);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /autocomplete="current-password"/);
    const en = await get(s, `${PATH}?lang=en`);
    assert.match(en.body, /Change your password/);
    assert.equal((await t.app.inject({ method: 'GET', url: PATH })).statusCode, 303, 'signed out: to the sign-in page');
  });

  it('refuses a wrong current password, a weak or mistyped new one, beside the field, in both languages, and changes nothing', async () => {
    const s = await cookieSession(DEDI.username, DEDI.password);
    const wrong = await post(s, { currentPassword: 'Bukan-Sandi-Saya-2026', newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /id="err-currentPassword"[^>]*>[^<]*Kata sandi saat ini salah/);
    const weak = await post(s, { currentPassword: DEDI.password, newPassword: 'dedikurniawan1', confirmPassword: 'dedikurniawan1' }, '?lang=en');
    assert.equal(weak.statusCode, 422);
    assert.match(weak.body, /id="err-newPassword"[^>]*>[^<]*too easy to guess/);
    assert.match(weak.body, /id="f-newPassword"[^>]*aria-invalid="true"/);
    const mistyped = await post(s, { currentPassword: DEDI.password, newPassword: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}x` });
    assert.match(mistyped.body, /id="err-confirmPassword"[^>]*>[^<]*tidak sama/);
    const same = await post(s, { currentPassword: DEDI.password, newPassword: DEDI.password, confirmPassword: DEDI.password });
    assert.match(same.body, /harus berbeda/);
    assert.ok((await signIn(t.database, DEDI.username, DEDI.password, 'api', '10.15.1.23')).ok, 'the old password still works');
  });

  it('changes the password: every other session and token ends, this one stays; audited without the password', async () => {
    const here = await cookieSession(DEDI.username, DEDI.password);
    const laptop = await cookieSession(DEDI.username, DEDI.password, '10.15.1.30');
    const integration = await apiToken(DEDI.username, DEDI.password);
    assert.equal((await get(laptop, '/petugas')).statusCode, 200);
    const r = await post(here, { currentPassword: DEDI.password, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    assert.equal(r.statusCode, 303, r.body);
    const done = await get(here, String(r.headers.location));
    assert.equal(done.statusCode, 200, 'this session stays signed in');
    assert.match(done.body, /Kata sandi diganti; \d+ sesi atau token lain berakhir/);
    assert.equal((await get(laptop, '/petugas')).statusCode, 303, 'the other browser is signed out');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/tasks', headers: { authorization: integration } })).statusCode, 401, 'the API token ended');
    assert.ok(!(await signIn(t.database, DEDI.username, DEDI.password, 'api', '10.15.1.24')).ok, 'the old password no longer signs in');
    assert.ok((await signIn(t.database, DEDI.username, NEW_PASSWORD, 'api', '10.15.1.24')).ok, 'the new one does');
    const audit = await t.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'account.change-own-password').where('subject', '=', DEDI.username).execute();
    assert.equal(audit.length, 1);
    assert.match(audit[0]!.actor, /Dedi Kurniawan/);
    assert.ok(!audit[0]!.detail.includes(NEW_PASSWORD) && !audit[0]!.detail.includes(DEDI.password), 'never the password');
    assert.ok(JSON.parse(audit[0]!.detail).sessionsEnded >= 2);
  });

  it('over the API too: the bearer token in use stays, the others end', async () => {
    const token = await apiToken(DEDI.username, NEW_PASSWORD);
    const other = await apiToken(DEDI.username, NEW_PASSWORD);
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { authorization: token }, payload: { currentPassword: NEW_PASSWORD, newPassword: DEDI.password } });
    assert.equal(r.statusCode, 200, r.body);
    assert.ok(r.json().sessionsEnded >= 1);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/tasks', headers: { authorization: token } })).statusCode, 200);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/tasks', headers: { authorization: other } })).statusCode, 401);
    const weak = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { authorization: token }, payload: { currentPassword: DEDI.password, newPassword: 'jambi12345678' } });
    assert.equal(weak.statusCode, 422);
    assert.equal(weak.json().error.problems?.[0]?.field ?? weak.json().error.field, 'newPassword');
  });

  it('counts wrong current passwords under the lock-out: five wrong, and even the right one is refused (423)', async () => {
    const s = await cookieSession('yanti.susanti@kota-jambi', DEDI.password);
    const attempts = await Promise.all(
      Array.from({ length: 12 }, () => post(s, { currentPassword: 'Tebak-Tebak-Sandi-2026', newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })),
    );
    assert.equal(attempts.filter((a) => a.statusCode === 422).length, 5, 'five guesses checked, however many are sent at once');
    assert.equal(attempts.filter((a) => a.statusCode === 423).length, 7);
    const right = await post(s, { currentPassword: DEDI.password, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    assert.equal(right.statusCode, 423);
    assert.match(right.body, /id="err-currentPassword"[^>]*>[^<]*dikunci/);
  });
});
