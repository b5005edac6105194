/**
 * Paper questionnaires entered by staff (admin or surveyor), one or many at once: all or nothing,
 * with every invalid row listed. Used by POST /api/v1/surveys (staff), /surveys/batch and the XLSX
 * import.
 */
import { randomUUID } from 'node:crypto';
import { applicationsByNumber, applicationsWithResponses, insertSurveyResponses, isDuplicateResponse, newResponseRow, recordSurveyAudit } from '../../db/surveys-repo.js';
import type { SurveyResponsesTable } from '../../db/schema-surveys.js';
import { REGISTRATION_NUMBER } from '../../domain/applications/codes.js';
import { fail, failWith, type FieldProblem, type Outcome } from '../../domain/errors.js';
import { officeNotFound, serviceNotFound } from '../../domain/standards/not-found.js';
import { checkResponse } from '../../domain/surveys/response-input.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { canEnterSurveys } from './survey-roles.js';

export const MAX_BATCH = 10_000;

export interface BatchInput {
  /** The office's slug; the officer's own office when absent. */
  office?: string | undefined;
  /** The service of every questionnaire that names none. */
  service?: string | undefined;
  responses: unknown[];
  source: 'paper' | 'import';
  /** Spreadsheet row numbers of each response (for messages); 1, 2, 3… otherwise. */
  rowNumbers?: number[];
}

export interface SavedBatch {
  batchId: string;
  inserted: number;
  ids: string[];
  respondedOn: string[];
}

const present = (v: unknown) => v !== undefined && v !== null && v !== '';

export async function submitSurveyBatch(ctx: Ctx, actor: Actor, input: BatchInput): Promise<Outcome<SavedBatch>> {
  const office = input.office !== undefined ? ctx.catalogue.office(input.office) : actor.officeId ? ctx.catalogue.officeById(actor.officeId) : undefined;
  // Another office's questionnaires are not this officer's to enter: to them, that office is not found.
  if (!office || office.id !== actor.officeId) return fail('not-found', officeNotFound(input.office ?? '', 'office'));
  if (!canEnterSurveys(actor))
    return failWith('forbidden', 'role-required', 'Hanya admin atau petugas survei (surveyor) yang dapat memasukkan kuesioner kertas', 'Only the admin or a surveyor can enter paper questionnaires');
  const list = input.responses;
  if (list.length === 0 || list.length > MAX_BATCH)
    return failWith('invalid', 'responses-count', `Kirim 1 sampai ${MAX_BATCH.toLocaleString('id-ID')} kuesioner`, `Send 1 to ${MAX_BATCH.toLocaleString('en')} questionnaires`, 'responses');
  const slug = office.office.slug;
  const bySlug = new Map(office.services.map((s) => [s.service.slug, s.id]));
  const problems: (FieldProblem & { row?: number })[] = [];
  let defaultService: string | null = null;
  if (input.service) {
    const id = bySlug.get(input.service);
    if (!id) problems.push({ ...serviceNotFound(slug, input.service), field: 'service' });
    else defaultService = id;
  }
  const now = nowOf(ctx).toISOString();
  const today = ctx.clock.localDate(office.office, now);
  const batchId = randomUUID();
  const wantedApps = new Map<string, number[]>();
  const checked = list.map((item, i) => {
    const row = input.rowNumbers?.[i] ?? i + 1;
    const o = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    const c = checkResponse(o, { requireAll: false, allowDate: true, today, lenient: input.source === 'import' });
    if (!c.ok) for (const p of c.error) problems.push({ row, ...p });
    let serviceId = defaultService;
    if (present(o.service)) {
      const id = typeof o.service === 'string' ? bySlug.get(o.service) : undefined;
      if (!id) problems.push({ row, ...serviceNotFound(slug, String(o.service)), field: 'service' });
      else serviceId = id;
    }
    let application: string | null = null;
    if (present(o.application)) {
      const a = String(o.application).trim().toUpperCase();
      if (!REGISTRATION_NUMBER.test(a)) problems.push({ row, field: 'application', code: 'application-invalid', message: 'Nomor registrasi permohonan harus seperti JMB-2026-000123', messageEn: 'The application number must look like JMB-2026-000123' });
      else {
        application = a;
        wantedApps.set(a, [...(wantedApps.get(a) ?? []), row]);
      }
    }
    return { c, serviceId, application };
  });
  // Applications: in this office, once per batch, and not already answered.
  const appIds = await applicationsByNumber(ctx.database.db, office.id, [...wantedApps.keys()]);
  const answered = await applicationsWithResponses(ctx.database.db, [...appIds.values()].map((a) => a.id));
  for (const [number, rowsOf] of wantedApps) {
    const app = appIds.get(number);
    const each = (code: string, message: string, messageEn: string, rows: number[]) => {
      for (const row of rows) problems.push({ row, field: 'application', code, message, messageEn });
    };
    if (!app) each('application-not-found', `Permohonan ${number} tidak ditemukan di kantor ini`, `Application ${number} not found at this office`, rowsOf);
    else if (answered.has(app.id)) each('survey-already-answered', `Survei untuk ${number} sudah tercatat`, `A survey for ${number} is already recorded`, rowsOf);
    else if (rowsOf.length > 1) each('application-duplicate', `${number} muncul lebih dari sekali (pertama di baris ${rowsOf[0]})`, `${number} appears more than once (first in row ${rowsOf[0]})`, rowsOf.slice(1));
  }
  if (problems.length) {
    problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    return fail('invalid', ...problems);
  }
  const rows: SurveyResponsesTable[] = [];
  for (const x of checked) {
    if (!x.c.ok) continue;
    const app = x.application ? appIds.get(x.application)! : null;
    rows.push(
      newResponseRow(x.c.value, {
        officeId: office.id,
        serviceId: app ? app.serviceId : x.serviceId,
        applicationId: app?.id ?? null,
        source: input.source,
        respondedOn: x.c.value.date ?? today,
        batchId,
        enteredBy: actor.id,
        createdAt: now,
      }),
    );
  }
  try {
    await ctx.database.write(async (trx) => {
      await insertSurveyResponses(trx, rows);
      await recordSurveyAudit(trx, { officeId: office.id, actor: actor.name, action: `survey.${input.source}`, subject: `survey-batch:${batchId}`, detail: { responses: rows.length }, at: now });
    });
  } catch (e) {
    if (isDuplicateResponse(e))
      return failWith('conflict', 'survey-already-answered', 'Survei salah satu permohonan baru saja tercatat; tidak ada yang disimpan, kirim ulang', "One application's survey was just recorded; nothing was saved, send again", 'application');
    throw e;
  }
  return { ok: true, value: { batchId, inserted: rows.length, ids: rows.map((r) => r.id), respondedOn: rows.map((r) => r.responded_on) } };
}
