/** The office's snapshots, newest first: every import kept with its file's SHA-256, importer and outcome. */
import { listSnapshots } from '../../db/registry-repo.js';
import type { Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { registryReader } from './reader.js';
import { snapshotView, type SnapshotView } from './snapshots.js';

export async function listOfficeSnapshots(ctx: Ctx, actor: Actor, limit: number): Promise<Outcome<SnapshotView[]>> {
  const reader = registryReader(actor);
  if (!reader.ok) return reader;
  return { ok: true, value: (await listSnapshots(ctx.database.db, reader.value.officeId, limit)).map(snapshotView) };
}
