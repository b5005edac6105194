/** The oversight page's notices: the validation findings and evaluation reminders the scheduler recorded, newest first. */
import { recentNotices } from '../../db/figures-repo.js';
import type { Ctx } from '../context.js';

export interface OversightNotice {
  kind: 'finding' | 'reminder';
  rule: string;
  period: string;
  text: { id: string; en: string };
  roles: string[];
  foundLocal: string;
}

export async function readNotices(ctx: Ctx, officeId: string): Promise<OversightNotice[]> {
  const office = ctx.catalogue.officeById(officeId).office;
  return (await recentNotices(ctx.database.db, officeId, 50)).map((n) => ({
    kind: n.kind === 'reminder' ? 'reminder' : 'finding',
    rule: n.rule,
    period: n.period,
    text: JSON.parse(n.detail) as { id: string; en: string },
    roles: JSON.parse(n.roles) as string[],
    foundLocal: ctx.clock.local(office, n.found_at),
  }));
}
