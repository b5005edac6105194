/**
 * Records one SKM questionnaire: from an application's one-time link (the tracking page, the QR
 * on the delivered letter), from the kiosk at the counter, or a paper questionnaire entered by
 * staff with the admin or surveyor role. Every answer is checked.
 */
import { insertSurveyResponses, isDuplicateResponse, newResponseRow, responseForApplication, useKioskNonce } from '../../db/surveys-repo.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import { officeNotFound, serviceNotFound } from '../../domain/standards/not-found.js';
import { checkResponse } from '../../domain/surveys/response-input.js';
import type { SurveySource } from '../../domain/surveys/questionnaire.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { findSurveyApplication } from './find-survey-application.js';
import { kioskNonceFailure, nonceHash } from './kiosk-nonce.js';
import { submitSurveyBatch } from './submit-batch.js';

export interface SurveyInput {
  office?: string | undefined;
  service?: string | undefined;
  application?: string | undefined;
  token?: string | undefined;
  kioskNonce?: string | undefined;
  answers?: unknown;
  respondent?: unknown;
  suggestion?: unknown;
  date?: unknown;
}

export interface RecordedResponse {
  id: string;
  source: SurveySource;
  respondedOn: string;
}

const alreadyAnswered = () =>
  failWith('conflict', 'survey-already-answered', 'Survei untuk permohonan ini sudah diisi. Terima kasih!', 'The survey for this application was already answered. Thank you!', 'application');

export async function submitSurveyResponse(ctx: Ctx, input: SurveyInput, actor: Actor): Promise<Outcome<RecordedResponse>> {
  if (actor.id !== null) {
    // Paper entry is a batch of one; its problems are about the one questionnaire, not a row.
    const r = await submitSurveyBatch(ctx, actor, { office: input.office, service: input.service, responses: [{ application: input.application, answers: input.answers, respondent: input.respondent, suggestion: input.suggestion, date: input.date }], source: 'paper' });
    if (!r.ok) return fail(r.error.kind, ...r.error.problems.map(({ row: _row, ...p }) => p));
    return { ok: true, value: { id: r.value.ids[0]!, source: 'paper', respondedOn: r.value.respondedOn[0]! } };
  }
  if (input.token) return submitByLink(ctx, input, input.token);
  if (input.kioskNonce) return submitAtKiosk(ctx, input, input.kioskNonce);
  return failWith(
    'invalid',
    'survey-link-required',
    'Survei daring diisi melalui tautan permohonan (halaman lacak atau QR pada surat) atau formulir kios di kantor',
    "The online survey is filled through an application's link (tracking page or QR on the letter) or the office's kiosk form",
    'token',
  );
}

async function submitByLink(ctx: Ctx, input: SurveyInput, token: string): Promise<Outcome<RecordedResponse>> {
  const nowIso = nowOf(ctx).toISOString();
  const app = await findSurveyApplication(ctx, input.application ?? '', token);
  const office = app ? ctx.catalogue.officeById(app.office_id) : undefined;
  if (!app || !office || (input.office !== undefined && input.office !== office.office.slug))
    return failWith('not-found', 'survey-link-invalid', 'Tautan survei tidak sah (nomor permohonan atau token tidak cocok)', 'Invalid survey link (application number or token does not match)', 'token');
  if (app.status !== 'completed') return failWith('conflict', 'survey-not-yet', 'Survei dapat diisi setelah layanan selesai', 'The survey opens once the service is completed', 'application');
  if (await responseForApplication(ctx.database.db, app.id)) return alreadyAnswered();
  const today = ctx.clock.localDate(office.office, nowIso);
  const checked = checkResponse(input, { requireAll: true, allowDate: false, today });
  if (!checked.ok) return fail('invalid', ...checked.error);
  const row = newResponseRow(checked.value, { officeId: office.id, serviceId: app.service_id, applicationId: app.id, source: 'link', respondedOn: today, createdAt: nowIso });
  try {
    await ctx.database.write((trx) => insertSurveyResponses(trx, [row]));
  } catch (e) {
    if (isDuplicateResponse(e)) return alreadyAnswered();
    throw e;
  }
  return { ok: true, value: { id: row.id, source: 'link', respondedOn: today } };
}

async function submitAtKiosk(ctx: Ctx, input: SurveyInput, nonce: string): Promise<Outcome<RecordedResponse>> {
  const nowIso = nowOf(ctx).toISOString();
  const office = ctx.catalogue.office(input.office ?? '');
  if (!office) return fail('not-found', officeNotFound(input.office ?? '', 'office'));
  let serviceId: string | null = null;
  if (input.service) {
    const s = office.services.find((x) => x.service.slug === input.service);
    if (!s) return fail('invalid', serviceNotFound(office.office.slug, input.service, 'service'));
    serviceId = s.id;
  }
  if (input.application)
    return failWith('invalid', 'application-needs-link', 'Survei untuk permohonan tertentu diisi melalui tautan pada halaman lacak atau surat', "An application's survey is filled through the link on its tracking page or letter", 'application');
  const refused = await kioskNonceFailure(ctx, office.id, nonce);
  if (refused) return { ok: false, error: refused };
  const today = ctx.clock.localDate(office.office, nowIso);
  const checked = checkResponse(input, { requireAll: true, allowDate: false, today });
  if (!checked.ok) return fail('invalid', ...checked.error);
  const row = newResponseRow(checked.value, { officeId: office.id, serviceId, applicationId: null, source: 'kiosk', respondedOn: today, createdAt: nowIso });
  let used = false;
  await ctx.database.write(async (trx) => {
    used = await useKioskNonce(trx, nonceHash(nonce), office.id, nowIso);
    if (used) await insertSurveyResponses(trx, [row]);
  });
  if (!used) return failWith('conflict', 'kiosk-session-invalid', 'Formulir kios sudah dipakai; muat ulang formulir', 'This kiosk form was already used; reload it', 'kioskNonce');
  return { ok: true, value: { id: row.id, source: 'kiosk', respondedOn: today } };
}
