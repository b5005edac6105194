/**
 * The public complaint pages: an office's complaint form and its published summaries, and
 * tracking by receipt number and code (reading the answer, adding information, saying whether the
 * answer resolved it). Forms are parsed by the JSON API's schemas; the use cases decide.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { PUBLIC_ACTOR } from '../../usecases/context.js';
import { addComplaintInformation } from '../../usecases/complaints/add-complaint-information.js';
import { fileComplaint } from '../../usecases/complaints/file-complaint.js';
import { giveComplaintFeedback } from '../../usecases/complaints/give-complaint-feedback.js';
import { listPublishedSummaries } from '../../usecases/complaints/list-published-summaries.js';
import { complaintSetup } from '../../usecases/complaints/office-complaints.js';
import type { TrackingKey } from '../../usecases/complaints/find-tracked-complaint.js';
import { showTrackedComplaint } from '../../usecases/complaints/show-tracked-complaint.js';
import type { Outcome, Problem } from '../../domain/errors.js';
import type { StoredOffice } from '../../db/standards-repo.js';
import { BODY_LIMIT, COMPLAINT_RATE, TRACK_RATE, feedbackBody, fileComplaintBody, informationBody } from '../api/complaints-schemas.js';
import { slugParams } from '../api/schemas.js';
import { L, type Lang } from '../i18n.js';
import { formFields, parseForm, sendHtml, statusOf } from '../reply.js';
import { complaintBodyOf, feedbackBodyOf, informationBodyOf, newFormKey } from './complaints-forms.js';
import { complaintFormPage, complaintReceiptPage, publishedSummariesPage, trackFormPage, trackedComplaintPage, trackedNotFoundPage, type ComplaintFormState } from './complaints-views.js';
import { withLang } from './layout.js';
import { publicPages } from './plugin.js';

const receiptParams = z.object({ receipt: z.string() });
/** The message after an action of the complainant (`ok=` after the redirect). */
const DONE = {
  info: (lang: Lang) => L(lang, 'Informasi tambahan terkirim.', 'Information sent.'),
  fb: (lang: Lang) => L(lang, 'Tanggapan Anda tercatat.', 'Your response was recorded.'),
};

/** A honeypot field people never see; automated form fillers fill it in. */
const rejected: Problem = { field: 'form', code: 'rejected', message: 'Laporan tidak dapat diterima; coba lagi', messageEn: 'The report could not be accepted; try again' };

export const complaintsPages = publicPages((app, ctx) => {
  const { catalogue } = ctx;
  const formPage = (lang: Lang, office: StoredOffice, state: ComplaintFormState) => complaintFormPage(lang, office, complaintSetup(office).promise, state);

  app.get('/kantor/:slug/pengaduan', { schema: { params: slugParams } }, async (req, reply) => {
    const office = catalogue.office(req.params.slug);
    if (!office) return reply.callNotFound();
    return sendHtml(reply, formPage(req.lang, office, { values: { _idem: newFormKey() }, problems: [] }));
  });

  app.post('/kantor/:slug/pengaduan', { schema: { params: slugParams }, bodyLimit: BODY_LIMIT, config: { rateLimit: COMPLAINT_RATE } }, async (req, reply) => {
    const office = catalogue.office(req.params.slug);
    if (!office) return reply.callNotFound();
    const f = formFields(req.body);
    const values = { ...f, _idem: f._idem ?? newFormKey() };
    if (f.website_url) return sendHtml(reply, formPage(req.lang, office, { values, problems: [rejected] }), 422);
    const shaped = complaintBodyOf(office.office, f, false);
    const body = parseForm(fileComplaintBody, shaped.body);
    const r = body.ok ? await fileComplaint(ctx, { ...body.value, idempotencyKey: shaped.idempotencyKey }, PUBLIC_ACTOR) : body;
    if (!r.ok) return sendHtml(reply, formPage(req.lang, office, { values, problems: r.error.problems }), statusOf(r.error.kind));
    return sendHtml(reply, complaintReceiptPage(req.lang, office, r.value), 201);
  });

  app.get('/kantor/:slug/pengaduan/publik', { schema: { params: slugParams } }, async (req, reply) => {
    const office = catalogue.office(req.params.slug);
    if (!office) return reply.callNotFound();
    return sendHtml(reply, publishedSummariesPage(req.lang, office, await listPublishedSummaries(ctx, office, 100)));
  });

  app.get('/pengaduan', { schema: { querystring: z.object({ nomor: z.string().optional(), code: z.string().optional() }) } }, async (req, reply) => {
    const { nomor, code } = req.query;
    if (nomor && code) return reply.redirect(withLang(`/pengaduan/${encodeURIComponent(nomor.trim().toUpperCase())}?code=${encodeURIComponent(code.trim().toUpperCase())}`, req.lang), 303);
    return sendHtml(reply, trackFormPage(req.lang));
  });

  app.get(
    '/pengaduan/:receipt',
    {
      schema: { params: receiptParams, querystring: z.object({ code: z.string().default(''), ok: z.enum(['info', 'fb']).optional().catch(undefined) }) },
      config: { rateLimit: TRACK_RATE },
    },
    async (req, reply) => {
      const { code, ok } = req.query;
      const s = await showTrackedComplaint(ctx, { receipt: req.params.receipt, code });
      if (!s.ok) return sendHtml(reply, trackedNotFoundPage(req.lang), 404);
      return sendHtml(reply, trackedComplaintPage(req.lang, s.value, { code: code.toUpperCase(), done: ok && DONE[ok](req.lang) }));
    },
  );

  /** After the complainant's action: back to the complaint with a message, or the complaint again with what was refused. */
  const afterAction = async (reply: FastifyReply, lang: Lang, key: TrackingKey, kind: keyof typeof DONE, r: Outcome<unknown>) => {
    const code = key.code.toUpperCase();
    if (r.ok) return reply.redirect(withLang(`/pengaduan/${key.receipt.trim().toUpperCase()}?code=${encodeURIComponent(code)}&ok=${kind}`, lang), 303);
    const s = r.error.kind === 'not-found' ? r : await showTrackedComplaint(ctx, key);
    if (!s.ok) return sendHtml(reply, trackedNotFoundPage(lang), 404);
    return sendHtml(reply, trackedComplaintPage(lang, s.value, { code, problems: r.error.problems }), statusOf(r.error.kind));
  };

  const trackOptions = { schema: { params: receiptParams }, bodyLimit: BODY_LIMIT, config: { rateLimit: COMPLAINT_RATE } };

  app.post('/pengaduan/:receipt/informasi', trackOptions, async (req, reply) => {
    const body = parseForm(informationBody, informationBodyOf(formFields(req.body)));
    const key = { receipt: req.params.receipt, code: body.ok ? body.value.code : '' };
    return afterAction(reply, req.lang, key, 'info', body.ok ? await addComplaintInformation(ctx, key, body.value.text) : body);
  });

  app.post('/pengaduan/:receipt/tanggapan', trackOptions, async (req, reply) => {
    const body = parseForm(feedbackBody, feedbackBodyOf(formFields(req.body)));
    const key = { receipt: req.params.receipt, code: body.ok ? body.value.code : '' };
    return afterAction(reply, req.lang, key, 'fb', body.ok ? await giveComplaintFeedback(ctx, key, body.value) : body);
  });
});
