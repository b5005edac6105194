/**
 * The staff pages of programme cycles under /petugas/program/<slug>/siklus and
 * /petugas/program/siklus/<id>: the cycles with the allocation, generation and exit forms; one
 * cycle with approval, reconciliation, bank files and the bank's result upload. Forms are parsed by
 * the API's schemas; a refused form comes back (422) with each problem beside its field.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Problem } from '../../domain/errors.js';
import { MAX_RESULT_BYTES } from '../../domain/programmes/cycles.js';
import { may } from '../../domain/staff/permissions.js';
import type { Ctx } from '../../usecases/context.js';
import { approveCycle } from '../../usecases/programmes/approve-cycle.js';
import { closeCycle } from '../../usecases/programmes/close-cycle.js';
import { batchFile, exportBatch } from '../../usecases/programmes/export-batch.js';
import { generateCycles } from '../../usecases/programmes/generate-cycles.js';
import { importBankResult } from '../../usecases/programmes/import-bank-result.js';
import { listCycles, showCycle } from '../../usecases/programmes/read-cycles.js';
import { recordExit } from '../../usecases/programmes/record-exit.js';
import { setProgrammeBudget } from '../../usecases/programmes/set-programme-budget.js';
import { evaluateRecipient } from '../../usecases/programmes/evaluate-recipient.js';
import { prepareReplacement } from '../../usecases/programmes/prepare-replacement.js';
import { readWaitingList } from '../../usecases/programmes/read-waiting-list.js';
import { batchBody, budgetBody, cycleQuery, evaluationBody, exitBody, generateBody } from '../api/programme-cycles-schemas.js';
import { idParams, slugParams } from '../api/schemas.js';
import { csrfValid, officerOf, refuseCsrf } from '../auth.js';
import { L } from '../i18n.js';
import { formFields, redirectWithMessage, sendFile, sendHtml, statusOf, wholeFile, zodProblems } from '../reply.js';
import { say } from './components.js';
import { errorPage, notFoundPage } from './layout.js';
import { shellOf, staffPages, type ZodApp } from './plugin.js';
import { cyclePage, cyclePath, cyclesPage, cyclesPath, waitingListPage } from './programme-cycles-views.js';

const flashQuery = z.object({ ok: z.string().max(500).optional(), error: z.string().max(2000).optional() });
const cycleQueryPage = cycleQuery.extend({ payment: z.union([cycleQuery.shape.payment, z.literal('')]).optional() }).merge(flashQuery);
const batchParams = z.object({ id: z.string().max(100), batchId: z.string().max(100) });
const fileParams = z.object({ id: z.string().max(100), file: z.string().max(120) });
type FormState = { problems: readonly Problem[]; values: Record<string, string> };

const sayAll = (req: FastifyRequest, problems: readonly Problem[]) => problems.map((p) => say(req.lang, p)).join(' ');
const refused = (req: FastifyRequest, reply: FastifyReply, status: number, problems: readonly Problem[]) => sendHtml(reply, errorPage(req.lang, status, sayAll(req, problems)), status);
const wholeRupiah = (s: string | undefined) => (s && /^\s*[\d.]+\s*$/.test(s) ? Number(s.replace(/[.\s]/g, '')) : s ? Number.NaN : undefined);

function registerStaff(app: ZodApp, ctx: Ctx): void {
  const cyclesView = async (req: FastifyRequest, reply: FastifyReply, slug: string, q: { ok?: string; error?: string }, form?: FormState) => {
    const o = officerOf(req);
    const r = await listCycles(ctx, o.actor, slug);
    if (!r.ok) return r.error.kind === 'not-found' ? sendHtml(reply, notFoundPage(req.lang, req.url), 404) : refused(req, reply, statusOf(r.error.kind), r.error.problems);
    const can = { disburse: may(o.user.roles, 'programmes.disburse'), approve: may(o.user.roles, 'programmes.approve'), evaluate: may(o.user.roles, 'programmes.verify') };
    const today = ctx.clock.localDate(o.office.office, new Date().toISOString());
    return sendHtml(reply, cyclesPage(shellOf(req), { ...r.value, can, today, ok: q.ok, error: q.error, ...form }), form ? 422 : 200);
  };

  app.get('/petugas/program/:slug/siklus', { config: { may: 'programmes.read' }, schema: { params: slugParams, querystring: flashQuery } }, (req, reply) => cyclesView(req, reply, req.params.slug, req.query));

  app.post('/petugas/program/:slug/siklus', { config: { may: 'programmes.disburse' }, schema: { params: slugParams } }, async (req, reply) => {
    const values = formFields(req.body);
    const back = (problems: readonly Problem[]) => cyclesView(req, reply, req.params.slug, {}, { problems, values });
    const form = generateBody.safeParse({ roundId: values.roundId ?? '', category: values.category ?? '', firstMonth: values.firstMonth ?? '', decreeNumber: values.decreeNumber || null });
    if (!form.success) return back(zodProblems(form.error));
    const r = await generateCycles(ctx, officerOf(req).actor, form.data);
    if (!r.ok) return r.error.kind === 'invalid' || r.error.kind === 'conflict' ? back(r.error.problems) : refused(req, reply, statusOf(r.error.kind), r.error.problems);
    const per = r.value.perRecipient;
    return redirectWithMessage(reply, req.lang, cyclesPath(req.params.slug), 'ok', L(req.lang, `${r.value.ids.length} siklus dibuat untuk ${r.value.recipients} penerima${per !== null ? ` (Rp ${per.toLocaleString('id-ID')} per penerima)` : ''}.`, `${r.value.ids.length} cycles generated for ${r.value.recipients} recipients${per !== null ? ` (Rp ${per.toLocaleString('id-ID')} per recipient)` : ''}.`));
  });

  app.post('/petugas/program/:slug/siklus/pagu', { config: { may: 'programmes.approve' }, schema: { params: slugParams } }, async (req, reply) => {
    const values = formFields(req.body);
    const back = (problems: readonly Problem[]) => cyclesView(req, reply, req.params.slug, {}, { problems, values });
    const form = budgetBody.safeParse({ period: values.period ?? '', amount: wholeRupiah(values.amount), note: values.note ?? '' });
    if (!form.success) return back(zodProblems(form.error));
    const r = await setProgrammeBudget(ctx, officerOf(req).actor, req.params.slug, form.data);
    if (!r.ok) return r.error.kind === 'invalid' ? back(r.error.problems) : refused(req, reply, statusOf(r.error.kind), r.error.problems);
    return redirectWithMessage(reply, req.lang, cyclesPath(req.params.slug), 'ok', L(req.lang, 'Pagu dicatat.', 'Allocation recorded.'));
  });

  app.post('/petugas/program/:slug/siklus/keluar', { config: { may: 'programmes.disburse' }, schema: { params: slugParams } }, async (req, reply) => {
    const values = formFields(req.body);
    const back = (problems: readonly Problem[]) => cyclesView(req, reply, req.params.slug, {}, { problems, values });
    const form = exitBody.safeParse({ period: values.period ?? '', nik: (values.nik ?? '').replace(/\s/g, ''), name: values.name ?? '', reason: values.reason ?? '', date: values.date ?? '', note: values.note || null });
    if (!form.success) return back(zodProblems(form.error));
    const r = await recordExit(ctx, officerOf(req).actor, req.params.slug, form.data);
    if (!r.ok) return r.error.kind === 'invalid' || r.error.kind === 'conflict' ? back(r.error.problems) : refused(req, reply, statusOf(r.error.kind), r.error.problems);
    return redirectWithMessage(reply, req.lang, cyclesPath(req.params.slug), 'ok', L(req.lang, 'Penerima keluar dicatat; siklus yang disetujui sesudahnya tidak memuatnya.', 'Recorded; cycles approved from now on leave them out.'));
  });

  app.post('/petugas/program/:slug/siklus/evaluasi', { config: { may: 'programmes.verify' }, schema: { params: slugParams } }, async (req, reply) => {
    const values = formFields(req.body);
    const back = (problems: readonly Problem[]) => cyclesView(req, reply, req.params.slug, {}, { problems, values });
    const form = evaluationBody.safeParse({ period: values.period ?? '', nik: (values.nik ?? '').replace(/\s/g, ''), name: values.name ?? '', result: values.result || undefined, reason: values.reason || null });
    if (!form.success) return back(zodProblems(form.error));
    const r = await evaluateRecipient(ctx, officerOf(req).actor, req.params.slug, form.data);
    if (!r.ok) return r.error.kind === 'invalid' ? back(r.error.problems) : refused(req, reply, statusOf(r.error.kind), r.error.problems);
    return redirectWithMessage(reply, req.lang, cyclesPath(req.params.slug), 'ok', r.value.exited ? L(req.lang, 'Evaluasi disimpan: tidak memenuhi syarat, penerima dicatat keluar dan tempatnya diisi dari daftar tunggu pada SK perubahan.', 'Evaluation saved: no longer eligible; the recipient is recorded as leaving and the place is filled from the waiting list in the amending decree.') : L(req.lang, 'Evaluasi disimpan.', 'Evaluation saved.'));
  });

  app.get('/petugas/program/putaran/:id/pengganti', { config: { may: 'programmes.read' }, schema: { params: idParams, querystring: flashQuery } }, async (req, reply) => {
    const o = officerOf(req);
    const r = await readWaitingList(ctx, o.actor, req.params.id);
    if (!r.ok) return r.error.kind === 'not-found' ? sendHtml(reply, notFoundPage(req.lang, req.url), 404) : refused(req, reply, statusOf(r.error.kind), r.error.problems);
    return sendHtml(reply, waitingListPage(shellOf(req), { ...r.value, canReplace: may(o.user.roles, 'programmes.report'), error: req.query.error }));
  });

  app.post('/petugas/program/putaran/:id/pengganti', { config: { may: 'programmes.report' }, schema: { params: idParams } }, async (req, reply) => {
    const r = await prepareReplacement(ctx, officerOf(req).actor, req.params.id);
    if (!r.ok) return redirectWithMessage(reply, req.lang, `/petugas/program/putaran/${req.params.id}/pengganti`, 'error', sayAll(req, r.error.problems));
    const v = r.value;
    return redirectWithMessage(reply, req.lang, `/petugas/program/putaran/${v.roundId}`, 'ok', L(req.lang, `Berita acara penggantian terbit: ${v.number} (${v.removed} keluar, ${v.added} pengganti, ${v.kept} tetap).`, `Replacement report issued: ${v.number} (${v.removed} left, ${v.added} replacements, ${v.kept} stay).`));
  });

  const cycleView = async (req: FastifyRequest, reply: FastifyReply, id: string, q: z.infer<typeof cycleQueryPage>, form?: FormState) => {
    const o = officerOf(req);
    const filter = q.payment || undefined;
    const r = await showCycle(ctx, o.actor, id, { payment: filter }, q.page);
    if (!r.ok) return r.error.kind === 'not-found' ? sendHtml(reply, notFoundPage(req.lang, req.url), 404) : refused(req, reply, statusOf(r.error.kind), r.error.problems);
    const can = { disburse: may(o.user.roles, 'programmes.disburse'), approve: may(o.user.roles, 'programmes.approve') };
    return sendHtml(reply, cyclePage(shellOf(req), { ...r.value, can, filter, ok: q.ok, error: q.error, ...form }), form ? 422 : 200);
  };

  app.get('/petugas/program/siklus/:id', { config: { may: 'programmes.read' }, schema: { params: idParams, querystring: cycleQueryPage } }, (req, reply) => cycleView(req, reply, req.params.id, req.query));

  app.post('/petugas/program/siklus/:id/setujui', { config: { may: 'programmes.approve' }, schema: { params: idParams } }, async (req, reply) => {
    const values = formFields(req.body);
    const r = await approveCycle(ctx, officerOf(req).actor, req.params.id, { version: Number(values.version) || 0 });
    if (!r.ok) return r.error.kind === 'not-found' ? sendHtml(reply, notFoundPage(req.lang, req.url), 404) : cycleView(req, reply, req.params.id, { page: 0 }, { problems: r.error.problems, values });
    const v = r.value;
    return redirectWithMessage(reply, req.lang, cyclePath(req.params.id), 'ok', L(req.lang, `Siklus disetujui: ${v.included} penerima, ${v.excluded} dikeluarkan pada pemeriksaan ulang, ${v.held} ditahan; Rp ${v.total.toLocaleString('id-ID')}.`, `Cycle approved: ${v.included} recipients, ${v.excluded} excluded by the re-check, ${v.held} held; Rp ${v.total.toLocaleString('id-ID')}.`));
  });

  app.post('/petugas/program/siklus/:id/tutup', { config: { may: 'programmes.approve' }, schema: { params: idParams } }, async (req, reply) => {
    const values = formFields(req.body);
    const r = await closeCycle(ctx, officerOf(req).actor, req.params.id, { version: Number(values.version) || 0, note: values.note || null });
    if (!r.ok) return r.error.kind === 'not-found' ? sendHtml(reply, notFoundPage(req.lang, req.url), 404) : cycleView(req, reply, req.params.id, { page: 0 }, { problems: r.error.problems, values });
    return redirectWithMessage(reply, req.lang, cyclePath(req.params.id), 'ok', L(req.lang, `Siklus ditutup${r.value.writtenOff ? `; ${r.value.writtenOff} kegagalan dihapusbukukan` : ''}.`, `Cycle closed${r.value.writtenOff ? `; ${r.value.writtenOff} failures written off` : ''}.`));
  });

  app.post('/petugas/program/siklus/:id/berkas', { config: { may: 'programmes.disburse' }, schema: { params: idParams } }, async (req, reply) => {
    const values = formFields(req.body);
    const form = batchBody.safeParse({ purpose: values.purpose || 'first', bank: values.bank || null });
    if (!form.success) return cycleView(req, reply, req.params.id, { page: 0 }, { problems: zodProblems(form.error), values });
    const r = await exportBatch(ctx, officerOf(req).actor, req.params.id, form.data);
    if (!r.ok) return r.error.kind === 'not-found' ? sendHtml(reply, notFoundPage(req.lang, req.url), 404) : cycleView(req, reply, req.params.id, { page: 0 }, { problems: r.error.problems, values });
    return redirectWithMessage(reply, req.lang, cyclePath(req.params.id), 'ok', L(req.lang, `Berkas bank dibuat: ${r.value.rows} transfer, Rp ${r.value.total.toLocaleString('id-ID')}${r.value.held ? `; ${r.value.held} pembayaran ditahan` : ''}.`, `Bank file made: ${r.value.rows} transfers, Rp ${r.value.total.toLocaleString('id-ID')}${r.value.held ? `; ${r.value.held} payments held` : ''}.`));
  });

  app.get('/petugas/program/siklus/:id/berkas/:file', { config: { may: 'programmes.disburse' }, schema: { params: fileParams } }, async (req, reply) => {
    const r = await batchFile(ctx, officerOf(req).actor, req.params.file.replace(/\.csv$/, ''));
    if (!r.ok) return sendHtml(reply, notFoundPage(req.lang, req.url), 404);
    return sendFile(reply, Buffer.from(r.value.text, 'utf8'), { type: 'text/csv; charset=utf-8', fileName: r.value.name });
  });

  app.post('/petugas/program/siklus/:id/berkas/:batchId/hasil', { config: { may: 'programmes.disburse' }, schema: { params: batchParams } }, async (req, reply) => {
    const back = (problems: readonly Problem[]) => cycleView(req, reply, req.params.id, { page: 0 }, { problems: problems.map((p) => ({ ...p, field: 'file' })), values: {} });
    if (!req.isMultipart()) return back([{ code: 'multipart-required', message: 'Pilih berkas hasil dari bank', messageEn: "Choose the bank's result file" }]);
    // The form puts its token before its file: a forged upload is refused before it is read.
    let token: string | undefined;
    let text = '';
    let tooLarge = false;
    for await (const part of req.parts({ limits: { files: 1, fileSize: MAX_RESULT_BYTES, fields: 5 } })) {
      if (part.type === 'field') {
        if (part.fieldname === '_csrf' && typeof part.value === 'string') token = part.value;
        continue;
      }
      if (!csrfValid(req, typeof req.headers['x-csrf-token'] === 'string' ? req.headers['x-csrf-token'] : token)) {
        part.file.resume();
        return refuseCsrf(req, reply);
      }
      const buf = await wholeFile(part);
      if (!buf) tooLarge = true;
      else text = buf.toString('utf8');
    }
    if (!text && !tooLarge && !csrfValid(req, token)) return refuseCsrf(req, reply);
    if (tooLarge) return back([{ code: 'result-too-large', message: 'Berkas hasil bank paling besar 20 MB', messageEn: 'The bank result file is at most 20 MB' }]);
    const r = await importBankResult(ctx, officerOf(req).actor, req.params.batchId, text);
    if (!r.ok) return r.error.kind === 'not-found' ? sendHtml(reply, notFoundPage(req.lang, req.url), 404) : back(r.error.problems);
    const x = r.value.reconciliation;
    return redirectWithMessage(reply, req.lang, cyclePath(req.params.id), 'ok', L(req.lang, `Hasil bank dicatat: ${r.value.paid} berhasil, ${r.value.failed} gagal. Rekonsiliasi: ${x.paid.n} + ${x.failed.n} + ${x.pending.n} = ${x.approved.n}.`, `Bank result recorded: ${r.value.paid} paid, ${r.value.failed} failed. Reconciliation: ${x.paid.n} + ${x.failed.n} + ${x.pending.n} = ${x.approved.n}.`));
  });
}

export const programmeCyclesPages = staffPages(registerStaff);
