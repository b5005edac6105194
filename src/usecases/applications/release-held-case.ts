/**
 * A case that waited for its letters' signature (status `waiting-signature`) moves on by itself
 * once the last of them is signed: its held handover step enters the queue, or its held end
 * completes the case and stops the clock. Runs inside the transaction that records the signature.
 */
import type { Transaction } from 'kysely';
import { findCaseAnyOffice, insertEvent, reopenWaitingTask, updateCaseIfVersion } from '../../db/applications-repo.js';
import type { DB } from '../../db/schema.js';
import type { Actor, Ctx } from '../context.js';
import { countClosedCase } from '../oversight/count-closed-case.js';
import { endReferredStay } from '../shelters/end-referred-stay.js';

/** False when the case changed meanwhile (the caller's transaction must then roll back). */
export async function releaseHeldCase(trx: Transaction<DB>, ctx: Ctx, applicationId: string, actor: Actor, now: string): Promise<boolean> {
  const app = await findCaseAnyOffice(trx, applicationId);
  if (!app || app.status !== 'waiting-signature') return true;
  if (app.current_step) {
    const slaState = ctx.clock.state(app.clock_started_at, app.due_at, false, now);
    if (!(await updateCaseIfVersion(trx, app.id, app.version, { status: 'open', sla_state: slaState, updated_at: now }))) return false;
    await reopenWaitingTask(trx, app.id, { due_at: app.due_at, sla_state: slaState });
    await insertEvent(trx, {
      application_id: app.id,
      office_id: app.office_id,
      type: 'letters-signed',
      step_id: app.current_step,
      actor_id: actor.id,
      actor_name: actor.name,
      note: 'Surat ditandatangani; penyerahan dapat dilanjutkan / Letters signed; the handover may proceed',
      at: now,
    });
    return true;
  }
  // The held end: the case completes now, and is late if the signature came after its due time.
  const slaState = app.due_at && now > app.due_at ? 'late' : 'closed';
  if (!(await updateCaseIfVersion(trx, app.id, app.version, { status: 'completed', closed_at: now, sla_state: slaState, updated_at: now }))) return false;
  await countClosedCase(trx, ctx, { ...app, status: 'completed', closed_at: now });
  await endReferredStay(trx, { ...app, status: 'completed' }, actor, now);
  await insertEvent(trx, {
    application_id: app.id,
    office_id: app.office_id,
    type: 'closed:completed',
    step_id: null,
    actor_id: actor.id,
    actor_name: actor.name,
    note: 'Surat ditandatangani; permohonan selesai / Letters signed; the application is completed',
    data: { next: app.end_id, after: 'letters-signed' },
    slaEffect: { clock: 'stopped' },
    at: now,
  });
  return true;
}
