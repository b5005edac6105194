/**
 * Who is asking, and whether they may: a staff member from the session cookie (pages) or a bearer
 * token (API integrations), or the public. Every route declares `config.access` ('public' or
 * 'staff'), and every staff route the permission it needs (`config.may`, from the one table in
 * domain/staff/permissions.ts); a route that declares neither is refused at start-up (deny by
 * default). Sign-in, permissions and the CSRF rule are enforced here, once, for the API and the
 * pages alike; record-level decisions (this case's service) stay in the use cases, on the same table.
 *
 * CSRF: a cookie session acts on a write only with its token (form field `_csrf` or header
 * `x-csrf-token`); bearer requests cannot be forged by another site, so they need none. A staff
 * route refuses a write without the token; a public route serves it as the public instead, so a
 * forged request never acts with the officer's rights.
 */
import { isEmergencyService } from '../domain/emergency/index.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { StoredOffice } from '../db/standards-repo.js';
import type { StaffUser } from '../db/staff-repo.js';
import { isPermission, may, PERMISSION_IDS, readsOnly, refusalOf, scopeOf, WRITES, type Permission, type Scope } from '../domain/staff/permissions.js';
import { PUBLIC_ACTOR, type Actor, type Ctx } from '../usecases/context.js';
import { sessionUser } from '../usecases/staff/session-user.js';
import { pickLang, type Lang } from './i18n.js';
import { refusedPage } from './pages/permissions-views.js';
import { sendError, sendHtml } from './reply.js';

export const SESSION_COOKIE = 'sigap_session';

export type Access = 'public' | 'staff';

/** A signed-in officer: the account, its office and how it appears in histories. */
export interface Officer {
  user: StaffUser;
  office: StoredOffice;
  actor: Actor;
  csrf: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffUser | null;
    officer: Officer | null;
    authKind: 'cookie' | 'bearer' | null;
    csrfToken: string | null;
    lang: Lang;
  }
  interface FastifyContextConfig {
    access?: Access;
    /** The permission a staff route needs (required for every staff route). */
    may?: Permission;
  }
}

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function registerAuth(app: FastifyInstance, ctx: Ctx): void {
  app.decorateRequest('staff', null);
  app.decorateRequest('officer', null);
  app.decorateRequest('authKind', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('lang', 'id');

  // Deny by default: a route that does not say who may call it never starts. Checked when the
  // app is ready, after the page plugins' own onRoute hooks have declared their routes' access.
  const routes: DeclaredRoute[] = [];
  declared.set(app, routes);
  app.addHook('onRoute', (route) => {
    // The API documentation's own routes (assets of @fastify/swagger-ui) are public by nature.
    if (route.url.startsWith('/api/v1/docs')) route.config = { ...route.config, access: 'public' };
    routes.push(route as DeclaredRoute);
  });
  app.addHook('onReady', async () => {
    const undeclared = routes.filter((r) => !(r.config as { access?: Access } | undefined)?.access);
    if (undeclared.length) throw new Error(`routes without config.access ('public' or 'staff'): ${undeclared.map((r) => `${String(r.method)} ${r.url}`).join(', ')}`);
    const unpermitted = routes.filter((r) => r.config?.access === 'staff' && !(r.config.may && isPermission(r.config.may)));
    if (unpermitted.length) throw new Error(`staff routes without a config.may permission of domain/staff/permissions.ts: ${unpermitted.map((r) => `${String(r.method)} ${r.url}`).join(', ')}`);
  });

  app.addHook('onRequest', async (req, reply) => {
    req.lang = pickLang(req.query);
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
    if (token) {
      const found = await sessionUser(ctx, token);
      if (found) {
        const office = ctx.catalogue.officeById(found.user.officeId);
        req.staff = found.user;
        req.authKind = kind;
        req.csrfToken = found.csrf;
        req.officer = { user: found.user, office, actor: actorFor(found.user, office), csrf: found.csrf };
      }
    }
    if (accessOf(req) !== 'staff') return;
    if (!req.officer) return refuseUnauthenticated(req, reply);
    const permission = req.routeOptions.config.may;
    if (!permission || !may(req.officer.user.roles, permission, officeScope(req.officer.office))) return refusePermission(req, reply, permission);
  });

  // Once the body is parsed and before a route's schema validates it (and may drop `_csrf`).
  // Multipart bodies are read by their handler, which checks the token with csrfValid.
  app.addHook('preValidation', async (req, reply) => {
    if (req.authKind !== 'cookie' || !WRITE.has(req.method) || req.isMultipart()) return;
    if (csrfValid(req, sentToken(req))) return;
    if (accessOf(req) === 'staff') return refuseCsrf(req, reply);
    forgetOfficer(req);
  });
}

/** A matched route's declared access (every route has one, see onRoute); an unmatched URL (the 404 page) is public. */
function accessOf(req: FastifyRequest): Access {
  if (req.is404) return 'public';
  return req.routeOptions.config.access ?? 'staff';
}

function sentToken(req: FastifyRequest): string | undefined {
  const h = req.headers['x-csrf-token'];
  if (typeof h === 'string') return h;
  const body = req.body;
  return body && typeof body === 'object' && '_csrf' in body && typeof body._csrf === 'string' ? body._csrf : undefined;
}

/** The one CSRF check: the token sent must be the session's own. */
export function csrfValid(req: FastifyRequest, sent: string | undefined): boolean {
  return req.authKind !== 'cookie' || (!!sent && !!req.csrfToken && sent === req.csrfToken);
}

/** Serve a request as the public (a cookie write without its token on a public route). */
export function forgetOfficer(req: FastifyRequest): void {
  req.staff = null;
  req.officer = null;
  req.authKind = null;
  req.csrfToken = null;
}

const isApi = (req: FastifyRequest) => req.url.startsWith('/api/');

/** A route as declared (for the start-up checks and the role matrix test). */
export interface DeclaredRoute {
  method: string | string[];
  url: string;
  config?: { access?: Access; may?: Permission };
}
const declared = new WeakMap<FastifyInstance, readonly DeclaredRoute[]>();

/** Every route the app declared, with its access and permission. */
export const declaredRoutes = (app: FastifyInstance): readonly DeclaredRoute[] => declared.get(app) ?? [];

// Keyed by the stored office object, which is immutable (a new standard version is a new object).
const scopes = new WeakMap<StoredOffice, Scope>();
/** The edge decides on the whole office: a role holding a step of any of its services. */
export function officeScope(office: StoredOffice): Scope {
  let s = scopes.get(office);
  if (!s) scopes.set(office, (s = scopeOf(office.services)));
  return s;
}

/**
 * Everything the officer's roles may do in their office (for the staff menu). The emergency board
 * is left out of the menu of an office whose decree has no emergency service (Jambi, Pekanbaru):
 * the permission stands, but a menu entry leading to an always-empty board helps nobody.
 */
export const allowedIn = (o: Pick<Officer, 'user' | 'office'>): Permission[] =>
  PERMISSION_IDS.filter((p) => may(o.user.roles, p, officeScope(o.office)) && (p !== 'emergency.read' || o.office.services.some((s) => isEmergencyService(s.service))));

/** 403: the officer's roles do not hold the route's permission (the bilingual page, or the JSON failure). */
function refusePermission(req: FastifyRequest, reply: FastifyReply, permission: Permission | undefined) {
  const o = req.officer!;
  // The read-only refusal keeps the code the use cases give it (a reader never acts).
  const code = permission && WRITES.includes(permission) && readsOnly(o.user.roles) ? 'read-only-role' : 'permission-required';
  if (isApi(req)) return sendError(reply, 403, code, ...refusalWords(code, permission), { permission });
  reply.header('cache-control', 'no-store');
  return sendHtml(reply, refusedPage({ lang: req.lang, csrf: o.csrf, displayName: o.user.displayName, roles: o.user.roles, allowed: allowedIn(o) }, { words: refusalWords(code, permission), permission, path: req.url.split('?')[0]! }), 403);
}

/** The refusal's words: a reader's own, or what the missing permission would allow. */
export const refusalWords = (code: 'read-only-role' | 'permission-required', permission: Permission | undefined): [string, string] =>
  code === 'read-only-role'
    ? ['Peran Anda hanya untuk membaca; tindakan ini tidak diizinkan', 'Your role only reads; this action is not allowed']
    : permission
      ? refusalOf(permission)
      : ['Peran Anda tidak memiliki hak akses untuk halaman atau tindakan ini', 'Your role does not have access to this page or action'];

function refuseUnauthenticated(req: FastifyRequest, reply: FastifyReply) {
  if (isApi(req)) return sendError(reply, 401, 'unauthenticated', 'Silakan masuk terlebih dahulu', 'Please sign in first');
  return reply.redirect(`/masuk?next=${encodeURIComponent(req.url)}`, 303);
}

export function refuseCsrf(req: FastifyRequest, reply: FastifyReply) {
  if (isApi(req)) return sendError(reply, 403, 'csrf', 'Token formulir tidak sah; muat ulang halaman', 'Invalid form token; reload the page');
  return sendHtml(
    reply,
    '<!doctype html><html lang="id"><title>403</title><p>Token formulir tidak sah; muat ulang halaman. / Invalid form token; reload the page.</p></html>',
    403,
  );
}

function actorFor(s: StaffUser, office: StoredOffice): Actor {
  const roleNames = s.roles.map((r) => office.office.roles.find((x) => x.id === r)?.name ?? r);
  return { id: s.id, name: `${s.displayName} (${roleNames.join(', ')})`, roles: s.roles, officeId: s.officeId };
}

/** The signed-in officer of a staff route (the access hook guarantees one). */
export function officerOf(req: FastifyRequest): Officer {
  if (!req.officer) throw new Error(`${req.method} ${req.url}: officerOf on a request without an officer (is the route access 'staff'?)`);
  return req.officer;
}

/** The session or API token this request was signed in with (an officer's own password change keeps it). */
export function sessionTokenOf(req: FastifyRequest): string {
  const header = req.headers.authorization;
  if (req.authKind === 'bearer' && header?.startsWith('Bearer ')) return header.slice(7).trim();
  return req.cookies?.[SESSION_COOKIE] ?? '';
}

/** Who acts: the signed-in officer, or the public. */
export function actorOf(req: FastifyRequest): Actor {
  return req.officer?.actor ?? PUBLIC_ACTOR;
}
