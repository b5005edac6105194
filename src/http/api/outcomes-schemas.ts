/** The zod schemas of the chain's outcomes API: one definition for validation, types, OpenAPI and the HTML form. */
import { z } from 'zod';
import { IDENTITY_DOCUMENTS } from '../../domain/outcomes/index.js';

export const BODY_LIMIT = 16 * 1024;
const text = (max: number) => z.string().trim().max(max);
const note = text(2000).optional();

export const outcomeBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hospital'), hospital: text(300), reason: text(2000), escortedBy: text(200), at: z.iso.datetime({ offset: true }).optional(), note }),
  z.object({
    kind: z.literal('pemulangan'),
    origin: text(300),
    fromOutsideRegion: z.boolean(),
    strandedByWork: z.boolean(),
    documents: z.object({ policeLetter: z.boolean(), identity: z.boolean(), forwardingLetter: z.boolean() }),
    note,
  }),
  z.object({ kind: z.literal('identity'), documents: z.array(z.enum(IDENTITY_DOCUMENTS)).max(IDENTITY_DOCUMENTS.length), note }),
]);

export const outcomeRecorded = z.object({
  id: z.string(),
  kind: z.string(),
  at: z.string(),
  case: z.string().nullable().describe('Nomor registrasi berkas layanan yang diajukan (mis. pemulangan Banjarmasin 6) / the decreed case filed, if any'),
  reportClosed: z.string().nullable().describe('Laporan darurat yang ditutup / the emergency report closed'),
});

export const stayParams = z.object({ id: z.string().max(100) });
export const reportParams = z.object({ registrationNumber: z.string().max(40) });
