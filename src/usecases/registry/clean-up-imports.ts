/**
 * Dead imports: an import whose process died (SIGKILL, a crash, a power cut) leaves a `loading`
 * snapshot and its row table; readers never see them, and the next import of the office (or
 * `sigap registry cleanup`) removes them.
 */
import { hostname } from 'node:os';
import { dropRowTable, listRowTables, loadingSnapshots, rowTablesInUse, updateSnapshot } from '../../db/registry-repo.js';
import type { Ctx } from '../context.js';
import { nowOf } from '../context.js';

/** A loading import whose heartbeat is older than this is considered dead. */
const STALE_MS = 2 * 60_000;

/**
 * Snapshot ids this process is importing right now. Process-wide on purpose, not per product: an
 * import's liveness is judged by its host and pid, which every product of this process shares.
 */
export const running = new Set<string>();

function processAlive(host: string, pid: number): boolean {
  if (host !== hostname()) return true;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a loading snapshot (or lock) belongs to an import that is still running. */
export function importAlive(x: { host: string; pid: number; heartbeatAt: string }, now: Date): boolean {
  if (now.getTime() - Date.parse(x.heartbeatAt) > STALE_MS) return false;
  return processAlive(x.host, x.pid);
}

/** Removes what dead imports of an office left: their row tables, and marks them abandoned. */
export async function cleanupDeadImports(ctx: Ctx, officeId: string, except: string | null): Promise<string[]> {
  const db = ctx.database.db;
  const now = nowOf(ctx);
  const cleaned: string[] = [];
  for (const s of await loadingSnapshots(db, officeId)) {
    if (s.id === except) continue;
    if (running.has(s.id) || importAlive(s, now)) continue;
    await dropRowTable(db, s.tableName);
    await updateSnapshot(db, s.id, { status: 'abandoned', phase: 'done', summary: { ...s.summary, abandonedAt: now.toISOString() } });
    cleaned.push(s.id);
  }
  // Tables whose snapshot row is gone or no longer loading/complete (a crash between steps).
  const keep = await rowTablesInUse(db);
  for (const t of await listRowTables(db)) if (!keep.has(t)) await dropRowTable(db, t);
  return cleaned;
}
