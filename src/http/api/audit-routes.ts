/** The audit trail over JSON: the filtered list, its XLSX export, and who read one record (head of office, auditor, admin). */
import type { Ctx } from '../../usecases/context.js';
import { exportTrail } from '../../usecases/audit/export-trail.js';
import { readTrail } from '../../usecases/audit/read-trail.js';
import { readsOfRecord } from '../../usecases/audit/record-reads.js';
import { trailRefused } from '../../usecases/audit/trail-lines.js';
import { officerOf } from '../auth.js';
import type { ZodApp } from '../pages/plugin.js';
import { sendFailure, sendFile } from '../reply.js';
import { recordReadsParams, recordReadsSchema, trailPageSchema, trailQuery } from './audit-schemas.js';
import { errors } from './schemas.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['audit'];

export function auditRoutes(app: ZodApp, ctx: Ctx): void {
  app.get(
    '/api/v1/audit/trail',
    {
      config: { access: 'staff', may: 'audit.read' },
      schema: {
        tags,
        summary: 'Jejak audit kantor: kejadian, akses registri, pembacaan data pribadi / The office audit trail',
        description: 'Filtering by `nik` reads that person\'s history and is itself logged.',
        querystring: trailQuery,
        response: { 200: trailPageSchema, ...errors(401, 403, 422) },
      },
    },
    async (req, reply) => {
      const { user, actor } = officerOf(req);
      const r = await readTrail(ctx, { ...actor, officeId: user.officeId }, req.query);
      if (!r.ok) return sendFailure(reply, r.error);
      reply.header('cache-control', 'no-store');
      const { lines, total, bySource, page, pages, truncated } = r.value;
      return { lines: lines.map(({ actorName, roleNames: _n, ...l }) => ({ ...l, actor: actorName })), total, bySource, page, pages, truncated };
    },
  );

  app.get(
    '/api/v1/audit/trail.xlsx',
    {
      config: { access: 'staff', may: 'audit.read' },
      schema: { tags, summary: 'Ekspor jejak audit yang difilter (XLSX) / Export the filtered trail (XLSX)', querystring: trailQuery, produces: [XLSX], response: errors(401, 403, 422) },
    },
    async (req, reply) => {
      const { user, actor } = officerOf(req);
      const r = await exportTrail(ctx, { ...actor, officeId: user.officeId }, req.query);
      if (!r.ok) return sendFailure(reply, r.error);
      reply.header('cache-control', 'no-store');
      return sendFile(reply, r.value.xlsx, { type: XLSX, fileName: r.value.fileName });
    },
  );

  app.get(
    '/api/v1/audit/records/:kind/:id/reads',
    {
      config: { access: 'staff', may: 'audit.read' },
      schema: { tags, summary: 'Siapa membaca data ini (terbaru dulu) / Who read this record (newest first)', params: recordReadsParams, response: { 200: recordReadsSchema, ...errors(401, 403) } },
    },
    async (req, reply) => {
      const { user } = officerOf(req);
      const r = await readsOfRecord(ctx, user, req.params.kind, req.params.id);
      if (!r) return sendFailure(reply, trailRefused().error);
      reply.header('cache-control', 'no-store');
      return { total: r.total, entries: r.entries.map(({ actorName, roleNames, ...e }) => ({ ...e, actor: actorName, roles: roleNames })) };
    },
  );
}
