/** One snapshot of the office: its status and the summary of its import. */
import { findSnapshot } from '../../db/registry-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { registryReader } from './reader.js';
import { snapshotView, type SnapshotView } from './snapshots.js';

export async function showSnapshot(ctx: Ctx, actor: Actor, id: string): Promise<Outcome<SnapshotView>> {
  const reader = registryReader(actor);
  if (!reader.ok) return reader;
  const s = await findSnapshot(ctx.database.db, reader.value.officeId, id);
  if (!s) return failWith('not-found', 'snapshot-not-found', 'Snapshot tidak ditemukan', 'Snapshot not found');
  return { ok: true, value: snapshotView(s) };
}
