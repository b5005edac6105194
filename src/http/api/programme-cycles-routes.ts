/**
 * The programme cycles' JSON API (docs/PROGRAMMES.md): a programme's cycles and allocation, one
 * cycle with its reconciliation, approval by the head of office, bank batches, the bank file, the
 * bank's result, and exits. Thin: parse, call one use case, map the answer.
 */
import { z } from 'zod';
import { failWith } from '../../domain/errors.js';
import { MAX_RESULT_BYTES } from '../../domain/programmes/cycles.js';
import type { Permission } from '../../domain/staff/permissions.js';
import type { Cycle } from '../../db/programme-cycles-repo.js';
import type { Ctx } from '../../usecases/context.js';
import { approveCycle } from '../../usecases/programmes/approve-cycle.js';
import { batchFile, exportBatch } from '../../usecases/programmes/export-batch.js';
import { generateCycles } from '../../usecases/programmes/generate-cycles.js';
import { importBankResult } from '../../usecases/programmes/import-bank-result.js';
import { listCycles, showCycle } from '../../usecases/programmes/read-cycles.js';
import { recordExit } from '../../usecases/programmes/record-exit.js';
import { setProgrammeBudget } from '../../usecases/programmes/set-programme-budget.js';
import { evaluateRecipient } from '../../usecases/programmes/evaluate-recipient.js';
import { prepareReplacement } from '../../usecases/programmes/prepare-replacement.js';
import { readWaitingList } from '../../usecases/programmes/read-waiting-list.js';
import { officerOf } from '../auth.js';
import type { ZodApp } from '../pages/plugin.js';
import { readOneFile, sendFailure, sendFile } from '../reply.js';
import { approveBody, approved, batchBody, batchMade, budgetBody, cycleDetail, cycleQuery, cyclesList, evaluated, evaluationBody, exitBody, generateBody, generated, replacementMade, resultImported, waitingList } from './programme-cycles-schemas.js';
import { errors, idParams, slugParams } from './schemas.js';

const staff = (may: Permission) => ({ access: 'staff', may }) as const;
const tags = ['programmes'];

export const cycleJson = (c: Cycle) => ({
  id: c.id,
  round: c.round_id,
  period: c.period,
  category: c.category,
  seq: c.seq,
  of: c.of_count,
  dueMonth: c.due_month,
  kind: c.kind === 'cash' ? ('cash' as const) : ('in-kind' as const),
  amount: c.amount,
  decreeNumber: c.decree_number,
  status: c.status,
  recipients: c.recipients,
  excluded: c.excluded,
  total: c.total,
  version: c.version,
});

export function programmeCyclesRoutes(app: ZodApp, ctx: Ctx): void {
  app.get(
    '/api/v1/programmes/:slug/cycles',
    { config: staff('programmes.read'), schema: { tags, summary: 'Siklus penyaluran program dan pagunya / A programme’s disbursement cycles and allocation', params: slugParams, response: { 200: cyclesList, ...errors(403, 404) } } },
    async (req, reply) => {
      const r = await listCycles(ctx, officerOf(req).actor, req.params.slug);
      return r.ok ? { cycles: r.value.cycles.map(cycleJson), budget: r.value.budget } : sendFailure(reply, r.error);
    },
  );

  app.post(
    '/api/v1/programmes/:slug/cycles',
    { config: staff('programmes.disburse'), schema: { tags, summary: 'Buat siklus dari SK penerima (frekuensi dan jumlah dari keputusan) / Generate cycles from a recipients’ decree', params: slugParams, body: generateBody, response: { 201: generated, ...errors(403, 404, 409, 422) } } },
    async (req, reply) => {
      const r = await generateCycles(ctx, officerOf(req).actor, req.body);
      return r.ok ? reply.code(201).send(r.value) : sendFailure(reply, r.error);
    },
  );

  app.put(
    '/api/v1/programmes/:slug/budget',
    { config: staff('programmes.approve'), schema: { tags, summary: 'Catat pagu anggaran program per periode / Record a programme’s allocation for a period', params: slugParams, body: budgetBody, response: { 200: z.object({ amount: z.number().int() }), ...errors(403, 404, 422) } } },
    async (req, reply) => {
      const r = await setProgrammeBudget(ctx, officerOf(req).actor, req.params.slug, req.body);
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );

  app.post(
    '/api/v1/programmes/:slug/exits',
    { config: staff('programmes.disburse'), schema: { tags, summary: 'Catat penerima keluar (alasan, tanggal) / Record a recipient leaving (reason, date)', params: slugParams, body: exitBody, response: { 201: z.object({ id: z.string() }), ...errors(403, 404, 409, 422) } } },
    async (req, reply) => {
      const r = await recordExit(ctx, officerOf(req).actor, req.params.slug, req.body);
      return r.ok ? reply.code(201).send(r.value) : sendFailure(reply, r.error);
    },
  );

  app.get(
    '/api/v1/programmes/cycles/:id',
    { config: staff('programmes.read'), schema: { tags, summary: 'Satu siklus: rekonsiliasi, berkas bank, penerima (NIK tersamar; dicatat) / One cycle: reconciliation, batches, recipients (NIK masked; logged)', params: idParams, querystring: cycleQuery, response: { 200: cycleDetail, ...errors(403, 404) } } },
    async (req, reply) => {
      const { page, payment } = req.query;
      const r = await showCycle(ctx, officerOf(req).actor, req.params.id, { payment }, page);
      if (!r.ok) return sendFailure(reply, r.error);
      const v = r.value;
      return {
        cycle: cycleJson(v.cycle),
        reconciliation: v.reconciliation,
        batches: v.batches.map((b) => ({ id: b.id, seq: b.seq, bank: b.bank, status: b.status, purpose: b.purpose, rows: b.rows, total: b.total, sha256: b.sha256, createdAt: b.created_at })),
        recipients: v.recipients.map((x) => ({ nik: x.nik, name: x.name, village: x.village, amount: x.amount, status: x.status, reason: x.reason, flag: x.flag, payment: x.payment, attempts: x.attempts })),
        pageSize: 50 as const,
        more: v.more,
      };
    },
  );

  app.post(
    '/api/v1/programmes/cycles/:id/approval',
    { config: staff('programmes.approve'), schema: { tags, summary: 'Setujui siklus (periksa ulang kelayakan pada snapshot DTKS terkini, bekukan data, dalam pagu) / Approve a cycle (re-check, freeze, within the allocation)', params: idParams, body: approveBody, response: { 200: approved, ...errors(403, 404, 409, 413) } } },
    async (req, reply) => {
      const r = await approveCycle(ctx, officerOf(req).actor, req.params.id, req.body);
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );

  app.post(
    '/api/v1/programmes/cycles/:id/batches',
    { config: staff('programmes.disburse'), schema: { tags, summary: 'Buat berkas penyaluran bank (pertama atau ulang transfer gagal) / Make a bank batch (first, or retry the failed transfers)', params: idParams, body: batchBody, response: { 201: batchMade, ...errors(403, 404, 409, 422) } } },
    async (req, reply) => {
      const r = await exportBatch(ctx, officerOf(req).actor, req.params.id, req.body);
      return r.ok ? reply.code(201).send(r.value) : sendFailure(reply, r.error);
    },
  );

  app.get(
    '/api/v1/programmes/batches/:id/file',
    { config: staff('programmes.disburse'), schema: { tags, summary: 'Berkas bank (CSV: no, referensi, nik, nama, desa_kelurahan, nominal, berita; dicatat) / The bank file (CSV; logged)', params: idParams, produces: ['text/csv'], response: errors(403, 404) } },
    async (req, reply) => {
      const r = await batchFile(ctx, officerOf(req).actor, req.params.id);
      if (!r.ok) return sendFailure(reply, r.error);
      return sendFile(reply, Buffer.from(r.value.text, 'utf8'), { type: 'text/csv; charset=utf-8', fileName: r.value.name });
    },
  );

  app.post(
    '/api/v1/programmes/batches/:id/result',
    { config: staff('programmes.disburse'), schema: { tags, summary: 'Impor hasil bank (multipart: file CSV referensi, status BERHASIL/GAGAL, keterangan) / Import the bank’s result', params: idParams, consumes: ['multipart/form-data'], response: { 200: resultImported, ...errors(403, 404, 409, 413, 415, 422) } } },
    async (req, reply) => {
      if (!req.isMultipart()) return sendFailure(reply, failWith('unsupported', 'multipart-required', 'Kirim berkas sebagai multipart/form-data', 'Send the file as multipart/form-data').error);
      const { file, tooLarge } = await readOneFile(req, MAX_RESULT_BYTES);
      if (tooLarge) return sendFailure(reply, failWith('too-large', 'result-too-large', 'Berkas hasil bank paling besar 20 MB', 'The bank result file is at most 20 MB', 'file').error);
      const r = await importBankResult(ctx, officerOf(req).actor, req.params.id, file ? file.toString('utf8') : '');
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );

  app.post(
    '/api/v1/programmes/:slug/evaluations',
    { config: staff('programmes.verify'), schema: { tags, summary: 'Evaluasi penerima (Memenuhi / Tidak Memenuhi Syarat; yang tidak memenuhi keluar) / Evaluate a recipient', params: slugParams, body: evaluationBody, response: { 201: evaluated, ...errors(403, 404, 422) } } },
    async (req, reply) => {
      const r = await evaluateRecipient(ctx, officerOf(req).actor, req.params.slug, req.body);
      return r.ok ? reply.code(201).send(r.value) : sendFailure(reply, r.error);
    },
  );

  app.get(
    '/api/v1/programmes/rounds/:id/waiting-list',
    { config: staff('programmes.read'), schema: { tags, summary: 'Penerima keluar dan daftar tunggu berperingkat untuk SK perubahan (NIK tersamar; dicatat) / Leavers and the ranked waiting list', params: idParams, response: { 200: waitingList, ...errors(403, 404, 409) } } },
    async (req, reply) => {
      const r = await readWaitingList(ctx, officerOf(req).actor, req.params.id);
      if (!r.ok) return sendFailure(reply, r.error);
      const v = r.value;
      return {
        round: { id: v.round.id, programme: v.round.programme, period: v.round.period, stage: v.round.stage, decree: v.round.decree },
        kept: v.kept,
        removed: v.removed.map((p) => ({ nik: p.nik, name: p.name, category: p.category, village: p.village, reason: p.reason })),
        waiting: v.waiting.map((w) => ({ rank: w.rank, nik: w.nik, name: w.name, category: w.category, village: w.village, stage: w.stage, report: w.report, verifiedAt: w.verifiedAt })),
        total: v.total,
      };
    },
  );

  app.post(
    '/api/v1/programmes/rounds/:id/replacement',
    { config: staff('programmes.report'), schema: { tags, summary: 'Putaran perubahan: yang tetap, pengganti dari daftar tunggu, berita acara semua perubahan / Amending round with the report of every change', params: idParams, response: { 201: replacementMade, ...errors(403, 404, 409) } } },
    async (req, reply) => {
      const r = await prepareReplacement(ctx, officerOf(req).actor, req.params.id);
      return r.ok ? reply.code(201).send(r.value) : sendFailure(reply, r.error);
    },
  );
}
