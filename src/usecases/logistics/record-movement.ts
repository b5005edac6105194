/**
 * One entry in the stock ledger: a receipt (with its berita acara penerimaan), a dispatch (earliest
 * expiry first, refused beyond stock), an adjustment after a stock count, a write-off with its
 * reason, or a return from an incident. Rows are only ever appended; each lot's balance moves in
 * the same transaction, conditionally, so of two dispatches racing for the last units one wins.
 * A receipt and a write-off issue their numbered berita acara in that transaction; a dispatch to an
 * incident starts its shipment (dispatched → in transit → arrived → handed over); a lumbung whose
 * release gate asks for it lets goods out only to an incident with a declared emergency status.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { addToLot, findIncident, findItem, findLot, findWarehouse, insertDocument, insertLot, insertMovements, insertShipment, insertShipmentEvent, lotsWithStock, takeFromLot, updateIncidentIfVersion, type IncidentRow, type ItemRow, type LotRow, type MovementInsert, type WarehouseRow } from '../../db/logistics-repo.js';
import type { DB } from '../../db/schema.js';
import { fail, type Failure, type FieldProblem, type Outcome } from '../../domain/errors.js';
import { stockDocumentText } from '../../domain/logistics/documents.js';
import { FUNDING_NAMES, MAX_QUANTITY, pickFefo, releaseAllowed, type EmergencyStatus, type FundingSource, type MovementKind, type Pick } from '../../domain/logistics/index.js';
import { roleMay } from '../../domain/staff/permissions.js';
import { ensureSigningCredential, type SigningCredential } from '../signing/signing-credential.js';
import { issueBeritaAcara } from './issue-berita-acara.js';
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
  /** Dispatches to an incident: where the shipment goes (default: the incident's location). */
  destination?: string;
  /** Write-offs: the witness named on the berita acara penghapusan. */
  witness?: string;
}

export interface MovementDone {
  movement: string;
  kind: MovementKind;
  quantity: number;
  picks: { lot: string; quantity: number }[];
  /** The item's stock on hand in this warehouse after the movement. */
  onHand: number;
  /** The receipt's or write-off's numbered berita acara. */
  document?: { id: string; number: string };
  /** The shipment a dispatch to an incident starts. */
  shipment?: string;
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
  } else if (input.condition && input.kind !== 'write-off') p.push(problem('condition', 'condition-receipt-only', 'Keadaan barang dicatat saat penerimaan atau penghapusan', 'The condition is recorded on a receipt or a write-off'));
  if (input.kind !== 'receipt' && input.expiresOn) p.push(problem('expiresOn', 'expiry-receipt-only', 'Tanggal kedaluwarsa hanya dicatat saat penerimaan', 'An expiry date is only recorded on receipt'));
  if ((input.kind === 'adjustment' || input.kind === 'write-off') && (input.reason?.trim().length ?? 0) < 5)
    p.push(problem('reason', 'reason-required', 'Alasan wajib diisi (paling sedikit 5 huruf), misalnya "rusak terendam banjir"', 'A reason is required (at least 5 characters), e.g. "damaged by flood water"'));
  if (input.destination && !(input.kind === 'dispatch' && input.incident)) p.push(problem('destination', 'destination-needs-incident', 'Tujuan pengiriman hanya untuk pengeluaran ke kejadian bencana', 'A destination is only for a dispatch to a disaster incident'));
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
  let incident: IncidentRow | undefined;
  if (input.incident) {
    incident = await findIncident(db, office.value, input.incident);
    if (!incident) return withField(incidentNotFound());
    if (incident.state !== 'open') return fail('conflict', problem('incident', 'incident-closed', 'Kejadian ini sudah ditutup; tidak ada lagi mutasi untuknya', 'This incident is closed; nothing more moves for it'));
    if (input.kind === 'return') {
      // Only what is still in the field can come back; the incident's version guards it against a concurrent handover.
      const left = (await reconcileIncident(db, office.value, incident.id)).find((r) => r.item === item.id)?.outstanding ?? 0;
      if (input.quantity > left) return fail('invalid', problem('quantity', 'return-exceeds-outstanding', `${item.name}: yang masih di lapangan untuk kejadian ini hanya ${left} ${item.unit}`, `${item.name}: only ${left} ${item.unit} are still in the field for this incident`));
      incidentVersion = incident.version;
    }
  }
  if (input.kind === 'dispatch') {
    const gate = releaseGate(warehouse, incident);
    if (gate) return gate;
  }
  const now = nowOf(ctx).toISOString();
  let credential: SigningCredential | null = null;
  if ((input.kind === 'receipt' || input.kind === 'write-off') && actor.id) {
    const c = await ensureSigningCredential(ctx, office.value, actor.id, now, actor.name);
    if (!c.ok) return fail(c.error.kind, ...c.error.problems.map((p) => ({ ...p, field: p.field ?? 'quantity' })));
    credential = c.value;
  }
  const movementId = randomUUID();
  for (let attempt = 1; ; attempt++) {
    try {
      const done = await ctx.database.write(async (trx) => {
        if (incidentVersion !== null && !(await updateIncidentIfVersion(trx, input.incident!, incidentVersion, {}))) throw new Raced();
        const picks = await apply(trx, { input, item, warehouseId: warehouse.id, officeId: office.value, movementId, now, actor });
        const document = credential ? await documentOf(ctx, trx, { input, item, warehouse, officeId: office.value, movementId, now, actor, credential, picks }) : undefined;
        let shipment: string | undefined;
        if (input.kind === 'dispatch' && incident) {
          shipment = randomUUID();
          await insertShipment(trx, { id: shipment, office_id: office.value, incident_id: incident.id, warehouse_id: warehouse.id, item_id: item.id, movement_id: movementId, quantity: input.quantity, destination: input.destination?.trim() || incident.location_text, state: 'dispatched', dispatched_at: now, updated_at: now, version: 1 });
          await insertShipmentEvent(trx, { id: randomUUID(), shipment_id: shipment, office_id: office.value, state: 'dispatched', at: now, recorded_at: now, lat: null, lng: null, note: null, actor_id: actor.id, actor_name: actor.name });
        }
        await insertAuditEvent(trx, {
          officeId: office.value,
          actor: actor.name,
          action: `logistics.${input.kind}`,
          subject: `warehouse:${warehouse.id}`,
          detail: { movement: movementId, item: item.code, quantity: input.quantity, picks, incident: input.incident ?? null, reason: input.reason ?? null, document: document?.number ?? null, shipment: shipment ?? null, actorId: actor.id },
          at: now,
        });
        return { picks, document, shipment };
      });
      const onHand = (await lotsWithStock(db, warehouse.id, item.id, MAX_LOTS)).reduce((s, l) => s + l.on_hand, 0);
      return { ok: true, value: { movement: movementId, kind: input.kind, quantity: input.quantity, picks: done.picks.map((p) => ({ lot: p.lotCode, quantity: p.quantity })), onHand, ...(done.document ? { document: done.document } : {}), ...(done.shipment ? { shipment: done.shipment } : {}) } };
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

/**
 * The lumbung release gate: a warehouse that asks for a declared emergency status lets goods out
 * only to an incident that has one. Refused beside the incident field, where the officer can act.
 */
function releaseGate(warehouse: WarehouseRow, incident: IncidentRow | undefined) {
  const status = incident?.emergency_status ? (JSON.parse(incident.emergency_status) as EmergencyStatus) : null;
  if (releaseAllowed(warehouse.release_gate, status)) return null;
  return fail(
    'invalid',
    problem(
      'incident',
      'release-gate-closed',
      incident
        ? `${warehouse.name} hanya mengeluarkan barang setelah status tanggap darurat ditetapkan; catat dulu penetapan status untuk kejadian "${incident.title}"`
        : `${warehouse.name} hanya mengeluarkan barang untuk kejadian bencana yang status tanggap daruratnya sudah ditetapkan; pilih kejadiannya`,
      incident
        ? `${warehouse.name} releases goods only once an emergency response status is declared; record the declaration for the incident "${incident.title}" first`
        : `${warehouse.name} releases goods only to a disaster incident whose emergency response status is declared; choose the incident`,
    ),
  );
}

/** The numbered berita acara of a receipt or a write-off, issued in the movement's transaction. */
async function documentOf(
  ctx: Ctx,
  trx: Transaction<DB>,
  m: { input: MovementInput; item: ItemRow; warehouse: WarehouseRow; officeId: string; movementId: string; now: string; actor: Actor; credential: SigningCredential; picks: Pick[] },
): Promise<{ id: string; number: string } | undefined> {
  const { input } = m;
  if ((input.kind !== 'receipt' && input.kind !== 'write-off') || !m.actor.id) return undefined;
  const kind = input.kind === 'receipt' ? 'penerimaan' : 'penghapusan';
  const lines: { lot: string; expiresOn: string | null; quantity: number }[] = [];
  for (const p of m.picks) lines.push({ lot: p.lotCode, expiresOn: (await findLot(trx, m.warehouse.id, m.item.id, p.lotCode))?.expires_on ?? null, quantity: p.quantity });
  const office = ctx.catalogue.officeById(m.officeId).office;
  const role = m.actor.roles.find((r) => roleMay(r, 'logistics.stock')) ?? m.actor.roles[0]!;
  const issued = await issueBeritaAcara(ctx, trx, {
    office,
    officeId: m.officeId,
    userId: m.actor.id,
    role,
    credential: m.credential,
    now: m.now,
    party: kind === 'penerimaan' ? 'PIHAK KEDUA,' : 'Petugas gudang,',
    publicCopy: false,
    text: (signer, issuedOn) =>
      stockDocumentText({
        kind,
        officeName: office.name,
        warehouseName: m.warehouse.name,
        issuedOn,
        item: { code: m.item.code, name: m.item.name, unit: m.item.unit },
        lines,
        funding: input.funding ? FUNDING_NAMES[input.funding] : undefined,
        condition: input.condition,
        reason: input.reason?.trim(),
        handedOverBy: input.handedOverBy?.trim(),
        receivedBy: input.receivedBy?.trim() || undefined,
        witness: input.witness?.trim() || undefined,
        recordedBy: { name: signer.name, title: signer.title },
      }),
  });
  const id = randomUUID();
  await insertDocument(trx, { id, office_id: m.officeId, warehouse_id: m.warehouse.id, movement_id: m.movementId, kind, number: issued.number, number_seq: issued.seq, counter: issued.counter, token: issued.token, issued_on: issued.issuedOn, sha256: issued.sha256, at: m.now });
  return { id, number: issued.number };
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
  const document = input.kind === 'write-off' ? { beritaAcara: 'penghapusan', reason: input.reason!.trim(), condition: input.condition ?? null, witness: input.witness?.trim() || null } : input.kind === 'adjustment' ? { beritaAcara: 'stock-opname' } : null;
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
