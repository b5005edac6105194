/** /petugas/sistem: the installation's status for the office admin (database, read replica and its lag, this process). */
import { readSystemStatus } from '../../usecases/cluster/read-system-status.js';
import { sendHtml } from '../reply.js';
import { shellOf, staffPages } from './plugin.js';
import { SYSTEM_PATH, systemPage } from './system-views.js';

export const systemPages = staffPages((app, ctx) => {
  app.get(SYSTEM_PATH, { config: { may: 'system.status' } }, async (req, reply) => sendHtml(reply, systemPage(shellOf(req), await readSystemStatus(ctx))));
});
