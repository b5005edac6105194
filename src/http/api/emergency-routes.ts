/**
 * Emergencies over JSON: a report (the public web form's twin, or staff from any channel with the
 * report time), the board of open reports, assignment, "respon awal", the duty roster and the
 * office's thresholds. Thin: each route parses, calls one use case and maps its answer.
 */
import type { FastifyReply } from 'fastify';
import type { Outcome } from '../../domain/errors.js';
import { officeNotFound } from '../../domain/standards/not-found.js';
import type { Ctx } from '../../usecases/context.js';
import { mergeReports } from '../../usecases/emergency/merge-reports.js';
import { addDutyShift } from '../../usecases/emergency/add-duty-shift.js';
import { acknowledgeEscalation } from '../../usecases/emergency/acknowledge-escalation.js';
import { assignResponder } from '../../usecases/emergency/assign-responder.js';
import { recordFirstResponse } from '../../usecases/emergency/record-first-response.js';
import { recordMemberCredentials } from '../../usecases/emergency/record-member-credentials.js';
import { reportEmergency } from '../../usecases/emergency/report-emergency.js';
import { setEmergencySettings } from '../../usecases/emergency/set-emergency-settings.js';
import { showDispatchBoard } from '../../usecases/emergency/show-dispatch-board.js';
import { actorOf, officerOf } from '../auth.js';
import type { ZodApp } from '../pages/plugin.js';
import { sendFailure } from '../reply.js';
import {
  BODY_LIMIT,
  acknowledgeBody,
  acknowledged,
  assignBody,
  assigned,
  boardQuery,
  boardSchema,
  credentialsBody,
  firstResponded,
  firstResponseBody,
  mergeBody,
  merged,
  numberParams,
  reportBody,
  reported,
  settingsBody,
  shiftBody,
} from './emergency-schemas.js';
import { errors, idParams, slugParams } from './schemas.js';
import { z } from 'zod';

const answer = <T>(reply: FastifyReply, r: Outcome<T>, status = 200) => (r.ok ? reply.code(status).send(r.value) : sendFailure(reply, r.error));
const tags = ['emergencies'];

export function emergencyRoutes(app: ZodApp, ctx: Ctx): void {
  app.post(
    '/api/v1/emergencies',
    {
      bodyLimit: BODY_LIMIT,
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Laporkan kedaruratan / Report an emergency', headers: z.looseObject({ 'idempotency-key': z.string().optional() }), body: reportBody, response: { 201: reported, ...errors(403, 404, 422) } },
    },
    async (req, reply) => {
      const r = await reportEmergency(ctx, { ...req.body, idempotencyKey: req.headers['idempotency-key'] }, actorOf(req));
      if (!r.ok) return sendFailure(reply, r.error);
      const { replayed: _replayed, ...value } = r.value;
      return reply.code(201).send(value);
    },
  );

  app.get(
    '/api/v1/offices/:slug/emergencies',
    { config: { access: 'staff', may: 'emergency.read' }, schema: { tags, summary: 'Papan laporan darurat / Emergency dispatch board', params: slugParams, querystring: boardQuery, response: { 200: boardSchema, ...errors(401, 403, 404) } } },
    async (req, reply) => {
      const { office, actor } = officerOf(req);
      if (office.office.slug !== req.params.slug) return sendFailure(reply, { kind: 'not-found', problems: [officeNotFound(req.params.slug)] });
      const b = await showDispatchBoard(ctx, { ...actor, officeId: office.id });
      return { now: b.now, open: b.open, responded: req.query.state === 'open' ? [] : b.responded };
    },
  );

  app.post(
    '/api/v1/emergencies/:registrationNumber/first-response',
    { bodyLimit: BODY_LIMIT, config: { access: 'staff', may: 'emergency.respond' }, schema: { tags, summary: 'Catat respon awal / Record the first response', params: numberParams, body: firstResponseBody, response: { 201: firstResponded, ...errors(401, 403, 404, 409, 422) } } },
    async (req, reply) => answer(reply, await recordFirstResponse(ctx, officerOf(req).actor, req.params.registrationNumber, req.body), 201),
  );

  app.post(
    '/api/v1/emergencies/:registrationNumber/assignments',
    { bodyLimit: BODY_LIMIT, config: { access: 'staff', may: 'emergency.dispatch' }, schema: { tags, summary: 'Tugaskan petugas TRC / Assign a TRC member', params: numberParams, body: assignBody, response: { 201: assigned, ...errors(401, 403, 404, 409, 422) } } },
    async (req, reply) => answer(reply, await assignResponder(ctx, officerOf(req).actor, req.params.registrationNumber, req.body), 201),
  );

  app.post(
    '/api/v1/emergencies/:registrationNumber/acknowledgement',
    {
      bodyLimit: BODY_LIMIT,
      config: { access: 'staff', may: 'emergency.dispatch' },
      schema: { tags, summary: 'Terima eskalasi (Kepala Bidang / Kepala Dinas) / Acknowledge an escalation', params: numberParams, body: acknowledgeBody, response: { 201: acknowledged, ...errors(401, 403, 404, 409, 422) } },
    },
    async (req, reply) => answer(reply, await acknowledgeEscalation(ctx, officerOf(req).actor, req.params.registrationNumber, req.body), 201),
  );

  app.post(
    '/api/v1/emergencies/:registrationNumber/merge',
    { bodyLimit: BODY_LIMIT, config: { access: 'staff', may: 'emergency.dispatch' }, schema: { tags, summary: 'Gabungkan laporan ganda / Merge a duplicate report', params: numberParams, body: mergeBody, response: { 200: merged, ...errors(401, 403, 404, 409, 422) } } },
    async (req, reply) => answer(reply, await mergeReports(ctx, officerOf(req).actor, req.params.registrationNumber, req.body.into)),
  );

  app.post(
    '/api/v1/emergency/duty-shifts',
    { bodyLimit: BODY_LIMIT, config: { access: 'staff', may: 'emergency.roster' }, schema: { tags, summary: 'Tambah jadwal piket / Add a duty shift', body: shiftBody, response: { 201: z.object({ id: z.string() }), ...errors(401, 403, 422) } } },
    async (req, reply) => answer(reply, await addDutyShift(ctx, officerOf(req).actor, req.body), 201),
  );

  app.put(
    '/api/v1/emergency/duty-members/:id',
    { bodyLimit: BODY_LIMIT, config: { access: 'staff', may: 'emergency.roster' }, schema: { tags, summary: 'Catat kredensial petugas (identitas resmi, SIM) / Record a member’s credentials', params: idParams, body: credentialsBody, response: { 200: z.object({ member: z.string() }), ...errors(401, 403, 404, 422) } } },
    async (req, reply) => answer(reply, await recordMemberCredentials(ctx, officerOf(req).actor, req.params.id, req.body)),
  );

  app.put(
    '/api/v1/emergency/settings',
    { bodyLimit: BODY_LIMIT, config: { access: 'staff', may: 'emergency.roster' }, schema: { tags, summary: 'Atur ambang waktu darurat / Set the emergency thresholds', body: settingsBody, response: { 200: settingsBody, ...errors(401, 403, 422) } } },
    async (req, reply) => answer(reply, await setEmergencySettings(ctx, officerOf(req).actor, req.body)),
  );
}
