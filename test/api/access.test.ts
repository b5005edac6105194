/** Who may call a route is declared on the route and enforced in one place, for the API and the pages alike. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { registerAuth } from '../../src/http/auth.js';
import { TEST_DB } from '../support/db.js';
import { postSignInForm, testApp, type TestApp } from '../support/app.js';

describe(`route access and CSRF (${TEST_DB})`, () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(async () => t.close());

  it('refuses to start an app with a route that does not declare who may call it (deny by default)', async () => {
    const app = Fastify();
    await app.register(cookie);
    registerAuth(app, t.ctx);
    app.get('/petugas/rahasia', async () => 'data pribadi');
    await assert.rejects(async () => app.ready(), /routes without config\.access.*GET \/petugas\/rahasia/);
    // A staff route must also name the permission it needs (domain/staff/permissions.ts).
    const noPermission = Fastify();
    await noPermission.register(cookie);
    registerAuth(noPermission, t.ctx);
    noPermission.get('/petugas/rahasia', { config: { access: 'staff' } }, async () => 'data pribadi');
    await assert.rejects(async () => noPermission.ready(), /staff routes without a config\.may permission.*GET \/petugas\/rahasia/);
    const ok = Fastify();
    await ok.register(cookie);
    registerAuth(ok, t.ctx);
    ok.get('/petugas/rahasia', { config: { access: 'staff', may: 'applications.read' } }, async () => 'data pribadi');
    await ok.ready();
    assert.equal((await ok.inject({ method: 'GET', url: '/petugas/rahasia' })).statusCode, 303, 'a staff page sends the public to sign in');
    await ok.close();
  });

  it('answers the public with 401 JSON on a staff API route and a sign-in redirect on a staff page', async () => {
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/tasks' });
    assert.equal(api.statusCode, 401);
    assert.equal(api.json().error.code, 'unauthenticated');
    const page = await t.app.inject({ method: 'GET', url: '/petugas/surat?lang=en' });
    assert.equal(page.statusCode, 303);
    assert.equal(page.headers.location, `/masuk?next=${encodeURIComponent('/petugas/surat?lang=en')}`);
  });

  it('a cookie session writes only with its CSRF token: a staff route refuses, a public route serves the request as the public', async () => {
    const login = await postSignInForm(t.app, 'front-office@kota-jambi', 'sigap-demo', '/petugas');
    assert.equal(login.statusCode, 303);
    const session = String(login.headers['set-cookie']).split(';')[0]!;
    const queue = await t.app.inject({ method: 'GET', url: '/petugas', headers: { cookie: session } });
    const token = /name="_csrf" value="([^"]+)"/.exec(queue.body)![1]!;
    const form = { cookie: session, 'content-type': 'application/x-www-form-urlencoded' };
    const forged = await t.app.inject({ method: 'POST', url: '/petugas/berkas/x/lengkap', payload: '', headers: form });
    assert.equal(forged.statusCode, 403, 'a staff page refuses a post without the token');
    const withToken = await t.app.inject({ method: 'POST', url: '/petugas/berkas/x/lengkap', payload: `_csrf=${encodeURIComponent(token)}`, headers: form });
    // Accepted past the CSRF check, then answered by the page itself: there is no case "x".
    assert.equal(withToken.statusCode, 404, 'and accepts it with the token');
    assert.match(withToken.body, /Berkas tidak ditemukan/);
    // Applying online as the public is allowed; without the token the officer's rights are not used.
    const json = { cookie: session, 'content-type': 'application/json' };
    const counter = { office: 'kota-jambi', service: 'rekomendasi-jamkesda-bayi', applicant: { nik: '1571024107900003', name: 'Siti Aminah' }, attachments: [{ requirement: 'kk-ktp-akte', shown: true }] };
    const noToken = await t.app.inject({ method: 'POST', url: '/api/v1/applications', payload: counter, headers: json });
    assert.equal(noToken.statusCode, 422, 'served as the public, who cannot mark documents as shown at the counter');
    assert.ok(noToken.json().error.problems.some((p: { code: string }) => p.code === 'shown-staff-only'), noToken.body);
    const asOfficer = await t.app.inject({ method: 'POST', url: '/api/v1/applications', payload: counter, headers: { ...json, 'x-csrf-token': token } });
    assert.notEqual(asOfficer.statusCode, 403);
    assert.ok(!asOfficer.json().error?.problems?.some((p: { code: string }) => p.code === 'shown-staff-only'), asOfficer.body);
  });
});
