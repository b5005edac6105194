/** The public performance page of an office: /kantor/<slug>/kinerja (no sign-in, no personal data). */
import { z } from 'zod';
import { readPerformance } from '../../usecases/oversight/read-performance.js';
import { performanceQuery } from '../api/oversight-schemas.js';
import { sendHtml, statusOf } from '../reply.js';
import { performancePage } from './oversight-public-views.js';
import { publicPages } from './plugin.js';

export const oversightPublicPages = publicPages((app, ctx) => {
  app.get('/kantor/:slug/kinerja', { schema: { params: z.object({ slug: z.string().max(100) }), querystring: performanceQuery } }, async (req, reply) => {
    const office = ctx.catalogue.office(req.params.slug);
    if (!office) return reply.callNotFound();
    const r = await readPerformance(ctx, office, req.query);
    const asked = req.query.periode ?? '';
    // The page has one period field: every period problem is shown beside it.
    if (!r.ok) return sendHtml(reply, performancePage(req.lang, office, { asked, problems: r.error.problems.map((p) => ({ ...p, field: 'periode' })) }), statusOf(r.error.kind));
    return sendHtml(reply, performancePage(req.lang, office, { perf: r.value, asked }));
  });
});
