/** The zod schemas of the logistics API: one definition for validation, types, OpenAPI and the HTML forms shaped like them. */
import { z } from 'zod';
import { CONDITIONS, FUNDING_SOURCES, INCIDENT_SOURCES, MAX_QUANTITY, MOVEMENT_KINDS, RELEASE_GATES, SHIPMENT_STATES, UNITS, WAREHOUSE_KINDS } from '../../domain/logistics/index.js';

export const BODY_LIMIT = 32 * 1024;

const text = (max: number) => z.string().trim().max(max);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const warehouseBody = z.object({
  office: z.string().max(100),
  name: text(120).min(3),
  kind: z.enum(WAREHOUSE_KINDS),
  area: text(200).optional(),
  custodian: text(120).optional(),
  releaseGate: z.enum(RELEASE_GATES).optional(),
});
export const warehouseCreated = z.object({ id: z.string(), name: z.string(), kind: z.enum(WAREHOUSE_KINDS), releaseGate: z.enum(RELEASE_GATES) });

export const itemBody = z.object({
  office: z.string().max(100),
  code: z.string().trim().min(2).max(40).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/),
  name: text(120).min(3),
  unit: z.enum(UNITS),
});
export const itemCreated = z.object({ id: z.string(), code: z.string(), name: z.string(), unit: z.enum(UNITS) });

export const movementBody = z.object({
  office: z.string().max(100).optional(),
  warehouse: z.string().max(100),
  item: z.string().max(100),
  kind: z.enum(MOVEMENT_KINDS),
  quantity: z.number().int().min(-MAX_QUANTITY).max(MAX_QUANTITY),
  lot: text(60).min(1).optional(),
  expiresOn: date.optional(),
  reason: text(1000).optional(),
  incident: z.string().max(100).optional(),
  funding: z.enum(FUNDING_SOURCES).optional(),
  condition: z.enum(CONDITIONS).optional(),
  handedOverBy: text(200).optional(),
  receivedBy: text(200).optional(),
  destination: text(300).min(3).optional(),
  witness: text(200).optional(),
});
export const movementDone = z.object({
  movement: z.string(),
  kind: z.enum(MOVEMENT_KINDS),
  quantity: z.number().int(),
  picks: z.array(z.object({ lot: z.string(), quantity: z.number().int() })),
  onHand: z.number().int(),
  document: z.object({ id: z.string(), number: z.string() }).optional(),
  shipment: z.string().optional(),
});

export const minimumBody = z.object({ item: z.string().max(100), minimum: z.number().int().min(0).max(MAX_QUANTITY) });

const lot = z.object({ lot: z.string(), expiresOn: z.string().nullable(), funding: z.string(), onHand: z.number().int(), expiry: z.union([z.literal('expired'), z.number().int()]).nullable() });
export const stockLine = z.object({
  item: z.string(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  onHand: z.number().int(),
  minimum: z.number().int().nullable(),
  belowMinimum: z.boolean(),
  lots: z.array(lot),
});
export const stockList = z.array(stockLine);

const lat = z.number().min(-90).max(90);
const lng = z.number().min(-180).max(180);

export const incidentBody = z.object({
  office: z.string().max(100).optional(),
  title: text(200).min(5),
  source: z.enum(INCIDENT_SOURCES),
  reportedAt: z.iso.datetime({ offset: true }).optional(),
  location: z.object({ text: text(500).min(3), lat: lat.optional(), lng: lng.optional() }),
  description: text(4000).min(5),
  emergencyReport: z.string().trim().max(40).optional(),
  case: z.string().trim().max(60).optional(),
});
export const incidentOpened = z.object({ id: z.string(), reportedAt: z.string() });

export const incidentRecordBody = z.discriminatedUnion('part', [
  z.object({ part: z.literal('assessment'), note: text(4000).min(5), lat: lat.optional(), lng: lng.optional(), photos: z.array(z.string().max(100)).max(10).optional() }),
  z.object({ part: z.literal('needs'), note: text(4000).min(5) }),
  z.object({
    part: z.literal('plan'),
    recipients: text(1000).min(3),
    priority: z.enum(['tinggi', 'sedang', 'rendah']),
    when: text(200).min(3),
    where: text(500).min(3),
    how: text(1000).min(3),
    transport: text(200).optional(),
    responsible: text(200).min(3),
  }),
  z.object({ part: z.literal('emergency-status'), decree: text(300).min(5), declaredBy: text(200).min(3), declaredOn: date, until: date.optional() }),
]);

/** A handover lists at most this many items and victims (a posko's list; more are split over several handovers). */
export const MAX_HANDOVER_ITEMS = 50;
export const MAX_HANDOVER_VICTIMS = 500;
export const handoverBody = z.object({
  mode: z.enum(['posko', 'families']),
  place: text(300).min(3),
  receivedBy: z.object({ name: text(200).min(3), title: text(200).optional() }),
  items: z.array(z.object({ item: z.string().max(100), quantity: z.number().int().min(1).max(MAX_QUANTITY) })).min(1).max(MAX_HANDOVER_ITEMS),
  victims: z
    .array(z.object({ nik: z.string().trim().max(32).optional(), name: text(200).min(2), village: text(200).optional(), familySize: z.number().int().min(1).max(50).optional(), vulnerable: text(200).optional() }))
    .max(MAX_HANDOVER_VICTIMS)
    .optional(),
  shipment: z.string().max(100).optional(),
});
const stepCompletion = z.union([z.object({ completed: z.literal(true), step: z.string() }), z.object({ completed: z.literal(false), step: z.string().nullable(), why: z.string(), whyEn: z.string() }), z.null()]);
export const handedOver = z.object({ id: z.string(), number: z.string(), victimsNew: z.number().int(), victimsAgain: z.number().int(), caseStep: stepCompletion });

export const fieldLossBody = z.object({ item: z.string().max(100), quantity: z.number().int().min(1).max(MAX_QUANTITY), reason: text(1000).min(5) });

const reconciliationLine = z.object({ item: z.string(), code: z.string(), name: z.string(), unit: z.string(), received: z.number().int(), distributed: z.number().int(), returned: z.number().int(), writtenOff: z.number().int(), outstanding: z.number().int() });
export const incidentSchema = z.object({
  incident: z.object({
    id: z.string(),
    title: z.string(),
    source: z.string(),
    reportedAt: z.string(),
    reportedAtLocal: z.string(),
    location: z.object({ text: z.string(), lat: z.number().nullable(), lng: z.number().nullable() }),
    description: z.string(),
    state: z.string(),
    assessment: z.record(z.string(), z.unknown()).nullable(),
    needs: z.record(z.string(), z.unknown()).nullable(),
    plan: z.record(z.string(), z.unknown()).nullable(),
    emergencyStatus: z.record(z.string(), z.unknown()).nullable(),
    closure: z.record(z.string(), z.unknown()).nullable(),
    case: z.object({ id: z.string(), registrationNumber: z.string(), service: z.string(), serviceTitle: z.string(), status: z.string(), dueAt: z.string().nullable(), step: z.string().nullable() }).nullable(),
  }),
  shipments: z.array(
    z.object({
      id: z.string(),
      item: z.string(),
      code: z.string(),
      name: z.string(),
      unit: z.string(),
      warehouse: z.string(),
      quantity: z.number().int(),
      destination: z.string(),
      state: z.string(),
      events: z.array(z.object({ state: z.string(), at: z.string(), atLocal: z.string(), lat: z.number().nullable(), lng: z.number().nullable(), note: z.string().nullable(), by: z.string() })),
    }),
  ),
  reconciliation: z.array(reconciliationLine),
  handovers: z.array(z.object({ id: z.string(), number: z.string(), mode: z.string(), place: z.string(), issuedOn: z.string(), handedBy: z.string(), receivedBy: z.object({ name: z.string(), title: z.string().optional() }), items: z.array(z.object({ code: z.string(), name: z.string(), unit: z.string(), quantity: z.number().int() })), token: z.string() })),
  victims: z.array(z.object({ id: z.string(), nik: z.string().nullable(), name: z.string(), village: z.string().nullable(), familySize: z.number().nullable(), vulnerable: z.string().nullable(), handovers: z.number().int() })),
});
export const handoverParams = z.object({ id: z.string().max(100), handover: z.string().max(100) });

/** A shipment's next event: in transit, arrived at the posko, or returned to the warehouse with a reason. */
export const shipmentMoveBody = z.object({
  state: z.enum(['in-transit', 'arrived', 'returned']),
  at: z.iso.datetime({ offset: true }).optional(),
  lat: lat.optional(),
  lng: lng.optional(),
  note: text(1000).optional(),
  reason: text(1000).optional(),
});
export const shipmentMoved = z.object({ id: z.string(), state: z.enum(SHIPMENT_STATES), at: z.string() });

export const closeBody = z.object({ reason: text(2000).optional() });
export const closureSchema = z.object({ closedAt: z.string(), closedBy: z.string(), balanced: z.boolean(), reason: z.string().nullable(), reconciliation: z.array(reconciliationLine), handovers: z.number().int(), victims: z.number().int() });

export const linkCaseBody = z.object({ case: z.string().trim().min(3).max(60) });

export const releaseGateBody = z.object({ releaseGate: z.enum(RELEASE_GATES) });
