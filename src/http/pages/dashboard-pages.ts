/** The dashboard's pages: /petugas/dasbor (office or division) and one table as XLSX, /petugas/dasbor/tabel.xlsx?table=…. */
import { compileDashboard, divisionsOf } from '../../usecases/oversight/compile-dashboard.js';
import { exportDashboardTable } from '../../usecases/oversight/export-dashboard.js';
import { dashboardQuerySchema, dashboardTableQuery } from '../api/dashboard-routes.js';
import { officerOf } from '../auth.js';
import { sendFile, sendHtml, statusOf } from '../reply.js';
import { dashboardPage } from './dashboard-views.js';
import { shellOf, staffPages } from './plugin.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const dashboardPages = staffPages((app, ctx) => {
  app.get('/petugas/dasbor', { config: { may: 'oversight.read' }, schema: { querystring: dashboardQuerySchema } }, async (req, reply) => {
    const { user, actor } = officerOf(req);
    const o = ctx.catalogue.officeById(user.officeId);
    const r = await compileDashboard(ctx, actor, o, req.query);
    const divisions = divisionsOf(o);
    // A wrong period or division is answered on the page, beside its field.
    if (!r.ok) return sendHtml(reply, dashboardPage(shellOf(req), { asked: req.query, divisions, problems: r.error.problems }), statusOf(r.error.kind));
    return sendHtml(reply, dashboardPage(shellOf(req), { asked: req.query, divisions, dashboard: r.value }));
  });

  app.get('/petugas/dasbor/tabel.xlsx', { config: { may: 'oversight.read' }, schema: { querystring: dashboardTableQuery } }, async (req, reply) => {
    const { user, actor } = officerOf(req);
    const o = ctx.catalogue.officeById(user.officeId);
    const { table, ...q } = req.query;
    const r = await exportDashboardTable(ctx, actor, o, q, table, shellOf(req).lang);
    if (!r.ok) return sendHtml(reply, dashboardPage(shellOf(req), { asked: q, divisions: divisionsOf(o), problems: r.error.problems }), statusOf(r.error.kind));
    return sendFile(reply, r.value.bytes, { type: XLSX, fileName: r.value.fileName });
  });
});
