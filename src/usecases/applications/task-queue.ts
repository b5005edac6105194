/**
 * The task queue read model, once for the API and the back office: an officer's open tasks (by
 * their roles), most urgent first, each with its service, step, outcomes and clock state. The
 * state shown is computed from the due time now, so a page never waits for the background sweep.
 */
import { queue } from '../../db/applications-repo.js';
import { stepById } from '../../domain/procedure/engine.js';
import { stepsOpenedByOrRoles } from '../../domain/procedure/step-roles.js';
import type { Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { serviceOfCase } from './service-of-case.js';

export interface QueueItem {
  id: string;
  applicationId: string;
  registrationNumber: string;
  service: { id: string; slug: string; no: number; title: string };
  step: { id: string; label: string; kind: string };
  outcomes: { id: string; label: string; kind: string }[];
  dueAt: string | null;
  dueAtLocal: string | null;
  slaState: string;
  applicantName: string;
  version: number;
}

export interface QueueQuery {
  limit: number;
  offset?: number;
  serviceId?: string;
  slaState?: string;
}

export async function taskQueue(ctx: Ctx, officer: { officeId: string; roles: string[] }, q: QueueQuery): Promise<QueueItem[]> {
  const office = ctx.catalogue.officeById(officer.officeId).office;
  // Tasks of steps the officer may do through a step's further roles (orRoles) are theirs too.
  const now = nowOf(ctx).toISOString();
  const alsoSteps = stepsOpenedByOrRoles(ctx.catalogue.officeById(officer.officeId).services, officer.roles);
  const rows = await queue(ctx.database.db, officer.officeId, officer.roles, { ...q, alsoSteps });
  const items: QueueItem[] = [];
  for (const r of rows) {
    const svc = await serviceOfCase(ctx, r.service_version_id);
    const step = stepById(svc.procedure!, r.step_id);
    // A running clock may have crossed a threshold since the last sweep.
    const running = r.status === 'open' && (r.sla_state === 'on-time' || r.sla_state === 'at-risk');
    items.push({
      id: r.task_id,
      applicationId: r.application_id,
      registrationNumber: r.registration_number,
      service: { id: r.service_id, slug: svc.slug, no: svc.no, title: svc.title },
      step: { id: r.step_id, label: step?.label ?? r.step_id, kind: step?.kind ?? 'task' },
      outcomes: (step?.outcomes ?? []).map((o) => ({ id: o.id, label: o.label, kind: o.kind })),
      dueAt: r.due_at,
      dueAtLocal: r.due_at ? ctx.clock.local(office, r.due_at) : null,
      slaState: running ? ctx.clock.state(r.clock_started_at, r.due_at, false, now) : r.sla_state,
      applicantName: r.applicant_name,
      version: r.version,
    });
  }
  return items;
}
