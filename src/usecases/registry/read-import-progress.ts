/**
 * How an import is going: live figures from this process while it runs (ctx.caches.registry.jobs),
 * the snapshot row once it is written; the outcome and its problems when it is done. An import
 * started by another process (the CLI) is followed through its snapshot row alone.
 */
import { findSnapshot } from '../../db/registry-repo.js';
import { failWith, type Outcome, type Problem } from '../../domain/errors.js';
import type { SnapshotStatus } from '../../domain/registry/snapshots.js';
import type { Actor, Ctx } from '../context.js';
import type { ImportProgress } from './import-registry.js';
import { registryReader } from './reader.js';
import { snapshotView, type SnapshotView } from './snapshots.js';

/** The import's live figures (see ImportProgress), and what it came to. */
export interface ImportState extends Omit<ImportProgress, 'snapshotId'> {
  id: string;
  done: boolean;
  status: SnapshotStatus | 'noop' | 'failed' | 'hashing';
  /** The snapshot that already holds the same file, when the import changed nothing. */
  noopSnapshotId: string | null;
  problems: Problem[];
  snapshot: SnapshotView | null;
}

const IMPORT_ID = /^[0-9a-f-]{36}$/;

export async function importProgress(ctx: Ctx, actor: Actor, id: string): Promise<Outcome<ImportState>> {
  const reader = registryReader(actor);
  if (!reader.ok) return reader;
  const { officeId } = reader.value;
  const notFound = () => failWith('not-found', 'import-not-found', 'Impor tidak ditemukan', 'Import not found');
  if (!IMPORT_ID.test(id)) return notFound();
  const found = ctx.caches.registry.jobs.get(id);
  const job = found?.officeId === officeId ? found : undefined;
  const snap = await findSnapshot(ctx.database.db, officeId, id);
  if (!job && !snap) return notFound();
  const result = job?.result ?? null;
  const noop = result?.ok && result.value.status === 'noop' ? result.value : null;
  const progress = job?.progress ?? null;
  const problems: Problem[] =
    result && !result.ok
      ? result.error.problems
      : job?.error
        ? [{ code: 'internal', message: job.error, messageEn: job.error }]
        : snap && snap.status !== 'complete' && snap.status !== 'loading'
          ? (snap.summary.problems ?? [])
          : [];
  return {
    ok: true,
    value: {
      id,
      done: !!(result || job?.error || (snap && snap.status !== 'loading')),
      status: noop ? 'noop' : (snap?.status ?? (job?.error || (result && !result.ok) ? 'failed' : 'hashing')),
      phase: progress?.phase ?? snap?.phase ?? 'hashing',
      rowsRead: progress?.rowsRead ?? snap?.rowsRead ?? 0,
      accepted: progress?.accepted ?? snap?.rowsAccepted ?? 0,
      rejected: progress?.rejected ?? snap?.rowsRejected ?? 0,
      bytesRead: progress?.bytesRead ?? snap?.bytesRead ?? 0,
      totalBytes: snap ? snap.sourceSize : (progress?.totalBytes ?? 0),
      rate: progress?.rate ?? 0,
      etaSeconds: progress?.etaSeconds ?? null,
      noopSnapshotId: noop?.snapshotId ?? null,
      problems,
      snapshot: snap ? snapshotView(snap) : null,
    },
  };
}
