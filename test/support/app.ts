/** A real Sigap app over a fresh real database with the repository's standards loaded. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { testCtx, type TestCtx } from './ctx.js';

export { STANDARDS_DIR } from './paths.js';

export interface TestApp extends TestCtx {
  app: FastifyInstance;
}

/** The whole product over a fresh real database: standards loaded, demo accounts created. */
export async function testApp(opts: { now?: () => Date; rateLimit?: boolean } = {}): Promise<TestApp> {
  const t = await testCtx({ now: opts.now });
  const app = await buildApp({ ctx: t.ctx, rateLimit: opts.rateLimit ?? false });
  await app.ready();
  const close = async () => {
    await app.close();
    await t.close();
  };
  return { ...t, app, close, cleanup: close };
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * API requests against a test app, and sign-in of demo accounts (password `sigap-demo` unless
 * given), one token per user reused across a file. `app` is a getter: tests assign the app in
 * `before`.
 */
export function apiClient(app: () => TestApp, passwords: Record<string, string> = {}) {
  const tokens = new Map<string, string>();
  const req = async (method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const r = await app().app.inject({ method, url, payload: body as never, headers });
    return { status: r.statusCode, json: () => JSON.parse(r.body), body: r.body, raw: r.rawPayload, headers: r.headers };
  };
  const login = async (username: string): Promise<Record<string, string>> => {
    let token = tokens.get(username);
    if (!token) {
      const r = await req('POST', '/api/v1/auth/login', { username, password: passwords[username] ?? 'sigap-demo' });
      if (r.status !== 200) throw new Error(`sign-in of ${username} failed: ${r.status} ${r.body}`);
      token = r.json().token as string;
      tokens.set(username, token);
    }
    return { authorization: `Bearer ${token}` };
  };
  return { req, login };
}

/**
 * Signs in through the sign-in form as a browser does: the form's page first (its login CSRF
 * token and cookie), then the post. Returns the post's response (303 and the session cookie).
 */
export async function postSignInForm(app: FastifyInstance, username: string, password = 'sigap-demo', next?: string) {
  const form = await app.inject({ method: 'GET', url: '/masuk' });
  const csrf = /name="_csrf" value="([0-9a-f]+)"/.exec(form.body)![1]!;
  const cookie = String(form.headers['set-cookie']).split(';')[0]!;
  const payload = new URLSearchParams({ username, password, _csrf: csrf, ...(next ? { next } : {}) }).toString();
  return app.inject({ method: 'POST', url: '/masuk', payload, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } });
}
