/**
 * The zod schemas of the letters API, and the bodies its staff forms share with their JSON twins
 * (a page shapes its flat fields like these, then parses them with the same schema).
 */
import { z } from 'zod';
import { DELEGATION_KINDS } from '../../domain/letters/delegation.js';
import { CERTIFICATE_STATES, SIGNATURE_KINDS } from '../../domain/letters/signature.js';
import { LETTER_STATUSES } from '../../domain/letters/status.js';
import { PUBLIC_STATES } from '../../domain/letters/validity.js';
import { MAX_BATCH } from '../../usecases/letters/sign-letters.js';
import { anyObject } from './schemas.js';

/** The largest PDF anyone may upload to check it against a signed letter. */
export const MAX_CHECKED_PDF = 10 * 1024 * 1024;

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Every string bounded (issue 12): ids and dates are short; reasons are a paragraph.
const id = z.string().max(100);
const reason = z.string().max(2000);
export const signBody = z.object({
  ids: z.array(id).min(1).max(MAX_BATCH),
  password: z.string().max(200),
  delegation: id.optional(),
  /** A certified signature through the server's provider: the signer's NIK there and their passphrase (docs/SIGNING.md). */
  certified: z.object({ nik: z.string().regex(/^\d{16}$/, 'NIK 16 digit / NIK is 16 digits'), passphrase: z.string().min(1).max(200) }).optional(),
});
export const revokeBody = z.object({ reason, replacedBy: id.optional() });
export const cancelBody = z.object({ reason });
export const numberBody = z.object({ ids: z.array(id).min(1).max(MAX_BATCH) });
export const delegationBody = z.object({ to: z.string().max(200), kind: z.enum(DELEGATION_KINDS), startsOn: z.string().max(20), endsOn: z.string().max(20), reason: reason.optional(), role: id.optional() });

export const tokenParams = z.object({ token: z.string() });
const text = z.string().nullable();
export const verifySchema = z.object({
  valid: z.boolean(),
  status: z.enum(PUBLIC_STATES),
  office: z.string(),
  officeSlug: z.string(),
  number: text,
  title: z.string(),
  issuedAt: text,
  issuedOn: text,
  validUntil: text,
  subject: z.string(),
  holder: z.object({ name: z.string(), nik: text }),
  signer: z.object({ name: z.string(), title: z.string(), position: z.array(z.string()), delegation: text, onBehalfOf: text }).nullable(),
  sha256: text,
  revocation: z.object({ at: text, reason: text, replacedBy: z.object({ number: text, url: text }).nullable() }).nullable(),
  signature: z
    .object({
      kind: z.enum(SIGNATURE_KINDS),
      provider: text,
      intact: z.boolean(),
      signerName: text,
      at: text,
      atLocal: text,
      certificate: z.object({ serial: text, state: z.enum(CERTIFICATE_STATES), revokedAt: text, reason: text, notAfter: text }),
      chainPath: z.string(),
    })
    .nullable(),
  url: z.string(),
});
export const fileCheckSchema = z.object({
  match: z.boolean(),
  sha256: z.string(),
  signedSha256: text,
  status: z.enum(PUBLIC_STATES),
  embeddedSignature: z.object({ present: z.boolean(), intact: z.boolean(), signerName: text }),
});

export const archiveQuery = z.object({
  number: z.string().optional(),
  applicant: z.string().optional(),
  service: z.string().optional(),
  status: z.enum(LETTER_STATUSES).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
export const letterSummary = z.object({
  id: z.string(),
  applicationId: z.string(),
  registrationNumber: z.string(),
  kind: z.string(),
  letterType: z.string(),
  status: z.enum(LETTER_STATUSES),
  number: text,
  title: z.string(),
  subject: z.string(),
  holder: z.string(),
  issuedOn: text,
  validUntil: text,
  signerRole: z.string(),
  createdAt: z.string(),
});
const signerSchema = z.object({
  name: z.string(),
  title: z.string(),
  rank: text,
  nip: text,
  position: z.array(z.string()),
  delegation: z.object({ id: z.string(), kind: z.string(), onBehalfOf: z.string() }).nullable(),
});
export const letterSchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  kind: z.string(),
  letterType: z.string(),
  template: z.string(),
  status: z.enum(LETTER_STATUSES),
  number: text,
  title: z.string(),
  subject: z.string(),
  holder: z.string(),
  paper: z.string(),
  signerRole: z.string(),
  issuedOn: text,
  validUntil: text,
  signedAt: text,
  signer: signerSchema.nullable(),
  sha256: text,
  revokedAt: text,
  revocationReason: text,
  replacedBy: text,
  verifyPath: text,
  version: z.number().int(),
});
export const letterDetail = letterSchema.extend({ events: z.array(z.object({ type: z.string(), actor: z.string(), at: z.string(), data: anyObject })) });
export const itemResult = z.object({ id: z.string(), ok: z.boolean(), number: text.optional(), sha256: text.optional(), code: z.string().optional(), message: z.string().optional(), messageEn: z.string().optional() });
export const delegationSchema = z.object({
  id: z.string(),
  role: z.string(),
  from: z.string(),
  to: z.string(),
  toUsername: z.string(),
  kind: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  reason: text,
  endedAt: text,
});
