/** Public catalogue pages: the offices, one office, one service (with its flowchart), and the site icon. */
import { programmesOf } from '../../usecases/programmes/programmes-of.js';
import { z } from 'zod';
import type { FlowchartCache } from '../flowchart-cache.js';
import { sendHtml } from '../reply.js';
import { homePage, officePage, servicePage } from './catalogue-views.js';
import { FAVICON_SVG } from './layout.js';
import { publicPages, type ZodApp } from './plugin.js';

export const cataloguePages = (flowcharts: FlowchartCache) =>
  publicPages((app: ZodApp, ctx) => {
    const { catalogue } = ctx;

    app.get('/', async (req, reply) => sendHtml(reply, homePage(req.lang, catalogue.list())));

    app.get('/kantor/:slug', { schema: { params: z.object({ slug: z.string() }) } }, async (req, reply) => {
      const o = catalogue.office(req.params.slug);
      if (!o) return reply.callNotFound();
      // The hours in force (an admin may have set them a moment ago), not only the decree's.
      return sendHtml(reply, officePage(req.lang, o, ctx.clock.hoursOf(o.office), programmesOf(ctx, o).length));
    });

    app.get('/kantor/:slug/layanan/:service', { schema: { params: z.object({ slug: z.string(), service: z.string() }) } }, async (req, reply) => {
      const found = catalogue.service(req.params.slug, req.params.service);
      if (!found) return reply.callNotFound();
      const svg = await flowcharts.get(found.office, found.service, req.lang);
      return sendHtml(reply, servicePage(req.lang, found.office, found.service, svg, { publicBaseUrl: ctx.publicBaseUrl, shown: ctx.clock.hoursOf(found.office.office, found.service.service) }));
    });

    // Browsers ask for /favicon.ico on every page; the icon is a small SVG (Chromium and Firefox draw it).
    app.get('/favicon.ico', async (_req, reply) => reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON_SVG));
  });
