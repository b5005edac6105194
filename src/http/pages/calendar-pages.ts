/**
 * The office admin's calendar pages under /petugas/kalender: hours in force, closures and holidays,
 * and the hours form (office, or a service whose decree sets its own). Every post answers with
 * the page again (problems beside the fields) or redirects back with a one-line message.
 * Who may do this is decided in the use cases (role `admin`), never here.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Failure } from '../../domain/errors.js';
import { addClosure } from '../../usecases/calendar/add-closure.js';
import { adminOffice } from '../../usecases/calendar/admin-office.js';
import { hoursScope } from '../../usecases/calendar/hours-scope.js';
import { readOfficeCalendar } from '../../usecases/calendar/read-office-calendar.js';
import { removeClosure } from '../../usecases/calendar/remove-closure.js';
import { resetOfficeHours } from '../../usecases/calendar/reset-office-hours.js';
import { setOfficeHours } from '../../usecases/calendar/set-office-hours.js';
import { officerOf } from '../auth.js';
import { anyObject } from '../api/schemas.js';
import { L } from '../i18n.js';
import { formFields, sendHtml, statusOf } from '../reply.js';
import { closureFromForm, hoursFromForm } from './calendar-forms.js';
import { CALENDAR_PATH, calendarPage, calendarRefusedPage, hoursPage, type CalendarNotes } from './calendar-views.js';
import { say } from './components.js';
import { withLang } from './layout.js';
import { shellOf, staffPages } from './plugin.js';

const OK = {
  hours: ['Jam layanan disimpan; berlaku untuk batas waktu yang dihitung mulai sekarang.', 'Hours saved; they apply to due dates computed from now on.'],
  reset: ['Jam layanan kembali ke keputusan/jadwal bawaan.', 'Hours are back to the decree or the default week.'],
  added: ['Hari tutup ditambahkan.', 'Closure added.'],
  removed: ['Hari tutup dihapus.', 'Closure removed.'],
} as const;
const okQuery = z.object({ ok: z.enum(['hours', 'reset', 'added', 'removed']).optional().catch(undefined), n: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined) });
const serviceParams = z.object({ service: z.string().max(100) });
const groupParams = z.object({ groupId: z.string().max(100) });
const form = anyObject.optional();

export const calendarPages = staffPages((app, ctx) => {
  const refused = (req: FastifyRequest, reply: FastifyReply, f: Failure) =>
    sendHtml(reply, calendarRefusedPage(shellOf(req), f.problems.map((p) => say(req.lang, p)).join(' ')), statusOf(f.kind));

  /** The overview, with what just happened (a message, or the closure form's problems). */
  const overview = async (req: FastifyRequest, reply: FastifyReply, notes: CalendarNotes, status = 200) => {
    const v = await readOfficeCalendar(ctx, officerOf(req).actor);
    if (!v.ok) return refused(req, reply, v.error);
    return sendHtml(reply, calendarPage(shellOf(req), v.value, notes), status);
  };
  /** Back to the overview with what was done and how many running cases got a new due date. */
  const done = (req: FastifyRequest, reply: FastifyReply, ok: keyof typeof OK, moved = 0) =>
    reply.redirect(withLang(`${CALENDAR_PATH}?ok=${ok}${moved ? `&n=${moved}` : ''}`, req.lang), 303);

  app.get(CALENDAR_PATH, { config: { may: 'calendar.admin' }, schema: { querystring: okQuery } }, async (req, reply) => {
    const msg = req.query.ok ? OK[req.query.ok] : undefined;
    const moved = req.query.n ? L(req.lang, ` Batas waktu ${req.query.n} permohonan yang sedang berjalan disesuaikan.`, ` The due dates of ${req.query.n} running applications were adjusted.`) : '';
    const ok = msg ? L(req.lang, msg[0], msg[1]) + moved : undefined;
    return overview(req, reply, { ok });
  });

  /** The hours form of the office (no service) or of one service. */
  const hoursForm = async (req: FastifyRequest, reply: FastifyReply, service: string | undefined, notes: { problems?: Failure['problems']; values?: Record<string, string> } = {}, status = 200) => {
    const office = adminOffice(ctx, officerOf(req).actor);
    if (!office.ok) return refused(req, reply, office.error);
    const scope = hoursScope(office.value, service);
    if (!scope.ok) return refused(req, reply, scope.error);
    const o = office.value.office;
    const svc = scope.value.service;
    const data = { officeName: o.name, timezone: o.timezone, service: svc ? { slug: svc.slug, title: svc.title } : null, inForce: ctx.clock.hoursOf(o, svc) };
    return sendHtml(reply, hoursPage(shellOf(req), data, notes), status);
  };

  const saveHours = async (req: FastifyRequest, reply: FastifyReply, service: string | undefined) => {
    const f = formFields(req.body);
    const shaped = hoursFromForm(f);
    const r = shaped.body.ok ? await setOfficeHours(ctx, officerOf(req).actor, service, shaped.body.value) : shaped.body;
    if (!r.ok) return r.error.kind === 'invalid' ? hoursForm(req, reply, service, { problems: shaped.fieldsOf(r.error.problems), values: f }, 422) : refused(req, reply, r.error);
    return done(req, reply, 'hours', r.value.recomputed);
  };

  const reset = async (req: FastifyRequest, reply: FastifyReply, service: string | undefined) => {
    const r = await resetOfficeHours(ctx, officerOf(req).actor, service);
    return r.ok ? done(req, reply, 'reset') : refused(req, reply, r.error);
  };

  app.get(`${CALENDAR_PATH}/jam`, { config: { may: 'calendar.admin' } }, async (req, reply) => hoursForm(req, reply, undefined));
  app.get(`${CALENDAR_PATH}/jam/:service`, { config: { may: 'calendar.admin' }, schema: { params: serviceParams } }, async (req, reply) => hoursForm(req, reply, req.params.service));
  app.post(`${CALENDAR_PATH}/jam`, { config: { may: 'calendar.admin' }, bodyLimit: 16 * 1024, schema: { body: form } }, async (req, reply) => saveHours(req, reply, undefined));
  app.post(`${CALENDAR_PATH}/jam/:service`, { config: { may: 'calendar.admin' }, bodyLimit: 16 * 1024, schema: { params: serviceParams, body: form } }, async (req, reply) => saveHours(req, reply, req.params.service));
  app.post(`${CALENDAR_PATH}/jam/reset`, { config: { may: 'calendar.admin' }, schema: { body: form } }, async (req, reply) => reset(req, reply, undefined));
  app.post(`${CALENDAR_PATH}/jam/:service/reset`, { config: { may: 'calendar.admin' }, schema: { params: serviceParams, body: form } }, async (req, reply) => reset(req, reply, req.params.service));

  app.post(`${CALENDAR_PATH}/tutup`, { config: { may: 'calendar.admin' }, bodyLimit: 16 * 1024, schema: { body: form } }, async (req, reply) => {
    const f = formFields(req.body);
    const input = closureFromForm(f);
    const r = input.ok ? await addClosure(ctx, officerOf(req).actor, input.value) : input;
    if (!r.ok) return r.error.kind === 'forbidden' ? refused(req, reply, r.error) : overview(req, reply, { problems: r.error.problems, values: f }, statusOf(r.error.kind));
    return done(req, reply, 'added', r.value.recomputed);
  });

  app.post(`${CALENDAR_PATH}/tutup/:groupId/hapus`, { config: { may: 'calendar.admin' }, schema: { params: groupParams, body: form } }, async (req, reply) => {
    const r = await removeClosure(ctx, officerOf(req).actor, req.params.groupId);
    return r.ok ? done(req, reply, 'removed') : refused(req, reply, r.error);
  });
});
