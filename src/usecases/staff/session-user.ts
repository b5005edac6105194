/** Who a session or API token belongs to (every signed-in request asks; answered from the session cache when fresh). */
import { findSession, toStaff } from '../../db/staff-repo.js';
import type { Ctx } from '../context.js';
import { SESSION_CACHE_MS, type SessionHit } from './session-cache.js';
import { tokenHash } from './tokens.js';

export async function sessionUser(ctx: Pick<Ctx, 'database' | 'caches'>, token: string): Promise<SessionHit | null> {
  const key = tokenHash(token);
  const now = Date.now();
  const cached = ctx.caches.sessions.get(key, now);
  if (cached) return cached;
  const row = await findSession(ctx.database, key, new Date(now).toISOString());
  if (!row) {
    ctx.caches.sessions.forget(key);
    return null;
  }
  const hit = { user: toStaff(row), csrf: row.csrf_token, kind: row.kind };
  ctx.caches.sessions.set(key, hit, Math.min(now + SESSION_CACHE_MS, Date.parse(row.expires_at)));
  return hit;
}
