/**
 * The public survey pages: the one-time survey of an application (/survei/:number/:token), the
 * kiosk form of an office (/kantor/:slug/survei) and an office's public IKM (/kantor/:slug/ikm).
 */
import { z } from 'zod';
import { PUBLIC_ACTOR } from '../../usecases/context.js';
import { chooseIkmPeriod } from '../../usecases/surveys/choose-ikm-period.js';
import { ikmByService } from '../../usecases/surveys/compute-ikm-by-service.js';
import { issueKioskNonce } from '../../usecases/surveys/issue-kiosk-nonce.js';
import { openSurveyLink } from '../../usecases/surveys/open-survey-link.js';
import { submitSurveyResponse } from '../../usecases/surveys/submit-response.js';
import { anyObject } from '../api/schemas.js';
import { SURVEY_RATE } from '../api/surveys-schemas.js';
import { formFields, sendHtml, statusOf } from '../reply.js';
import { say } from './components.js';
import { publicPages } from './plugin.js';
import { surveyFromForm } from './surveys-forms.js';
import { ikmPeriodErrorPage, publicIkmPage } from './surveys-ikm-views.js';
import { kioskSurveyPage, kioskThanksPage, linkNoticePage, linkRefusedPage, linkSurveyPage } from './surveys-views.js';

const linkParams = z.object({ number: z.string(), token: z.string() });
const officeParams = z.object({ slug: z.string() });
/** A posted form: its string fields are read with formFields (an empty post is an empty form). */
const form = anyObject.optional();
const periodPageQuery = z.object({ periode: z.string().optional(), from: z.string().optional(), to: z.string().optional() });

export const surveysPages = publicPages((app, ctx) => {
  app.get('/survei/:number/:token', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { params: linkParams } }, async (req, reply) => {
    const { number, token } = req.params;
    const path = `/survei/${number}/${token}`;
    const r = await openSurveyLink(ctx, number, token);
    if (!r.ok) return sendHtml(reply, linkNoticePage(req.lang, path, r.error.kind === 'conflict' ? 'not-yet' : 'invalid'), statusOf(r.error.kind));
    if (r.value.answered) return sendHtml(reply, linkNoticePage(req.lang, path, 'answered'));
    const { office, service, registrationNumber } = r.value;
    return sendHtml(reply, linkSurveyPage(req.lang, path, { officeName: office.office.name, serviceTitle: service?.service.title ?? '', registrationNumber }));
  });

  app.post('/survei/:number/:token', { bodyLimit: 32 * 1024, config: { rateLimit: SURVEY_RATE }, schema: { params: linkParams, body: form } }, async (req, reply) => {
    const { number, token } = req.params;
    const path = `/survei/${number}/${token}`;
    const f = formFields(req.body);
    const input = surveyFromForm(f, { service: undefined, date: undefined, application: number, token });
    const r = input.ok ? await submitSurveyResponse(ctx, input.value, PUBLIC_ACTOR) : input;
    if (r.ok) return sendHtml(reply, linkNoticePage(req.lang, path, 'saved'), 201);
    // Wrong answers are shown beside the questions; any other refusal is the whole answer.
    if (r.error.kind === 'invalid') return sendHtml(reply, linkSurveyPage(req.lang, path, null, { values: f, problems: r.error.problems }), statusOf(r.error.kind));
    return sendHtml(reply, linkRefusedPage(req.lang, path, r.error.problems[0]!), statusOf(r.error.kind));
  });

  app.get('/kantor/:slug/survei', { config: { rateLimit: { max: 60, timeWindow: '10 minutes' } }, schema: { params: officeParams } }, async (req, reply) => {
    const office = ctx.catalogue.office(req.params.slug);
    if (!office) return reply.callNotFound();
    const n = await issueKioskNonce(ctx, office);
    return sendHtml(reply, kioskSurveyPage(req.lang, office, n.nonce));
  });

  app.post('/kantor/:slug/survei', { bodyLimit: 32 * 1024, config: { rateLimit: SURVEY_RATE }, schema: { params: officeParams, body: form } }, async (req, reply) => {
    const office = ctx.catalogue.office(req.params.slug);
    if (!office) return reply.callNotFound();
    const f = formFields(req.body);
    const input = surveyFromForm(f, { application: undefined, date: undefined, office: office.office.slug, kioskNonce: f.kioskNonce ?? '' });
    const r = input.ok ? await submitSurveyResponse(ctx, input.value, PUBLIC_ACTOR) : input;
    if (r.ok) return sendHtml(reply, kioskThanksPage(req.lang, office), 201);
    // A refused form is spent or suspect: the respondent gets a fresh one with their answers.
    const n = await issueKioskNonce(ctx, office);
    return sendHtml(reply, kioskSurveyPage(req.lang, office, n.nonce, { values: f, problems: r.error.problems }), statusOf(r.error.kind));
  });

  app.get('/kantor/:slug/ikm', { schema: { params: officeParams, querystring: periodPageQuery } }, async (req, reply) => {
    const office = ctx.catalogue.office(req.params.slug);
    if (!office) return reply.callNotFound();
    const period = await chooseIkmPeriod(ctx, office, req.query, 'public');
    if (!period.ok) return sendHtml(reply, ikmPeriodErrorPage(req.lang, office, say(req.lang, period.error.problems[0]!)), statusOf(period.error.kind));
    const r = await ikmByService(ctx, office, period.value);
    return sendHtml(reply, publicIkmPage(req.lang, office, period.value, r));
  });
});
