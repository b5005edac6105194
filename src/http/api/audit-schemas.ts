/** Zod schemas of the audit trail's JSON routes: the filters (also the page's form) and a trail line. */
import { z } from 'zod';
import { DATA_RECORD_KINDS } from '../../domain/audit/data-access.js';
import { TRAIL_SOURCES } from '../../domain/audit/trail.js';
import { anyObject } from './schemas.js';

/** The filters as typed; their meaning is checked by the use case, which answers each refusal beside its field. */
export const trailQuery = z.object({
  from: z.string().max(20).optional(),
  to: z.string().max(20).optional(),
  actor: z.string().max(200).optional(),
  kind: z.string().max(40).optional(),
  action: z.string().max(80).optional(),
  record: z.string().max(200).optional(),
  nik: z.string().max(40).optional(),
  page: z.coerce.number().int().min(1).max(1000).optional(),
});

const maybe = z.string().nullable();

export const trailLineSchema = z.object({
  source: z.enum(TRAIL_SOURCES),
  seq: z.number(),
  at: z.string(),
  atLocal: z.string(),
  actor: z.string(),
  roles: z.array(z.string()),
  action: z.string(),
  kind: z.string(),
  recordId: maybe,
  nik: maybe,
  kk: maybe,
  purpose: maybe,
  detail: anyObject,
});

export const trailPageSchema = z.object({
  lines: z.array(trailLineSchema),
  total: z.number().int(),
  bySource: z.object({ event: z.number().int(), registry: z.number().int(), data: z.number().int() }),
  page: z.number().int(),
  pages: z.number().int(),
  truncated: z.boolean(),
});

export const recordReadsParams = z.object({ kind: z.enum(DATA_RECORD_KINDS), id: z.string().max(100) });

export const recordReadsSchema = z.object({
  total: z.number().int(),
  entries: z.array(z.object({ recordKind: z.enum(DATA_RECORD_KINDS), actor: z.string(), roles: z.array(z.string()), at: z.string(), atLocal: z.string(), action: z.string(), purpose: z.string(), fields: z.array(z.string()) })),
});
