/** Today's date where an office is (letters are dated, delegations run and numbers restart by local date). */
import type { Office } from '../../domain/standards/schema.js';
import { nowOf, type Ctx } from '../context.js';

export const todayAt = (ctx: Ctx, office: Office) => ctx.clock.localDate(office, nowOf(ctx).toISOString());
