/** Finding cases over JSON: the office's case search and the duplicate check before registering. */
import { z } from 'zod';
import { findDuplicates } from '../../usecases/applications/find-duplicates.js';
import { searchCases } from '../../usecases/applications/search-cases.js';
import type { Ctx } from '../../usecases/context.js';
import { officerOf } from '../auth.js';
import type { ZodApp } from '../pages/plugin.js';
import { sendFailure } from '../reply.js';
import { caseListItem, caseSearchQuery, caseSearchResult, duplicatesQuery } from './applications-search-schemas.js';
import { errors } from './schemas.js';

export function applicationsSearchRoutes(app: ZodApp, ctx: Ctx): void {
  app.get(
    '/api/v1/applications',
    {
      config: { access: 'staff', may: 'applications.read' },
      schema: {
        tags: ['applications'],
        summary: 'Cari berkas kantor (nomor, NIK, nama; status, tanggal) / Search the office\'s cases',
        description: 'A search by NIK is written to the access log with its purpose (`purpose`, or a default).',
        querystring: caseSearchQuery,
        response: { 200: caseSearchResult, ...errors(422) },
      },
    },
    async (req, reply) => {
      const { user, actor } = officerOf(req);
      const r = await searchCases(ctx, { ...actor, officeId: user.officeId }, req.query);
      if (!r.ok) return sendFailure(reply, r.error);
      return r.value;
    },
  );

  app.get(
    '/api/v1/applications/duplicates',
    {
      config: { access: 'staff', may: 'applications.register' },
      schema: {
        tags: ['applications'],
        summary: 'Berkas terbuka NIK ini untuk layanan yang sama / Open cases of this NIK for the same service',
        querystring: duplicatesQuery,
        response: { 200: z.array(caseListItem), ...errors(404) },
      },
    },
    async (req, reply) => {
      const { user, actor } = officerOf(req);
      const r = await findDuplicates(ctx, { ...actor, officeId: user.officeId }, req.query);
      if (!r.ok) return sendFailure(reply, r.error);
      return r.value;
    },
  );
}
