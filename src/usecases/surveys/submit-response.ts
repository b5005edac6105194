/**
 * Records one SKM questionnaire: from an application's one-time link (the tracking page, the QR
 * on the delivered letter), from the kiosk at the counter, or a paper questionnaire entered by
 * staff with the admin or surveyor role. Every answer is checked.
 */
import { findApplicationAnyOffice } from '../../db/applications-repo.js';
import { insertSurveyResponses, responseForApplication, useKioskNonce } from '../../db/surveys-repo.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { kioskNonceProblem, nonceHash } from './kiosk.js';
import { checkResponse, type ResponseProblem } from './response-input.js';
import { responseRow } from './response-row.js';
import { submitSurveyBatch } from './submit-batch.js';
import { findSurveyApplication } from './survey-link.js';

export interface SurveyInput {
  office?: unknown;
  service?: unknown;
  application?: unknown;
  token?: unknown;
  kioskNonce?: unknown;
  answers?: unknown;
  respondent?: unknown;
  suggestion?: unknown;
  date?: unknown;
}

export type SurveyResult = { ok: true; value: { id: string; source: string; respondedOn: string } } | { ok: false; status: 403 | 404 | 409 | 422; problems: ResponseProblem[] };

const fail = (status: 403 | 404 | 409 | 422, field: string, code: string, message: string, messageEn: string): SurveyResult => ({ ok: false, status, problems: [{ field, code, message, messageEn }] });

const isUniqueViolation = (e: unknown) => /unique|duplicate/i.test(String((e as Error)?.message ?? e));

export async function submitSurveyResponse(ctx: Ctx, input: SurveyInput, actor: Actor): Promise<SurveyResult> {
  if (actor.id !== null) {
    const r = await submitSurveyBatch(ctx, actor, { office: input.office, service: input.service, responses: [{ application: input.application, answers: input.answers, respondent: input.respondent, suggestion: input.suggestion, date: input.date }], source: 'paper' });
    if (!r.ok) return { ok: false, status: r.status, problems: r.problems.map(({ row: _row, ...p }) => p) };
    return { ok: true, value: { id: r.value.ids[0]!, source: 'paper', respondedOn: r.value.respondedOn[0]! } };
  }
  const now = nowOf(ctx);
  const nowIso = now.toISOString();

  if (input.token !== undefined && input.token !== null && input.token !== '') {
    const app = await findSurveyApplication(ctx, String(input.application ?? ''), String(input.token));
    const office = app ? ctx.catalogue.list().find((o) => o.id === app.office_id) : undefined;
    if (!app || !office || (input.office !== undefined && input.office !== office.office.slug))
      return fail(404, 'token', 'survey-link-invalid', 'Tautan survei tidak sah (nomor permohonan atau token tidak cocok)', 'Invalid survey link (application number or token does not match)');
    if (app.status !== 'completed') return fail(409, 'application', 'survey-not-yet', 'Survei dapat diisi setelah layanan selesai', 'The survey opens once the service is completed');
    if (await responseForApplication(ctx.database.db, app.id)) return fail(409, 'application', 'survey-already-answered', 'Survei untuk permohonan ini sudah diisi. Terima kasih!', 'The survey for this application was already answered. Thank you!');
    const today = ctx.clock.localDate(office.office, nowIso);
    const checked = checkResponse(input, { requireAll: true, allowDate: false, today });
    if (!checked.ok) return { ok: false, status: 422, problems: checked.problems };
    const row = responseRow(checked.value, { office_id: office.id, service_id: app.service_id, application_id: app.id, source: 'link', responded_on: today, batch_id: null, entered_by: null, created_at: nowIso });
    try {
      await ctx.database.write((trx) => insertSurveyResponses(trx, [row]));
    } catch (e) {
      if (isUniqueViolation(e)) return fail(409, 'application', 'survey-already-answered', 'Survei untuk permohonan ini sudah diisi. Terima kasih!', 'The survey for this application was already answered. Thank you!');
      throw e;
    }
    return { ok: true, value: { id: row.id, source: 'link', respondedOn: today } };
  }

  if (input.kioskNonce !== undefined && input.kioskNonce !== null && input.kioskNonce !== '') {
    const office = typeof input.office === 'string' ? ctx.catalogue.office(input.office) : undefined;
    if (!office) return fail(404, 'office', 'office-not-found', `Kantor "${String(input.office ?? '')}" tidak ditemukan`, `Office "${String(input.office ?? '')}" not found`);
    let serviceId: string | null = null;
    if (input.service !== undefined && input.service !== null && input.service !== '') {
      const s = office.services.find((x) => x.service.slug === input.service);
      if (!s) return fail(422, 'service', 'service-not-found', `Layanan "${String(input.service)}" tidak ada di kantor ini`, `Service "${String(input.service)}" is not one of this office's`);
      serviceId = s.id;
    }
    if (input.application !== undefined && input.application !== null && input.application !== '')
      return fail(422, 'application', 'application-needs-link', 'Survei untuk permohonan tertentu diisi melalui tautan pada halaman lacak atau surat', "An application's survey is filled through the link on its tracking page or letter");
    const nonce = String(input.kioskNonce);
    const problem = await kioskNonceProblem(ctx, office.id, nonce);
    if (problem) return fail(problem.code === 'kiosk-session-invalid' ? 409 : 422, 'kioskNonce', problem.code, problem.message, problem.messageEn);
    const today = ctx.clock.localDate(office.office, nowIso);
    const checked = checkResponse(input, { requireAll: true, allowDate: false, today });
    if (!checked.ok) return { ok: false, status: 422, problems: checked.problems };
    const row = responseRow(checked.value, { office_id: office.id, service_id: serviceId, application_id: null, source: 'kiosk', responded_on: today, batch_id: null, entered_by: null, created_at: nowIso });
    let used = false;
    await ctx.database.write(async (trx) => {
      used = await useKioskNonce(trx, nonceHash(nonce), office.id, nowIso);
      if (used) await insertSurveyResponses(trx, [row]);
    });
    if (!used) return fail(409, 'kioskNonce', 'kiosk-session-invalid', 'Formulir kios sudah dipakai; muat ulang formulir', 'This kiosk form was already used; reload it');
    return { ok: true, value: { id: row.id, source: 'kiosk', respondedOn: today } };
  }

  return fail(422, 'token', 'survey-link-required', 'Survei daring diisi melalui tautan permohonan (halaman lacak atau QR pada surat) atau formulir kios di kantor', "The online survey is filled through an application's link (tracking page or QR on the letter) or the office's kiosk form");
}

/** Whether an application's survey was answered (for the tracking page). */
export async function surveyAnswered(ctx: Ctx, applicationId: string): Promise<boolean> {
  return !!(await responseForApplication(ctx.database.db, applicationId));
}

export { findApplicationAnyOffice };
