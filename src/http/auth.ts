/**
 * Who is asking: a staff member from the session cookie (pages) or a bearer token (API
 * integrations), or the public. Cookie-authenticated writes must carry the session's CSRF token;
 * bearer requests cannot be forged by another site, so they need none.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { StaffUser } from '../db/staff-repo.js';
import type { Actor, Ctx } from '../usecases/context.js';
import { sessionUser } from '../usecases/staff-accounts.js';
import { sendError } from './errors.js';

export const SESSION_COOKIE = 'sigap_session';

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffUser | null;
    authKind: 'cookie' | 'bearer' | null;
    csrfToken: string | null;
  }
}

export function registerAuth(app: FastifyInstance, ctx: Ctx): void {
  app.decorateRequest('staff', null);
  app.decorateRequest('authKind', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (req) => {
    const header = req.headers.authorization;
    let token: string | undefined;
    let kind: 'cookie' | 'bearer' | null = null;
    if (header?.startsWith('Bearer ')) {
      token = header.slice(7).trim();
      kind = 'bearer';
    } else if (req.cookies?.[SESSION_COOKIE]) {
      token = req.cookies[SESSION_COOKIE];
      kind = 'cookie';
    }
    if (!token) return;
    const found = await sessionUser(ctx.database, token);
    if (!found) return;
    req.staff = found.user;
    req.authKind = kind;
    req.csrfToken = found.csrf;
  });
}

export function actorOf(req: FastifyRequest, ctx: Ctx): Actor {
  const s = req.staff;
  if (!s) return { id: null, name: 'Pemohon (daring)', roles: [], officeId: null };
  const office = ctx.catalogue.list().find((o) => o.id === s.officeId);
  const roleNames = s.roles.map((r) => office?.office.roles.find((x) => x.id === r)?.name ?? r);
  return { id: s.id, name: `${s.displayName} (${roleNames.join(', ')})`, roles: s.roles, officeId: s.officeId };
}

/** For API routes: 401 when nobody is signed in; checks CSRF for cookie-authenticated writes. */
export function requireStaffApi(req: FastifyRequest, reply: FastifyReply): boolean {
  if (!req.staff) {
    sendError(reply, 401, 'unauthenticated', 'Silakan masuk terlebih dahulu', 'Please sign in first');
    return false;
  }
  if (req.authKind === 'cookie' && req.method !== 'GET' && req.method !== 'HEAD') {
    const sent = (req.headers['x-csrf-token'] as string | undefined) ?? (req.body as { _csrf?: string } | undefined)?._csrf;
    if (!sent || sent !== req.csrfToken) {
      sendError(reply, 403, 'csrf', 'Token formulir tidak sah; muat ulang halaman', 'Invalid form token; reload the page');
      return false;
    }
  }
  return true;
}

/** For page routes: redirect to the sign-in page; checks CSRF on form posts. */
export function requireStaffPage(req: FastifyRequest, reply: FastifyReply): boolean {
  if (!req.staff) {
    void reply.redirect(`/masuk?next=${encodeURIComponent(req.url)}`, 303);
    return false;
  }
  if (req.method === 'POST') {
    const sent = (req.body as { _csrf?: string } | undefined)?._csrf;
    if (!sent || sent !== req.csrfToken) {
      void reply.code(403).type('text/html; charset=utf-8').send('<!doctype html><html lang="id"><title>403</title><p>Token formulir tidak sah; muat ulang halaman. / Invalid form token; reload the page.</p></html>');
      return false;
    }
  }
  return true;
}
