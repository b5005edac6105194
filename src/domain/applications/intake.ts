/**
 * What an intake (online form, counter, report, institution) must contain for a service, checked
 * without I/O. Every problem names its field so forms and the API can show it where it belongs.
 */
import { filingWindowProblem } from './filing-window.js';
import type { FieldProblem, Problem } from '../errors.js';
import { NOTIFY_CHANNELS, type NotifyChoice } from '../notifications/consent.js';
import { ageOn, checkNikAgainst, parseKk, parseNik } from '../identity/index.js';
import { evaluateRule, type Facts, type Verdict } from '../standards/rules.js';
import type { Service } from '../standards/schema.js';

export const CHANNELS = ['online', 'counter', 'phone', 'whatsapp', 'letter', 'call-center', 'field', 'office-data'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface ApplicantInput {
  nik?: string;
  kk?: string;
  name?: string;
  birthDate?: string;
  sex?: 'L' | 'P';
  phone?: string;
  email?: string;
  address?: string;
  residentOfRegion?: boolean;
  /** The channels the citizen chose for news of the case (recorded as `applicant.notify`). */
  notify?: { channels?: string[] };
}

export interface ReporterInput {
  name?: string;
  role?: string;
  institution?: string;
  phone?: string;
}

export interface AttachmentInput {
  requirement: string;
  upload?: string;
  shown?: boolean;
}

export interface IntakeInput {
  initiator?: string;
  channel?: string;
  applicant?: ApplicantInput;
  reporter?: ReporterInput;
  answers?: Record<string, unknown>;
  attachments?: AttachmentInput[];
  /** An emergency report about someone else (domain/emergency): the subject's NIK is "jika ada" (Banjarmasin 13 Persyaratan 5). */
  aboutOther?: boolean;
}

export type { FieldProblem } from '../errors.js';

export interface EligibilityResult {
  id: string;
  message: string;
  verdict: Verdict;
}

export interface CheckedIntake {
  applicant: Omit<ApplicantInput, 'nik' | 'birthDate' | 'sex' | 'notify'> & { nik: string | null; birthDate: string | null; sex: 'L' | 'P' | null; age: number | null; notify?: NotifyChoice };
  initiator: string;
  channel: Channel;
  answers: Record<string, unknown>;
  attachments: AttachmentInput[];
  eligibility: EligibilityResult[];
  warnings: Problem[];
}

const fp = (field: string, code: string, message: string, messageEn: string): FieldProblem => ({ field, code, message, messageEn });

/**
 * The most each free-text field may hold, the same bounds as the API's zod schemas: the domain
 * checks them again so that no caller (CLI, import, a future form) stores a 100,000-character
 * address or fails on a number where a name belongs.
 */
export const INTAKE_LIMITS = {
  applicant: { nik: 32, kk: 32, name: 200, birthDate: 20, sex: 1, phone: 40, email: 200, address: 500 },
  reporter: { name: 200, role: 200, institution: 200, phone: 40 },
  answer: 2000,
  answers: 100,
  attachments: 100,
} as const;

/** Wrong types and oversized values, each named by its field; checked before anything reads them. */
function shapeProblems(input: IntakeInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const texts = (group: 'applicant' | 'reporter', value: unknown) => {
    if (value === undefined) return;
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      problems.push(fp(group, 'not-an-object', `${group}: harus berupa objek isian`, `${group}: must be an object of fields`));
      return;
    }
    for (const [k, max] of Object.entries(INTAKE_LIMITS[group])) {
      const v = (value as Record<string, unknown>)[k];
      if (v === undefined || v === null) continue;
      if (typeof v !== 'string') problems.push(fp(`${group}.${k}`, 'not-text', `${group}.${k}: harus berupa teks`, `${group}.${k}: must be text`));
      else if (v.length > max) problems.push(fp(`${group}.${k}`, 'too-long', `${group}.${k}: terlalu panjang (maksimal ${max} karakter)`, `${group}.${k}: too long (at most ${max} characters)`));
    }
  };
  texts('applicant', input.applicant);
  texts('reporter', input.reporter);
  const resident = (input.applicant as Record<string, unknown> | undefined)?.residentOfRegion;
  const notify = (input.applicant as Record<string, unknown> | undefined)?.notify;
  if (notify !== undefined) {
    const channels = (notify as { channels?: unknown } | null)?.channels;
    if (!notify || typeof notify !== 'object' || (channels !== undefined && (!Array.isArray(channels) || channels.length > NOTIFY_CHANNELS.length || channels.some((c) => !(NOTIFY_CHANNELS as readonly unknown[]).includes(c)))))
      problems.push(fp('applicant.notify', 'notify-invalid', 'applicant.notify.channels: pilih dari whatsapp, sms, email', 'applicant.notify.channels: choose from whatsapp, sms, email'));
  }
  if (resident !== undefined && typeof resident !== 'boolean') problems.push(fp('applicant.residentOfRegion', 'not-boolean', 'applicant.residentOfRegion: harus ya/tidak (boolean)', 'applicant.residentOfRegion: must be true or false'));
  if (input.answers !== undefined) {
    if (!input.answers || typeof input.answers !== 'object' || Array.isArray(input.answers)) problems.push(fp('answers', 'not-an-object', 'answers: harus berupa objek isian', 'answers: must be an object of fields'));
    else {
      const entries = Object.entries(input.answers);
      if (entries.length > INTAKE_LIMITS.answers) problems.push(fp('answers', 'too-many', `answers: paling banyak ${INTAKE_LIMITS.answers} isian`, `answers: at most ${INTAKE_LIMITS.answers} fields`));
      for (const [k, v] of entries.slice(0, INTAKE_LIMITS.answers)) {
        if (v !== null && typeof v === 'object') problems.push(fp(`answers.${k}`, 'not-a-value', `answers.${k}: harus teks, angka atau ya/tidak`, `answers.${k}: must be text, a number or yes/no`));
        else if (typeof v === 'string' && v.length > INTAKE_LIMITS.answer)
          problems.push(fp(`answers.${k}`, 'answer-too-long', `answers.${k}: terlalu panjang (maksimal ${INTAKE_LIMITS.answer} karakter)`, `answers.${k}: too long (at most ${INTAKE_LIMITS.answer} characters)`));
      }
    }
  }
  if (input.attachments !== undefined) {
    if (!Array.isArray(input.attachments)) problems.push(fp('attachments', 'not-a-list', 'attachments: harus berupa daftar', 'attachments: must be a list'));
    else if (input.attachments.length > INTAKE_LIMITS.attachments) problems.push(fp('attachments', 'too-many', `attachments: paling banyak ${INTAKE_LIMITS.attachments}`, `attachments: at most ${INTAKE_LIMITS.attachments}`));
    else
      input.attachments.forEach((x, i) => {
        if (!x || typeof x !== 'object' || typeof x.requirement !== 'string' || x.requirement.length > 100 || (x.upload !== undefined && typeof x.upload !== 'string'))
          problems.push(fp(`attachments.${i}`, 'attachment-invalid', `attachments.${i}: harus { requirement, upload?, shown? }`, `attachments.${i}: must be { requirement, upload?, shown? }`));
      });
  }
  for (const k of ['initiator', 'channel'] as const) {
    const v = input[k];
    if (v !== undefined && (typeof v !== 'string' || v.length > 100)) problems.push(fp(k, 'not-text', `${k}: harus berupa teks pendek`, `${k}: must be short text`));
  }
  return problems;
}

export function checkIntake(
  service: Service,
  input: IntakeInput,
  ctx: { today: string; staff: boolean; registry?: Facts; /** When the choice of channels is recorded (ISO); the date alone without it. */ now?: string },
): { ok: true; value: CheckedIntake } | { ok: false; problems: FieldProblem[] } {
  const shape = shapeProblems(input);
  if (shape.length) return { ok: false, problems: shape };
  const problems: FieldProblem[] = [];
  const warnings: Problem[] = [];
  const initiator = input.initiator ?? service.initiators[0]!;
  if (!service.initiators.includes(initiator as (typeof service.initiators)[number]))
    problems.push(
      fp('initiator', 'initiator-not-allowed', `Layanan ini tidak dapat diajukan oleh "${initiator}". Yang dapat mengajukan: ${service.initiators.join(', ')}`, `This service cannot be started by "${initiator}". Allowed: ${service.initiators.join(', ')}`),
    );
  const channel = (input.channel ?? (ctx.staff ? 'counter' : 'online')) as Channel;
  if (!CHANNELS.includes(channel)) problems.push(fp('channel', 'channel-invalid', `Saluran tidak dikenal: ${channel}`, `Unknown channel: ${channel}`));
  if (!ctx.staff && channel !== 'online')
    problems.push(fp('channel', 'channel-staff-only', 'Hanya petugas yang dapat mencatat permohonan dari saluran selain daring', 'Only staff can record applications from channels other than online'));

  const a = input.applicant ?? {};
  const name = (a.name ?? '').trim();
  if (name.length < 2) problems.push(fp('applicant.name', 'name-required', 'Nama wajib diisi', 'Name is required'));
  if (name.length > 200) problems.push(fp('applicant.name', 'name-too-long', 'Nama terlalu panjang (maksimal 200 karakter)', 'Name too long (at most 200 characters)'));
  // A citizen applying for themselves must give a NIK; a report about a neglected person may not know one.
  const nikRequired = initiator === 'citizen' && input.aboutOther !== true;
  let nik: string | null = null;
  let birthDate: string | null = a.birthDate ?? null;
  let sex: 'L' | 'P' | null = a.sex ?? null;
  if (a.nik && a.nik.trim()) {
    const parsed = parseNik(a.nik, { today: ctx.today });
    if (!parsed.ok) problems.push({ field: 'applicant.nik', ...parsed.error });
    else {
      nik = parsed.value.nik;
      for (const w of checkNikAgainst(parsed.value, { birthDate: a.birthDate, sex: a.sex })) warnings.push(w);
      birthDate = parsed.value.birthDate;
      sex = parsed.value.sex;
    }
  } else if (nikRequired) problems.push(fp('applicant.nik', 'nik-required', 'NIK wajib diisi (16 digit, sesuai KTP/KK)', 'NIK is required (16 digits, as on the ID card / family card)'));
  if (a.kk && a.kk.trim()) {
    const kk = parseKk(a.kk, { today: ctx.today });
    if (!kk.ok) problems.push({ field: 'applicant.kk', ...kk.error });
  }
  if (a.birthDate && !/^\d{4}-\d{2}-\d{2}$/.test(a.birthDate))
    problems.push(fp('applicant.birthDate', 'date-invalid', 'Tanggal lahir harus berformat YYYY-MM-DD', 'Birth date must be YYYY-MM-DD'));
  if (a.phone && !/^\+?[0-9 ()-]{6,20}$/.test(a.phone))
    problems.push(fp('applicant.phone', 'phone-invalid', 'Nomor telepon tidak sah', 'Invalid phone number'));
  if (a.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a.email))
    problems.push(fp('applicant.email', 'email-invalid', 'Alamat e-mail tidak sah', 'Invalid e-mail address'));
  // A channel chosen without its address would promise news that can never arrive: said beside the address.
  const chosen = [...new Set(a.notify?.channels ?? [])] as NotifyChoice['channels'];
  if (chosen.some((c) => c === 'whatsapp' || c === 'sms') && !(a.phone ?? '').trim())
    problems.push(
      fp('applicant.phone', 'phone-required-for-channel', `Anda memilih kabar lewat ${chosen.includes('whatsapp') ? 'WhatsApp' : 'SMS'}: isi nomor HP`, `You chose news by ${chosen.includes('whatsapp') ? 'WhatsApp' : 'SMS'}: give a mobile number`),
    );
  if (chosen.includes('email') && !(a.email ?? '').trim())
    problems.push(fp('applicant.email', 'email-required-for-channel', 'Anda memilih kabar lewat e-mail: isi alamat e-mail', 'You chose news by e-mail: give an e-mail address'));
  if (initiator !== 'citizen' && initiator !== 'office' && !(input.reporter?.name ?? '').trim())
    problems.push(fp('reporter.name', 'reporter-required', 'Nama pelapor/lembaga pengusul wajib diisi', 'The reporter or proposing institution must be named'));

  const answers: Record<string, unknown> = {};
  for (const field of service.inputs) {
    const v = input.answers?.[field.id];
    if (v === undefined || v === null || v === '') {
      if (field.required) problems.push(fp(`answers.${field.id}`, 'answer-required', `${field.label}: wajib diisi`, `${field.label}: required`));
      continue;
    }
    if (field.type === 'number') {
      const n = typeof v === 'number' ? v : Number(v);
      if (!Number.isFinite(n)) problems.push(fp(`answers.${field.id}`, 'answer-number', `${field.label}: harus berupa angka`, `${field.label}: must be a number`));
      else answers[field.id] = n;
    } else if (field.type === 'boolean') {
      if (v === true || v === 'true' || v === 'ya' || v === 'on') answers[field.id] = true;
      else if (v === false || v === 'false' || v === 'tidak') answers[field.id] = false;
      else problems.push(fp(`answers.${field.id}`, 'answer-boolean', `${field.label}: harus ya atau tidak`, `${field.label}: must be yes or no`));
    } else if (field.type === 'choice') {
      if (!field.options!.some((o) => o.value === v))
        problems.push(fp(`answers.${field.id}`, 'answer-choice', `${field.label}: pilihan tidak sah`, `${field.label}: invalid choice`));
      else answers[field.id] = v;
    } else if (field.type === 'date') {
      if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) problems.push(fp(`answers.${field.id}`, 'answer-date', `${field.label}: tanggal YYYY-MM-DD`, `${field.label}: date YYYY-MM-DD`));
      else answers[field.id] = v;
    } else {
      const s = String(v).trim();
      if (s.length > INTAKE_LIMITS.answer) problems.push(fp(`answers.${field.id}`, 'answer-too-long', `${field.label}: terlalu panjang`, `${field.label}: too long`));
      else answers[field.id] = s;
    }
  }
  const window = service.filingWindow;
  const from = window ? answers[window.input] : undefined;
  if (window && typeof from === 'string') {
    const late = filingWindowProblem(window, service.inputs.find((f) => f.id === window.input)?.label ?? window.input, from, ctx.today);
    if (late) problems.push(late);
  }
  const unknownAnswers = Object.keys(input.answers ?? {}).filter((k) => !service.inputs.some((f) => f.id === k));
  for (const k of unknownAnswers) problems.push(fp(`answers.${k}`, 'answer-unknown', `Isian tidak dikenal: ${k}`, `Unknown answer: ${k}`));

  const age = birthDate ? ageOn(birthDate, ctx.today) : null;
  const ownFacts: Facts = {
    'applicant.age': age ?? undefined,
    'applicant.sex': sex ?? undefined,
    'applicant.residentOfRegion': a.residentOfRegion,
    ...Object.fromEntries(Object.entries(answers).map(([k, v]) => [`answers.${k}`, v])),
  };
  const facts: Facts = { ...ownFacts, ...(ctx.registry ?? {}) };
  // What the public is answered with never depends on the registry: a verdict (or a required
  // document) that changed with DTKS membership would tell anyone who is on the poverty registry.
  // The public is checked on its own facts (registry rules stay *unknown*); the officer sees the
  // registry verdict recorded on the case, and the decision step re-checks it.
  const answerFacts = ctx.staff ? facts : ownFacts;

  const attachments = input.attachments ?? [];
  const byReq = new Map(attachments.map((x) => [x.requirement, x]));
  for (const x of attachments) {
    if (!service.requirements.some((r) => r.id === x.requirement))
      problems.push(fp(`attachments.${x.requirement}`, 'requirement-unknown', `Persyaratan tidak dikenal: ${x.requirement}`, `Unknown requirement: ${x.requirement}`));
    if (x.shown && !ctx.staff)
      problems.push(fp(`attachments.${x.requirement}`, 'shown-staff-only', 'Hanya petugas loket yang dapat mencatat dokumen sebagai diperlihatkan', 'Only counter staff can record a document as shown'));
  }
  for (const r of service.requirements) {
    if (r.kind !== 'document' || !r.required) continue;
    if (r.appliesWhen && evaluateRule(r.appliesWhen, answerFacts) !== 'pass') continue;
    const given = byReq.get(r.id);
    if (!given || (!given.upload && !given.shown))
      problems.push(
        fp(
          `attachments.${r.id}`,
          'document-missing',
          `Dokumen persyaratan belum dilampirkan: ${r.label}`,
          `Required document not attached: ${r.label}`,
        ),
      );
  }
  const eligibility: EligibilityResult[] = service.eligibility.map((e) => ({ id: e.id, message: e.message, verdict: evaluateRule(e.rule, facts) }));
  const refusing = ctx.staff ? eligibility : service.eligibility.map((e) => ({ id: e.id, message: e.message, verdict: evaluateRule(e.rule, answerFacts) }));
  for (const e of refusing.filter((x) => x.verdict === 'fail'))
    problems.push(fp(`eligibility.${e.id}`, 'not-eligible', `Tidak memenuhi syarat: ${e.message}`, `Not eligible: ${e.message}`));

  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      applicant: { ...a, name, nik, birthDate, sex, age, notify: a.notify ? { channels: chosen, basis: 'pelayanan-publik', at: ctx.now ?? ctx.today } : undefined },
      initiator,
      channel,
      answers,
      attachments,
      eligibility,
      warnings,
    },
  };
}

