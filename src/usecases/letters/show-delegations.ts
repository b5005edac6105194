/** The delegation screen: the office's delegations, and whom the officer may delegate to from which day. */
import { activeStaffOfOffice } from '../../db/letters-repo.js';
import type { Actor, Ctx } from '../context.js';
import { mayDelegate } from './create-delegation.js';
import { listDelegations, type ListedDelegation } from './list-delegations.js';
import { todayAt } from './today.js';

export interface DelegationScreen {
  today: string;
  mayDelegate: boolean;
  /** Active colleagues (never the officer): who can be named deputy. */
  deputies: { id: string; username: string; displayName: string }[];
  delegations: ListedDelegation[];
}

export async function showDelegations(ctx: Ctx, officeId: string, actor: Actor): Promise<DelegationScreen> {
  const staff = await activeStaffOfOffice(ctx.database.db, officeId);
  return {
    today: todayAt(ctx, ctx.catalogue.officeById(officeId).office),
    mayDelegate: mayDelegate(actor),
    deputies: staff.filter((s) => s.id !== actor.id).map((s) => ({ id: s.id, username: s.username, displayName: s.displayName })),
    delegations: await listDelegations(ctx, officeId),
  };
}
