/**
 * Hands aid over at the site (Jambi 1 step 4, Kutai Kartanegara 6 step 5): to a posko in bulk or per
 * family with a victim list (with or without NIK; each victim once per incident however many
 * handovers reach them). Only what was dispatched to the incident and is still outstanding can be
 * handed over. The Berita Acara Serah Terima is numbered in the office's letter register, rendered
 * on the letterhead with a QR code and signed by the handing officer (PAdES), in the same
 * transaction as the handover row and its audit row; two copies: NIK in full, and NIK masked for the QR.
 * Naming an arrived shipment closes its journey: it becomes handed over in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { findIncident, findItem, findShipment, insertHandover, insertShipmentEvent, linkVictim, moveShipmentIfVersion, updateIncidentIfVersion, victimFor, type ShipmentRow } from '../../db/logistics-repo.js';
import { fail, failWith, type FieldProblem, type Outcome } from '../../domain/errors.js';
import { handoverText, type HandoverText } from '../../domain/logistics/documents.js';
import { victimKey } from '../../domain/logistics/index.js';
import { roleMay } from '../../domain/staff/permissions.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { ensureSigningCredential } from '../signing/signing-credential.js';
import { completeDeliverStep, type StepCompletion } from './incident-case.js';
import { issueBeritaAcara } from './issue-berita-acara.js';
import { incidentNotFound, officeFor } from './logistics-common.js';
import { reconcileIncident } from './reconcile-incident.js';

export interface HandoverInput {
  mode: 'posko' | 'families';
  place: string;
  receivedBy: { name: string; title?: string };
  items: { item: string; quantity: number }[];
  victims?: { nik?: string; name: string; village?: string; familySize?: number; vulnerable?: string }[];
  /** The shipment whose arrival this hands over: it must have arrived, and becomes handed over. */
  shipment?: string;
}

class Changed extends Error {}

export async function handOverAid(ctx: Ctx, actor: Actor, incidentId: string, input: HandoverInput): Promise<Outcome<{ id: string; number: string; victimsNew: number; victimsAgain: number; caseStep: StepCompletion }, FieldProblem>> {
  const office = officeFor(ctx, actor);
  if (!office.ok || !actor.id) return fail('forbidden', { field: 'items', code: 'office-required', message: 'Akun ini tidak terikat pada kantor', messageEn: 'This account belongs to no office' });
  const db = ctx.database.db;
  const incident = await findIncident(db, office.value, incidentId);
  if (!incident) return fail('not-found', { field: 'items', ...incidentNotFound().error.problems[0]! });
  if (incident.state !== 'open') return fail('conflict', { field: 'items', code: 'incident-closed', message: 'Kejadian ini sudah ditutup', messageEn: 'This incident is closed' });
  const problems: FieldProblem[] = [];
  if (input.mode === 'families' && !input.victims?.length) problems.push({ field: 'victims', code: 'victims-required', message: 'Penyerahan per keluarga memerlukan daftar korban', messageEn: 'A per-family handover needs the victim list' });
  input.victims?.forEach((v, i) => {
    if (v.nik && !/^\d{16}$/.test(v.nik)) problems.push({ field: 'victims', code: 'nik-invalid', message: `Baris ${i + 1}: NIK ${v.nik} tidak sah (16 angka); kosongkan bila tidak ada`, messageEn: `Row ${i + 1}: NIK ${v.nik} is not valid (16 digits); leave it empty if there is none` });
  });
  let shipment: ShipmentRow | undefined;
  if (input.shipment) {
    shipment = await findShipment(db, office.value, input.shipment);
    if (!shipment || shipment.incident_id !== incident.id) problems.push({ field: 'shipment', code: 'shipment-not-found', message: 'Pengiriman tidak ditemukan untuk kejadian ini', messageEn: 'Shipment not found for this incident' });
    else if (shipment.state !== 'arrived')
      return fail('conflict', { field: 'shipment', code: 'shipment-not-arrived', message: 'Pengiriman ini belum tercatat tiba di posko; catat kedatangannya dulu', messageEn: 'This shipment is not recorded as arrived; record its arrival first' });
    else if (input.items.some((x) => x.item !== shipment!.item_id || x.quantity > shipment!.quantity))
      problems.push({ field: 'items', code: 'exceeds-shipment', message: `Serah terima dari pengiriman ini hanya untuk barangnya, paling banyak ${shipment.quantity}`, messageEn: `A handover from this shipment covers its own item only, at most ${shipment.quantity}` });
  }
  const outstanding = new Map((await reconcileIncident(db, office.value, incident.id)).map((r) => [r.item, r]));
  const items: (HandoverText['items'][number] & { item: string })[] = [];
  for (const x of input.items) {
    const item = await findItem(db, office.value, x.item);
    const left = outstanding.get(x.item)?.outstanding ?? 0;
    if (!item) problems.push({ field: 'items', code: 'item-not-found', message: 'Barang tidak ditemukan di katalog kantor', messageEn: "Item not found in the office's catalogue" });
    else if (x.quantity > left)
      problems.push({ field: 'items', code: 'insufficient-stock', message: `${item.name}: yang sudah dikeluarkan untuk kejadian ini dan belum diserahkan hanya ${left} ${item.unit}, diminta ${x.quantity}`, messageEn: `${item.name}: only ${left} ${item.unit} dispatched to this incident are not yet handed over, ${x.quantity} requested` });
    else items.push({ item: item.id, code: item.code, name: item.name, unit: item.unit, quantity: x.quantity });
  }
  if (problems.length) return fail('invalid', ...problems);
  const now = nowOf(ctx).toISOString();
  const credential = await ensureSigningCredential(ctx, office.value, actor.id, now, actor.name);
  if (!credential.ok) return fail(credential.error.kind, ...credential.error.problems.map((p) => ({ field: 'items', ...p })));
  const stored = ctx.catalogue.officeById(office.value).office;
  const role = actor.roles.find((r) => roleMay(r, 'logistics.distribute')) ?? actor.roles[0]!;
  const victims = (input.victims ?? []).map((v) => ({ nik: v.nik || null, name: v.name, village: v.village || null, familySize: v.familySize ?? null, vulnerable: v.vulnerable || null }));
  try {
    const done = await ctx.database.write(async (trx) => {
        // The incident's version guards the outstanding quantities read above against a concurrent handover.
        if (!(await updateIncidentIfVersion(trx, incident.id, incident.version, {}))) throw new Changed();
        if (shipment && !(await moveShipmentIfVersion(trx, shipment.id, shipment.version, 'handed-over', now))) throw new Changed();
        const issued = await issueBeritaAcara(ctx, trx, {
          office: stored,
          officeId: office.value,
          userId: actor.id!,
          role,
          credential: credential.value,
          now,
          party: 'PIHAK PERTAMA,',
          publicCopy: true,
          text: (signer, issuedOn, masked) => handoverText({ officeName: stored.name, incidentTitle: incident.title, location: incident.location_text, place: input.place, mode: input.mode, issuedOn, handedBy: { name: signer.name, title: signer.title }, receivedBy: input.receivedBy, items, victims } satisfies HandoverText, masked),
        });
        const { number } = issued;
        const full = { sha256: issued.sha256 };
        const pub = { sha256: issued.publicSha256 };
        const id = randomUUID();
        await insertHandover(trx, { id, incident_id: incident.id, office_id: office.value, mode: input.mode, place: input.place, items: JSON.stringify(items), handed_by: issued.signer.name, received_by: JSON.stringify(input.receivedBy), number, number_seq: issued.seq, counter: issued.counter, token: issued.token, issued_on: issued.issuedOn, sha256: full.sha256, public_sha256: pub.sha256, actor_id: actor.id, at: now });
        if (shipment) await insertShipmentEvent(trx, { id: randomUUID(), shipment_id: shipment.id, office_id: office.value, state: 'handed-over', at: now, recorded_at: now, lat: null, lng: null, note: `${number} — ${input.receivedBy.name}`, actor_id: actor.id, actor_name: actor.name });
        let victimsNew = 0;
        for (const v of victims) {
          const found = await victimFor(trx, { incident_id: incident.id, office_id: office.value, dedupe_key: victimKey(v), nik: v.nik, name: v.name, village: v.village, family_size: v.familySize, vulnerable: v.vulnerable, created_at: now });
          if (found.created) victimsNew++;
          await linkVictim(trx, id, found.id);
        }
        await insertAuditEvent(trx, { officeId: office.value, actor: actor.name, action: 'logistics.handover', subject: `incident:${incident.id}`, detail: { handover: id, number, shipment: shipment?.id ?? null, mode: input.mode, place: input.place, items: items.map((x) => ({ code: x.code, quantity: x.quantity })), victims: victims.length, victimsNew, sha256: full.sha256, publicSha256: pub.sha256, actorId: actor.id }, at: now });
        return { id, number, victimsNew, victimsAgain: victims.length - victimsNew };
    });
    // After the handover's own transaction: the case's step is the case's, moved by the one completeTask.
    return { ok: true, value: { ...done, caseStep: await completeDeliverStep(ctx, actor, office.value, incident.application_id, done.number) } };
  } catch (e) {
    if (e instanceof Changed) return fail('conflict', { field: 'items', ...failWith('conflict', 'incident-changed', 'Kejadian ini baru saja diubah petugas lain; muat ulang halaman', 'Another officer just changed this incident; reload the page').error.problems[0]! });
    throw e;
  }
}
