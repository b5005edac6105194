/** Adds an item to the office's catalogue with its unit of count (paket, lembar, kg, unit). */
import { randomUUID } from 'node:crypto';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { findItemByCode, insertItem } from '../../db/logistics-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { Unit } from '../../domain/logistics/index.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { isUniqueViolation, officeFor } from './logistics-common.js';

export interface ItemInput {
  office: string;
  code: string;
  name: string;
  unit: Unit;
}

const taken = (code: string) => failWith('conflict', 'item-exists', `Kode barang "${code}" sudah dipakai`, `Item code "${code}" is already in use`, 'code');

export async function createItem(ctx: Ctx, actor: Actor, input: ItemInput): Promise<Outcome<{ id: string; code: string; name: string; unit: Unit }>> {
  const office = officeFor(ctx, actor, input.office);
  if (!office.ok) return office;
  if (await findItemByCode(ctx.database.db, office.value, input.code)) return taken(input.code);
  const now = nowOf(ctx).toISOString();
  const id = randomUUID();
  try {
    await ctx.database.write(async (trx) => {
      await insertItem(trx, { id, office_id: office.value, code: input.code, name: input.name, unit: input.unit, created_by: actor.name, created_at: now });
      await insertAuditEvent(trx, { officeId: office.value, actor: actor.name, action: 'logistics.item-created', subject: `item:${id}`, detail: { code: input.code, name: input.name, unit: input.unit, actorId: actor.id }, at: now });
    });
  } catch (e) {
    if (isUniqueViolation(e)) return taken(input.code);
    throw e;
  }
  return { ok: true, value: { id, code: input.code, name: input.name, unit: input.unit } };
}
