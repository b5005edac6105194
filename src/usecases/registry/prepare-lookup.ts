/**
 * What the counter's look-up form starts from: the snapshot it will read, and, when the look-up
 * serves a case, that case (its applicant's NIK fills the form).
 */
import { findApplication } from '../../db/applications-repo.js';
import type { Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { registryReader } from './reader.js';
import { currentSnapshotOf, snapshotRef, type SnapshotRef } from './snapshots.js';

export interface LookupStart {
  /** The current snapshot, or null before any import. */
  snapshot: SnapshotRef | null;
  /** The case asked for, when it is one of the office's. */
  application: { id: string; nik: string | null; label: string } | null;
}

export async function prepareLookup(ctx: Ctx, actor: Actor, input: { application?: string }): Promise<Outcome<LookupStart>> {
  const reader = registryReader(actor);
  if (!reader.ok) return reader;
  const { officeId } = reader.value;
  const current = await currentSnapshotOf(ctx.database, ctx.database.dialect, officeId, ctx.caches.registry);
  const a = input.application ? await findApplication(ctx.database.db, officeId, input.application) : undefined;
  return {
    ok: true,
    value: {
      snapshot: current ? snapshotRef(current) : null,
      application: a ? { id: a.id, nik: a.applicant_nik, label: `${a.registration_number} · ${a.applicant_name}` } : null,
    },
  };
}
