/**
 * What the survey (SKM) routes share: the zod schemas of the IKM answer, the period query, a
 * questionnaire and a batch of them (the HTML forms are parsed with the same questionnaire schema
 * as the API), and the rate limit on responses.
 */
import { z } from 'zod';
import { ELEMENT_CODES } from '../../domain/surveys/index.js';
import { SURVEY_SOURCES } from '../../domain/surveys/questionnaire.js';
import { anyObject } from './schemas.js';

/** Kiosk and link responses per client address: enough for a busy counter, too few for stuffing. */
export const SURVEY_RATE = { max: 20, timeWindow: '10 minutes' } as const;

const text = z.object({ code: z.string(), message: z.string(), messageEn: z.string() });

export const ikmSchema = z.object({
  office: z.object({ slug: z.string(), name: z.string() }),
  service: z.object({ slug: z.string(), title: z.string() }).nullable(),
  period: z.object({ from: z.string(), to: z.string(), label: z.string(), labelEn: z.string() }),
  ikm: z.number().nullable(),
  index: z.number().nullable(),
  grade: z.string().nullable(),
  gradeLabel: z.string().nullable(),
  gradeLabelEn: z.string().nullable(),
  respondents: z.number().int(),
  population: z.number().int(),
  minimumSample: z.number().int(),
  sufficient: z.boolean(),
  shortfall: z.number().int(),
  noData: z.boolean(),
  message: z.string().nullable(),
  messageEn: z.string().nullable(),
  elements: z.array(
    z.object({ code: z.enum(ELEMENT_CODES), name: z.string(), nameEn: z.string(), nrr: z.number().nullable(), weighted: z.number().nullable(), answered: z.number().int(), total: z.number().int() }),
  ),
  warnings: z.array(text),
  method: z.object({ weighting: z.string(), weightingEn: z.string(), sample: z.string(), sampleEn: z.string() }),
});

export const periodQuery = z.object({
  from: z.string().max(20).optional().describe('YYYY-MM-DD (tanggal lokal kantor)'),
  to: z.string().max(20).optional().describe('YYYY-MM-DD, inklusif'),
  period: z.string().max(20).optional().describe('alternatif: 2026, 2026-S1, 2026-Q2, 2026-03'),
  service: z.string().max(100).optional(),
});

/**
 * Bounds on what the public and staff send (issue 12): answers and the respondent's profile are
 * flat values, never nested; strings short; the suggestion's own limit is the domain's to say.
 */
const short = z.string().max(200);
const flatValues = z.record(z.string().max(50), z.union([z.string().max(200), z.number(), z.boolean(), z.null()])).refine((o) => Object.keys(o).length <= 50, { message: 'paling banyak 50 isian / at most 50 fields' });

export const questionnaireSchema = z.object({
  elements: z.array(
    z.object({
      code: z.enum(ELEMENT_CODES),
      name: z.string(),
      nameEn: z.string(),
      question: z.string(),
      questionEn: z.string(),
      options: z.array(z.object({ score: z.number().int(), label: z.string(), labelEn: z.string() })),
    }),
  ),
  respondent: z.array(z.object({ key: z.string(), label: z.string(), labelEn: z.string(), options: z.array(z.object({ id: z.string(), label: z.string(), labelEn: z.string() })) })),
  grades: z.array(z.object({ grade: z.string(), label: z.string(), labelEn: z.string(), minIkm: z.number(), maxIkm: z.number() })),
});

export const kioskNonceSchema = z.object({ kioskNonce: z.string(), notBefore: z.string(), expiresAt: z.string() });

/** One questionnaire: answers { U1..U9: 1..4 }, how it came (link token, kiosk nonce, or staff), an optional profile. */
export const surveyBody = z.object({
  office: short.optional(),
  service: short.optional(),
  application: short.optional(),
  token: short.optional(),
  kioskNonce: short.optional(),
  answers: flatValues,
  respondent: flatValues.optional(),
  suggestion: z.string().max(20_000).optional(),
  date: short.optional(),
});

export const recordedSchema = z.object({ id: z.string(), source: z.enum(SURVEY_SOURCES), respondedOn: z.string() });

export const batchBody = z.object({ office: short, service: short.optional(), responses: z.array(anyObject).max(20_000) });
export const batchSchema = z.object({ batchId: z.string(), inserted: z.number().int() });

export const followupBody = z.object({ from: z.string().max(20).optional(), to: z.string().max(20).optional(), period: z.string().max(20).optional(), service: z.string().max(100).optional(), text: z.string().max(20_000) });
