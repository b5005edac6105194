/** A server secret (the keys of tracking codes and survey links), created once per database and kept in the product's caches. */
import { readOrCreateSecret } from '../db/settings-repo.js';
import type { Ctx } from './context.js';

export async function serverSecret(ctx: Pick<Ctx, 'database' | 'caches'>, key: string): Promise<string> {
  const cached = ctx.caches.secrets.get(key);
  if (cached) return cached;
  const value = await readOrCreateSecret(ctx.database.db, key);
  ctx.caches.secrets.set(key, value);
  return value;
}
