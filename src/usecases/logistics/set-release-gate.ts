/** Sets what a release from a warehouse needs (the lumbung gate, data per warehouse; DOMAIN.md §4 [S]); a head's decision, audited with the value it replaces. */
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { findWarehouse, setWarehouseReleaseGate } from '../../db/logistics-repo.js';
import type { Outcome } from '../../domain/errors.js';
import type { ReleaseGate } from '../../domain/logistics/index.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { officeFor, warehouseNotFound } from './logistics-common.js';

export async function setReleaseGate(ctx: Ctx, actor: Actor, warehouseId: string, releaseGate: ReleaseGate): Promise<Outcome<{ id: string; releaseGate: ReleaseGate }>> {
  const office = officeFor(ctx, actor);
  if (!office.ok) return office;
  const warehouse = await findWarehouse(ctx.database.db, office.value, warehouseId);
  if (!warehouse) return warehouseNotFound();
  const now = nowOf(ctx).toISOString();
  await ctx.database.write(async (trx) => {
    await setWarehouseReleaseGate(trx, warehouse.id, releaseGate);
    await insertAuditEvent(trx, { officeId: office.value, actor: actor.name, action: 'logistics.release-gate-set', subject: `warehouse:${warehouse.id}`, detail: { from: warehouse.release_gate, to: releaseGate, actorId: actor.id }, at: now });
  });
  return { ok: true, value: { id: warehouse.id, releaseGate } };
}
