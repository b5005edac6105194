/**
 * After a snapshot is published: every open proposal of the office whose person appears in it (for
 * PBI-JK: with the PBI flag) is confirmed; a case waiting on the ministry at the proposal's
 * ministry step is moved on with the snapshot as its reference; the case gets an event either way.
 */
import { findApplicationAnyOffice, insertEvent, openTaskFor } from '../../db/applications-repo.js';
import { findProposal, findSnapshot, insertProposalEvent, openProposals, rowByNik, updateProposalIfVersion } from '../../db/registry-repo.js';
import { canMove, confirms, profileOf } from '../../domain/registry/proposals.js';
import { serviceOfCase } from '../applications/service-of-case.js';
import { completeTask } from '../applications/complete-task.js';
import type { Ctx } from '../context.js';
import { nowOf } from '../context.js';

const SYSTEM_ACTOR = { id: null, name: 'Sigap (impor registri DTKS/DTSEN)' };

/** Confirms the office's open proposals a snapshot shows; answers how many it confirmed. */
export async function confirmProposals(ctx: Ctx, officeId: string, snapshotId: string): Promise<number> {
  const db = ctx.database.db;
  const snap = await findSnapshot(db, officeId, snapshotId);
  if (!snap || snap.status !== 'complete') return 0;
  let confirmed = 0;
  const reference = `DTKS/DTSEN periode ${snap.period} (impor ${snap.completedAt?.slice(0, 10) ?? ''}, SHA-256 ${snap.sourceSha256.slice(0, 12)})`;
  for (const p of await openProposals(db, officeId)) {
    const row = await rowByNik(db, snap.tableName, p.nik);
    if (!confirms(p.kind, row)) continue;
    // A case still waiting on the ministry moves on: the registry is the ministry's answer.
    if (p.applicationId) {
      const app = await findApplicationAnyOffice(db, p.applicationId);
      // The profile of the version the case runs on.
      const profile = app ? profileOf(await serviceOfCase(ctx, app.service_version_id)) : undefined;
      const task = app ? await openTaskFor(db, app.id) : undefined;
      if (app && task && profile?.ministryStep && task.step_id === profile.ministryStep.step && task.status === 'open' && !task.claimed_by) {
        await completeTask(
          ctx,
          { taskId: task.id, outcome: profile.ministryStep.approved, note: `Dikonfirmasi otomatis: tercantum di ${reference}`, data: { reference, registry: { confirmedBy: snap.id, period: snap.period } }, version: app.version },
          { ...SYSTEM_ACTOR, roles: [task.role], officeId },
        );
      }
    }
    const fresh = await findProposal(db, officeId, p.id);
    if (!fresh || !canMove(fresh.stage, 'confirmed')) continue;
    const now = nowOf(ctx).toISOString();
    const won = await ctx.database.write(async (trx) => {
      const ok = await updateProposalIfVersion(trx, fresh.id, fresh.version, { stage: 'confirmed', confirmedSnapshotId: snap.id, confirmedAt: now, updatedAt: now });
      if (!ok) return false;
      await insertProposalEvent(trx, fresh, {
        type: 'confirmed',
        stage: 'confirmed',
        actor: SYSTEM_ACTOR,
        note: `Tercantum di ${reference}`,
        data: { snapshotId: snap.id, period: snap.period, pbi: row?.pbi ?? null, desil: row?.desil ?? null },
        at: now,
      });
      if (fresh.applicationId)
        await insertEvent(trx, {
          application_id: fresh.applicationId,
          office_id: officeId,
          type: 'registry-confirmed',
          actor_id: SYSTEM_ACTOR.id,
          actor_name: SYSTEM_ACTOR.name,
          note: `Usulan terkonfirmasi: tercantum di ${reference}`,
          data: { proposalId: fresh.id, snapshotId: snap.id, period: snap.period, kind: fresh.kind },
          at: now,
        });
      return true;
    });
    if (won) confirmed++;
  }
  return confirmed;
}
