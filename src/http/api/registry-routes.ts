/**
 * API routes and staff pages of the registry capability (docs/REGISTRY.md). Thin: parameters in,
 * use cases (src/usecases/registry/) out. Staff only; the public never sees registry data.
 *
 * API (`/api/v1/registry/...`): lookup, snapshots, imports (upload + progress), rejected-rows
 * report, rows export, one person's data, access log, proposals.
 * Pages (`/petugas/registri/...`): look-up at the counter, import with a progress bar, snapshots
 * and exports, proposals, the access log, a person's data.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createReadStream, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { findApplication, events as caseEvents } from '../../db/applications-repo.js';
import { accessLog, currentSnapshot, findProposal, findSnapshot, listProposals, listSnapshots, proposalEvents } from '../../db/registry-repo.js';
import type { RegistryProposalsTable, RegistrySnapshotsTable } from '../../db/schema-registry.js';
import type { Problem } from '../../domain/errors.js';
import { maskKk, maskNik } from '../../domain/identity/index.js';
import { canExportPerson, canExportRows, canImport, canReadLog, canRecordProposal, maskingFor, type Masking, type PersonView } from '../../domain/registry/access.js';
import { parseMapping, type MappingFile } from '../../domain/registry/columns.js';
import { STAGE_LABEL, type Stage } from '../../domain/registry/proposals.js';
import { readMappingValue } from '../../io/registry-file.js';
import type { Ctx } from '../../usecases/context.js';
import { nowOf } from '../../usecases/context.js';
import { logAccess } from '../../usecases/registry/access-log.js';
import { jobOf, newJobId, startBackgroundImport, uploadPathFor, type Job } from '../../usecases/registry/background.js';
import { exportPerson, exportRows } from '../../usecases/registry/exports.js';
import { validPeriod, type ImportSummary } from '../../usecases/registry/import-registry.js';
import { lookupRegistry, snapshotRef, type LookupAnswer } from '../../usecases/registry/lookup.js';
import { createProposal, recordProposalStage } from '../../usecases/registry/proposals.js';
import { actorOf, requireStaffApi, requireStaffPage } from '../auth.js';
import { errorSchema, sendError } from '../errors.js';
import { pickLang, type Lang } from '../i18n.js';
import { staffNav } from '../pages/back-office-routes.js';
import { html, raw, type Raw } from '../pages/html.js';
import { page, withLang } from '../pages/layout.js';

const L = (lang: Lang, id: string, en: string) => (lang === 'id' ? id : en);
const MAX_EXTRACT_BYTES = 4 * 1024 ** 3;

const problemsReply = (reply: FastifyReply, status: number, problems: Problem[]) =>
  reply.code(status).send({ error: { code: problems[0]?.code ?? 'error', message: problems.map((p) => p.message).join(' '), messageEn: problems.map((p) => p.messageEn).join(' '), problems } });

const personSchema = {
  type: 'object',
  additionalProperties: true,
  properties: {
    nik: { type: 'string' },
    kk: { type: 'string' },
    name: { type: 'string' },
    birthDate: { type: ['string', 'null'] },
    birthPlace: { type: ['string', 'null'] },
    sex: { type: ['string', 'null'] },
    motherName: { type: ['string', 'null'] },
    relation: { type: ['string', 'null'] },
    address: { type: 'object', additionalProperties: true },
    dtksId: { type: ['string', 'null'] },
    desil: { type: ['integer', 'null'] },
    programmes: { type: 'object', additionalProperties: { type: ['boolean', 'null'] } },
  },
} as const;

const snapshotRefSchema = {
  type: ['object', 'null'],
  properties: {
    id: { type: 'string' },
    period: { type: 'string' },
    importedAt: { type: ['string', 'null'] },
    sourceSha256: { type: 'string' },
    sourceName: { type: ['string', 'null'] },
    rows: { type: ['integer', 'null'] },
    current: { type: 'boolean' },
  },
} as const;

function snapshotJson(s: RegistrySnapshotsTable) {
  const summary = JSON.parse(s.summary) as Partial<ImportSummary> & { problems?: Problem[] };
  const { layout: _layout, ...rest } = summary;
  return {
    id: s.id,
    period: s.period,
    status: s.status,
    current: s.current_for_period === 1,
    phase: s.phase,
    sourceName: s.source_name,
    sourceSha256: s.source_sha256,
    sourceSize: Number(s.source_size),
    sourceKind: s.source_kind,
    importer: s.importer_name,
    startedAt: s.started_at,
    completedAt: s.completed_at,
    replacedAt: s.replaced_at,
    rowsRead: s.rows_read,
    bytesRead: Number(s.bytes_read),
    rowsAccepted: s.rows_accepted,
    rowsRejected: s.rows_rejected,
    rowsUnchanged: s.rows_unchanged,
    hasReport: !!s.report_path,
    summary: rest,
  };
}

/** Reads the multipart upload of an extract: the file is streamed to disk, never held in memory. */
async function receiveUpload(req: FastifyRequest, ctx: Ctx, id: string, checkCsrf: boolean): Promise<{ ok: true; fields: Record<string, string>; file: string; name: string; mapping: MappingFile | null } | { ok: false; status: number; problem: Problem }> {
  const fields: Record<string, string> = {};
  let file: string | null = null;
  let name = '';
  let mappingValue: unknown = null;
  let mappingError: Problem | null = null;
  const target = uploadPathFor(ctx, id);
  mkdirSync(dirname(target), { recursive: true });
  try {
    for await (const part of req.parts({ limits: { fileSize: MAX_EXTRACT_BYTES, files: 2, fields: 20 } })) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      if (checkCsrf && fields._csrf !== req.csrfToken) {
        part.file.resume();
        return { ok: false, status: 403, problem: { code: 'csrf', message: 'Token formulir tidak sah; muat ulang halaman', messageEn: 'Invalid form token; reload the page' } };
      }
      if (part.fieldname === 'mapping') {
        const buf = await part.toBuffer();
        if (buf.length) {
          const tmp = `${target}.mapping`;
          const { writeFile, rm } = await import('node:fs/promises');
          await writeFile(tmp, buf);
          const v = await readMappingValue(tmp);
          await rm(tmp, { force: true });
          if (v.ok) mappingValue = v.value;
          else mappingError = { code: 'mapping-invalid', message: v.message, messageEn: v.messageEn };
        }
        continue;
      }
      name = part.filename || 'registri.csv';
      await pipeline(part.file, createWriteStream(target));
      if (part.file.truncated) return { ok: false, status: 413, problem: { code: 'file-too-large', message: 'Berkas terlalu besar (maksimal 4 GB)', messageEn: 'File too large (at most 4 GB)' } };
      file = target;
    }
  } catch {
    return { ok: false, status: 422, problem: { code: 'upload-invalid', message: 'Unggahan tidak dapat dibaca', messageEn: 'The upload could not be read' } };
  }
  if (!file) return { ok: false, status: 422, problem: { code: 'file-required', message: 'Pilih berkas ekstrak DTKS/DTSEN (CSV atau XLSX)', messageEn: 'Choose a DTKS/DTSEN extract file (CSV or XLSX)' } };
  if (mappingError) return { ok: false, status: 422, problem: mappingError };
  let mapping: MappingFile | null = null;
  if (mappingValue !== null) {
    const m = parseMapping(mappingValue);
    if (!m.ok) return { ok: false, status: 422, problem: m.problems[0]! };
    mapping = m.value;
  }
  return { ok: true, fields, file, name, mapping };
}

function parseThresholdField(s: string | undefined): number | undefined | null {
  if (s === undefined || s.trim() === '') return undefined;
  const m = /^(\d+(?:[.,]\d+)?)\s*(%)?$/.exec(s.trim());
  if (!m) return null;
  const v = Number(m[1]!.replace(',', '.')) / (m[2] ? 100 : 1);
  return v >= 0 && v <= 1 ? v : null;
}

/** Starts an upload-driven import; shared by the API and the page. */
async function beginImport(req: FastifyRequest, ctx: Ctx, viaPage: boolean): Promise<{ ok: true; job: Job } | { ok: false; status: number; problem: Problem }> {
  const actor = actorOf(req, ctx);
  const office = ctx.catalogue.list().find((o) => o.id === req.staff!.officeId)!;
  if (!canImport(actor.roles)) return { ok: false, status: 403, problem: { code: 'role-required', message: 'Impor registri hanya untuk operator atau admin', messageEn: 'Registry imports are for operators and admins only' } };
  if (!req.isMultipart()) return { ok: false, status: 415, problem: { code: 'multipart-required', message: 'Kirim berkas sebagai multipart/form-data', messageEn: 'Send the file as multipart/form-data' } };
  const id = newJobId();
  const up = await receiveUpload(req, ctx, id, viaPage);
  if (!up.ok) return up;
  const period = up.fields.period?.trim() || undefined;
  const cleanup = async () => (await import('node:fs/promises')).rm(up.file, { force: true });
  if (period !== undefined && !validPeriod(period)) {
    await cleanup();
    return { ok: false, status: 422, problem: { code: 'period-invalid', message: 'Periode harus YYYY-MM', messageEn: 'The period must be YYYY-MM' } };
  }
  const threshold = parseThresholdField(up.fields.threshold);
  if (threshold === null) {
    await cleanup();
    return { ok: false, status: 422, problem: { code: 'threshold-invalid', message: 'Ambang penolakan: persen 0–100 (mis. 1%) atau pecahan 0–1', messageEn: 'Rejection threshold: a percentage 0–100 (e.g. 1%) or a fraction 0–1' } };
  }
  const job = startBackgroundImport(ctx, id, { office: office.office.slug, sourceName: up.name, period, mapping: up.mapping, threshold, actor }, up.file);
  return { ok: true, job };
}

async function jobState(ctx: Ctx, officeId: string, id: string) {
  const job = jobOf(id, officeId);
  const snap = await findSnapshot(ctx.database.db, officeId, id);
  if (!job && !snap) return null;
  const result = job?.result ?? null;
  const noop = result?.ok && result.value.status === 'noop' ? result.value : null;
  const done = !!(result || job?.error || (snap && snap.status !== 'loading'));
  const progress = job?.progress ?? null;
  const totalBytes = snap ? Number(snap.source_size) : (progress?.totalBytes ?? 0);
  const bytesRead = progress?.bytesRead ?? (snap ? Number(snap.bytes_read) : 0);
  return {
    id,
    done,
    status: noop ? 'noop' : (snap?.status ?? (job?.error ? 'failed' : result && !result.ok ? 'failed' : 'hashing')),
    phase: progress?.phase ?? snap?.phase ?? 'hashing',
    rowsRead: progress?.rowsRead ?? snap?.rows_read ?? 0,
    accepted: progress?.accepted ?? snap?.rows_accepted ?? 0,
    rejected: progress?.rejected ?? snap?.rows_rejected ?? 0,
    bytesRead,
    totalBytes,
    rate: progress?.rate ?? 0,
    etaSeconds: progress?.etaSeconds ?? null,
    noopSnapshotId: noop?.snapshotId ?? null,
    problems: result && !result.ok ? result.problems : job?.error ? [{ code: 'internal', message: job.error, messageEn: job.error }] : snap && snap.status !== 'complete' && snap.status !== 'loading' ? ((JSON.parse(snap.summary) as { problems?: Problem[] }).problems ?? []) : [],
    snapshot: snap ? snapshotJson(snap) : null,
  };
}

export function registryRoutes(app: FastifyInstance, ctx: Ctx): void {
  const officeOf = (req: FastifyRequest) => ctx.catalogue.list().find((o) => o.id === req.staff!.officeId)!;

  /* ------------------------------------------------------------------ API */

  app.get(
    '/api/v1/registry/lookup',
    {
      schema: {
        tags: ['registry'],
        summary: 'Cari di registri DTKS/DTSEN menurut NIK atau No KK (petugas; dicatat) / Look up the DTKS/DTSEN registry by NIK or KK (staff; logged)',
        description:
          'Exactly one of nik or kk. The purpose is required: application (a case of your office) or reason. Masking by role: full for registry, field and decision roles; counter roles see the person asked about in full and other family members masked; auditor sees every NIK/KK masked. Malformed NIK/KK → 422 with the reason (nik-length, nik-not-digits, nik-date, nik-province, nik-serial).',
        querystring: {
          type: 'object',
          properties: {
            nik: { type: 'string', description: '16 digits' },
            kk: { type: 'string', description: 'No. KK, 16 digits' },
            application: { type: 'string', description: 'The case this look-up serves' },
            reason: { type: 'string', description: 'Why, when there is no case' },
            snapshot: { type: 'string', description: 'A specific snapshot id' },
            asOf: { type: 'string', description: 'The snapshot in force at the end of this date (YYYY-MM-DD) or instant' },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: { found: { type: 'boolean' }, snapshot: snapshotRefSchema, person: personSchema, family: { type: 'array', items: personSchema }, masking: { type: 'string' }, logId: { type: 'string' } },
            required: ['found', 'snapshot'],
          },
          401: errorSchema,
          403: errorSchema,
          404: errorSchema,
          422: errorSchema,
        },
      },
    },
    async (req, reply) => {
      if (!requireStaffApi(req, reply)) return reply;
      const q = req.query as { nik?: string; kk?: string; application?: string; reason?: string; snapshot?: string; asOf?: string };
      const r = await lookupRegistry(ctx, actorOf(req, ctx), q);
      if (!r.ok) return problemsReply(reply, r.status, r.problems);
      reply.header('cache-control', 'no-store');
      return r.value;
    },
  );

  app.get(
    '/api/v1/registry/snapshots',
    { schema: { tags: ['registry'], summary: 'Daftar snapshot registri kantor saya / My office’s registry snapshots', response: { 401: errorSchema, 403: errorSchema } } },
    async (req, reply) => {
      if (!requireStaffApi(req, reply)) return reply;
      if (!maskingFor(req.staff!.roles)) return sendError(reply, 403, 'role-required', 'Peran Anda tidak berwenang membaca registri', 'Your role may not read the registry');
      return (await listSnapshots(ctx.database.db, req.staff!.officeId, 200)).map(snapshotJson);
    },
  );

  app.get(
    '/api/v1/registry/snapshots/:id',
    { schema: { tags: ['registry'], summary: 'Satu snapshot (status, ringkasan) / One snapshot (status, summary)', params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] }, response: { 401: errorSchema, 403: errorSchema, 404: errorSchema } } },
    async (req, reply) => {
      if (!requireStaffApi(req, reply)) return reply;
      if (!maskingFor(req.staff!.roles)) return sendError(reply, 403, 'role-required', 'Peran Anda tidak berwenang membaca registri', 'Your role may not read the registry');
      const s = await findSnapshot(ctx.database.db, req.staff!.officeId, (req.params as { id: string }).id);
      if (!s) return sendError(reply, 404, 'snapshot-not-found', 'Snapshot tidak ditemukan', 'Snapshot not found');
      return snapshotJson(s);
    },
  );

  app.post(
    '/api/v1/registry/imports',
    {
      schema: {
        tags: ['registry'],
        summary: 'Impor ekstrak DTKS/DTSEN (CSV/XLSX, multipart: file, period, threshold, mapping) / Import a DTKS/DTSEN extract',
        description: 'Runs in the background; follow it with GET /api/v1/registry/imports/{id}. Operators and admins only.',
        consumes: ['multipart/form-data'],
        response: { 202: { type: 'object', properties: { id: { type: 'string' }, status: { type: 'string' }, progressUrl: { type: 'string' } } }, 401: errorSchema, 403: errorSchema, 413: errorSchema, 415: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      if (!req.staff) return sendError(reply, 401, 'unauthenticated', 'Silakan masuk terlebih dahulu', 'Please sign in first');
      if (req.authKind === 'cookie' && req.headers['x-csrf-token'] !== req.csrfToken) return sendError(reply, 403, 'csrf', 'Token formulir tidak sah; muat ulang halaman', 'Invalid form token; reload the page');
      const r = await beginImport(req, ctx, false);
      if (!r.ok) return sendError(reply, r.status, r.problem.code, r.problem.message, r.problem.messageEn);
      return reply.code(202).send({ id: r.job.id, status: 'started', progressUrl: `/api/v1/registry/imports/${r.job.id}` });
    },
  );

  app.get(
    '/api/v1/registry/imports/:id',
    { schema: { tags: ['registry'], summary: 'Kemajuan impor / Import progress', params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] }, response: { 401: errorSchema, 403: errorSchema, 404: errorSchema } } },
    async (req, reply) => {
      if (!requireStaffApi(req, reply)) return reply;
      if (!maskingFor(req.staff!.roles)) return sendError(reply, 403, 'role-required', 'Peran Anda tidak berwenang membaca registri', 'Your role may not read the registry');
      const s = await jobState(ctx, req.staff!.officeId, (req.params as { id: string }).id);
      if (!s) return sendError(reply, 404, 'import-not-found', 'Impor tidak ditemukan', 'Import not found');
      return s;
    },
  );

  const sendReport = async (req: FastifyRequest, reply: FastifyReply, id: string) => {
    const actor = actorOf(req, ctx);
    if (!canImport(actor.roles)) return sendError(reply, 403, 'role-required', 'Laporan impor hanya untuk operator atau admin', 'Import reports are for operators and admins only');
    const s = await findSnapshot(ctx.database.db, req.staff!.officeId, id);
    if (!s || !s.report_path || !existsSync(s.report_path)) return sendError(reply, 404, 'report-not-found', 'Tidak ada laporan baris ditolak untuk impor ini', 'No rejected-rows report for this import');
    await logAccess(ctx.database, { officeId: req.staff!.officeId, actor, action: 'report', snapshotId: s.id, detail: {}, at: nowOf(ctx).toISOString() });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="baris-ditolak-${s.period}-${s.id.slice(0, 8)}.csv"`)
      .header('cache-control', 'no-store')
      .send(createReadStream(s.report_path));
  };

  app.get(
    '/api/v1/registry/snapshots/:id/report',
    { schema: { tags: ['registry'], summary: 'Laporan baris ditolak (CSV: baris, kolom, alasan) / Rejected-rows report', params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] }, response: { 401: errorSchema, 403: errorSchema, 404: errorSchema } } },
    async (req, reply) => {
      if (!requireStaffApi(req, reply)) return reply;
      return sendReport(req, reply, (req.params as { id: string }).id);
    },
  );

  const sendExport = async (req: FastifyRequest, reply: FastifyReply, id: string, q: { district?: string; village?: string; reason?: string }) => {
    const r = await exportRows(ctx, actorOf(req, ctx), { snapshot: id, ...q });
    if (!r.ok) return problemsReply(reply, r.status, r.problems);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="registri-${r.snapshot.period}-${r.snapshot.id.slice(0, 8)}.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(r.lines));
  };

  app.get(
    '/api/v1/registry/snapshots/:id/export',
    {
      schema: {
        tags: ['registry'],
        summary: 'Ekspor baris snapshot (CSV; operator/admin; dicatat) / Export a snapshot’s rows (CSV; operators/admins; logged)',
        params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
        querystring: { type: 'object', properties: { district: { type: 'string' }, village: { type: 'string' }, reason: { type: 'string' } }, required: ['reason'] },
        response: { 401: errorSchema, 403: errorSchema, 404: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      if (!requireStaffApi(req, reply)) return reply;
      return sendExport(req, reply, (req.params as { id: string }).id, req.query as { district?: string; village?: string; reason?: string });
    },
  );

  app.get(
    '/api/v1/registry/persons/:nik',
    {
      schema: {
        tags: ['registry'],
        summary: 'Semua data tentang satu orang, atas permintaannya (admin/kepala dinas; dicatat) / Everything held about one person, at their request',
        params: { type: 'object', properties: { nik: { type: 'string' } }, required: ['nik'] },
        querystring: { type: 'object', properties: { reason: { type: 'string' } }, required: ['reason'] },
        response: { 401: errorSchema, 403: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      if (!requireStaffApi(req, reply)) return reply;
      const r = await exportPerson(ctx, actorOf(req, ctx), { nik: (req.params as { nik: string }).nik, reason: (req.query as { reason?: string }).reason });
      if (!r.ok) return problemsReply(reply, r.status, r.problems);
      reply.header('cache-control', 'no-store');
      return r.value;
    },
  );

  app.get(
    '/api/v1/registry/access-log',
    {
      schema: {
        tags: ['registry'],
        summary: 'Log akses data registri (admin, auditor, kepala dinas) / Registry access log',
        querystring: { type: 'object', properties: { nik: { type: 'string' }, limit: { type: 'integer', minimum: 1, maximum: 1000 }, before: { type: 'integer', minimum: 1 } } },
        response: { 401: errorSchema, 403: errorSchema },
      },
    },
    async (req, reply) => {
      if (!requireStaffApi(req, reply)) return reply;
      if (!canReadLog(req.staff!.roles)) return sendError(reply, 403, 'role-required', 'Log akses hanya untuk admin, auditor atau kepala dinas', 'The access log is for admins, auditors and the head of office only');
      const q = req.query as { nik?: string; limit?: number; before?: number };
      const rows = await accessLog(ctx.database.db, req.staff!.officeId, { nik: q.nik, limit: q.limit ?? 100, before: q.before });
      return rows.map((r) => ({ seq: Number(r.seq), at: r.at, actor: r.actor_name, actorId: r.actor_id, roles: JSON.parse(r.roles), action: r.action, nik: r.nik, kk: r.kk, snapshotId: r.snapshot_id, applicationId: r.application_id, reason: r.reason, found: r.found === null ? null : r.found === 1, detail: JSON.parse(r.detail) }));
    },
  );

  const proposalJson = (p: RegistryProposalsTable, masking: Masking) => ({
    id: p.id,
    kind: p.kind,
    stage: p.stage,
    stageLabel: STAGE_LABEL[p.stage as Stage]?.[0] ?? p.stage,
    nik: masking === 'masked' ? maskNik(p.nik) : p.nik,
    kk: p.kk ? (masking === 'masked' ? maskKk(p.kk) : p.kk) : null,
    name: p.name,
    applicationId: p.application_id,
    siksngReference: p.siksng_reference,
    ministryReference: p.ministry_reference,
    confirmedSnapshotId: p.confirmed_snapshot_id,
    confirmedAt: p.confirmed_at,
    openedAt: p.opened_at,
    updatedAt: p.updated_at,
    version: p.version,
  });

  app.get(
    '/api/v1/registry/proposals',
    { schema: { tags: ['registry'], summary: 'Usulan DTKS/DTSEN dan PBI-JK / Registry proposals', querystring: { type: 'object', properties: { stage: { type: 'string' }, limit: { type: 'integer', minimum: 1, maximum: 1000 } } }, response: { 401: errorSchema, 403: errorSchema } } },
    async (req, reply) => {
      if (!requireStaffApi(req, reply)) return reply;
      const masking = maskingFor(req.staff!.roles);
      if (!masking) return sendError(reply, 403, 'role-required', 'Peran Anda tidak berwenang membaca registri', 'Your role may not read the registry');
      const q = req.query as { stage?: string; limit?: number };
      return (await listProposals(ctx.database.db, req.staff!.officeId, { stage: q.stage, limit: q.limit ?? 200 })).map((p) => proposalJson(p, masking));
    },
  );

  app.get(
    '/api/v1/registry/proposals/:id',
    { schema: { tags: ['registry'], summary: 'Satu usulan dan riwayatnya / One proposal and its history', params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] }, response: { 401: errorSchema, 403: errorSchema, 404: errorSchema } } },
    async (req, reply) => {
      if (!requireStaffApi(req, reply)) return reply;
      const masking = maskingFor(req.staff!.roles);
      if (!masking) return sendError(reply, 403, 'role-required', 'Peran Anda tidak berwenang membaca registri', 'Your role may not read the registry');
      const p = await findProposal(ctx.database.db, req.staff!.officeId, (req.params as { id: string }).id);
      if (!p) return sendError(reply, 404, 'proposal-not-found', 'Usulan tidak ditemukan', 'Proposal not found');
      const evs = await proposalEvents(ctx.database.db, p.id);
      return { ...proposalJson(p, masking), events: evs.map((e) => ({ type: e.type, stage: e.stage, actor: e.actor_name, note: e.note, data: JSON.parse(e.data), at: e.at })) };
    },
  );

  app.post(
    '/api/v1/registry/proposals',
    {
      schema: {
        tags: ['registry'],
        summary: 'Catat usulan baru (manual) / Record a new proposal by hand',
        body: { type: 'object', required: ['nik', 'name'], properties: { nik: { type: 'string' }, kk: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string', enum: ['dtks', 'pbi-jk'] }, note: { type: 'string' } } },
        response: { 201: { type: 'object', additionalProperties: true }, 401: errorSchema, 403: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      if (!requireStaffApi(req, reply)) return reply;
      const r = await createProposal(ctx, actorOf(req, ctx), req.body as { nik: string; kk?: string; name: string; kind?: string; note?: string });
      if (!r.ok) return problemsReply(reply, r.status, r.problems);
      return reply.code(201).send(proposalJson(r.value, 'full'));
    },
  );

  app.post(
    '/api/v1/registry/proposals/:id/stage',
    {
      schema: {
        tags: ['registry'],
        summary: 'Catat tahap usulan (survei, finalisasi SIKS-NG dengan nomor, keputusan kementerian) / Record a proposal stage',
        params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
        body: {
          type: 'object',
          required: ['stage', 'version'],
          properties: { stage: { type: 'string', enum: ['surveyed', 'finalised', 'approved', 'rejected', 'not-proposed'] }, siksngReference: { type: 'string' }, ministryReference: { type: 'string' }, note: { type: 'string', maxLength: 4000 }, version: { type: 'integer' } },
        },
        response: { 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      if (!requireStaffApi(req, reply)) return reply;
      const r = await recordProposalStage(ctx, actorOf(req, ctx), (req.params as { id: string }).id, req.body as { stage: string; version: number });
      if (!r.ok) return problemsReply(reply, r.status, r.problems);
      return proposalJson(r.value, 'full');
    },
  );

  /* ------------------------------------------------------------------ pages */

  const send = (reply: FastifyReply, body: string, status = 200) => reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);

  function subNav(lang: Lang, req: FastifyRequest, current: string): Raw {
    const roles = req.staff!.roles;
    const items: [string, string, string, boolean][] = [
      ['/petugas/registri', 'Cari', 'Look up', true],
      ['/petugas/registri/snapshot', 'Snapshot', 'Snapshots', true],
      ['/petugas/registri/impor', 'Impor', 'Import', canImport(roles)],
      ['/petugas/registri/usulan', 'Usulan', 'Proposals', true],
      ['/petugas/registri/log', 'Log akses', 'Access log', canReadLog(roles)],
      ['/petugas/registri/data-pribadi', 'Data pribadi', 'Personal data', canExportPerson(roles)],
    ];
    return html`<nav class="filters" aria-label="${L(lang, 'Menu registri', 'Registry menu')}">${items
      .filter((i) => i[3])
      .map((i) => html`<a href="${withLang(i[0], lang)}"${i[0] === current ? html` aria-current="page"` : ''}>${L(lang, i[1], i[2])}</a>`)}</nav>`;
  }

  function shell(req: FastifyRequest, lang: Lang, title: string, path: string, body: Raw | string): string {
    return page({ lang, title, path, body: html`${staffNav(lang, req)}${subNav(lang, req, path)}<h1>${title}</h1>${typeof body === 'string' ? raw(body) : body}` });
  }

  const forbidden = (req: FastifyRequest, reply: FastifyReply, lang: Lang, path: string) =>
    send(reply, shell(req, lang, L(lang, 'Tidak berwenang', 'Not allowed'), path, html`<p>${L(lang, 'Peran Anda tidak berwenang membuka halaman registri ini. Data DTKS/DTSEN adalah data pribadi yang dilindungi (UU 27/2022).', 'Your role may not open this registry page. DTKS/DTSEN data is protected personal data (UU 27/2022).')}</p>`), 403);

  const dateTime = (office: ReturnType<typeof officeOf>, iso: string | null) => (iso ? ctx.clock.local(office.office, iso) : '—');

  function snapshotLine(lang: Lang, office: ReturnType<typeof officeOf>, s: ReturnType<typeof snapshotRef> | null): Raw {
    if (!s) return html`<p class="notice">${L(lang, 'Belum ada snapshot registri yang diimpor: aturan yang memerlukan data DTKS tetap "perlu diperiksa manual".', 'No registry snapshot imported yet: rules that need DTKS data stay "check manually".')}</p>`;
    return html`<p class="meta">${L(lang, 'Sumber', 'Source')}: ${L(lang, 'snapshot periode', 'snapshot period')} <strong>${s.period}</strong>${s.current ? '' : html` (${L(lang, 'bukan yang berlaku sekarang', 'not the current one')})`}, ${L(lang, 'diimpor', 'imported')} ${dateTime(office, s.importedAt)} · ${s.sourceName ?? ''} · SHA-256 <code>${s.sourceSha256.slice(0, 16)}…</code></p>`;
  }

  const yesNo = (lang: Lang, v: boolean | null | undefined) => (v === true ? L(lang, 'Ya', 'Yes') : v === false ? L(lang, 'Tidak', 'No') : '—');

  function personBlock(lang: Lang, p: PersonView): Raw {
    const a = p.address;
    return html`<dl class="facts">
<div><dt>${L(lang, 'Nama', 'Name')}</dt><dd>${p.name}</dd></div>
<div><dt>NIK</dt><dd>${p.nik}</dd></div>
<div><dt>${L(lang, 'No. KK', 'KK number')}</dt><dd>${p.kk}</dd></div>
<div><dt>${L(lang, 'Lahir', 'Born')}</dt><dd>${[p.birthPlace, p.birthDate].filter(Boolean).join(', ') || '—'}</dd></div>
<div><dt>${L(lang, 'Jenis kelamin', 'Sex')}</dt><dd>${p.sex ?? '—'}</dd></div>
<div><dt>${L(lang, 'Hubungan keluarga', 'Relation')}</dt><dd>${p.relation ?? '—'}</dd></div>
<div><dt>${L(lang, 'Alamat', 'Address')}</dt><dd>${[a.address, a.hamlet, a.rt ? `RT ${a.rt}` : null, a.rw ? `RW ${a.rw}` : null, a.village, a.district, a.regency].filter(Boolean).join(', ') || '—'}</dd></div>
<div><dt>Desil</dt><dd>${p.desil ?? '—'}</dd></div>
<div><dt>${L(lang, 'Program', 'Programmes')}</dt><dd>${Object.entries(p.programmes).map(([k, v]) => html`<span class="badge">${k.toUpperCase()}: ${yesNo(lang, v)}</span> `)}</dd></div>
</dl>`;
  }

  function lookupResult(lang: Lang, office: ReturnType<typeof officeOf>, r: LookupAnswer, asked: { nik?: string; kk?: string }): Raw {
    const family = r.family ?? [];
    return html`<section aria-labelledby="h-hasil" aria-live="polite"><h2 id="h-hasil">${L(lang, 'Hasil', 'Result')}</h2>
${snapshotLine(lang, office, r.snapshot)}
${r.snapshot
  ? r.found
    ? html`<p class="notice"><strong>${asked.nik ? L(lang, 'TERDAFTAR di DTKS/DTSEN', 'LISTED in DTKS/DTSEN') : L(lang, 'Keluarga ditemukan', 'Family found')}</strong>${r.masking !== 'full' ? html` · <span class="meta">${L(lang, `tampilan disamarkan untuk peran Anda (${r.masking})`, `view masked for your role (${r.masking})`)}</span>` : ''}</p>
${r.person ? personBlock(lang, r.person) : ''}
<h3>${L(lang, 'Anggota keluarga dalam KK yang sama', 'Family members in the same KK')} (${family.length})</h3>
<div class="table-wrap" tabindex="0" role="region" aria-label="${L(lang, 'Anggota keluarga', 'Family members')}"><table class="queue"><thead><tr><th scope="col">${L(lang, 'Nama', 'Name')}</th><th scope="col">NIK</th><th scope="col">${L(lang, 'Hubungan', 'Relation')}</th><th scope="col">${L(lang, 'Lahir', 'Born')}</th><th scope="col">L/P</th><th scope="col">Desil</th><th scope="col">PKH</th><th scope="col">BPNT</th><th scope="col">PBI</th></tr></thead><tbody>${family.map(
        (m) => html`<tr><td>${m.name}</td><td>${m.nik}</td><td>${m.relation ?? '—'}</td><td>${m.birthDate ?? '—'}</td><td>${m.sex ?? '—'}</td><td>${m.desil ?? '—'}</td><td>${yesNo(lang, m.programmes.pkh)}</td><td>${yesNo(lang, m.programmes.bpnt)}</td><td>${yesNo(lang, m.programmes.pbi)}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p class="notice"><strong>${asked.nik ? L(lang, 'TIDAK TERDAFTAR di DTKS/DTSEN (Non DTKS)', 'NOT LISTED in DTKS/DTSEN (non-DTKS)') : L(lang, 'Tidak ada keluarga dengan No. KK ini', 'No family with this KK number')}</strong></p>
<p>${L(lang, 'Warga yang belum terdaftar dapat diusulkan (usulan DTKS) bila memenuhi kriteria; lihat menu Usulan.', 'A resident who is not listed can be proposed (usulan DTKS) if eligible; see Proposals.')}</p>`
  : ''}
<p class="meta">${L(lang, 'Pemeriksaan ini dicatat di log akses', 'This look-up is recorded in the access log')} (${r.logId.slice(0, 8)}).</p></section>`;
  }

  function lookupForm(lang: Lang, req: FastifyRequest, values: { nik?: string; kk?: string; application?: string; reason?: string; asOf?: string }, error?: string, appLabel?: string): Raw {
    const reasons = [L(lang, 'Pemeriksaan DTKS di loket atas permintaan warga', 'DTKS check at the counter at the resident’s request'), L(lang, 'Verifikasi berkas permohonan', 'Verification of an application'), L(lang, 'Verifikasi lapangan', 'Field verification')];
    return html`${error ? html`<div class="error-summary" role="alert"><p>${error}</p></div>` : ''}
<form method="post" action="${withLang('/petugas/registri', lang)}" class="intake" novalidate><input type="hidden" name="_csrf" value="${req.csrfToken ?? ''}">
<div class="field"><label for="f-nik">NIK</label><input id="f-nik" name="nik" inputmode="numeric" autocomplete="off" maxlength="24" value="${values.nik ?? ''}" aria-describedby="h-nik"><p class="help" id="h-nik">${L(lang, '16 digit. Atau isi No. KK di bawah untuk mencari satu keluarga.', '16 digits. Or fill in the KK number below to find a family.')}</p></div>
<div class="field"><label for="f-kk">${L(lang, 'No. KK', 'KK number')}</label><input id="f-kk" name="kk" inputmode="numeric" autocomplete="off" maxlength="24" value="${values.kk ?? ''}"></div>
${values.application ? html`<input type="hidden" name="application" value="${values.application}"><p class="meta">${L(lang, 'Untuk berkas', 'For case')}: <a href="${withLang(`/petugas/berkas/${values.application}`, lang)}">${appLabel ?? values.application}</a></p>` : html`<div class="field"><label for="f-reason">${L(lang, 'Keperluan pemeriksaan', 'Purpose of the look-up')}</label><input id="f-reason" name="reason" list="reasons" required value="${values.reason ?? reasons[0]!}"><datalist id="reasons">${reasons.map((r) => html`<option value="${r}">`)}</datalist></div>`}
<details><summary>${L(lang, 'Riwayat: registri pada tanggal tertentu', 'History: the registry on a given date')}</summary><div class="field"><label for="f-asof">${L(lang, 'Tanggal', 'Date')}</label><input id="f-asof" name="asOf" type="date" value="${values.asOf ?? ''}"></div></details>
<button type="submit" class="primary">${L(lang, 'Periksa', 'Look up')}</button></form>`;
  }

  const lookupPage = async (req: FastifyRequest, reply: FastifyReply, lang: Lang, values: { nik?: string; kk?: string; application?: string; reason?: string; asOf?: string }, result?: LookupAnswer, error?: string, status = 200) => {
    const office = officeOf(req);
    const current = await currentSnapshot(ctx.database.db, office.id);
    let appLabel: string | undefined;
    if (values.application) {
      const a = await findApplication(ctx.database.db, office.id, values.application);
      appLabel = a ? `${a.registration_number} · ${a.applicant_name}` : undefined;
    }
    const body = html`${result ? '' : snapshotLine(lang, office, current ? snapshotRef(current) : null)}
${lookupForm(lang, req, values, error, appLabel)}
${result ? lookupResult(lang, office, result, values) : ''}`;
    return send(reply, shell(req, lang, L(lang, 'Cari di registri DTKS/DTSEN', 'Look up the DTKS/DTSEN registry'), '/petugas/registri', body), status);
  };

  app.get('/petugas/registri', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    if (!maskingFor(req.staff!.roles)) return forbidden(req, reply, lang, '/petugas/registri');
    const q = req.query as { application?: string };
    const values: { nik?: string; application?: string } = {};
    if (q.application) {
      const a = await findApplication(ctx.database.db, req.staff!.officeId, q.application);
      if (a) {
        values.application = a.id;
        values.nik = a.applicant_nik ?? undefined;
      }
    }
    return lookupPage(req, reply, lang, values);
  });

  app.post('/petugas/registri', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    if (!maskingFor(req.staff!.roles)) return forbidden(req, reply, lang, '/petugas/registri');
    const b = (req.body ?? {}) as { nik?: string; kk?: string; application?: string; reason?: string; asOf?: string };
    const values = { nik: b.nik?.trim() || undefined, kk: b.kk?.trim() || undefined, application: b.application || undefined, reason: b.reason, asOf: b.asOf || undefined };
    const r = await lookupRegistry(ctx, actorOf(req, ctx), values);
    if (!r.ok) return lookupPage(req, reply, lang, values, undefined, r.problems.map((p) => (lang === 'id' ? p.message : p.messageEn)).join(' '), r.status);
    return lookupPage(req, reply, lang, values, r.value);
  });

  /* import */

  app.get('/petugas/registri/impor', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    if (!canImport(req.staff!.roles)) return forbidden(req, reply, lang, '/petugas/registri/impor');
    const office = officeOf(req);
    const today = ctx.clock.localDate(office.office, nowOf(ctx).toISOString());
    const error = (req.query as { error?: string }).error;
    const body = html`${error ? html`<div class="error-summary" role="alert"><p>${error}</p></div>` : ''}
<p>${L(lang, 'Unggah ekstrak DTKS/DTSEN kantor Anda (CSV dengan pemisah koma, titik koma atau garis tegak; UTF-8 atau Windows-1252; atau XLSX). Snapshot baru baru berlaku setelah seluruh berkas dimuat dan diperiksa; bila lebih dari ambang baris ditolak, snapshot lama tetap berlaku.', 'Upload your office’s DTKS/DTSEN extract (CSV separated by commas, semicolons or pipes; UTF-8 or Windows-1252; or XLSX). The new snapshot only takes effect once the whole file is loaded and checked; if more rows than the threshold are rejected, the old snapshot stays current.')}</p>
<form method="post" action="${withLang('/petugas/registri/impor', lang)}" enctype="multipart/form-data" class="intake"><input type="hidden" name="_csrf" value="${req.csrfToken ?? ''}">
<div class="field"><label for="f-period">${L(lang, 'Periode data (YYYY-MM)', 'Data period (YYYY-MM)')}</label><input id="f-period" name="period" pattern="\\d{4}-\\d{2}" value="${today.slice(0, 7)}" required></div>
<div class="field"><label for="f-threshold">${L(lang, 'Ambang baris ditolak', 'Rejected-rows threshold')}</label><input id="f-threshold" name="threshold" value="1%" aria-describedby="h-thr"><p class="help" id="h-thr">${L(lang, 'Impor ditolak seluruhnya bila baris tidak sah melebihi ambang ini.', 'The whole import is refused if invalid rows exceed this threshold.')}</p></div>
<div class="field"><label for="f-file">${L(lang, 'Berkas ekstrak (CSV atau XLSX)', 'Extract file (CSV or XLSX)')}</label><input id="f-file" name="file" type="file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required></div>
<div class="field"><label for="f-map">${L(lang, 'Berkas pemetaan kolom (opsional, YAML/JSON)', 'Column mapping file (optional, YAML/JSON)')}</label><input id="f-map" name="mapping" type="file" accept=".yaml,.yml,.json"></div>
<button type="submit" class="primary">${L(lang, 'Mulai impor', 'Start import')}</button></form>`;
    return send(reply, shell(req, lang, L(lang, 'Impor snapshot registri', 'Import a registry snapshot'), '/petugas/registri/impor', body));
  });

  app.post('/petugas/registri/impor', { schema: { hide: true } }, async (req, reply) => {
    const lang = pickLang(req.query);
    if (!req.staff) return reply.redirect('/masuk', 303);
    if (!canImport(req.staff.roles)) return forbidden(req, reply, lang, '/petugas/registri/impor');
    const r = await beginImport(req, ctx, true);
    if (!r.ok) {
      if (r.status === 403 && r.problem.code === 'csrf') return send(reply, 'Token formulir tidak sah / invalid form token', 403);
      return reply.redirect(withLang(`/petugas/registri/impor?error=${encodeURIComponent(lang === 'id' ? r.problem.message : r.problem.messageEn)}`, lang), 303);
    }
    return reply.redirect(withLang(`/petugas/registri/impor/${r.job.id}`, lang), 303);
  });

  app.get('/petugas/registri/impor/:id', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    if (!maskingFor(req.staff!.roles)) return forbidden(req, reply, lang, '/petugas/registri/impor');
    const office = officeOf(req);
    const jobId = (req.params as { id: string }).id;
    const s = /^[0-9a-f-]{36}$/.test(jobId) ? await jobState(ctx, office.id, jobId) : null;
    if (!s) return send(reply, shell(req, lang, L(lang, 'Impor tidak ditemukan', 'Import not found'), '/petugas/registri/impor', html``), 404);
    const pct = s.totalBytes ? Math.min(100, Math.round((s.bytesRead / s.totalBytes) * 100)) : 0;
    const phase: Record<string, [string, string]> = { hashing: ['Memeriksa berkas (SHA-256)', 'Checking the file (SHA-256)'], loading: ['Memuat dan memeriksa baris', 'Loading and checking rows'], indexing: ['Mengindeks', 'Indexing'], comparing: ['Membandingkan dengan snapshot sebelumnya', 'Comparing with the previous snapshot'], publishing: ['Menerbitkan', 'Publishing'], done: ['Selesai', 'Done'] };
    const summary = s.snapshot?.summary as (Partial<ImportSummary> & { rows?: ImportSummary['rows'] }) | undefined;
    // Without script the officer reloads with the link; with it, the bar follows the import (no full-page refresh).
    const script = s.done
      ? ''
      : raw(`<script>(function(){var u=${JSON.stringify(`/api/v1/registry/imports/${s.id}`)};function f(n){return Math.round(n).toLocaleString('id-ID')}function t(){fetch(u,{credentials:'same-origin'}).then(function(r){return r.json()}).then(function(j){if(j.done){location.reload();return}var p=j.totalBytes?Math.min(100,Math.round(j.bytesRead/j.totalBytes*100)):0;var b=document.getElementById('reg-progress');b.value=p;b.textContent=p+'%';document.getElementById('reg-pct').textContent=p+'%';document.getElementById('reg-rows').textContent=f(j.rowsRead);document.getElementById('reg-rate').textContent=f(j.rate);document.getElementById('reg-eta').textContent=j.etaSeconds==null?'—':Math.ceil(j.etaSeconds);document.getElementById('reg-rej').textContent=f(j.rejected);setTimeout(t,1000)}).catch(function(){setTimeout(t,3000)})}setTimeout(t,1000)})();</script>`);
    const body = html`<section aria-labelledby="h-prog"><h2 id="h-prog">${s.done ? L(lang, 'Hasil impor', 'Import result') : (phase[s.phase] ?? [s.phase, s.phase])[lang === 'id' ? 0 : 1]}</h2>
${s.done ? '' : html`<p><progress id="reg-progress" max="100" value="${pct}" aria-label="${L(lang, 'Kemajuan impor', 'Import progress')}">${pct}%</progress> <span id="reg-pct">${pct}%</span></p>
<p class="meta"><span id="reg-rows">${s.rowsRead.toLocaleString('id-ID')}</span> ${L(lang, 'baris', 'rows')} · <span id="reg-rate">${Math.round(s.rate).toLocaleString('id-ID')}</span> ${L(lang, 'baris/detik', 'rows/s')} · ${L(lang, 'sisa', 'left')} <span id="reg-eta">${s.etaSeconds === null ? '—' : Math.ceil(s.etaSeconds)}</span> ${L(lang, 'detik', 's')} · ${L(lang, 'ditolak', 'rejected')} <span id="reg-rej">${s.rejected.toLocaleString('id-ID')}</span></p>
<p class="meta">${L(lang, 'Snapshot lama tetap berlaku sampai impor ini selesai.', 'The old snapshot stays current until this import completes.')} <a href="${withLang(`/petugas/registri/impor/${s.id}`, lang)}">${L(lang, 'Perbarui', 'Refresh')}</a></p>`}
${s.status === 'noop' ? html`<p class="notice">${L(lang, 'Tidak ada perubahan: berkas yang sama (SHA-256 sama) sudah menjadi snapshot yang berlaku untuk periode ini.', 'No change: the same file (same SHA-256) is already the current snapshot for this period.')}</p>` : ''}
${s.status === 'complete' ? html`<p class="notice"><strong>${L(lang, 'Snapshot diterbitkan dan berlaku.', 'Snapshot published and current.')}</strong></p>` : ''}
${s.done && s.problems.length ? html`<div class="error-summary" role="alert"><h2>${L(lang, 'Impor ditolak', 'Import refused')}</h2><ul>${s.problems.map((p) => html`<li>${lang === 'id' ? p.message : p.messageEn}</li>`)}</ul></div>` : ''}
${s.snapshot && s.done
  ? html`<dl class="facts"><div><dt>${L(lang, 'Periode', 'Period')}</dt><dd>${s.snapshot.period}</dd></div><div><dt>${L(lang, 'Berkas', 'File')}</dt><dd>${s.snapshot.sourceName ?? ''}</dd></div><div><dt>SHA-256</dt><dd><code>${s.snapshot.sourceSha256.slice(0, 16)}…</code></dd></div>
<div><dt>${L(lang, 'Baris dibaca', 'Rows read')}</dt><dd>${s.snapshot.rowsRead.toLocaleString('id-ID')}</dd></div><div><dt>${L(lang, 'Diterima', 'Accepted')}</dt><dd>${(s.snapshot.rowsAccepted ?? 0).toLocaleString('id-ID')}</dd></div><div><dt>${L(lang, 'Ditolak', 'Rejected')}</dt><dd>${(s.snapshot.rowsRejected ?? 0).toLocaleString('id-ID')}</dd></div>
<div><dt>${L(lang, 'Tidak berubah', 'Unchanged')}</dt><dd>${s.snapshot.rowsUnchanged === null ? '—' : s.snapshot.rowsUnchanged.toLocaleString('id-ID')}</dd></div><div><dt>${L(lang, 'Baru / keluar', 'New / removed')}</dt><dd>${summary?.rows?.new ?? '—'} / ${summary?.rows?.removed ?? '—'}</dd></div><div><dt>${L(lang, 'Pengimpor', 'Importer')}</dt><dd>${s.snapshot.importer}</dd></div></dl>
${s.snapshot.hasReport && canImport(req.staff!.roles) ? html`<p><a class="button" href="${withLang(`/petugas/registri/snapshot/${s.snapshot.id}/laporan`, lang)}">${L(lang, 'Unduh laporan baris ditolak (CSV)', 'Download the rejected-rows report (CSV)')}</a></p>` : ''}`
  : ''}
${s.done ? html`<p><a href="${withLang('/petugas/registri/snapshot', lang)}">${L(lang, 'Semua snapshot', 'All snapshots')}</a> · <a href="${withLang('/petugas/registri/impor', lang)}">${L(lang, 'Impor lagi', 'Import again')}</a></p>` : ''}</section>${script}`;
    return send(reply, shell(req, lang, L(lang, 'Impor registri', 'Registry import'), '/petugas/registri/impor', body));
  });

  /* snapshots */

  app.get('/petugas/registri/snapshot', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    if (!maskingFor(req.staff!.roles)) return forbidden(req, reply, lang, '/petugas/registri/snapshot');
    const office = officeOf(req);
    const rows = await listSnapshots(ctx.database.db, office.id, 100);
    const exporter = canExportRows(req.staff!.roles);
    const statusLabel: Record<string, [string, string]> = { complete: ['selesai', 'complete'], loading: ['memuat', 'loading'], refused: ['ditolak', 'refused'], failed: ['gagal', 'failed'], abandoned: ['terhenti (dibersihkan)', 'abandoned (cleaned up)'] };
    const body = html`<p>${L(lang, 'Setiap impor disimpan sebagai snapshot dengan SHA-256 berkasnya, pengimpor dan waktunya. Yang bertanda ★ berlaku untuk periodenya; snapshot lama disimpan agar dapat diketahui siapa yang tercantum pada tanggal tertentu (menu Cari › Riwayat).', 'Each import is kept as a snapshot with its file’s SHA-256, importer and time. ★ marks the one current for its period; old snapshots are kept so one can tell who was listed on a given date (Look up › History).')}</p>
<div class="table-wrap" tabindex="0" role="region" aria-label="${L(lang, 'Daftar snapshot', 'Snapshots')}"><table class="queue"><thead><tr><th scope="col">${L(lang, 'Periode', 'Period')}</th><th scope="col">Status</th><th scope="col">${L(lang, 'Baris', 'Rows')}</th><th scope="col">${L(lang, 'Diimpor', 'Imported')}</th><th scope="col">${L(lang, 'Oleh', 'By')}</th><th scope="col">${L(lang, 'Berkas', 'File')}</th><th scope="col">${L(lang, 'Tindakan', 'Actions')}</th></tr></thead><tbody>${rows.map(
      (s) => html`<tr><td>${s.current_for_period ? '★ ' : ''}${s.period}</td><td>${(statusLabel[s.status] ?? [s.status, s.status])[lang === 'id' ? 0 : 1]}${s.replaced_at ? html`<br><span class="meta">${L(lang, 'diganti', 'replaced')} ${dateTime(office, s.replaced_at)}</span>` : ''}</td><td>${(s.rows_accepted ?? s.rows_read).toLocaleString('id-ID')}${s.rows_rejected ? html`<br><span class="meta">${L(lang, 'ditolak', 'rejected')} ${s.rows_rejected.toLocaleString('id-ID')}</span>` : ''}</td><td>${dateTime(office, s.completed_at ?? s.started_at)}</td><td>${s.importer_name}</td><td>${s.source_name ?? ''}<br><code class="meta">${s.source_sha256.slice(0, 12)}…</code></td><td><a href="${withLang(`/petugas/registri/impor/${s.id}`, lang)}">${L(lang, 'rincian', 'details')}</a>${s.report_path && canImport(req.staff!.roles) ? html` · <a href="${withLang(`/petugas/registri/snapshot/${s.id}/laporan`, lang)}">${L(lang, 'laporan', 'report')}</a>` : ''}</td></tr>`,
    )}</tbody></table></div>
${exporter && rows.some((s) => s.status === 'complete')
  ? html`<h2>${L(lang, 'Ekspor baris snapshot', 'Export snapshot rows')}</h2><p class="meta">${L(lang, 'Ekspor data pribadi dicatat di log akses beserta dasarnya.', 'Exports of personal data are recorded in the access log with their basis.')}</p>
<form method="post" action="${withLang('/petugas/registri/ekspor', lang)}" class="intake"><input type="hidden" name="_csrf" value="${req.csrfToken ?? ''}">
<div class="field"><label for="f-snap">Snapshot</label><select id="f-snap" name="snapshot">${rows.filter((s) => s.status === 'complete').map((s) => html`<option value="${s.id}">${s.period}${s.current_for_period ? ' ★' : ''} · ${s.source_name ?? s.id.slice(0, 8)}</option>`)}</select></div>
<div class="field"><label for="f-dist">${L(lang, 'Kecamatan (opsional)', 'Kecamatan (optional)')}</label><input id="f-dist" name="district"></div>
<div class="field"><label for="f-vil">${L(lang, 'Desa/kelurahan (opsional)', 'Village (optional)')}</label><input id="f-vil" name="village"></div>
<div class="field"><label for="f-why">${L(lang, 'Dasar ekspor (nomor surat/keperluan)', 'Basis of the export (letter number/purpose)')}</label><input id="f-why" name="reason" required minlength="5"></div>
<button type="submit">${L(lang, 'Unduh CSV', 'Download CSV')}</button></form>`
  : ''}`;
    return send(reply, shell(req, lang, L(lang, 'Snapshot registri', 'Registry snapshots'), '/petugas/registri/snapshot', body));
  });

  app.get('/petugas/registri/snapshot/:id/laporan', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    return sendReport(req, reply, (req.params as { id: string }).id);
  });

  app.post('/petugas/registri/ekspor', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    const b = (req.body ?? {}) as { snapshot?: string; district?: string; village?: string; reason?: string };
    const r = await exportRows(ctx, actorOf(req, ctx), { snapshot: b.snapshot ?? '', district: b.district, village: b.village, reason: b.reason });
    if (!r.ok) {
      if (r.status === 403) return forbidden(req, reply, lang, '/petugas/registri/snapshot');
      return send(reply, shell(req, lang, L(lang, 'Ekspor ditolak', 'Export refused'), '/petugas/registri/snapshot', html`<div class="error-summary" role="alert"><p>${r.problems.map((p) => (lang === 'id' ? p.message : p.messageEn)).join(' ')}</p></div><p><a href="${withLang('/petugas/registri/snapshot', lang)}">${L(lang, 'Kembali', 'Back')}</a></p>`), r.status);
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="registri-${r.snapshot.period}-${r.snapshot.id.slice(0, 8)}.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(r.lines));
  });

  /* proposals */

  app.get('/petugas/registri/usulan', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    const masking = maskingFor(req.staff!.roles);
    if (!masking) return forbidden(req, reply, lang, '/petugas/registri/usulan');
    const office = officeOf(req);
    const stage = (req.query as { tahap?: string }).tahap || undefined;
    const rows = await listProposals(ctx.database.db, office.id, { stage, limit: 300 });
    const error = (req.query as { error?: string }).error;
    const body = html`<p>${L(lang, 'Usulan warga untuk masuk DTKS/DTSEN (dan PBI-JK): dari penerimaan, survei lapangan, finalisasi di SIKS-NG (dengan nomor usulan) sampai keputusan kementerian; terkonfirmasi otomatis ketika snapshot berikutnya memuat warga tersebut.', 'Proposals of residents for DTKS/DTSEN (and PBI-JK): from intake, field survey, finalisation in SIKS-NG (with its reference) to the ministry’s decision; confirmed automatically when a later snapshot lists the person.')}</p>
${error ? html`<div class="error-summary" role="alert"><p>${error}</p></div>` : ''}
<form method="get" action="/petugas/registri/usulan" class="filters"><label for="f-stage">${L(lang, 'Tahap', 'Stage')}</label><select id="f-stage" name="tahap"><option value="">${L(lang, 'Semua', 'All')}</option>${(Object.keys(STAGE_LABEL) as Stage[]).map((k) => html`<option value="${k}"${stage === k ? html` selected` : ''}>${STAGE_LABEL[k][lang === 'id' ? 0 : 1]}</option>`)}</select>${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}<button type="submit">${L(lang, 'Saring', 'Filter')}</button></form>
<div class="table-wrap" tabindex="0" role="region" aria-label="${L(lang, 'Daftar usulan', 'Proposals')}"><table class="queue"><caption>${rows.length} ${L(lang, 'usulan', 'proposals')}</caption><thead><tr><th scope="col">${L(lang, 'Nama', 'Name')}</th><th scope="col">NIK</th><th scope="col">${L(lang, 'Jenis', 'Kind')}</th><th scope="col">${L(lang, 'Tahap', 'Stage')}</th><th scope="col">SIKS-NG</th><th scope="col">${L(lang, 'Dibuka', 'Opened')}</th></tr></thead><tbody>${rows.map(
      (p) => html`<tr><td><a href="${withLang(`/petugas/registri/usulan/${p.id}`, lang)}">${p.name}</a></td><td>${masking === 'masked' ? maskNik(p.nik) : p.nik}</td><td>${p.kind === 'pbi-jk' ? 'PBI-JK' : 'DTKS/DTSEN'}</td><td>${STAGE_LABEL[p.stage as Stage]?.[lang === 'id' ? 0 : 1] ?? p.stage}</td><td>${p.siksng_reference ?? '—'}</td><td>${dateTime(office, p.opened_at)}</td></tr>`,
    )}</tbody></table></div>
${canRecordProposal(req.staff!.roles)
  ? html`<h2>${L(lang, 'Catat usulan baru', 'Record a new proposal')}</h2><form method="post" action="${withLang('/petugas/registri/usulan', lang)}" class="intake"><input type="hidden" name="_csrf" value="${req.csrfToken ?? ''}">
<div class="field"><label for="p-nik">NIK</label><input id="p-nik" name="nik" inputmode="numeric" required></div>
<div class="field"><label for="p-kk">${L(lang, 'No. KK', 'KK number')}</label><input id="p-kk" name="kk" inputmode="numeric"></div>
<div class="field"><label for="p-name">${L(lang, 'Nama', 'Name')}</label><input id="p-name" name="name" required></div>
<div class="field"><label for="p-kind">${L(lang, 'Jenis usulan', 'Kind')}</label><select id="p-kind" name="kind"><option value="dtks">DTKS/DTSEN</option><option value="pbi-jk">PBI-JK</option></select></div>
<div class="field"><label for="p-note">${L(lang, 'Catatan', 'Note')}</label><textarea id="p-note" name="note" rows="2"></textarea></div>
<button type="submit">${L(lang, 'Catat usulan', 'Record proposal')}</button></form>`
  : ''}`;
    return send(reply, shell(req, lang, L(lang, 'Usulan DTKS/DTSEN', 'DTKS/DTSEN proposals'), '/petugas/registri/usulan', body));
  });

  app.post('/petugas/registri/usulan', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    const r = await createProposal(ctx, actorOf(req, ctx), (req.body ?? {}) as { nik: string; kk?: string; name: string; kind?: string; note?: string });
    if (!r.ok) return reply.redirect(withLang(`/petugas/registri/usulan?error=${encodeURIComponent(r.problems.map((p) => (lang === 'id' ? p.message : p.messageEn)).join(' '))}`, lang), 303);
    return reply.redirect(withLang(`/petugas/registri/usulan/${r.value.id}`, lang), 303);
  });

  app.get('/petugas/registri/usulan/:id', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    const masking = maskingFor(req.staff!.roles);
    if (!masking) return forbidden(req, reply, lang, '/petugas/registri/usulan');
    const office = officeOf(req);
    const p = await findProposal(ctx.database.db, office.id, (req.params as { id: string }).id);
    if (!p) return send(reply, shell(req, lang, L(lang, 'Usulan tidak ditemukan', 'Proposal not found'), '/petugas/registri/usulan', html``), 404);
    const evs = await proposalEvents(ctx.database.db, p.id);
    const app_ = p.application_id ? await findApplication(ctx.database.db, office.id, p.application_id) : undefined;
    const error = (req.query as { error?: string }).error;
    const stages: Stage[] = ['surveyed', 'finalised', 'approved', 'rejected', 'not-proposed'];
    const body = html`${error ? html`<div class="error-summary" role="alert"><p>${error}</p></div>` : ''}
<dl class="facts"><div><dt>${L(lang, 'Nama', 'Name')}</dt><dd>${p.name}</dd></div><div><dt>NIK</dt><dd>${masking === 'masked' ? maskNik(p.nik) : p.nik}</dd></div><div><dt>${L(lang, 'Jenis', 'Kind')}</dt><dd>${p.kind === 'pbi-jk' ? 'PBI-JK' : 'DTKS/DTSEN'}</dd></div>
<div><dt>${L(lang, 'Tahap', 'Stage')}</dt><dd><strong>${STAGE_LABEL[p.stage as Stage]?.[lang === 'id' ? 0 : 1] ?? p.stage}</strong></dd></div><div><dt>${L(lang, 'Nomor usulan SIKS-NG', 'SIKS-NG reference')}</dt><dd>${p.siksng_reference ?? html`<span class="meta">${L(lang, 'belum dicatat', 'not recorded yet')}</span>`}</dd></div><div><dt>${L(lang, 'Berkas', 'Case')}</dt><dd>${app_ ? html`<a href="${withLang(`/petugas/berkas/${app_.id}`, lang)}">${app_.registration_number}</a>` : '—'}</dd></div></dl>
<h2>${L(lang, 'Riwayat', 'History')}</h2><ol class="timeline">${evs.map((e) => html`<li><time datetime="${e.at}">${dateTime(office, e.at)}</time> · <strong>${STAGE_LABEL[e.stage as Stage]?.[lang === 'id' ? 0 : 1] ?? e.stage}</strong> · ${e.actor_name}${e.note ? html`<br>${e.note}` : ''}</li>`)}</ol>
${canRecordProposal(req.staff!.roles) && !['confirmed', 'rejected', 'not-proposed'].includes(p.stage)
  ? html`<h2>${L(lang, 'Catat tahap', 'Record a stage')}</h2><form method="post" action="${withLang(`/petugas/registri/usulan/${p.id}`, lang)}" class="intake"><input type="hidden" name="_csrf" value="${req.csrfToken ?? ''}"><input type="hidden" name="version" value="${p.version}">
<div class="field"><label for="s-stage">${L(lang, 'Tahap', 'Stage')}</label><select id="s-stage" name="stage">${stages.map((k) => html`<option value="${k}">${STAGE_LABEL[k][lang === 'id' ? 0 : 1]}</option>`)}</select></div>
<div class="field"><label for="s-siks">${L(lang, 'Nomor/ID usulan SIKS-NG (wajib untuk finalisasi)', 'SIKS-NG proposal reference (required to finalise)')}</label><input id="s-siks" name="siksngReference" value="${p.siksng_reference ?? ''}"></div>
<div class="field"><label for="s-min">${L(lang, 'Nomor keputusan/rujukan kementerian', 'Ministry decision reference')}</label><input id="s-min" name="ministryReference"></div>
<div class="field"><label for="s-note">${L(lang, 'Catatan / alasan', 'Note / reason')}</label><textarea id="s-note" name="note" rows="2"></textarea></div>
<button type="submit" class="primary">${L(lang, 'Simpan', 'Save')}</button></form>`
  : ''}`;
    return send(reply, shell(req, lang, L(lang, 'Usulan', 'Proposal'), '/petugas/registri/usulan', body));
  });

  app.post('/petugas/registri/usulan/:id', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    const id = (req.params as { id: string }).id;
    const b = (req.body ?? {}) as { stage?: string; siksngReference?: string; ministryReference?: string; note?: string; version?: string };
    const r = await recordProposalStage(ctx, actorOf(req, ctx), id, { stage: b.stage ?? '', siksngReference: b.siksngReference, ministryReference: b.ministryReference, note: b.note, version: Number(b.version) });
    if (!r.ok) return reply.redirect(withLang(`/petugas/registri/usulan/${id}?error=${encodeURIComponent(r.problems.map((p) => (lang === 'id' ? p.message : p.messageEn)).join(' '))}`, lang), 303);
    return reply.redirect(withLang(`/petugas/registri/usulan/${id}`, lang), 303);
  });

  /* a case's registry record */

  app.get('/petugas/registri/berkas/:id', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    if (!maskingFor(req.staff!.roles)) return forbidden(req, reply, lang, '/petugas/registri');
    const office = officeOf(req);
    const a = await findApplication(ctx.database.db, office.id, (req.params as { id: string }).id);
    if (!a) return send(reply, shell(req, lang, L(lang, 'Berkas tidak ditemukan', 'Case not found'), '/petugas/registri', html``), 404);
    const elig = JSON.parse(a.eligibility) as { results?: { id: string; message: string; verdict: string }[]; registry?: Record<string, unknown> | null };
    const evs = (await caseEvents(ctx.database.db, a.id)).map((e) => ({ ...e, data: JSON.parse(e.data) as Record<string, unknown> })).filter((e) => e.data.registry || e.type.startsWith('registry-'));
    const verdict = (v: string) => (v === 'pass' ? '✓' : v === 'fail' ? '✗' : '?');
    const body = html`<p><a href="${withLang(`/petugas/berkas/${a.id}`, lang)}">${a.registration_number}</a> · ${a.applicant_name}</p>
<h2>${L(lang, 'Saat pengajuan', 'At submission')}</h2>
${elig.registry ? html`<p class="meta">${L(lang, 'Snapshot', 'Snapshot')} ${String(elig.registry['registry.period'] ?? '')} · DTKS: ${String(elig.registry['registry.dtks'])} · desil ${String(elig.registry['registry.desil'] ?? '—')} · PKH ${String(elig.registry['registry.pkh'] ?? '—')} · BPNT ${String(elig.registry['registry.bpnt'] ?? '—')} · PBI ${String(elig.registry['registry.pbi'] ?? '—')}</p>` : html`<p class="meta">${L(lang, 'Belum ada data registri saat pengajuan (aturan registri: periksa manual).', 'No registry data at submission (registry rules: check manually).')}</p>`}
<ul>${(elig.results ?? []).map((r) => html`<li>${verdict(r.verdict)} ${r.message}</li>`)}</ul>
<h2>${L(lang, 'Pemeriksaan ulang di langkah keputusan', 'Re-checks at decision steps')}</h2>
${evs.length ? html`<ol class="timeline">${evs.map((e) => {
      const reg = e.data.registry as { snapshot?: { period: string } | null; rules?: { message: string; verdict: string; atSubmission: string | null }[]; facts?: Record<string, unknown> | null } | undefined;
      return html`<li><time datetime="${e.at}">${dateTime(office, e.at)}</time> · ${e.step_id ?? e.type} · ${e.actor_name}${reg ? html`<br>${reg.snapshot ? `${L(lang, 'snapshot', 'snapshot')} ${reg.snapshot.period}` : L(lang, 'tanpa snapshot', 'no snapshot')}${reg.facts ? ` · DTKS ${String(reg.facts['registry.dtks'])}` : ''}<ul>${(reg.rules ?? []).map((r) => html`<li>${verdict(r.verdict)} ${r.message}${r.atSubmission && r.atSubmission !== r.verdict ? html` <span class="meta">(${L(lang, 'saat pengajuan', 'at submission')}: ${verdict(r.atSubmission)})</span>` : ''}</li>`)}</ul>` : e.note ? html`<br>${e.note}` : ''}</li>`;
    })}</ol>` : html`<p class="meta">${L(lang, 'Belum ada.', 'None yet.')}</p>`}
<p><a class="button" href="${withLang(`/petugas/registri?application=${a.id}`, lang)}">${L(lang, 'Periksa registri sekarang untuk berkas ini', 'Look up the registry now for this case')}</a></p>`;
    return send(reply, shell(req, lang, L(lang, 'Registri untuk berkas', 'Registry for a case'), '/petugas/registri', body));
  });

  /* access log and personal data */

  app.get('/petugas/registri/log', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    if (!canReadLog(req.staff!.roles)) return forbidden(req, reply, lang, '/petugas/registri/log');
    const office = officeOf(req);
    const q = req.query as { nik?: string; before?: string };
    const rows = await accessLog(ctx.database.db, office.id, { nik: q.nik?.trim() || undefined, limit: 200, before: q.before ? Number(q.before) : undefined });
    const actionLabel: Record<string, [string, string]> = { 'lookup-nik': ['cari NIK', 'NIK look-up'], 'lookup-kk': ['cari KK', 'KK look-up'], 'export-rows': ['ekspor baris', 'rows export'], 'export-person': ['ekspor data pribadi', 'personal data export'], report: ['unduh laporan', 'report download'] };
    const body = html`<form method="get" action="/petugas/registri/log" class="filters"><label for="l-nik">NIK</label><input id="l-nik" name="nik" inputmode="numeric" value="${q.nik ?? ''}">${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}<button type="submit">${L(lang, 'Saring', 'Filter')}</button></form>
<div class="table-wrap" tabindex="0" role="region" aria-label="${L(lang, 'Log akses', 'Access log')}"><table class="queue"><caption>${L(lang, 'Setiap pembacaan dan ekspor data registri', 'Every read and export of registry data')}</caption><thead><tr><th scope="col">${L(lang, 'Waktu', 'Time')}</th><th scope="col">${L(lang, 'Petugas', 'Officer')}</th><th scope="col">${L(lang, 'Tindakan', 'Action')}</th><th scope="col">NIK / KK</th><th scope="col">${L(lang, 'Keperluan', 'Purpose')}</th><th scope="col">${L(lang, 'Ditemukan', 'Found')}</th></tr></thead><tbody>${rows.map(
      (r) => html`<tr><td>${dateTime(office, r.at)}</td><td>${r.actor_name}</td><td>${(actionLabel[r.action] ?? [r.action, r.action])[lang === 'id' ? 0 : 1]}</td><td>${r.nik ?? r.kk ?? '—'}</td><td>${r.application_id ? html`<a href="${withLang(`/petugas/berkas/${r.application_id}`, lang)}">${L(lang, 'berkas', 'case')}</a>` : ''}${r.reason ?? ''}</td><td>${r.found === null ? '—' : r.found ? L(lang, 'ya', 'yes') : L(lang, 'tidak', 'no')}</td></tr>`,
    )}</tbody></table></div>
${rows.length === 200 ? html`<p><a href="${withLang(`/petugas/registri/log?before=${Number(rows[rows.length - 1]!.seq)}${q.nik ? `&nik=${encodeURIComponent(q.nik)}` : ''}`, lang)}">${L(lang, 'Lebih lama', 'Older')}</a></p>` : ''}`;
    return send(reply, shell(req, lang, L(lang, 'Log akses registri', 'Registry access log'), '/petugas/registri/log', body));
  });

  app.get('/petugas/registri/data-pribadi', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    if (!canExportPerson(req.staff!.roles)) return forbidden(req, reply, lang, '/petugas/registri/data-pribadi');
    const error = (req.query as { error?: string }).error;
    const body = html`<p>${L(lang, 'Atas permintaan warga (UU 27/2022 Pasal 32), unduh salinan semua data yang disimpan Sigap tentang satu NIK: baris registri di setiap snapshot, permohonan dan riwayatnya, usulan, dan log siapa yang membaca datanya.', 'At a resident’s request (UU 27/2022 Art. 32), download a copy of everything Sigap holds about one NIK: registry rows in every snapshot, applications and their history, proposals, and the log of who read the data.')}</p>
${error ? html`<div class="error-summary" role="alert"><p>${error}</p></div>` : ''}
<form method="post" action="${withLang('/petugas/registri/data-pribadi', lang)}" class="intake"><input type="hidden" name="_csrf" value="${req.csrfToken ?? ''}">
<div class="field"><label for="d-nik">NIK</label><input id="d-nik" name="nik" inputmode="numeric" required></div>
<div class="field"><label for="d-why">${L(lang, 'Dasar permintaan (nomor surat/registrasi permintaan)', 'Basis of the request (request letter/registration number)')}</label><input id="d-why" name="reason" required minlength="5"></div>
<button type="submit" class="primary">${L(lang, 'Unduh (JSON)', 'Download (JSON)')}</button></form>`;
    return send(reply, shell(req, lang, L(lang, 'Salinan data pribadi', 'Copy of personal data'), '/petugas/registri/data-pribadi', body));
  });

  app.post('/petugas/registri/data-pribadi', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    const b = (req.body ?? {}) as { nik?: string; reason?: string };
    const r = await exportPerson(ctx, actorOf(req, ctx), { nik: b.nik ?? '', reason: b.reason });
    if (!r.ok) {
      if (r.status === 403) return forbidden(req, reply, lang, '/petugas/registri/data-pribadi');
      return reply.redirect(withLang(`/petugas/registri/data-pribadi?error=${encodeURIComponent(r.problems.map((p) => (lang === 'id' ? p.message : p.messageEn)).join(' '))}`, lang), 303);
    }
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="data-pribadi-${r.value.nik.slice(0, 6)}-${r.value.generatedAt.slice(0, 10)}.json"`)
      .header('cache-control', 'no-store')
      .send(JSON.stringify(r.value, null, 2));
  });
}

