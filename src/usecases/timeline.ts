/** A case's timeline for staff: every event with actor, local time and SLA effect. */
import { events } from '../db/applications-repo.js';
import type { ApplicationsTable } from '../db/schema.js';
import type { Ctx } from './context.js';

export async function timelineOf(ctx: Ctx, app: ApplicationsTable) {
  const office = ctx.catalogue.list().find((o) => o.id === app.office_id)!.office;
  const rows = await events(ctx.database.db, app.id);
  return rows.map((e) => ({
    id: e.id,
    type: e.type,
    step: e.step_id,
    outcome: e.outcome,
    actor: e.actor_name,
    note: e.note,
    data: JSON.parse(e.data) as Record<string, unknown>,
    slaEffect: e.sla_effect ? (JSON.parse(e.sla_effect) as Record<string, unknown>) : null,
    at: e.at,
    atLocal: ctx.clock.local(office, e.at),
  }));
}
