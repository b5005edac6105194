/**
 * Public case pages: apply online, the receipt, tracking, resubmitting and withdrawing. The tracking
 * code never travels in a URL: it is POSTed once and remembered in the tracking view cookie
 * (track-cookie.ts); old `?code=` links work once and redirect to the code-free URL.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Case } from '../../db/applications-repo.js';
import type { Problem } from '../../domain/errors.js';
import type { Lang } from '../i18n.js';
import type { Office } from '../../domain/standards/schema.js';
import { showReceipt } from '../../usecases/applications/show-receipt.js';
import { findTrackedCase } from '../../usecases/applications/find-tracked-case.js';
import { resubmitFile } from '../../usecases/applications/resubmit-file.js';
import { checkIntakeForm } from '../../usecases/applications/check-intake-form.js';
import { submitApplication } from '../../usecases/applications/submit-application.js';
import { trackCase } from '../../usecases/applications/track-case.js';
import { withdrawApplication } from '../../usecases/applications/withdraw-application.js';
import { PUBLIC_ACTOR } from '../../usecases/context.js';
import { applicantActionBody } from '../api/applications-schemas.js';
import { statusOf, sendHtml } from '../reply.js';
import { intakeFromForm, readIntakeForm } from './applications-forms.js';
import { applyPage, receiptPage, trackedNotFoundPage, trackFormPage, trackingPage } from './applications-public-views.js';
import { dataContactOf } from './components.js';
import { withLang } from './layout.js';
import { rememberedCode, rememberTracking } from '../track-cookie.js';
import { publicPages } from './plugin.js';

const officeOf = (o: Office) => ({ slug: o.slug, name: o.name, regionName: o.region.name, privacy: dataContactOf(o) });

const serviceParams = z.object({ slug: z.string().max(100), service: z.string().max(100) });
const numberParams = z.object({ number: z.string().max(40) });
/** An old link's code (`?code=`, from receipts and messages made before codes left URLs): honoured once, then redirected away. */
const legacyCode = z.object({ code: z.string().max(20).optional() });
const trackForm = z.object({ nomor: z.string().max(40).default(''), code: z.string().max(20).default(''), _csrf: z.string().max(200).optional() });

export const applicationsPublicPages = publicPages((app, ctx) => {
  app.get('/kantor/:slug/layanan/:service/ajukan', { schema: { params: serviceParams } }, async (req, reply) => {
    const found = ctx.catalogue.service(req.params.slug, req.params.service);
    if (!found) return reply.callNotFound();
    // A fresh key per rendered form: sending it twice (a double tap, back and send again) files one case.
    return sendHtml(reply, applyPage(req.lang, { office: officeOf(found.office.office), service: found.service.service, state: { values: { _idem: randomUUID() }, problems: [] } }));
  });

  app.post('/kantor/:slug/layanan/:service/ajukan', { schema: { params: serviceParams }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req, reply) => {
    const { slug, service } = req.params;
    const found = ctx.catalogue.service(slug, service);
    if (!found) return reply.callNotFound();
    const form = await readIntakeForm(req, ctx);
    const intake = intakeFromForm(slug, service, form);
    // A refused upload stops the filing, but the rest of the form is checked in the same round.
    const problems = [...form.problems, ...(intake.ok ? (form.problems.length ? checkIntakeForm(ctx, intake.value, PUBLIC_ACTOR, form.problems) : []) : intake.problems)];
    const r = problems.length || !intake.ok ? null : await submitApplication(ctx, { ...intake.value, channel: 'online', idempotencyKey: form.fields._idem || undefined }, PUBLIC_ACTOR);
    if (!r || !r.ok) {
      const state = { values: form.fields, problems: r && !r.ok ? r.error.problems : problems };
      return sendHtml(reply, applyPage(req.lang, { office: officeOf(found.office.office), service: found.service.service, state }), r && !r.ok ? statusOf(r.error.kind) : 422);
    }
    // Post/redirect/get: reloading the receipt shows it again and files nothing; the code goes in the cookie, not the URL.
    await rememberTracking(ctx, req, reply, 'application', r.value.registrationNumber, r.value.trackingCode);
    return reply.redirect(withLang(`/lacak/${r.value.registrationNumber}/tanda-terima`, req.lang), 303);
  });

  /**
   * The case a code-free page may show: this browser's remembered code, or an old link's `?code=`
   * (then `redirect` answers: the code is remembered and the browser sent to the URL without it).
   */
  const trackedOrRedirect = async (req: FastifyRequest, reply: FastifyReply, number: string, legacy: string | undefined, path: string) => {
    if (legacy !== undefined) {
      const found = await findTrackedCase(ctx, number, legacy.trim().toUpperCase());
      if (!found) return { reply: sendHtml(reply, trackedNotFoundPage(req.lang), 404) };
      await rememberTracking(ctx, req, reply, 'application', number, legacy);
      return { reply: reply.redirect(withLang(path, req.lang), 303) };
    }
    const code = await rememberedCode(ctx, req, 'application', number);
    const found = code ? await findTrackedCase(ctx, number, code) : null;
    // Nothing remembered (another browser, or after TRACK_VIEW_MINUTES): ask for the code again.
    if (!found) return { reply: sendHtml(reply, trackFormPage(req.lang, { number }), 200) };
    return { found, code };
  };

  app.get('/lacak/:number/tanda-terima', { schema: { params: numberParams, querystring: legacyCode }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req, reply) => {
    const t = await trackedOrRedirect(req, reply, req.params.number, req.query.code, `/lacak/${encodeURIComponent(req.params.number)}/tanda-terima`);
    if ('reply' in t) return t.reply;
    return sendHtml(reply, receiptPage(req.lang, await showReceipt(ctx, t.found, t.code)));
  });

  app.get('/lacak', { schema: { querystring: z.object({ nomor: z.string().max(40).optional(), code: z.string().max(20).optional() }) } }, async (req, reply) => {
    const { nomor, code } = req.query;
    // The old GET form: honoured once, remembered, and redirected to the code-free page.
    if (!nomor || !code) return sendHtml(reply, trackFormPage(req.lang));
    const number = nomor.trim().toUpperCase();
    // Always away from the URL with the code; a code that does not match is simply not remembered (the page asks for it).
    if (await findTrackedCase(ctx, number, code.trim().toUpperCase())) await rememberTracking(ctx, req, reply, 'application', number, code);
    return reply.redirect(withLang(`/lacak/${encodeURIComponent(number)}`, req.lang), 303);
  });

  app.post('/lacak', { schema: { body: trackForm }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req, reply) => {
    const number = req.body.nomor.trim().toUpperCase();
    const code = req.body.code.trim().toUpperCase();
    const found = await findTrackedCase(ctx, number, code);
    if (!found) return sendHtml(reply, trackedNotFoundPage(req.lang), 404);
    await rememberTracking(ctx, req, reply, 'application', number, code);
    return reply.redirect(withLang(`/lacak/${encodeURIComponent(number)}`, req.lang), 303);
  });

  app.get(
    '/lacak/:number',
    { schema: { params: numberParams, querystring: legacyCode.extend({ sent: z.string().max(1).optional(), kabar: z.string().max(1).optional() }) }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const t = await trackedOrRedirect(req, reply, req.params.number, req.query.code, `/lacak/${encodeURIComponent(req.params.number)}`);
      if ('reply' in t) return t.reply;
      return sendHtml(reply, trackingPage(req.lang, { ...(await trackCase(ctx, t.found)), code: t.code, sent: req.query.sent === '1', newsSaved: req.query.kabar === '1' }));
    },
  );

  const trackedAgain = async (req: { lang: Lang }, reply: FastifyReply, found: Case, code: string, problems: Problem[]) =>
    sendHtml(reply, trackingPage(req.lang, { ...(await trackCase(ctx, found)), code, problems }), 422);

  // Multipart: the applicant sends the documents the officer asked for with the resubmission.
  app.post('/lacak/:number/kirim-ulang', { schema: { params: numberParams }, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (req, reply) => {
    const form = await readIntakeForm(req, ctx);
    const code = form.fields.code ?? '';
    const found = await findTrackedCase(ctx, req.params.number, code);
    if (!found) return sendHtml(reply, trackedNotFoundPage(req.lang), 404);
    if (form.problems.length) return trackedAgain(req, reply, found, code, form.problems);
    const actor = req.officer?.actor ?? { ...PUBLIC_ACTOR, name: 'Pemohon' };
    const documents = Object.entries(form.uploads).map(([requirement, upload]) => ({ requirement, upload }));
    const r = await resubmitFile(ctx, found, actor, form.fields.note?.slice(0, 2000), documents);
    if (!r.ok) return trackedAgain(req, reply, found, code, r.error.problems);
    await rememberTracking(ctx, req, reply, 'application', req.params.number, code);
    return reply.redirect(withLang(`/lacak/${encodeURIComponent(req.params.number)}?sent=1`, req.lang), 303);
  });

  app.post('/lacak/:number/batal', { schema: { params: numberParams, body: applicantActionBody }, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (req, reply) => {
    const { number } = req.params;
    const found = await findTrackedCase(ctx, number, req.body.code);
    if (!found) return sendHtml(reply, trackedNotFoundPage(req.lang), 404);
    // One tap must not cancel a case: the form asks to tick "yes, cancel" first.
    if (req.body.confirm !== 'true')
      return trackedAgain(req, reply, found, req.body.code, [
        { field: 'confirm', code: 'confirm-required', message: 'Centang "Ya, saya ingin membatalkan" untuk membatalkan permohonan', messageEn: 'Tick "Yes, I want to withdraw" to withdraw the application' },
      ]);
    const actor = req.officer?.actor ?? { ...PUBLIC_ACTOR, name: 'Pemohon' };
    const r = await withdrawApplication(ctx, found, actor, req.body.reason);
    if (!r.ok) return trackedAgain(req, reply, found, req.body.code, r.error.problems);
    await rememberTracking(ctx, req, reply, 'application', number, req.body.code);
    return reply.redirect(withLang(`/lacak/${encodeURIComponent(number)}`, req.lang), 303);
  });
});
