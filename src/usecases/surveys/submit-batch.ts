/**
 * Paper questionnaires entered by staff (admin or surveyor), one or many at once: all or nothing,
 * with every invalid row listed. Used by POST /api/v1/surveys (staff), /surveys/batch and the XLSX
 * import.
 */
import { randomUUID } from 'node:crypto';
import { applicationsWithResponses, insertSurveyResponses } from '../../db/surveys-repo.js';
import type { SurveyResponsesTable } from '../../db/schema-complaints.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { checkResponse, type ResponseProblem } from './response-input.js';
import { responseRow } from './response-row.js';
import { canEnterSurveys } from './survey-roles.js';

export const MAX_BATCH = 10_000;

export interface BatchInput {
  office?: unknown;
  service?: unknown;
  responses?: unknown;
  source: 'paper' | 'import';
  /** Spreadsheet row numbers of each response (for messages); 1, 2, 3… otherwise. */
  rowNumbers?: number[];
}

export type BatchResult = { ok: true; value: { batchId: string; inserted: number; ids: string[]; respondedOn: string[] } } | { ok: false; status: 403 | 404 | 409 | 422; problems: ResponseProblem[] };

export async function submitSurveyBatch(ctx: Ctx, actor: Actor, input: BatchInput): Promise<BatchResult> {
  const office = typeof input.office === 'string' ? ctx.catalogue.office(input.office) : actor.officeId ? ctx.catalogue.list().find((o) => o.id === actor.officeId) : undefined;
  if (!office || office.id !== actor.officeId)
    return { ok: false, status: 404, problems: [{ field: 'office', code: 'office-not-found', message: `Kantor "${String(input.office ?? '')}" tidak ditemukan`, messageEn: `Office "${String(input.office ?? '')}" not found` }] };
  if (!canEnterSurveys(actor))
    return { ok: false, status: 403, problems: [{ field: '', code: 'role-required', message: 'Hanya admin atau petugas survei (surveyor) yang dapat memasukkan kuesioner kertas', messageEn: 'Only the admin or a surveyor can enter paper questionnaires' }] };
  const list = input.responses;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_BATCH)
    return { ok: false, status: 422, problems: [{ field: 'responses', code: 'responses-count', message: `Kirim 1 sampai ${MAX_BATCH.toLocaleString('id-ID')} kuesioner`, messageEn: `Send 1 to ${MAX_BATCH.toLocaleString('en')} questionnaires` }] };
  const bySlug = new Map(office.services.map((s) => [s.service.slug, s.id]));
  const problems: ResponseProblem[] = [];
  let defaultService: string | null = null;
  if (input.service !== undefined && input.service !== null && input.service !== '') {
    const id = typeof input.service === 'string' ? bySlug.get(input.service) : undefined;
    if (!id) problems.push({ field: 'service', code: 'service-not-found', message: `Layanan "${String(input.service)}" tidak ada di kantor ini`, messageEn: `Service "${String(input.service)}" is not one of this office's` });
    else defaultService = id;
  }
  const now = nowOf(ctx).toISOString();
  const today = ctx.clock.localDate(office.office, now);
  const batchId = randomUUID();
  const rows: SurveyResponsesTable[] = [];
  const wantedApps = new Map<string, number[]>();
  const checked = list.map((item, i) => {
    const row = input.rowNumbers?.[i] ?? i + 1;
    const o = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    const c = checkResponse(o, { requireAll: false, allowDate: true, today, lenient: input.source === 'import' });
    if (!c.ok) for (const p of c.problems) problems.push({ row, ...p });
    let serviceId = defaultService;
    if (o.service !== undefined && o.service !== null && o.service !== '') {
      const id = typeof o.service === 'string' ? bySlug.get(o.service) : undefined;
      if (!id) problems.push({ row, field: 'service', code: 'service-not-found', message: `Layanan "${String(o.service)}" tidak ada di kantor ini`, messageEn: `Service "${String(o.service)}" is not one of this office's` });
      else serviceId = id;
    }
    let application: string | null = null;
    if (o.application !== undefined && o.application !== null && o.application !== '') {
      const a = String(o.application).trim().toUpperCase();
      if (!/^[A-Z]{3,4}-\d{4}-\d{6}$/.test(a)) problems.push({ row, field: 'application', code: 'application-invalid', message: 'Nomor registrasi permohonan harus seperti JMB-2026-000123', messageEn: 'The application number must look like JMB-2026-000123' });
      else {
        application = a;
        wantedApps.set(a, [...(wantedApps.get(a) ?? []), row]);
      }
    }
    return { c, serviceId, application, row };
  });
  // Applications: in this office, once per batch, and not already answered.
  const appIds = new Map<string, { id: string; service_id: string }>();
  const numbers = [...wantedApps.keys()];
  for (let i = 0; i < numbers.length; i += 500) {
    const found = await ctx.database.db.selectFrom('applications').select(['id', 'registration_number', 'service_id']).where('office_id', '=', office.id).where('registration_number', 'in', numbers.slice(i, i + 500)).execute();
    for (const f of found) appIds.set(f.registration_number, { id: f.id, service_id: f.service_id });
  }
  const answered = await applicationsWithResponses(ctx.database.db, [...appIds.values()].map((a) => a.id));
  for (const [number, rowsOf] of wantedApps) {
    const app = appIds.get(number);
    if (!app) for (const row of rowsOf) problems.push({ row, field: 'application', code: 'application-not-found', message: `Permohonan ${number} tidak ditemukan di kantor ini`, messageEn: `Application ${number} not found at this office` });
    else if (answered.has(app.id)) for (const row of rowsOf) problems.push({ row, field: 'application', code: 'survey-already-answered', message: `Survei untuk ${number} sudah tercatat`, messageEn: `A survey for ${number} is already recorded` });
    else if (rowsOf.length > 1) for (const row of rowsOf.slice(1)) problems.push({ row, field: 'application', code: 'application-duplicate', message: `${number} muncul lebih dari sekali (pertama di baris ${rowsOf[0]})`, messageEn: `${number} appears more than once (first in row ${rowsOf[0]})` });
  }
  if (problems.length) {
    problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    return { ok: false, status: 422, problems };
  }
  for (const x of checked) {
    if (!x.c.ok) continue;
    const app = x.application ? appIds.get(x.application)! : null;
    rows.push(
      responseRow(x.c.value, {
        office_id: office.id,
        service_id: app ? app.service_id : x.serviceId,
        application_id: app?.id ?? null,
        source: input.source,
        responded_on: x.c.value.date ?? today,
        batch_id: batchId,
        entered_by: actor.id,
        created_at: now,
      }),
    );
  }
  try {
    await ctx.database.write(async (trx) => {
      await insertSurveyResponses(trx, rows);
      await trx
        .insertInto('audit_events')
        .values({ id: randomUUID(), office_id: office.id, actor: actor.name, action: `survey.${input.source}`, subject: `survey-batch:${batchId}`, detail: JSON.stringify({ responses: rows.length }), at: now })
        .execute();
    });
  } catch (e) {
    if (/unique|duplicate/i.test(String((e as Error)?.message ?? e)))
      return { ok: false, status: 409, problems: [{ field: 'application', code: 'survey-already-answered', message: 'Survei salah satu permohonan baru saja tercatat; tidak ada yang disimpan, kirim ulang', messageEn: "One application's survey was just recorded; nothing was saved, send again" }] };
    throw e;
  }
  return { ok: true, value: { batchId, inserted: rows.length, ids: rows.map((r) => r.id), respondedOn: rows.map((r) => r.responded_on) } };
}
