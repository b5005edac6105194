/**
 * Data-subject requests (UU 27/2022 Pasal 32) over JSON: a person registers a request (proof: a
 * tracking code of their own case) or an officer does after seeing the KTP; the person reads its
 * status and downloads the export with number and code in a POST body; staff list, answer (the
 * export) and refuse. Thin: parse, call one use case, map its answer. Pages: pages/privacy-*.ts.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Outcome } from '../../domain/errors.js';
import { PUBLIC_ACTOR, type Ctx } from '../../usecases/context.js';
import { answerSubjectRequest } from '../../usecases/privacy/answer-subject-request.js';
import { downloadExportAsOfficer, downloadOwnExport, type ExportFile } from '../../usecases/privacy/download-subject-export.js';
import { listSubjectRequestsFor } from '../../usecases/privacy/list-subject-requests.js';
import { refuseSubjectRequest } from '../../usecases/privacy/refuse-subject-request.js';
import { registerSubjectRequest } from '../../usecases/privacy/register-subject-request.js';
import { showSubjectRequest } from '../../usecases/privacy/show-subject-request.js';
import { trackSubjectRequest } from '../../usecases/privacy/track-subject-request.js';
import { officerOf } from '../auth.js';
import type { ZodApp } from '../pages/plugin.js';
import { sendFailure, sendFile } from '../reply.js';
import { BODY_LIMIT, REQUEST_RATE, STATUS_RATE, downloadBody, exportFormat, refuseBody, registerBody, registered, requestKeyBody } from './privacy-schemas.js';
import { anyObject, errors, idParams } from './schemas.js';

const answer = <T>(reply: FastifyReply, r: Outcome<T>) => (r.ok ? r.value : sendFailure(reply, r.error));
const file = (reply: FastifyReply, r: Outcome<ExportFile>) => (r.ok ? sendFile(reply, r.value.body, r.value) : sendFailure(reply, r.error));

export function privacyRoutes(app: ZodApp, ctx: Ctx): void {
  const open = { access: 'public' } as const;
  const reader = { access: 'staff', may: 'privacy.read' } as const;
  const answerer = { access: 'staff', may: 'privacy.answer' } as const;
  const tags = ['privacy'];

  app.post(
    '/api/v1/privacy/requests',
    {
      bodyLimit: BODY_LIMIT,
      config: { ...open, rateLimit: REQUEST_RATE },
      schema: {
        tags,
        summary: 'Minta salinan data pribadi / Ask for a copy of personal data (UU 27/2022 Pasal 32)',
        description:
          'Publik: nik, name, contact dan trackingCode salah satu permohonan atau pengaduan sendiri; NIK dan kode yang tidak cocok ditolak sama persis dengan NIK yang tidak dikenal. Petugas: identityChecked=true setelah melihat KTP. Dijawab paling lambat 72 jam kalender.',
        body: registerBody,
        response: { 201: registered, ...errors(403, 404, 422) },
      },
    },
    async (req, reply) => {
      const r = await registerSubjectRequest(ctx, req.body, req.officer?.actor ?? PUBLIC_ACTOR);
      return r.ok ? reply.code(201).send(r.value) : sendFailure(reply, r.error);
    },
  );

  app.post(
    '/api/v1/privacy/requests/status',
    { bodyLimit: BODY_LIMIT, config: { ...open, rateLimit: STATUS_RATE }, schema: { tags, summary: 'Status permintaan (nomor + kode) / Request status (number + code)', body: requestKeyBody, response: { 200: anyObject, ...errors(404) } } },
    async (req, reply) => answer(reply, await trackSubjectRequest(ctx, req.body)),
  );

  app.post(
    '/api/v1/privacy/requests/export',
    { bodyLimit: BODY_LIMIT, config: { ...open, rateLimit: STATUS_RATE }, schema: { tags, summary: 'Unduh salinan data (nomor + kode) / Download the export (number + code)', body: downloadBody, response: { 404: errors(404)[404] } } },
    async (req, reply) => file(reply, await downloadOwnExport(ctx, req.body, req.body.format)),
  );

  app.get(
    '/api/v1/privacy/requests',
    { config: reader, schema: { tags, summary: 'Daftar permintaan kantor / The office requests (staff)', response: { 200: anyObject, ...errors(401) } } },
    async (req, reply) => answer(reply, await listSubjectRequestsFor(ctx, officerOf(req).actor)),
  );

  app.get(
    '/api/v1/privacy/requests/:id',
    { config: reader, schema: { tags, summary: 'Satu permintaan / One request (staff)', params: idParams, response: { 200: anyObject, ...errors(401, 404) } } },
    async (req, reply) => answer(reply, await showSubjectRequest(ctx, officerOf(req).actor, req.params.id)),
  );

  app.post(
    '/api/v1/privacy/requests/:id/answer',
    { bodyLimit: BODY_LIMIT, config: answerer, schema: { tags, summary: 'Jawab: buat salinan data / Answer: produce the export (head of office, admin)', params: idParams, response: { 200: anyObject, ...errors(401, 403, 404, 409) } } },
    async (req, reply) => answer(reply, await answerSubjectRequest(ctx, officerOf(req).actor, req.params.id)),
  );

  app.post(
    '/api/v1/privacy/requests/:id/refuse',
    { bodyLimit: BODY_LIMIT, config: answerer, schema: { tags, summary: 'Tolak dengan alasan / Refuse with a reason (head of office, admin)', params: idParams, body: refuseBody, response: { 200: anyObject, ...errors(401, 403, 404, 409, 422) } } },
    async (req, reply) => answer(reply, await refuseSubjectRequest(ctx, officerOf(req).actor, req.params.id, req.body.reason)),
  );

  app.get(
    '/api/v1/privacy/requests/:id/export',
    { config: answerer, schema: { tags, summary: 'Salinan data yang diserahkan / The export handed over (staff)', params: idParams, querystring: z.object({ format: exportFormat.default('json') }), response: { 401: errors(401)[401], 403: errors(403)[403], 404: errors(404)[404] } } },
    async (req, reply) => file(reply, await downloadExportAsOfficer(ctx, officerOf(req).actor, req.params.id, req.query.format)),
  );
}
