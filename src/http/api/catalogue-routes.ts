/** GET /api/v1/offices..., thin: every answer comes from the Catalogue read model. */
import type { FastifyInstance } from 'fastify';
import { officeProfile, serviceDetail, serviceSummary, type Catalogue } from '../../usecases/catalogue.js';
import { errorSchema, notFoundOffice, notFoundService } from '../errors.js';
import type { FlowchartCache } from '../flowchart-cache.js';
import { pickLang } from '../i18n.js';

const officeParams = { type: 'object', properties: { slug: { type: 'string' } }, required: ['slug'] } as const;
const serviceParams = {
  type: 'object',
  properties: { slug: { type: 'string' }, serviceSlug: { type: 'string' } },
  required: ['slug', 'serviceSlug'],
} as const;

const duration = { type: ['object', 'null'], properties: { value: { type: ['number', 'null'] }, unit: { type: ['string', 'null'] }, maxValue: { type: ['number', 'null'] }, text: { type: 'string' } } };
const serviceSummarySchema = {
  type: 'object',
  properties: {
    slug: { type: 'string' },
    no: { type: 'integer' },
    title: { type: 'string' },
    detailed: { type: 'boolean' },
    openForApplications: { type: 'boolean' },
    sla: duration,
    fee: { type: ['object', 'null'], properties: { amount: { type: 'number' }, text: { type: 'string' } } },
    product: {
      type: ['object', 'null'],
      properties: {
        text: { type: 'string' },
        kind: { type: 'string', enum: ['letter', 'permit', 'aid', 'service', 'data', 'information'] },
        validity: { type: ['object', 'null'], properties: { value: { type: 'number' }, unit: { type: 'string' }, text: { type: 'string' } } },
      },
    },
    requirements: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, label: { type: 'string' }, kind: { type: 'string' }, required: { type: 'boolean' } } },
    },
  },
} as const;

export function catalogueRoutes(app: FastifyInstance, catalogue: Catalogue, flowcharts: FlowchartCache): void {
  const json = (body: string) => body;

  app.get(
    '/api/v1/offices',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Daftar kantor / List offices',
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                slug: { type: 'string' },
                name: { type: 'string' },
                timezone: { type: 'string' },
                serviceCount: { type: 'integer' },
                decree: { type: 'object', properties: { number: { type: ['string', 'null'] }, date: { type: ['string', 'null'], format: 'date' } } },
              },
            },
          },
        },
      },
    },
    async (_req, reply) =>
      reply.type('application/json; charset=utf-8').send(
        json(
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
      ),
  );

  app.get(
    '/api/v1/offices/:slug',
    { schema: { tags: ['catalogue'], summary: 'Profil kantor / Office profile', params: officeParams, response: { 200: { type: 'object', additionalProperties: true }, 404: errorSchema } } },
    async (req, reply) => {
      const { slug } = req.params as { slug: string };
      const o = catalogue.office(slug);
      if (!o) return notFoundOffice(reply, slug);
      return reply.type('application/json; charset=utf-8').send(catalogue.cachedJson(`office:${slug}`, () => officeProfile(o)));
    },
  );

  app.get(
    '/api/v1/offices/:slug/services',
    { schema: { tags: ['catalogue'], summary: 'Layanan kantor / Office services', params: officeParams, response: { 200: { type: 'array', items: serviceSummarySchema }, 404: errorSchema } } },
    async (req, reply) => {
      const { slug } = req.params as { slug: string };
      const o = catalogue.office(slug);
      if (!o) return notFoundOffice(reply, slug);
      return reply
        .type('application/json; charset=utf-8')
        .send(catalogue.cachedJson(`services:${slug}`, () => o.services.map((s) => serviceSummary(s.service))));
    },
  );

  app.get(
    '/api/v1/offices/:slug/services/:serviceSlug',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Definisi lengkap layanan / Full service definition',
        params: serviceParams,
        response: { 200: { type: 'object', additionalProperties: true }, 404: errorSchema },
      },
    },
    async (req, reply) => {
      const { slug, serviceSlug } = req.params as { slug: string; serviceSlug: string };
      if (!catalogue.office(slug)) return notFoundOffice(reply, slug);
      const found = catalogue.service(slug, serviceSlug);
      if (!found) return notFoundService(reply, slug, serviceSlug);
      return reply
        .type('application/json; charset=utf-8')
        .send(catalogue.cachedJson(`service:${slug}:${serviceSlug}`, () => serviceDetail(found.office, found.service)));
    },
  );

  app.get(
    '/api/v1/offices/:slug/services/:serviceSlug/flowchart.svg',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Bagan alur prosedur (SVG) / Procedure flowchart (SVG)',
        params: serviceParams,
        querystring: { type: 'object', properties: { lang: { type: 'string', enum: ['id', 'en'] } } },
        produces: ['image/svg+xml'],
      },
    },
    async (req, reply) => {
      const { slug, serviceSlug } = req.params as { slug: string; serviceSlug: string };
      if (!catalogue.office(slug)) return notFoundOffice(reply, slug);
      const found = catalogue.service(slug, serviceSlug);
      if (!found) return notFoundService(reply, slug, serviceSlug);
      const svg = await flowcharts.get(found.office, found.service, pickLang(req.query));
      if (!svg)
        return reply.code(404).send({ error: { code: 'no-procedure', message: 'Layanan ini belum memiliki prosedur yang dirinci', messageEn: 'This service has no detailed procedure' } });
      return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(svg);
    },
  );
}
