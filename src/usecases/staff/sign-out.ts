/** Ends a session or revokes an API token at once, in this process's session cache too. */
import { deleteSession } from '../../db/staff-repo.js';
import type { Ctx } from '../context.js';
import { tokenHash } from './tokens.js';

export async function signOut(ctx: Pick<Ctx, 'database' | 'caches'>, token: string): Promise<void> {
  const key = tokenHash(token);
  ctx.caches.sessions.forget(key);
  await deleteSession(ctx.database.db, key);
  // A request that read the session while it was being deleted may have cached it again.
  ctx.caches.sessions.forget(key);
}
