/**
 * The office's current snapshot, fast: which snapshot is current is asked of the database at most
 * every CURRENT_TTL_MS per office (an import in this process forgets it at once; one published by
 * another process, the CLI, is seen within that time), and the snapshot itself comes from memory:
 * a published snapshot never changes what readers need of it (rows, period, source, layout).
 * Readers never see a half-loaded snapshot either way: only published ids are ever current.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, DialectName } from '../../db/dialect.js';
import { currentSnapshotId, snapshotById } from '../../db/registry-repo.js';
import type { DB } from '../../db/schema.js';
import type { RegistrySnapshotsTable } from '../../db/schema-registry.js';

const cache = new Map<string, RegistrySnapshotsTable>();

export async function snapshotCached(q: Kysely<DB> | Transaction<DB> | Database, id: string): Promise<RegistrySnapshotsTable | undefined> {
  const hit = cache.get(id);
  if (hit) return hit;
  const s = await snapshotById('read' in q ? q.db : q, id);
  if (s && s.status === 'complete') {
    if (cache.size > 500) cache.delete(cache.keys().next().value!);
    cache.set(id, s);
  }
  return s;
}

export const CURRENT_TTL_MS = 500;
const currentIds = new Map<string, { id: string | undefined; at: number }>();

/** Forgets which snapshot is current (after a publication in this process). */
export function forgetCurrent(officeId?: string): void {
  if (officeId) currentIds.delete(officeId);
  else currentIds.clear();
}

export async function currentSnapshotOf(q: Kysely<DB> | Transaction<DB> | Database, dialect: DialectName, officeId: string): Promise<RegistrySnapshotsTable | undefined> {
  const now = Date.now();
  let hit = currentIds.get(officeId);
  if (!hit || now - hit.at > CURRENT_TTL_MS) {
    hit = { id: await currentSnapshotId(q, dialect, officeId), at: now };
    currentIds.set(officeId, hit);
  }
  return hit.id ? snapshotCached(q, hit.id) : undefined;
}
