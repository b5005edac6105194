/**
 * Who may read the audit trail and the "who accessed this record" sections, and how much of a
 * NIK they see there. One place, so the office's permission table can take it over. Pure.
 */
import { readDateRange } from '../applications/case-search.js';
import type { Problem } from '../errors.js';
import { stripSeparators } from '../identity/nik.js';
import { DATA_RECORD_KINDS, RECORD_KIND_NAMES } from './data-access.js';
import { maskingFor } from '../registry/access.js';
import { may } from '../staff/permissions.js';

/** Who reads the trail: `audit.read` in the permission table (domain/staff/permissions.ts). */
export const mayReadAuditTrail = (roles: readonly string[]): boolean => may(roles, 'audit.read');

/**
 * NIKs and KKs in the trail are shown in full only to roles that see the registry in full (head,
 * admin); the auditor's oversight needs who read which record, not the number itself (masked).
 */
export const trailShowsFullNik = (roles: readonly string[]): boolean => maskingFor(roles) === 'full';

/* ---------- the trail's list: kinds, filters and their bounds ---------- */


/** Where a trail line comes from: the office's audit events, the registry's access log, the personal-data read log. */
export const TRAIL_SOURCES = ['event', 'registry', 'data'] as const;
export type TrailSource = (typeof TRAIL_SOURCES)[number];

/** Kinds of record one can filter by: the read log's kinds, registry access, and the audit events' subjects. */
export const TRAIL_KINDS = [...DATA_RECORD_KINDS, 'registry', 'registry-snapshot', 'delegation', 'office', 'survey-batch'] as const;
export type TrailKind = (typeof TRAIL_KINDS)[number];

export const TRAIL_KIND_NAMES: Record<TrailKind, { id: string; en: string }> = {
  ...RECORD_KIND_NAMES,
  registry: { id: 'Data registri (DTKS)', en: 'Registry data (DTKS)' },
  'registry-snapshot': { id: 'Impor registri', en: 'Registry import' },
  delegation: { id: 'Delegasi tanda tangan', en: 'Signing delegation' },
  office: { id: 'Kantor (akun, kalender, standar)', en: 'Office (accounts, calendar, standards)' },
  'survey-batch': { id: 'Survei', en: 'Survey' },
};

export const TRAIL_SOURCE_NAMES: Record<TrailSource, { id: string; en: string }> = {
  event: { id: 'Kejadian', en: 'Event' },
  registry: { id: 'Akses registri', en: 'Registry access' },
  data: { id: 'Baca data pribadi', en: 'Personal-data read' },
};

/** One page of the trail; only the newest TRAIL_MAX_PAGES pages are reachable (narrow the filters for older lines). */
export const TRAIL_PAGE_SIZE = 50;
export const TRAIL_MAX_PAGES = 20;
/** An export holds at most this many lines; a wider filter is refused with a request to narrow it. */
export const TRAIL_EXPORT_MAX = 5000;

/** The filters as typed (query string or form). */
export interface TrailInput {
  from?: string | undefined;
  to?: string | undefined;
  actor?: string | undefined;
  kind?: string | undefined;
  action?: string | undefined;
  record?: string | undefined;
  nik?: string | undefined;
  page?: number | undefined;
}

/** The filters checked: dates are the office's local days, the NIK is 16 digits. */
export interface TrailFilter {
  from?: string;
  to?: string;
  actor?: string;
  kind?: TrailKind;
  action?: string;
  record?: string;
  nik?: string;
}

const ACTOR = /^[\p{L}\p{N} .,'()-]{1,80}$/u;
const ACTION = /^[a-z][a-z.-]{0,59}$/;
// Ids, registration and receipt numbers: no character a LIKE pattern would read as a wildcard.
const RECORD = /^[A-Za-z0-9./-]{1,100}$/;

const problem = (field: string, code: string, message: string, messageEn: string): Problem => ({ field, code, message, messageEn });

/** Checks the typed filters; each refusal names its field, in both languages. */
export function readTrailFilter(input: TrailInput): { ok: true; value: TrailFilter } | { ok: false; error: Problem[] } {
  const problems: Problem[] = [];
  const dates = readDateRange(input.from, input.to);
  if (!dates.ok) problems.push(...dates.error);
  const f: TrailFilter = dates.ok ? { ...dates.value } : {};
  const actor = input.actor?.trim();
  if (actor) {
    if (ACTOR.test(actor)) f.actor = actor.toLowerCase();
    else problems.push(problem('actor', 'actor-invalid', 'Nama petugas hanya boleh berisi huruf, angka, spasi dan . , \' ( ) - (maks. 80)', "The officer's name may hold only letters, digits, spaces and . , ' ( ) - (at most 80)"));
  }
  const kind = input.kind?.trim();
  if (kind) {
    if ((TRAIL_KINDS as readonly string[]).includes(kind)) f.kind = kind as TrailKind;
    else problems.push(problem('kind', 'kind-invalid', 'Jenis data tidak dikenal', 'Unknown kind of record'));
  }
  const action = input.action?.trim();
  if (action) {
    if (ACTION.test(action)) f.action = action;
    else problems.push(problem('action', 'action-invalid', 'Tindakan ditulis dengan huruf kecil, titik atau tanda hubung (mis. read, lookup-nik, letters.sign)', 'An action is written in lower case with dots or hyphens (e.g. read, lookup-nik, letters.sign)'));
  }
  const record = input.record?.trim();
  if (record) {
    if (RECORD.test(record)) f.record = record;
    else problems.push(problem('record', 'record-invalid', 'Nomor registrasi, nomor pengaduan atau id tidak valid', 'Not a valid registration number, complaint number or id'));
  }
  const nik = input.nik?.trim();
  if (nik) {
    const digits = stripSeparators(nik);
    if (/^\d{16}$/.test(digits)) f.nik = digits;
    else problems.push(problem('nik', 'nik-invalid', 'NIK harus 16 angka', 'A NIK has 16 digits'));
  }
  return problems.length ? { ok: false, error: problems } : { ok: true, value: f };
}
