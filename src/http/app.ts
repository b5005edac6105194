/** Builds the Fastify application: JSON API under /api/v1 (with OpenAPI) and public pages. */
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { Ctx } from '../usecases/context.js';
import { MAX_UPLOAD_BYTES } from '../usecases/store-upload.js';
import { applicationRoutes } from './api/application-routes.js';
import { authRoutes } from './api/auth-routes.js';
import { catalogueRoutes } from './api/catalogue-routes.js';
import { uploadRoutes } from './api/upload-routes.js';
import { complaintRoutes } from './api/complaint-routes.js';
import { letterRoutes } from './api/letter-routes.js';
import { registryRoutes } from './api/registry-routes.js';
import { surveyRoutes } from './api/survey-routes.js';
import { registerAuth } from './auth.js';
import { backOfficePages } from './pages/back-office-routes.js';
import { publicCasePages } from './pages/public-case-routes.js';
import { sendError } from './errors.js';
import { FlowchartCache } from './flowchart-cache.js';
import { pickLang } from './i18n.js';
import { homePage, notFoundPage, officePage, servicePage } from './pages/catalogue-pages.js';
import { SITE_CSS } from './pages/layout.js';

export interface AppDeps {
  ctx: Ctx;
  logger?: boolean;
  /** Rate limits protect public intake; tests and benchmarks that hammer one client lift them. */
  rateLimit?: boolean;
}

function hasNul(v: unknown, depth = 0): boolean {
  if (typeof v === 'string') return v.includes('\u0000');
  if (depth > 20 || v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.some((x) => hasNul(x, depth + 1));
  return Object.entries(v as Record<string, unknown>).some(([k, x]) => k.includes('\u0000') || hasNul(x, depth + 1));
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy: true,
    bodyLimit: 1024 * 1024,
    // Errors raised by the router itself (a malformed or too long URL) get our bilingual shape too.
    frameworkErrors: (error, _req, reply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      void sendError(reply, status, 'bad-url', `Alamat tidak sah: ${error.message.slice(0, 120)}`, `Invalid URL: ${error.message.slice(0, 120)}`);
    },
  });
  const flowcharts = new FlowchartCache();
  const { ctx } = deps;
  const catalogue = ctx.catalogue;
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  if (deps.rateLimit !== false) await app.register(rateLimit, { global: false, max: 100, timeWindow: '1 minute' });
  registerAuth(app, ctx);
  // Text with NUL characters cannot be stored (PostgreSQL refuses it) and is never legitimate
  // input: refuse it at the edge with a clear answer instead of failing deep inside.
  app.addHook('preValidation', async (req, reply) => {
    if (hasNul(req.body) || hasNul(req.query) || hasNul(req.params))
      return sendError(reply, 400, 'nul-character', 'Isian mengandung karakter NUL yang tidak sah', 'Input contains an invalid NUL character');
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Sigap API',
        version: '1',
        description: 'Standar Pelayanan Dinas Sosial sebagai data. Error: { error: { code, message, messageEn } }.',
      },
      servers: [],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/v1/docs', uiConfig: { docExpansion: 'list' } });

  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  catalogueRoutes(app, catalogue, flowcharts);
  authRoutes(app, ctx);
  uploadRoutes(app, ctx);
  applicationRoutes(app, ctx);
  publicCasePages(app, ctx);
  backOfficePages(app, ctx);
  letterRoutes(app, ctx);
  registryRoutes(app, ctx);
  complaintRoutes(app, ctx);
  surveyRoutes(app, ctx);

  app.get('/assets/site.css', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(SITE_CSS),
  );
  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));

  app.get('/', { schema: { hide: true } }, async (req, reply) =>
    reply.type('text/html; charset=utf-8').send(homePage(pickLang(req.query), catalogue.list())),
  );
  app.get('/kantor/:slug', { schema: { hide: true } }, async (req, reply) => {
    const lang = pickLang(req.query);
    const o = catalogue.office((req.params as { slug: string }).slug);
    if (!o) return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage(lang, req.url.split('?')[0]!));
    return reply.type('text/html; charset=utf-8').send(officePage(lang, o));
  });
  app.get('/kantor/:slug/layanan/:service', { schema: { hide: true } }, async (req, reply) => {
    const lang = pickLang(req.query);
    const { slug, service } = req.params as { slug: string; service: string };
    const found = catalogue.service(slug, service);
    if (!found) return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage(lang, req.url.split('?')[0]!));
    const svg = await flowcharts.get(found.office, found.service, lang);
    return reply.type('text/html; charset=utf-8').send(servicePage(lang, found.office, found.service, svg));
  });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/'))
      return sendError(reply, 404, 'not-found', 'Alamat API tidak ditemukan', 'API route not found');
    return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage(pickLang(req.query), req.url.split('?')[0]!));
  });
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) req.log.error(error);
    if (status === 400 && error.validation)
      return sendError(reply, 400, 'bad-request', `Permintaan tidak sah: ${error.message}`, `Bad request: ${error.message}`);
    return sendError(
      reply,
      status,
      status === 500 ? 'internal' : 'request-error',
      status === 500 ? 'Terjadi kesalahan pada server' : error.message,
      status === 500 ? 'Internal server error' : error.message,
    );
  });
  return app;
}
