/**
 * The registry's JSON API under /api/v1/registry (docs/REGISTRY.md): look-up, snapshots, imports
 * (upload and progress), the rejected-rows report and rows export (CSV downloads), one person's
 * data, the access log, proposals (list, one with its history, recorded by hand, a stage). Staff
 * only; the public never sees registry data. Thin: parse, call one use case, map the answer.
 */
import type { Permission } from '../../domain/staff/permissions.js';
import { z } from 'zod';
import type { Ctx } from '../../usecases/context.js';
import { createProposal } from '../../usecases/registry/create-proposal.js';
import { downloadReport } from '../../usecases/registry/download-report.js';
import { exportPerson } from '../../usecases/registry/export-person.js';
import { exportRows } from '../../usecases/registry/export-rows.js';
import { listOfficeProposals } from '../../usecases/registry/list-proposals.js';
import { listOfficeSnapshots } from '../../usecases/registry/list-snapshots.js';
import { lookupRegistry } from '../../usecases/registry/lookup-registry.js';
import { viewProposal } from '../../usecases/registry/proposal-view.js';
import { readAccessLog } from '../../usecases/registry/read-access-log.js';
import { importProgress } from '../../usecases/registry/read-import-progress.js';
import { recordProposalStage } from '../../usecases/registry/record-proposal-stage.js';
import { showProposal } from '../../usecases/registry/show-proposal.js';
import { showSnapshot } from '../../usecases/registry/show-snapshot.js';
import { mayImport, newImportId, startImport, uploadPathFor } from '../../usecases/registry/start-import.js';
import { officerOf, refuseCsrf } from '../auth.js';
import type { ZodApp } from '../pages/plugin.js';
import { receiveExtract, sendCsv } from '../registry-files.js';
import { sendFailure, sendJsonText } from '../reply.js';
import {
  accessEntrySchema,
  accessLogQuery,
  exportQuery,
  importStarted,
  importStateSchema,
  lookupAnswerSchema,
  lookupQuery,
  newProposalBody,
  personExportSchema,
  proposalEventSchema,
  proposalSchema,
  proposalsQuery,
  proposalStageBody,
  reasonQuery,
  snapshotSchema,
} from './registry-schemas.js';
import { errors, idParams } from './schemas.js';

const staff = (may: Permission) => ({ access: 'staff', may }) as const;
const tags = ['registry'];

export function registryRoutes(app: ZodApp, ctx: Ctx): void {
  app.get(
    '/api/v1/registry/lookup',
    {
      config: staff('registry.lookup'),
      schema: {
        tags,
        summary: 'Cari di registri DTKS/DTSEN menurut NIK atau No KK (petugas; dicatat) / Look up the DTKS/DTSEN registry by NIK or KK (staff; logged)',
        description:
          'Exactly one of nik or kk. The purpose is required: application (a case of your office) or reason. Masking by role: full for registry, field and decision roles; counter roles see the person asked about in full and other family members masked; auditor sees every NIK/KK masked. Malformed NIK/KK → 422 with the reason (nik-length, nik-not-digits, nik-date, nik-province, nik-serial).',
        querystring: lookupQuery,
        response: { 200: lookupAnswerSchema, ...errors(401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      const r = await lookupRegistry(ctx, officerOf(req).actor, req.query);
      if (!r.ok) return sendFailure(reply, r.error);
      // The counter's hot path: serialised once, without a second pass through the schema.
      return sendJsonText(reply.header('cache-control', 'no-store'), JSON.stringify(r.value));
    },
  );

  app.get(
    '/api/v1/registry/snapshots',
    { config: staff('registry.lookup'), schema: { tags, summary: 'Daftar snapshot registri kantor saya / My office’s registry snapshots', response: { 200: z.array(snapshotSchema), ...errors(401, 403) } } },
    async (req, reply) => {
      const r = await listOfficeSnapshots(ctx, officerOf(req).actor, 200);
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );

  app.get(
    '/api/v1/registry/snapshots/:id',
    { config: staff('registry.lookup'), schema: { tags, summary: 'Satu snapshot (status, ringkasan) / One snapshot (status, summary)', params: idParams, response: { 200: snapshotSchema, ...errors(401, 403, 404) } } },
    async (req, reply) => {
      const r = await showSnapshot(ctx, officerOf(req).actor, req.params.id);
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );

  app.post(
    '/api/v1/registry/imports',
    {
      config: staff('registry.import'),
      schema: {
        tags,
        summary: 'Impor ekstrak DTKS/DTSEN (CSV/XLSX, multipart: file, period, threshold, mapping) / Import a DTKS/DTSEN extract',
        description: 'Runs in the background; follow it with GET /api/v1/registry/imports/{id}. Operators and admins only.',
        consumes: ['multipart/form-data'],
        response: { 202: importStarted, ...errors(401, 403, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      const { actor } = officerOf(req);
      // Refused before a byte of the upload is stored.
      const allowed = mayImport(actor);
      if (!allowed.ok) return sendFailure(reply, allowed.error);
      const id = newImportId();
      const up = await receiveExtract(req, uploadPathFor(ctx, id));
      if (!up.ok) return up.csrf ? refuseCsrf(req, reply) : sendFailure(reply, up.error);
      const { fields, file, name, mappingText } = up.value;
      const r = await startImport(ctx, actor, { id, file, sourceName: name, period: fields.period, threshold: fields.threshold, mappingText });
      if (!r.ok) return sendFailure(reply, r.error);
      return reply.code(202).send({ id, status: 'started', progressUrl: `/api/v1/registry/imports/${id}` });
    },
  );

  app.get(
    '/api/v1/registry/imports/:id',
    { config: staff('registry.import'), schema: { tags, summary: 'Kemajuan impor / Import progress', params: idParams, response: { 200: importStateSchema, ...errors(401, 403, 404) } } },
    async (req, reply) => {
      const r = await importProgress(ctx, officerOf(req).actor, req.params.id);
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );

  app.get(
    '/api/v1/registry/snapshots/:id/report',
    {
      config: staff('registry.import'),
      schema: { tags, summary: 'Laporan baris ditolak (CSV: baris, kolom, alasan) / Rejected-rows report', params: idParams, produces: ['text/csv'], response: errors(401, 403, 404) },
    },
    async (req, reply) => {
      const r = await downloadReport(ctx, officerOf(req).actor, req.params.id);
      return r.ok ? sendCsv(reply, r.value.filename, r.value) : sendFailure(reply, r.error);
    },
  );

  app.get(
    '/api/v1/registry/snapshots/:id/export',
    {
      config: staff('registry.export'),
      schema: {
        tags,
        summary: 'Ekspor baris snapshot (CSV; operator/admin; dicatat) / Export a snapshot’s rows (CSV; operators/admins; logged)',
        params: idParams,
        querystring: exportQuery,
        produces: ['text/csv'],
        response: errors(401, 403, 404, 422),
      },
    },
    async (req, reply) => {
      const r = await exportRows(ctx, officerOf(req).actor, { snapshot: req.params.id, ...req.query });
      return r.ok ? sendCsv(reply, r.value.filename, r.value) : sendFailure(reply, r.error);
    },
  );

  app.get(
    '/api/v1/registry/persons/:nik',
    {
      config: staff('registry.export-person'),
      schema: {
        tags,
        summary: 'Semua data tentang satu orang, atas permintaannya (admin/kepala dinas; dicatat) / Everything held about one person, at their request',
        params: z.object({ nik: z.string().max(100) }),
        querystring: reasonQuery,
        response: { 200: personExportSchema, ...errors(401, 403, 422) },
      },
    },
    async (req, reply) => {
      const r = await exportPerson(ctx, officerOf(req).actor, { nik: req.params.nik, reason: req.query.reason });
      if (!r.ok) return sendFailure(reply, r.error);
      reply.header('cache-control', 'no-store');
      return r.value;
    },
  );

  app.get(
    '/api/v1/registry/access-log',
    {
      config: staff('registry.read-log'),
      schema: { tags, summary: 'Log akses data registri (admin, auditor, kepala dinas) / Registry access log', querystring: accessLogQuery, response: { 200: z.array(accessEntrySchema), ...errors(401, 403) } },
    },
    async (req, reply) => {
      const r = await readAccessLog(ctx, officerOf(req).actor, { nik: req.query.nik, limit: req.query.limit ?? 100, before: req.query.before });
      if (!r.ok) return sendFailure(reply, r.error);
      return r.value.map((e) => ({
        seq: e.seq,
        at: e.at,
        actor: e.actorName,
        actorId: e.actorId,
        roles: e.roles,
        action: e.action,
        nik: e.nik,
        kk: e.kk,
        snapshotId: e.snapshotId,
        applicationId: e.applicationId,
        reason: e.reason,
        found: e.found,
        detail: e.detail,
      }));
    },
  );

  /* ---- proposals (usulan DTKS/DTSEN, PBI-JK) ---- */

  app.get(
    '/api/v1/registry/proposals',
    { config: staff('registry.lookup'), schema: { tags, summary: 'Usulan DTKS/DTSEN dan PBI-JK / Registry proposals', querystring: proposalsQuery, response: { 200: z.array(proposalSchema), ...errors(401, 403) } } },
    async (req, reply) => {
      const r = await listOfficeProposals(ctx, officerOf(req).actor, { stage: req.query.stage, limit: req.query.limit ?? 200 });
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );

  app.get(
    '/api/v1/registry/proposals/:id',
    {
      config: staff('registry.lookup'),
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
    { config: staff('registry.propose'), schema: { tags, summary: 'Catat usulan baru (manual) / Record a new proposal by hand', body: newProposalBody, response: { 201: proposalSchema, ...errors(401, 403, 422) } } },
    async (req, reply) => {
      const r = await createProposal(ctx, officerOf(req).actor, req.body);
      if (!r.ok) return sendFailure(reply, r.error);
      return reply.code(201).send(viewProposal(r.value, 'full'));
    },
  );

  app.post(
    '/api/v1/registry/proposals/:id/stage',
    {
      config: staff('registry.propose'),
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
