/**
 * The registry's import and snapshot pages: the upload form and its multipart post (the extract
 * streamed to disk; CSRF checked before it is stored), an import's progress, the snapshots, and their
 * CSV downloads (the rejected-rows report, the rows export).
 */
import { z } from 'zod';
import { fail } from '../../domain/errors.js';
import { canExportRows, canImport } from '../../domain/registry/access.js';
import type { Ctx } from '../../usecases/context.js';
import { downloadReport } from '../../usecases/registry/download-report.js';
import { exportRows } from '../../usecases/registry/export-rows.js';
import { listOfficeSnapshots } from '../../usecases/registry/list-snapshots.js';
import { prepareImport } from '../../usecases/registry/prepare-import.js';
import { importProgress } from '../../usecases/registry/read-import-progress.js';
import { mayImport, newImportId, startImport, uploadPathFor } from '../../usecases/registry/start-import.js';
import { exportQuery } from '../api/registry-schemas.js';
import { idParams } from '../api/schemas.js';
import { officerOf, refuseCsrf } from '../auth.js';
import { L } from '../i18n.js';
import { receiveExtract, sendCsv } from '../registry-files.js';
import { formFields, sendHtml, statusOf, zodProblems } from '../reply.js';
import { say } from './components.js';
import { withLang } from './layout.js';
import type { ZodApp } from './plugin.js';
import { exportRefusedPage, importFormPage, importProgressPage, snapshotsPage } from './registry-import-views.js';
import { backWithError, errorQuery, frameOf, sayAll } from './registry-frame.js';
import { forbiddenPage, missingPage } from './registry-views.js';

const exportForm = exportQuery.extend({ snapshot: z.string().max(100) });

export function registerImportPages(app: ZodApp, ctx: Ctx): void {
  app.get('/petugas/registri/impor', { config: { may: 'registry.import' }, schema: { querystring: errorQuery } }, async (req, reply) => {
    const f = frameOf(req, ctx);
    const r = prepareImport(ctx, officerOf(req).actor);
    if (!r.ok) return sendHtml(reply, forbiddenPage(f, '/petugas/registri/impor'), 403);
    return sendHtml(reply, importFormPage(f, { period: r.value.period, error: req.query.error }));
  });

  app.post('/petugas/registri/impor', { config: { may: 'registry.import' } }, async (req, reply) => {
    const { actor } = officerOf(req);
    // Refused before a byte of the upload is stored.
    if (!mayImport(actor).ok) return sendHtml(reply, forbiddenPage(frameOf(req, ctx), '/petugas/registri/impor'), 403);
    const id = newImportId();
    const up = await receiveExtract(req, uploadPathFor(ctx, id));
    if (!up.ok) return up.csrf ? refuseCsrf(req, reply) : backWithError(reply, req.lang, '/petugas/registri/impor', up.error.problems);
    const { fields, file, name, mappingText } = up.value;
    const r = await startImport(ctx, actor, { id, file, sourceName: name, period: fields.period, threshold: fields.threshold, mappingText });
    if (!r.ok) return backWithError(reply, req.lang, '/petugas/registri/impor', r.error.problems);
    return reply.redirect(withLang(`/petugas/registri/impor/${id}`, req.lang), 303);
  });

  app.get('/petugas/registri/impor/:id', { config: { may: 'registry.import' }, schema: { params: idParams } }, async (req, reply) => {
    const f = frameOf(req, ctx);
    const r = await importProgress(ctx, officerOf(req).actor, req.params.id);
    if (r.ok) return sendHtml(reply, importProgressPage(f, r.value, canImport(f.roles)));
    if (r.error.kind === 'forbidden') return sendHtml(reply, forbiddenPage(f, '/petugas/registri/impor'), 403);
    return sendHtml(reply, missingPage(f, L(req.lang, 'Impor tidak ditemukan', 'Import not found'), '/petugas/registri/impor'), 404);
  });

  app.get('/petugas/registri/snapshot', { config: { may: 'registry.lookup' } }, async (req, reply) => {
    const f = frameOf(req, ctx);
    const r = await listOfficeSnapshots(ctx, officerOf(req).actor, 100);
    if (!r.ok) return sendHtml(reply, forbiddenPage(f, '/petugas/registri/snapshot'), 403);
    return sendHtml(reply, snapshotsPage(f, { snapshots: r.value, canExport: canExportRows(f.roles), canDownloadReport: canImport(f.roles) }));
  });

  app.get('/petugas/registri/snapshot/:id/laporan', { config: { may: 'registry.import' }, schema: { params: idParams } }, async (req, reply) => {
    const r = await downloadReport(ctx, officerOf(req).actor, req.params.id);
    if (r.ok) return sendCsv(reply, r.value.filename, r.value);
    const f = frameOf(req, ctx);
    if (r.error.kind === 'forbidden') return sendHtml(reply, forbiddenPage(f, '/petugas/registri/snapshot'), 403);
    return sendHtml(reply, missingPage(f, say(req.lang, r.error.problems[0]!), '/petugas/registri/snapshot'), 404);
  });

  app.post('/petugas/registri/ekspor', { config: { may: 'registry.export' } }, async (req, reply) => {
    const fields = formFields(req.body);
    const form = exportForm.safeParse({ snapshot: fields.snapshot ?? '', district: fields.district, village: fields.village, reason: fields.reason ?? '' });
    const r = form.success ? await exportRows(ctx, officerOf(req).actor, form.data) : fail('invalid', ...zodProblems(form.error));
    if (r.ok) return sendCsv(reply, r.value.filename, r.value);
    const f = frameOf(req, ctx);
    if (r.error.kind === 'forbidden') return sendHtml(reply, forbiddenPage(f, '/petugas/registri/snapshot'), 403);
    return sendHtml(reply, exportRefusedPage(f, sayAll(req.lang, r.error.problems)), statusOf(r.error.kind));
  });
}
