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

/**
 * Outer bounds on every string: generous, so the domain's own limits (a complaint of at most 5,000
 * characters, a name of 100) answer with their specific message; these only stop what no form sends.
 */
const str = (max = 1000) => z.string().max(max);

export const fileComplaintBody = z.object({
  office: str(100),
  channel: str(100).optional(),
  type: z.enum(COMPLAINT_TYPES).optional(),
  mode: z.enum(COMPLAINT_MODES),
  text: str(20_000),
  service: str(100).optional(),
  application: str(100).optional(),
  // Loose: an identity field the domain does not know is named back to the caller, not dropped.
  complainant: z.looseObject({ name: str().optional(), phone: str().optional(), email: str().optional() }).optional(),
  externalRef: str(200).optional(),
  receivedAt: str(64).optional().describe('Petugas saja: waktu diterima (ISO 8601 dengan zona)'),
});

export const receiptParams = z.object({ receiptNumber: str(100) });
export const trackQuery = z.object({ code: str(100) });
export const informationBody = z.object({ code: str(100), text: str(20_000) });
export const feedbackBody = z.object({ code: str(100), resolved: z.boolean().optional(), comment: str(20_000).optional() });

export const listQuery = z.object({
  status: z.enum(COMPLAINT_STATUSES).optional(),
  stage: z.string().max(100).optional(),
  slaState: z.enum(COMPLAINT_SLA_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

export const transitionBody = z.object({
  to: str(100),
  version: z.number().int(),
  note: str(20_000).optional(),
  answer: str(20_000).optional(),
  unit: str(200).optional(),
  coordination: z.enum(COORDINATIONS).optional(),
  referral: str(1000).optional(),
  mergeInto: str(100).optional(),
});
export const noteBody = z.object({ note: str(20_000) });
export const summaryBody = z.object({ summary: str(20_000).optional(), publish: z.boolean().optional() });
