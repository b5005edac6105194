/**
 * The zod schemas of complaint requests, shared by the JSON API and the HTML forms (a form's flat
 * fields are shaped like these bodies, then parsed by the same schema), and the intake limits.
 * Content rules (lengths, formats, which channel) belong to the domain, which names every problem
 * in both languages; these schemas fix the shape and the types.
 */
import { z } from 'zod';
import { COMPLAINT_MODES, COMPLAINT_SLA_STATES, COMPLAINT_STATUSES, COMPLAINT_TYPES, COORDINATIONS } from '../../domain/complaints/index.js';

/** Public intake limits: per client address, per minute. */
export const COMPLAINT_RATE = { max: 10, timeWindow: '1 minute' } as const;
/** Looking complaints up by number and code: per client address, per minute. */
export const TRACK_RATE = { max: 30, timeWindow: '1 minute' } as const;
/** The largest complaint body accepted (a complaint is at most 5,000 characters). */
export const BODY_LIMIT = 64 * 1024;

export const fileComplaintBody = z.object({
  office: z.string(),
  channel: z.string().optional(),
  type: z.enum(COMPLAINT_TYPES).optional(),
  mode: z.enum(COMPLAINT_MODES),
  text: z.string(),
  service: z.string().optional(),
  application: z.string().optional(),
  // Loose: an identity field the domain does not know is named back to the caller, not dropped.
  complainant: z.looseObject({ name: z.string().optional(), phone: z.string().optional(), email: z.string().optional() }).optional(),
  externalRef: z.string().optional(),
  receivedAt: z.string().optional().describe('Petugas saja: waktu diterima (ISO 8601 dengan zona)'),
});

export const receiptParams = z.object({ receiptNumber: z.string() });
export const trackQuery = z.object({ code: z.string() });
export const informationBody = z.object({ code: z.string(), text: z.string() });
export const feedbackBody = z.object({ code: z.string(), resolved: z.boolean().optional(), comment: z.string().optional() });

export const listQuery = z.object({
  status: z.enum(COMPLAINT_STATUSES).optional(),
  stage: z.string().max(100).optional(),
  slaState: z.enum(COMPLAINT_SLA_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

export const transitionBody = z.object({
  to: z.string(),
  version: z.number().int(),
  note: z.string().optional(),
  answer: z.string().optional(),
  unit: z.string().optional(),
  coordination: z.enum(COORDINATIONS).optional(),
  referral: z.string().optional(),
  mergeInto: z.string().optional(),
});
export const noteBody = z.object({ note: z.string() });
export const summaryBody = z.object({ summary: z.string().optional(), publish: z.boolean().optional() });
