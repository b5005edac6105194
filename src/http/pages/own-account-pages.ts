/** The signed-in officer's own account: changing their password (/petugas/akun/sandi), open to every staff role. */
import { z } from 'zod';
import { changeOwnPassword } from '../../usecases/staff/change-own-password.js';
import { officerOf, sessionTokenOf } from '../auth.js';
import { anyObject } from '../api/schemas.js';
import { ownPasswordBody } from '../api/auth-routes.js';
import { L } from '../i18n.js';
import { formFields, sendHtml, statusOf } from '../reply.js';
import { withLang } from './layout.js';
import { shellOf, staffPages } from './plugin.js';
import { OWN_PASSWORD_PATH, ownPasswordPage } from './own-account-views.js';

const okQuery = z.object({ ok: z.coerce.number().int().min(0).max(100_000).optional().catch(undefined) });

export const ownAccountPages = staffPages((app, ctx) => {
  app.get(OWN_PASSWORD_PATH, { config: { may: 'self.password' }, schema: { querystring: okQuery } }, async (req, reply) => {
    const n = req.query.ok;
    const ok = n === undefined ? undefined : L(req.lang, `Kata sandi diganti; ${n} sesi atau token lain berakhir.`, `Password changed; ${n} other session${n === 1 ? '' : 's'} or token${n === 1 ? '' : 's'} ended.`);
    return sendHtml(reply, ownPasswordPage(shellOf(req), { ok }));
  });

  app.post(OWN_PASSWORD_PATH, { bodyLimit: 16 * 1024, config: { may: 'self.password', rateLimit: { max: 20, timeWindow: '1 minute' } }, schema: { body: anyObject.optional() } }, async (req, reply) => {
    // The form's flat fields, parsed by the API's own schema (an oversized field is refused beside it).
    const f = formFields(req.body);
    const parsed = ownPasswordBody.safeParse({ currentPassword: f.currentPassword ?? '', newPassword: f.newPassword ?? '', confirmPassword: f.confirmPassword ?? '' });
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? 'newPassword');
      return sendHtml(reply, ownPasswordPage(shellOf(req), { problems: [{ code: 'too-long', message: 'Kata sandi terlalu panjang', messageEn: 'The password is too long', field }] }), 400);
    }
    const r = await changeOwnPassword(ctx, officerOf(req).actor, parsed.data, sessionTokenOf(req));
    if (r.ok) return reply.redirect(withLang(`${OWN_PASSWORD_PATH}?ok=${r.value.sessionsEnded}`, req.lang), 303);
    return sendHtml(reply, ownPasswordPage(shellOf(req), { problems: r.error.problems }), statusOf(r.error.kind));
  });
});
