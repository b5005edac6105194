/** A case's timeline for staff: every event with its actor, local time and effect on the clock. */
import { eventsOf, type Case, type CaseEvent } from '../../db/applications-repo.js';
import type { Ctx } from '../context.js';

/** An event with its times in the office's zone: when it happened and the due time it set, if any. */
export type TimelineEntry = CaseEvent & { atLocal: string; dueLocal: string | null };

export async function caseTimeline(ctx: Ctx, app: Pick<Case, 'id' | 'office_id'>): Promise<TimelineEntry[]> {
  const office = ctx.catalogue.officeById(app.office_id).office;
  return (await eventsOf(ctx.database.db, app.id)).map((e) => {
    const due = e.slaEffect?.dueAt;
    return { ...e, atLocal: ctx.clock.local(office, e.at), dueLocal: typeof due === 'string' ? ctx.clock.local(office, due) : null };
  });
}
