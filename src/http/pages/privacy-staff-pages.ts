/**
 * The staff pages of data-subject requests under /petugas/privasi: the list with countdowns,
 * recording a request at the counter, one request, its answer (the export), its refusal, and the
 * export's download. Forms are parsed by the JSON API's schemas; every action redirects back.
 */
import { z } from 'zod';
import { answerSubjectRequest } from '../../usecases/privacy/answer-subject-request.js';
import { downloadExportAsOfficer } from '../../usecases/privacy/download-subject-export.js';
import { listSubjectRequestsFor } from '../../usecases/privacy/list-subject-requests.js';
import { refuseSubjectRequest } from '../../usecases/privacy/refuse-subject-request.js';
import { registerSubjectRequest } from '../../usecases/privacy/register-subject-request.js';
import { showSubjectRequest } from '../../usecases/privacy/show-subject-request.js';
import { BODY_LIMIT, exportFormat, refuseBody, registerBody } from '../api/privacy-schemas.js';
import { idParams } from '../api/schemas.js';
import { officerOf } from '../auth.js';
import { L } from '../i18n.js';
import { formFields, parseForm, redirectWithMessage, sendFile, sendHtml, statusOf } from '../reply.js';
import { say } from './components.js';
import { shellOf, staffPages } from './plugin.js';
import { counterReceiptPage, counterRequestPage, requestDetailPage, requestListPage, requestNotFoundPage, STAFF_PATH } from './privacy-staff-views.js';

const message = z.object({ ok: z.string().max(500).optional(), error: z.string().max(2000).optional() });

export const privacyStaffPages = staffPages((app, ctx) => {
  app.get(STAFF_PATH, { config: { may: 'privacy.read' } }, async (req, reply) => {
    const r = await listSubjectRequestsFor(ctx, officerOf(req).actor);
    if (!r.ok) return sendHtml(reply, requestNotFoundPage(shellOf(req), r.error.problems.map((p) => say(req.lang, p)).join(' ')), statusOf(r.error.kind));
    return sendHtml(reply, requestListPage(shellOf(req), r.value));
  });

  app.get(`${STAFF_PATH}/baru`, { config: { may: 'privacy.record' } }, async (req, reply) => sendHtml(reply, counterRequestPage(shellOf(req), { values: {}, problems: [] })));

  app.post(`${STAFF_PATH}/baru`, { config: { may: 'privacy.record' }, bodyLimit: BODY_LIMIT }, async (req, reply) => {
    const { office, actor } = officerOf(req);
    const f = formFields(req.body);
    const body = parseForm(registerBody, { office: office.office.slug, nik: f.nik ?? '', name: f.name ?? '', contact: f.contact ?? '', identityChecked: f.identityChecked === '1' });
    const r = body.ok ? await registerSubjectRequest(ctx, body.value, actor) : body;
    if (!r.ok) return sendHtml(reply, counterRequestPage(shellOf(req), { values: f, problems: r.error.problems }), statusOf(r.error.kind));
    return sendHtml(reply, counterReceiptPage(shellOf(req), r.value), 201);
  });

  app.get(`${STAFF_PATH}/:id`, { config: { may: 'privacy.read' }, schema: { params: idParams, querystring: message } }, async (req, reply) => {
    const r = await showSubjectRequest(ctx, officerOf(req).actor, req.params.id);
    if (!r.ok) return sendHtml(reply, requestNotFoundPage(shellOf(req)), 404);
    return sendHtml(reply, requestDetailPage(shellOf(req), r.value, req.query));
  });

  app.post(`${STAFF_PATH}/:id/jawab`, { config: { may: 'privacy.answer' }, schema: { params: idParams }, bodyLimit: BODY_LIMIT }, async (req, reply) => {
    const path = `${STAFF_PATH}/${encodeURIComponent(req.params.id)}`;
    const r = await answerSubjectRequest(ctx, officerOf(req).actor, req.params.id);
    if (!r.ok) return redirectWithMessage(reply, req.lang, path, 'error', r.error.problems.map((p) => say(req.lang, p)).join(' '));
    return redirectWithMessage(reply, req.lang, path, 'ok', L(req.lang, 'Salinan data dibuat; pemohon dapat mengunduhnya di halaman status permintaannya.', 'The copy was produced; the person can download it on their request status page.'));
  });

  app.post(`${STAFF_PATH}/:id/tolak`, { config: { may: 'privacy.answer' }, schema: { params: idParams }, bodyLimit: BODY_LIMIT }, async (req, reply) => {
    const path = `${STAFF_PATH}/${encodeURIComponent(req.params.id)}`;
    const { actor } = officerOf(req);
    const body = parseForm(refuseBody, { reason: formFields(req.body).reason ?? '' });
    const r = body.ok ? await refuseSubjectRequest(ctx, actor, req.params.id, body.value.reason) : body;
    if (r.ok) return redirectWithMessage(reply, req.lang, path, 'ok', L(req.lang, 'Permintaan ditolak; alasannya ditunjukkan kepada pemohon.', 'The request was refused; the person is shown the reason.'));
    if (r.error.kind !== 'invalid') return redirectWithMessage(reply, req.lang, path, 'error', r.error.problems.map((p) => say(req.lang, p)).join(' '));
    const d = await showSubjectRequest(ctx, actor, req.params.id);
    if (!d.ok) return sendHtml(reply, requestNotFoundPage(shellOf(req)), 404);
    return sendHtml(reply, requestDetailPage(shellOf(req), d.value, {}, r.error.problems), 422);
  });

  app.get(`${STAFF_PATH}/:id/ekspor`, { config: { may: 'privacy.answer' }, schema: { params: idParams, querystring: z.object({ format: exportFormat.catch('pdf') }) } }, async (req, reply) => {
    const r = await downloadExportAsOfficer(ctx, officerOf(req).actor, req.params.id, req.query.format);
    if (!r.ok) return redirectWithMessage(reply, req.lang, `${STAFF_PATH}/${encodeURIComponent(req.params.id)}`, 'error', r.error.problems.map((p) => say(req.lang, p)).join(' '));
    return sendFile(reply, r.value.body, r.value);
  });
});
