/**
 * The auditor's trail: the office's audit events, registry accesses and personal-data reads in one
 * filtered list, newest first, a bounded page at a time. Filtering by a NIK reads that person's
 * history, so it is itself logged (purpose 'oversight') before the answer.
 */
import { TRAIL_MAX_PAGES, TRAIL_PAGE_SIZE, type TrailFilter, type TrailInput, type TrailSource } from '../../domain/audit/trail.js';
import type { Outcome } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import { logDataRead } from './log-data-read.js';
import { checkTrail, trailCount, trailLines, type TrailLine, type TrailReader } from './trail-lines.js';

export interface TrailPage {
  filter: TrailFilter;
  lines: TrailLine[];
  total: number;
  bySource: Record<TrailSource, number>;
  page: number;
  /** Pages reachable (at most TRAIL_MAX_PAGES). */
  pages: number;
  /** More lines match than the reachable pages hold: narrow the filters to see the older ones. */
  truncated: boolean;
}

export async function readTrail(ctx: Ctx, reader: TrailReader, input: TrailInput): Promise<Outcome<TrailPage>> {
  const checked = await checkTrail(ctx, reader, input);
  if (!checked.ok) return checked;
  const { filter, query } = checked.value;
  const { total, bySource } = await trailCount(ctx, reader.officeId, query);
  const pages = Math.min(TRAIL_MAX_PAGES, Math.max(1, Math.ceil(total / TRAIL_PAGE_SIZE)));
  const page = Math.min(Math.max(1, input.page ?? 1), pages);
  if (filter.nik)
    await logDataRead(ctx, reader, { officeId: reader.officeId, recordKind: 'audit-trail', recordId: 'audit-trail', subjectNik: filter.nik, purpose: 'oversight', fields: ['access-history'] });
  const lines = (await trailLines(ctx, reader, checked.value, page * TRAIL_PAGE_SIZE)).slice((page - 1) * TRAIL_PAGE_SIZE);
  return { ok: true, value: { filter, lines, total, bySource, page, pages, truncated: total > pages * TRAIL_PAGE_SIZE } };
}
