/**
 * Proposals (usulan) of new registry entries: the stage machine, and reading a service's proposal
 * profile (which services propose people to DTKS/DTSEN or to PBI-JK, and which of their steps mark
 * a stage, is part of their standard: `registryProposal`). Pure: no I/O.
 *
 * A proposal goes intake → surveyed → finalised (in SIKS-NG, with its reference) → approved or
 * rejected by the ministry; it is *confirmed* when an imported snapshot shows the person (for a
 * PBI-JK proposal: with the PBI flag set), whatever stage it had reached.
 */
import type { Service } from '../standards/schema.js';

export const STAGES = ['intake', 'surveyed', 'finalised', 'approved', 'rejected', 'not-proposed', 'confirmed'] as const;
export type Stage = (typeof STAGES)[number];
export const PROPOSAL_KINDS = ['dtks', 'pbi-jk'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
/** The stages an officer records by hand (intake opens a proposal; confirmation comes from a snapshot). */
export const RECORDABLE_STAGES = ['surveyed', 'finalised', 'approved', 'rejected', 'not-proposed'] as const satisfies readonly Stage[];
export type RecordableStage = (typeof RECORDABLE_STAGES)[number];

export const STAGE_LABEL: Record<Stage, [string, string]> = {
  intake: ['Diterima (usulan baru)', 'Received (new proposal)'],
  surveyed: ['Sudah disurvei', 'Surveyed'],
  finalised: ['Difinalisasi di SIKS-NG', 'Finalised in SIKS-NG'],
  approved: ['Disetujui kementerian', 'Approved by the ministry'],
  rejected: ['Tidak disetujui kementerian', 'Not approved by the ministry'],
  'not-proposed': ['Tidak diusulkan (tidak layak)', 'Not proposed (not eligible)'],
  confirmed: ['Terkonfirmasi: tercantum di registri', 'Confirmed: listed in the registry'],
};

const ORDER: Record<Stage, number> = { intake: 0, surveyed: 1, finalised: 2, approved: 3, rejected: 3, 'not-proposed': 3, confirmed: 4 };
export const CLOSED_STAGES: readonly Stage[] = ['rejected', 'not-proposed', 'confirmed'];

/** Whether a proposal at `from` may move to `to` (forward only; confirmation from any open stage). */
export function canMove(from: Stage, to: Stage): boolean {
  if (CLOSED_STAGES.includes(from)) return false;
  if (to === 'confirmed') return true;
  return ORDER[to] > ORDER[from];
}

/**
 * How a service proposes people (its standard's `registryProposal`, validated with it): which step
 * opens the proposal, which steps mark a stage, where the SIKS-NG reference is recorded and which
 * outside body's step waits on the ministry.
 */
export type ProposalProfile = NonNullable<Service['registryProposal']>;

/** A service's proposal profile, if it proposes people to the registry. */
export function profileOf(service: Pick<Service, 'registryProposal'>): ProposalProfile | undefined {
  return service.registryProposal;
}

/** The stage a completed step marks, if any. */
export function stageMarked(profile: ProposalProfile, step: string, outcome: string): Stage | null {
  for (const m of profile.marks) if (m.step === step && (!m.outcomes || m.outcomes.includes(outcome))) return m.stage;
  return null;
}

/** Whether a person row in a snapshot confirms a proposal of this kind. */
export function confirms(kind: ProposalKind, row: { pbi: number | null } | undefined): boolean {
  if (!row) return false;
  return kind === 'dtks' ? true : row.pbi === 1;
}

/** A SIKS-NG (or BPJS) reference as an operator types it: 2–100 visible characters. */
export function checkReference(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const s = raw.trim().replace(/\s+/g, ' ');
  return s.length >= 2 && s.length <= 100 ? s : null;
}
