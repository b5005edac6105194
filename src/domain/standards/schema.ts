/**
 * The single definition of the standards format (office.yaml and services/*.yaml).
 * docs/STANDARDS-FORMAT.md explains it for drafters; this file is what the validator enforces.
 * Pure: no I/O here.
 */
import { z } from 'zod';
import { NOTICE_KINDS, unknownPlaceholders, WORDING_PLACEHOLDERS } from '../notifications/messages.js';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'harus kebab-case (huruf kecil, angka, tanda hubung) / must be kebab-case' });
const id = slug;
const nonEmpty = z.string().trim().min(1, { message: 'tidak boleh kosong / must not be empty' });

/**
 * An office's or a service's own wording of citizen notices (issue 16 §6), kind by kind; the
 * defaults stay in code (domain/notifications/messages.ts). Only known placeholders are allowed,
 * and none stands for a NIK.
 */
const names = (ns: string[]) => ns.map((n) => `{${n}}`).join(', ');
const wordingText = nonEmpty.max(2000).superRefine((t, ctx) => {
  const unknown = unknownPlaceholders(t);
  if (unknown.length)
    ctx.addIssue({
      code: 'custom',
      message: `placeholder tidak dikenal: ${names(unknown)} (yang boleh: ${names(Object.keys(WORDING_PLACEHOLDERS))}) / unknown placeholder: ${names(unknown)} (allowed: ${names(Object.keys(WORDING_PLACEHOLDERS))})`,
    });
});
export const NoticeWordings = z.partialRecord(z.enum(NOTICE_KINDS), z.object({ subject: wordingText, text: wordingText }).strict());

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'tanggal harus YYYY-MM-DD / date must be YYYY-MM-DD' });
const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: 'jam harus HH:MM / time must be HH:MM' });

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const Day = z.enum(DAYS);

/** One band of opening hours applying to several weekdays. */
export const HoursBand = z
  .object({ days: z.array(Day).min(1), open: clock, close: clock })
  .strict()
  .refine((b) => b.open < b.close, { message: 'jam buka harus sebelum jam tutup / open must be before close' });

/**
 * Weekly service hours. `source: decree` means the decree states them (and `text` quotes it);
 * `source: default` means the decree is silent and the documented default week applies until an
 * admin sets the real one. `allDay: true` is a 24x7 service that never closes.
 */
export const ServiceHours = z
  .object({
    source: z.enum(['decree', 'default']),
    text: z.string().optional(),
    allDay: z.boolean().default(false),
    week: z.array(HoursBand).default([]),
    closedOnHolidays: z.boolean().default(true),
  })
  .strict()
  .refine((h) => h.allDay || h.week.length > 0, {
    message: 'isi week atau allDay: true / give week bands or allDay: true',
  });

export const Signer = z
  .object({ name: nonEmpty, title: nonEmpty, rank: z.string().optional(), nip: z.string().optional() })
  .strict();

export const DecreeRef = z.object({ number: nonEmpty, title: z.string().optional() }).strict();

export const Decree = z
  .object({
    /** Null when the published standard carries no decree number (Kota Pekanbaru). */
    number: nonEmpty.nullable(),
    title: nonEmpty,
    date: isoDate.nullable(),
    place: z.string().optional(),
    signer: Signer.nullable(),
    amends: z.array(DecreeRef).default([]),
    revokes: z.array(DecreeRef).default([]),
    /** Set when the document is not a formal decree (Pekanbaru publishes a standard without one). */
    note: z.string().optional(),
  })
  .strict();

export const CHANNEL_KINDS = [
  'counter',
  'complaint-box',
  'phone',
  'call-center',
  'whatsapp',
  'email',
  'instagram',
  'website',
  'lapor',
  'letter',
  'officer',
  'fax',
  'facebook',
  'twitter',
] as const;
export const ChannelKind = z.enum(CHANNEL_KINDS);

export const Channel = z
  .object({ kind: ChannelKind, label: nonEmpty, value: z.string().optional() })
  .strict();

export const SLA_UNITS = ['minutes', 'hours', 'days', 'working_days', 'months', 'years'] as const;
export const SlaUnit = z.enum(SLA_UNITS);

export const Duration = z
  .object({ value: z.number().positive(), unit: SlaUnit, maxValue: z.number().positive().nullable().default(null) })
  .strict();

export const Role = z.object({ id, name: nonEmpty, description: z.string().optional() }).strict();

export const LetterNumbering = z
  .object({
    /** Tokens: {seq:N} zero-padded sequence, {year}, {month}, {roman-month}, {code} (classification code of the letter type). */
    format: nonEmpty.refine((f) => /\{seq(:\d+)?\}/.test(f), { message: 'format wajib memuat {seq} / format must contain {seq}' }),
    scope: z.enum(['office', 'letter-type']).default('office'),
    /** Archive classification code per letter type (Permendagri 83/2022), keyed by letter type id. */
    codes: z.record(z.string(), z.string()).default({}),
    /** Marks a format the decree does not state, chosen as a documented default. */
    source: z.enum(['decree', 'default']).default('default'),
  })
  .strict();

/**
 * Personal-data protection facts of the office (UU 27/2022): the data-protection officer (PPDP,
 * Pasal 53) once the office names one, and where a person sends requests about their data. The
 * decrees name no officer: until one is named, `officer` is absent and the contacts are the office's.
 */
export const DataProtection = z
  .object({
    officer: z.object({ name: nonEmpty, title: z.string().optional() }).strict().optional(),
    contacts: z.array(Channel).min(1),
    /** Where written requests are delivered (usually the office's own address). */
    address: z.string().optional(),
  })
  .strict();
export type DataProtection = z.infer<typeof DataProtection>;

export const Office = z
  .object({
    slug,
    /** The office's code in registration and complaint receipt numbers (JMB-2026-000123): unique across offices. */
    registrationCode: z.string().regex(/^[A-Z]{2,5}$/, { message: 'harus 2-5 huruf kapital (mis. JMB) / must be 2-5 capital letters (e.g. JMB)' }),
    name: nonEmpty,
    government: nonEmpty,
    region: z
      .object({ kind: z.enum(['kota', 'kabupaten', 'provinsi']), name: nonEmpty, province: nonEmpty, bpsCode: z.string().optional() })
      .strict(),
    address: nonEmpty,
    postalCode: z.string().optional(),
    contacts: z.array(Channel).default([]),
    timezone: z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']),
    decree: Decree,
    serviceHours: ServiceHours,
    complaints: z
      .object({
        channels: z.array(Channel).min(1),
        /** The decree's own promise, verbatim, and as an SLA when it states one. */
        responsePromise: z.object({ text: nonEmpty, sla: Duration.optional() }).strict().optional(),
        stages: z.array(z.string()).optional(),
      })
      .strict(),
    maklumat: z.string().optional(),
    vision: z.string().optional(),
    mission: z.array(z.string()).optional(),
    motto: z.string().optional(),
    values: z.array(z.string()).optional(),
    codeOfEthics: z.array(z.string()).optional(),
    letterNumbering: LetterNumbering,
    dataProtection: DataProtection.optional(),
    roles: z.array(Role).min(1),
    /** Other decree text worth publishing (e.g. the list of services, extra clauses). */
    notes: z.array(z.object({ heading: nonEmpty, text: nonEmpty }).strict()).default([]),
    /** The office's own wording of citizen notices (over Sigap's defaults; a service's own over it). */
    notices: NoticeWordings.optional(),
  })
  .strict();
export type Office = z.infer<typeof Office>;

/** Canonical component keys (PermenPANRB 15/2014 plus the extra ones the seed decrees use). */
export const COMPONENT_KEYS = [
  'jenis-pelayanan',
  'persyaratan',
  'prosedur',
  'jangka-waktu',
  'biaya',
  'produk',
  'pengaduan',
  'dasar-hukum',
  'sarana-prasarana',
  'kompetensi-pelaksana',
  'pengawasan-internal',
  'jumlah-pelaksana',
  'jaminan-pelayanan',
  'jaminan-keamanan',
  'evaluasi-kinerja',
  'masa-berlaku',
  'waktu-pelayanan',
  'lainnya',
] as const;
export const ComponentKey = z.enum(COMPONENT_KEYS);

/** The fourteen components of PermenPANRB 15/2014 a service must have. */
export const PERMENPAN_COMPONENTS: readonly (typeof COMPONENT_KEYS)[number][] = [
  'persyaratan',
  'prosedur',
  'jangka-waktu',
  'biaya',
  'produk',
  'pengaduan',
  'dasar-hukum',
  'sarana-prasarana',
  'kompetensi-pelaksana',
  'pengawasan-internal',
  'jumlah-pelaksana',
  'jaminan-pelayanan',
  'jaminan-keamanan',
  'evaluasi-kinerja',
];

export const Component = z
  .object({
    key: ComponentKey,
    /** The number the decree gives the row, as printed ("1", "A.1"). */
    no: z.string().optional(),
    group: z.enum(['delivery', 'manufacturing', 'other']),
    heading: nonEmpty,
    text: nonEmpty,
    /** A flowchart the decree draws inside this component, kept as given (Mermaid source). */
    flowchart: z.string().optional(),
  })
  .strict();

/* ---------- machine-readable parts ---------- */

export const SlaStage = z
  .object({
    id,
    label: nonEmpty,
    text: nonEmpty,
    /** Null when the decree gives no number (e.g. "sesuai dengan kompleksitas kasus"). */
    duration: Duration.nullable(),
    calendar: z.enum(['office-hours', '24x7']).optional(),
    /** Procedure steps the stage spans: the clock runs from entering `from` until leaving `to`. */
    from: id,
    to: id,
  })
  .strict();

export const Sla = z
  .object({
    text: nonEmpty,
    /** Null when the decree gives no computable limit (e.g. a schedule set by another body). */
    value: z.number().positive().nullable(),
    unit: SlaUnit.nullable(),
    maxValue: z.number().positive().nullable().default(null),
    clockStarts: z.enum(['submission', 'file-complete', 'report']).default('file-complete'),
    calendar: z.enum(['office-hours', '24x7']).default('office-hours'),
    stages: z.array(SlaStage).default([]),
  })
  .strict()
  .refine((s) => (s.value === null) === (s.unit === null), { message: 'value dan unit harus diisi bersama / value and unit go together' })
  .refine((s) => s.maxValue === null || (s.value !== null && s.maxValue > s.value), {
    message: 'maxValue harus lebih besar dari value / maxValue must exceed value',
  });

export const Fee = z.object({ amount: z.number().min(0), text: nonEmpty }).strict();

export const PRODUCT_KINDS = ['letter', 'permit', 'aid', 'service', 'data', 'information'] as const;
export const Product = z
  .object({
    text: nonEmpty,
    kind: z.enum(PRODUCT_KINDS),
    validity: z
      .object({ value: z.number().positive(), unit: SlaUnit, text: nonEmpty })
      .strict()
      .nullable()
      .default(null),
    /** Letter type id for numbering and templates (documents only). */
    letterType: id.optional(),
  })
  .strict();

/**
 * A further product the decree names beside the main one ("Surat Rekomendasi dan penyerahan ...",
 * a letter plus transport and meals): published with the service. Only the main `product` is
 * issued as a letter by Sigap, so another product carries no letter type.
 */
export const OtherProduct = z
  .object({
    text: nonEmpty,
    kind: z.enum(PRODUCT_KINDS),
    validity: z.object({ value: z.number().positive(), unit: SlaUnit, text: nonEmpty }).strict().nullable().default(null),
  })
  .strict();

/** A condition on the applicant's answers, used to say when a requirement applies. */
export type Rule =
  | { all: Rule[] }
  | { any: Rule[] }
  | { not: Rule }
  | { fact: string; op: RuleOp; value?: unknown };
export const RULE_OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'not-in', 'is-true', 'is-false', 'exists'] as const;
export type RuleOp = (typeof RULE_OPS)[number];

export const Rule: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(Rule).min(1) }).strict(),
    z.object({ any: z.array(Rule).min(1) }).strict(),
    z.object({ not: Rule }).strict(),
    z
      .object({
        fact: z
          .string()
          .regex(/^(applicant|answers|registry)\.[a-zA-Z0-9_.-]+$/, {
            message: 'fact harus diawali applicant., answers. atau registry. / fact must start with applicant., answers. or registry.',
          }),
        op: z.enum(RULE_OPS),
        value: z.unknown().optional(),
      })
      .strict(),
  ]),
);

export const INPUT_TYPES = ['text', 'textarea', 'number', 'date', 'boolean', 'choice', 'nik', 'kk', 'phone'] as const;
export const Input = z
  .object({
    id,
    label: nonEmpty,
    type: z.enum(INPUT_TYPES),
    required: z.boolean().default(false),
    options: z.array(z.object({ value: id, label: nonEmpty }).strict()).optional(),
    help: z.string().optional(),
  })
  .strict()
  .refine((i) => i.type !== 'choice' || (i.options?.length ?? 0) > 0, { message: 'pilihan wajib punya options / choice needs options' });

export const Requirement = z
  .object({
    id,
    /** The decree's wording of the item. */
    label: nonEmpty,
    /** document: upload or show a paper; condition: a fact about the applicant; form: something filled in. */
    kind: z.enum(['document', 'condition', 'form']),
    required: z.boolean().default(true),
    appliesWhen: Rule.optional(),
    /** For conditions checked by an eligibility rule. */
    eligibility: id.optional(),
  })
  .strict();

export const Eligibility = z
  .object({
    id,
    /** The decree's wording; shown to the applicant when the rule fails. */
    message: nonEmpty,
    rule: Rule,
  })
  .strict();

export const INITIATORS = ['citizen', 'official', 'institution', 'office', 'collective'] as const;

export const STEP_KINDS = [
  'intake', // the file arrives and is registered
  'check', // completeness / administrative check
  'verification', // data verification (desk)
  'field-visit', // home visit / location check, with report and photos
  'assessment', // social worker assessment
  'decision', // a decision with named outcomes
  'disposition', // a superior routes the file
  'draft', // a letter or report is drafted
  'sign', // the signer signs
  'number', // subbag umum gives the letter number
  'deliver', // the product is handed over
  'external', // wait on an outside body (ministry, BPJS, province, panti)
  'action', // other work by the office (distribution, referral, transport)
  'report', // reporting
] as const;
export const StepKind = z.enum(STEP_KINDS);

export const Outcome = z
  .object({
    id,
    label: nonEmpty,
    kind: z.enum(['forward', 'return', 'reject']).default('forward'),
    /** A step id, or an end id. */
    next: id,
  })
  .strict();

export const Step = z
  .object({
    id,
    label: nonEmpty,
    kind: StepKind,
    role: id,
    /**
     * Further roles that may equally do the step ("Kadis/Kabid"): the task waits in `role`'s queue
     * and in theirs, and any of them may claim and complete it. Not on sign steps: signing
     * authority passes by delegation (docs/LETTERS.md).
     */
    orRoles: z.array(id).min(1).optional(),
    /** The outside body the case waits on (external steps). */
    external: z.string().optional(),
    outcomes: z.array(Outcome).min(1),
    /** Decree sentence(s) this step encodes, for reviewers. */
    source: z.string().optional(),
  })
  .strict();

export const End = z
  .object({ id, label: nonEmpty, kind: z.enum(['completed', 'rejected', 'withdrawn']) })
  .strict();

export const Procedure = z
  .object({
    start: id,
    steps: z.array(Step).min(1),
    ends: z.array(End).min(1),
  })
  .strict();

/**
 * A service that proposes people to the registry (usulan DTKS/DTSEN or PBI-JK, tracked until an
 * imported snapshot lists them): Sigap's configuration of the decree's procedure, not decree text.
 */
export const RegistryProposal = z
  .object({
    kind: z.enum(['dtks', 'pbi-jk']),
    /** The step (and, optionally, outcomes; default every forward outcome) that opens the proposal. */
    opensAt: z.object({ step: id, outcomes: z.array(id).min(1).optional() }).strict(),
    /** Steps that move the proposal to a stage (only for the outcomes listed, when listed). */
    marks: z
      .array(z.object({ step: id, stage: z.enum(['surveyed', 'finalised', 'approved', 'rejected', 'not-proposed']), outcomes: z.array(id).min(1).optional() }).strict())
      .default([]),
    /** The step at which the operator records the SIKS-NG reference. */
    siksngStep: id.optional(),
    /** The outside body's step that waits on the ministry; a confirming snapshot completes it with `approved`. */
    ministryStep: z.object({ step: id, approved: id }).strict().optional(),
  })
  .strict();

/**
 * A phone call the decree promises the applicant ("pemohon akan dihubungi … melalui telepon"): when
 * the case enters `atStep`, a call task for `role` is opened, on the clock until a call connects
 * (issue 16 §5, docs/NOTIFICATIONS.md). The decree's sentence is kept verbatim in `text`.
 */
export const CallPromise = z
  .object({
    id,
    /** The step whose start is the promised moment. */
    atStep: id,
    /** The office role whose staff make the call. */
    role: id,
    /** The decree's sentence, exactly as printed. */
    text: nonEmpty,
  })
  .strict();
export type CallPromise = z.infer<typeof CallPromise>;

/**
 * A moment the decree promises the applicant is told about beyond Sigap's default notices (issue 16
 * §1, e.g. "dana sudah ditransfer"): when the case enters `atStep`, the notice `kind` is queued like
 * any other. The decree's sentence is kept verbatim in `text`; the message itself is Sigap's wording
 * (or the office's `notices:`), never the amount.
 */
export const NoticeMoment = z
  .object({
    kind: z.enum(['funds-transferred']),
    /** The step whose start is the moment. */
    atStep: id,
    /** The decree's sentence, exactly as printed. */
    text: nonEmpty,
  })
  .strict();
export type NoticeMoment = z.infer<typeof NoticeMoment>;

/**
 * How long a client may stay in the office's rumah singgah before the stay makes them eligible for
 * termination (issue 13 §3, docs/SHELTERS.md): the decree's sentence verbatim in `text`, its number
 * in `days`, and how its words are read in `rule` ("lebih dari" = `more-than`: eligible only after
 * check-in + days has passed). `warnAtDays` are the office's own reminders (DOMAIN.md §9, never constants).
 */
export const StayLimit = z
  .object({
    days: z.number().int().min(1).max(365),
    rule: z.enum(['more-than', 'at-least']),
    warnAtDays: z.array(z.number().int().min(1).max(365)).max(5).default([]),
    text: nonEmpty,
  })
  .strict();
export type StayLimit = z.infer<typeof StayLimit>;

/**
 * A filing window the decree sets (Banjarmasin santunan kematian: "tidak lebih dari 30 hari kalender
 * dari tanggal meninggal dunia"): a filing later than the date in `input` plus `days` calendar days
 * is refused at intake with `text`. The day of the event is day 0 (death on 15 January → last
 * filing day 14 February).
 */
export const FilingWindow = z
  .object({
    /** A date input of the service (the date the window counts from). */
    input: id,
    days: z.number().int().min(1).max(3650),
    unit: z.enum(['calendar_days']),
    /** The decree's sentence, exactly as printed. */
    text: nonEmpty,
  })
  .strict();
export type FilingWindow = z.infer<typeof FilingWindow>;

export const Service = z
  .object({
    no: z.number().int().positive(),
    slug,
    /** The service's name as the decree's list gives it. */
    title: nonEmpty,
    /** The heading the decree gives the service's own standard, when it differs from the list. */
    heading: z.string().optional(),
    unit: z.string().optional(),
    /** False for a service the decree only lists (no components). */
    detailed: z.boolean().default(true),
    openForApplications: z.boolean().default(true),
    initiators: z.array(z.enum(INITIATORS)).min(1).default(['citizen']),
    components: z.array(Component).default([]),
    serviceHours: ServiceHours.optional(),
    sla: Sla.nullable().default(null),
    fee: Fee.nullable().default(null),
    product: Product.nullable().default(null),
    otherProducts: z.array(OtherProduct).default([]),
    /** Complaint channels this service's own standard names, when they differ from the office's. */
    complaints: z.object({ channels: z.array(Channel).min(1) }).strict().optional(),
    inputs: z.array(Input).default([]),
    requirements: z.array(Requirement).default([]),
    eligibility: z.array(Eligibility).default([]),
    procedure: Procedure.nullable().default(null),
    registryProposal: RegistryProposal.optional(),
    calls: z.array(CallPromise).default([]),
    moments: z.array(NoticeMoment).default([]),
    notices: NoticeWordings.optional(),
    stayLimit: StayLimit.optional(),
    filingWindow: FilingWindow.optional(),
  })
  .strict();
export type Service = z.infer<typeof Service>;
export type Component = z.infer<typeof Component>;
export type Procedure = z.infer<typeof Procedure>;
export type Step = z.infer<typeof Step>;
export type Outcome = z.infer<typeof Outcome>;
export type Sla = z.infer<typeof Sla>;
export type ServiceHours = z.infer<typeof ServiceHours>;
export type Requirement = z.infer<typeof Requirement>;
export type Channel = z.infer<typeof Channel>;
export type OtherProduct = z.infer<typeof OtherProduct>;

/** Roles every office must declare. */
export const REQUIRED_ROLES = ['admin', 'front-office', 'kepala-dinas', 'auditor'] as const;
