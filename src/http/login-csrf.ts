/**
 * CSRF for the sign-in form, before any session exists: a double-submit token. GET /masuk sets
 * a random token in a SameSite=Strict, HttpOnly cookie scoped to /masuk and puts the same value
 * in the form; POST /masuk signs in only when both are present and equal. Another site can
 * neither read the cookie nor make the browser send it, so it cannot sign a victim into the
 * attacker's account (whose actions the victim would then take, and whose records they'd fill).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const LOGIN_CSRF_COOKIE = 'sigap_masuk';
const FORMAT = /^[0-9a-f]{64}$/;

/** The form's token: the browser's current one (another tab's form stays valid), else a new one. */
export function issueLoginCsrf(req: FastifyRequest, reply: FastifyReply): string {
  const have = req.cookies[LOGIN_CSRF_COOKIE];
  const token = have && FORMAT.test(have) ? have : randomBytes(32).toString('hex');
  reply.setCookie(LOGIN_CSRF_COOKIE, token, { path: '/masuk', httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https', maxAge: 2 * 3600 });
  return token;
}

/** True when the form's token is the cookie's. */
export function loginCsrfValid(req: FastifyRequest, sent: string | undefined): boolean {
  const have = req.cookies[LOGIN_CSRF_COOKIE];
  if (!have || !sent || !FORMAT.test(have) || !FORMAT.test(sent)) return false;
  return timingSafeEqual(Buffer.from(have), Buffer.from(sent));
}
