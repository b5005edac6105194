/** The back office's case pages: the queue, a case and its step form, counter intake, supervision, case files. */
import { createReadStream } from 'node:fs';
import { z } from 'zod';
import { completeTask } from '../../usecases/applications/complete-task.js';
import { caseIdOfTask, findOfficeCase } from '../../usecases/applications/find-case.js';
import { listNotifications } from '../../usecases/applications/list-notifications.js';
import { readCaseFile } from '../../usecases/applications/read-case-file.js';
import { readUpload } from '../../usecases/applications/read-upload.js';
import { resubmitFile } from '../../usecases/applications/resubmit-file.js';
import { submitApplication } from '../../usecases/applications/submit-application.js';
import { superviseOpenCases } from '../../usecases/applications/supervise-open-cases.js';
import { taskQueue } from '../../usecases/applications/task-queue.js';
import { caseLettersToSign } from '../../usecases/letters/case-letters-to-sign.js';
import { SIGNING_PASSWORD_FIELD, signingProblem } from '../../usecases/letters/confirm-signer.js';
import { completeBody } from '../api/applications-schemas.js';
import { officerOf, refuseCsrf } from '../auth.js';
import { L } from '../i18n.js';
import { formFields, sendHtml, statusOf } from '../reply.js';
import { say } from './components.js';
import { counterFormPage, counterReceiptPage, counterServicesPage } from './applications-counter-views.js';
import { intakeFromForm, readIntakeForm } from './applications-forms.js';
import { caseNotFoundPage, casePage, queuePage, supervisionPage } from './applications-staff-views.js';
import { withLang } from './layout.js';
import { shellOf, staffPages } from './plugin.js';

const idParams = z.object({ id: z.string().max(100) });

/** The step form's flat fields ("data.report", "data.lat"…) shaped like POST /api/v1/tasks/:id/complete. */
function stepFormBody(f: Record<string, string>) {
  const data: Record<string, unknown> = {};
  for (const k of ['report', 'reference', 'siksngReference', 'password'] as const) if (f[`data.${k}`]) data[k] = f[`data.${k}`];
  if (f['data.lat'] && f['data.lng']) data.coordinates = { lat: Number(f['data.lat']), lng: Number(f['data.lng']) };
  return { outcome: f.outcome ?? '', note: f.note, data, version: Number(f.version) };
}

export const applicationsStaffPages = staffPages((app, ctx) => {
  app.get('/petugas', { schema: { querystring: z.object({ sla: z.string().max(20).optional(), service: z.string().max(100).optional() }) } }, async (req, reply) => {
    const { user, office } = officerOf(req);
    const filter = { sla: req.query.sla || undefined, service: req.query.service || undefined };
    const items = await taskQueue(ctx, user, { limit: 200, slaState: filter.sla, serviceId: filter.service });
    const notifications = await listNotifications(ctx, office.id, user.roles);
    return sendHtml(reply, queuePage(shellOf(req), { officeName: office.office.name, roles: user.roles, notifications, filter, services: office.services, items }));
  });

  app.get('/petugas/berkas/:id', { schema: { params: idParams, querystring: z.object({ error: z.string().max(2000).optional(), tandatangan: z.string().max(40).optional() }) } }, async (req, reply) => {
    const { user } = officerOf(req);
    const f = await readCaseFile(ctx, user, req.params.id);
    if (!f.ok) return sendHtml(reply, caseNotFoundPage(shellOf(req)), 404);
    // The letters a signing step signs (to preview), or that a waiting case waits for.
    const signing = f.value.step?.kind === 'sign' || f.value.app.status === 'waiting-signature' ? { ...(await caseLettersToSign(ctx, user.officeId, f.value.app.id)), error: signingProblem(req.query.tandatangan) } : undefined;
    return sendHtml(reply, casePage(shellOf(req), f.value, { error: req.query.error, roles: user.roles, signing }));
  });

  app.post('/petugas/tugas/:id', { schema: { params: idParams } }, async (req, reply) => {
    const { user, actor } = officerOf(req);
    const back = (path: string) => reply.redirect(withLang(path, req.lang), 303);
    const caseId = await caseIdOfTask(ctx, user.officeId, req.params.id);
    if (!caseId) return back('/petugas');
    const parsed = completeBody.safeParse(stepFormBody(formFields(req.body)));
    const r = parsed.success ? await completeTask(ctx, { taskId: req.params.id, ...parsed.data }, actor) : null;
    if (r?.ok) return back('/petugas');
    const message = r ? r.error.problems.map((p) => say(req.lang, p)).join(' ') : L(req.lang, 'Isian formulir tidak sah; muat ulang halaman.', 'The form was not valid; reload the page.');
    // A signing refusal is also shown beside the password field (named by its code).
    const signing = r?.error.problems.find((p) => p.field === SIGNING_PASSWORD_FIELD);
    return back(`/petugas/berkas/${caseId}?error=${encodeURIComponent(message)}${signing ? `&tandatangan=${signing.code}` : ''}`);
  });

  app.post('/petugas/berkas/:id/lengkap', { schema: { params: idParams } }, async (req, reply) => {
    const { user, actor } = officerOf(req);
    const found = await findOfficeCase(ctx, user.officeId, req.params.id);
    if (found) await resubmitFile(ctx, found, actor, L(req.lang, 'Dicatat di loket', 'Recorded at the counter'));
    return reply.redirect(withLang(`/petugas/berkas/${found?.id ?? ''}`, req.lang), 303);
  });

  const counterQuery = { querystring: z.object({ layanan: z.string().max(100).optional() }) };

  app.get('/petugas/daftar-baru', { schema: counterQuery }, async (req, reply) => {
    const { office } = officerOf(req);
    const found = req.query.layanan ? office.services.find((s) => s.service.slug === req.query.layanan) : undefined;
    if (!found) return sendHtml(reply, counterServicesPage(shellOf(req), office.services));
    return sendHtml(reply, counterFormPage(shellOf(req), found.service, { values: {}, problems: [] }, office.office.region.name, 'register'));
  });

  app.post('/petugas/daftar-baru', { schema: counterQuery }, async (req, reply) => {
    const { office, actor } = officerOf(req);
    const chosen = req.query.layanan ?? '';
    const found = office.services.find((s) => s.service.slug === chosen);
    if (!found) return reply.redirect(withLang('/petugas/daftar-baru', req.lang), 303);
    const form = await readIntakeForm(req, ctx);
    if (!form.csrfOk) return refuseCsrf(req, reply);
    const intake = intakeFromForm(office.office.slug, chosen, form);
    const problems = [...form.problems, ...(intake.ok ? [] : intake.problems)];
    const r = problems.length || !intake.ok ? null : await submitApplication(ctx, intake.value, actor);
    if (!r || !r.ok) {
      const state = { values: form.fields, problems: r && !r.ok ? r.error.problems : problems };
      return sendHtml(reply, counterFormPage(shellOf(req), found.service, state, office.office.region.name, 'retry'), r && !r.ok ? statusOf(r.error.kind) : 422);
    }
    return sendHtml(reply, counterReceiptPage(shellOf(req), r.value));
  });

  app.get('/petugas/supervisi', async (req, reply) => sendHtml(reply, supervisionPage(shellOf(req), await superviseOpenCases(ctx, officerOf(req).office.id))));

  app.get('/petugas/unggahan/:id', { schema: { params: idParams } }, async (req, reply) => {
    const r = await readUpload(ctx, officerOf(req).office.id, req.params.id);
    if (!r.ok) return reply.code(404).send('Not found');
    return reply.type(r.value.mime).header('content-disposition', 'inline').header('x-content-type-options', 'nosniff').send(createReadStream(r.value.path));
  });
});
