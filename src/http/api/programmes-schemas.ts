/** Zod schemas of the programmes API (docs/PROGRAMMES.md); the staff forms are parsed by the same ones. */
import { z } from 'zod';
import { CANDIDATE_VERIFICATIONS, MAX_CANDIDATES, MAX_REASON, STAGES, VERIFICATION_RESULTS } from '../../domain/programmes/rounds.js';
import { FREQUENCIES, UNITS } from '../../domain/programmes/schema.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Tanggal harus YYYY-MM-DD / The date must be YYYY-MM-DD' });
const key = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(60);

export const programmeSummary = z.object({
  slug: z.string(),
  name: z.string(),
  unit: z.enum(UNITS),
  categories: z.array(z.object({ key: z.string(), name: z.string(), amount: z.number().nullable(), every: z.enum(FREQUENCIES), count: z.number().nullable() })),
});

export const openRoundBody = z.object({
  period: z.string().regex(/^\d{4}$/, { message: 'Periode berupa tahun, misalnya 2026 / The period is a year, e.g. 2026' }),
  stage: z.enum(STAGES),
  referenceDate: isoDate,
  drawCategory: key.nullable().optional(),
});

export const roundOpened = z.object({ id: z.string(), drawn: z.number(), refusedByScreening: z.number(), truncated: z.boolean() });

export const addCandidateBody = z.object({
  nik: z.string().max(40),
  kk: z.string().max(40).nullable().optional(),
  name: z.string().trim().min(1, { message: 'Nama wajib diisi / The name is required' }).max(120),
  category: key,
  source: z.enum(['village', 'applications']),
  village: z.string().trim().max(120).nullable().optional(),
  note: z.string().trim().max(300).nullable().optional(),
});

export const verifyBody = z.object({
  result: z.enum(VERIFICATION_RESULTS),
  reason: z.string().max(MAX_REASON, { message: `Alasan paling banyak ${MAX_REASON} karakter / The reason is at most ${MAX_REASON} characters` }).nullable().optional(),
  version: z.number().int().min(1).max(1_000_000),
});

export const decreeBody = z.object({ candidateIds: z.array(z.string().max(60)).max(MAX_CANDIDATES).nullable().optional() });

export const candidatesQuery = z.object({ verification: z.enum(CANDIDATE_VERIFICATIONS).optional(), name: z.string().max(60).optional(), page: z.coerce.number().int().min(0).max(200).default(0) });

export const candidateSchema = z.object({
  id: z.string(),
  nik: z.string(),
  name: z.string(),
  category: z.string(),
  village: z.string().nullable(),
  source: z.string(),
  screening: z.string(),
  verification: z.enum(CANDIDATE_VERIFICATIONS),
  reason: z.string().nullable(),
  version: z.number(),
});

export const candidatesPage = z.object({
  round: z.object({ id: z.string(), programme: z.string(), period: z.string(), stage: z.string(), status: z.string(), referenceDate: z.string() }),
  counts: z.object({ pending: z.number(), eligible: z.number(), ineligible: z.number() }),
  candidates: z.array(candidateSchema),
  more: z.boolean(),
});

export const documentIssued = z.object({ id: z.string(), number: z.string(), recipients: z.number().optional() });
export const roundCandidateParams = z.object({ id: z.string().max(100), candidateId: z.string().max(100) });

export const drawBody = z.object({ category: key.nullable().optional() });
export const drawnApplicants = z.object({ added: z.number(), alreadyListed: z.number(), refusedByScreening: z.number(), withoutCategory: z.number() });
