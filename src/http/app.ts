/** Builds the Fastify application: JSON API under /api/v1 (with OpenAPI) and public pages. */
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { sharedRateLimitStore } from './rate-limit-store.js';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { Writable } from 'node:stream';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Ctx } from '../usecases/context.js';
import { MAX_UPLOAD_BYTES } from '../usecases/applications/store-upload.js';
import { applicationsRoutes } from './api/applications-routes.js';
import { auditRoutes } from './api/audit-routes.js';
import { oversightRoutes } from './api/oversight-routes.js';
import { dashboardRoutes } from './api/dashboard-routes.js';
import { applicationsSearchRoutes } from './api/applications-search-routes.js';
import { calendarRoutes } from './api/calendar-routes.js';
import { authRoutes } from './api/auth-routes.js';
import { catalogueRoutes } from './api/catalogue-routes.js';
import { complaintsRoutes } from './api/complaints-routes.js';
import { emergencyRoutes } from './api/emergency-routes.js';
import { shelterRoutes } from './api/shelters-routes.js';
import { outcomeRoutes } from './api/outcomes-routes.js';
import { logisticsRoutes } from './api/logistics-routes.js';
import { lettersRoutes } from './api/letters-routes.js';
import { registryRoutes } from './api/registry-routes.js';
import { surveysRoutes } from './api/surveys-routes.js';
import { privacyRoutes } from './api/privacy-routes.js';
import { programmesRoutes } from './api/programmes-routes.js';
import { programmeCyclesRoutes } from './api/programme-cycles-routes.js';
import { programmeDeliveriesRoutes } from './api/programme-deliveries-routes.js';
import { programmesPages, programmesPublicPages } from './pages/programmes-pages.js';
import { programmeCyclesPages } from './pages/programme-cycles-pages.js';
import { programmeDeliveriesPages } from './pages/programme-deliveries-pages.js';
import { programmeGroupsRoutes } from './api/programme-groups-routes.js';
import { programmeGroupsPages } from './pages/programme-groups-pages.js';
import { programmePublicPages } from './pages/programme-public-pages.js';
import { surveysPages } from './pages/surveys-pages.js';
import { surveysStaffPages } from './pages/surveys-staff-pages.js';
import { registerAuth } from './auth.js';
import { applicationsPublicPages } from './pages/applications-public-pages.js';
import { applicationsStaffPages } from './pages/applications-staff-pages.js';
import { applicationsSearchPages } from './pages/applications-search-pages.js';
import { sendError, sendHtml } from './reply.js';
import { FlowchartCache } from './flowchart-cache.js';
import { L } from './i18n.js';
import { auditPages } from './pages/audit-pages.js';
import { oversightPages } from './pages/oversight-pages.js';
import { oversightPublicPages } from './pages/oversight-public-pages.js';
import { dashboardPages } from './pages/dashboard-pages.js';
import { authPages } from './pages/auth-pages.js';
import { calendarPages } from './pages/calendar-pages.js';
import { staffAdminPages } from './pages/staff-admin-pages.js';
import { privacyPages } from './pages/privacy-pages.js';
import { privacyStaffPages } from './pages/privacy-staff-pages.js';
import { permissionsPages } from './pages/permissions-pages.js';
import { ownAccountPages } from './pages/own-account-pages.js';
import { signingPages } from './pages/signing-pages.js';
import { systemPages } from './pages/system-pages.js';
import { cataloguePages } from './pages/catalogue-pages.js';
import { complaintsPages } from './pages/complaints-pages.js';
import { complaintsStaffPages } from './pages/complaints-staff-pages.js';
import { emergencyPublicPages, emergencyStaffPages } from './pages/emergency-pages.js';
import { shelterPublicPages, shelterStaffPages } from './pages/shelters-pages.js';
import { outcomeStaffPages } from './pages/outcomes-pages.js';
import { logisticsPublicPages, logisticsStaffPages } from './pages/logistics-pages.js';
import { logisticsIncidentPages } from './pages/logistics-incident-pages.js';
import { lettersDelegationPages } from './pages/letters-delegation-pages.js';
import { lettersPages } from './pages/letters-pages.js';
import { lettersPublicPages } from './pages/letters-public-pages.js';
import { registryPages } from './pages/registry-pages.js';
import { notificationsPublicPages } from './pages/notifications-public-pages.js';
import { callsPages } from './pages/calls-pages.js';
import { errorPage, notFoundPage, SITE_CSS } from './pages/layout.js';
import { loggerOptions } from './log-redact.js';
import { registerSecurity } from './security.js';
import { notificationsRoutes, notifyChoiceRoutes } from './api/notifications-routes.js';
import { notificationsPages } from './pages/notifications-pages.js';

export interface AppDeps {
  ctx: Ctx;
  /** Request logging (query values, NIKs, tokens and client addresses redacted); a stream for tests. */
  logger?: boolean | { stream: Writable };
  /** TRUST_PROXY: the only addresses whose X-Forwarded-For/-Proto are believed; none by default. */
  trustProxy?: string[] | null;
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
    logger: loggerOptions(deps.logger),
    // Trusting every X-Forwarded-For would let anyone pick their address and escape per-address limits.
    trustProxy: deps.trustProxy?.length ? deps.trustProxy : false,
    bodyLimit: 1024 * 1024,
    // Errors raised by the router itself (a malformed or too long URL) get our bilingual shape too.
    frameworkErrors: (error, _req, reply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      void sendError(reply, status, 'bad-url', `Alamat tidak sah: ${error.message.slice(0, 120)}`, `Invalid URL: ${error.message.slice(0, 120)}`);
    },
  });
  // Every route is typed by zod: one schema gives validation, the TypeScript type and the OpenAPI document.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Before any route: a route takes the error handler in force when it is built.
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/'))
      return sendError(reply, 404, 'not-found', 'Alamat API tidak ditemukan', 'API route not found');
    return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage(req.lang, req.url.split('?')[0]!));
  });
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) req.log.error(error);
    const invalid = hasZodFastifySchemaValidationErrors(error) || (status === 400 && !!error.validation);
    // A page never answers with raw JSON: a person sees what went wrong in their language.
    if (!req.url.startsWith('/api/'))
      return sendHtml(
        reply,
        errorPage(req.lang, status, invalid ? L(req.lang, 'Isian formulir tidak sah. Kembali, periksa isian, lalu kirim lagi.', 'The form was not valid. Go back, check what you entered and send it again.') : status === 500 ? L(req.lang, 'Terjadi kesalahan pada server.', 'Internal server error.') : error.message),
        invalid ? 400 : status,
      );
    if (invalid) return sendError(reply, 400, 'bad-request', `Permintaan tidak sah: ${error.message}`, `Bad request: ${error.message}`);
    return sendError(
      reply,
      status,
      status === 500 ? 'internal' : 'request-error',
      status === 500 ? 'Terjadi kesalahan pada server' : error.message,
      status === 500 ? 'Internal server error' : error.message,
    );
  });
  const flowcharts = new FlowchartCache();
  const { ctx } = deps;
  await app.register(cookie);
  await registerSecurity(app);
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  // Per-request limits (the intake forms', applications-forms.ts) are merged over these defaults.
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20 } });
  // On PostgreSQL several processes may serve one office: their per-address counts are shared in the database.
  if (deps.rateLimit !== false)
    await app.register(rateLimit, { global: false, max: 100, timeWindow: '1 minute', ...(ctx.database.dialect === 'postgres' ? { store: sharedRateLimitStore(ctx.database.db) } : {}) });
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
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/v1/docs', uiConfig: { docExpansion: 'list' } });

  app.get('/api/v1/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());

  const zapp = app.withTypeProvider<ZodTypeProvider>();
  catalogueRoutes(zapp, ctx, flowcharts);
  authRoutes(zapp, ctx);
  applicationsRoutes(zapp, ctx);
  notifyChoiceRoutes(zapp, ctx);
  applicationsSearchRoutes(zapp, ctx);
  calendarRoutes(zapp, ctx);
  lettersRoutes(zapp, ctx);
  registryRoutes(zapp, ctx);
  complaintsRoutes(zapp, ctx);
  emergencyRoutes(zapp, ctx);
  shelterRoutes(zapp, ctx);
  outcomeRoutes(zapp, ctx);
  logisticsRoutes(zapp, ctx);
  surveysRoutes(zapp, ctx);
  privacyRoutes(zapp, ctx);
  auditRoutes(zapp, ctx);
  oversightRoutes(zapp, ctx);
  dashboardRoutes(zapp, ctx);
  await app.register(notificationsRoutes, { ctx });
  programmesRoutes(zapp, ctx);
  programmeCyclesRoutes(zapp, ctx);
  programmeDeliveriesRoutes(zapp, ctx);
  programmeGroupsRoutes(zapp, ctx);
  await app.register(cataloguePages(flowcharts), { ctx });
  await app.register(authPages, { ctx });
  await app.register(applicationsPublicPages, { ctx });
  await app.register(notificationsPublicPages, { ctx });
  await app.register(callsPages, { ctx });
  await app.register(applicationsStaffPages, { ctx });
  await app.register(applicationsSearchPages, { ctx });
  await app.register(complaintsPages, { ctx });
  await app.register(complaintsStaffPages, { ctx });
  await app.register(emergencyPublicPages, { ctx });
  await app.register(emergencyStaffPages, { ctx });
  await app.register(shelterPublicPages, { ctx });
  await app.register(shelterStaffPages, { ctx });
  await app.register(outcomeStaffPages, { ctx });
  await app.register(logisticsStaffPages, { ctx });
  await app.register(logisticsPublicPages, { ctx });
  await app.register(logisticsIncidentPages, { ctx });
  await app.register(surveysPages, { ctx });
  await app.register(surveysStaffPages, { ctx });
  await app.register(lettersPublicPages, { ctx });
  await app.register(lettersPages, { ctx });
  await app.register(lettersDelegationPages, { ctx });
  await app.register(registryPages, { ctx });
  await app.register(calendarPages, { ctx });
  await app.register(staffAdminPages, { ctx });
  await app.register(privacyPages, { ctx });
  await app.register(privacyStaffPages, { ctx });
  await app.register(auditPages, { ctx });
  await app.register(oversightPages, { ctx });
  await app.register(oversightPublicPages, { ctx });
  await app.register(dashboardPages, { ctx });
  await app.register(permissionsPages, { ctx });
  await app.register(ownAccountPages, { ctx });
  await app.register(signingPages, { ctx });
  await app.register(systemPages, { ctx });
  await app.register(notificationsPages, { ctx });
  await app.register(programmesPages, { ctx });
  await app.register(programmeCyclesPages, { ctx });
  await app.register(programmeDeliveriesPages, { ctx });
  await app.register(programmesPublicPages, { ctx });
  await app.register(programmeGroupsPages, { ctx });
  await app.register(programmePublicPages, { ctx });

  app.get('/assets/site.css', { schema: { hide: true }, config: { access: 'public' } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(SITE_CSS),
  );
  app.get('/healthz', { schema: { hide: true }, config: { access: 'public' } }, async () => ({ ok: true }));

  return app;
}
