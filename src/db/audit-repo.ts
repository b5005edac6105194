/**
 * All SQL of the auditor's trail: the office's audit events, registry access log and personal-data
 * read log filtered alike, newest first, each bounded; the use case merges the three by time.
 */
import { sql, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import type { TrailKind, TrailSource } from '../domain/audit/trail.js';
import { DATA_RECORD_KINDS } from '../domain/audit/data-access.js';
import { containing } from './applications-repo.js';
import type { DB } from './schema.js';

type Q = Kysely<DB> | Transaction<DB>;

/** The filters in stored terms: instants instead of local days, ids instead of numbers. */
export interface TrailQuery {
  fromAt?: string;
  beforeAt?: string;
  /** Lower case; matched anywhere in the actor's name. */
  actor?: string;
  kind?: TrailKind;
  action?: string;
  recordIds?: string[];
  nik?: string;
}

/** One line of the trail as stored, whatever its source. */
export interface TrailRow {
  source: TrailSource;
  seq: number;
  at: string;
  actorName: string;
  roles: string[];
  action: string;
  kind: string;
  recordId: string | null;
  nik: string | null;
  kk: string | null;
  /** The read log's declared purpose, or the reason typed for a registry look-up. */
  purpose: string | null;
  detail: Record<string, unknown>;
}

const isDataKind = (k: TrailKind) => (DATA_RECORD_KINDS as readonly string[]).includes(k);

/** Which sources can hold a line the filters match (events carry no NIK; registry lines are of kind 'registry'). */
export function trailSources(f: TrailQuery): TrailSource[] {
  const out: TrailSource[] = [];
  if (!f.nik && f.kind !== 'registry' && (!f.kind || !isDataKind(f.kind) || f.kind === 'letter' || f.kind === 'complaint')) out.push('event');
  if (!f.kind || f.kind === 'registry') out.push('registry');
  if (!f.kind || isDataKind(f.kind)) out.push('data');
  return out;
}

// The three builders share their WHERE by table; `any` keeps one generic filter over three tables.
type Sel<T extends keyof DB> = SelectQueryBuilder<DB, T, object>;

function eventsWhere(q: Q, officeId: string, f: TrailQuery): Sel<'audit_events'> {
  let s = q.selectFrom('audit_events').where('office_id', '=', officeId);
  if (f.fromAt) s = s.where('at', '>=', f.fromAt);
  if (f.beforeAt) s = s.where('at', '<', f.beforeAt);
  if (f.actor) s = s.where(sql<boolean>`lower(actor) like ${containing(f.actor)} escape '!'`);
  if (f.kind) s = s.where('subject', 'like', `${f.kind}:%`);
  if (f.action) s = s.where('action', '=', f.action);
  if (f.recordIds) {
    const ids = f.recordIds;
    s = s.where((eb) => eb.or(ids.map((id) => eb('subject', 'like', `%:${id}`))));
  }
  return s as Sel<'audit_events'>;
}

function registryWhere(q: Q, officeId: string, f: TrailQuery): Sel<'registry_access_log'> {
  let s = q.selectFrom('registry_access_log').where('office_id', '=', officeId);
  if (f.fromAt) s = s.where('at', '>=', f.fromAt);
  if (f.beforeAt) s = s.where('at', '<', f.beforeAt);
  if (f.actor) s = s.where(sql<boolean>`lower(actor_name) like ${containing(f.actor)} escape '!'`);
  if (f.action) s = s.where('action', '=', f.action);
  if (f.recordIds) {
    const ids = f.recordIds;
    s = s.where((eb) => eb.or([eb('application_id', 'in', ids), eb('snapshot_id', 'in', ids)]));
  }
  if (f.nik) {
    const nik = f.nik;
    s = s.where((eb) => eb.or([eb('nik', '=', nik), eb('kk', '=', nik)]));
  }
  return s as Sel<'registry_access_log'>;
}

function dataWhere(q: Q, officeId: string, f: TrailQuery): Sel<'data_access_log'> {
  let s = q.selectFrom('data_access_log').where('office_id', '=', officeId);
  if (f.fromAt) s = s.where('at', '>=', f.fromAt);
  if (f.beforeAt) s = s.where('at', '<', f.beforeAt);
  if (f.actor) s = s.where(sql<boolean>`lower(actor_name) like ${containing(f.actor)} escape '!'`);
  if (f.kind) s = s.where('record_kind', '=', f.kind);
  if (f.action) s = s.where('action', '=', f.action);
  if (f.recordIds) s = s.where('record_id', 'in', f.recordIds);
  if (f.nik) s = s.where('subject_nik', '=', f.nik);
  return s as Sel<'data_access_log'>;
}

const json = (s: string) => JSON.parse(s) as Record<string, unknown>;

/** The newest `limit` audit events that match. */
export async function trailEvents(q: Q, officeId: string, f: TrailQuery, limit: number): Promise<TrailRow[]> {
  const rows = await eventsWhere(q, officeId, f).selectAll().orderBy('at', 'desc').orderBy('seq', 'desc').limit(limit).execute();
  return rows.map((r) => {
    const colon = r.subject.indexOf(':');
    return {
      source: 'event',
      seq: Number(r.seq),
      at: r.at,
      actorName: r.actor,
      roles: [],
      action: r.action,
      kind: colon > 0 ? r.subject.slice(0, colon) : r.subject,
      recordId: colon > 0 ? r.subject.slice(colon + 1) : null,
      nik: null,
      kk: null,
      purpose: null,
      detail: json(r.detail),
    };
  });
}

/** The newest `limit` registry accesses that match. */
export async function trailRegistry(q: Q, officeId: string, f: TrailQuery, limit: number): Promise<TrailRow[]> {
  const rows = await registryWhere(q, officeId, f).selectAll().orderBy('at', 'desc').orderBy('seq', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    source: 'registry',
    seq: Number(r.seq),
    at: r.at,
    actorName: r.actor_name,
    roles: JSON.parse(r.roles) as string[],
    action: r.action,
    kind: 'registry',
    recordId: r.application_id ?? r.snapshot_id,
    nik: r.nik,
    kk: r.kk,
    purpose: r.reason,
    detail: json(r.detail),
  }));
}

/** The newest `limit` personal-data reads that match. */
export async function trailReads(q: Q, officeId: string, f: TrailQuery, limit: number): Promise<TrailRow[]> {
  const rows = await dataWhere(q, officeId, f).selectAll().orderBy('at', 'desc').orderBy('seq', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    source: 'data',
    seq: Number(r.seq),
    at: r.at,
    actorName: r.actor_name,
    roles: JSON.parse(r.roles) as string[],
    action: r.action,
    kind: r.record_kind,
    recordId: r.record_id,
    nik: r.subject_nik,
    kk: null,
    purpose: r.purpose,
    detail: json(r.detail),
  }));
}

/** How many lines of each source match. */
export async function countTrail(q: Q, officeId: string, f: TrailQuery): Promise<Record<TrailSource, number>> {
  const sources = trailSources(f);
  const n = async (b: Sel<'audit_events'> | Sel<'registry_access_log'> | Sel<'data_access_log'>) => {
    const r = await (b as Sel<'data_access_log'>).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
    return Number(r?.n ?? 0);
  };
  return {
    event: sources.includes('event') ? await n(eventsWhere(q, officeId, f)) : 0,
    registry: sources.includes('registry') ? await n(registryWhere(q, officeId, f)) : 0,
    data: sources.includes('data') ? await n(dataWhere(q, officeId, f)) : 0,
  };
}

/** The ids a typed record reference names: itself, the case with that registration number, the complaint with that receipt number. */
export async function recordIdsOf(q: Q, officeId: string, ref: string): Promise<string[]> {
  const cases = await q.selectFrom('applications').select('id').where('office_id', '=', officeId).where('registration_number', '=', ref).execute();
  const complaints = await q.selectFrom('complaints').select('id').where('office_id', '=', officeId).where('receipt_number', '=', ref).execute();
  return [...new Set([ref, ...cases.map((r) => r.id), ...complaints.map((r) => r.id)])];
}
