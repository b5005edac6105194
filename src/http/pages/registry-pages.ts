/**
 * The registry's back-office pages under /petugas/registri (a staff plugin): the counter's look-up,
 * a case's registry record, the access log and the personal-data request (its JSON download is
 * sent here); imports and snapshots are in registry-import-pages.ts, proposals in
 * registry-proposal-pages.ts. Thin: parse, call one use case, render a view.
 */
import { z } from 'zod';
import { exportPerson, mayExportPerson } from '../../usecases/registry/export-person.js';
import { lookupRegistry } from '../../usecases/registry/lookup-registry.js';
import { prepareLookup } from '../../usecases/registry/prepare-lookup.js';
import { readAccessLog } from '../../usecases/registry/read-access-log.js';
import { showCaseRegistry } from '../../usecases/registry/show-case-registry.js';
import { lookupQuery, reasonQuery } from '../api/registry-schemas.js';
import { idParams } from '../api/schemas.js';
import { officerOf } from '../auth.js';
import { L } from '../i18n.js';
import { formFields, sendHtml, statusOf, zodProblems } from '../reply.js';
import { staffPages } from './plugin.js';
import { backWithError, errorQuery, frameOf, sayAll } from './registry-frame.js';
import { registerImportPages } from './registry-import-pages.js';
import { registerProposalPages } from './registry-proposal-pages.js';
import { accessLogPage, caseRegistryPage, forbiddenPage, lookupPage, missingPage, personalDataPage, type LookupValues } from './registry-views.js';

/** The look-up form's fields shaped like the API's query (blank is not given). */
const lookupValues = (f: Record<string, string>): LookupValues => ({
  nik: f.nik?.trim() || undefined,
  kk: f.kk?.trim() || undefined,
  application: f.application || undefined,
  reason: f.reason,
  asOf: f.asOf || undefined,
});

const personalDataForm = reasonQuery.extend({ nik: z.string().max(100) });

export const registryPages = staffPages((app, ctx) => {
  app.get('/petugas/registri', { config: { may: 'registry.lookup' }, schema: { querystring: z.object({ application: z.string().max(100).optional() }) } }, async (req, reply) => {
    const f = frameOf(req, ctx);
    const start = await prepareLookup(ctx, officerOf(req).actor, { application: req.query.application });
    if (!start.ok) return sendHtml(reply, forbiddenPage(f, '/petugas/registri'), 403);
    const a = start.value.application;
    const values: LookupValues = a ? { application: a.id, nik: a.nik ?? undefined } : {};
    return sendHtml(reply, lookupPage(f, { values, current: start.value.snapshot, appLabel: a?.label }));
  });

  app.post('/petugas/registri', { config: { may: 'registry.lookup' } }, async (req, reply) => {
    const f = frameOf(req, ctx);
    const { actor } = officerOf(req);
    const values = lookupValues(formFields(req.body));
    const form = lookupQuery.safeParse(values);
    const start = await prepareLookup(ctx, actor, { application: values.application });
    if (!start.ok) return sendHtml(reply, forbiddenPage(f, '/petugas/registri'), 403);
    const page = { values, current: start.value.snapshot, appLabel: start.value.application?.label };
    if (!form.success) return sendHtml(reply, lookupPage(f, { ...page, error: sayAll(req.lang, zodProblems(form.error)) }), 422);
    const r = await lookupRegistry(ctx, actor, form.data);
    if (!r.ok) return sendHtml(reply, lookupPage(f, { ...page, error: sayAll(req.lang, r.error.problems) }), statusOf(r.error.kind));
    return sendHtml(reply, lookupPage(f, { ...page, result: r.value }));
  });

  app.get('/petugas/registri/berkas/:id', { config: { may: 'registry.lookup' }, schema: { params: idParams } }, async (req, reply) => {
    const f = frameOf(req, ctx);
    const r = await showCaseRegistry(ctx, officerOf(req).actor, req.params.id);
    if (r.ok) return sendHtml(reply, caseRegistryPage(f, r.value));
    if (r.error.kind === 'forbidden') return sendHtml(reply, forbiddenPage(f, '/petugas/registri'), 403);
    return sendHtml(reply, missingPage(f, L(req.lang, 'Berkas tidak ditemukan', 'Case not found'), '/petugas/registri'), 404);
  });

  app.get(
    '/petugas/registri/log',
    { config: { may: 'registry.read-log' }, schema: { querystring: z.object({ nik: z.string().max(100).optional(), before: z.coerce.number().int().min(1).optional() }) } },
    async (req, reply) => {
      const f = frameOf(req, ctx);
      const { nik, before } = req.query;
      const r = await readAccessLog(ctx, officerOf(req).actor, { nik: nik?.trim() || undefined, limit: 200, before });
      if (!r.ok) return sendHtml(reply, forbiddenPage(f, '/petugas/registri/log'), 403);
      const last = r.value.length === 200 ? r.value[r.value.length - 1] : undefined;
      const older = last ? `/petugas/registri/log?before=${last.seq}${nik ? `&nik=${encodeURIComponent(nik)}` : ''}` : null;
      return sendHtml(reply, accessLogPage(f, { nik, rows: r.value, older }));
    },
  );

  app.get('/petugas/registri/data-pribadi', { config: { may: 'registry.export-person' }, schema: { querystring: errorQuery } }, async (req, reply) => {
    const f = frameOf(req, ctx);
    if (!mayExportPerson(officerOf(req).actor).ok) return sendHtml(reply, forbiddenPage(f, '/petugas/registri/data-pribadi'), 403);
    return sendHtml(reply, personalDataPage(f, { error: req.query.error }));
  });

  app.post('/petugas/registri/data-pribadi', { config: { may: 'registry.export-person' } }, async (req, reply) => {
    const fields = formFields(req.body);
    const form = personalDataForm.safeParse({ nik: fields.nik ?? '', reason: fields.reason ?? '' });
    if (!form.success) return backWithError(reply, req.lang, '/petugas/registri/data-pribadi', zodProblems(form.error));
    const r = await exportPerson(ctx, officerOf(req).actor, form.data);
    if (!r.ok) {
      if (r.error.kind === 'forbidden') return sendHtml(reply, forbiddenPage(frameOf(req, ctx), '/petugas/registri/data-pribadi'), 403);
      return backWithError(reply, req.lang, '/petugas/registri/data-pribadi', r.error.problems);
    }
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="data-pribadi-${r.value.nik.slice(0, 6)}-${r.value.generatedAt.slice(0, 10)}.json"`)
      .header('cache-control', 'no-store')
      .send(JSON.stringify(r.value, null, 2));
  });

  registerImportPages(app, ctx);
  registerProposalPages(app, ctx);
});
