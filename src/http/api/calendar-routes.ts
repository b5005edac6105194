/** Office calendars over JSON: closures set by the office admin, and due times on the office's clock. */
import { z } from 'zod';
import { addClosure } from '../../usecases/calendar/add-closure.js';
import { computeDue } from '../../usecases/calendar/compute-due.js';
import type { Ctx } from '../../usecases/context.js';
import { officerOf } from '../auth.js';
import type { ZodApp } from '../pages/plugin.js';
import { sendFailure } from '../reply.js';
import { closureBody, dueQuery } from './applications-schemas.js';
import { errors, slugParams } from './schemas.js';
import { officeNotFound } from '../../domain/standards/not-found.js';

export function calendarRoutes(app: ZodApp, ctx: Ctx): void {
  app.post(
    '/api/v1/offices/:slug/closures',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['calendar'],
        summary: 'Tambah hari tutup kantor (admin) / Add an office closure (admin)',
        params: slugParams,
        body: closureBody,
        response: { 201: z.object({ ok: z.boolean() }), ...errors(403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const officer = officerOf(req);
      // An officer sees only their own office; another office's slug looks as if it did not exist.
      if (officer.office.office.slug !== req.params.slug) return sendFailure(reply, { kind: 'not-found', problems: [officeNotFound(req.params.slug)] });
      const r = await addClosure(ctx, officer.actor, req.body);
      if (!r.ok) return sendFailure(reply, r.error);
      return reply.code(201).send({ ok: true });
    },
  );

  app.get(
    '/api/v1/offices/:slug/calendar/due',
    {
      config: { access: 'public' },
      schema: {
        tags: ['calendar'],
        summary: 'Hitung batas waktu / Compute a due time',
        params: slugParams,
        querystring: dueQuery,
        response: { 200: z.object({ dueAt: z.string(), dueAtLocal: z.string(), timezone: z.string(), warnings: z.array(z.object({ code: z.literal('no-holiday-data'), year: z.number().int(), message: z.string(), messageEn: z.string() })) }), ...errors(404, 422) },
      },
    },
    async (req, reply) => {
      const r = computeDue(ctx, { office: req.params.slug, ...req.query });
      if (!r.ok) return sendFailure(reply, r.error);
      return r.value;
    },
  );
}
