/** Applications, tasks, tracking and the calendar: thin routes over the use cases. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { findApplication, queue } from '../../db/applications-repo.js';
import { SLA_UNITS } from '../../domain/standards/schema.js';
import { findTracked, publicStatus, resubmitFile, withdraw } from '../../usecases/case-actions.js';
import { serviceOfCase } from '../../usecases/case-service.js';
import { claimTask, completeTask } from '../../usecases/complete-task.js';
import { addClosure } from '../../usecases/office-closures.js';
import type { Ctx } from '../../usecases/context.js';
import { submitApplication, type SubmitInput } from '../../usecases/submit-application.js';
import { timelineOf } from '../../usecases/timeline.js';
import { actorOf, requireStaffApi } from '../auth.js';
import { errorSchema, sendError } from '../errors.js';

const problemsReply = (reply: FastifyReply, status: number, problems: { code: string; message: string; messageEn: string; field?: string }[]) =>
  reply.code(status).send({
    error: {
      code: status === 422 ? 'invalid' : problems[0]?.code ?? 'error',
      message: status === 422 ? `${problems.length} isian perlu diperbaiki` : problems[0]?.message ?? 'Kesalahan',
      messageEn: status === 422 ? `${problems.length} field(s) need fixing` : problems[0]?.messageEn ?? 'Error',
      problems,
    },
  });

const APPLICANT = { id: null, name: 'Pemohon', roles: [], officeId: null };

export function applicationRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.post(
    '/api/v1/applications',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['applications'],
        summary: 'Ajukan permohonan / Submit an application',
        headers: { type: 'object', properties: { 'idempotency-key': { type: 'string' } } },
        body: {
          type: 'object',
          required: ['office', 'service', 'applicant'],
          properties: {
            office: { type: 'string' },
            service: { type: 'string' },
            initiator: { type: 'string', enum: ['citizen', 'official', 'institution', 'office', 'collective'] },
            channel: { type: 'string' },
            applicant: { type: 'object', additionalProperties: true },
            reporter: { type: 'object', additionalProperties: true },
            answers: { type: 'object', additionalProperties: true },
            attachments: { type: 'array', items: { type: 'object', properties: { requirement: { type: 'string' }, upload: { type: 'string' }, shown: { type: 'boolean' } }, required: ['requirement'] } },
          },
        },
        response: {
          201: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              registrationNumber: { type: 'string' },
              trackingCode: { type: 'string' },
              status: { type: 'string' },
              dueAt: { type: ['string', 'null'] },
              dueAtLocal: { type: ['string', 'null'] },
            },
          },
          422: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (req, reply) => {
      const body = req.body as SubmitInput;
      const key = req.headers['idempotency-key'] as string | undefined;
      if (req.staff && !requireStaffApi(req, reply)) return reply;
      const r = await submitApplication(ctx, { ...body, idempotencyKey: key }, actorOf(req, ctx));
      if (!r.ok) return problemsReply(reply, r.status, r.problems);
      const { replayed: _r, ...value } = r.value;
      return reply.code(201).send(value);
    },
  );

  app.get(
    '/api/v1/applications/:registrationNumber/status',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['applications'],
        summary: 'Lacak permohonan / Track an application',
        params: { type: 'object', properties: { registrationNumber: { type: 'string' } }, required: ['registrationNumber'] },
        querystring: { type: 'object', properties: { code: { type: 'string' } }, required: ['code'] },
        response: { 404: errorSchema },
      },
    },
    async (req, reply) => {
      const { registrationNumber } = req.params as { registrationNumber: string };
      const { code } = req.query as { code: string };
      const found = await findTracked(ctx, registrationNumber, code);
      if (!found) return sendError(reply, 404, 'application-not-found', 'Nomor registrasi atau kode pelacakan tidak cocok', 'Registration number or tracking code does not match');
      return publicStatus(ctx, found);
    },
  );

  // The applicant's own actions on a case, authorised by its tracking code.
  for (const [path, summary, act] of [
    ['resubmit', 'Kirim ulang berkas yang sudah dilengkapi / Resubmit a completed file', (found: Parameters<typeof resubmitFile>[1], body: { note?: string; reason?: string }) => resubmitFile(ctx, found, APPLICANT, body.note)],
    ['withdraw', 'Batalkan permohonan / Withdraw an application', (found: Parameters<typeof withdraw>[1], body: { note?: string; reason?: string }) => withdraw(ctx, found, APPLICANT, body.reason)],
  ] as const)
    app.post(`/api/v1/applications/:registrationNumber/${path}`, { config: { rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { tags: ['applications'], summary } }, async (req, reply) => {
      const { registrationNumber } = req.params as { registrationNumber: string };
      const body = (req.body ?? {}) as { code?: string; note?: string; reason?: string };
      const found = await findTracked(ctx, registrationNumber, body.code ?? '');
      if (!found) return sendError(reply, 404, 'application-not-found', 'Nomor registrasi atau kode pelacakan tidak cocok', 'Registration number or tracking code does not match');
      const r = await act(found, body);
      if (!r.ok) return problemsReply(reply, r.status, r.problems);
      return r.value;
    });

  app.get(
    '/api/v1/tasks',
    { schema: { tags: ['tasks'], summary: 'Antrean tugas saya / My task queue', querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 500 }, offset: { type: 'integer', minimum: 0 } } } } },
    async (req, reply) => {
      if (!requireStaffApi(req, reply)) return reply;
      const { limit = 100, offset = 0 } = req.query as { limit?: number; offset?: number };
      const rows = await queue(ctx.database.db, req.staff!.officeId, req.staff!.roles, { limit, offset });
      const office = ctx.catalogue.list().find((o) => o.id === req.staff!.officeId)!;
      const out = [];
      for (const r of rows) {
        const svc = await serviceOfCase(ctx, r.service_version_id);
        const step = svc.procedure!.steps.find((s) => s.id === r.step_id)!;
        out.push({
          id: r.task_id,
          applicationId: r.application_id,
          registrationNumber: r.registration_number,
          service: { slug: svc.slug, title: svc.title },
          step: { id: step.id, label: step.label, kind: step.kind },
          outcomes: step.outcomes.map((o) => ({ id: o.id, label: o.label, kind: o.kind })),
          dueAt: r.due_at,
          dueAtLocal: r.due_at ? ctx.clock.local(office.office, r.due_at) : null,
          slaState: r.sla_state,
          applicantName: r.applicant_name,
          version: r.version,
        });
      }
      return out;
    },
  );

  app.post(
    '/api/v1/tasks/:id/complete',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Selesaikan tugas / Complete a task',
        params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
        body: {
          type: 'object',
          required: ['outcome', 'version'],
          properties: { outcome: { type: 'string' }, note: { type: 'string', maxLength: 4000 }, data: { type: 'object', additionalProperties: true }, version: { type: 'integer' } },
        },
        response: { 404: errorSchema, 409: errorSchema, 422: errorSchema, 403: errorSchema },
      },
    },
    async (req, reply) => {
      if (!requireStaffApi(req, reply)) return reply;
      const { id } = req.params as { id: string };
      const body = req.body as { outcome: string; note?: string; data?: Record<string, unknown>; version: number };
      const r = await completeTask(ctx, { taskId: id, ...body }, actorOf(req, ctx));
      if (!r.ok) return problemsReply(reply, r.status, r.problems);
      return r.value;
    },
  );

  for (const [path, release] of [
    ['claim', false],
    ['release', true],
  ] as const)
    app.post(
      `/api/v1/tasks/:id/${path}`,
      { schema: { tags: ['tasks'], summary: release ? 'Lepaskan tugas / Release a task' : 'Ambil tugas / Claim a task', params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] }, response: { 403: errorSchema, 404: errorSchema, 409: errorSchema } } },
      async (req, reply) => {
        if (!requireStaffApi(req, reply)) return reply;
        const r = await claimTask(ctx, (req.params as { id: string }).id, actorOf(req, ctx), release);
        if (!r.ok) return problemsReply(reply, r.status, r.problems);
        return { claimedBy: r.claimedBy };
      },
    );

  app.get(
    '/api/v1/applications/:id/timeline',
    { schema: { tags: ['applications'], summary: 'Riwayat permohonan (petugas) / Case timeline (staff)', params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } } },
    async (req, reply) => {
      if (!requireStaffApi(req, reply)) return reply;
      const { id } = req.params as { id: string };
      const app = await findApplication(ctx.database.db, req.staff!.officeId, id);
      if (!app) return sendError(reply, 404, 'application-not-found', 'Permohonan tidak ditemukan', 'Application not found');
      return timelineOf(ctx, app);
    },
  );

  app.post(
    '/api/v1/offices/:slug/closures',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Tambah hari tutup kantor (admin) / Add an office closure (admin)',
        params: { type: 'object', properties: { slug: { type: 'string' } }, required: ['slug'] },
        body: { type: 'object', required: ['date', 'reason'], properties: { date: { type: 'string' }, reason: { type: 'string' } } },
        response: { 201: { type: 'object', properties: { ok: { type: 'boolean' } } }, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      if (!requireStaffApi(req, reply)) return reply;
      const { slug } = req.params as { slug: string };
      const office = ctx.catalogue.office(slug);
      if (!office || office.id !== req.staff!.officeId) return sendError(reply, 404, 'office-not-found', `Kantor "${slug}" tidak ditemukan`, `Office "${slug}" not found`);
      const r = await addClosure(ctx, actorOf(req, ctx), req.body as { date: string; reason: string });
      if (!r.ok) return sendError(reply, r.status, r.error.code, r.error.message, r.error.messageEn);
      return reply.code(201).send({ ok: true });
    },
  );

  app.get(
    '/api/v1/offices/:slug/calendar/due',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Hitung batas waktu / Compute a due time',
        params: { type: 'object', properties: { slug: { type: 'string' } }, required: ['slug'] },
        querystring: {
          type: 'object',
          required: ['start', 'value', 'unit'],
          properties: { start: { type: 'string' }, value: { type: 'number', exclusiveMinimum: 0 }, unit: { type: 'string', enum: [...SLA_UNITS] }, service: { type: 'string' } },
        },
        response: {
          200: { type: 'object', properties: { dueAt: { type: 'string' }, dueAtLocal: { type: 'string' }, timezone: { type: 'string' }, warnings: { type: 'array', items: { type: 'object', additionalProperties: true } } } },
          404: errorSchema,
          422: errorSchema,
        },
      },
    },
    async (req, reply) => {
      const { slug } = req.params as { slug: string };
      const q = req.query as { start: string; value: number; unit: (typeof SLA_UNITS)[number]; service?: string };
      const office = ctx.catalogue.office(slug);
      if (!office) return sendError(reply, 404, 'office-not-found', `Kantor "${slug}" tidak ditemukan`, `Office "${slug}" not found`);
      const svc = q.service ? ctx.catalogue.service(slug, q.service)?.service.service : undefined;
      if (q.service && !svc) return sendError(reply, 404, 'service-not-found', `Layanan "${q.service}" tidak ditemukan`, `Service "${q.service}" not found`);
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(q.start))
        return sendError(reply, 422, 'start-invalid', 'start harus instan ISO 8601 dengan zona waktu, mis. 2026-03-20T09:00:00+07:00', 'start must be an ISO 8601 instant with an offset, e.g. 2026-03-20T09:00:00+07:00');
      try {
        const r = ctx.clock.dueFor(office.office, svc, q.start, q.value, q.unit);
        return { dueAt: r.dueAt, dueAtLocal: r.dueAtLocal, timezone: office.office.timezone, warnings: r.warnings };
      } catch (e) {
        return sendError(reply, 422, 'start-invalid', `Waktu mulai tidak sah: ${(e as Error).message}`, `Invalid start: ${(e as Error).message}`);
      }
    },
  );
}
