/**
 * The public complaint pages: an office's complaint form and its published summaries, and
 * tracking by receipt number and code (reading the answer, adding information, saying whether the
 * answer resolved it). Forms are parsed by the JSON API's schemas; the use cases decide. The
 * tracking code never travels in a URL: it is POSTed and remembered in the tracking view cookie
 * (track-cookie.ts); old `?code=` links work once and redirect to the code-free URL.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
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
import { rememberedCode, rememberTracking } from '../track-cookie.js';
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
    // The receipt shows the code (to be written down); its "track" link is code-free and this browser remembers the code.
    await rememberTracking(ctx, req, reply, 'complaint', r.value.receiptNumber, r.value.trackingCode);
    return sendHtml(reply, complaintReceiptPage(req.lang, office, r.value), 201);
  });

  app.get('/kantor/:slug/pengaduan/publik', { schema: { params: slugParams } }, async (req, reply) => {
    const office = catalogue.office(req.params.slug);
    if (!office) return reply.callNotFound();
    return sendHtml(reply, publishedSummariesPage(req.lang, office, await listPublishedSummaries(ctx, office, 100)));
  });

  app.get('/pengaduan', { schema: { querystring: z.object({ nomor: z.string().max(40).optional(), code: z.string().max(20).optional() }) } }, async (req, reply) => {
    const { nomor, code } = req.query;
    if (!nomor || !code) return sendHtml(reply, trackFormPage(req.lang));
    // The old GET form: honoured once, remembered, and redirected to the code-free page.
    return trackAndRedirect(req, reply, { receipt: nomor, code });
  });

  app.post('/pengaduan', { schema: { body: z.object({ nomor: z.string().max(40).default(''), code: z.string().max(20).default('') }) }, config: { rateLimit: TRACK_RATE } }, async (req, reply) =>
    trackAndRedirect(req, reply, { receipt: req.body.nomor, code: req.body.code }),
  );

  /** Checks a number and code, remembers them in this browser, and sends it to the complaint's code-free page. */
  const trackAndRedirect = async (req: FastifyRequest, reply: FastifyReply, key: TrackingKey) => {
    const receipt = key.receipt.trim().toUpperCase();
    const s = await showTrackedComplaint(ctx, { receipt, code: key.code });
    if (!s.ok) return sendHtml(reply, trackedNotFoundPage(req.lang), 404);
    await rememberTracking(ctx, req, reply, 'complaint', receipt, key.code);
    return reply.redirect(withLang(`/pengaduan/${encodeURIComponent(receipt)}`, req.lang), 303);
  };

  app.get(
    '/pengaduan/:receipt',
    {
      schema: { params: receiptParams, querystring: z.object({ code: z.string().max(20).optional(), ok: z.enum(['info', 'fb']).optional().catch(undefined) }) },
      config: { rateLimit: TRACK_RATE },
    },
    async (req, reply) => {
      const { code: legacy, ok } = req.query;
      if (legacy !== undefined) return trackAndRedirect(req, reply, { receipt: req.params.receipt, code: legacy });
      const code = await rememberedCode(ctx, req, 'complaint', req.params.receipt);
      const s = code ? await showTrackedComplaint(ctx, { receipt: req.params.receipt, code }) : null;
      // Nothing remembered (another browser, or after TRACK_VIEW_MINUTES): ask for the code again.
      if (!s || !s.ok) return sendHtml(reply, trackFormPage(req.lang, { number: req.params.receipt }));
      return sendHtml(reply, trackedComplaintPage(req.lang, s.value, { code: code.toUpperCase(), done: ok && DONE[ok](req.lang) }));
    },
  );

  /** After the complainant's action: back to the complaint with a message, or the complaint again with what was refused. */
  const afterAction = async (req: FastifyRequest, reply: FastifyReply, lang: Lang, key: TrackingKey, kind: keyof typeof DONE, r: Outcome<unknown>) => {
    const code = key.code.toUpperCase();
    if (r.ok) {
      await rememberTracking(ctx, req, reply, 'complaint', key.receipt, code);
      return reply.redirect(withLang(`/pengaduan/${encodeURIComponent(key.receipt.trim().toUpperCase())}?ok=${kind}`, lang), 303);
    }
    const s = r.error.kind === 'not-found' ? r : await showTrackedComplaint(ctx, key);
    if (!s.ok) return sendHtml(reply, trackedNotFoundPage(lang), 404);
    return sendHtml(reply, trackedComplaintPage(lang, s.value, { code, problems: r.error.problems }), statusOf(r.error.kind));
  };

  const trackOptions = { schema: { params: receiptParams }, bodyLimit: BODY_LIMIT, config: { rateLimit: COMPLAINT_RATE } };

  app.post('/pengaduan/:receipt/informasi', trackOptions, async (req, reply) => {
    const body = parseForm(informationBody, informationBodyOf(formFields(req.body)));
    const key = { receipt: req.params.receipt, code: body.ok ? body.value.code : '' };
    return afterAction(req, reply, req.lang, key, 'info', body.ok ? await addComplaintInformation(ctx, key, body.value.text) : body);
  });

  app.post('/pengaduan/:receipt/tanggapan', trackOptions, async (req, reply) => {
    const body = parseForm(feedbackBody, feedbackBodyOf(formFields(req.body)));
    const key = { receipt: req.params.receipt, code: body.ok ? body.value.code : '' };
    return afterAction(req, reply, req.lang, key, 'fb', body.ok ? await giveComplaintFeedback(ctx, key, body.value) : body);
  });
});
