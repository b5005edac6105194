/** How a proposal is shown: NIK and KK masked for roles that see the registry masked. */
import type { Proposal } from '../../db/registry-repo.js';
import { maskKk, maskNik } from '../../domain/identity/index.js';
import type { Masking } from '../../domain/registry/access.js';
import { STAGE_LABEL } from '../../domain/registry/proposals.js';

/** A proposal as shown, with its stage's label in Bahasa Indonesia (the API's; pages word it in their own language). */
export type ProposalView = Omit<Proposal, 'officeId' | 'serviceId'> & { stageLabel: string };

export function viewProposal(p: Proposal, masking: Masking): ProposalView {
  const masked = masking === 'masked';
  return {
    id: p.id,
    kind: p.kind,
    stage: p.stage,
    stageLabel: STAGE_LABEL[p.stage][0],
    nik: masked ? maskNik(p.nik) : p.nik,
    kk: p.kk ? (masked ? maskKk(p.kk) : p.kk) : null,
    name: p.name,
    applicationId: p.applicationId,
    siksngReference: p.siksngReference,
    ministryReference: p.ministryReference,
    confirmedSnapshotId: p.confirmedSnapshotId,
    confirmedAt: p.confirmedAt,
    openedAt: p.openedAt,
    updatedAt: p.updatedAt,
    version: p.version,
  };
}
