/** Oversight over JSON: the evaluation of the standard for a period (heads of office and division, auditor), and an office's public performance. */
import type { Ctx } from '../../usecases/context.js';
import { choosePeriod } from '../../usecases/oversight/choose-period.js';
import { evaluateStandard } from '../../usecases/oversight/evaluate-standard.js';
import { readPerformance } from '../../usecases/oversight/read-performance.js';
import { officerOf } from '../auth.js';
import type { ZodApp } from '../pages/plugin.js';
import { sendFailure } from '../reply.js';
import { evaluationQuery, evaluationResponse, KIND_WORDS, performanceQuery, performanceResponse } from './oversight-schemas.js';
import { errors, slugParams } from './schemas.js';

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
}
