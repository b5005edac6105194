/**
 * One incident: the report, TAGANA's assessment, needs and plan, the reconciliation per item, the
 * handovers with their berita acara numbers, and the victim list. The victim list is personal data
 * (names, NIK): its read is logged with the purpose "aid distribution" before it is answered.
 * Also its shipments with their journey (dispatched, in transit, arrived, handed over or returned),
 * the declared emergency status, the decreed case it serves and, once closed, the closure summary.
 */
import { findIncident, handoversOf, shipmentEventsOf, shipmentsOf, victimsOf } from '../../db/logistics-repo.js';
import type { Outcome } from '../../domain/errors.js';
import { MAX_ROWS } from '../../domain/logistics/index.js';
import { logDataRead } from '../audit/log-data-read.js';
import type { Actor, Ctx } from '../context.js';
import { caseRef } from './incident-case.js';
import { incidentNotFound, officeFor } from './logistics-common.js';
import { MAX_HANDOVERS, reconcileIncident, type ItemReconciliation } from './reconcile-incident.js';

const parse = (s: string | null) => (s ? (JSON.parse(s) as Record<string, unknown>) : null);

export async function showIncident(ctx: Ctx, actor: Actor, incidentId: string) {
  const office = officeFor(ctx, actor);
  if (!office.ok) return office;
  const db = ctx.database.db;
  const incident = await findIncident(db, office.value, incidentId);
  if (!incident) return incidentNotFound();
  const [reconciliation, handovers, victims, shipments, events] = await Promise.all([reconcileIncident(db, office.value, incident.id), handoversOf(db, incident.id, MAX_HANDOVERS), victimsOf(db, incident.id, MAX_ROWS), shipmentsOf(db, incident.id, MAX_ROWS), shipmentEventsOf(db, incident.id, MAX_ROWS * 5)]);
  if (victims.length) await logDataRead(ctx, actor, { officeId: office.value, recordKind: 'disaster-victim', recordId: incident.id, purpose: 'aid-distribution', action: 'read', fields: ['nik', 'name', 'village'] });
  const stored = ctx.catalogue.officeById(office.value).office;
  return {
    ok: true,
    value: {
      incident: {
        id: incident.id,
        title: incident.title,
        source: incident.source,
        reportedAt: incident.reported_at,
        reportedAtLocal: ctx.clock.local(stored, incident.reported_at),
        location: { text: incident.location_text, lat: incident.lat, lng: incident.lng },
        description: incident.description,
        state: incident.state,
        assessment: parse(incident.assessment),
        needs: parse(incident.needs),
        plan: parse(incident.plan),
        emergencyStatus: parse(incident.emergency_status),
        closure: parse(incident.closure),
        case: incident.application_id ? await caseRef(ctx, office.value, incident.application_id) : null,
      },
      shipments: shipments.map((s) => ({
        id: s.id,
        item: s.item_id,
        code: s.code,
        name: s.name,
        unit: s.unit,
        warehouse: s.warehouse_name,
        quantity: s.quantity,
        destination: s.destination,
        state: s.state,
        events: events.filter((e) => e.shipment_id === s.id).map((e) => ({ state: e.state, at: e.at, atLocal: ctx.clock.local(stored, e.at), lat: e.lat, lng: e.lng, note: e.note, by: e.actor_name })),
      })),
      reconciliation: reconciliation satisfies ItemReconciliation[],
      handovers: handovers.map((h) => ({ id: h.id, number: h.number, mode: h.mode, place: h.place, issuedOn: h.issued_on, handedBy: h.handed_by, receivedBy: JSON.parse(h.received_by) as { name: string; title?: string }, items: JSON.parse(h.items) as { code: string; name: string; unit: string; quantity: number }[], token: h.token })),
      victims: victims.map((v) => ({ id: v.id, nik: v.nik, name: v.name, village: v.village, familySize: v.family_size, vulnerable: v.vulnerable, handovers: Number(v.handovers) })),
    },
  } satisfies Outcome<unknown>;
}
