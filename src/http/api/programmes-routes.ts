/**
 * The programmes' JSON API (docs/PROGRAMMES.md): the office's programmes (public: they are part of
 * its published standard), and for staff a round's candidates, additions, field verification, the
 * berita acara and the SK. Thin: parse, call one use case, map the answer.
 */
import type { Permission } from '../../domain/staff/permissions.js';
import type { Ctx } from '../../usecases/context.js';
import { addCandidate } from '../../usecases/programmes/add-candidate.js';
import { drawApplications } from '../../usecases/programmes/draw-applications.js';
import { issueDecree } from '../../usecases/programmes/issue-decree.js';
import { issueReport } from '../../usecases/programmes/issue-report.js';
import { openRound } from '../../usecases/programmes/open-round.js';
import { listProgrammes } from '../../usecases/programmes/list-programmes.js';
import { showRound } from '../../usecases/programmes/read-candidates.js';
import { verifyCandidate } from '../../usecases/programmes/verify-candidate.js';
import { officerOf } from '../auth.js';
import type { ZodApp } from '../pages/plugin.js';
import { sendFailure } from '../reply.js';
import { z } from 'zod';
import { addCandidateBody, candidatesPage, drawBody, drawnApplicants, candidatesQuery, decreeBody, documentIssued, openRoundBody, programmeSummary, roundCandidateParams, roundOpened, verifyBody } from './programmes-schemas.js';
import { errors, idParams, slugParams } from './schemas.js';

const staff = (may: Permission) => ({ access: 'staff', may }) as const;
const tags = ['programmes'];

export function programmesRoutes(app: ZodApp, ctx: Ctx): void {
  app.get(
    '/api/v1/offices/:slug/programmes',
    { config: { access: 'public' }, schema: { tags, summary: 'Program bantuan kantor / The office’s assistance programmes', params: slugParams, response: { 200: z.array(programmeSummary), ...errors(404) } } },
    async (req, reply) => {
      const r = listProgrammes(ctx, req.params.slug);
      if (!r.ok) return sendFailure(reply, r.error);
      return r.value.map((p) => ({ slug: p.slug, name: p.name, unit: p.unit, categories: p.categories.map((c) => ({ key: c.key, name: c.name, amount: c.amount.value, every: c.every, count: c.count })) }));
    },
  );

  app.post(
    '/api/v1/programmes/:slug/rounds',
    { config: staff('programmes.manage'), schema: { tags, summary: 'Buka putaran program (dan tarik calon dari DTKS) / Open a programme round (and draw candidates from DTKS)', params: slugParams, body: openRoundBody, response: { 201: roundOpened, ...errors(403, 404, 409, 422) } } },
    async (req, reply) => {
      const r = await openRound(ctx, officerOf(req).actor, { programme: req.params.slug, ...req.body });
      return r.ok ? reply.code(201).send(r.value) : sendFailure(reply, r.error);
    },
  );

  app.get(
    '/api/v1/programmes/rounds/:id/candidates',
    { config: staff('programmes.read'), schema: { tags, summary: 'Calon penerima satu putaran (NIK tersamar; dicatat) / A round’s candidates (NIK masked; logged)', params: idParams, querystring: candidatesQuery, response: { 200: candidatesPage, ...errors(403, 404) } } },
    async (req, reply) => {
      const { page, ...filter } = req.query;
      const r = await showRound(ctx, officerOf(req).actor, req.params.id, filter, page);
      if (!r.ok) return sendFailure(reply, r.error);
      const { round, counts, candidates, more } = r.value;
      return {
        round: { id: round.id, programme: round.programme_slug, period: round.period, stage: round.stage, status: round.status, referenceDate: round.reference_date },
        counts,
        candidates: candidates.map((c) => ({ id: c.id, nik: c.nik, name: c.name, category: c.category, village: c.village, source: c.source, screening: c.screening, verification: c.verification, reason: c.reason, version: c.version })),
        more,
      };
    },
  );

  app.post(
    '/api/v1/programmes/rounds/:id/candidates',
    { config: staff('programmes.manage'), schema: { tags, summary: 'Tambah calon dari usulan desa/kelurahan atau permohonan / Add a candidate from a village proposal or an application', params: idParams, body: addCandidateBody, response: { 201: z.object({ id: z.string(), screening: z.string() }), ...errors(403, 404, 409, 413, 422) } } },
    async (req, reply) => {
      const r = await addCandidate(ctx, officerOf(req).actor, req.params.id, req.body);
      return r.ok ? reply.code(201).send(r.value) : sendFailure(reply, r.error);
    },
  );

  app.post(
    '/api/v1/programmes/rounds/:id/applicants',
    { config: staff('programmes.manage'), schema: { tags, summary: 'Tarik pemohon berkas layanan terkait sebagai calon / Draw the linked service’s applicants as candidates', params: idParams, body: drawBody, response: { 200: drawnApplicants, ...errors(403, 404, 409, 422) } } },
    async (req, reply) => {
      const r = await drawApplications(ctx, officerOf(req).actor, req.params.id, req.body);
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );

  app.post(
    '/api/v1/programmes/rounds/:id/candidates/:candidateId/verification',
    { config: staff('programmes.verify'), schema: { tags, summary: 'Catat hasil verifikasi lapangan / Record the field verification', params: roundCandidateParams, body: verifyBody, response: { 200: z.object({ version: z.number() }), ...errors(403, 404, 409, 422) } } },
    async (req, reply) => {
      const r = await verifyCandidate(ctx, officerOf(req).actor, req.params.id, req.params.candidateId, req.body);
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );

  app.post(
    '/api/v1/programmes/rounds/:id/berita-acara',
    { config: staff('programmes.report'), schema: { tags, summary: 'Terbitkan Berita Acara Tim Verifikasi dan Validasi / Issue the verification team’s report', params: idParams, response: { 201: documentIssued, ...errors(403, 404, 409) } } },
    async (req, reply) => {
      const r = await issueReport(ctx, officerOf(req).actor, req.params.id);
      return r.ok ? reply.code(201).send(r.value) : sendFailure(reply, r.error);
    },
  );

  app.post(
    '/api/v1/programmes/rounds/:id/decree',
    {
      config: staff('programmes.decree'),
      schema: {
        tags,
        summary: 'Tandatangani SK penerima / Sign the recipients’ decree',
        description: 'Recipients: those the berita acara found eligible, or the candidateIds given. Anyone a berita acara of the same programme and period marked ineligible → 422 sk-includes-ineligible naming them.',
        params: idParams,
        body: decreeBody,
        response: { 201: documentIssued, ...errors(403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const r = await issueDecree(ctx, officerOf(req).actor, req.params.id, req.body);
      return r.ok ? reply.code(201).send(r.value) : sendFailure(reply, r.error);
    },
  );
}
