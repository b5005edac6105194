/** Zod schemas of data-subject requests, shared by the JSON routes and the HTML forms that mirror them. */
import { z } from 'zod';
import { REFUSAL_MAX } from '../../domain/privacy/index.js';

/** Registering requests: per client address, per minute (the public form is also an identity check). */
export const REQUEST_RATE = { max: 5, timeWindow: '1 minute' } as const;
/** Opening a request by number and code, and downloading its export: per client address, per minute. */
export const STATUS_RATE = { max: 20, timeWindow: '1 minute' } as const;
export const BODY_LIMIT = 16 * 1024;

export const registerBody = z
  .object({
    office: z.string().max(100),
    nik: z.string().max(24),
    name: z.string().max(100),
    contact: z.string().max(254),
    /** Public: the tracking code of one of the person's cases or complaints. */
    trackingCode: z.string().max(16).optional(),
    /** Counter: the officer saw the KTP. */
    identityChecked: z.boolean().optional(),
  })
  .strict();

export const requestKeyBody = z.object({ number: z.string().max(32), code: z.string().max(16) }).strict();
export const exportFormat = z.enum(['json', 'pdf']);
export const downloadBody = requestKeyBody.extend({ format: exportFormat.default('pdf') }).strict();
export const refuseBody = z.object({ reason: z.string().max(REFUSAL_MAX + 100) }).strict();

export const registered = z.object({ id: z.string(), number: z.string(), trackingCode: z.string(), dueAt: z.string(), dueAtLocal: z.string() });
