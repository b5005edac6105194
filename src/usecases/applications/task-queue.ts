/**
 * The task queue read model, once for the API and the back office: an officer's open tasks (by
 * their roles), most urgent first, each with its service, step, outcomes and clock state; filtered
 * by service, step, clock state and holder (mine / unclaimed), counted per filter and paged in the
 * database. Filters and counts use one clock state (a clock past its due time is late now, without
 * waiting for the background sweep), so a count always matches the list it links to.
 */
import { queue, queueCounts } from '../../db/applications-repo.js';
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
  claimedBy: string | null;
  version: number;
}

/** Whose tasks: all of my roles' tasks, the ones I claimed, or the ones nobody claimed yet. */
export const QUEUE_HOLDERS = ['all', 'mine', 'unclaimed'] as const;
export type QueueHolder = (typeof QUEUE_HOLDERS)[number];

/** The clock states a queue can be filtered by, most urgent first. */
export const QUEUE_SLA_STATES = ['late', 'at-risk', 'on-time', 'paused', 'not-started'] as const;

/** A page is at most this long, whoever asks (the back office shows 50 a page; the API may ask for more). */
export const QUEUE_PAGE_MAX = 500;

export interface QueueFilter {
  serviceId?: string;
  /** A step of the chosen service (ignored without a service: step ids are only unique within one). */
  stepId?: string;
  slaState?: string;
  holder?: QueueHolder;
}

export interface QueueQuery extends QueueFilter {
  limit: number;
  offset?: number;
}

/** How many tasks each choice of one filter would show, the other filters kept. */
export interface QueueCounts {
  sla: Record<string, number>;
  services: { id: string; no: number; title: string; count: number }[];
  steps: { id: string; label: string; count: number }[];
  holders: Record<QueueHolder, number>;
}

export interface QueueView {
  items: QueueItem[];
  /** Tasks matching every filter (all pages). */
  total: number;
  offset: number;
  limit: number;
  counts: QueueCounts;
}

type Dimension = 'service' | 'step' | 'sla' | 'holder';

export async function taskQueue(ctx: Ctx, officer: { id: string; officeId: string; roles: string[] }, q: QueueQuery): Promise<QueueView> {
  const stored = ctx.catalogue.officeById(officer.officeId);
  const office = stored.office;
  const now = nowOf(ctx).toISOString();
  const stepId = q.serviceId ? q.stepId : undefined;
  const holder = q.holder ?? 'all';
  // Tasks of steps the officer may do through a step's further roles (orRoles) are theirs too.
  const alsoSteps = stepsOpenedByOrRoles(stored.services, officer.roles);
  const scope = { roles: officer.roles, officerId: officer.id, now, serviceId: q.serviceId, stepId, slaState: q.slaState, holder, alsoSteps };

  // Counts: each filter's choices counted with the other filters kept, from one grouped read.
  const groups = await queueCounts(ctx.database.db, officer.officeId, scope);
  const passes = (g: (typeof groups)[number], except?: Dimension) =>
    (except === 'service' || !q.serviceId || g.serviceId === q.serviceId) &&
    (except === 'step' || !stepId || g.stepId === stepId) &&
    (except === 'sla' || !q.slaState || g.slaState === q.slaState) &&
    (except === 'holder' || holder === 'all' || g.holder === holder);
  const tally = (except: Dimension, key: (g: (typeof groups)[number]) => string) => {
    const m = new Map<string, number>();
    for (const g of groups) if (passes(g, except)) m.set(key(g), (m.get(key(g)) ?? 0) + g.n);
    return m;
  };
  const bySla = tally('sla', (g) => g.slaState);
  const byService = tally('service', (g) => g.serviceId);
  const byHolder = tally('holder', (g) => g.holder);
  const current = q.serviceId ? stored.services.find((s) => s.id === q.serviceId) : undefined;
  const bySteps = current ? tally('step', (g) => g.stepId) : new Map<string, number>();
  const counts: QueueCounts = {
    sla: Object.fromEntries(QUEUE_SLA_STATES.map((s) => [s, bySla.get(s) ?? 0])),
    services: stored.services.filter((s) => byService.has(s.id)).map((s) => ({ id: s.id, no: s.service.no, title: s.service.title, count: byService.get(s.id)! })),
    steps: current ? [...bySteps].map(([id, count]) => ({ id, label: stepById(current.service.procedure!, id)?.label ?? id, count })) : [],
    holders: { all: [...byHolder.values()].reduce((a, b) => a + b, 0), mine: byHolder.get('mine') ?? 0, unclaimed: byHolder.get('unclaimed') ?? 0 },
  };
  const total = groups.filter((g) => passes(g)).reduce((a, g) => a + g.n, 0);

  const limit = Math.min(Math.max(1, q.limit), QUEUE_PAGE_MAX);
  const offset = Math.max(0, q.offset ?? 0);
  const rows = await queue(ctx.database.db, officer.officeId, scope, { limit, offset });
  const items: QueueItem[] = [];
  for (const r of rows) {
    const svc = await serviceOfCase(ctx, r.service_version_id);
    const step = stepById(svc.procedure!, r.step_id);
    // A running clock may have crossed the at-risk mark since the last sweep: shown as it is now.
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
      claimedBy: r.claimed_by,
      version: r.version,
    });
  }
  return { items, total, offset, limit, counts };
}
