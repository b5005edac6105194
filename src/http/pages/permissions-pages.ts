/** /petugas/hak-akses: the one permission table for the officer's office, in words (every signed-in officer may read it). */
import { grantsOf } from '../../domain/staff/permissions.js';
import { officeScope, officerOf } from '../auth.js';
import { sendHtml } from '../reply.js';
import { PERMISSIONS_PATH, permissionsPage } from './permissions-views.js';
import { shellOf, staffPages } from './plugin.js';

export const permissionsPages = staffPages((app) => {
  app.get(PERMISSIONS_PATH, { config: { may: 'self.read' } }, async (req, reply) => {
    const { office } = officerOf(req);
    const scope = officeScope(office);
    const roles = office.office.roles.map((r) => ({ id: r.id, name: r.name, description: r.description, grants: grantsOf(r.id, scope) }));
    return sendHtml(reply, permissionsPage(shellOf(req), { officeName: office.office.name, roles }));
  });
});
