/**
 * The web edge in production: forwarding headers are believed only from TRUST_PROXY, so a forged
 * X-Forwarded-For cannot escape a per-address limit; secure headers on every answer (CSP, no
 * framing, referrer, HSTS only over HTTPS); request logs carry no query values, NIKs, tokens or
 * client addresses; the sign-in form cannot be posted from another site (login CSRF).
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { postSignInForm } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { testCtx, type TestCtx } from '../support/ctx.js';

describe(`web edge in production (${TEST_DB})`, () => {
  let t: TestCtx;
  const apps: FastifyInstance[] = [];
  before(async () => {
    t = await testCtx();
  });
  after(async () => {
    for (const a of apps) await a.close();
    await t.close();
  });
  const app = async (opts: { trustProxy?: string[]; rateLimit?: boolean; logs?: string[] } = {}) => {
    const logs = opts.logs;
    const stream = logs ? new Writable({ write: (chunk, _enc, cb) => (logs.push(String(chunk)), cb()) }) : undefined;
    const a = await buildApp({ ctx: t.ctx, trustProxy: opts.trustProxy ?? null, rateLimit: opts.rateLimit ?? false, logger: stream ? { stream } : false });
    await a.ready();
    apps.push(a);
    return a;
  };

  // The public tracking API allows 30 guesses of a tracking code a minute per address.
  const track = (a: FastifyInstance, i: number, headers: Record<string, string> = {}) =>
    a.inject({ method: 'GET', url: `/api/v1/applications/JMB-2026-000001/status?code=ABCD${String(i).padStart(4, '2')}`, headers });

  it('without TRUST_PROXY a forged X-Forwarded-For does not buy new guesses: the 31st from one socket is refused', async () => {
    const a = await app({ rateLimit: true });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await track(a, i, { 'x-forwarded-for': `203.0.113.${i + 1}` })).statusCode);
    assert.deepEqual(statuses.slice(0, 30), Array(30).fill(404), 'unknown case: 404 while within the limit');
    assert.equal(statuses[30], 429);
  });

  it('behind a configured proxy each forwarded client has its own budget; a client from elsewhere cannot pose as the proxy', async () => {
    const a = await app({ rateLimit: true, trustProxy: ['127.0.0.1'] });
    for (let i = 0; i < 31; i++) assert.equal((await track(a, i, { 'x-forwarded-for': `198.51.100.${i + 1}` })).statusCode, 404);
    // The proxy is trusted only from its address: inject's socket is 127.0.0.1, another is not.
    const b = await app({ rateLimit: true, trustProxy: ['10.20.30.40'] });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await track(b, i, { 'x-forwarded-for': `198.51.100.${i + 1}` })).statusCode);
    assert.equal(statuses[30], 429);
  });

  it('every page carries a CSP without inline script, no framing, a same-origin referrer policy; pages hold no inline script or handler', async () => {
    const a = await app();
    for (const url of ['/', '/kantor/kota-jambi', '/kantor/kota-jambi/layanan/rekomendasi-jamkesda-bayi', '/masuk', '/lacak', '/api/v1/offices']) {
      const r = await a.inject({ method: 'GET', url });
      assert.equal(r.statusCode, 200, url);
      const csp = String(r.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/, url);
      assert.match(csp, /script-src 'self'(;|$)/, url);
      assert.match(csp, /script-src-attr 'none'/, url);
      assert.match(csp, /frame-ancestors 'none'/, url);
      assert.doesNotMatch(csp, /unsafe-eval|upgrade-insecure-requests/, url);
      assert.equal(r.headers['x-frame-options'], 'DENY', url);
      assert.equal(r.headers['referrer-policy'], 'same-origin', url);
      assert.equal(r.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(r.headers['strict-transport-security'], undefined, `${url}: no HSTS over plain HTTP`);
      if (String(r.headers['content-type']).startsWith('text/html')) {
        assert.doesNotMatch(r.body, /<script(?![^>]*\bsrc=)[^>]*>/i, `${url}: no inline <script>`);
        assert.doesNotMatch(r.body, /\son(click|load|change|submit|input)=/i, `${url}: no inline handler`);
      }
    }
    // Only the API documentation (Swagger UI) may add <style> elements; script stays 'self' there too.
    const docs = String((await a.inject({ method: 'GET', url: '/api/v1/docs/static/index.html' })).headers['content-security-policy']);
    assert.match(docs, /style-src-elem 'self' 'unsafe-inline'/);
    assert.match(docs, /script-src 'self'(;|$)/);
    const home = String((await a.inject({ method: 'GET', url: '/' })).headers['content-security-policy']);
    assert.match(home, /style-src-elem 'self'(;|$)/);
    const js = await a.inject({ method: 'GET', url: '/assets/site.js' });
    assert.equal(js.statusCode, 200);
    assert.match(String(js.headers['content-type']), /^text\/javascript/);
    assert.match(js.body, /data-print/);
  });

  it('HSTS only on a request that came over HTTPS through the trusted proxy', async () => {
    const direct = await app();
    const forged = await direct.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(forged.headers['strict-transport-security'], undefined, 'a forged X-Forwarded-Proto is not believed');
    const proxied = await app({ trustProxy: ['127.0.0.1'] });
    const r = await proxied.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(r.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains');
    const plain = await proxied.inject({ method: 'GET', url: '/' });
    assert.equal(plain.headers['strict-transport-security'], undefined);
  });

  it('request logs keep method, path and status but no tracking code, NIK, token or client address', async () => {
    const logs: string[] = [];
    const a = await app({ logs });
    const secrets = { code: 'QX7KP2MZ', nik: '1571024107900003', token: 'f3a9c1e07b5d4e2a9c8b7a6d5e4f3a2b' };
    await a.inject({ method: 'GET', url: `/lacak/JMB-2026-000123?code=${secrets.code}`, remoteAddress: '36.85.12.201' });
    await a.inject({ method: 'GET', url: `/lacak?nomor=JMB-2026-000123&code=${secrets.code}`, remoteAddress: '36.85.12.201' });
    await a.inject({ method: 'GET', url: `/api/v1/registry/persons/${secrets.nik}?office=kota-jambi&reason=cek%20loket`, remoteAddress: '36.85.12.201' });
    await a.inject({ method: 'GET', url: `/v/${secrets.token}`, remoteAddress: '36.85.12.201' });
    await a.inject({ method: 'GET', url: `/survei/JMB-2026-000123/${secrets.token}`, remoteAddress: '36.85.12.201' });
    const all = logs.join('');
    assert.ok(logs.length >= 10, `an incoming and a completed line per request (${logs.length})`);
    for (const [what, value] of Object.entries(secrets)) assert.ok(!all.includes(value), `no ${what} in the logs:\n${all}`);
    assert.ok(!all.includes('36.85.12.201'), 'no client address in the logs');
    assert.ok(!all.includes('cek'), 'no access reason in the logs');
    const urls = logs.map((l) => (JSON.parse(l) as { req?: { url: string } }).req?.url).filter(Boolean);
    assert.deepEqual(urls, [
      '/lacak/JMB-2026-000123?code=_',
      '/lacak?nomor=_&code=_',
      '/api/v1/registry/persons/_?office=_&reason=_',
      '/v/_',
      '/survei/JMB-2026-000123/_',
    ]);
    assert.ok(logs.some((l) => (JSON.parse(l) as { res?: { statusCode: number } }).res?.statusCode === 303), 'statuses are still logged');
  });

  it('the sign-in form signs in only with its own token: a post from another site (no cookie, or another token) is refused before the password is checked', async () => {
    const a = await app();
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const body = (extra: Record<string, string> = {}) => new URLSearchParams({ username: 'front-office@kota-jambi', password: 'sigap-demo', ...extra }).toString();
    const forged = await a.inject({ method: 'POST', url: '/masuk', payload: body(), headers: form });
    assert.equal(forged.statusCode, 403);
    assert.ok(!String(forged.headers['set-cookie']).includes('sigap_session'), 'no session');
    assert.match(forged.body, /role="alert"><p>Formulir masuk kedaluwarsa atau dikirim dari situs lain/);
    assert.match(forged.body, /name="_csrf" value="[0-9a-f]{64}"/, 'with a fresh form to try again');
    const page = await a.inject({ method: 'GET', url: '/masuk?lang=en' });
    const cookie = String(page.headers['set-cookie']);
    assert.match(cookie, /^sigap_masuk=[0-9a-f]{64}; Max-Age=7200; Path=\/masuk; HttpOnly; SameSite=Strict/);
    const other = await a.inject({ method: 'POST', url: '/masuk?lang=en', payload: body({ _csrf: 'b'.repeat(64) }), headers: { ...form, cookie: cookie.split(';')[0]! } });
    assert.equal(other.statusCode, 403);
    assert.match(other.body, /The sign-in form expired or was sent from another site/);
    const ok = await postSignInForm(a, 'front-office@kota-jambi');
    assert.equal(ok.statusCode, 303);
    assert.match(String(ok.headers['set-cookie']), /sigap_session=/);
  });
});
