/**
 * Case search for any staff of an office: by registration number, NIK or part of the name, by
 * status, service and submitted dates, a page at a time, newest first. A search by NIK reads
 * personal data by a person's identifier, so it is written to the access log (who, which NIK, why)
 * before the answer is given, like a registry look-up. Every case a result page shows (name and
 * masked NIK) is a read of that person's data: one entry per case shown goes to the personal-data
 * read log (purpose 'case-search'), committed with the page's other entries before the answer; a
 * page is at most CASE_SEARCH_PAGE_SIZE cases, which bounds it. Only the officer's own office is searched.
 */
import { Temporal } from 'temporal-polyfill';
import { countCases, searchCases as searchRows, type CaseListRow, type CaseSearch } from '../../db/applications-repo.js';
import { maskName, readDateRange, readSearchText, type SearchText } from '../../domain/applications/case-search.js';
import { OPEN_CASE_STATUSES, type CaseStatus } from '../../domain/applications/status.js';
import { fail, type Outcome, type Problem } from '../../domain/errors.js';
import { maskNik } from '../../domain/identity/index.js';
import { REASON_MAX, reasonTooLong } from '../../domain/registry/inputs.js';
import { maskingFor } from '../../domain/registry/access.js';
import type { Office } from '../../domain/standards/schema.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { logAccess } from '../registry/log-access.js';
import { logDataReads } from '../audit/log-data-read.js';
import { utc } from '../sla-clock.js';
import { serviceOfCase } from './service-of-case.js';

export const CASE_SEARCH_PAGE_SIZE = 50;

/** The purpose written to the access log when the officer states none. */
export const DEFAULT_SEARCH_PURPOSE = 'Pencarian berkas permohonan';

export interface CaseSearchInput {
  /** A registration number, a 16-digit NIK or part of a name. */
  q?: string;
  status?: CaseStatus;
  serviceId?: string;
  /** Submitted on or after this day, on or before `to` (YYYY-MM-DD in the office's zone). */
  from?: string;
  to?: string;
  page?: number;
  /** At most CASE_SEARCH_PAGE_SIZE (the default). */
  pageSize?: number;
  /** Why a NIK is searched, for the access log. */
  purpose?: string;
  /** The dashboard's drill-down: any open status ('1'), the clock's state, the step the case is at. */
  open?: '1';
  slaState?: string;
  stepId?: string;
}

/** A case as a result line: who (name masked for roles that see personal data masked; NIK always masked), what, where it stands, when. */
export interface CaseListItem {
  id: string;
  registrationNumber: string;
  applicantName: string;
  nikMasked: string | null;
  service: { id: string; no: number; title: string };
  status: CaseStatus;
  submittedAt: string;
  /** The submission day in the office's zone (YYYY-MM-DD). */
  submittedDate: string;
  submittedLocal: string;
}

export interface CaseSearchResult {
  by: SearchText['by'];
  items: CaseListItem[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
}

type Officer = Pick<Actor, 'id' | 'name' | 'roles'> & { officeId: string };

/** The first instant of a calendar day in the office's zone, stored-instant shaped. */
export const startOfDay = (office: Office, day: string) => utc(Temporal.PlainDate.from(day).toZonedDateTime({ timeZone: office.timezone }).toInstant().toString());

/** Turns one stored row into a result line as this officer may see it. */
export async function caseListItem(ctx: Ctx, office: Office, roles: readonly string[], r: CaseListRow): Promise<CaseListItem> {
  const svc = await serviceOfCase(ctx, r.service_version_id);
  return {
    id: r.id,
    registrationNumber: r.registration_number,
    applicantName: maskingFor(roles) === 'masked' ? maskName(r.applicant_name) : r.applicant_name,
    nikMasked: r.applicant_nik ? maskNik(r.applicant_nik) : null,
    service: { id: r.service_id, no: svc.no, title: svc.title },
    status: r.status,
    submittedAt: r.submitted_at,
    submittedDate: ctx.clock.localDate(office, r.submitted_at),
    submittedLocal: ctx.clock.local(office, r.submitted_at),
  };
}

export async function searchCases(ctx: Ctx, officer: Officer, input: CaseSearchInput): Promise<Outcome<CaseSearchResult>> {
  const office = ctx.catalogue.officeById(officer.officeId).office;
  const problems: Problem[] = [];
  const text = readSearchText(input.q);
  if (!text.ok) problems.push(text.error);
  const dates = readDateRange(input.from, input.to);
  if (!dates.ok) problems.push(...dates.error);
  const purpose = input.purpose?.trim() || DEFAULT_SEARCH_PURPOSE;
  if (purpose.length > REASON_MAX) problems.push({ ...reasonTooLong, field: 'purpose' });
  if (!text.ok || !dates.ok || problems.length) return fail('invalid', ...problems);

  const t = text.value;
  const criteria: CaseSearch = {
    ...(t.by === 'number' ? { number: t.number } : t.by === 'nik' ? { nik: t.nik } : t.by === 'name' ? { name: t.name } : {}),
    ...(input.status ? { statuses: [input.status] } : input.open ? { statuses: OPEN_CASE_STATUSES } : {}),
    ...(input.slaState ? { slaState: input.slaState } : {}),
    ...(input.stepId ? { currentStep: input.stepId } : {}),
    ...(input.serviceId ? { serviceId: input.serviceId } : {}),
    ...(dates.value.from ? { submittedFrom: startOfDay(office, dates.value.from) } : {}),
    ...(dates.value.to ? { submittedBefore: startOfDay(office, Temporal.PlainDate.from(dates.value.to).add({ days: 1 }).toString()) } : {}),
  };
  const db = ctx.database.db;
  const total = await countCases(db, officer.officeId, criteria);
  const pageSize = Math.min(Math.max(1, input.pageSize ?? CASE_SEARCH_PAGE_SIZE), CASE_SEARCH_PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, input.page ?? 1), pages);
  const rows = await searchRows(db, officer.officeId, criteria, { limit: pageSize, offset: (page - 1) * pageSize });
  if (t.by === 'nik')
    await logAccess(ctx.database, {
      officeId: officer.officeId,
      actor: officer,
      action: 'search-cases',
      nik: t.nik,
      reason: purpose,
      found: total > 0,
      detail: { cases: total, ...(input.status ? { status: input.status } : {}) },
      at: nowOf(ctx).toISOString(),
    });
  const nameShown = maskingFor(officer.roles) === 'masked' ? 'name-masked' : 'name';
  await logDataReads(
    ctx,
    officer,
    rows.map((r) => ({ officeId: officer.officeId, recordKind: 'application', recordId: r.id, subjectNik: r.applicant_nik, purpose: 'case-search', fields: [nameShown, 'nik-masked'] })),
  );
  const items: CaseListItem[] = [];
  for (const r of rows) items.push(await caseListItem(ctx, office, officer.roles, r));
  return { ok: true, value: { by: t.by, items, total, page, pageSize, pages } };
}
