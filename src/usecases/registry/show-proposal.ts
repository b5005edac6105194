/** One proposal with its history and the case it came from; whether this officer may record its next stage. */
import { findApplication } from '../../db/applications-repo.js';
import { findProposal, proposalEvents, type ProposalEvent } from '../../db/registry-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { canRecordProposal } from '../../domain/registry/access.js';
import { CLOSED_STAGES } from '../../domain/registry/proposals.js';
import type { Actor, Ctx } from '../context.js';
import { viewProposal, type ProposalView } from './proposal-view.js';
import { registryReader } from './reader.js';

export interface ProposalRecord {
  proposal: ProposalView;
  events: ProposalEvent[];
  /** The case it came from, in this office. */
  application: { id: string; registrationNumber: string } | null;
  /** The officer may record a stage, and the proposal is still open. */
  canRecord: boolean;
}

export async function showProposal(ctx: Ctx, actor: Actor, id: string): Promise<Outcome<ProposalRecord>> {
  const reader = registryReader(actor);
  if (!reader.ok) return reader;
  const { officeId, masking } = reader.value;
  const p = await findProposal(ctx.database.db, officeId, id);
  if (!p) return failWith('not-found', 'proposal-not-found', 'Usulan tidak ditemukan', 'Proposal not found');
  const events = await proposalEvents(ctx.database.db, p.id);
  const app = p.applicationId ? await findApplication(ctx.database.db, officeId, p.applicationId) : undefined;
  return {
    ok: true,
    value: {
      proposal: viewProposal(p, masking),
      events,
      application: app ? { id: app.id, registrationNumber: app.registration_number } : null,
      canRecord: canRecordProposal(actor.roles) && !CLOSED_STAGES.includes(p.stage),
    },
  };
}
