/** The back office's case pages: a case and its step form, counter intake, supervision, case files (the queue: applications-search-pages.ts). */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { showOfficeReceipt } from '../../usecases/applications/show-receipt.js';
import { completeTask } from '../../usecases/applications/complete-task.js';
import { findDuplicates } from '../../usecases/applications/find-duplicates.js';
import { findOfficeCase, taskRef } from '../../usecases/applications/find-case.js';
import { readCaseFile, type CaseFile } from '../../usecases/applications/read-case-file.js';
import { readUpload } from '../../usecases/applications/read-upload.js';
import { resubmitFile } from '../../usecases/applications/resubmit-file.js';
import { checkIntakeForm } from '../../usecases/applications/check-intake-form.js';
import { submitApplication } from '../../usecases/applications/submit-application.js';
import { superviseOpenCases } from '../../usecases/applications/supervise-open-cases.js';
import { caseLettersToSign } from '../../usecases/letters/case-letters-to-sign.js';
import { signingProblem } from '../../usecases/letters/confirm-signer.js';
import { completeBody } from '../api/applications-schemas.js';
import { officerOf, refuseCsrf } from '../auth.js';
import { L } from '../i18n.js';
import { formFields, sendHtml, statusOf, zodProblems } from '../reply.js';
import { say } from './components.js';
import { counterFormPage, counterReceiptPage, counterServicesPage } from './applications-counter-views.js';
import { intakeFromForm, readIntakeForm } from './applications-forms.js';
import { caseNotFoundPage, casePage, supervisionPage } from './applications-staff-views.js';
import { refusedPage } from './permissions-views.js';
import { may, refusalOf, scopeOf } from '../../domain/staff/permissions.js';
import { withLang } from './layout.js';
import { shellOf, staffPages } from './plugin.js';

const idParams = z.object({ id: z.string().max(100) });

/** The step form's flat fields ("data.report", "data.lat"…) shaped like POST /api/v1/tasks/:id/complete. */
function stepFormBody(f: Record<string, string>) {
  const data: Record<string, unknown> = {};
  for (const k of ['report', 'reference', 'siksngReference', 'password'] as const) if (f[`data.${k}`]) data[k] = f[`data.${k}`];
  // A comma typed as the decimal mark is read as a point; anything else that is not a number is
  // passed on as typed, so the step's check names it instead of it silently vanishing.
  const num = (v: string | undefined) => (v && Number.isFinite(Number(v.replace(',', '.'))) ? Number(v.replace(',', '.')) : (v ?? ''));
  // A certified signature at a sign step: the signer's NIK and passphrase at the provider (used once, never kept).
  if (f['data.nik'] || f['data.passphrase']) data.certified = { nik: f['data.nik'] ?? '', passphrase: f['data.passphrase'] ?? '' };
  if (f['data.lat'] || f['data.lng']) data.coordinates = { lat: num(f['data.lat']), lng: num(f['data.lng']) };
  return { outcome: f.outcome ?? '', note: f.note, data, version: Number(f.version) };
}

export const applicationsStaffPages = staffPages((app, ctx) => {
  const caseQuery = z.object({ error: z.string().max(2000).optional(), selesai: z.string().max(201).optional(), tandatangan: z.string().max(40).optional() });
  /** The letters a signing step signs (to preview), or that a case waiting for a signature waits for. */
  const signingOf = async (officeId: string, f: CaseFile, code?: string) =>
    f.step?.kind === 'sign' || f.app.status === 'waiting-signature' ? { ...(await caseLettersToSign(ctx, officeId, f.app.id)), error: signingProblem(code), provider: ctx.signingProvider?.name ?? null } : undefined;
  app.get('/petugas/berkas/:id', { config: { may: 'applications.read' }, schema: { params: idParams, querystring: caseQuery } }, async (req, reply) => {
    const { user, actor } = officerOf(req);
    const f = await readCaseFile(ctx, { ...actor, officeId: user.officeId }, req.params.id);
    if (!f.ok && f.error.kind === 'forbidden') return sendHtml(reply, refusedPage(shellOf(req), { words: refusalOf('applications.read'), permission: 'applications.read', path: req.url.split('?')[0]! }), 403);
    if (!f.ok) return sendHtml(reply, caseNotFoundPage(shellOf(req)), 404);
    const [step, outcome] = (req.query.selesai ?? '').split(':');
    const signing = await signingOf(user.officeId, f.value, req.query.tandatangan);
    return sendHtml(reply, casePage(shellOf(req), f.value, { error: req.query.error, roles: user.roles, done: step && outcome ? { step, outcome } : undefined, signing }));
  });

  app.post('/petugas/tugas/:id', { config: { may: 'applications.act' }, schema: { params: idParams } }, async (req, reply) => {
    const { user, actor } = officerOf(req);
    const back = (path: string) => reply.redirect(withLang(path, req.lang), 303);
    const ref = await taskRef(ctx, user.officeId, req.params.id);
    if (!ref) return back('/petugas');
    const { caseId } = ref;
    const fields = formFields(req.body);
    const parsed = completeBody.safeParse(stepFormBody(fields));
    const r = parsed.success ? await completeTask(ctx, { taskId: req.params.id, ...parsed.data }, actor) : null;
    if (r?.ok) return back(`/petugas/berkas/${caseId}?selesai=${encodeURIComponent(`${ref.stepId}:${parsed.data!.outcome}`)}`);
    // Refused: the page again with what was typed (a visit report is not lost to a coordinate typo).
    const f = await readCaseFile(ctx, { ...actor, officeId: user.officeId }, caseId);
    if (!f.ok) return back('/petugas');
    const problems = r ? r.error.problems : parsed.success ? [] : zodProblems(parsed.error);
    const withField = problems.filter((p) => p.field);
    const error = problems.filter((p) => !p.field).map((p) => say(req.lang, p)).join(' ') || (withField.length ? undefined : L(req.lang, 'Isian formulir tidak sah; muat ulang halaman.', 'The form was not valid; reload the page.'));
    const { _csrf: _c, 'data.password': _p, 'data.passphrase': _pp, ...values } = fields;
    const signing = await signingOf(user.officeId, f.value);
    return sendHtml(reply, casePage(shellOf(req), f.value, { roles: user.roles, error, form: { values, problems: withField }, signing }), r ? statusOf(r.error.kind) : 422);
  });

  app.post('/petugas/berkas/:id/lengkap', { config: { may: 'applications.act' }, schema: { params: idParams } }, async (req, reply) => {
    const { user, actor } = officerOf(req);
    const found = await findOfficeCase(ctx, user.officeId, req.params.id);
    if (!found) return sendHtml(reply, caseNotFoundPage(shellOf(req)), 404);
    const r = await resubmitFile(ctx, found, actor, L(req.lang, 'Dicatat di loket', 'Recorded at the counter'));
    const error = r.ok ? '' : `?error=${encodeURIComponent(r.error.problems.map((p) => say(req.lang, p)).join(' '))}`;
    return reply.redirect(withLang(`/petugas/berkas/${found.id}${error}`, req.lang), 303);
  });

  const counterQuery = { querystring: z.object({ layanan: z.string().max(100).optional() }) };

  app.get('/petugas/daftar-baru', { config: { may: 'applications.register' }, schema: counterQuery }, async (req, reply) => {
    const { office, user } = officerOf(req);
    const found = req.query.layanan ? office.services.find((s) => s.service.slug === req.query.layanan) : undefined;
    // Only the services whose counter this officer's roles hold (front office: all of them).
    if (!found) return sendHtml(reply, counterServicesPage(shellOf(req), office.services.filter((s) => may(user.roles, 'applications.register', scopeOf([s])))));
    return sendHtml(reply, counterFormPage(shellOf(req), found.service, { values: { _idem: randomUUID() }, problems: [] }, office.office, 'register'));
  });

  app.post('/petugas/daftar-baru', { config: { may: 'applications.register' }, schema: counterQuery }, async (req, reply) => {
    const { office, actor } = officerOf(req);
    const chosen = req.query.layanan ?? '';
    const found = office.services.find((s) => s.service.slug === chosen);
    if (!found) return reply.redirect(withLang('/petugas/daftar-baru', req.lang), 303);
    const form = await readIntakeForm(req, ctx);
    if (!form.csrfOk) return refuseCsrf(req, reply);
    const intake = intakeFromForm(office.office.slug, chosen, form);
    // A refused upload stops the filing, but the rest of the form is checked in the same round.
    const problems = [...form.problems, ...(intake.ok ? (form.problems.length ? checkIntakeForm(ctx, intake.value, actor, form.problems) : []) : intake.problems)];
    // Open cases of the same NIK for the same service are shown before filing; the clerk files
    // anyway only by ticking that it is a different need.
    if (!problems.length && intake.ok && form.fields._dupOk !== 'true' && intake.value.applicant?.nik) {
      const dups = await findDuplicates(ctx, { ...actor, officeId: office.id }, { nik: intake.value.applicant.nik, service: found.id });
      if (dups.ok && dups.value.length)
        return sendHtml(reply, counterFormPage(shellOf(req), found.service, { values: form.fields, problems: [] }, office.office, 'retry', dups.value), 409);
    }
    const r = problems.length || !intake.ok ? null : await submitApplication(ctx, { ...intake.value, idempotencyKey: form.fields._idem || undefined }, actor);
    if (!r || !r.ok) {
      const state = { values: form.fields, problems: r && !r.ok ? r.error.problems : problems };
      return sendHtml(reply, counterFormPage(shellOf(req), found.service, state, office.office, 'retry'), r && !r.ok ? statusOf(r.error.kind) : 422);
    }
    return reply.redirect(withLang(`/petugas/berkas/${r.value.id}/tanda-terima`, req.lang), 303);
  });

  // The receipt carries the tracking code, with which the applicant may withdraw: the counter's only.
  app.get('/petugas/berkas/:id/tanda-terima', { config: { may: 'applications.register' }, schema: { params: idParams } }, async (req, reply) => {
    const { user, actor } = officerOf(req);
    const receipt = await showOfficeReceipt(ctx, { ...actor, officeId: user.officeId }, req.params.id);
    if (!receipt) return sendHtml(reply, caseNotFoundPage(shellOf(req)), 404);
    return sendHtml(reply, counterReceiptPage(shellOf(req), receipt));
  });

  app.get('/petugas/supervisi', { config: { may: 'applications.supervise' } }, async (req, reply) => sendHtml(reply, supervisionPage(shellOf(req), await superviseOpenCases(ctx, officerOf(req).office.id))));

  app.get('/petugas/unggahan/:id', { config: { may: 'uploads.read' }, schema: { params: idParams } }, async (req, reply) => {
    const { user, actor } = officerOf(req);
    const r = await readUpload(ctx, { ...actor, officeId: user.officeId }, req.params.id);
    if (!r.ok && r.error.kind === 'forbidden') return sendHtml(reply, refusedPage(shellOf(req), { words: refusalOf('uploads.read'), permission: 'uploads.read', path: req.url.split('?')[0]! }), 403);
    if (!r.ok) return reply.code(404).send('Not found');
    return reply.type(r.value.mime).header('content-disposition', 'inline').header('x-content-type-options', 'nosniff').send(r.value.bytes);
  });
});
