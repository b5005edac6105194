/** A case's timeline for staff: every event with its actor, local time and effect on the clock. */
import { eventsOf, type Case, type CaseEvent } from '../../db/applications-repo.js';
import type { Ctx } from '../context.js';

export type TimelineEntry = CaseEvent & { atLocal: string };

export async function caseTimeline(ctx: Ctx, app: Pick<Case, 'id' | 'office_id'>): Promise<TimelineEntry[]> {
  const office = ctx.catalogue.officeById(app.office_id).office;
  return (await eventsOf(ctx.database.db, app.id)).map((e) => ({ ...e, atLocal: ctx.clock.local(office, e.at) }));
}
