/**
 * What the trail page and its export share: who may read it, the checked filters in stored terms,
 * and the lines of the three logs merged newest first, with NIKs masked for roles that do not see
 * them in full and times in the office's zone.
 */
import { Temporal } from 'temporal-polyfill';
import { countTrail, recordIdsOf, trailEvents, trailReads, trailRegistry, trailSources, type TrailQuery, type TrailRow } from '../../db/audit-repo.js';
import { readTrailFilter, trailShowsFullNik, mayReadAuditTrail, type TrailFilter, type TrailInput, type TrailSource } from '../../domain/audit/trail.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import { maskKk, maskNik } from '../../domain/identity/index.js';
import type { Office } from '../../domain/standards/schema.js';
import type { Actor, Ctx } from '../context.js';
import { startOfDay } from '../applications/search-cases.js';

export type TrailReader = Pick<Actor, 'id' | 'name' | 'roles'> & { officeId: string };

/** A trail line as the reader may see it. */
export type TrailLine = TrailRow & { atLocal: string; roleNames: string[] };

export interface CheckedTrail {
  office: Office;
  filter: TrailFilter;
  query: TrailQuery;
}

export const trailRefused = () =>
  failWith('forbidden', 'role-required', 'Jejak audit hanya untuk kepala dinas, auditor dan admin', 'The audit trail is for the head of office, the auditor and the admin only');

/** The reader's right and the filters, turned into a query over stored values. */
export async function checkTrail(ctx: Ctx, reader: TrailReader, input: TrailInput): Promise<Outcome<CheckedTrail>> {
  if (!mayReadAuditTrail(reader.roles)) return trailRefused();
  const parsed = readTrailFilter(input);
  if (!parsed.ok) return fail('invalid', ...parsed.error);
  const f = parsed.value;
  const office = ctx.catalogue.officeById(reader.officeId).office;
  const query: TrailQuery = {
    ...(f.from ? { fromAt: startOfDay(office, f.from) } : {}),
    ...(f.to ? { beforeAt: startOfDay(office, Temporal.PlainDate.from(f.to).add({ days: 1 }).toString()) } : {}),
    ...(f.actor ? { actor: f.actor } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.record ? { recordIds: await recordIdsOf(ctx.database.db, reader.officeId, f.record) } : {}),
    ...(f.nik ? { nik: f.nik } : {}),
  };
  return { ok: true, value: { office, filter: f, query } };
}

/** How many lines match, by source and in all. */
export async function trailCount(ctx: Ctx, officeId: string, query: TrailQuery): Promise<{ total: number; bySource: Record<TrailSource, number> }> {
  const bySource = await countTrail(ctx.database.db, officeId, query);
  return { total: bySource.event + bySource.registry + bySource.data, bySource };
}

/** The newest `limit` matching lines of the three logs together, as this reader may see them. */
export async function trailLines(ctx: Ctx, reader: TrailReader, checked: CheckedTrail, limit: number): Promise<TrailLine[]> {
  const db = ctx.database.db;
  const { office, query } = checked;
  const sources = trailSources(query);
  const rows = [
    ...(sources.includes('event') ? await trailEvents(db, reader.officeId, query, limit) : []),
    ...(sources.includes('registry') ? await trailRegistry(db, reader.officeId, query, limit) : []),
    ...(sources.includes('data') ? await trailReads(db, reader.officeId, query, limit) : []),
  ];
  // Newest first; one instant's lines in a fixed order (source, then the log's own sequence).
  rows.sort((a, b) => (a.at === b.at ? (a.source === b.source ? b.seq - a.seq : a.source < b.source ? -1 : 1) : a.at < b.at ? 1 : -1));
  const full = trailShowsFullNik(reader.roles);
  return rows.slice(0, limit).map((r) => ({
    ...r,
    nik: r.nik && !full ? maskNik(r.nik) : r.nik,
    kk: r.kk && !full ? maskKk(r.kk) : r.kk,
    atLocal: ctx.clock.local(office, r.at),
    roleNames: r.roles.map((id) => office.roles.find((x) => x.id === id)?.name ?? id),
  }));
}
