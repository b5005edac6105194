/**
 * Zod schemas of finding cases: the queue's filters and paging, the case search and the duplicate
 * check. Shared by the JSON routes and the back-office pages, whose GET forms send the same fields
 * (an unselected choice arrives as an empty string and means "any").
 */
import { z } from 'zod';
import { CASE_STATUSES } from '../../domain/applications/status.js';
import { QUEUE_HOLDERS, QUEUE_SLA_STATES } from '../../usecases/applications/task-queue.js';

/** A form's empty choice ("Semua") is no filter at all. */
const blank = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const queueFilters = {
  serviceId: blank(z.string().max(100)),
  stepId: blank(z.string().max(100)),
  slaState: blank(z.enum(QUEUE_SLA_STATES)),
  holder: blank(z.enum(QUEUE_HOLDERS)),
};

/** GET /api/v1/tasks: the queue's filters, a page by limit and offset. */
export const queueQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  ...queueFilters,
});

/** GET /petugas: the same filters, a page by number (50 a page). */
export const queuePageQuery = z.object({ ...queueFilters, page: z.coerce.number().int().min(1).max(100_000).default(1) });

/** GET /api/v1/applications and GET /petugas/cari: one search box, filters, a page by number. */
export const caseSearchQuery = z.object({
  q: blank(z.string().max(200)),
  status: blank(z.enum(CASE_STATUSES)),
  serviceId: blank(z.string().max(100)),
  from: blank(z.string().max(20)),
  to: blank(z.string().max(20)),
  purpose: blank(z.string().max(400)),
  /** The dashboard's drill-down (issue 15 §3): every open status at once, the clock's state, the step a case is at. */
  open: blank(z.literal('1')),
  slaState: blank(z.enum(QUEUE_SLA_STATES)),
  stepId: blank(z.string().max(100)),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).optional(),
});

export const caseListItem = z.object({
  id: z.string(),
  registrationNumber: z.string(),
  applicantName: z.string(),
  nikMasked: z.string().nullable(),
  service: z.object({ id: z.string(), no: z.number().int(), title: z.string() }),
  status: z.enum(CASE_STATUSES),
  submittedAt: z.string(),
  submittedDate: z.string(),
  submittedLocal: z.string(),
});

export const caseSearchResult = z.object({
  by: z.enum(['number', 'nik', 'name', 'none']),
  items: z.array(caseListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  pages: z.number().int(),
});

/** GET /api/v1/applications/duplicates: a NIK and a service (id or slug). */
export const duplicatesQuery = z.object({ nik: z.string().max(40), service: z.string().max(100) });
