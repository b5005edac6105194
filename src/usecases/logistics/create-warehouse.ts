/** Registers a warehouse of the office: its own gudang, or a kecamatan or desa lumbung sosial. */
import { randomUUID } from 'node:crypto';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { findWarehouseByName, insertWarehouse } from '../../db/logistics-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { defaultReleaseGate, type ReleaseGate, type WarehouseKind } from '../../domain/logistics/index.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { isUniqueViolation, officeFor } from './logistics-common.js';

export interface WarehouseInput {
  office: string;
  name: string;
  kind: WarehouseKind;
  area?: string;
  custodian?: string;
  /** What a release needs; a lumbung starts with the declared-status gate, the office's gudang without. */
  releaseGate?: ReleaseGate;
}

const taken = (name: string) => failWith('conflict', 'warehouse-exists', `Gudang "${name}" sudah terdaftar`, `Warehouse "${name}" already exists`, 'name');

export async function createWarehouse(ctx: Ctx, actor: Actor, input: WarehouseInput): Promise<Outcome<{ id: string; name: string; kind: WarehouseKind; releaseGate: ReleaseGate }>> {
  const office = officeFor(ctx, actor, input.office);
  if (!office.ok) return office;
  const db = ctx.database.db;
  if (await findWarehouseByName(db, office.value, input.name)) return taken(input.name);
  const now = nowOf(ctx).toISOString();
  const id = randomUUID();
  const releaseGate = input.releaseGate ?? defaultReleaseGate(input.kind);
  try {
    await ctx.database.write(async (trx) => {
      await insertWarehouse(trx, { id, office_id: office.value, name: input.name, kind: input.kind, area: input.area || null, custodian: input.custodian || null, release_gate: releaseGate, created_by: actor.name, created_at: now });
      await insertAuditEvent(trx, { officeId: office.value, actor: actor.name, action: 'logistics.warehouse-created', subject: `warehouse:${id}`, detail: { name: input.name, kind: input.kind, area: input.area ?? null, custodian: input.custodian ?? null, releaseGate, actorId: actor.id }, at: now });
    });
  } catch (e) {
    if (isUniqueViolation(e)) return taken(input.name);
    throw e;
  }
  return { ok: true, value: { id, name: input.name, kind: input.kind, releaseGate } };
}
