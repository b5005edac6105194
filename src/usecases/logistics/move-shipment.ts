/**
 * A shipment's journey after dispatch: in transit, arrived at the posko (time, position, who, a note),
 * or returned to the warehouse with a reason when it does not arrive. A return puts every unit back
 * into the lots the dispatch took it from, as ledger `return` rows of the incident, in the same
 * transaction as the shipment's state, its event and the audit row. Refused (409) once the incident
 * is closed or another officer moved the shipment first.
 */
import { randomUUID } from 'node:crypto';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { addToLot, findIncident, findShipment, insertMovements, insertShipmentEvent, moveShipmentIfVersion, movementRows, updateIncidentIfVersion } from '../../db/logistics-repo.js';
import { fail, failWith, type FieldProblem, type Outcome } from '../../domain/errors.js';
import { SHIPMENT_STATE_NAMES, shipmentMayMove } from '../../domain/logistics/index.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { officeFor } from './logistics-common.js';

export interface ShipmentMove {
  state: 'in-transit' | 'arrived' | 'returned';
  /** When it happened; the officer may give an earlier time, never a future one or one before the last event. */
  at?: string;
  lat?: number;
  lng?: number;
  note?: string;
  /** Returns: why the goods did not arrive. */
  reason?: string;
}

const problem = (field: string, code: string, message: string, messageEn: string): FieldProblem => ({ field, code, message, messageEn });
const notFound = () => failWith('not-found', 'shipment-not-found', 'Pengiriman tidak ditemukan', 'Shipment not found', 'state');
/** The shortest reason a return accepts (like a write-off's). */
const MIN_REASON = 5;

export async function moveShipment(ctx: Ctx, actor: Actor, shipmentId: string, input: ShipmentMove): Promise<Outcome<{ id: string; state: string; at: string }, FieldProblem>> {
  const office = officeFor(ctx, actor);
  if (!office.ok) return fail(office.error.kind, ...office.error.problems.map((p) => ({ ...p, field: p.field ?? 'state' })));
  const db = ctx.database.db;
  const shipment = await findShipment(db, office.value, shipmentId);
  if (!shipment) return notFound() as Outcome<never, FieldProblem>;
  const incident = await findIncident(db, office.value, shipment.incident_id);
  if (!incident) return notFound() as Outcome<never, FieldProblem>;
  if (incident.state !== 'open') return fail('conflict', problem('state', 'incident-closed', 'Kejadian ini sudah ditutup', 'This incident is closed'));
  const [from, to] = [SHIPMENT_STATE_NAMES[shipment.state as keyof typeof SHIPMENT_STATE_NAMES] ?? [shipment.state, shipment.state], SHIPMENT_STATE_NAMES[input.state]];
  if (!shipmentMayMove(shipment.state, input.state))
    return fail('conflict', problem('state', 'shipment-state', `Pengiriman ini berstatus "${from[0]}"; tidak dapat menjadi "${to[0]}"`, `This shipment is "${from[1]}"; it cannot become "${to[1]}"`));
  const now = nowOf(ctx);
  const at = input.at ? new Date(input.at) : now;
  const problems: FieldProblem[] = [];
  if (at.getTime() > now.getTime() + 60_000) problems.push(problem('at', 'at-in-future', 'Waktu tidak boleh di masa depan', 'The time cannot be in the future'));
  else if (at.toISOString() < shipment.updated_at) problems.push(problem('at', 'at-before-last', 'Waktu tidak boleh sebelum peristiwa sebelumnya pengiriman ini', "The time cannot be before this shipment's previous event"));
  if (input.state === 'returned' && (input.reason?.trim().length ?? 0) < MIN_REASON)
    problems.push(problem('reason', 'reason-required', 'Alasan pengembalian wajib diisi (paling sedikit 5 huruf), misalnya "jalan putus tertimbun longsor"', 'A reason for the return is required (at least 5 characters), e.g. "road cut by a landslide"'));
  if (problems.length) return fail('invalid', ...problems);
  const recordedAt = now.toISOString();
  const atIso = at.toISOString();
  const moved = await ctx.database.write(async (trx) => {
    if (!(await moveShipmentIfVersion(trx, shipment.id, shipment.version, input.state, atIso))) return false;
    if (input.state === 'returned') {
      // The incident's version guards its reconciliation against a concurrent handover of the same goods.
      if (!(await updateIncidentIfVersion(trx, incident.id, incident.version, {}))) throw new Changed();
      const picks = await movementRows(trx, shipment.movement_id);
      const movementId = randomUUID();
      for (const p of picks) await addToLot(trx, p.lot_id, -p.quantity);
      await insertMovements(
        trx,
        picks.map((p) => ({ id: randomUUID(), movement_id: movementId, office_id: office.value, warehouse_id: p.warehouse_id, item_id: p.item_id, lot_id: p.lot_id, kind: 'return', quantity: -p.quantity, reason: input.reason!.trim(), incident_id: incident.id, document: JSON.stringify({ shipment: shipment.id }), actor_id: actor.id, actor_name: actor.name, at: recordedAt })),
      );
    }
    await insertShipmentEvent(trx, { id: randomUUID(), shipment_id: shipment.id, office_id: office.value, state: input.state, at: atIso, recorded_at: recordedAt, lat: input.lat ?? null, lng: input.lng ?? null, note: (input.state === 'returned' ? input.reason : input.note)?.trim() || null, actor_id: actor.id, actor_name: actor.name });
    await insertAuditEvent(trx, { officeId: office.value, actor: actor.name, action: `logistics.shipment-${input.state}`, subject: `incident:${incident.id}`, detail: { shipment: shipment.id, at: atIso, lat: input.lat ?? null, lng: input.lng ?? null, note: input.note ?? null, reason: input.reason ?? null, actorId: actor.id }, at: recordedAt });
    return true;
  }).catch((e) => {
    if (e instanceof Changed) return false;
    throw e;
  });
  if (!moved) return fail('conflict', problem('state', 'shipment-changed', 'Pengiriman ini baru saja diubah petugas lain; muat ulang halaman', 'Another officer just changed this shipment; reload the page'));
  return { ok: true, value: { id: shipment.id, state: input.state, at: atIso } };
}

class Changed extends Error {}
