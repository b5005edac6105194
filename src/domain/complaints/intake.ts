/**
 * What a complaint intake must contain, checked without I/O: the caller supplies the office's
 * channels and services and whether staff or the public files it. Every problem is reported at
 * once, by field, in Bahasa Indonesia and English.
 */
import { REGISTRATION_NUMBER } from '../applications/codes.js';
import { COMPLAINT_MODES, COMPLAINT_TYPES, type ComplaintChannel, type ComplaintMode, type ComplaintType } from './types.js';
import { cleanText, type FieldProblem } from './text.js';

export interface ComplaintInput {
  channel?: unknown;
  type?: unknown;
  mode?: unknown;
  text?: unknown;
  service?: unknown;
  application?: unknown;
  complainant?: unknown;
  externalRef?: unknown;
  receivedAt?: unknown;
}

export interface IntakeFacts {
  channels: readonly ComplaintChannel[];
  serviceSlugs: ReadonlySet<string>;
  /** Staff record complaints from every channel; the public only through the web form. */
  staff: boolean;
  now: Date;
}

export interface ComplaintIntake {
  channel: ComplaintChannel;
  type: ComplaintType;
  mode: ComplaintMode;
  text: string;
  service: string | null;
  application: string | null;
  complainant: { name: string; phone: string | null; email: string | null } | null;
  externalRef: string | null;
  receivedAt: string | null;
}

export type IntakeCheck = { ok: true; value: ComplaintIntake } | { ok: false; problems: FieldProblem[] };

const REGISTRATION_RE = REGISTRATION_NUMBER;
const PHONE_RE = /^\+?[0-9][0-9 ().-]{5,22}$/;
const EMAIL_RE = /^[^\s@<>"']{1,64}@[^\s@<>"']{1,185}\.[A-Za-z]{2,24}$/;
const EXTERNAL_RE = /^[A-Za-z0-9][A-Za-z0-9._/-]{2,63}$/;
/** How far back staff may date a complaint received earlier (a complaint box opened weekly). */
const MAX_BACKDATE_DAYS = 60;

export function checkComplaintIntake(input: ComplaintInput, facts: IntakeFacts): IntakeCheck {
  const problems: FieldProblem[] = [];
  const p = (field: string, code: string, message: string, messageEn: string) => problems.push({ field, code, message, messageEn });
  const text = (v: unknown, rule: Parameters<typeof cleanText>[1]) => {
    const r = cleanText(v, rule);
    if (!r.ok) {
      problems.push(r.problem);
      return null;
    }
    return r.value;
  };

  const channel = (input.channel ?? (facts.staff ? undefined : 'website')) as string | undefined;
  if (channel === undefined) p('channel', 'channel-required', 'Saluran pengaduan wajib dipilih', 'The channel is required');
  else if (!facts.channels.includes(channel as ComplaintChannel))
    p('channel', 'channel-unknown', `Saluran "${String(channel)}" tidak dikenal di kantor ini. Saluran: ${facts.channels.join(', ')}`, `Channel "${String(channel)}" is not one of this office's: ${facts.channels.join(', ')}`);
  else if (!facts.staff && channel !== 'website')
    p('channel', 'channel-staff-only', 'Pengaduan dari saluran selain formulir daring dicatat oleh petugas', 'Complaints from channels other than the web form are recorded by staff');

  const type = input.type ?? 'pengaduan';
  if (!COMPLAINT_TYPES.includes(type as ComplaintType))
    p('type', 'type-unknown', `Jenis harus salah satu dari: ${COMPLAINT_TYPES.join(', ')}`, `Type must be one of: ${COMPLAINT_TYPES.join(', ')}`);
  const mode = input.mode;
  if (!COMPLAINT_MODES.includes(mode as ComplaintMode))
    p('mode', 'mode-required', 'Pilih cara identitas: named (dengan identitas), anonymous (anonim) atau confidential (rahasia)', 'Choose an identity mode: named, anonymous or confidential');

  const body = text(input.text, { field: 'text', label: 'Isi pengaduan', labelEn: 'The complaint', min: 10, max: 5000, multiline: true, required: true });

  let complainant: ComplaintIntake['complainant'] = null;
  const c = input.complainant;
  const given = c !== undefined && c !== null && !(typeof c === 'object' && Object.values(c as object).every((v) => v === undefined || v === null || v === ''));
  if (mode === 'anonymous') {
    if (given) p('complainant', 'identity-not-allowed', 'Pengaduan anonim tidak boleh memuat identitas; kosongkan nama, telepon dan email', 'An anonymous complaint must carry no identity; leave name, phone and e-mail empty');
  } else if (mode === 'named' || mode === 'confidential') {
    if (!given || typeof c !== 'object') p('complainant.name', 'name-required', 'Nama pelapor wajib diisi (atau pilih anonim)', "The complainant's name is required (or choose anonymous)");
    else {
      const o = c as Record<string, unknown>;
      const unknownKeys = Object.keys(o).filter((k) => !['name', 'phone', 'email'].includes(k));
      for (const k of unknownKeys) p(`complainant.${k}`, 'field-unknown', `Isian identitas "${k}" tidak dikenal`, `Unknown identity field "${k}"`);
      const name = text(o.name, { field: 'complainant.name', label: 'Nama pelapor', labelEn: "Complainant's name", min: 2, max: 100, required: true });
      const phone = text(o.phone, { field: 'complainant.phone', label: 'Nomor telepon', labelEn: 'Phone number', max: 24 });
      const email = text(o.email, { field: 'complainant.email', label: 'Email', labelEn: 'E-mail', max: 254 });
      if (phone && !PHONE_RE.test(phone)) p('complainant.phone', 'phone-invalid', 'Nomor telepon tidak sah (angka, boleh diawali +)', 'Invalid phone number (digits, may start with +)');
      if (email && !EMAIL_RE.test(email)) p('complainant.email', 'email-invalid', 'Alamat email tidak sah', 'Invalid e-mail address');
      if (name) complainant = { name, phone, email };
    }
  }

  let service: string | null = null;
  if (input.service !== undefined && input.service !== null && input.service !== '') {
    if (typeof input.service !== 'string' || !facts.serviceSlugs.has(input.service))
      p('service', 'service-not-found', `Layanan "${String(input.service)}" tidak ada di kantor ini`, `Service "${String(input.service)}" is not one of this office's`);
    else service = input.service;
  }
  let application: string | null = null;
  if (input.application !== undefined && input.application !== null && input.application !== '') {
    const a = typeof input.application === 'string' ? input.application.trim().toUpperCase() : '';
    if (!REGISTRATION_RE.test(a)) p('application', 'application-invalid', 'Nomor registrasi permohonan harus seperti JMB-2026-000123', 'The application number must look like JMB-2026-000123');
    else application = a;
  }
  let externalRef: string | null = null;
  if (input.externalRef !== undefined && input.externalRef !== null && input.externalRef !== '') {
    const e = typeof input.externalRef === 'string' ? input.externalRef.trim() : '';
    if (!EXTERNAL_RE.test(e)) p('externalRef', 'external-ref-invalid', 'Nomor rujukan luar tidak sah (3–64 huruf, angka, . _ / -)', 'Invalid outside reference (3–64 letters, digits, . _ / -)');
    else externalRef = e;
  }
  if (channel === 'lapor' && !externalRef && !problems.some((x) => x.field === 'externalRef'))
    p('externalRef', 'lapor-id-required', 'Pengaduan dari SP4N-LAPOR! wajib mencantumkan nomor pelacakan LAPOR!', 'A complaint from SP4N-LAPOR! needs its LAPOR! tracking id');

  let receivedAt: string | null = null;
  if (input.receivedAt !== undefined && input.receivedAt !== null && input.receivedAt !== '') {
    const r = input.receivedAt;
    const ms = typeof r === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(r) ? Date.parse(r) : NaN;
    if (!facts.staff) p('receivedAt', 'received-at-staff-only', 'Waktu diterima hanya dapat diisi petugas', 'Only staff may set the time received');
    else if (Number.isNaN(ms)) p('receivedAt', 'received-at-invalid', 'Waktu diterima harus instan ISO 8601 dengan zona waktu, mis. 2026-03-20T09:00:00+07:00', 'receivedAt must be an ISO 8601 instant with an offset');
    else if (ms > facts.now.getTime() + 60_000) p('receivedAt', 'received-at-future', 'Waktu diterima tidak boleh di masa depan', 'receivedAt cannot be in the future');
    else if (ms < facts.now.getTime() - MAX_BACKDATE_DAYS * 86_400_000) p('receivedAt', 'received-at-too-old', `Waktu diterima paling lama ${MAX_BACKDATE_DAYS} hari yang lalu`, `receivedAt can be at most ${MAX_BACKDATE_DAYS} days ago`);
    else receivedAt = new Date(ms).toISOString();
  }

  if (problems.length || !body || !channel) return { ok: false, problems };
  return {
    ok: true,
    value: { channel: channel as ComplaintChannel, type: type as ComplaintType, mode: mode as ComplaintMode, text: body, service, application, complainant, externalRef, receivedAt },
  };
}
