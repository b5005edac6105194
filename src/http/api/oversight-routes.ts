/** Oversight over JSON: the evaluation of the standard for a period (heads of office and division, auditor), and an office's public performance. */
import type { Ctx } from '../../usecases/context.js';
import { choosePeriod } from '../../usecases/oversight/choose-period.js';
import { evaluateStandard } from '../../usecases/oversight/evaluate-standard.js';
import { readPerformance } from '../../usecases/oversight/read-performance.js';
import { computeSpm } from '../../usecases/oversight/compute-spm.js';
import { recordSpmNeed } from '../../usecases/oversight/record-spm-need.js';
import { nowOf } from '../../usecases/context.js';
import { failWith } from '../../domain/errors.js';
import { z } from 'zod';
import { officerOf } from '../auth.js';
import type { ZodApp } from '../pages/plugin.js';
import { sendFailure } from '../reply.js';
import { approvalBody, approvalQuery, approvalResponse, evaluationQuery, evaluationResponse, KIND_WORDS, performanceQuery, performanceResponse, reopenBody, spmNeedBody, spmQuery, spmResponse } from './oversight-schemas.js';
import { approveFigures, readApproval, reopenFigures } from '../../usecases/oversight/approve-figures.js';
import { errors, slugParams } from './schemas.js';
import { exportSippn } from '../../usecases/oversight/export-sippn.js';
import { readNotices } from '../../usecases/oversight/read-notices.js';
import { approvalPeriod, readApprovedFigures } from '../../usecases/oversight/snapshot-figures.js';

const noticesResponse = z.object({
  notices: z.array(z.object({ kind: z.enum(['finding', 'reminder']), rule: z.string(), period: z.string(), text: z.object({ id: z.string(), en: z.string() }), roles: z.array(z.string()), foundLocal: z.string() })),
});
const approvedFigure = { approvedBy: z.string(), approvedAt: z.string(), figures: z.unknown() };
const approvedFiguresResponse = z.object({
  current: z.object(approvedFigure).nullable(),
  history: z.array(z.object({ ...approvedFigure, reopenedBy: z.string(), reason: z.string() })),
  changes: z.array(z.object({ subject: z.string(), label: z.object({ id: z.string(), en: z.string() }), field: z.string(), approved: z.number().nullable(), now: z.number().nullable() })),
});

const sippnResponse = z.object({
  columns: z.array(z.object({ heading: z.string(), headingEn: z.string(), part: z.string() })),
  rows: z.array(z.array(z.string())),
});

const tags = ['oversight'];

export function oversightRoutes(app: ZodApp, ctx: Ctx): void {
  app.get(
    '/api/v1/oversight/evaluation',
    {
      config: { access: 'staff', may: 'oversight.read' },
      schema: {
        tags,
        summary: 'Evaluasi standar pelayanan per layanan dan periode / Evaluation of the service standard per service and period',
        description: 'Per service: the decree\'s promise beside cases, completed, on time, median, p90 and max in the decree\'s unit, waits and stages, and a finding. `jenis` = bulan | triwulan | tahun, `periode` = 2026-05 | 2026-Q2 | 2026 (default: this quarter).',
        querystring: evaluationQuery,
        response: { 200: evaluationResponse, ...errors(401, 403, 422) },
      },
    },
    async (req, reply) => {
      const { user } = officerOf(req);
      const p = choosePeriod(ctx, user.officeId, req.query.jenis ? KIND_WORDS[req.query.jenis] : undefined, req.query.periode);
      if (!p.ok) return sendFailure(reply, p.error);
      const r = await evaluateStandard(ctx, user.officeId, p.value);
      reply.header('cache-control', 'no-store');
      return {
        office: r.officeName,
        period: { kind: r.period.kind, value: r.period.value, from: r.period.from, to: r.period.to, label: r.period.label.id },
        truncated: r.truncated,
        services: r.services.map((s) => {
          const { promise, finding, waits, stages, ...e } = s.evaluation;
          return {
            service: s.id,
            no: s.no,
            title: s.title,
            promised: { value: promise.value, maxValue: promise.maxValue, unit: promise.unit, text: promise.text },
            cases: e.cases,
            completed: e.completed,
            onTime: e.onTime,
            onTimeRate: e.onTimeRate,
            median: e.median,
            p90: e.p90,
            max: e.max,
            unit: e.unit,
            open: e.open,
            openLate: e.openLate,
            openAtRisk: e.openAtRisk,
            waits,
            stages,
            finding,
          };
        }),
      };
    },
  );

  app.get(
    '/api/v1/offices/:slug/performance',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Kinerja pelayanan kantor per layanan (publik) / An office’s service performance per service (public)',
        description:
          'Per service: the decree\'s promise, cases, completed, on time, median, p90 and max in the decree\'s unit, and the IKM of the same period. No personal data; figures of fewer than 5 cases (or fewer than 5 completed, for the timing) are withheld (`suppressed`). `from`/`to` are whole months of local dates (from=2026-04-01&to=2026-06-30), or `periode` = 2026-Q2 | 2026-05 | 2026; default: the last whole quarter.',
        params: slugParams,
        querystring: performanceQuery,
        response: { 200: performanceResponse, ...errors(404, 422) },
      },
    },
    async (req, reply) => {
      const o = ctx.catalogue.findOffice(req.params.slug);
      if (!o.ok) return sendFailure(reply, o.error);
      const r = await readPerformance(ctx, o.value, req.query);
      if (!r.ok) return sendFailure(reply, r.error);
      const { office, period, services, rule } = r.value;
      return {
        office: office.office.slug,
        period: { from: period.from, to: period.to, label: period.label },
        rule: rule.id,
        services: services.map(({ promised, ...s }) => ({ ...s, promised: { value: promised.value, maxValue: promised.maxValue, unit: promised.unit, text: promised.text } })),
      };
    },
  );

  app.get(
    '/api/v1/offices/:slug/spm',
    {
      config: { access: 'staff', may: 'oversight.read' },
      schema: {
        tags,
        summary: 'Capaian SPM bidang sosial per indikator dan tahun anggaran / SPM achievement per indicator and budget year',
        description:
          'X = distinct persons whose case of a service mapped in standards/<office>/spm.yaml was completed in the budget year (once per indicator per year), Y = persons in the needs register, achievement = X/Y × 100 (two decimals); null with a message when Y = 0. Own office only. Default year: this year.',
        params: slugParams,
        querystring: spmQuery,
        response: { 200: spmResponse, ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const { user } = officerOf(req);
      const o = ctx.catalogue.findOffice(req.params.slug);
      // Another office's figures look like an unknown office.
      if (!o.ok || o.value.id !== user.officeId) return sendFailure(reply, o.ok ? failWith('not-found', 'not-found', 'Kantor tidak ditemukan', 'Office not found').error : o.error);
      const year = req.query.year ?? Number(ctx.clock.localDate(o.value.office, nowOf(ctx).toISOString()).slice(0, 4));
      const rows = await computeSpm(ctx, o.value, year);
      reply.header('cache-control', 'no-store');
      return {
        office: o.value.office.slug,
        year,
        indicators: rows.map((r) => ({
          code: r.code,
          name: r.name,
          served: r.served,
          needing: r.needing,
          achievement: r.achievement,
          text: r.text.id,
          message: r.achievement === null ? 'Tidak ada kebutuhan tercatat pada register kebutuhan tahun ini / No need recorded in this year\'s needs register' : null,
          servedExceedsNeeding: r.servedExceedsNeeding,
          services: r.services.map((s) => ({ ...s, ends: [...s.ends] })),
        })),
      };
    },
  );

  app.post(
    '/api/v1/spm/needs',
    {
      config: { access: 'staff', may: 'spm.needs.write' },
      schema: {
        tags,
        summary: 'Catat orang yang membutuhkan pelayanan dasar SPM / Record a person needing an SPM basic service',
        description: 'The needs register (Y): one person per indicator and budget year; a second entry is a 409. The assessment is dated in the budget year or the year before, never in the future.',
        body: spmNeedBody,
        response: { 201: z.object({ id: z.string(), year: z.number(), indicator: z.string() }), ...errors(401, 403, 409, 422) },
      },
    },
    async (req, reply) => {
      const { actor } = officerOf(req);
      const r = await recordSpmNeed(ctx, actor, req.body);
      if (!r.ok) return sendFailure(reply, r.error);
      return reply.code(201).send(r.value);
    },
  );

  app.get(
    '/api/v1/oversight/approvals',
    {
      config: { access: 'staff', may: 'oversight.read' },
      schema: { tags, summary: 'Status persetujuan angka suatu periode / Approval state of a period’s figures', querystring: approvalQuery, response: { 200: approvalResponse, ...errors(401, 403, 422) } },
    },
    async (req, reply) => {
      const r = await readApproval(ctx, officerOf(req).user.officeId, req.query.period);
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );

  app.post(
    '/api/v1/oversight/approvals',
    {
      config: { access: 'staff', may: 'oversight.approve' },
      schema: {
        tags,
        summary: 'Setujui angka bulan atau tahun pada jenjang Anda / Approve a month’s or a year’s figures at your level',
        description: 'The chain is the office’s kepala-bidang → (sekretaris) → kepala-dinas; the head’s approval locks the period. 403 when the next level is not yours, 409 when already locked.',
        body: approvalBody,
        response: { 200: approvalResponse, ...errors(401, 403, 409, 422) },
      },
    },
    async (req, reply) => {
      const r = await approveFigures(ctx, officerOf(req).actor, req.body.period);
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );

  app.post(
    '/api/v1/oversight/approvals/reopen',
    {
      config: { access: 'staff', may: 'oversight.reopen' },
      schema: {
        tags,
        summary: 'Buka kembali angka yang disetujui, dengan alasan / Reopen approved figures, with a reason',
        description: 'Head of office only; the written reason (10–1,000 characters) goes to the audit trail; the chain starts again.',
        body: reopenBody,
        response: { 200: approvalResponse, ...errors(401, 403, 409, 422) },
      },
    },
    async (req, reply) => {
      const r = await reopenFigures(ctx, officerOf(req).actor, req.body.period, req.body.reason);
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );

  app.get(
    '/api/v1/oversight/sippn',
    {
      config: { access: 'staff', may: 'oversight.read' },
      schema: {
        tags,
        summary: 'Katalog kantor dalam susunan kolom SIPPN / The office catalogue in SIPPN field layout',
        description: "One row per service under columns Sigap matched to SIPPN's service entry (SIPPN's own import layout is unknown; the mapping is in docs/OVERSIGHT.md). The CSV and XLSX are on the evaluation page. Audited.",
        response: { 200: sippnResponse, ...errors(401, 403) },
      },
    },
    async (req, reply) => {
      const { user, actor } = officerOf(req);
      const r = await exportSippn(ctx, user.officeId, 'json', actor);
      reply.header('cache-control', 'no-store');
      return r.table;
    },
  );

  app.get(
    '/api/v1/oversight/notices',
    {
      config: { access: 'staff', may: 'oversight.read' },
      schema: {
        tags,
        summary: 'Temuan validasi dan pengingat evaluasi terjadwal / Scheduled validation findings and evaluation reminders',
        description: 'The latest 50, newest first: served ≤ needing, occupancy ≤ capacity, stock ≥ 0, and the reminders at the office\'s cadence (docs/OVERSIGHT.md).',
        response: { 200: noticesResponse, ...errors(401, 403) },
      },
    },
    async (req) => ({ notices: await readNotices(ctx, officerOf(req).user.officeId) }),
  );

  app.get(
    '/api/v1/oversight/approvals/figures',
    {
      config: { access: 'staff', may: 'oversight.read' },
      schema: {
        tags,
        summary: 'Angka yang disetujui suatu periode dan perubahannya sejak itu / A period’s approved figures and how they moved since',
        querystring: approvalQuery,
        response: { 200: approvedFiguresResponse, ...errors(401, 403, 422) },
      },
    },
    async (req, reply) => {
      const p = approvalPeriod(req.query.period);
      if (!p) return sendFailure(reply, { kind: 'invalid', problems: [{ code: 'period-invalid', field: 'period', message: 'Periode persetujuan: bulan TTTT-BB atau tahun TTTT', messageEn: 'Approval period: a month YYYY-MM or a year YYYY' }] });
      const a = await readApprovedFigures(ctx, officerOf(req).user.officeId, p);
      const head = (x: { approvedBy: string; approvedAt: string; figures: unknown }) => ({ approvedBy: x.approvedBy, approvedAt: x.approvedAt, figures: x.figures });
      return { current: a.current ? head(a.current) : null, history: a.history.map((x) => ({ ...head(x), reopenedBy: x.reopenedBy, reason: x.reason })), changes: a.changes };
    },
  );
}


