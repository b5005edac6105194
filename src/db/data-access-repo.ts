/** All SQL of the personal-data read log (data_access_log): appends go through the chained append path. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './dialect.js';
import { accessLogColumns } from './registry-repo.js';
import type { DataAccessLogTable, DB } from './schema.js';
import type { DataAccessAction, DataAccessPurpose, DataRecordKind } from '../domain/audit/data-access.js';
import { newLogId } from './log-ids.js';

type Q = Kysely<DB> | Transaction<DB>;

export interface NewDataAccess {
  officeId: string;
  actor: { id: string | null; name: string; roles: readonly string[] };
  action: DataAccessAction;
  recordKind: DataRecordKind;
  recordId: string;
  subjectNik?: string | null;
  purpose: DataAccessPurpose;
  /** Which groups of fields were shown or handed over. */
  fields?: readonly string[];
  at: string;
}

export interface DataAccessEntry {
  seq: number;
  id: string;
  officeId: string;
  at: string;
  actorId: string | null;
  actorName: string;
  roles: string[];
  action: DataAccessAction;
  recordKind: DataRecordKind;
  recordId: string;
  subjectNik: string | null;
  purpose: DataAccessPurpose;
  fields: string[];
}

const toEntry = (r: DataAccessLogTable & { seq: number }): DataAccessEntry => {
  const detail = JSON.parse(r.detail) as { fields?: string[] };
  return {
    seq: Number(r.seq),
    id: r.id,
    officeId: r.office_id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    roles: JSON.parse(r.roles) as string[],
    action: r.action as DataAccessAction,
    recordKind: r.record_kind as DataRecordKind,
    recordId: r.record_id,
    subjectNik: r.subject_nik,
    purpose: r.purpose as DataAccessPurpose,
    fields: detail.fields ?? [],
  };
};

const toRow = (id: string, e: NewDataAccess): Omit<DataAccessLogTable, 'seq' | 'prev_hash' | 'hash'> => ({
  ...accessLogColumns(id, e),
  action: e.action,
  record_kind: e.recordKind,
  record_id: e.recordId,
  subject_nik: e.subjectNik ?? null,
  purpose: e.purpose,
  detail: JSON.stringify({ fields: e.fields ?? [] }),
});

/** Appends one read; resolves once it is committed (chained per office). */
export async function appendDataAccess(database: Database, e: NewDataAccess): Promise<string> {
  const id = newLogId();
  await database.append('data_access_log', [toRow(id, e)]);
  return id;
}

/** Appends the reads of one list page in one commit (each its own chained row). */
export async function appendDataAccesses(database: Database, entries: readonly NewDataAccess[]): Promise<void> {
  if (entries.length) await database.append('data_access_log', entries.map((e) => toRow(newLogId(), e)));
}

/** Records by kind: a case with its uploaded documents and its letters, read as one. */
export type RecordRefs = Partial<Record<DataRecordKind, readonly string[]>>;

function ofRecords(q: Q, officeId: string, refs: RecordRefs) {
  const groups = Object.entries(refs).filter(([, ids]) => ids && ids.length) as [DataRecordKind, readonly string[]][];
  return q
    .selectFrom('data_access_log')
    .where('office_id', '=', officeId)
    .where((eb) => eb.or(groups.length ? groups.map(([kind, ids]) => eb.and([eb('record_kind', '=', kind), eb('record_id', 'in', ids)])) : [eb.lit(false)]));
}

/** Who read any of these records, newest first (bounded). */
export async function accessesOfRecords(q: Q, officeId: string, refs: RecordRefs, limit: number): Promise<DataAccessEntry[]> {
  const rows = await ofRecords(q, officeId, refs).selectAll().orderBy('seq', 'desc').limit(limit).execute();
  return rows.map((r) => toEntry(r as never));
}

/** How many reads of these records are logged (the "who accessed" section shows the newest few of them). */
export async function countAccessesOfRecords(q: Q, officeId: string, refs: RecordRefs): Promise<number> {
  const r = await ofRecords(q, officeId, refs).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Who read one record, newest first (bounded). */
export async function accessesOfRecord(q: Q, officeId: string, kind: DataRecordKind, recordId: string, limit: number): Promise<DataAccessEntry[]> {
  const rows = await q.selectFrom('data_access_log').selectAll().where('office_id', '=', officeId).where('record_kind', '=', kind).where('record_id', '=', recordId).orderBy('seq', 'desc').limit(limit).execute();
  return rows.map((r) => toEntry(r as never));
}

/** Every logged read of one person's records in an office, oldest first (a subject access report). */
export async function accessesOfSubject(q: Q, officeId: string, nik: string, limit: number): Promise<DataAccessEntry[]> {
  const rows = await q.selectFrom('data_access_log').selectAll().where('office_id', '=', officeId).where('subject_nik', '=', nik).orderBy('seq').limit(limit).execute();
  return rows.map((r) => toEntry(r as never));
}
