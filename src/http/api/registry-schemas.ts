/**
 * Zod schemas of the registry's routes: what the API answers (snapshots, look-ups, the access log,
 * proposals) and the bodies the API and the pages' forms share (a new proposal, a proposal stage).
 */
import { z } from 'zod';
import { MASKINGS } from '../../domain/registry/access.js';
import { PROPOSAL_KINDS, RECORDABLE_STAGES, STAGES } from '../../domain/registry/proposals.js';
import { ACCESS_ACTIONS, IMPORT_PHASES, SNAPSHOT_STATUSES } from '../../domain/registry/snapshots.js';
import { anyObject } from './schemas.js';

const text = z.string();
const maybe = z.string().nullable();

const personSchema = z.looseObject({
  nik: text,
  kk: text,
  name: text,
  birthDate: maybe,
  birthPlace: maybe,
  sex: z.enum(['L', 'P']).nullable(),
  motherName: maybe,
  relation: maybe,
  address: z.record(z.string(), z.string().nullable()),
  dtksId: maybe,
  desil: z.number().int().nullable(),
  programmes: z.record(z.string(), z.boolean().nullable()),
});

const snapshotRefSchema = z.object({
  id: text,
  period: text,
  importedAt: maybe,
  sourceSha256: text,
  sourceName: maybe,
  rows: z.number().int().nullable(),
  current: z.boolean(),
});

export const lookupQuery = z.object({
  nik: z.string().max(100).optional().describe('16 digits'),
  kk: z.string().max(100).optional().describe('No. KK, 16 digits'),
  application: z.string().max(100).optional().describe('The case this look-up serves'),
  reason: z.string().max(1000).optional().describe('Why, when there is no case'),
  snapshot: z.string().max(100).optional().describe('A specific snapshot id'),
  asOf: z.string().max(100).optional().describe('The snapshot in force at the end of this date (YYYY-MM-DD) or instant'),
});

export const lookupAnswerSchema = z.object({
  found: z.boolean(),
  snapshot: snapshotRefSchema.nullable(),
  person: personSchema.optional(),
  family: z.array(personSchema).optional(),
  masking: z.enum(MASKINGS),
  logId: text,
});

export const snapshotSchema = z.object({
  id: text,
  period: text,
  status: z.enum(SNAPSHOT_STATUSES),
  current: z.boolean(),
  phase: z.enum(IMPORT_PHASES),
  sourceName: maybe,
  sourceSha256: text,
  sourceSize: z.number(),
  sourceKind: text,
  importer: text,
  startedAt: text,
  completedAt: maybe,
  replacedAt: maybe,
  rowsRead: z.number(),
  bytesRead: z.number(),
  rowsAccepted: z.number().nullable(),
  rowsRejected: z.number().nullable(),
  rowsUnchanged: z.number().nullable(),
  hasReport: z.boolean(),
  summary: anyObject,
});

export const importStateSchema = z.object({
  id: text,
  done: z.boolean(),
  status: z.enum([...SNAPSHOT_STATUSES, 'noop', 'hashing']),
  phase: z.enum(IMPORT_PHASES),
  rowsRead: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  bytesRead: z.number(),
  totalBytes: z.number(),
  rate: z.number(),
  etaSeconds: z.number().nullable(),
  noopSnapshotId: maybe,
  problems: z.array(z.object({ code: text, message: text, messageEn: text, field: text.optional(), row: z.number().int().optional() })),
  snapshot: snapshotSchema.nullable(),
});

export const importStarted = z.object({ id: text, status: z.literal('started'), progressUrl: text });

export const accessLogQuery = z.object({
  nik: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  before: z.coerce.number().int().min(1).optional(),
});

export const accessEntrySchema = z.object({
  seq: z.number(),
  at: text,
  actor: text,
  actorId: maybe,
  roles: z.array(text),
  action: z.enum(ACCESS_ACTIONS),
  nik: maybe,
  kk: maybe,
  snapshotId: maybe,
  applicationId: maybe,
  reason: maybe,
  found: z.boolean().nullable(),
  detail: anyObject,
});

export const exportQuery = z.object({ district: z.string().max(200).optional(), village: z.string().max(200).optional(), reason: z.string().max(1000) });
export const reasonQuery = z.object({ reason: z.string().max(1000) });

export const personExportSchema = z.object({
  generatedAt: text,
  office: text,
  nik: text,
  requestReason: text,
  registry: z.array(anyObject),
  applications: z.array(anyObject),
  proposals: z.array(anyObject),
  accessLog: z.array(anyObject),
});

export const proposalSchema = z.object({
  id: text,
  kind: z.enum(PROPOSAL_KINDS),
  stage: z.enum(STAGES),
  stageLabel: text,
  nik: text,
  kk: maybe,
  name: text,
  applicationId: maybe,
  siksngReference: maybe,
  ministryReference: maybe,
  confirmedSnapshotId: maybe,
  confirmedAt: maybe,
  openedAt: text,
  updatedAt: text,
  version: z.number().int(),
});

export const proposalEventSchema = z.object({ type: text, stage: z.enum(STAGES), actor: text, note: maybe, data: anyObject, at: text });

export const proposalsQuery = z.object({ stage: z.enum(STAGES).optional(), limit: z.coerce.number().int().min(1).max(1000).optional() });

/** A proposal recorded by hand: the API's body, and the page's form once shaped like it. */
export const newProposalBody = z.object({
  nik: z.string().max(100),
  kk: z.string().max(100).optional(),
  name: z.string().max(1000),
  kind: z.enum(PROPOSAL_KINDS).optional(),
  note: z.string().max(4000).optional(),
});

/** A stage recorded on a proposal: the API's body, and the page's form once shaped like it. */
export const proposalStageBody = z.object({
  stage: z.enum(RECORDABLE_STAGES),
  siksngReference: z.string().max(1000).optional(),
  ministryReference: z.string().max(1000).optional(),
  note: z.string().max(4000).optional(),
  version: z.number().int(),
});
