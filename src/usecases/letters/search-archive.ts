/** The office's letter archive for staff: search by number, applicant, service, date range and status. */
import { searchLetters, type LetterFilter, type LetterListRow } from '../../db/letters-repo.js';
import { localDayStartUtc, nextDay } from '../../domain/letters/dates.js';
import { isLetterStatus } from '../../domain/letters/status.js';
import type { Ctx } from '../context.js';

export interface ArchiveQuery {
  number?: string;
  applicant?: string;
  /** A service's slug or id. */
  service?: string;
  status?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Letters matching the query, newest first; what is malformed in it is ignored (a page's free filters). */
export async function searchArchive(ctx: Ctx, officeId: string, q: ArchiveQuery): Promise<LetterListRow[]> {
  const office = ctx.catalogue.officeById(officeId);
  const f: LetterFilter = {};
  if (q.number?.trim()) f.number = q.number.trim();
  if (q.applicant?.trim()) f.applicant = q.applicant.trim();
  if (q.service) f.serviceId = office.services.find((s) => s.id === q.service || s.service.slug === q.service)?.id ?? '-';
  if (q.status && isLetterStatus(q.status)) f.status = q.status;
  const tz = office.office.timezone;
  if (q.from && DATE.test(q.from)) Object.assign(f, { from: q.from, fromUtc: localDayStartUtc(tz, q.from) });
  if (q.to && DATE.test(q.to)) Object.assign(f, { to: q.to, toUtc: localDayStartUtc(tz, nextDay(q.to)) });
  return searchLetters(ctx.database.db, officeId, f, { limit: Math.min(Math.max(q.limit ?? 100, 1), 500), offset: Math.max(q.offset ?? 0, 0) });
}
