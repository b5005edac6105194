/**
 * The exact service version a case was filed under. Cached at module level on purpose: a
 * version row never changes once written and its id is a UUID, so the cache cannot go stale and
 * cannot mix databases.
 */
import { readServiceVersion } from '../../db/standards-repo.js';
import type { Service } from '../../domain/standards/schema.js';
import type { Ctx } from '../context.js';

const versions = new Map<string, Service>();

export async function serviceOfCase(ctx: Ctx, serviceVersionId: string): Promise<Service> {
  let s = versions.get(serviceVersionId);
  if (!s) {
    const loaded = await readServiceVersion(ctx.database.db, serviceVersionId);
    if (!loaded) throw new Error(`service version ${serviceVersionId} missing`);
    s = loaded;
    versions.set(serviceVersionId, s);
  }
  return s;
}
