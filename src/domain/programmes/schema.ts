/**
 * The format of an assistance programme (standards/<office>/programmes/*.yaml): who it is for, the
 * decree's conditions, categories with amounts and schedule, who verifies and who decrees the
 * recipients. Every `text` holds the decree's own words, or NOT_STATED where the decree is silent.
 * Pure: no I/O (docs/PROGRAMMES.md).
 */
import { z } from 'zod';
import { Rule } from '../standards/schema.js';

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'harus kebab-case (huruf kecil, angka, tanda hubung) / must be kebab-case' });
/** The decree's words, copied exactly; NOT_STATED where it says nothing. */
const words = z.string().trim().min(1, { message: 'tidak boleh kosong; tulis "tidak dinyatakan" bila keputusan tidak menyebutnya / must not be empty; write "tidak dinyatakan" when the decree is silent' });

/** What a field holds when the decree does not state it (never a guessed value). */
export const NOT_STATED = 'tidak dinyatakan';

export const UNITS = ['person', 'family', 'household', 'group'] as const;
export const CANDIDATE_SOURCES = ['registry', 'village', 'applications'] as const;
export const FREQUENCIES = ['month', 'two-months', 'year', 'once', 'not-stated'] as const;
export const ISSUERS = ['kepala-dinas', 'bupati', 'walikota', 'lurah', 'kepala-dinas-provinsi', 'kementerian-sosial', 'not-stated'] as const;
export const FUNDING = ['APBD', 'APBN', 'APBD-provinsi', 'APBD-atau-APBN', 'not-stated'] as const;
export const CHANNELS = ['bank', 'in-kind', 'not-stated'] as const;
/** How a condition is checked: from the registry snapshot, from the age on the reference date, or by the field verifier. */
export const CHECKS = ['registry', 'verification'] as const;
export const REFERENCE_DATES = ['period-start', 'proposal-date'] as const;
export type Unit = (typeof UNITS)[number];
export type Frequency = (typeof FREQUENCIES)[number];

const Stated = z.object({ text: words }).strict();

export const Condition = z
  .object({
    id,
    /** The decree's words. */
    text: words,
    check: z.enum(CHECKS),
    /** For `registry`: the rule over registry facts (registry.dtks, registry.pkh, registry.bpnt, registry.pbi, …). */
    rule: Rule.optional(),
    /** A cross-programme exclusion ("bukan penerima …"): failing it names the other programme. */
    exclusion: z.boolean().default(false),
  })
  .strict();
export type Condition = z.infer<typeof Condition>;

const AgeBand = z
  .object({
    /** Inclusive, in whole years on the reference date; null: no bound in the decree. */
    min: z.number().int().min(0).max(150).nullable(),
    max: z.number().int().min(0).max(150).nullable(),
    text: words,
  })
  .strict();
export type AgeBand = z.infer<typeof AgeBand>;

export const Category = z
  .object({
    key: id,
    name: words,
    amount: z
      .object({
        /** Rupiah per payment; null for aid in kind or an amount the decree does not state. */
        value: z.number().int().min(0).max(1_000_000_000).nullable(),
        kind: z.enum(['cash', 'in-kind', 'not-stated']),
        text: words,
      })
      .strict(),
    every: z.enum(FREQUENCIES),
    /** How many payments or deliveries in the programme's duration; null when not stated. */
    count: z.number().int().min(1).max(120).nullable(),
    duration: Stated,
    age: AgeBand.nullable().default(null),
    sex: z.enum(['L', 'P']).nullable().default(null),
    conditions: z.array(Condition).max(40).default([]),
  })
  .strict();
export type Category = z.infer<typeof Category>;

export const GroupRules = z
  .object({
    memberUnit: z.enum(['family', 'person']),
    size: z.object({ min: z.number().int().min(1).max(500), max: z.number().int().min(1).max(500), text: words }).strict(),
    age: AgeBand.nullable().default(null),
    officers: z.array(z.enum(['ketua', 'sekretaris', 'bendahara'])).max(3).default([]),
    officersText: words,
    /** "Untuk yang tidak dapat membentuk kelompok, dapat diberikan perseorangan". */
    individualAllowed: z.boolean(),
    individualText: words,
    amountPerGroup: z.object({ value: z.number().int().min(0).max(10_000_000_000).nullable(), text: words }).strict(),
    /** The group's own decree (KUBE: SK Lurah). */
    groupDecree: words,
    /** Who issues the group's decree; it is recorded in Sigap (number, date), never signed here. */
    groupDecreeIssuer: z.enum(ISSUERS).default('not-stated'),
    report: words,
    /** Calendar days from disbursement to the group's report, when the decree states them (RST: 105). */
    reportDays: z.number().int().min(1).max(3650).nullable().default(null),
  })
  .strict();
export type GroupRules = z.infer<typeof GroupRules>;

export const Programme = z
  .object({
    slug: id,
    name: words,
    /** The service of the same decree item, whose cases can propose candidates. */
    service: id.nullable(),
    /** Where in the decree the programme is described. */
    source: words,
    unit: z.enum(UNITS),
    unitText: words,
    referenceDate: z.enum(REFERENCE_DATES),
    candidates: z.object({ sources: z.array(z.enum(CANDIDATE_SOURCES)).min(1).max(3), text: words }).strict(),
    verification: z.object({ roles: z.array(id).min(1).max(6), text: words }).strict(),
    recipientDecree: z
      .object({
        issuer: z.enum(ISSUERS),
        /** The head of office signs it in Sigap; otherwise Sigap prepares the draft for the named issuer. */
        signedInSigap: z.boolean(),
        text: words,
      })
      .strict(),
    funding: z.object({ source: z.enum(FUNDING), text: words }).strict(),
    quota: z.object({ value: z.number().int().min(1).max(10_000_000).nullable(), text: words }).strict(),
    channel: z
      .object({
        kind: z.enum(CHANNELS),
        name: z.string().trim().min(1).nullable(),
        text: words,
        /** In kind: what the deliverer confirms at each delivery, in the decree's words (every one must be confirmed). */
        checks: z.array(z.object({ id, text: words }).strict()).max(10).default([]),
      })
      .strict(),
    conditions: z.array(Condition).max(40).default([]),
    categories: z.array(Category).min(1).max(20),
    group: GroupRules.nullable().default(null),
  })
  .strict();
export type Programme = z.infer<typeof Programme>;

/** The registry facts a programme rule may read (registry/facts.ts gives them). */
export const PROGRAMME_FACTS = ['registry.dtks', 'registry.desil', 'registry.pkh', 'registry.bpnt', 'registry.pbi'] as const;

/** Rupiah per recipient over the whole duration, when the decree states both amount and count. */
export function totalPerRecipient(c: Category): number | null {
  return c.amount.value !== null && c.count !== null ? c.amount.value * c.count : null;
}
