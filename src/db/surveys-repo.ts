/**
 * All SQL about the satisfaction survey: responses, their aggregates for the IKM (one query per
 * period, never the rows in memory), the population of served applications, kiosk nonces,
 * follow-up plans and the audit of what staff entered.
 */
import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import type { CheckedResponse } from '../domain/surveys/response-input.js';
import { SURVEY_SOURCES, type SurveySource } from '../domain/surveys/questionnaire.js';
import type { DB } from './schema.js';
import type { SurveyResponsesTable } from './schema-surveys.js';
import { insertAuditEvent } from './audit-chain-repo.js';

type Q = Kysely<DB> | Transaction<DB>;

const ELEMENT_COLUMNS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;

/** Where a new response row comes from and when it counts; the answers come from the checked questionnaire. */
export interface ResponseOrigin {
  officeId: string;
  serviceId: string | null;
  applicationId: string | null;
  source: SurveySource;
  /** Office-local date the questionnaire counts in. */
  respondedOn: string;
  /** The paper batch or import it came in, if any. */
  batchId?: string | null;
  /** The officer who entered it (paper, import); null for the public. */
  enteredBy?: string | null;
  createdAt: string;
}

/** A checked questionnaire as a new survey_responses row. */
export function newResponseRow(c: CheckedResponse, o: ResponseOrigin): SurveyResponsesTable {
  const a = c.answers;
  return {
    id: randomUUID(),
    office_id: o.officeId,
    service_id: o.serviceId,
    application_id: o.applicationId,
    source: o.source,
    responded_on: o.respondedOn,
    batch_id: o.batchId ?? null,
    entered_by: o.enteredBy ?? null,
    created_at: o.createdAt,
    u1: a.U1,
    u2: a.U2,
    u3: a.U3,
    u4: a.U4,
    u5: a.U5,
    u6: a.U6,
    u7: a.U7,
    u8: a.U8,
    u9: a.U9,
    age_group: c.profile.ageGroup,
    sex: c.profile.sex,
    education: c.profile.education,
    occupation: c.profile.occupation,
    suggestion: c.suggestion,
  };
}

/** A stored response, its source narrowed to the known ones (rows are only ever written by newResponseRow). */
export type SurveyResponse = Omit<SurveyResponsesTable, 'source'> & { source: SurveySource };

function toSurveyResponse(r: SurveyResponsesTable): SurveyResponse {
  if (!(SURVEY_SOURCES as readonly string[]).includes(r.source)) throw new Error(`survey response ${r.id} has an unknown source ${r.source}`);
  return { ...r, source: r.source as SurveySource };
}

/**
 * Whether a failed insert broke a unique index (one response per application): both databases
 * say "unique" (SQLite) or "duplicate key" (PostgreSQL) in the message.
 */
export const isDuplicateResponse = (e: unknown) => /unique|duplicate/i.test(String((e as Error)?.message ?? e));

export async function insertSurveyResponses(q: Q, rows: SurveyResponsesTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await q.insertInto('survey_responses').values(rows.slice(i, i + 200)).execute();
}

export async function responseForApplication(q: Q, applicationId: string) {
  return q.selectFrom('survey_responses').select(['id', 'responded_on']).where('application_id', '=', applicationId).executeTakeFirst();
}

export async function applicationsWithResponses(q: Q, applicationIds: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < applicationIds.length; i += 500) {
    const rows = await q.selectFrom('survey_responses').select('application_id').where('application_id', 'in', applicationIds.slice(i, i + 500)).execute();
    for (const r of rows) if (r.application_id) out.add(r.application_id);
  }
  return out;
}

export interface Aggregate {
  n: number;
  totals: number[];
  counts: number[];
}

export interface Scope {
  officeId: string;
  from: string;
  to: string;
  serviceId?: string | null | undefined;
}

const aggregateSelect = (eb: ExpressionBuilder<DB, 'survey_responses'>) => [
  eb.fn.countAll<number>().as('n'),
  ...ELEMENT_COLUMNS.map((c) => eb.fn.sum<number | null>(c).as(`s_${c}`)),
  ...ELEMENT_COLUMNS.map((c) => eb.fn.count<number>(c).as(`c_${c}`)),
];

function toAggregate(r: Record<string, unknown> | undefined): Aggregate {
  return {
    n: Number(r?.n ?? 0),
    totals: ELEMENT_COLUMNS.map((c) => Number(r?.[`s_${c}`] ?? 0)),
    counts: ELEMENT_COLUMNS.map((c) => Number(r?.[`c_${c}`] ?? 0)),
  };
}

function scoped(q: Q, s: Scope) {
  let query = q.selectFrom('survey_responses').where('office_id', '=', s.officeId).where('responded_on', '>=', s.from).where('responded_on', '<=', s.to);
  if (s.serviceId) query = query.where('service_id', '=', s.serviceId);
  return query;
}

/** Sums and answer counts of the nine elements over a period: the whole IKM input in one row. */
export async function aggregateResponses(q: Q, s: Scope): Promise<Aggregate> {
  const r = await scoped(q, s).select(aggregateSelect).executeTakeFirst();
  return toAggregate(r as Record<string, unknown> | undefined);
}

export async function aggregateByService(q: Q, s: Scope): Promise<Map<string | null, Aggregate>> {
  const rows = await scoped(q, s).select((eb) => ['service_id', ...aggregateSelect(eb)]).groupBy('service_id').execute();
  return new Map(rows.map((r) => [r.service_id, toAggregate(r as Record<string, unknown>)]));
}

/** Per month (YYYY-MM), for the trend chart. `substr` is the same function on both databases. */
export async function aggregateByMonth(q: Q, s: Scope): Promise<Map<string, Aggregate>> {
  const rows = await scoped(q, s)
    .select((eb) => [eb.fn<string>('substr', [eb.ref('responded_on'), eb.val(1), eb.val(7)]).as('month'), ...aggregateSelect(eb)])
    .groupBy('month')
    .execute();
  return new Map(rows.map((r) => [String(r.month), toAggregate(r as Record<string, unknown>)]));
}

export async function profileCounts(q: Q, s: Scope, column: 'age_group' | 'sex' | 'education' | 'occupation'): Promise<Map<string | null, number>> {
  const rows = await scoped(q, s)
    .select((eb) => [eb.ref(column).as('v'), eb.fn.countAll<number>().as('n')])
    .groupBy(column)
    .execute();
  return new Map(rows.map((r) => [(r.v as string | null) ?? null, Number(r.n)]));
}

export async function suggestions(q: Q, s: Scope, limit: number) {
  return scoped(q, s).select(['responded_on', 'service_id', 'suggestion']).where('suggestion', 'is not', null).orderBy('responded_on').orderBy('created_at').limit(limit).execute();
}

export async function countSuggestions(q: Q, s: Scope): Promise<number> {
  const r = await scoped(q, s).select((eb) => eb.fn.countAll<number>().as('n')).where('suggestion', 'is not', null).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function responsesForExport(q: Q, s: Scope, limit: number, offset: number): Promise<SurveyResponse[]> {
  const rows = await scoped(q, s).selectAll().orderBy('responded_on').orderBy('created_at').orderBy('id').limit(limit).offset(offset).execute();
  return rows.map(toSurveyResponse);
}

/** Registration numbers of applications by id (for the export, which names the application). */
export async function registrationNumbers(q: Q, applicationIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < applicationIds.length; i += 500) {
    const found = await q.selectFrom('applications').select(['id', 'registration_number']).where('id', 'in', applicationIds.slice(i, i + 500)).execute();
    for (const f of found) out.set(f.id, f.registration_number);
  }
  return out;
}

/** An office's applications by registration number (paper questionnaires may name one). */
export async function applicationsByNumber(q: Q, officeId: string, numbers: string[]): Promise<Map<string, { id: string; serviceId: string }>> {
  const out = new Map<string, { id: string; serviceId: string }>();
  for (let i = 0; i < numbers.length; i += 500) {
    const found = await q.selectFrom('applications').select(['id', 'registration_number', 'service_id']).where('office_id', '=', officeId).where('registration_number', 'in', numbers.slice(i, i + 500)).execute();
    for (const f of found) out.set(f.registration_number, { id: f.id, serviceId: f.service_id });
  }
  return out;
}

/** The latest day with a response in an office (for the public page's default period). */
export async function latestResponseDay(q: Q, officeId: string): Promise<string | null> {
  const r = await q.selectFrom('survey_responses').select((eb) => eb.fn.max('responded_on').as('d')).where('office_id', '=', officeId).executeTakeFirst();
  return (r?.d as string | null | undefined) ?? null;
}

/** Served applications: completed cases of an office (and service) closed in [start, end). */
export async function population(q: Q, officeId: string, start: string, end: string, serviceId?: string | null): Promise<number> {
  let query = q
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('office_id', '=', officeId)
    .where('status', '=', 'completed')
    .where('closed_at', '>=', start)
    .where('closed_at', '<', end);
  if (serviceId) query = query.where('service_id', '=', serviceId);
  const r = await query.executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function populationByService(q: Q, officeId: string, start: string, end: string): Promise<Map<string, number>> {
  const rows = await q
    .selectFrom('applications')
    .select((eb) => ['service_id', eb.fn.countAll<number>().as('n')])
    .where('office_id', '=', officeId)
    .where('status', '=', 'completed')
    .where('closed_at', '>=', start)
    .where('closed_at', '<', end)
    .groupBy('service_id')
    .execute();
  return new Map(rows.map((r) => [r.service_id, Number(r.n)]));
}

export async function insertKioskNonce(q: Q, row: { nonce_hash: string; office_id: string; issued_at: string }): Promise<void> {
  await q.insertInto('survey_kiosk_nonces').values({ ...row, used_at: null }).execute();
}

export async function findKioskNonce(q: Q, nonceHash: string) {
  return q.selectFrom('survey_kiosk_nonces').selectAll().where('nonce_hash', '=', nonceHash).executeTakeFirst();
}

/** Marks a nonce used; true only for the one caller that found it unused. */
export async function useKioskNonce(q: Q, nonceHash: string, officeId: string, at: string): Promise<boolean> {
  const r = await q.updateTable('survey_kiosk_nonces').set({ used_at: at }).where('nonce_hash', '=', nonceHash).where('office_id', '=', officeId).where('used_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteKioskNoncesBefore(q: Q, before: string): Promise<void> {
  await q.deleteFrom('survey_kiosk_nonces').where('issued_at', '<', before).execute();
}

export async function getFollowup(q: Q, officeId: string, scope: string, from: string, to: string) {
  return q.selectFrom('survey_followups').selectAll().where('office_id', '=', officeId).where('scope', '=', scope).where('period_from', '=', from).where('period_to', '=', to).executeTakeFirst();
}

export async function upsertFollowup(q: Q, row: { office_id: string; scope: string; period_from: string; period_to: string; text: string; updated_by: string; updated_at: string }): Promise<void> {
  await q
    .insertInto('survey_followups')
    .values(row)
    .onConflict((oc) => oc.columns(['office_id', 'scope', 'period_from', 'period_to']).doUpdateSet({ text: row.text, updated_by: row.updated_by, updated_at: row.updated_at }))
    .execute();
}

/** What staff did with survey data (paper entry, import, follow-up plan), in the office's audit trail. */
export async function recordSurveyAudit(q: Q, a: { officeId: string; actor: string; action: 'survey.paper' | 'survey.import' | 'survey.follow-up'; subject: string; detail: Record<string, unknown>; at: string }): Promise<void> {
  await insertAuditEvent(q, a);
}
