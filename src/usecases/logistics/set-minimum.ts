/** Sets the minimum stock of an item in a warehouse (below it, the stock page raises an alert). */
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { findItem, findWarehouse, upsertMinimum } from '../../db/logistics-repo.js';
import type { Outcome } from '../../domain/errors.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { itemNotFound, officeFor, warehouseNotFound } from './logistics-common.js';

export async function setMinimum(ctx: Ctx, actor: Actor, warehouseId: string, input: { item: string; minimum: number }): Promise<Outcome<{ item: string; minimum: number }>> {
  const office = officeFor(ctx, actor);
  if (!office.ok) return office;
  const db = ctx.database.db;
  if (!(await findWarehouse(db, office.value, warehouseId))) return warehouseNotFound();
  if (!(await findItem(db, office.value, input.item))) return itemNotFound();
  const now = nowOf(ctx).toISOString();
  await ctx.database.write(async (trx) => {
    await upsertMinimum(trx, { warehouse_id: warehouseId, item_id: input.item, office_id: office.value, minimum: input.minimum, updated_by: actor.name, updated_at: now });
    await insertAuditEvent(trx, { officeId: office.value, actor: actor.name, action: 'logistics.minimum-set', subject: `warehouse:${warehouseId}`, detail: { item: input.item, minimum: input.minimum, actorId: actor.id }, at: now });
  });
  return { ok: true, value: input };
}
