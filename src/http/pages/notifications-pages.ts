/**
 * The office admin's notification settings page (/petugas/notifikasi): channel state and what waits,
 * fallback order, quiet hours, WhatsApp and SMS providers. A refused form comes back with each
 * problem beside its field (422); who may do this is decided in the use case.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Failure } from '../../domain/errors.js';
import { readNotifyOverview } from '../../usecases/notifications/read-notify-settings.js';
import { saveOfficeNotify } from '../../usecases/notifications/save-notify-settings.js';
import { officerOf } from '../auth.js';
import { anyObject } from '../api/schemas.js';
import { L } from '../i18n.js';
import { formFields, sendHtml, statusOf } from '../reply.js';
import { say } from './components.js';
import { withLang } from './layout.js';
import { notifyFromForm } from './notifications-forms.js';
import { NOTIFY_PATH, notifyRefusedPage, notifySettingsPage, type NotifyNotes } from './notifications-views.js';
import { shellOf, staffPages } from './plugin.js';

const okQuery = z.object({ ok: z.literal('1').optional().catch(undefined) });

export const notificationsPages = staffPages((app, ctx) => {
  const refused = (req: FastifyRequest, reply: FastifyReply, f: Failure) => sendHtml(reply, notifyRefusedPage(shellOf(req), f.problems.map((p) => say(req.lang, p)).join(' ')), statusOf(f.kind));
  const show = async (req: FastifyRequest, reply: FastifyReply, notes: NotifyNotes, status = 200) => {
    const v = await readNotifyOverview(ctx, officerOf(req).actor);
    if (!v.ok) return refused(req, reply, v.error);
    return sendHtml(reply, notifySettingsPage(shellOf(req), v.value, notes), status);
  };

  app.get(NOTIFY_PATH, { config: { may: 'notifications.configure' }, schema: { querystring: okQuery } }, async (req, reply) =>
    show(req, reply, { ok: req.query.ok ? L(req.lang, 'Pengaturan notifikasi disimpan.', 'Notification settings saved.') : undefined }),
  );

  app.post(NOTIFY_PATH, { config: { may: 'notifications.configure' }, bodyLimit: 32 * 1024, schema: { body: anyObject.optional() } }, async (req, reply) => {
    const f = formFields(req.body);
    const r = await saveOfficeNotify(ctx, officerOf(req).actor, notifyFromForm(f));
    if (!r.ok) {
      if (r.error.kind !== 'invalid') return refused(req, reply, r.error);
      // Typed secrets are not echoed back into the page.
      const values = Object.fromEntries(Object.entries(f).filter(([k]) => !k.startsWith('secrets.')));
      return show(req, reply, { problems: r.error.problems, values }, 422);
    }
    return reply.redirect(withLang(`${NOTIFY_PATH}?ok=1`, req.lang), 303);
  });
});
