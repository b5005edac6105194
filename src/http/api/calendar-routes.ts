/**
 * Office calendars over JSON: the weekly hours in force (public), the hours and closures an office
 * admin sets, and due times on the office's clock. The admin's pages (pages/calendar-pages.ts) are
 * the HTML twins of the writes.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { officeNotFound } from '../../domain/standards/not-found.js';
import { addClosure } from '../../usecases/calendar/add-closure.js';
import { computeDue } from '../../usecases/calendar/compute-due.js';
import { readOfficeCalendar } from '../../usecases/calendar/read-office-calendar.js';
import { readOfficeHours } from '../../usecases/calendar/read-office-hours.js';
import { removeClosure } from '../../usecases/calendar/remove-closure.js';
import { resetOfficeHours } from '../../usecases/calendar/reset-office-hours.js';
import { setOfficeHours } from '../../usecases/calendar/set-office-hours.js';
import type { Ctx } from '../../usecases/context.js';
import { officerOf } from '../auth.js';
import type { ZodApp } from '../pages/plugin.js';
import { sendFailure } from '../reply.js';
import { dueQuery } from './applications-schemas.js';
import { closureBody, closureParams, closuresSchema, hoursBody, officeHoursSchema, serviceParams } from './calendar-schemas.js';
import { errors, slugParams } from './schemas.js';

const weekHours = z.object({ allDay: z.boolean(), week: z.array(z.object({ days: z.array(z.string()), open: z.string(), close: z.string() })), closedOnHolidays: z.boolean() });

/** An officer acts on their own office only; another office's slug looks as if it did not exist. */
function ownOffice(req: FastifyRequest, slug: string, reply: FastifyReply): boolean {
  if (officerOf(req).office.office.slug === slug) return true;
  void sendFailure(reply, { kind: 'not-found', problems: [officeNotFound(slug)] });
  return false;
}

export function calendarRoutes(app: ZodApp, ctx: Ctx): void {
  app.get(
    '/api/v1/offices/:slug/hours',
    {
      config: { access: 'public' },
      schema: { tags: ['calendar'], summary: 'Jam layanan yang berlaku / Service hours in force', params: slugParams, response: { 200: officeHoursSchema, ...errors(404) } },
    },
    async (req, reply) => {
      const r = readOfficeHours(ctx, req.params.slug);
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );

  const hoursWrite = { tags: ['calendar'], body: hoursBody, response: { 200: z.object({ hours: weekHours }), ...errors(403, 404, 409, 422) } };
  const hoursReset = { tags: ['calendar'], response: { 200: z.object({ reset: z.literal(true) }), ...errors(403, 404, 409) } };

  app.put(
    '/api/v1/offices/:slug/hours',
    { config: { access: 'staff', may: 'calendar.admin' }, schema: { ...hoursWrite, summary: 'Tetapkan jam layanan kantor (admin) / Set the office hours (admin)', params: slugParams } },
    async (req, reply) => {
      if (!ownOffice(req, req.params.slug, reply)) return reply;
      const r = await setOfficeHours(ctx, officerOf(req).actor, undefined, req.body);
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );

  app.delete(
    '/api/v1/offices/:slug/hours',
    { config: { access: 'staff', may: 'calendar.admin' }, schema: { ...hoursReset, summary: 'Kembali ke jam keputusan/bawaan (admin) / Back to the decree or default hours (admin)', params: slugParams } },
    async (req, reply) => {
      if (!ownOffice(req, req.params.slug, reply)) return reply;
      const r = await resetOfficeHours(ctx, officerOf(req).actor, undefined);
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );

  app.put(
    '/api/v1/offices/:slug/services/:service/hours',
    { config: { access: 'staff', may: 'calendar.admin' }, schema: { ...hoursWrite, summary: 'Tetapkan jam layanan satu layanan (admin) / Set one service\'s hours (admin)', params: serviceParams } },
    async (req, reply) => {
      if (!ownOffice(req, req.params.slug, reply)) return reply;
      const r = await setOfficeHours(ctx, officerOf(req).actor, req.params.service, req.body);
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );

  app.delete(
    '/api/v1/offices/:slug/services/:service/hours',
    { config: { access: 'staff', may: 'calendar.admin' }, schema: { ...hoursReset, summary: 'Jam satu layanan kembali ke keputusan (admin) / One service back to the decree hours (admin)', params: serviceParams } },
    async (req, reply) => {
      if (!ownOffice(req, req.params.slug, reply)) return reply;
      const r = await resetOfficeHours(ctx, officerOf(req).actor, req.params.service);
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );

  app.get(
    '/api/v1/offices/:slug/closures',
    {
      config: { access: 'staff', may: 'calendar.admin' },
      schema: { tags: ['calendar'], summary: 'Hari tutup kantor (admin) / Office closures (admin)', params: slugParams, response: { 200: closuresSchema, ...errors(403, 404) } },
    },
    async (req, reply) => {
      if (!ownOffice(req, req.params.slug, reply)) return reply;
      const r = await readOfficeCalendar(ctx, officerOf(req).actor);
      return r.ok ? { today: r.value.today, upcoming: r.value.upcoming, past: r.value.past } : sendFailure(reply, r.error);
    },
  );

  app.post(
    '/api/v1/offices/:slug/closures',
    {
      config: { access: 'staff', may: 'calendar.admin' },
      schema: {
        tags: ['calendar'],
        summary: 'Tambah hari tutup kantor (admin) / Add an office closure (admin)',
        description: 'Satu hari (date) atau rentang (date..to, paling banyak 31 hari); kind: holiday | cuti-bersama | closure (bawaan). Tanggal yang sudah lewat ditolak.',
        params: slugParams,
        body: closureBody,
        response: { 201: z.object({ ok: z.boolean(), groupId: z.string(), dates: z.array(z.string()) }), ...errors(403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      if (!ownOffice(req, req.params.slug, reply)) return reply;
      const r = await addClosure(ctx, officerOf(req).actor, req.body);
      if (!r.ok) return sendFailure(reply, r.error);
      return reply.code(201).send({ ok: true, groupId: r.value.groupId, dates: r.value.dates });
    },
  );

  app.delete(
    '/api/v1/offices/:slug/closures/:groupId',
    {
      config: { access: 'staff', may: 'calendar.admin' },
      schema: { tags: ['calendar'], summary: 'Hapus hari tutup yang akan datang (admin) / Remove an upcoming closure (admin)', params: closureParams, response: { 200: z.object({ dates: z.array(z.string()) }), ...errors(403, 404, 409) } },
    },
    async (req, reply) => {
      if (!ownOffice(req, req.params.slug, reply)) return reply;
      const r = await removeClosure(ctx, officerOf(req).actor, req.params.groupId);
      return r.ok ? r.value : sendFailure(reply, r.error);
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
