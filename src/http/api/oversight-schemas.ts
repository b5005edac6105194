/** Oversight's request and response shapes, shared by its JSON routes and its pages. */
import { z } from 'zod';
import { PERIOD_KINDS } from '../../domain/oversight/period.js';

/** The picker's words in the address (bulan/triwulan/tahun) and the period kinds they mean. */
export const KIND_WORDS = { bulan: 'month', triwulan: 'quarter', tahun: 'year' } as const;
export const kindWord = (k: (typeof PERIOD_KINDS)[number]) => (Object.keys(KIND_WORDS) as (keyof typeof KIND_WORDS)[]).find((w) => KIND_WORDS[w] === k)!;

export const evaluationQuery = z.object({
  jenis: z.enum(['bulan', 'triwulan', 'tahun']).optional(),
  periode: z.string().max(10).optional(),
});

const amountOrNull = z.number().nullable();

export const evaluationResponse = z.object({
  office: z.string(),
  period: z.object({ kind: z.enum(PERIOD_KINDS), value: z.string(), from: z.string(), to: z.string(), label: z.string() }),
  truncated: z.boolean(),
  services: z.array(
    z.object({
      service: z.string(),
      no: z.string(),
      title: z.string(),
      promised: z.object({ value: amountOrNull, maxValue: amountOrNull, unit: z.string().nullable(), text: z.string() }),
      cases: z.number(),
      completed: z.number(),
      onTime: z.number(),
      onTimeRate: amountOrNull,
      median: amountOrNull,
      p90: amountOrNull,
      max: amountOrNull,
      unit: z.string().nullable(),
      open: z.number(),
      openLate: z.number(),
      openAtRisk: z.number(),
      waits: z.array(z.object({ kind: z.enum(['applicant', 'external']), body: z.string().nullable(), total: z.number(), cases: z.number(), share: z.number() })),
      stages: z.array(z.object({ id: z.string(), label: z.string(), limitText: z.string().nullable(), started: z.number(), finished: z.number(), onTime: z.number(), onTimeRate: amountOrNull })),
      finding: z.object({ id: z.string(), en: z.string() }),
    }),
  ),
});

/** The public performance page's period: a named period (2026-Q2) or whole months as dates. */
export const performanceQuery = z.object({
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
  periode: z.string().max(10).optional(),
});

const promised = z.object({ value: amountOrNull, maxValue: amountOrNull, unit: z.string().nullable(), text: z.string() });

export const performanceResponse = z.object({
  office: z.string(),
  period: z.object({ from: z.string(), to: z.string(), label: z.string() }),
  rule: z.string(),
  services: z.array(
    z.object({
      service: z.string(),
      no: z.string(),
      title: z.string(),
      promised,
      cases: amountOrNull,
      completed: amountOrNull,
      onTime: amountOrNull,
      onTimeRate: amountOrNull,
      median: amountOrNull,
      p90: amountOrNull,
      max: amountOrNull,
      unit: z.string().nullable(),
      suppressed: z.enum(['few-cases', 'few-completed']).nullable(),
      ikm: z.object({ value: amountOrNull, grade: z.string().nullable(), respondents: z.number() }).nullable(),
    }),
  ),
});

export const spmQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const spmResponse = z.object({
  office: z.string(),
  year: z.number(),
  indicators: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      served: z.number(),
      needing: z.number(),
      achievement: amountOrNull,
      text: z.string(),
      message: z.string().nullable(),
      servedExceedsNeeding: z.boolean(),
      services: z.array(z.object({ slug: z.string(), no: z.string(), title: z.string(), ends: z.array(z.string()) })),
    }),
  ),
});

export const spmNeedBody = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  indicator: z.string().max(40),
  nik: z.string().max(32),
  name: z.string().max(300),
  assessedOn: z.string().max(10),
  note: z.string().max(2000).optional(),
});

export const approvalQuery = z.object({ period: z.string().max(7) });
export const approvalBody = z.object({ period: z.string().max(7) });
export const reopenBody = z.object({ period: z.string().max(7), reason: z.string().max(2000).optional() });
export const approvalResponse = z.object({ period: z.string(), chain: z.array(z.string()), step: z.number(), locked: z.boolean(), updatedBy: z.string().nullable(), updatedAt: z.string().nullable() });
