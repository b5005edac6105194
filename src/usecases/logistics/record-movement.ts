/**
 * One entry in the stock ledger: a receipt (with its berita acara penerimaan), a dispatch (earliest
 * expiry first, refused beyond stock), an adjustment after a stock count, a write-off with its
 * reason, or a return from an incident. Rows are only ever appended; each lot's balance moves in
 * the same transaction, conditionally, so of two dispatches racing for the last units one wins.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { addToLot, findIncident, findItem, findLot, findWarehouse, insertLot, insertMovements, lotsWithStock, takeFromLot, updateIncidentIfVersion, type ItemRow, type LotRow, type MovementInsert } from '../../db/logistics-repo.js';
import type { DB } from '../../db/schema.js';
import { fail, type Failure, type FieldProblem, type Outcome } from '../../domain/errors.js';
import { FUNDING_NAMES, MAX_QUANTITY, pickFefo, type FundingSource, type MovementKind, type Pick } from '../../domain/logistics/index.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { incidentNotFound, itemNotFound, officeFor, warehouseNotFound } from './logistics-common.js';
import { reconcileIncident } from './reconcile-incident.js';

export interface MovementInput {
  office?: string;
  warehouse: string;
  item: string;
  kind: MovementKind;
  quantity: number;
  lot?: string;
  expiresOn?: string;
  reason?: string;
  incident?: string;
  /** Receipts: the berita acara penerimaan. */
  funding?: FundingSource;
  condition?: string;
  handedOverBy?: string;
  receivedBy?: string;
}

export interface MovementDone {
  movement: string;
  kind: MovementKind;
  quantity: number;
  picks: { lot: string; quantity: number }[];
  /** The item's stock on hand in this warehouse after the movement. */
  onHand: number;
}

/** Lots a pick may read at once (a warehouse holds a handful of lots per item; a bound all the same). */
const MAX_LOTS = 200;
/** A lost race re-reads the lots and tries again this many times before answering. */
const ATTEMPTS = 5;

class Raced extends Error {}
class Short extends Error {
  constructor(readonly available: number) {
    super('short');
  }
}

const problem = (field: string, code: string, message: string, messageEn: string): FieldProblem => ({ field, code, message, messageEn });

function check(input: MovementInput): FieldProblem[] {
  const p: FieldProblem[] = [];
  const q = input.quantity;
  if (!Number.isInteger(q) || Math.abs(q) > MAX_QUANTITY)
    p.push(problem('quantity', 'quantity-invalid', `Jumlah harus bilangan bulat, paling banyak ${MAX_QUANTITY.toLocaleString('id-ID')}`, `The quantity must be a whole number, at most ${MAX_QUANTITY.toLocaleString('en')}`));
  else if (input.kind === 'adjustment' ? q === 0 : q <= 0)
    p.push(input.kind === 'adjustment' ? problem('quantity', 'quantity-zero', 'Penyesuaian tidak boleh nol: isi selisih hitung (+ atau −)', 'An adjustment cannot be zero: give the counted difference (+ or −)') : problem('quantity', 'quantity-positive', 'Jumlah harus lebih dari nol', 'The quantity must be more than zero'));
  if (input.kind === 'receipt') {
    if (!input.funding) p.push(problem('funding', 'funding-required', 'Sumber dana wajib diisi (APBN, APBD provinsi, APBD kabupaten/kota, donasi/PUB)', 'The funding source is required (APBN, provincial APBD, district APBD, donation/PUB)'));
    if (!input.condition) p.push(problem('condition', 'condition-required', 'Keadaan barang wajib dicatat dalam berita acara penerimaan', 'The condition of the goods is required on the receipt record'));
    if (!input.handedOverBy?.trim()) p.push(problem('handedOverBy', 'handed-over-by-required', 'Nama yang menyerahkan barang wajib diisi', 'Who handed the goods over is required'));
  } else if (input.expiresOn) p.push(problem('expiresOn', 'expiry-receipt-only', 'Tanggal kedaluwarsa hanya dicatat saat penerimaan', 'An expiry date is only recorded on receipt'));
  if ((input.kind === 'adjustment' || input.kind === 'write-off') && (input.reason?.trim().length ?? 0) < 5)
    p.push(problem('reason', 'reason-required', 'Alasan wajib diisi (paling sedikit 5 huruf), misalnya "rusak terendam banjir"', 'A reason is required (at least 5 characters), e.g. "damaged by flood water"'));
  if (input.kind === 'return' && !input.incident) p.push(problem('incident', 'incident-required', 'Pengembalian harus menyebut kejadian asal barang', 'A return must name the incident the goods come back from'));
  if ((input.kind === 'return' || (input.kind === 'adjustment' && q > 0)) && !input.lot) p.push(problem('lot', 'lot-required', 'Sebutkan lot tujuan barang', 'Name the lot the goods go to'));
  return p;
}

async function record(ctx: Ctx, actor: Actor, input: MovementInput): Promise<Outcome<MovementDone, FieldProblem>> {
  const office = officeFor(ctx, actor, input.office);
  if (!office.ok) return withField(office);
  const problems = check(input);
  if (problems.length) return fail('invalid', ...problems);
  const db = ctx.database.db;
  const warehouse = await findWarehouse(db, office.value, input.warehouse);
  if (!warehouse) return withField(warehouseNotFound());
  const item = await findItem(db, office.value, input.item);
  if (!item) return withField(itemNotFound());
  let incidentVersion: number | null = null;
  if (input.incident) {
    const incident = await findIncident(db, office.value, input.incident);
    if (!incident) return withField(incidentNotFound());
    if (incident.state !== 'open' && input.kind === 'dispatch') return fail('conflict', problem('incident', 'incident-closed', 'Kejadian ini sudah ditutup; tidak ada lagi pengeluaran untuknya', 'This incident is closed; nothing more is dispatched to it'));
    if (input.kind === 'return') {
      // Only what is still in the field can come back; the incident's version guards it against a concurrent handover.
      const left = (await reconcileIncident(db, office.value, incident.id)).find((r) => r.item === item.id)?.outstanding ?? 0;
      if (input.quantity > left) return fail('invalid', problem('quantity', 'return-exceeds-outstanding', `${item.name}: yang masih di lapangan untuk kejadian ini hanya ${left} ${item.unit}`, `${item.name}: only ${left} ${item.unit} are still in the field for this incident`));
      incidentVersion = incident.version;
    }
  }
  const now = nowOf(ctx).toISOString();
  const movementId = randomUUID();
  for (let attempt = 1; ; attempt++) {
    try {
      const picks = await ctx.database.write(async (trx) => {
        if (incidentVersion !== null && !(await updateIncidentIfVersion(trx, input.incident!, incidentVersion, {}))) throw new Raced();
        const picks = await apply(trx, { input, item, warehouseId: warehouse.id, officeId: office.value, movementId, now, actor });
        await insertAuditEvent(trx, {
          officeId: office.value,
          actor: actor.name,
          action: `logistics.${input.kind}`,
          subject: `warehouse:${warehouse.id}`,
          detail: { movement: movementId, item: item.code, quantity: input.quantity, picks, incident: input.incident ?? null, reason: input.reason ?? null, actorId: actor.id },
          at: now,
        });
        return picks;
      });
      const onHand = (await lotsWithStock(db, warehouse.id, item.id, MAX_LOTS)).reduce((s, l) => s + l.on_hand, 0);
      return { ok: true, value: { movement: movementId, kind: input.kind, quantity: input.quantity, picks: picks.map((p) => ({ lot: p.lotCode, quantity: p.quantity })), onHand } };
    } catch (e) {
      if (e instanceof Short) return insufficient(item, Math.abs(input.quantity), e.available, input.lot);
      if (e instanceof Raced && attempt < ATTEMPTS) continue;
      if (e instanceof Raced) return fail('conflict', problem('quantity', 'stock-busy', 'Stok barang ini sedang diubah petugas lain; coba lagi', 'Another officer is changing this stock; try again'));
      throw e;
    }
  }
}

const withField = (f: { ok: false; error: Failure }) => fail(f.error.kind, ...f.error.problems.map((p) => ({ ...p, field: p.field ?? 'warehouse' })));

function insufficient(item: ItemRow, wanted: number, available: number, lot?: string) {
  const where = lot ? ` di lot ${lot}` : '';
  const whereEn = lot ? ` in lot ${lot}` : '';
  return fail(
    'invalid',
    problem('quantity', 'insufficient-stock', `Stok tidak cukup: ${item.name} tersedia ${available} ${item.unit}${where}, diminta ${wanted}`, `Not enough stock: ${item.name} has ${available} ${item.unit}${whereEn}, ${wanted} requested`),
  );
}

/** The ledger rows and lot balances of one movement, inside its transaction. */
async function apply(
  trx: Transaction<DB>,
  m: { input: MovementInput; item: ItemRow; warehouseId: string; officeId: string; movementId: string; now: string; actor: Actor },
): Promise<Pick[]> {
  const { input } = m;
  const row = (lot: Pick, quantity: number, document: Record<string, unknown> | null): MovementInsert => ({
    id: randomUUID(),
    movement_id: m.movementId,
    office_id: m.officeId,
    warehouse_id: m.warehouseId,
    item_id: m.item.id,
    lot_id: lot.lotId,
    kind: input.kind,
    quantity,
    reason: input.reason?.trim() || null,
    incident_id: input.incident ?? null,
    document: document ? JSON.stringify(document) : null,
    actor_id: m.actor.id,
    actor_name: m.actor.name,
    at: m.now,
  });
  if (input.kind === 'receipt') {
    const funding = input.funding!;
    const code = input.lot?.trim() || `${input.expiresOn ?? 'tanpa-kedaluwarsa'}/${funding}`;
    let lot = await findLot(trx, m.warehouseId, m.item.id, code);
    if (lot && (lot.expires_on ?? null) !== (input.expiresOn ?? null)) throw new LotMismatch(lot);
    if (!lot) {
      lot = { id: randomUUID(), office_id: m.officeId, warehouse_id: m.warehouseId, item_id: m.item.id, lot_code: code, expires_on: input.expiresOn ?? null, funding, received_at: m.now, on_hand: 0 };
      await insertLot(trx, lot);
    }
    await addToLot(trx, lot.id, input.quantity);
    const pick = { lotId: lot.id, lotCode: code, quantity: input.quantity };
    // The berita acara penerimaan: what (the row's item and quantity), condition, who handed over, who received.
    await insertMovements(trx, [row(pick, input.quantity, { beritaAcara: 'penerimaan', funding: FUNDING_NAMES[funding], condition: input.condition, handedOverBy: input.handedOverBy!.trim(), receivedBy: input.receivedBy?.trim() || m.actor.name })]);
    return [pick];
  }
  if (input.kind === 'return' || (input.kind === 'adjustment' && input.quantity > 0)) {
    const lot = await findLot(trx, m.warehouseId, m.item.id, input.lot!.trim());
    if (!lot) throw new NoLot(input.lot!);
    await addToLot(trx, lot.id, input.quantity);
    const pick = { lotId: lot.id, lotCode: lot.lot_code, quantity: input.quantity };
    await insertMovements(trx, [row(pick, input.quantity, input.kind === 'adjustment' ? { beritaAcara: 'stock-opname' } : null)]);
    return [pick];
  }
  // Dispatch, write-off, negative adjustment: out of the named lot, or earliest expiry first.
  const wanted = Math.abs(input.quantity);
  let lots: LotRow[] = await lotsWithStock(trx, m.warehouseId, m.item.id, MAX_LOTS);
  if (input.lot) {
    lots = lots.filter((l) => l.lot_code === input.lot!.trim());
    if (!lots.length && !(await findLot(trx, m.warehouseId, m.item.id, input.lot.trim()))) throw new NoLot(input.lot);
  }
  const picks = pickFefo(lots.map((l) => ({ id: l.id, lotCode: l.lot_code, expiresOn: l.expires_on, receivedAt: l.received_at, onHand: l.on_hand })), wanted);
  if (!picks) throw new Short(lots.reduce((s, l) => s + l.on_hand, 0));
  for (const p of picks) if (!(await takeFromLot(trx, p.lotId, p.quantity))) throw new Raced();
  const document = input.kind === 'write-off' ? { beritaAcara: 'penghapusan', reason: input.reason!.trim() } : input.kind === 'adjustment' ? { beritaAcara: 'stock-opname' } : null;
  await insertMovements(trx, picks.map((p) => row(p, -p.quantity, document)));
  return picks;
}

class LotMismatch extends Error {
  constructor(readonly lot: LotRow) {
    super('lot-mismatch');
  }
}
class NoLot extends Error {
  constructor(readonly code: string) {
    super('no-lot');
  }
}

/** Records the movement; a lot that does not fit, found inside the transaction, is answered beside its field. */
export async function recordMovement(ctx: Ctx, actor: Actor, input: MovementInput): Promise<Outcome<MovementDone, FieldProblem>> {
  try {
    return await record(ctx, actor, input);
  } catch (e) {
    if (e instanceof LotMismatch)
      return fail('invalid', problem('expiresOn', 'lot-expiry-mismatch', `Lot ${e.lot.lot_code} sudah tercatat dengan tanggal kedaluwarsa ${e.lot.expires_on ?? '(tanpa)'}; pakai kode lot lain`, `Lot ${e.lot.lot_code} is recorded with expiry ${e.lot.expires_on ?? '(none)'}; use another lot code`));
    if (e instanceof NoLot) return fail('invalid', problem('lot', 'lot-not-found', `Lot ${e.code} tidak ada untuk barang ini di gudang ini`, `Lot ${e.code} does not exist for this item in this warehouse`));
    throw e;
  }
}
