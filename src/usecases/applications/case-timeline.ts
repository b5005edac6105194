/** A case's timeline for staff: every event with its actor, local time and effect on the clock. */
import { eventsOf, findCase, type Case, type CaseEvent } from '../../db/applications-repo.js';
import { may, scopeOf } from '../../domain/staff/permissions.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { maskingFor } from '../../domain/registry/access.js';
import type { Actor, Ctx } from '../context.js';
import { logDataRead } from '../audit/log-data-read.js';
import { ruleUsesRegistry } from '../registry/effects.js';
import { serviceOfCase } from './service-of-case.js';

/** An event with its times in the office's zone: when it happened and the due time it set, if any. */
export type TimelineEntry = CaseEvent & { atLocal: string; dueLocal: string | null };

/**
 * The timeline; with `viewerRoles`, what the registry said is withheld from roles the registry
 * refuses (UU 27/2022, least privilege): the re-check's facts and verdicts, and the verdicts of
 * eligibility rules that read the registry (a DTKS verdict is the DTKS listing). The HTML case
 * page filters the same in its views.
 */
export async function caseTimeline(ctx: Ctx, app: Pick<Case, 'id' | 'office_id' | 'service_version_id'>, viewerRoles?: readonly string[]): Promise<TimelineEntry[]> {
  const office = ctx.catalogue.officeById(app.office_id).office;
  const withhold = viewerRoles !== undefined && maskingFor(viewerRoles) === null;
  const registryRules = withhold ? new Set((await serviceOfCase(ctx, app.service_version_id)).eligibility.filter((e) => ruleUsesRegistry(e.rule)).map((e) => e.id)) : null;
  return (await eventsOf(ctx.database.db, app.id)).map((e) => {
    const due = e.slaEffect?.dueAt;
    const data = registryRules ? withoutRegistry(e.data, registryRules) : e.data;
    return { ...e, data, atLocal: ctx.clock.local(office, e.at), dueLocal: typeof due === 'string' ? ctx.clock.local(office, due) : null };
  });
}

/** The timeline an officer reads through the API: of a case of their office, logged before it is returned. */
export async function readCaseTimeline(ctx: Ctx, officer: Pick<Actor, 'id' | 'name' | 'roles'> & { officeId: string }, id: string): Promise<Outcome<TimelineEntry[]>> {
  const app = await findCase(ctx.database.db, officer.officeId, id);
  if (!app) return failWith('not-found', 'application-not-found', 'Permohonan tidak ditemukan', 'Application not found');
  // A step holder reads only the cases of the services it holds a step in (as on the case page).
  if (!may(officer.roles, 'applications.read', scopeOf([{ service: await serviceOfCase(ctx, app.service_version_id) }])))
    return failWith('forbidden', 'permission-required', 'Peran Anda tidak dapat membuka berkas layanan ini', 'Your role cannot open the cases of this service');
  await logDataRead(ctx, officer, { officeId: officer.officeId, recordKind: 'application', recordId: app.id, subjectNik: app.applicant_nik, purpose: 'case-work', fields: ['timeline'] });
  return { ok: true, value: await caseTimeline(ctx, app, officer.roles) };
}

function withoutRegistry(data: Record<string, unknown>, registryRules: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (k.startsWith('registry.')) continue;
    if (k === 'registry' && v && typeof v === 'object') {
      const r = v as { checkedAt?: unknown; snapshot?: unknown };
      out.registry = { checkedAt: r.checkedAt ?? null, withheld: true };
    } else if (k === 'eligibility' && Array.isArray(v)) out.eligibility = v.filter((x) => !(x && typeof x === 'object' && registryRules.has(String((x as { id?: unknown }).id))));
    else out[k] = v;
  }
  return out;
}
