/**
 * How a capability's pages are registered: as a Fastify plugin, public or staff. Every route of a
 * staff plugin is for signed-in staff (`config.access = 'staff'`, enforced once in http/auth.ts,
 * which also sets the page language), is never cached, and gets its page shell from shellOf().
 */
import type { FastifyBaseLogger, FastifyInstance, FastifyPluginAsync, FastifyRequest, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Ctx } from '../../usecases/context.js';
import { allowedIn, officerOf, type Access } from '../auth.js';
import type { StaffShell } from './layout.js';

/** A Fastify instance whose routes are typed by their zod schemas. */
export type ZodApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

export interface CapabilityOptions {
  ctx: Ctx;
}

type Register = (app: ZodApp, ctx: Ctx) => void | Promise<void>;

function pagesOf(access: Access, register: Register): FastifyPluginAsync<CapabilityOptions> {
  return async (app, { ctx }) => {
    app.addHook('onRoute', (route) => {
      // Pages are not part of the API document.
      route.schema = { ...route.schema, hide: true };
      route.config = { ...route.config, access };
    });
    // Staff pages show personal data: never kept by a browser or a proxy.
    if (access === 'staff') app.addHook('onRequest', async (_req, reply) => void reply.header('cache-control', 'no-store'));
    await register(app.withTypeProvider<ZodTypeProvider>(), ctx);
  };
}

/** Pages anyone may open (the catalogue, forms, tracking). */
export const publicPages = (register: Register) => pagesOf('public', register);

/** Back-office pages: signed-in staff of the office only. */
export const staffPages = (register: Register) => pagesOf('staff', register);

/** What the staff page shell needs of the request: language, officer's name, roles and permissions (for the menu), CSRF token for its forms. */
export function shellOf(req: FastifyRequest): StaffShell {
  const o = officerOf(req);
  return { lang: req.lang, csrf: o.csrf, displayName: o.user.displayName, roles: o.user.roles, allowed: allowedIn(o) };
}
