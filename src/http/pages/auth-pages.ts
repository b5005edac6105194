/** Staff sign-in and sign-out pages (a session cookie for the back office). */
import { z } from 'zod';
import { signIn } from '../../usecases/staff/sign-in.js';
import { signOut } from '../../usecases/staff/sign-out.js';
import { SESSION_COOKIE } from '../auth.js';
import { issueLoginCsrf, loginCsrfValid } from '../login-csrf.js';
import { L } from '../i18n.js';
import { sendHtml, statusOf } from '../reply.js';
import { say } from './components.js';
import { signInPage } from './auth-views.js';
import { publicPages } from './plugin.js';

/**
 * Only back-office paths may follow a sign-in (no open redirect), and only printable ASCII without
 * spaces or backslashes: a CR/LF in a Location header made the redirect throw (a 500).
 */
const SAFE_NEXT = /^\/petugas(?:[/?#][!-[\]-~]*)?$/;
const backOfficePath = (next: string | undefined) => (next !== undefined && SAFE_NEXT.test(next) ? next : '/petugas');

const signInForm = z.object({ username: z.string().max(100).default(''), password: z.string().max(200).default(''), next: z.string().max(2000).optional(), _csrf: z.string().max(200).optional() });

export const authPages = publicPages((app, ctx) => {
  app.get('/masuk', { schema: { querystring: z.object({ next: z.string().max(2000).optional() }) } }, async (req, reply) =>
    sendHtml(reply, signInPage(req.lang, { next: backOfficePath(req.query.next), csrf: issueLoginCsrf(req, reply) })),
  );

  app.post('/masuk', { schema: { body: signInForm }, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (req, reply) => {
    const { username, password } = req.body;
    const next = backOfficePath(req.body.next);
    // Checked before the password: a forged sign-in never reaches the account (nor its lock-out count).
    if (!loginCsrfValid(req, req.body._csrf)) {
      const error = L(req.lang, 'Formulir masuk kedaluwarsa atau dikirim dari situs lain. Silakan masuk lagi dari halaman ini.', 'The sign-in form expired or was sent from another site. Please sign in again from this page.');
      return sendHtml(reply, signInPage(req.lang, { next, error, username, csrf: issueLoginCsrf(req, reply) }), 403);
    }
    const r = await signIn(ctx.database, username, password, 'cookie', req.ip);
    if (!r.ok) return sendHtml(reply, signInPage(req.lang, { next, error: say(req.lang, r.error.problems[0]!), username, csrf: issueLoginCsrf(req, reply) }), statusOf(r.error.kind));
    reply.setCookie(SESSION_COOKIE, r.value.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https', maxAge: 12 * 3600 });
    return reply.redirect(next, 303);
  });

  // The session ends only with the page's CSRF token (auth.ts serves a forged post as the public);
  // the cookie is cleared either way.
  app.post('/keluar', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token && req.officer) await signOut(ctx, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/masuk', 303);
  });
});
