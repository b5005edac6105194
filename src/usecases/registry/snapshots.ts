/**
 * Reading snapshots, for every registry use case: the office's current snapshot (fast, through
 * ctx.caches.registry), the one a query asks for (an id, or the one in force at a date), and how a
 * snapshot is shown (a short reference beside an answer, or the full record of its import).
 * Readers never see a half-loaded snapshot: only published ids are ever current.
 */
import type { Kysely, Transaction } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { Database, DialectName } from '../../db/dialect.js';
import { currentSnapshotId, findSnapshot, snapshotAsOf, snapshotById, type Snapshot, type SnapshotSummary } from '../../db/registry-repo.js';
import type { DB } from '../../db/schema.js';
import { fail, type Failure, type Outcome } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import { CURRENT_TTL_MS, type RegistryCaches } from './caches.js';

type Reader = Kysely<DB> | Transaction<DB> | Database;

async function publishedSnapshot(q: Reader, id: string, caches: RegistryCaches | undefined): Promise<Snapshot | undefined> {
  const hit = caches?.snapshot(id);
  if (hit) return hit;
  const s = await snapshotById('read' in q ? q.db : q, id);
  if (s) caches?.remember(s);
  return s;
}

/**
 * The office's current snapshot. With the product's caches, which one is current is asked of the
 * database at most every CURRENT_TTL_MS and the snapshot itself comes from memory; without them
 * (a caller outside a product), both are read.
 */
export async function currentSnapshotOf(q: Reader, dialect: DialectName, officeId: string, caches?: RegistryCaches): Promise<Snapshot | undefined> {
  if (!caches) {
    const id = await currentSnapshotId(q, dialect, officeId);
    return id ? publishedSnapshot(q, id, undefined) : undefined;
  }
  const now = Date.now();
  let hit = caches.currentIds.get(officeId);
  if (!hit || now - hit.at > CURRENT_TTL_MS) {
    hit = { id: await currentSnapshotId(q, dialect, officeId), at: now };
    caches.currentIds.set(officeId, hit);
  }
  return hit.id ? publishedSnapshot(q, hit.id, caches) : undefined;
}

/** A snapshot named beside an answer: which extract the answer comes from. */
export interface SnapshotRef {
  id: string;
  period: string;
  importedAt: string | null;
  sourceSha256: string;
  sourceName: string | null;
  rows: number | null;
  current: boolean;
}

/** `currentId`: the office's current snapshot (the one readers use now). */
export function snapshotRef(s: Snapshot, currentId: string | null = s.id): SnapshotRef {
  return { id: s.id, period: s.period, importedAt: s.completedAt, sourceSha256: s.sourceSha256, sourceName: s.sourceName, rows: s.rowsAccepted, current: s.id === currentId };
}

const snapshotNotFound = (): { ok: false; error: Failure } =>
  fail('not-found', { code: 'snapshot-not-found', message: 'Snapshot registri tidak ditemukan', messageEn: 'Registry snapshot not found' });

/** Which snapshot a query reads: a given id, the one in force at a date, or the current one (none yet: undefined). */
export async function pickSnapshot(ctx: Ctx, officeId: string, q: { snapshot?: string; asOf?: string }): Promise<Outcome<Snapshot | undefined>> {
  const db = ctx.database.db;
  if (q.snapshot) {
    const s = await findSnapshot(db, officeId, q.snapshot);
    return s && s.status === 'complete' ? { ok: true, value: s } : snapshotNotFound();
  }
  if (q.asOf) {
    const office = ctx.catalogue.officeById(officeId);
    let instant: string;
    if (/^\d{4}-\d{2}-\d{2}$/.test(q.asOf)) {
      // The end of that local day in the office's zone.
      try {
        instant = Temporal.PlainDate.from(q.asOf, { overflow: 'reject' }).toZonedDateTime({ timeZone: office.office.timezone, plainTime: '23:59:59.999' }).toInstant().toString();
      } catch {
        return fail('invalid', { code: 'as-of-invalid', message: 'Tanggal tidak ada di kalender', messageEn: 'The date does not exist' });
      }
    } else if (!Number.isNaN(Date.parse(q.asOf)) && /T.*(Z|[+-]\d{2}:\d{2})$/.test(q.asOf)) instant = new Date(q.asOf).toISOString();
    else
      return fail('invalid', {
        code: 'as-of-invalid',
        message: 'Tanggal harus YYYY-MM-DD atau instan ISO 8601 dengan zona waktu',
        messageEn: 'The date must be YYYY-MM-DD or an ISO 8601 instant with an offset',
      });
    return { ok: true, value: await snapshotAsOf(db, officeId, instant) };
  }
  return { ok: true, value: await currentSnapshotOf(ctx.database, ctx.database.dialect, officeId, ctx.caches.registry) };
}

/** The full record of a snapshot's import (the API's snapshot, the import's result page). */
export interface SnapshotView {
  id: string;
  period: string;
  status: Snapshot['status'];
  current: boolean;
  phase: Snapshot['phase'];
  sourceName: string | null;
  sourceSha256: string;
  sourceSize: number;
  sourceKind: string;
  importer: string;
  startedAt: string;
  completedAt: string | null;
  replacedAt: string | null;
  rowsRead: number;
  bytesRead: number;
  rowsAccepted: number | null;
  rowsRejected: number | null;
  rowsUnchanged: number | null;
  hasReport: boolean;
  /** The import's summary without its layout (how cells are stored is nobody's business outside). */
  summary: Omit<SnapshotSummary, 'layout'>;
}

export function snapshotView(s: Snapshot): SnapshotView {
  const { layout: _layout, ...summary } = s.summary;
  return {
    id: s.id,
    period: s.period,
    status: s.status,
    current: s.current,
    phase: s.phase,
    sourceName: s.sourceName,
    sourceSha256: s.sourceSha256,
    sourceSize: s.sourceSize,
    sourceKind: s.sourceKind,
    importer: s.importerName,
    startedAt: s.startedAt,
    completedAt: s.completedAt,
    replacedAt: s.replacedAt,
    rowsRead: s.rowsRead,
    bytesRead: s.bytesRead,
    rowsAccepted: s.rowsAccepted,
    rowsRejected: s.rowsRejected,
    rowsUnchanged: s.rowsUnchanged,
    hasReport: !!s.reportPath,
    summary,
  };
}
