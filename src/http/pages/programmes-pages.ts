/**
 * The programmes' staff pages under /petugas/program (list, one programme with its rounds, a
 * round's candidates, a candidate's verification form, the berita acara, the SK, the documents)
 * and the public copy of a document its QR code leads to. Forms are parsed by the API's schemas;
 * a refused form comes back (422) with each problem beside its field.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Problem } from '../../domain/errors.js';
import { may } from '../../domain/staff/permissions.js';
import type { Ctx } from '../../usecases/context.js';
import { addCandidate } from '../../usecases/programmes/add-candidate.js';
import { drawApplications } from '../../usecases/programmes/draw-applications.js';
import { draftDecree } from '../../usecases/programmes/draft-decree.js';
import { downloadDocument, downloadPublicDocument } from '../../usecases/programmes/download-document.js';
import { issueDecree } from '../../usecases/programmes/issue-decree.js';
import { issueReport } from '../../usecases/programmes/issue-report.js';
import { openRound } from '../../usecases/programmes/open-round.js';
import { showProgramme } from '../../usecases/programmes/show-programme.js';
import { showCandidate, showRound } from '../../usecases/programmes/read-candidates.js';
import { verifyCandidate } from '../../usecases/programmes/verify-candidate.js';
import { listProgrammes } from '../../usecases/programmes/list-programmes.js';
import { addCandidateBody, candidatesQuery, openRoundBody, roundCandidateParams, verifyBody } from '../api/programmes-schemas.js';
import { idParams, slugParams } from '../api/schemas.js';
import { officerOf } from '../auth.js';
import { L } from '../i18n.js';
import { formFields, redirectWithMessage, sendFile, sendHtml, statusOf, zodProblems } from '../reply.js';
import { errorPage, notFoundPage } from './layout.js';
import { publicPages, shellOf, staffPages, type ZodApp } from './plugin.js';
import { say } from './components.js';
import { candidatePage, roundPage } from './programmes-round-views.js';
import { programmePage, programmesListPage } from './programmes-views.js';

const flashQuery = z.object({ ok: z.string().max(500).optional(), error: z.string().max(2000).optional() });
const roundQuery = candidatesQuery.extend({ verification: z.union([candidatesQuery.shape.verification, z.literal('')]).optional() }).merge(flashQuery);
const docParams = z.object({ id: z.string().max(100), docId: z.string().max(100) });
const tokenParams = z.object({ token: z.string().max(100) });

const sayAll = (req: FastifyRequest, problems: readonly Problem[]) => problems.map((p) => say(req.lang, p)).join(' ');
const refused = (req: FastifyRequest, reply: FastifyReply, status: number, problems: readonly Problem[]) => sendHtml(reply, errorPage(req.lang, status, sayAll(req, problems)), status);

function registerStaff(app: ZodApp, ctx: Ctx): void {
  app.get('/petugas/program', { config: { may: 'programmes.read' } }, async (req, reply) => {
    const o = officerOf(req);
    const r = listProgrammes(ctx, o.office.office.slug);
    if (!r.ok) return refused(req, reply, statusOf(r.error.kind), r.error.problems);
    return sendHtml(reply, programmesListPage(shellOf(req), { officeName: o.office.office.name, programmes: r.value }));
  });

  const programmeView = async (req: FastifyRequest, reply: FastifyReply, slug: string, form?: { problems: readonly Problem[]; values: Record<string, string> }) => {
    const o = officerOf(req);
    const r = await showProgramme(ctx, o.actor, slug);
    if (!r.ok) return r.error.kind === 'not-found' ? sendHtml(reply, notFoundPage(req.lang, req.url), 404) : refused(req, reply, statusOf(r.error.kind), r.error.problems);
    const roleNames = Object.fromEntries(o.office.office.roles.map((x) => [x.id, x.name]));
    const today = ctx.clock.localDate(o.office.office, new Date().toISOString());
    return sendHtml(reply, programmePage(shellOf(req), { ...r.value, roleNames, canOpen: may(o.user.roles, 'programmes.manage'), today, ...form }), form ? 422 : 200);
  };

  app.get('/petugas/program/:slug', { config: { may: 'programmes.read' }, schema: { params: slugParams } }, (req, reply) => programmeView(req, reply, req.params.slug));

  app.post('/petugas/program/:slug/putaran', { config: { may: 'programmes.manage' }, schema: { params: slugParams } }, async (req, reply) => {
    const values = formFields(req.body);
    const form = openRoundBody.safeParse({ period: values.period ?? '', stage: values.stage ?? '', referenceDate: values.referenceDate ?? '', drawCategory: values.drawCategory || null });
    if (!form.success) return programmeView(req, reply, req.params.slug, { problems: zodProblems(form.error), values });
    const r = await openRound(ctx, officerOf(req).actor, { programme: req.params.slug, ...form.data });
    if (!r.ok) return r.error.kind === 'invalid' || r.error.kind === 'conflict' ? programmeView(req, reply, req.params.slug, { problems: r.error.problems, values }) : refused(req, reply, statusOf(r.error.kind), r.error.problems);
    const ok = L(req.lang, `Putaran dibuka: ${r.value.drawn} calon ditarik dari DTKS, ${r.value.refusedByScreening} tidak memenuhi syarat registri/usia${r.value.truncated ? ' (daftar dipotong pada batas putaran)' : ''}.`, `Round opened: ${r.value.drawn} candidates drawn from DTKS, ${r.value.refusedByScreening} failed the registry or age conditions${r.value.truncated ? ' (list cut at the round limit)' : ''}.`);
    return redirectWithMessage(reply, req.lang, `/petugas/program/putaran/${r.value.id}`, 'ok', ok);
  });

  const roundView = async (req: FastifyRequest, reply: FastifyReply, id: string, q: z.infer<typeof roundQuery>, form?: { problems: readonly Problem[]; values: Record<string, string> }) => {
    const o = officerOf(req);
    const filter = { verification: q.verification || undefined, name: q.name?.trim().toUpperCase() || undefined };
    const r = await showRound(ctx, o.actor, id, filter, q.page);
    if (!r.ok) return r.error.kind === 'not-found' ? sendHtml(reply, notFoundPage(req.lang, req.url), 404) : refused(req, reply, statusOf(r.error.kind), r.error.problems);
    const can = { add: may(o.user.roles, 'programmes.manage'), report: may(o.user.roles, 'programmes.report'), decree: may(o.user.roles, 'programmes.decree') };
    return sendHtml(reply, roundPage(shellOf(req), { ...r.value, can, filter, ok: q.ok, error: q.error, ...form }), form ? 422 : 200);
  };

  app.get('/petugas/program/putaran/:id', { config: { may: 'programmes.read' }, schema: { params: idParams, querystring: roundQuery } }, (req, reply) => roundView(req, reply, req.params.id, req.query));

  app.post('/petugas/program/putaran/:id/calon', { config: { may: 'programmes.manage' }, schema: { params: idParams } }, async (req, reply) => {
    const values = formFields(req.body);
    const back = (problems: readonly Problem[]) => roundView(req, reply, req.params.id, { page: 0 }, { problems, values });
    const form = addCandidateBody.safeParse({ nik: values.nik ?? '', kk: values.kk || null, name: values.name ?? '', category: values.category ?? '', source: values.source ?? '', village: values.village || null, note: values.note || null });
    if (!form.success) return back(zodProblems(form.error));
    const r = await addCandidate(ctx, officerOf(req).actor, req.params.id, form.data);
    if (!r.ok) return r.error.kind === 'not-found' || r.error.kind === 'forbidden' ? refused(req, reply, statusOf(r.error.kind), r.error.problems) : back(r.error.problems.map((p) => ({ ...p, field: p.field ?? 'nik' })));
    return redirectWithMessage(reply, req.lang, `/petugas/program/putaran/${req.params.id}`, 'ok', L(req.lang, 'Calon ditambahkan.', 'Candidate added.'));
  });

  app.post('/petugas/program/putaran/:id/tarik-berkas', { config: { may: 'programmes.manage' }, schema: { params: idParams } }, async (req, reply) => {
    const back = `/petugas/program/putaran/${req.params.id}`;
    const r = await drawApplications(ctx, officerOf(req).actor, req.params.id, { category: formFields(req.body).category || null });
    if (!r.ok) return redirectWithMessage(reply, req.lang, back, 'error', sayAll(req, r.error.problems));
    const d = r.value;
    return redirectWithMessage(reply, req.lang, back, 'ok', L(req.lang, `${d.added} pemohon ditambahkan; ${d.alreadyListed} sudah ada, ${d.refusedByScreening} tidak memenuhi syarat registri/usia, ${d.withoutCategory} tanpa kategori.`, `${d.added} applicants added; ${d.alreadyListed} already listed, ${d.refusedByScreening} failed the registry or age conditions, ${d.withoutCategory} without a category.`));
  });

  const candidateView = async (req: FastifyRequest, reply: FastifyReply, id: string, candidateId: string, form?: { problems: readonly Problem[]; values: Record<string, string> }) => {
    const o = officerOf(req);
    const r = await showCandidate(ctx, o.actor, id, candidateId);
    if (!r.ok) return r.error.kind === 'not-found' ? sendHtml(reply, notFoundPage(req.lang, req.url), 404) : refused(req, reply, statusOf(r.error.kind), r.error.problems);
    return sendHtml(reply, candidatePage(shellOf(req), { ...r.value, time: (iso) => ctx.clock.local(o.office.office, iso), ...form }), form ? 422 : 200);
  };

  app.get('/petugas/program/putaran/:id/calon/:candidateId', { config: { may: 'programmes.read' }, schema: { params: roundCandidateParams } }, (req, reply) => candidateView(req, reply, req.params.id, req.params.candidateId));

  app.post('/petugas/program/putaran/:id/calon/:candidateId', { config: { may: 'programmes.verify' }, schema: { params: roundCandidateParams } }, async (req, reply) => {
    const { id, candidateId } = req.params;
    const values = formFields(req.body);
    const back = (problems: readonly Problem[]) => candidateView(req, reply, id, candidateId, { problems, values });
    const form = verifyBody.safeParse({ result: values.result || undefined, reason: values.reason || null, version: Number(values.version) });
    if (!form.success)
      return back(zodProblems(form.error).map((p) => (p.field === 'result' ? { ...p, message: 'Pilih hasil verifikasi: memenuhi atau tidak memenuhi syarat', messageEn: 'Choose the result: eligible or ineligible' } : p)));
    const r = await verifyCandidate(ctx, officerOf(req).actor, id, candidateId, form.data);
    if (!r.ok) return r.error.kind === 'invalid' || r.error.kind === 'conflict' ? back(r.error.problems) : refused(req, reply, statusOf(r.error.kind), r.error.problems);
    return redirectWithMessage(reply, req.lang, `/petugas/program/putaran/${id}`, 'ok', L(req.lang, 'Hasil verifikasi disimpan.', 'Verification saved.'));
  });

  const act = (path: string, permission: 'programmes.report' | 'programmes.decree', run: (ctx: Ctx, req: FastifyRequest & { params: { id: string } }) => Promise<{ ok: true; value: { number: string } } | { ok: false; error: { problems: Problem[] } }>, done: [string, string]) =>
    app.post(path, { config: { may: permission }, schema: { params: idParams } }, async (req, reply) => {
      const r = await run(ctx, req);
      const back = `/petugas/program/putaran/${req.params.id}`;
      if (!r.ok) return redirectWithMessage(reply, req.lang, back, 'error', sayAll(req, r.error.problems));
      return redirectWithMessage(reply, req.lang, back, 'ok', `${L(req.lang, done[0], done[1])} ${r.value.number}`);
    });
  act('/petugas/program/putaran/:id/berita-acara', 'programmes.report', (c, req) => issueReport(c, officerOf(req).actor, req.params.id), ['Berita acara terbit:', 'Report issued:']);
  act('/petugas/program/putaran/:id/sk', 'programmes.decree', (c, req) => issueDecree(c, officerOf(req).actor, req.params.id, {}), ['SK penerima ditandatangani:', "Recipients' decree signed:"]);

  app.get('/petugas/program/putaran/:id/rancangan-sk', { config: { may: 'programmes.manage' }, schema: { params: idParams } }, async (req, reply) => {
    const r = await draftDecree(ctx, officerOf(req).actor, req.params.id);
    if (!r.ok) return r.error.kind === 'not-found' ? sendHtml(reply, notFoundPage(req.lang, req.url), 404) : refused(req, reply, statusOf(r.error.kind), r.error.problems);
    return sendFile(reply, r.value.pdf, { type: 'application/pdf', fileName: r.value.fileName, inline: true });
  });

  app.get('/petugas/program/putaran/:id/dokumen/:docId', { config: { may: 'programmes.read' }, schema: { params: docParams } }, async (req, reply) => {
    const r = await downloadDocument(ctx, officerOf(req).actor, req.params.id, req.params.docId);
    if (!r.ok) return sendHtml(reply, notFoundPage(req.lang, req.url), 404);
    return sendFile(reply, r.value.pdf, { type: 'application/pdf', fileName: r.value.fileName, inline: true });
  });
}

function registerPublic(app: ZodApp, ctx: Ctx): void {
  // The QR code of a berita acara or SK leads here: the signed public copy, NIK masked.
  app.get('/program/dokumen/:token', { schema: { params: tokenParams } }, async (req, reply) => {
    const r = await downloadPublicDocument(ctx, req.params.token);
    if (!r.ok) return sendHtml(reply, notFoundPage(req.lang, req.url), 404);
    return sendFile(reply, r.value.pdf, { type: 'application/pdf', fileName: r.value.fileName, inline: true });
  });
}

export const programmesPages = staffPages(registerStaff);
export const programmesPublicPages = publicPages(registerPublic);
