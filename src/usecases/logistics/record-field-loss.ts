/** Records goods lost or spoiled in the field after dispatch (with a reason): the "written off" of the incident's reconciliation, never more than is outstanding. */
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { findIncident, findItem, insertFieldLoss, updateIncidentIfVersion } from '../../db/logistics-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { incidentNotFound, itemNotFound, officeFor } from './logistics-common.js';
import { reconcileIncident } from './reconcile-incident.js';

export async function recordFieldLoss(ctx: Ctx, actor: Actor, incidentId: string, input: { item: string; quantity: number; reason: string }): Promise<Outcome<{ item: string; outstanding: number }>> {
  const office = officeFor(ctx, actor);
  if (!office.ok) return office;
  const db = ctx.database.db;
  const incident = await findIncident(db, office.value, incidentId);
  if (!incident) return incidentNotFound();
  if (incident.state !== 'open') return failWith('conflict', 'incident-closed', 'Kejadian ini sudah ditutup', 'This incident is closed', 'quantity');
  const item = await findItem(db, office.value, input.item);
  if (!item) return itemNotFound();
  const left = (await reconcileIncident(db, office.value, incident.id)).find((r) => r.item === item.id)?.outstanding ?? 0;
  if (input.quantity > left) return failWith('invalid', 'insufficient-stock', `${item.name}: yang masih di lapangan hanya ${left} ${item.unit}`, `${item.name}: only ${left} ${item.unit} are still in the field`, 'quantity');
  const now = nowOf(ctx).toISOString();
  const ok = await ctx.database.write(async (trx) => {
    if (!(await updateIncidentIfVersion(trx, incident.id, incident.version, {}))) return false;
    await insertFieldLoss(trx, { incident_id: incident.id, office_id: office.value, item_id: item.id, quantity: input.quantity, reason: input.reason, actor_name: actor.name, at: now });
    await insertAuditEvent(trx, { officeId: office.value, actor: actor.name, action: 'logistics.field-loss', subject: `incident:${incident.id}`, detail: { item: item.code, quantity: input.quantity, reason: input.reason, actorId: actor.id }, at: now });
    return true;
  });
  if (!ok) return failWith('conflict', 'incident-changed', 'Kejadian ini baru saja diubah petugas lain; coba lagi', 'Another officer just changed this incident; try again');
  return { ok: true, value: { item: item.id, outstanding: left - input.quantity } };
}
