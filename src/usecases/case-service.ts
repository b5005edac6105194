/** Reads the exact service version a case was filed under (cached: versions never change). */
import { readServiceVersion } from '../db/standards-repo.js';
import type { Service } from '../domain/standards/schema.js';
import type { Ctx } from './context.js';

const cache = new Map<string, Service>();

export async function serviceOfCase(ctx: Ctx, serviceVersionId: string): Promise<Service> {
  let s = cache.get(serviceVersionId);
  if (!s) {
    const loaded = await readServiceVersion(ctx.database.db, serviceVersionId);
    if (!loaded) throw new Error(`service version ${serviceVersionId} missing`);
    s = loaded;
    cache.set(serviceVersionId, s);
  }
  return s;
}
