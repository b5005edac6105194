/** Applications, tasks, uploads and tracking over JSON: thin routes over the applications use cases. */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { failWith } from '../../domain/errors.js';
import { readCaseTimeline } from '../../usecases/applications/case-timeline.js';
import { claimTask } from '../../usecases/applications/claim-task.js';
import { completeTask } from '../../usecases/applications/complete-task.js';
import { findTrackedCase } from '../../usecases/applications/find-tracked-case.js';
import { publicStatus } from '../../usecases/applications/public-status.js';
import { resubmitFile } from '../../usecases/applications/resubmit-file.js';
import { fileTooLarge, storeUpload } from '../../usecases/applications/store-upload.js';
import { submitApplication } from '../../usecases/applications/submit-application.js';
import { taskQueue } from '../../usecases/applications/task-queue.js';
import { withdrawApplication } from '../../usecases/applications/withdraw-application.js';
import type { Ctx } from '../../usecases/context.js';
import { actorOf, officerOf } from '../auth.js';
import type { ZodApp } from '../pages/plugin.js';
import { sendFailure, wholeFile } from '../reply.js';
import { applicantActionBody, caseMoved, completeBody, publicStatusSchema, queueItem, stepDone, submitBody, submitted, timelineEntry } from './applications-schemas.js';
import { queueQuery } from './applications-search-schemas.js';
import { errors, idParams } from './schemas.js';

const numberParams = z.object({ registrationNumber: z.string().max(40) });
const notTracked = () => failWith('not-found', 'application-not-found', 'Nomor registrasi atau kode pelacakan tidak cocok', 'Registration number or tracking code does not match');

export function applicationsRoutes(app: ZodApp, ctx: Ctx): void {
  app.post(
    '/api/v1/applications',
    {
      config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['applications'],
        summary: 'Ajukan permohonan / Submit an application',
        headers: z.looseObject({ 'idempotency-key': z.string().optional() }),
        body: submitBody,
        response: { 201: submitted, ...errors(404, 422) },
      },
    },
    async (req, reply) => {
      const r = await submitApplication(ctx, { ...req.body, idempotencyKey: req.headers['idempotency-key'] }, actorOf(req));
      if (!r.ok) return sendFailure(reply, r.error);
      const { replayed: _replayed, ...value } = r.value;
      return reply.code(201).send(value);
    },
  );

  const trackedStatus = async (reply: FastifyReply, number: string, code: string) => {
    const found = await findTrackedCase(ctx, number, code);
    if (!found) return sendFailure(reply, notTracked().error);
    return publicStatus(ctx, found);
  };
  app.get(
    '/api/v1/applications/:registrationNumber/status',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags: ['applications'], summary: 'Lacak permohonan (lama: kode di URL; pakai POST) / Track an application (legacy: the code in the URL; use POST)', params: numberParams, querystring: z.object({ code: z.string().max(20) }), response: { 200: publicStatusSchema, ...errors(404) } },
    },
    async (req, reply) => trackedStatus(reply, req.params.registrationNumber, req.query.code),
  );
  // The same with the code in the body, so it stays out of URLs (logs, history, Referer).
  app.post(
    '/api/v1/applications/:registrationNumber/status',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags: ['applications'], summary: 'Lacak permohonan (kode di badan permintaan) / Track an application (the code in the body)', params: numberParams, body: z.object({ code: z.string().max(20) }), response: { 200: publicStatusSchema, ...errors(404) } },
    },
    async (req, reply) => trackedStatus(reply, req.params.registrationNumber, req.body.code),
  );

  // The applicant's own actions on a case, authorised by its tracking code.
  for (const [path, summary, act] of [
    ['resubmit', 'Kirim ulang berkas yang sudah dilengkapi / Resubmit a completed file', resubmitFile],
    ['withdraw', 'Batalkan permohonan / Withdraw an application', withdrawApplication],
  ] as const)
    app.post(
      `/api/v1/applications/:registrationNumber/${path}`,
      {
        config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: { tags: ['applications'], summary, params: numberParams, body: applicantActionBody, response: { 200: caseMoved, ...errors(404, 409) } },
      },
      async (req, reply) => {
        const found = await findTrackedCase(ctx, req.params.registrationNumber, req.body.code);
        if (!found) return sendFailure(reply, notTracked().error);
        const r = await act(ctx, found, { id: null, name: 'Pemohon', roles: [], officeId: null }, path === 'resubmit' ? req.body.note : req.body.reason);
        if (!r.ok) return sendFailure(reply, r.error);
        return r.value;
      },
    );

  app.get(
    '/api/v1/tasks',
    {
      config: { access: 'staff', may: 'self.read' },
      schema: {
        tags: ['tasks'],
        summary: 'Antrean tugas saya / My task queue',
        querystring: queueQuery,
        response: { 200: z.array(queueItem) },
      },
    },
    async (req) => (await taskQueue(ctx, officerOf(req).user, req.query)).items,
  );

  app.post(
    '/api/v1/tasks/:id/complete',
    {
      config: { access: 'staff', may: 'applications.act' },
      schema: {
        tags: ['tasks'],
        summary: 'Selesaikan tugas / Complete a task',
        description:
          'A signing step (kind sign) with letters to sign needs the signer\'s own password in data.password and signs them (422 password-required / password-wrong / account-locked otherwise). A move into a handover (deliver) or a completion while a letter is unsigned answers status waiting-signature: the case moves on when the letter is signed.',
        params: idParams,
        body: completeBody,
        response: { 200: stepDone, ...errors(403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const r = await completeTask(ctx, { taskId: req.params.id, ...req.body }, officerOf(req).actor);
      if (!r.ok) return sendFailure(reply, r.error);
      return r.value;
    },
  );

  for (const [path, release] of [
    ['claim', false],
    ['release', true],
  ] as const)
    app.post(
      `/api/v1/tasks/:id/${path}`,
      {
        config: { access: 'staff', may: 'applications.act' },
        schema: {
          tags: ['tasks'],
          summary: release ? 'Lepaskan tugas / Release a task' : 'Ambil tugas / Claim a task',
          params: idParams,
          response: { 200: z.object({ claimedBy: z.string().nullable() }), ...errors(403, 404, 409) },
        },
      },
      async (req, reply) => {
        const r = await claimTask(ctx, req.params.id, officerOf(req).actor, release);
        if (!r.ok) return sendFailure(reply, r.error);
        return r.value;
      },
    );

  app.get(
    '/api/v1/applications/:id/timeline',
    { config: { access: 'staff', may: 'applications.read' }, schema: { tags: ['applications'], summary: 'Riwayat permohonan (petugas) / Case timeline (staff)', params: idParams, response: { 200: z.array(timelineEntry), ...errors(404) } } },
    async (req, reply) => {
      const { user, actor } = officerOf(req);
      const r = await readCaseTimeline(ctx, { ...actor, officeId: user.officeId }, req.params.id);
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );

  app.post(
    '/api/v1/uploads',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['applications'],
        summary: 'Unggah dokumen persyaratan (PDF, JPEG, PNG, WebP; maks. 10 MB) / Upload a requirement document',
        consumes: ['multipart/form-data'],
        response: { 201: z.object({ id: z.string(), sha256: z.string(), mime: z.string(), size: z.number().int() }), ...errors(413, 415, 422) },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) return sendFailure(reply, failWith('unsupported', 'multipart-required', 'Kirim berkas sebagai multipart/form-data', 'Send the file as multipart/form-data').error);
      const file = await req.file().catch(() => undefined);
      if (file === undefined) return sendFailure(reply, failWith('invalid', 'upload-invalid', 'Unggahan tidak dapat dibaca', 'The upload could not be read').error);
      if (!file) return sendFailure(reply, failWith('invalid', 'file-required', 'Tidak ada berkas yang diunggah', 'No file was uploaded').error);
      const buf = await wholeFile(file);
      if (!buf) return sendFailure(reply, fileTooLarge().error);
      // An anonymous sender is bounded by their real client address (TRUST_PROXY decides req.ip); staff are not.
      const r = await storeUpload(ctx, buf, file.filename, req.officer ? null : { address: req.ip });
      if (!r.ok) return sendFailure(reply, r.error);
      return reply.code(201).send(r.value);
    },
  );
}
