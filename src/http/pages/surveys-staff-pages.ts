/**
 * The staff survey pages under /petugas/survei: the overview of the period, paper entry, XLSX
 * import and the follow-up plan. Each post answers with the page again (problems beside the
 * fields) or redirects to it with a one-line message.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Problem } from '../../domain/errors.js';
import { chooseIkmPeriod } from '../../usecases/surveys/choose-ikm-period.js';
import { importSurveyXlsx } from '../../usecases/surveys/import-survey-xlsx.js';
import { readSurveyOverview } from '../../usecases/surveys/read-survey-overview.js';
import { saveFollowup } from '../../usecases/surveys/save-followup.js';
import { submitSurveyResponse } from '../../usecases/surveys/submit-response.js';
import { csrfValid, officerOf, refuseCsrf } from '../auth.js';
import { anyObject } from '../api/schemas.js';
import { L } from '../i18n.js';
import { formFields, sendHtml, statusOf } from '../reply.js';
import { say } from './components.js';
import { withLang } from './layout.js';
import { shellOf, staffPages } from './plugin.js';
import { followupFromForm, surveyFromForm } from './surveys-forms.js';
import { staffSurveyMessage, staffSurveyPage, type StaffSurveyNotes } from './surveys-staff-views.js';
import { readSurveyXlsxUpload } from './surveys-xlsx-upload.js';

/** The period of the page (a period it cannot read falls back to this year, never an error). */
const periodQuery = z.object({
  periode: z.string().optional().catch(undefined),
  from: z.string().optional().catch(undefined),
  to: z.string().optional().catch(undefined),
});
const overviewQuery = periodQuery.extend({
  ok: z.enum(['saved', 'imported', 'followup']).optional().catch(undefined),
  n: z.string().regex(/^\d{1,6}$/).optional().catch(undefined),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
});
const form = anyObject.optional();

export const surveysStaffPages = staffPages((app, ctx) => {
  /** The page for the officer and the period in the address, with what just happened. */
  const overview = async (req: FastifyRequest, q: z.infer<typeof periodQuery>, notes?: StaffSurveyNotes) => {
    const { actor, office } = officerOf(req);
    return staffSurveyPage(shellOf(req), await readSurveyOverview(ctx, actor, office, q), notes);
  };

  app.get('/petugas/survei', { config: { may: 'surveys.overview' }, schema: { querystring: overviewQuery } }, async (req, reply) => {
    const message = staffSurveyMessage(req.lang, req.query.ok, req.query);
    return sendHtml(reply, await overview(req, req.query, { message }));
  });

  app.post('/petugas/survei/isi', { config: { may: 'surveys.enter' }, bodyLimit: 32 * 1024, schema: { querystring: periodQuery, body: form } }, async (req, reply) => {
    const { actor, office } = officerOf(req);
    const f = formFields(req.body);
    const input = surveyFromForm(f, { office: office.office.slug });
    const r = input.ok ? await submitSurveyResponse(ctx, input.value, actor) : input;
    if (!r.ok) return sendHtml(reply, await overview(req, req.query, { problems: r.error.problems, values: f }), statusOf(r.error.kind));
    return reply.redirect(withLang(`/petugas/survei?ok=saved&date=${r.value.respondedOn}`, req.lang), 303);
  });

  // Multipart: the CSRF token is one of the fields, checked once they are read.
  app.post('/petugas/survei/impor', { config: { may: 'surveys.enter' }, schema: { querystring: periodQuery } }, async (req, reply) => {
    const upload = await readSurveyXlsxUpload(req);
    if (!csrfValid(req, upload.fields._csrf)) return refuseCsrf(req, reply);
    const { actor, office } = officerOf(req);
    const r = await importSurveyXlsx(ctx, actor, office, { file: upload.file, tooLarge: upload.tooLarge, service: upload.fields.service });
    if (!r.ok) {
      const message = L(req.lang, 'Impor dibatalkan; tidak ada yang disimpan.', 'Import cancelled; nothing was saved.');
      return sendHtml(reply, await overview(req, req.query, { message, importProblems: r.error.problems }), statusOf(r.error.kind));
    }
    return reply.redirect(withLang(`/petugas/survei?ok=imported&n=${r.value.inserted}`, req.lang), 303);
  });

  app.post('/petugas/survei/tindak-lanjut', { config: { may: 'surveys.plan' }, bodyLimit: 64 * 1024, schema: { querystring: periodQuery, body: form } }, async (req, reply) => {
    const { actor, office } = officerOf(req);
    const { value: period } = await chooseIkmPeriod(ctx, office, req.query, 'staff');
    const input = followupFromForm(formFields(req.body));
    const r = input.ok ? await saveFollowup(ctx, actor, office, period, undefined, input.value.text) : input;
    if (!r.ok) return sendHtml(reply, await overview(req, req.query, { message: say(req.lang, firstOf(r.error.problems)) }), statusOf(r.error.kind));
    return reply.redirect(withLang(`/petugas/survei?from=${period.from}&to=${period.to}&ok=followup`, req.lang), 303);
  });
});

const firstOf = (ps: readonly Problem[]): Problem => ps[0] ?? { code: 'invalid', message: 'Isian tidak sah', messageEn: 'Invalid input' };
