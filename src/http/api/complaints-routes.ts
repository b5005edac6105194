/**
 * Complaints (pengaduan) over JSON: filing (the public without an account, or staff from any
 * channel), tracking by receipt number and code, the office's set-up and published summaries,
 * and the staff's list, detail and actions. Thin: each route parses, calls one use case and maps
 * its answer. The pages are in pages/complaints-pages.ts and pages/complaints-staff-pages.ts.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Outcome } from '../../domain/errors.js';
import { PUBLIC_ACTOR, type Ctx } from '../../usecases/context.js';
import { addComplaintInformation } from '../../usecases/complaints/add-complaint-information.js';
import { addComplaintNote } from '../../usecases/complaints/add-complaint-note.js';
import { describeComplaintSetup } from '../../usecases/complaints/describe-complaint-setup.js';
import { fileComplaint } from '../../usecases/complaints/file-complaint.js';
import { giveComplaintFeedback } from '../../usecases/complaints/give-complaint-feedback.js';
import { listComplaintNotifications } from '../../usecases/complaints/list-complaint-notifications.js';
import { listComplaints } from '../../usecases/complaints/list-complaints.js';
import { listPublishedSummaries } from '../../usecases/complaints/list-published-summaries.js';
import { publishComplaintSummary } from '../../usecases/complaints/publish-complaint-summary.js';
import { showComplaint } from '../../usecases/complaints/show-complaint.js';
import { showTrackedComplaint } from '../../usecases/complaints/show-tracked-complaint.js';
import { transitionComplaint } from '../../usecases/complaints/transition-complaint.js';
import { officerOf } from '../auth.js';
import type { ZodApp } from '../pages/plugin.js';
import { sendFailure } from '../reply.js';
import {
  BODY_LIMIT,
  COMPLAINT_RATE,
  TRACK_RATE,
  feedbackBody,
  fileComplaintBody,
  informationBody,
  listQuery,
  noteBody,
  receiptParams,
  summaryBody,
  trackQuery,
  transitionBody,
} from './complaints-schemas.js';
import { anyObject, errors, idParams, slugParams } from './schemas.js';

const filed = z.object({ receiptNumber: z.string(), trackingCode: z.string(), dueAt: z.string(), dueAtLocal: z.string() });
const tracked = z.object({ status: z.string(), stage: z.string(), version: z.number().int() });
const worked = z.object({ id: z.string(), stage: z.string(), status: z.string(), slaState: z.string(), dueAt: z.string(), version: z.number().int() });

/** A use case's value as the 200 answer, or its failure. */
const answer = <T>(reply: FastifyReply, r: Outcome<T>) => (r.ok ? r.value : sendFailure(reply, r.error));

export function complaintsRoutes(app: ZodApp, ctx: Ctx): void {
  const open = { access: 'public' } as const;
  const staff = { access: 'staff', may: 'complaints.read' } as const;
  const tags = ['complaints'];
  // What every staff action on one complaint shares: its body limit, its access, its answers.
  const action = { bodyLimit: BODY_LIMIT, config: { access: 'staff', may: 'complaints.handle' } } as const;
  const actionAnswers = { 200: worked, ...errors(401, 403, 404, 409, 422) };

  app.post(
    '/api/v1/complaints',
    {
      bodyLimit: BODY_LIMIT,
      config: { ...open, rateLimit: COMPLAINT_RATE },
      schema: {
        tags,
        summary: 'Sampaikan pengaduan / File a complaint (public without account, or staff from any channel)',
        description:
          'Publik: channel "website" (bawaan). Petugas (token/cookie): saluran yang ditetapkan keputusan kantor, "website" dan "lapor" (wajib externalRef = nomor pelacakan LAPOR!). mode: named | anonymous (tanpa identitas; complainant tidak boleh dikirim) | confidential. Idempotency-Key membuat kiriman ulang mengembalikan pengaduan yang sama.',
        // Loose: the other headers (cookies, authorization) stay on the request.
        headers: z.looseObject({ 'idempotency-key': z.string().optional() }),
        body: fileComplaintBody,
        response: { 201: filed, ...errors(404, 422) },
      },
    },
    async (req, reply) => {
      const r = await fileComplaint(ctx, { ...req.body, idempotencyKey: req.headers['idempotency-key'] }, req.officer?.actor ?? PUBLIC_ACTOR);
      if (!r.ok) return sendFailure(reply, r.error);
      const { receiptNumber, trackingCode, dueAt, dueAtLocal } = r.value;
      return reply.code(201).send({ receiptNumber, trackingCode, dueAt, dueAtLocal });
    },
  );

  app.get(
    '/api/v1/complaints/:receiptNumber/status',
    {
      config: { ...open, rateLimit: TRACK_RATE },
      schema: { tags, summary: 'Lacak pengaduan (lama: kode di URL; pakai POST) / Track a complaint (legacy: the code in the URL; use POST; no identity is ever shown)', params: receiptParams, querystring: trackQuery, response: { 200: anyObject, ...errors(404) } },
    },
    async (req, reply) => answer(reply, await showTrackedComplaint(ctx, { receipt: req.params.receiptNumber, code: req.query.code })),
  );

  // The same with the code in the body, so it stays out of URLs (logs, history, Referer).
  app.post(
    '/api/v1/complaints/:receiptNumber/status',
    {
      config: { ...open, rateLimit: TRACK_RATE },
      schema: { tags, summary: 'Lacak pengaduan (kode di badan permintaan) / Track a complaint (the code in the body)', params: receiptParams, body: trackQuery, response: { 200: anyObject, ...errors(404) } },
    },
    async (req, reply) => answer(reply, await showTrackedComplaint(ctx, { receipt: req.params.receiptNumber, code: req.body.code })),
  );

  app.post(
    '/api/v1/complaints/:receiptNumber/information',
    {
      bodyLimit: BODY_LIMIT,
      config: { ...open, rateLimit: COMPLAINT_RATE },
      schema: { tags, summary: 'Tambah informasi (pelapor) / Add information (complainant)', params: receiptParams, body: informationBody, response: { 200: tracked, ...errors(404, 409, 422) } },
    },
    async (req, reply) => answer(reply, await addComplaintInformation(ctx, { receipt: req.params.receiptNumber, code: req.body.code }, req.body.text)),
  );

  app.post(
    '/api/v1/complaints/:receiptNumber/feedback',
    {
      bodyLimit: BODY_LIMIT,
      config: { ...open, rateLimit: COMPLAINT_RATE },
      schema: {
        tags,
        summary: 'Apakah jawaban menyelesaikan masalah? (pelapor) / Did the answer resolve it? (complainant)',
        description: 'resolved=true menutup pengaduan; resolved=false (dengan comment) membukanya kembali dengan janji waktu baru.',
        params: receiptParams,
        body: feedbackBody,
        response: { 200: tracked, ...errors(404, 409, 422) },
      },
    },
    async (req, reply) => {
      const { code, ...verdict } = req.body;
      return answer(reply, await giveComplaintFeedback(ctx, { receipt: req.params.receiptNumber, code }, verdict));
    },
  );

  app.get(
    '/api/v1/offices/:slug/complaint-setup',
    {
      config: open,
      schema: {
        tags,
        summary: 'Saluran, jenis, tahap dan janji tanggapan pengaduan kantor / An office’s complaint channels, types, stages and response promise',
        params: slugParams,
        response: { 200: anyObject, ...errors(404) },
      },
    },
    async (req, reply) => {
      const o = ctx.catalogue.findOffice(req.params.slug);
      return o.ok ? describeComplaintSetup(o.value) : sendFailure(reply, o.error);
    },
  );

  app.get(
    '/api/v1/offices/:slug/complaints/published',
    {
      config: open,
      schema: {
        tags,
        summary: 'Ringkasan pengaduan yang dipublikasikan (anonim) / Published anonymised complaint summaries',
        params: slugParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).optional() }),
        response: { 200: z.object({ office: z.string(), items: z.array(anyObject) }), ...errors(404) },
      },
    },
    async (req, reply) => {
      const o = ctx.catalogue.findOffice(req.params.slug);
      if (!o.ok) return sendFailure(reply, o.error);
      return { office: o.value.office.slug, items: await listPublishedSummaries(ctx, o.value, req.query.limit ?? 50) };
    },
  );

  app.get(
    '/api/v1/complaints',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Daftar pengaduan kantor (petugas) / The office’s complaints (staff)',
        description: 'Pengaduan rahasia hanya tampil untuk pengelola pengaduan dan Kepala Dinas; identitasnya tidak pernah tampil di daftar.',
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(anyObject), counts: z.array(z.object({ status: z.string(), slaState: z.string(), n: z.number().int() })) }), ...errors(401, 403) },
      },
    },
    async (req, reply) => answer(reply, await listComplaints(ctx, officerOf(req).actor, req.query)),
  );

  app.get(
    '/api/v1/complaints/:id',
    { config: staff, schema: { tags, summary: 'Rincian pengaduan (petugas) / Complaint detail (staff)', params: idParams, response: { 200: anyObject, ...errors(401, 404) } } },
    async (req, reply) => answer(reply, await showComplaint(ctx, officerOf(req).actor, req.params.id)),
  );

  app.post(
    '/api/v1/complaints/:id/transitions',
    {
      ...action,
      schema: {
        tags,
        summary: 'Pindahkan tahap / jawab / bukan kewenangan / gabungkan / tutup (petugas) / Move a complaint (staff)',
        description:
          'to: id tahap tujuan (lihat complaint-setup). dijawab → answer wajib; tahap terakhir sebelum dijawab (routing) → unit dan coordination (internal|external); bukan-kewenangan → referral; digabung → mergeInto (nomor pengaduan sebelumnya). version wajib (409 bila pengaduan berubah).',
        params: idParams,
        body: transitionBody,
        response: actionAnswers,
      },
    },
    async (req, reply) => answer(reply, await transitionComplaint(ctx, officerOf(req).actor, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/complaints/:id/notes',
    { ...action, schema: { tags, summary: 'Catatan internal (petugas) / Internal note (staff)', params: idParams, body: noteBody, response: actionAnswers } },
    async (req, reply) => answer(reply, await addComplaintNote(ctx, officerOf(req).actor, req.params.id, req.body.note)),
  );

  app.post(
    '/api/v1/complaints/:id/summary',
    {
      ...action,
      schema: { tags, summary: 'Publikasikan / tarik ringkasan anonim (petugas) / Publish or withdraw the anonymised summary (staff)', params: idParams, body: summaryBody, response: actionAnswers },
    },
    async (req, reply) => answer(reply, await publishComplaintSummary(ctx, officerOf(req).actor, req.params.id, req.body)),
  );

  app.get(
    '/api/v1/complaint-notifications',
    {
      config: staff,
      schema: { tags, summary: 'Peringatan janji waktu dan eskalasi untuk peran saya / SLA warnings and escalations for my roles', response: { 200: z.array(anyObject), ...errors(401) } },
    },
    async (req) => listComplaintNotifications(ctx, officerOf(req).actor),
  );
}
