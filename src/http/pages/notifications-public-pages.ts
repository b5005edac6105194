/**
 * The citizen's pages about news of their case: changing the channels on the tracking page (the
 * tracking code authorises it, POSTed like the page's other forms), and a message's stop link
 * (`/kabar/berhenti?t=…`: a GET only shows a button, so a link preview or a mail scanner stops nothing).
 */
import { z } from 'zod';
import { NOTIFY_CHANNELS } from '../../domain/notifications/consent.js';
import { findTrackedCase } from '../../usecases/applications/find-tracked-case.js';
import { trackCase } from '../../usecases/applications/track-case.js';
import { PUBLIC_ACTOR } from '../../usecases/context.js';
import { chooseChannels } from '../../usecases/notifications/choose-channels.js';
import { stopByLink, stopTarget } from '../../usecases/notifications/stop-by-link.js';
import { sendHtml, statusOf } from '../reply.js';
import { rememberTracking } from '../track-cookie.js';
import { trackedNotFoundPage, trackingPage } from './applications-public-views.js';
import { withLang } from './layout.js';
import { stopConfirmPage, stoppedPage, stopInvalidPage } from './notifications-public-views.js';
import { publicPages } from './plugin.js';

const numberParams = z.object({ number: z.string().max(40) });
const box = z.literal('true').optional();
const changeBody = z.object({
  code: z.string().max(20).default(''),
  'notify.whatsapp': box,
  'notify.sms': box,
  'notify.email': box,
  action: z.enum(['save', 'stop']).default('save'),
  _csrf: z.string().max(200).optional(),
});
const tokenQuery = z.object({ t: z.string().max(200).default('') });
const tokenBody = z.object({ t: z.string().max(200).default(''), _csrf: z.string().max(200).optional() });

export const notificationsPublicPages = publicPages((app, ctx) => {
  app.post('/lacak/:number/kabar', { schema: { params: numberParams, body: changeBody }, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (req, reply) => {
    const { number } = req.params;
    const found = await findTrackedCase(ctx, number, req.body.code);
    if (!found) return sendHtml(reply, trackedNotFoundPage(req.lang), 404);
    const channels = NOTIFY_CHANNELS.filter((c) => req.body[`notify.${c}`] === 'true');
    const change = req.body.action === 'stop' ? { stop: 'all' as const } : { channels };
    const r = await chooseChannels(ctx, found, { ...PUBLIC_ACTOR, name: 'Pemohon (halaman lacak)' }, change, 'tracking-page');
    if (!r.ok) return sendHtml(reply, trackingPage(req.lang, { ...(await trackCase(ctx, found)), code: req.body.code, newsProblems: r.error.problems }), statusOf(r.error.kind));
    await rememberTracking(ctx, req, reply, 'application', number, req.body.code);
    return reply.redirect(withLang(`/lacak/${encodeURIComponent(number)}?kabar=1`, req.lang), 303);
  });

  app.get('/kabar/berhenti', { schema: { querystring: tokenQuery }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req, reply) => {
    const t = await stopTarget(ctx, req.query.t);
    if (!t.ok) return sendHtml(reply, stopInvalidPage(req.lang), 404);
    // The token is in this page's URL by necessity (it came in a message); it goes nowhere else.
    reply.header('referrer-policy', 'no-referrer');
    return sendHtml(reply, stopConfirmPage(req.lang, { token: req.query.t, channel: t.value.channel, number: t.value.registrationNumber, csrf: req.csrfToken ?? undefined }));
  });

  app.post('/kabar/berhenti', { schema: { body: tokenBody }, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (req, reply) => {
    const r = await stopByLink(ctx, req.body.t);
    if (!r.ok) return sendHtml(reply, stopInvalidPage(req.lang), 404);
    return sendHtml(reply, stoppedPage(req.lang, { channel: r.value.channel, number: r.value.registrationNumber }));
  });
});
