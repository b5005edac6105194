/**
 * Emergency pages: the staff dispatch board /petugas/darurat (refreshing itself), a report taken at
 * any hour, one report with assignment and "respon awal" (photo through the case uploads), the duty
 * roster; and the public web form /darurat. Forms are parsed by the JSON API's schemas.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isEmergencyService } from '../../domain/emergency/index.js';
import type { Outcome, Problem } from '../../domain/errors.js';
import { fileTooLarge, MAX_UPLOAD_BYTES, storeUpload } from '../../usecases/applications/store-upload.js';
import { nowOf, PUBLIC_ACTOR } from '../../usecases/context.js';
import { mergeReports } from '../../usecases/emergency/merge-reports.js';
import { addDutyShift } from '../../usecases/emergency/add-duty-shift.js';
import { acknowledgeEscalation } from '../../usecases/emergency/acknowledge-escalation.js';
import { assignResponder } from '../../usecases/emergency/assign-responder.js';
import { recordFirstResponse } from '../../usecases/emergency/record-first-response.js';
import { recordMemberCredentials } from '../../usecases/emergency/record-member-credentials.js';
import { reportEmergency } from '../../usecases/emergency/report-emergency.js';
import { setEmergencySettings } from '../../usecases/emergency/set-emergency-settings.js';
import { showDispatchBoard } from '../../usecases/emergency/show-dispatch-board.js';
import { showDutyRoster } from '../../usecases/emergency/show-duty-roster.js';
import { showEmergencyReport } from '../../usecases/emergency/show-emergency-report.js';
import { acknowledgeBody, assignBody, BODY_LIMIT, credentialsBody, firstResponseBody, mergeBody, numberParams, reportBody, settingsBody, shiftBody } from '../api/emergency-schemas.js';
import { idParams } from '../api/schemas.js';
import { allowedIn, csrfValid, officerOf, refuseCsrf } from '../auth.js';
import { L, type Lang } from '../i18n.js';
import { formFields, parseForm, readFieldsAndFile, sendHtml, statusOf } from '../reply.js';
import { say } from './components.js';
import { newFormKey } from './complaints-forms.js';
import { firstResponseBodyOf, reportBodyOf, settingsBodyOf, shiftBodyOf } from './emergency-forms.js';
import { publicReportPage, publicServicesPage, receiptBody, rosterPage, staffReportPage } from './emergency-intake-views.js';
import { boardPage, reportDetailPage, reportNotFoundPage } from './emergency-views.js';
import { html } from './html.js';
import { page, staffPage, withLang } from './layout.js';
import { publicPages, shellOf, staffPages } from './plugin.js';

const flashQuery = z.object({ ok: z.string().max(500).optional(), error: z.string().max(2000).optional() });

/** The respon-awal form: its fields and at most one photo (multipart); the CSRF token is among the fields. */
async function readResponseForm(req: FastifyRequest): Promise<{ fields: Record<string, string>; photo: { buf: Buffer; name: string } | null; tooLarge: boolean }> {
  const { fields, file, tooLarge } = await readFieldsAndFile(req, MAX_UPLOAD_BYTES);
  return { fields, photo: file, tooLarge };
}

export const emergencyStaffPages = staffPages((app, ctx) => {
  const servicesOf = (officeSlug: string) => (ctx.catalogue.office(officeSlug)?.services ?? []).map((s) => s.service).filter(isEmergencyService);

  app.get('/petugas/darurat', { config: { may: 'emergency.read' }, schema: { querystring: flashQuery } }, async (req, reply) => {
    const o = officerOf(req);
    const board = await showDispatchBoard(ctx, { ...o.actor, officeId: o.office.id });
    const mayAcknowledge = allowedIn(o).includes('emergency.dispatch');
    const members = mayAcknowledge && board.open.some((e) => e.acknowledgement.awaiting) ? await teamMembers(req) : [];
    return sendHtml(reply, boardPage(shellOf(req), board, { members, mayAcknowledge, ok: req.query.ok, error: req.query.error }));
  });

  const formPage = (req: FastifyRequest, values: Record<string, string>, problems: readonly Problem[] = []) => {
    const { office } = officerOf(req);
    const services = servicesOf(office.office.slug);
    const svc = services.find((s) => s.slug === values.service) ?? services[0]!;
    return staffReportPage(shellOf(req), { officeName: office.office.name, svc, services, action: withLang('/petugas/darurat/baru', req.lang) }, { values, problems });
  };
  app.get('/petugas/darurat/baru', { config: { may: 'emergency.report' } }, async (req, reply) => {
    if (!servicesOf(officerOf(req).office.office.slug).length) return sendHtml(reply, staffPage(shellOf(req), { title: '404', path: '/petugas/darurat/baru', body: noService(req.lang) }), 404);
    return sendHtml(reply, formPage(req, { _idem: newFormKey() }));
  });
  app.post('/petugas/darurat/baru', { config: { may: 'emergency.report' }, bodyLimit: BODY_LIMIT }, async (req, reply) => {
    const { office, actor } = officerOf(req);
    const f = formFields(req.body);
    const svc = servicesOf(office.office.slug).find((s) => s.slug === f.service);
    if (!svc) return sendHtml(reply, formPage(req, f, [{ field: 'service', code: 'not-an-emergency-service', message: 'Pilih layanan kedaruratan', messageEn: 'Choose an emergency service' }]), 422);
    const body = parseForm(reportBody, reportBodyOf(office.office, svc, f, true, nowOf(ctx)));
    const r = body.ok ? await reportEmergency(ctx, { ...body.value, idempotencyKey: f._idem }, actor) : body;
    if (!r.ok) return sendHtml(reply, formPage(req, { ...f, _idem: f._idem ?? newFormKey() }, r.error.problems), statusOf(r.error.kind));
    const href = withLang(`/petugas/darurat/${r.value.registrationNumber}`, req.lang);
    return sendHtml(reply, staffPage(shellOf(req), { title: r.value.registrationNumber, path: '/petugas/darurat/baru', body: receiptBody(req.lang, r.value, href) }), 201);
  });

  const rosterMembers = async (req: FastifyRequest) => {
    const { actor, office } = officerOf(req);
    return (await showDutyRoster(ctx, { ...actor, officeId: office.id })).members;
  };
  /** Who a head may order to a report: the rapid-response team and the social workers. */
  const teamMembers = async (req: FastifyRequest) => (await rosterMembers(req)).filter((m) => m.roles.includes('trc') || m.roles.includes('pekerja-sosial'));

  app.get('/petugas/darurat/piket', { config: { may: 'emergency.read' }, schema: { querystring: flashQuery } }, async (req, reply) => {
    const o = officerOf(req);
    const r = await showDutyRoster(ctx, { ...o.actor, officeId: o.office.id });
    return sendHtml(reply, rosterPage(shellOf(req), { ...r, mayEdit: allowedIn(o).includes('emergency.roster'), ok: req.query.ok, error: req.query.error }));
  });

  /** Back to a page after an action: with what was done, or why it was refused. */
  const back = (reply: FastifyReply, lang: Lang, path: string, r: Outcome<unknown>, done: string) => {
    const q = r.ok ? `ok=${encodeURIComponent(done)}` : `error=${encodeURIComponent(r.error.problems.map((p) => say(lang, p)).join(' '))}`;
    return reply.redirect(withLang(`${path}?${q}`, lang), 303);
  };
  const roster = { config: { may: 'emergency.roster' as const }, bodyLimit: BODY_LIMIT };
  app.post('/petugas/darurat/piket/shift', roster, async (req, reply) => {
    const { office, actor } = officerOf(req);
    const body = parseForm(shiftBody, shiftBodyOf(office.office.timezone, formFields(req.body)));
    return back(reply, req.lang, '/petugas/darurat/piket', body.ok ? await addDutyShift(ctx, actor, body.value) : body, req.lang === 'id' ? 'Piket ditambahkan' : 'Shift added');
  });
  app.post('/petugas/darurat/piket/anggota/:id', { ...roster, schema: { params: idParams } }, async (req, reply) => {
    const f = formFields(req.body);
    const body = parseForm(credentialsBody, { officialId: f.officialId || undefined, licence: f.licence || undefined, licenceValidUntil: f.licenceValidUntil || undefined });
    return back(reply, req.lang, '/petugas/darurat/piket', body.ok ? await recordMemberCredentials(ctx, officerOf(req).actor, req.params.id, body.value) : body, req.lang === 'id' ? 'Kredensial disimpan' : 'Credentials saved');
  });
  app.post('/petugas/darurat/piket/pengaturan', roster, async (req, reply) => {
    const body = parseForm(settingsBody, settingsBodyOf(formFields(req.body)));
    return back(reply, req.lang, '/petugas/darurat/piket', body.ok ? await setEmergencySettings(ctx, officerOf(req).actor, body.value) : body, req.lang === 'id' ? 'Ambang waktu disimpan' : 'Thresholds saved');
  });

  app.get('/petugas/darurat/:registrationNumber', { config: { may: 'emergency.read' }, schema: { params: numberParams, querystring: flashQuery } }, async (req, reply) => {
    const o = officerOf(req);
    const d = await showEmergencyReport(ctx, o.actor, req.params.registrationNumber);
    if (!d.ok) return sendHtml(reply, reportNotFoundPage(shellOf(req)), 404);
    const allowed = allowedIn(o);
    const mayAssign = allowed.includes('emergency.dispatch');
    const members = mayAssign ? await teamMembers(req) : [];
    return sendHtml(reply, reportDetailPage(shellOf(req), d.value, { members, mayAssign, mayRespond: allowed.includes('emergency.respond'), ok: req.query.ok, error: req.query.error, now: new Date().toISOString() }));
  });

  app.post('/petugas/darurat/:registrationNumber/tugaskan', { config: { may: 'emergency.dispatch' }, bodyLimit: BODY_LIMIT, schema: { params: numberParams } }, async (req, reply) => {
    const body = parseForm(assignBody, formFields(req.body));
    const r = body.ok ? await assignResponder(ctx, officerOf(req).actor, req.params.registrationNumber, body.value) : body;
    return back(reply, req.lang, `/petugas/darurat/${req.params.registrationNumber}`, r, req.lang === 'id' ? 'Petugas ditugaskan' : 'Member assigned');
  });

  // The escalated head's acknowledgement, from the board or the report page (back to where it was given).
  app.post('/petugas/darurat/:registrationNumber/terima', { config: { may: 'emergency.dispatch' }, bodyLimit: BODY_LIMIT, schema: { params: numberParams } }, async (req, reply) => {
    const f = formFields(req.body);
    const body = parseForm(acknowledgeBody, { note: f.note ?? '', order: f.member ? { member: f.member, task: f.task ?? '' } : undefined });
    const r = body.ok ? await acknowledgeEscalation(ctx, officerOf(req).actor, req.params.registrationNumber, body.value) : body;
    const done = r.ok ? L(req.lang, `Eskalasi ${r.value.registrationNumber} diterima${r.value.assigned ? `; ${r.value.assigned} ditugaskan` : ''}`, `Escalation ${r.value.registrationNumber} acknowledged${r.value.assigned ? `; ${r.value.assigned} assigned` : ''}`) : '';
    return back(reply, req.lang, f.back === 'board' ? '/petugas/darurat' : `/petugas/darurat/${req.params.registrationNumber}`, r, done);
  });

  app.post('/petugas/darurat/:registrationNumber/gabung', { config: { may: 'emergency.dispatch' }, bodyLimit: BODY_LIMIT, schema: { params: numberParams } }, async (req, reply) => {
    const body = parseForm(mergeBody, { into: formFields(req.body).into ?? '' });
    const r = body.ok ? await mergeReports(ctx, officerOf(req).actor, req.params.registrationNumber, body.value.into) : body;
    return back(reply, req.lang, `/petugas/darurat/${req.params.registrationNumber}`, r, req.lang === 'id' ? `Digabung ke ${body.ok ? body.value.into : ''}` : `Merged into ${body.ok ? body.value.into : ''}`);
  });

  // Multipart (an optional photo): the CSRF token is one of the fields, checked once they are read.
  app.post('/petugas/darurat/:registrationNumber/respon-awal', { config: { may: 'emergency.respond' }, schema: { params: numberParams } }, async (req, reply) => {
    const form = await readResponseForm(req);
    if (!csrfValid(req, form.fields._csrf)) return refuseCsrf(req, reply);
    const path = `/petugas/darurat/${req.params.registrationNumber}`;
    if (form.tooLarge) return back(reply, req.lang, path, fileTooLarge(), '');
    let photo: string | undefined;
    if (form.photo) {
      const stored = await storeUpload(ctx, form.photo.buf, form.photo.name, null);
      if (!stored.ok) return back(reply, req.lang, path, stored, '');
      photo = stored.value.id;
    }
    const body = parseForm(firstResponseBody, firstResponseBodyOf(form.fields, photo, nowOf(ctx)));
    const r = body.ok ? await recordFirstResponse(ctx, officerOf(req).actor, req.params.registrationNumber, body.value) : body;
    const done = r.ok ? (req.lang === 'id' ? `Respon awal tercatat: ${r.value.minutes} menit sejak laporan` : `First response recorded: ${r.value.minutes} minutes after the report`) : '';
    return back(reply, req.lang, path, r, done);
  });
});

const noService = (lang: Lang) => html`<h1>404</h1><p>${lang === 'id' ? 'Kantor ini tidak memiliki layanan kedaruratan ini dalam standar pelayanannya.' : 'This office has no such emergency service in its service standards.'}</p>`;

export const emergencyPublicPages = publicPages((app, ctx) => {
  app.get('/darurat', async (req, reply) => {
    const services = ctx.catalogue.list().flatMap((o) => o.services.filter((s) => isEmergencyService(s.service)).map((s) => ({ office: o.office.slug, officeName: o.office.name, slug: s.service.slug, title: s.service.title })));
    return sendHtml(reply, publicServicesPage(req.lang, services));
  });

  const params = z.object({ office: z.string().max(100), service: z.string().max(100) });
  const target = (req: FastifyRequest, p: z.infer<typeof params>) => {
    const found = ctx.catalogue.service(p.office, p.service);
    if (!found || !isEmergencyService(found.service.service)) return null;
    const path = `/darurat/${p.office}/${p.service}`;
    return { office: found.office.office, svc: found.service.service, t: { officeName: found.office.office.name, svc: found.service.service, action: withLang(path, req.lang), path } };
  };
  app.get('/darurat/:office/:service', { schema: { params } }, async (req, reply) => {
    const x = target(req, req.params);
    if (!x) return sendHtml(reply, page({ lang: req.lang, title: '404', path: '/darurat', body: noService(req.lang) }), 404);
    return sendHtml(reply, publicReportPage(req.lang, x.t, { values: { _idem: newFormKey() }, problems: [] }));
  });
  app.post('/darurat/:office/:service', { schema: { params }, bodyLimit: BODY_LIMIT, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (req, reply) => {
    const x = target(req, req.params);
    if (!x) return sendHtml(reply, page({ lang: req.lang, title: '404', path: '/darurat', body: noService(req.lang) }), 404);
    const f = formFields(req.body);
    const body = parseForm(reportBody, reportBodyOf(x.office, x.svc, f, false));
    const r = body.ok ? await reportEmergency(ctx, { ...body.value, idempotencyKey: f._idem }, PUBLIC_ACTOR) : body;
    if (!r.ok) return sendHtml(reply, publicReportPage(req.lang, x.t, { values: { ...f, _idem: f._idem ?? newFormKey() }, problems: r.error.problems }), statusOf(r.error.kind));
    return sendHtml(reply, page({ lang: req.lang, title: r.value.registrationNumber, path: '/darurat', body: receiptBody(req.lang, r.value) }), 201);
  });
});
