/** The auditor's trail page and its XLSX export (the JSON twins: api/audit-routes.ts). */
import { exportTrail } from '../../usecases/audit/export-trail.js';
import { readTrail } from '../../usecases/audit/read-trail.js';
import { trailQuery } from '../api/audit-schemas.js';
import { officerOf } from '../auth.js';
import { sendFile, sendHtml, statusOf } from '../reply.js';
import { trailForbiddenPage, trailPage } from './audit-views.js';
import { shellOf, staffPages } from './plugin.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const auditPages = staffPages((app, ctx) => {
  app.get('/petugas/audit', { config: { may: 'audit.read' }, schema: { querystring: trailQuery } }, async (req, reply) => {
    const { user, actor } = officerOf(req);
    const { page: _p, ...values } = req.query;
    const r = await readTrail(ctx, { ...actor, officeId: user.officeId }, req.query);
    if (!r.ok && r.error.kind === 'forbidden') return sendHtml(reply, trailForbiddenPage(shellOf(req)), 403);
    return sendHtml(reply, trailPage(shellOf(req), { values, problems: r.ok ? [] : r.error.problems, ...(r.ok ? { result: r.value } : {}) }), r.ok ? 200 : statusOf(r.error.kind));
  });

  // A refused export comes back as the page with the reason beside its field, never as JSON.
  app.get('/petugas/audit/ekspor', { config: { may: 'audit.read' }, schema: { querystring: trailQuery } }, async (req, reply) => {
    const { user, actor } = officerOf(req);
    const { page: _p, ...values } = req.query;
    const r = await exportTrail(ctx, { ...actor, officeId: user.officeId }, req.query);
    if (r.ok) return sendFile(reply, r.value.xlsx, { type: XLSX, fileName: r.value.fileName });
    if (r.error.kind === 'forbidden') return sendHtml(reply, trailForbiddenPage(shellOf(req)), 403);
    return sendHtml(reply, trailPage(shellOf(req), { values, problems: r.error.problems }), statusOf(r.error.kind));
  });
});
