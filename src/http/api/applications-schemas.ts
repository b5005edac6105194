/**
 * Zod schemas of the applications API, shared by its JSON routes and by the HTML forms that post
 * the same things (the online and counter intake, the step form), so both are checked alike.
 */
import { z } from 'zod';
import { CASE_STATUSES } from '../../domain/applications/status.js';
import { NOTIFY_CHANNELS } from '../../domain/notifications/consent.js';
import { MAX_DURATION } from '../../domain/calendar/calendar.js';
import { INITIATORS, SLA_UNITS } from '../../domain/standards/schema.js';
import { anyObject } from './schemas.js';

const text = (max: number) => z.string().max(max);

export const applicantInput = z.object({
  nik: text(32).optional(),
  kk: text(32).optional(),
  name: text(200).optional(),
  birthDate: text(20).optional(),
  sex: z.enum(['L', 'P']).optional(),
  phone: text(40).optional(),
  email: text(200).optional(),
  address: text(500).optional(),
  residentOfRegion: z.boolean().optional(),
  /** The channels for news of the case; the legal basis ("pelayanan publik") and the time are recorded by the server. */
  notify: z.object({ channels: z.array(z.enum(NOTIFY_CHANNELS)).max(NOTIFY_CHANNELS.length) }).optional(),
});

export const reporterInput = z.object({ name: text(200).optional(), role: text(200).optional(), institution: text(200).optional(), phone: text(40).optional() });

export const attachmentInput = z.object({ requirement: text(100), upload: text(100).optional(), shown: z.boolean().optional() });

export const submitBody = z.object({
  office: text(100),
  service: text(100),
  initiator: z.enum(INITIATORS).optional(),
  channel: text(40).optional(),
  applicant: applicantInput,
  reporter: reporterInput.optional(),
  // Answers are values, never nested: text (bounded), numbers, yes/no; at most 100 of them.
  answers: z
    .record(z.string().max(100), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))
    .refine((o) => Object.keys(o).length <= 100, { message: 'paling banyak 100 isian / at most 100 answers' })
    .optional(),
  attachments: z.array(attachmentInput).max(100).optional(),
});

export const submitted = z.object({
  id: z.string(),
  registrationNumber: z.string(),
  trackingCode: z.string(),
  status: z.enum(CASE_STATUSES),
  dueAt: z.string().nullable(),
  dueAtLocal: z.string().nullable(),
});

/** The applicant's own actions on a case carry its tracking code. */
export const applicantActionBody = z
  .object({ code: text(20).default(''), note: text(2000).optional(), reason: text(2000).optional(), confirm: text(10).optional() })
  .prefault({});

export const caseMoved = z.object({ status: z.string(), dueAt: z.string().nullable(), version: z.number().int() });

export const completeBody = z.object({ outcome: text(100), note: text(4000).optional(), data: anyObject.optional(), version: z.number().int() });

/** A due-time question; `value` is bounded per unit (five years, the domain calendar's own limit) so one request cannot walk the calendar for minutes. */
export const dueQuery = z
  .object({ start: text(64), value: z.coerce.number().gt(0), unit: z.enum(SLA_UNITS), service: text(100).optional() })
  .refine((q) => q.value <= MAX_DURATION[q.unit], { path: ['value'], message: 'nilai melebihi batas lima tahun untuk satuan ini / value exceeds five years in this unit' });

export const publicStatusSchema = z.object({
  registrationNumber: z.string(),
  office: z.string(),
  service: z.object({ slug: z.string(), title: z.string() }),
  status: z.enum(CASE_STATUSES),
  statusLabel: z.string(),
  statusLabelEn: z.string(),
  currentStep: z.object({ id: z.string(), label: z.string() }).nullable(),
  submittedAt: z.string(),
  dueAt: z.string().nullable(),
  dueAtLocal: z.string().nullable(),
  mustDo: z.string().nullable(),
  mustDoEn: z.string().nullable(),
  reason: z.string().nullable(),
  canWithdraw: z.boolean(),
  news: z.object({
    messages: z.array(z.object({ kind: z.string(), channel: z.string(), to: z.string(), status: z.string(), at: z.string(), atLocal: z.string(), sentLocal: z.string().nullable() })),
    channels: z.array(z.object({ channel: z.enum(NOTIFY_CHANNELS), to: z.string() })),
    optedOutAt: z.string().nullable(),
    hasPhone: z.boolean(),
    hasEmail: z.boolean(),
  }),
});

export const stepDone = z.object({
  applicationId: z.string(),
  status: z.string(),
  step: z.string().nullable(),
  end: z.string().nullable(),
  dueAt: z.string().nullable(),
  version: z.number().int(),
});

export const timelineEntry = z.object({
  id: z.string(),
  type: z.string(),
  step: z.string().nullable(),
  outcome: z.string().nullable(),
  actor: z.string(),
  note: z.string().nullable(),
  data: anyObject,
  slaEffect: anyObject.nullable(),
  at: z.string(),
  atLocal: z.string(),
});

export const queueItem = z.object({
  id: z.string(),
  applicationId: z.string(),
  registrationNumber: z.string(),
  service: z.object({ slug: z.string(), title: z.string() }),
  step: z.object({ id: z.string(), label: z.string(), kind: z.string() }),
  outcomes: z.array(z.object({ id: z.string(), label: z.string(), kind: z.string() })),
  dueAt: z.string().nullable(),
  dueAtLocal: z.string().nullable(),
  slaState: z.string(),
  applicantName: z.string(),
  version: z.number().int(),
});
