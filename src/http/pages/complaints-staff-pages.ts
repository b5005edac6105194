/**
 * The staff complaint pages under /petugas/pengaduan: the office's list, recording a complaint
 * from another channel, one complaint and its actions (move, answer, close, refer, merge, note,
 * publish a summary). Forms are parsed by the JSON API's schemas; every action redirects back.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { COMPLAINT_SLA_STATES, COMPLAINT_STATUSES } from '../../domain/complaints/index.js';
import type { Outcome, Problem } from '../../domain/errors.js';
import { readsOfRecord } from '../../usecases/audit/record-reads.js';
import { addComplaintNote } from '../../usecases/complaints/add-complaint-note.js';
import { fileComplaint } from '../../usecases/complaints/file-complaint.js';
import { listComplaintNotifications } from '../../usecases/complaints/list-complaint-notifications.js';
import { listComplaints } from '../../usecases/complaints/list-complaints.js';
import { complaintSetup } from '../../usecases/complaints/office-complaints.js';
import { publishComplaintSummary } from '../../usecases/complaints/publish-complaint-summary.js';
import { showComplaint } from '../../usecases/complaints/show-complaint.js';
import { transitionComplaint } from '../../usecases/complaints/transition-complaint.js';
import { BODY_LIMIT, fileComplaintBody, noteBody, summaryBody, transitionBody } from '../api/complaints-schemas.js';
import { idParams } from '../api/schemas.js';
import { officerOf } from '../auth.js';
import type { Lang } from '../i18n.js';
import { formFields, parseForm, sendHtml, statusOf } from '../reply.js';
import { say } from './components.js';
import { complaintBodyOf, newFormKey, noteBodyOf, summaryBodyOf, transitionBodyOf } from './complaints-forms.js';
import { complaintDetailPage, complaintListPage, complaintNotFoundPage, complaintRecordedPage, recordComplaintPage } from './complaints-staff-views.js';
import { withLang } from './layout.js';
import { shellOf, staffPages } from './plugin.js';

// A filter the page does not know is ignored, as a link typed by hand should not end in an error page.
const listFilter = z.object({ status: z.enum(COMPLAINT_STATUSES).optional().catch(undefined), sla: z.enum(COMPLAINT_SLA_STATES).optional().catch(undefined) });

export const complaintsStaffPages = staffPages((app, ctx) => {
  app.get('/petugas/pengaduan', { config: { may: 'complaints.read' }, schema: { querystring: listFilter } }, async (req, reply) => {
    const { actor } = officerOf(req);
    const { status, sla } = req.query;
    const list = await listComplaints(ctx, actor, { status, slaState: sla, limit: 200 });
    const notifications = await listComplaintNotifications(ctx, actor);
    return sendHtml(reply, complaintListPage(shellOf(req), { list, notifications, filter: { status, sla } }));
  });

  const recordPage = (req: FastifyRequest, values: Record<string, string>, problems: readonly Problem[] = []) => {
    const { office } = officerOf(req);
    return recordComplaintPage(shellOf(req), { office, channels: complaintSetup(office).channels, state: { values, problems } });
  };

  app.get('/petugas/pengaduan/baru', { config: { may: 'complaints.record' } }, async (req, reply) => sendHtml(reply, recordPage(req, { _idem: newFormKey() })));

  app.post('/petugas/pengaduan/baru', { config: { may: 'complaints.record' }, bodyLimit: BODY_LIMIT }, async (req, reply) => {
    const { office, actor } = officerOf(req);
    const f = formFields(req.body);
    const shaped = complaintBodyOf(office.office, f, true);
    const body = parseForm(fileComplaintBody, shaped.body);
    const r = body.ok ? await fileComplaint(ctx, { ...body.value, idempotencyKey: shaped.idempotencyKey }, actor) : body;
    if (!r.ok) return sendHtml(reply, recordPage(req, { ...f, _idem: f._idem ?? newFormKey() }, r.error.problems), statusOf(r.error.kind));
    return sendHtml(reply, complaintRecordedPage(shellOf(req), r.value), 201);
  });

  app.get('/petugas/pengaduan/:id', { config: { may: 'complaints.read' }, schema: { params: idParams, querystring: z.object({ error: z.string().max(2000).optional() }) } }, async (req, reply) => {
    const { user, actor } = officerOf(req);
    const d = await showComplaint(ctx, actor, req.params.id);
    if (!d.ok) return sendHtml(reply, complaintNotFoundPage(shellOf(req)), 404);
    const reads = await readsOfRecord(ctx, user, 'complaint', d.value.id);
    return sendHtml(reply, complaintDetailPage(shellOf(req), d.value, req.query.error, reads));
  });

  /** Back to the complaint; with why the action was refused, or to the list when the complaint cannot be seen. */
  const afterAction = (reply: FastifyReply, lang: Lang, id: string, r: Outcome<unknown>) => {
    if (r.ok) return reply.redirect(withLang(`/petugas/pengaduan/${id}`, lang), 303);
    if (r.error.kind === 'not-found') return reply.redirect(withLang('/petugas/pengaduan', lang), 303);
    const msg = r.error.problems.map((p) => say(lang, p)).join(' ');
    return reply.redirect(withLang(`/petugas/pengaduan/${id}?error=${encodeURIComponent(msg)}`, lang), 303);
  };
  const action = { schema: { params: idParams }, bodyLimit: BODY_LIMIT, config: { may: 'complaints.handle' as const } };

  app.post('/petugas/pengaduan/:id/tahap', action, async (req, reply) => {
    const body = parseForm(transitionBody, transitionBodyOf(formFields(req.body)));
    return afterAction(reply, req.lang, req.params.id, body.ok ? await transitionComplaint(ctx, officerOf(req).actor, req.params.id, body.value) : body);
  });

  app.post('/petugas/pengaduan/:id/catatan', action, async (req, reply) => {
    const body = parseForm(noteBody, noteBodyOf(formFields(req.body)));
    return afterAction(reply, req.lang, req.params.id, body.ok ? await addComplaintNote(ctx, officerOf(req).actor, req.params.id, body.value.note) : body);
  });

  app.post('/petugas/pengaduan/:id/ringkasan', action, async (req, reply) => {
    const body = parseForm(summaryBody, summaryBodyOf(formFields(req.body)));
    return afterAction(reply, req.lang, req.params.id, body.ok ? await publishComplaintSummary(ctx, officerOf(req).actor, req.params.id, body.value) : body);
  });
});
