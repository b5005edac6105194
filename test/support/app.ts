/** A real Sigap app over a fresh real database with the repository's standards loaded. */
import type { FastifyInstance } from 'fastify';
import { rmSync } from 'node:fs';
import { boot } from '../../src/boot.js';
import { buildApp } from '../../src/http/app.js';
import type { Catalogue } from '../../src/usecases/catalogue/catalogue.js';
import type { Ctx } from '../../src/usecases/context.js';
import { freshDatabase, type TestDatabase } from './db.js';

export const STANDARDS_DIR = new URL('../../standards', import.meta.url).pathname;

export interface TestApp extends TestDatabase {
  app: FastifyInstance;
  catalogue: Catalogue;
  ctx: Ctx;
  close(): Promise<void>;
}

/** The whole product over a fresh real database: standards loaded, demo accounts created. */
export async function testApp(opts: { demo?: boolean; now?: () => Date; rateLimit?: boolean } = {}): Promise<TestApp> {
  const t = await freshDatabase({ migrate: false });
  await t.database.close();
  const booted = await boot({ ...t.location, standardsDir: STANDARDS_DIR, demo: opts.demo ?? true, actor: 'test' });
  if (!booted.ok) throw new Error(`standards invalid:\n${booted.problems.map((p) => `${p.file}:${p.line}: ${p.messageEn}`).join('\n')}`);
  const ctx = { ...booted.ctx, now: opts.now };
  const app = await buildApp({ ctx, rateLimit: opts.rateLimit ?? false });
  await app.ready();
  return {
    ...t,
    database: ctx.database,
    app,
    ctx,
    catalogue: ctx.catalogue,
    async close() {
      await app.close();
      await ctx.database.close();
      await t.cleanup().catch(() => undefined);
      rmSync(t.location.dataDir, { recursive: true, force: true });
    },
  };
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
