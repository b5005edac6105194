/** The zod schemas of the logistics API: one definition for validation, types, OpenAPI and the HTML forms shaped like them. */
import { z } from 'zod';
import { CONDITIONS, FUNDING_SOURCES, MAX_QUANTITY, MOVEMENT_KINDS, UNITS, WAREHOUSE_KINDS } from '../../domain/logistics/index.js';

export const BODY_LIMIT = 32 * 1024;

const text = (max: number) => z.string().trim().max(max);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const warehouseBody = z.object({
  office: z.string().max(100),
  name: text(120).min(3),
  kind: z.enum(WAREHOUSE_KINDS),
  area: text(200).optional(),
  custodian: text(120).optional(),
});
export const warehouseCreated = z.object({ id: z.string(), name: z.string(), kind: z.enum(WAREHOUSE_KINDS) });

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
});
export const movementDone = z.object({
  movement: z.string(),
  kind: z.enum(MOVEMENT_KINDS),
  quantity: z.number().int(),
  picks: z.array(z.object({ lot: z.string(), quantity: z.number().int() })),
  onHand: z.number().int(),
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
