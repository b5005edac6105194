/** Public case pages: apply online, the receipt, tracking, resubmitting and withdrawing. */
import { z } from 'zod';
import { findTrackedCase } from '../../usecases/applications/find-tracked-case.js';
import { resubmitFile } from '../../usecases/applications/resubmit-file.js';
import { submitApplication } from '../../usecases/applications/submit-application.js';
import { trackCase } from '../../usecases/applications/track-case.js';
import { withdrawApplication } from '../../usecases/applications/withdraw-application.js';
import { PUBLIC_ACTOR } from '../../usecases/context.js';
import { applicantActionBody } from '../api/applications-schemas.js';
import { statusOf, sendHtml } from '../reply.js';
import { intakeFromForm, readIntakeForm } from './applications-forms.js';
import { applyPage, receiptPage, trackedNotFoundPage, trackFormPage, trackingPage } from './applications-public-views.js';
import { withLang } from './layout.js';
import { publicPages } from './plugin.js';

const serviceParams = z.object({ slug: z.string().max(100), service: z.string().max(100) });
const numberParams = z.object({ number: z.string().max(40) });

export const applicationsPublicPages = publicPages((app, ctx) => {
  app.get('/kantor/:slug/layanan/:service/ajukan', { schema: { params: serviceParams } }, async (req, reply) => {
    const found = ctx.catalogue.service(req.params.slug, req.params.service);
    if (!found) return reply.callNotFound();
    const o = found.office.office;
    return sendHtml(reply, applyPage(req.lang, { office: { slug: o.slug, name: o.name, regionName: o.region.name }, service: found.service.service, state: { values: {}, problems: [] } }));
  });

  app.post('/kantor/:slug/layanan/:service/ajukan', { schema: { params: serviceParams }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req, reply) => {
    const { slug, service } = req.params;
    const found = ctx.catalogue.service(slug, service);
    if (!found) return reply.callNotFound();
    const o = found.office.office;
    const form = await readIntakeForm(req, ctx);
    const intake = intakeFromForm(slug, service, form);
    const problems = [...form.problems, ...(intake.ok ? [] : intake.problems)];
    const r = problems.length || !intake.ok ? null : await submitApplication(ctx, { ...intake.value, channel: 'online', idempotencyKey: form.fields._idem || undefined }, PUBLIC_ACTOR);
    if (!r || !r.ok) {
      const state = { values: form.fields, problems: r && !r.ok ? r.error.problems : problems };
      return sendHtml(reply, applyPage(req.lang, { office: { slug: o.slug, name: o.name, regionName: o.region.name }, service: found.service.service, state }), r && !r.ok ? statusOf(r.error.kind) : 422);
    }
    return sendHtml(reply, receiptPage(req.lang, r.value));
  });

  app.get('/lacak', { schema: { querystring: z.object({ nomor: z.string().max(40).optional(), code: z.string().max(20).optional() }) } }, async (req, reply) => {
    const { nomor, code } = req.query;
    if (nomor && code) return reply.redirect(withLang(`/lacak/${encodeURIComponent(nomor.trim().toUpperCase())}?code=${encodeURIComponent(code.trim().toUpperCase())}`, req.lang), 303);
    return sendHtml(reply, trackFormPage(req.lang));
  });

  app.get(
    '/lacak/:number',
    { schema: { params: numberParams, querystring: z.object({ code: z.string().max(20).default('') }) }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const found = await findTrackedCase(ctx, req.params.number, req.query.code);
      if (!found) return sendHtml(reply, trackedNotFoundPage(req.lang), 404);
      return sendHtml(reply, trackingPage(req.lang, { ...(await trackCase(ctx, found)), code: req.query.code }));
    },
  );

  for (const [suffix, act] of [
    ['kirim-ulang', 'resubmit'],
    ['batal', 'withdraw'],
  ] as const)
    app.post(`/lacak/:number/${suffix}`, { schema: { params: numberParams, body: applicantActionBody }, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (req, reply) => {
      const { number } = req.params;
      const found = await findTrackedCase(ctx, number, req.body.code);
      if (!found) return sendHtml(reply, trackedNotFoundPage(req.lang), 404);
      const actor = req.officer?.actor ?? { ...PUBLIC_ACTOR, name: 'Pemohon' };
      if (act === 'resubmit') await resubmitFile(ctx, found, actor, req.body.note);
      else await withdrawApplication(ctx, found, actor, req.body.reason);
      return reply.redirect(withLang(`/lacak/${number}?code=${encodeURIComponent(req.body.code)}`, req.lang), 303);
    });
});
