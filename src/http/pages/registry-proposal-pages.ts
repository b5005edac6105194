/** The registry's proposal pages: the list with the walk-in form, one proposal with its stage form. */
import { z } from 'zod';
import { canRecordProposal } from '../../domain/registry/access.js';
import { STAGES } from '../../domain/registry/proposals.js';
import type { Ctx } from '../../usecases/context.js';
import { createProposal } from '../../usecases/registry/create-proposal.js';
import { listOfficeProposals } from '../../usecases/registry/list-proposals.js';
import { recordProposalStage } from '../../usecases/registry/record-proposal-stage.js';
import { showProposal } from '../../usecases/registry/show-proposal.js';
import { newProposalBody, proposalStageBody } from '../api/registry-schemas.js';
import { idParams } from '../api/schemas.js';
import { officerOf } from '../auth.js';
import { L } from '../i18n.js';
import { formFields, sendHtml, zodProblems } from '../reply.js';
import { withLang } from './layout.js';
import type { ZodApp } from './plugin.js';
import { backWithError, errorQuery, frameOf } from './registry-frame.js';
import { proposalPage, proposalsPage } from './registry-proposal-views.js';
import { forbiddenPage, missingPage } from './registry-views.js';

/** "All stages" is the filter's blank choice. */
const listQuery = errorQuery.extend({ tahap: z.union([z.enum(STAGES), z.literal('')]).optional() });

export function registerProposalPages(app: ZodApp, ctx: Ctx): void {
  app.get('/petugas/registri/usulan', { config: { may: 'registry.lookup' }, schema: { querystring: listQuery } }, async (req, reply) => {
    const f = frameOf(req, ctx);
    const stage = req.query.tahap || undefined;
    const r = await listOfficeProposals(ctx, officerOf(req).actor, { stage, limit: 300 });
    if (!r.ok) return sendHtml(reply, forbiddenPage(f, '/petugas/registri/usulan'), 403);
    return sendHtml(reply, proposalsPage(f, { proposals: r.value, stage, canRecord: canRecordProposal(f.roles), error: req.query.error }));
  });

  app.post('/petugas/registri/usulan', { config: { may: 'registry.propose' } }, async (req, reply) => {
    const fields = formFields(req.body);
    const form = newProposalBody.safeParse({ nik: fields.nik ?? '', kk: fields.kk, name: fields.name ?? '', kind: fields.kind || undefined, note: fields.note });
    if (!form.success) return backWithError(reply, req.lang, '/petugas/registri/usulan', zodProblems(form.error));
    const r = await createProposal(ctx, officerOf(req).actor, form.data);
    if (!r.ok) return backWithError(reply, req.lang, '/petugas/registri/usulan', r.error.problems);
    return reply.redirect(withLang(`/petugas/registri/usulan/${r.value.id}`, req.lang), 303);
  });

  app.get('/petugas/registri/usulan/:id', { config: { may: 'registry.lookup' }, schema: { params: idParams, querystring: errorQuery } }, async (req, reply) => {
    const f = frameOf(req, ctx);
    const r = await showProposal(ctx, officerOf(req).actor, req.params.id);
    if (r.ok) return sendHtml(reply, proposalPage(f, r.value, req.query.error));
    if (r.error.kind === 'forbidden') return sendHtml(reply, forbiddenPage(f, '/petugas/registri/usulan'), 403);
    return sendHtml(reply, missingPage(f, L(req.lang, 'Usulan tidak ditemukan', 'Proposal not found'), '/petugas/registri/usulan'), 404);
  });

  app.post('/petugas/registri/usulan/:id', { config: { may: 'registry.propose' }, schema: { params: idParams } }, async (req, reply) => {
    const { id } = req.params;
    const back = `/petugas/registri/usulan/${id}`;
    const fields = formFields(req.body);
    const form = proposalStageBody.safeParse({ stage: fields.stage ?? '', siksngReference: fields.siksngReference, ministryReference: fields.ministryReference, note: fields.note, version: Number(fields.version) });
    if (!form.success) return backWithError(reply, req.lang, back, zodProblems(form.error));
    const r = await recordProposalStage(ctx, officerOf(req).actor, id, form.data);
    if (!r.ok) return backWithError(reply, req.lang, back, r.error.problems);
    return reply.redirect(withLang(back, req.lang), 303);
  });
}
