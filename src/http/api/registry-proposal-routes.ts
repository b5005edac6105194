/** The registry's proposals in the JSON API (usulan DTKS/DTSEN, PBI-JK): list, one with its history, record by hand, record a stage. */
import { z } from 'zod';
import type { Ctx } from '../../usecases/context.js';
import { createProposal } from '../../usecases/registry/create-proposal.js';
import { listOfficeProposals } from '../../usecases/registry/list-proposals.js';
import { viewProposal } from '../../usecases/registry/proposal-view.js';
import { recordProposalStage } from '../../usecases/registry/record-proposal-stage.js';
import { showProposal } from '../../usecases/registry/show-proposal.js';
import { officerOf } from '../auth.js';
import type { ZodApp } from '../pages/plugin.js';
import { sendFailure } from '../reply.js';
import { newProposalBody, proposalEventSchema, proposalSchema, proposalsQuery, proposalStageBody } from './registry-schemas.js';
import { errors, idParams } from './schemas.js';

const staff = { access: 'staff' } as const;
const tags = ['registry'];

export function registryProposalRoutes(app: ZodApp, ctx: Ctx): void {
  app.get(
    '/api/v1/registry/proposals',
    { config: staff, schema: { tags, summary: 'Usulan DTKS/DTSEN dan PBI-JK / Registry proposals', querystring: proposalsQuery, response: { 200: z.array(proposalSchema), ...errors(401, 403) } } },
    async (req, reply) => {
      const r = await listOfficeProposals(ctx, officerOf(req).actor, { stage: req.query.stage, limit: req.query.limit ?? 200 });
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );

  app.get(
    '/api/v1/registry/proposals/:id',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Satu usulan dan riwayatnya / One proposal and its history',
        params: idParams,
        response: { 200: proposalSchema.extend({ events: z.array(proposalEventSchema) }), ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const r = await showProposal(ctx, officerOf(req).actor, req.params.id);
      if (!r.ok) return sendFailure(reply, r.error);
      return { ...r.value.proposal, events: r.value.events.map((e) => ({ type: e.type, stage: e.stage, actor: e.actorName, note: e.note, data: e.data, at: e.at })) };
    },
  );

  app.post(
    '/api/v1/registry/proposals',
    { config: staff, schema: { tags, summary: 'Catat usulan baru (manual) / Record a new proposal by hand', body: newProposalBody, response: { 201: proposalSchema, ...errors(401, 403, 422) } } },
    async (req, reply) => {
      const r = await createProposal(ctx, officerOf(req).actor, req.body);
      if (!r.ok) return sendFailure(reply, r.error);
      return reply.code(201).send(viewProposal(r.value, 'full'));
    },
  );

  app.post(
    '/api/v1/registry/proposals/:id/stage',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Catat tahap usulan (survei, finalisasi SIKS-NG dengan nomor, keputusan kementerian) / Record a proposal stage',
        params: idParams,
        body: proposalStageBody,
        response: { 200: proposalSchema, ...errors(401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const r = await recordProposalStage(ctx, officerOf(req).actor, req.params.id, req.body);
      return r.ok ? viewProposal(r.value, 'full') : sendFailure(reply, r.error);
    },
  );
}
