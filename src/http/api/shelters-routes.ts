/**
 * Rumah singgah over JSON: shelters with rooms and beds, the occupancy board, check-in (stays),
 * intake and its decision, basic services, the stays past the limit, termination and its berita
 * acara. Thin: each route parses, calls one use case and maps its answer.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Outcome } from '../../domain/errors.js';
import type { Ctx } from '../../usecases/context.js';
import { checkInClient } from '../../usecases/shelters/check-in-client.js';
import { createShelter } from '../../usecases/shelters/create-shelter.js';
import { decideIntake } from '../../usecases/shelters/decide-intake.js';
import { listOverLimit } from '../../usecases/shelters/list-over-limit.js';
import { logBasicService } from '../../usecases/shelters/log-basic-service.js';
import { recordIntake } from '../../usecases/shelters/record-intake.js';
import { referToPanti } from '../../usecases/shelters/refer-to-panti.js';
import { showOccupancy } from '../../usecases/shelters/show-occupancy.js';
import { downloadHandover } from '../../usecases/shelters/show-stay.js';
import { terminateStay } from '../../usecases/shelters/terminate-stay.js';
import { recordGuardianConsent } from '../../usecases/shelters/record-guardian-consent.js';
import { showClientMedia } from '../../usecases/shelters/show-client-media.js';
import { officerOf } from '../auth.js';
import type { ZodApp } from '../pages/plugin.js';
import { sendFailure, sendFile } from '../reply.js';
import { errors, idParams } from './schemas.js';
import { BODY_LIMIT, consentBody, decisionBody, intakeBody, pantiReferralBody, occupancySchema, overLimitSchema, serviceBody, shelterBody, shelterCreated, stayBody, stayCreated, terminated, terminationBody } from './shelters-schemas.js';

const answer = <T>(reply: FastifyReply, r: Outcome<T>, status = 200) => (r.ok ? reply.code(status).send(r.value) : sendFailure(reply, r.error));
const tags = ['shelters'];

export function shelterRoutes(app: ZodApp, ctx: Ctx): void {
  app.post(
    '/api/v1/shelters',
    { bodyLimit: BODY_LIMIT, config: { access: 'staff', may: 'shelters.manage' }, schema: { tags, summary: 'Catat rumah singgah, kamar dan tempat tidur / Record a shelter with rooms and beds', body: shelterBody, response: { 201: shelterCreated, ...errors(401, 403, 422) } } },
    async (req, reply) => answer(reply, await createShelter(ctx, officerOf(req).actor, req.body), 201),
  );

  app.get(
    '/api/v1/shelters/:id/occupancy',
    { config: { access: 'staff', may: 'shelters.read' }, schema: { tags, summary: 'Papan hunian rumah singgah / Shelter occupancy board', params: idParams, response: { 200: occupancySchema, ...errors(401, 403, 404) } } },
    async (req, reply) => {
      const r = await showOccupancy(ctx, officerOf(req).actor, req.params.id);
      if (!r.ok) return sendFailure(reply, r.error);
      const { shelters: _all, now: _now, nowLocal: _local, ...value } = r.value!;
      return value;
    },
  );

  app.post(
    '/api/v1/shelters/:id/stays',
    { bodyLimit: BODY_LIMIT, config: { access: 'staff', may: 'shelters.admit' }, schema: { tags, summary: 'Tempatkan klien (check-in) / Check a client in', params: idParams, body: stayBody, response: { 201: stayCreated, ...errors(401, 403, 404, 409, 422) } } },
    async (req, reply) => answer(reply, await checkInClient(ctx, officerOf(req).actor, req.params.id, req.body), 201),
  );

  app.post(
    '/api/v1/shelter-intakes',
    { bodyLimit: BODY_LIMIT, config: { access: 'staff', may: 'shelters.admit' }, schema: { tags, summary: 'Catat calon klien (atau rujuk laporan darurat) / Record an intake (or refer an emergency report)', body: intakeBody, response: { 201: z.object({ id: z.string(), intakeAt: z.string(), case: z.string().nullable().describe('Nomor registrasi berkas layanan Banjarmasin 9 / the decreed case filed') }), ...errors(401, 403, 404, 422) } } },
    async (req, reply) => answer(reply, await recordIntake(ctx, officerOf(req).actor, req.body), 201),
  );

  app.post(
    '/api/v1/shelter-stays/:id/decision',
    { bodyLimit: BODY_LIMIT, config: { access: 'staff', may: 'shelters.decide' }, schema: { tags, summary: 'Tentukan dapat ditampung atau rujukan lain / Decide: housed or referred', params: idParams, body: decisionBody, response: { 200: z.object({ id: z.string(), state: z.string() }), ...errors(401, 403, 404, 409, 422) } } },
    async (req, reply) => answer(reply, await decideIntake(ctx, officerOf(req).actor, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/shelter-stays/:id/panti-referral',
    { bodyLimit: BODY_LIMIT, config: { access: 'staff', may: 'shelters.terminate' }, schema: { tags, summary: 'Rujuk klien ke panti (Banjarmasin 11) / Refer the client to a panti', params: idParams, body: pantiReferralBody, response: { 201: z.object({ id: z.string(), case: z.string().nullable() }), ...errors(401, 403, 404, 409, 422) } } },
    async (req, reply) => answer(reply, await referToPanti(ctx, officerOf(req).actor, req.params.id, req.body), 201),
  );

  app.post(
    '/api/v1/shelter-stays/:id/services',
    { bodyLimit: BODY_LIMIT, config: { access: 'staff', may: 'shelters.admit' }, schema: { tags, summary: 'Catat pelayanan dasar / Log a basic service', params: idParams, body: serviceBody, response: { 201: z.object({ kind: z.string(), at: z.string() }), ...errors(401, 403, 404, 409, 422) } } },
    async (req, reply) => answer(reply, await logBasicService(ctx, officerOf(req).actor, req.params.id, req.body), 201),
  );

  app.get(
    '/api/v1/shelter-stays/over-limit',
    { config: { access: 'staff', may: 'shelters.read' }, schema: { tags, summary: 'Klien melewati batas masa tinggal / Stays past the limit', response: { 200: overLimitSchema, ...errors(401, 403) } } },
    async (req, reply) => answer(reply, await listOverLimit(ctx, officerOf(req).actor)),
  );

  app.post(
    '/api/v1/shelter-stays/:id/termination',
    { bodyLimit: BODY_LIMIT, config: { access: 'staff', may: 'shelters.terminate' }, schema: { tags, summary: 'Terminasi klien dan berita acara serah terima / Terminate a stay with its handover record', params: idParams, body: terminationBody, response: { 201: terminated, ...errors(401, 403, 404, 409, 422) } } },
    async (req, reply) => answer(reply, await terminateStay(ctx, officerOf(req).actor, req.params.id, req.body), 201),
  );

  app.get(
    '/api/v1/shelter-stays/:id/handover.pdf',
    { config: { access: 'staff', may: 'shelters.read' }, schema: { tags, summary: 'Berita acara serah terima klien (PDF) / Client handover record (PDF)', params: idParams, produces: ['application/pdf'], response: errors(401, 403, 404) } },
    async (req, reply) => {
      const r = await downloadHandover(ctx, officerOf(req).actor, req.params.id);
      return r.ok ? sendFile(reply, r.value.pdf, { type: 'application/pdf', fileName: r.value.fileName }) : sendFailure(reply, r.error);
    },
  );

  app.post(
    '/api/v1/shelter-stays/:id/guardian-consents',
    { bodyLimit: BODY_LIMIT, config: { access: 'staff', may: 'shelters.terminate' }, schema: { tags, summary: 'Catat persetujuan orang tua/wali untuk data anak (UU 27/2022 Pasal 25) / Record a guardian\'s consent for a child\'s data', params: idParams, body: consentBody, response: { 201: z.object({ id: z.string(), givenAt: z.string() }), ...errors(401, 403, 404, 409, 422) } } },
    async (req, reply) => answer(reply, await recordGuardianConsent(ctx, officerOf(req).actor, req.params.id, req.body), 201),
  );

  app.get(
    '/api/v1/shelter-stays/:id/media/:mediaId',
    { config: { access: 'staff', may: 'shelters.sensitive' }, schema: { tags, summary: 'Foto/video klien (data pribadi spesifik; dicatat) / A client photo or video (logged)', params: z.object({ id: z.string().max(100), mediaId: z.string().max(100) }), response: errors(401, 403, 404) } },
    async (req, reply) => {
      const r = await showClientMedia(ctx, officerOf(req).actor, req.params.id, req.params.mediaId);
      if (!r.ok) return sendFailure(reply, r.error);
      return sendFile(reply.header('cache-control', 'no-store'), r.value.bytes, { type: r.value.mime, fileName: `klien-${req.params.mediaId}.${r.value.mime.split('/')[1]}`, inline: true });
    },
  );
}
