/** GET /api/v1/offices..., thin: every answer comes from the Catalogue read model. */
import { z } from 'zod';
import { PRODUCT_KINDS, SLA_UNITS } from '../../domain/standards/schema.js';
import { officeProfile, serviceDetail, serviceSummary } from '../../usecases/catalogue/catalogue.js';
import type { FlowchartCache } from '../flowchart-cache.js';
import type { ZodApp } from '../pages/plugin.js';
import { sendFailure, sendJsonText } from '../reply.js';
import type { Ctx } from '../../usecases/context.js';
import { anyObject, errors, langQuery, slugParams } from './schemas.js';

const serviceParams = z.object({ slug: z.string().max(100), serviceSlug: z.string().max(100) });

const duration = z.object({ value: z.number().nullable(), unit: z.enum(SLA_UNITS).nullable(), maxValue: z.number().nullable(), text: z.string() }).nullable();
const serviceSummarySchema = z.object({
  slug: z.string(),
  no: z.number().int(),
  title: z.string(),
  detailed: z.boolean(),
  openForApplications: z.boolean(),
  sla: duration,
  fee: z.object({ amount: z.number(), text: z.string() }).nullable(),
  product: z.object({ text: z.string(), kind: z.enum(PRODUCT_KINDS), validity: z.object({ value: z.number(), unit: z.string(), text: z.string() }).nullable() }).nullable(),
  requirements: z.array(z.object({ id: z.string(), label: z.string(), kind: z.string(), required: z.boolean() })),
});
const officeSummary = z.object({
  slug: z.string(),
  name: z.string(),
  timezone: z.string(),
  serviceCount: z.number().int(),
  decree: z.object({ number: z.string().nullable(), date: z.string().nullable() }),
});

export function catalogueRoutes(app: ZodApp, ctx: Ctx, flowcharts: FlowchartCache): void {
  const { catalogue } = ctx;
  const open = { access: 'public' } as const;

  // Bodies are serialised once per catalogue version (cachedJson), so they are sent as text.
  app.get(
    '/api/v1/offices',
    { config: open, schema: { tags: ['catalogue'], summary: 'Daftar kantor / List offices', response: { 200: z.array(officeSummary) } } },
    async (_req, reply) =>
      sendJsonText(
        reply,
        catalogue.cachedJson('offices', () =>
          catalogue.list().map((o) => ({
            slug: o.office.slug,
            name: o.office.name,
            timezone: o.office.timezone,
            serviceCount: o.services.length,
            decree: { number: o.office.decree.number, date: o.office.decree.date },
          })),
        ),
      ),
  );

  app.get(
    '/api/v1/offices/:slug',
    { config: open, schema: { tags: ['catalogue'], summary: 'Profil kantor / Office profile', params: slugParams, response: { 200: anyObject, ...errors(404) } } },
    async (req, reply) => {
      const o = catalogue.findOffice(req.params.slug);
      if (!o.ok) return sendFailure(reply, o.error);
      return sendJsonText(reply, catalogue.cachedJson(`office:${req.params.slug}`, () => officeProfile(o.value)));
    },
  );

  app.get(
    '/api/v1/offices/:slug/services',
    { config: open, schema: { tags: ['catalogue'], summary: 'Layanan kantor / Office services', params: slugParams, response: { 200: z.array(serviceSummarySchema), ...errors(404) } } },
    async (req, reply) => {
      const o = catalogue.findOffice(req.params.slug);
      if (!o.ok) return sendFailure(reply, o.error);
      return sendJsonText(reply, catalogue.cachedJson(`services:${req.params.slug}`, () => o.value.services.map((s) => serviceSummary(s.service))));
    },
  );

  app.get(
    '/api/v1/offices/:slug/services/:serviceSlug',
    { config: open, schema: { tags: ['catalogue'], summary: 'Definisi lengkap layanan / Full service definition', params: serviceParams, response: { 200: anyObject, ...errors(404) } } },
    async (req, reply) => {
      const { slug, serviceSlug } = req.params;
      const found = catalogue.findService(slug, serviceSlug);
      if (!found.ok) return sendFailure(reply, found.error);
      return sendJsonText(reply, catalogue.cachedJson(`service:${slug}:${serviceSlug}`, () => serviceDetail(found.value.office, found.value.service)));
    },
  );

  app.get(
    '/api/v1/offices/:slug/services/:serviceSlug/flowchart.svg',
    {
      config: open,
      schema: { tags: ['catalogue'], summary: 'Bagan alur prosedur (SVG) / Procedure flowchart (SVG)', params: serviceParams, querystring: langQuery, produces: ['image/svg+xml'] },
    },
    async (req, reply) => {
      const found = catalogue.findService(req.params.slug, req.params.serviceSlug);
      if (!found.ok) return sendFailure(reply, found.error);
      const svg = await flowcharts.get(found.value.office, found.value.service, req.query.lang ?? 'id');
      if (!svg)
        return sendFailure(reply, {
          kind: 'not-found',
          problems: [{ code: 'no-procedure', message: 'Layanan ini belum memiliki prosedur yang dirinci', messageEn: 'This service has no detailed procedure' }],
        });
      return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(svg);
    },
  );
}
