/** The office's proposals, newest first, optionally at one stage; masked for roles that see the registry masked. */
import { listProposals } from '../../db/registry-repo.js';
import type { Outcome } from '../../domain/errors.js';
import type { Stage } from '../../domain/registry/proposals.js';
import type { Actor, Ctx } from '../context.js';
import { viewProposal, type ProposalView } from './proposal-view.js';
import { registryReader } from './reader.js';

export async function listOfficeProposals(ctx: Ctx, actor: Actor, q: { stage?: Stage; limit: number }): Promise<Outcome<ProposalView[]>> {
  const reader = registryReader(actor);
  if (!reader.ok) return reader;
  const { officeId, masking } = reader.value;
  return { ok: true, value: (await listProposals(ctx.database.db, officeId, q)).map((p) => viewProposal(p, masking)) };
}
