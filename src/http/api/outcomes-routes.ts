/**
 * The chain's outcomes over JSON: a referral to a hospital, pemulangan or identity documents, from an
 * emergency report or a shelter stay. Thin: each route parses, calls the one use case and maps its answer.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OutcomeInput } from '../../domain/outcomes/index.js';
import { recordOutcome, type OutcomeTarget } from '../../usecases/outcomes/record-outcome.js';
import type { Ctx } from '../../usecases/context.js';
import { officerOf } from '../auth.js';
import type { ZodApp } from '../pages/plugin.js';
import { sendFailure } from '../reply.js';
import { errors } from './schemas.js';
import { BODY_LIMIT, outcomeBody, outcomeRecorded, reportParams, stayParams } from './outcomes-schemas.js';

const tags = ['emergencies', 'shelters'];
const config = { access: 'staff' as const, may: 'outcomes.record' as const };
const response = { 201: outcomeRecorded, ...errors(401, 403, 404, 409, 422) };

export function outcomeRoutes(app: ZodApp, ctx: Ctx): void {
  const answer = async (req: FastifyRequest, reply: FastifyReply, target: OutcomeTarget, body: OutcomeInput) => {
    const r = await recordOutcome(ctx, officerOf(req).actor, target, body);
    return r.ok ? reply.code(201).send(r.value) : sendFailure(reply, r.error);
  };
  app.post(
    '/api/v1/emergencies/:registrationNumber/outcomes',
    { bodyLimit: BODY_LIMIT, config, schema: { tags, summary: 'Hasil penanganan laporan darurat (rumah sakit, pemulangan, dokumen kependudukan) / Outcome of an emergency report', params: reportParams, body: outcomeBody, response } },
    async (req, reply) => answer(req, reply, { report: req.params.registrationNumber }, req.body),
  );
  app.post(
    '/api/v1/shelter-stays/:id/outcomes',
    { bodyLimit: BODY_LIMIT, config, schema: { tags, summary: 'Hasil penanganan klien rumah singgah / Outcome of a shelter stay', params: stayParams, body: outcomeBody, response } },
    async (req, reply) => answer(req, reply, { stay: req.params.id }, req.body),
  );
}
