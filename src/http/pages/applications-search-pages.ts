/** The back office's pages for finding cases: the queue (filters, counts, pages) and the case search. */
import { listNotifications } from '../../usecases/applications/list-notifications.js';
import { searchCases } from '../../usecases/applications/search-cases.js';
import { taskQueue } from '../../usecases/applications/task-queue.js';
import { openCalls } from '../../usecases/calls/call-queue.js';
import { L } from '../i18n.js';
import { waited } from './calls-views.js';
import { caseSearchQuery, queuePageQuery } from '../api/applications-search-schemas.js';
import { officerOf } from '../auth.js';
import { sendHtml, statusOf } from '../reply.js';
import { caseSearchPage, QUEUE_PAGE_SIZE, queuePage } from './applications-search-views.js';
import { shellOf, staffPages } from './plugin.js';

export const applicationsSearchPages = staffPages((app, ctx) => {
  app.get('/petugas', { config: { may: 'self.read' }, schema: { querystring: queuePageQuery } }, async (req, reply) => {
    const { user, office } = officerOf(req);
    const { page, ...filter } = req.query;
    const queue = await taskQueue(ctx, user, { ...filter, limit: QUEUE_PAGE_SIZE, offset: (page - 1) * QUEUE_PAGE_SIZE });
    // The promised phone calls a role owes come first: they are on the clock like its tasks.
    const calls = (await openCalls(ctx, office.id, user.roles)).slice(0, 10).map((c) => ({
      application_id: c.applicationId,
      message: L(req.lang, `Telepon pemohon ${c.registrationNumber} (menunggu ${waited('id', c.minutesWaiting)}): «${c.promise}»`, `Phone the applicant of ${c.registrationNumber} (waiting ${waited('en', c.minutesWaiting)}): “${c.promise}”`),
    }));
    const notifications = [...calls, ...(await listNotifications(ctx, office.id, user.roles))];
    return sendHtml(reply, queuePage(shellOf(req), { officeName: office.office.name, roles: user.roles, notifications, filter, page, services: office.services, queue }));
  });

  app.get('/petugas/cari', { config: { may: 'applications.read' }, schema: { querystring: caseSearchQuery } }, async (req, reply) => {
    const { user, office, actor } = officerOf(req);
    const { page, ...values } = req.query;
    const r = await searchCases(ctx, { ...actor, officeId: user.officeId }, { ...values, page });
    const data = { values, services: office.services, problems: r.ok ? [] : r.error.problems, ...(r.ok ? { result: r.value } : {}) };
    return sendHtml(reply, caseSearchPage(shellOf(req), data), r.ok ? 200 : statusOf(r.error.kind));
  });
});
