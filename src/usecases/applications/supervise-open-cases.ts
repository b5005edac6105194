/** The supervisor's view: an office's open cases by service, step, role and officer, with the earliest due time. */
import { openCasesByStep, staffNames } from '../../db/applications-repo.js';
import { stepById } from '../../domain/procedure/engine.js';
import type { Ctx } from '../context.js';

export interface OpenCasesRow {
  service: string;
  step: string;
  role: string;
  officer: string | null;
  slaState: string;
  count: number;
  earliestDueLocal: string | null;
}

export async function superviseOpenCases(ctx: Ctx, officeId: string): Promise<OpenCasesRow[]> {
  const office = ctx.catalogue.officeById(officeId);
  const services = new Map(office.services.map((s) => [s.id, s.service]));
  const names = await staffNames(ctx.database.db, officeId);
  return (await openCasesByStep(ctx.database.db, officeId)).map((r) => {
    const svc = services.get(r.service_id);
    return {
      service: svc ? `${svc.no}. ${svc.title}` : r.service_id,
      step: svc?.procedure ? (stepById(svc.procedure, r.step_id)?.label ?? r.step_id) : r.step_id,
      role: r.role,
      officer: r.claimed_by ? (names.get(r.claimed_by) ?? null) : null,
      slaState: r.sla_state,
      count: r.n,
      earliestDueLocal: r.oldest_due ? ctx.clock.local(office.office, r.oldest_due) : null,
    };
  });
}
