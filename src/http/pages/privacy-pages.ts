/**
 * The public personal-data pages: an office's privacy notice with the request form, and a
 * request's status and downloads, opened with number and code sent in POST bodies (never in a
 * URL). Forms are parsed by the JSON API's schemas; the use cases decide.
 */
import { PUBLIC_ACTOR } from '../../usecases/context.js';
import { downloadOwnExport } from '../../usecases/privacy/download-subject-export.js';
import { registerSubjectRequest } from '../../usecases/privacy/register-subject-request.js';
import { trackSubjectRequest } from '../../usecases/privacy/track-subject-request.js';
import { BODY_LIMIT, REQUEST_RATE, STATUS_RATE, downloadBody, registerBody, requestKeyBody } from '../api/privacy-schemas.js';
import { slugParams } from '../api/schemas.js';
import { formFields, parseForm, sendFile, sendHtml, statusOf } from '../reply.js';
import { publicPages } from './plugin.js';
import { privacyPage, requestReceiptPage, requestStatusPage, STATUS_PATH, statusFormPage } from './privacy-views.js';

export const privacyPages = publicPages((app, ctx) => {
  const { catalogue } = ctx;

  app.get('/kantor/:slug/privasi', { schema: { params: slugParams } }, async (req, reply) => {
    const office = catalogue.office(req.params.slug);
    if (!office) return reply.callNotFound();
    return sendHtml(reply, privacyPage(req.lang, office, { values: {}, problems: [] }));
  });

  app.post('/kantor/:slug/privasi', { schema: { params: slugParams }, bodyLimit: BODY_LIMIT, config: { rateLimit: REQUEST_RATE } }, async (req, reply) => {
    const office = catalogue.office(req.params.slug);
    if (!office) return reply.callNotFound();
    const f = formFields(req.body);
    const body = parseForm(registerBody, { office: office.office.slug, nik: f.nik ?? '', name: f.name ?? '', contact: f.contact ?? '', trackingCode: f.trackingCode ?? '' });
    const r = body.ok ? await registerSubjectRequest(ctx, body.value, PUBLIC_ACTOR) : body;
    // The code typed is never shown back: a refused page is the same whichever code was wrong.
    if (!r.ok) return sendHtml(reply, privacyPage(req.lang, office, { values: { ...f, trackingCode: '' }, problems: r.error.problems }), statusOf(r.error.kind));
    return sendHtml(reply, requestReceiptPage(req.lang, office, r.value), 201);
  });

  app.get(STATUS_PATH, async (req, reply) => sendHtml(reply, statusFormPage(req.lang)));

  const keyOf = (f: Record<string, string>) => ({ number: (f.number ?? '').trim().toUpperCase(), code: (f.code ?? '').trim().toUpperCase() });

  app.post(STATUS_PATH, { bodyLimit: BODY_LIMIT, config: { rateLimit: STATUS_RATE } }, async (req, reply) => {
    const f = formFields(req.body);
    const body = parseForm(requestKeyBody, keyOf(f));
    const r = body.ok ? await trackSubjectRequest(ctx, body.value) : body;
    if (!r.ok) return sendHtml(reply, statusFormPage(req.lang, f, r.error.problems.map((p) => ({ ...p, field: 'number' }))), 404);
    return sendHtml(reply, requestStatusPage(req.lang, r.value, keyOf(f)));
  });

  app.post(`${STATUS_PATH}/unduh`, { bodyLimit: BODY_LIMIT, config: { rateLimit: STATUS_RATE } }, async (req, reply) => {
    const f = formFields(req.body);
    const body = parseForm(downloadBody, { ...keyOf(f), format: f.format === 'json' ? 'json' : 'pdf' });
    const r = body.ok ? await downloadOwnExport(ctx, body.value, body.value.format) : body;
    if (!r.ok) return sendHtml(reply, statusFormPage(req.lang, f, r.error.problems.map((p) => ({ ...p, field: 'number' }))), 404);
    return sendFile(reply, r.value.body, r.value);
  });
});
