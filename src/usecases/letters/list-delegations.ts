/** The office's delegations of signing, newest first, each with its state today. */
import { delegationsOf, type Delegation } from '../../db/letters-repo.js';
import { delegationState, type DelegationState } from '../../domain/letters/delegation.js';
import type { Ctx } from '../context.js';
import { todayAt } from './today.js';

export type ListedDelegation = Delegation & { state: DelegationState };

export async function listDelegations(ctx: Ctx, officeId: string): Promise<ListedDelegation[]> {
  const today = todayAt(ctx, ctx.catalogue.officeById(officeId).office);
  return (await delegationsOf(ctx.database.db, officeId)).map((d) => ({ ...d, state: delegationState(d, today) }));
}
