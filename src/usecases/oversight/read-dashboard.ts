/**
 * The head of office's operational lists beside the evaluation: open cases at risk or late (by
 * registration number, no personal data), the backlog by step, role and officer (the supervisor's
 * view), and open cases by age.
 */
import { Temporal } from 'temporal-polyfill';
import { casesAtRiskOrLate, openCasesByAge } from '../../db/oversight-repo.js';
import { stepById } from '../../domain/procedure/engine.js';
import { superviseOpenCases, type OpenCasesRow } from '../applications/supervise-open-cases.js';
import { nowOf, type Ctx } from '../context.js';
import { instantOf } from './evaluate-standard.js';

/** How many at-risk and late cases the page lists (the rest are counted in the evaluation). */
export const AT_RISK_LIST_MAX = 50;
/** Age bands of open cases, in days since submission: up to 7, 8–30, 31–90, over 90. */
export const AGE_BANDS = [7, 30, 90] as const;

export interface AtRiskCase {
  id: string;
  registrationNumber: string;
  service: string;
  step: string | null;
  status: string;
  slaState: string;
  dueLocal: string | null;
}

export interface AgeRow {
  service: string;
  serviceId: string;
  /** Counts per band: ≤ 7 days, 8–30, 31–90, > 90. */
  counts: number[];
}

export interface Dashboard {
  atRisk: AtRiskCase[];
  backlog: OpenCasesRow[];
  ageing: AgeRow[];
  today: string;
}

export async function readDashboard(ctx: Ctx, officeId: string): Promise<Dashboard> {
  const o = ctx.catalogue.officeById(officeId);
  const services = new Map(o.services.map((s) => [s.id, s.service]));
  const label = (id: string) => {
    const s = services.get(id);
    return s ? `${s.no}. ${s.title}` : id;
  };
  const today = ctx.clock.localDate(o.office, nowOf(ctx).toISOString());
  // A case submitted on or after local midnight N days ago is at most N days old.
  const bounds = AGE_BANDS.map((d) => instantOf(Temporal.PlainDate.from(today).subtract({ days: d }).toString(), o.office.timezone));
  const [rows, backlog, ages] = await Promise.all([
    casesAtRiskOrLate(ctx.database, officeId, AT_RISK_LIST_MAX),
    superviseOpenCases(ctx, officeId),
    openCasesByAge(ctx.database, officeId, bounds),
  ]);
  const atRisk = rows.map((r) => {
    const svc = services.get(r.service_id);
    return {
      id: r.id,
      registrationNumber: r.registration_number,
      service: label(r.service_id),
      step: r.current_step ? (svc?.procedure ? (stepById(svc.procedure, r.current_step)?.label ?? r.current_step) : r.current_step) : null,
      status: r.status,
      slaState: r.sla_state,
      dueLocal: r.due_at ? ctx.clock.local(o.office, r.due_at) : null,
    };
  });
  const byService = new Map<string, AgeRow>();
  for (const a of ages) {
    const row = byService.get(a.service_id) ?? { service: label(a.service_id), serviceId: a.service_id, counts: [0, 0, 0, 0] };
    row.counts[a.bucket] = (row.counts[a.bucket] ?? 0) + a.n;
    byService.set(a.service_id, row);
  }
  return { atRisk, backlog, ageing: [...byService.values()].sort((a, b) => b.counts[3]! - a.counts[3]! || a.service.localeCompare(b.service)), today };
}
