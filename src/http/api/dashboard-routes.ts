/** The dashboard over JSON: GET /api/v1/offices/{slug}/dashboard?from=&to=&division= (own office only, oversight.read), and its zod schemas. */
import { z } from 'zod';
import { failWith } from '../../domain/errors.js';
import type { Ctx } from '../../usecases/context.js';
import { compileDashboard } from '../../usecases/oversight/compile-dashboard.js';
import { DASHBOARD_TABLES } from '../../usecases/oversight/dashboard-tables.js';
import { officerOf } from '../auth.js';
import type { ZodApp } from '../pages/plugin.js';
import { sendFailure } from '../reply.js';
import { errors, slugParams } from './schemas.js';

/** The page's and the API's filters: whole months (YYYY-MM-DD, a 1st and a month end) and a division key. An empty form field is no filter. */
const blank = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
export const dashboardQuerySchema = z.object({
  from: blank(z.string().max(20)),
  to: blank(z.string().max(20)),
  division: blank(z.string().max(100)),
});
export const dashboardTableQuery = dashboardQuerySchema.extend({ table: z.enum(DASHBOARD_TABLES) });

const n = z.number().int().min(0);
const share = z.number().min(0).max(1).nullable();
const svc = { serviceId: z.string(), no: z.number().int(), service: z.string() };
const volume = { submitted: n, completed: n, rejected: n, withdrawn: n, open: n };
const division = z.object({ key: z.string(), name: z.string() });

export const dashboardResponse = z.object({
  office: z.object({ slug: z.string(), name: z.string() }),
  range: z.object({ from: z.string(), until: z.string(), to: z.string(), months: z.array(z.string()) }),
  division: division.nullable(),
  divisions: z.array(division),
  today: z.string(),
  services: z.array(z.object({ ...svc, division: z.string().nullable() })),
  volume: z.object({ months: z.array(z.object({ month: z.string(), ...volume })), services: z.array(z.object({ ...svc, ...volume })), total: z.object(volume) }),
  backlog: z.object({
    steps: z.array(z.object({ ...svc, stepId: z.string(), step: z.string(), role: z.string(), roleName: z.string(), open: n, late: n })),
    roles: z.array(z.object({ role: z.string(), roleName: z.string(), open: n, late: n })),
    officers: z.array(z.object({ officer: z.string().nullable(), open: n, late: n })),
  }),
  ageing: z.object({
    unitNote: z.object({ working_days: z.array(n), days: z.array(n) }),
    rows: z.array(z.object({ ...svc, unit: z.enum(['working_days', 'days']), counts: z.array(n), total: n, bounds: z.array(z.object({ from: z.string().nullable(), to: z.string() })) })),
  }),
  onTime: z.array(
    z.object({ ...svc, promise: z.string(), unit: z.string().nullable(), cases: n, completed: n, onTime: n, onTimeRate: share, median: z.number().nullable(), p90: z.number().nullable(), openLate: n, openAtRisk: n }),
  ),
  stages: z.array(z.object({ ...svc, stageId: z.string(), stage: z.string(), limit: z.string().nullable(), started: n, finished: n, onTime: n, onTimeRate: share })),
  late: z.object({
    counts: z.object({ late: n, atRisk: n }),
    cases: z.array(z.object({ ...svc, id: z.string(), registrationNumber: z.string(), applicant: z.string(), step: z.string().nullable(), slaState: z.string(), dueLocal: z.string().nullable(), submittedLocal: z.string() })),
  }),
  ikm: z.object({
    office: z.object({ value: z.number().nullable(), grade: z.string().nullable(), respondents: n }).nullable(),
    services: z.array(z.object({ ...svc, value: z.number().nullable(), grade: z.string().nullable(), respondents: n })),
  }),
  complaints: z.object({
    channels: z.array(z.object({ channel: z.string(), label: z.object({ id: z.string(), en: z.string() }), received: n, answered: n, answeredOnTime: n, medianDays: z.number().nullable() })),
    total: n,
    truncated: z.boolean(),
  }),
  operations: z.object({
    emergency: z.object({ month: z.string(), reports: n, withDue: n, onTime: n, responded: n, rate: share }),
    shelters: z.object({ beds: n, resident: n, occupancy: z.number().min(0).nullable(), ended: n, medianStayDays: z.number().nullable() }),
    programmes: z.object({ listed: n, served: n, coverage: share, paid: n, failed: n, successRate: share }),
    logistics: z.object({ warehouses: n, belowMinimum: n, expiring: n, expired: n }),
  }),
});

export function dashboardRoutes(app: ZodApp, ctx: Ctx): void {
  app.get(
    '/api/v1/offices/:slug/dashboard',
    {
      config: { access: 'staff', may: 'oversight.read' },
      schema: {
        tags: ['oversight'],
        summary: 'Dasbor kepala dinas dan bidang / Head of office and division dashboard',
        description:
          'Volume by month (cases by month of submission and where they stand), backlog by step, role and officer, ageing of open cases (working days on the office calendar for working-day services, calendar days otherwise), on time per service and stage, the late and at-risk list (names shown are logged reads, purpose oversight), IKM, complaints by channel, and the emergency, shelter, programme and logistics figures. `from`/`to`: whole months (default: the year so far); `division`: a key from `divisions`. Own office only.',
        params: slugParams,
        querystring: dashboardQuerySchema,
        response: { 200: dashboardResponse, ...errors(401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      const { user, actor } = officerOf(req);
      const o = ctx.catalogue.findOffice(req.params.slug);
      // Another office's dashboard looks like an unknown office.
      if (!o.ok || o.value.id !== user.officeId) return sendFailure(reply, o.ok ? failWith('not-found', 'not-found', 'Kantor tidak ditemukan', 'Office not found').error : o.error);
      const r = await compileDashboard(ctx, actor, o.value, req.query);
      if (!r.ok) return sendFailure(reply, r.error);
      reply.header('cache-control', 'no-store');
      return r.value;
    },
  );
}
