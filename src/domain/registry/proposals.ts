/**
 * Proposals (usulan) of new registry entries: which seed services propose people to DTKS/DTSEN or
 * to PBI-JK, which of their steps mark a stage, and the stage machine. Pure: no I/O.
 *
 * A proposal goes intake → surveyed → finalised (in SIKS-NG, with its reference) → approved or
 * rejected by the ministry; it is *confirmed* when an imported snapshot shows the person (for a
 * PBI-JK proposal: with the PBI flag set), whatever stage it had reached.
 */
export const STAGES = ['intake', 'surveyed', 'finalised', 'approved', 'rejected', 'not-proposed', 'confirmed'] as const;
export type Stage = (typeof STAGES)[number];
export type ProposalKind = 'dtks' | 'pbi-jk';

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

export interface StepMark {
  stage: Stage;
  /** Only these outcomes mark the stage (default: every forward outcome). */
  outcomes?: string[];
}

export interface ProposalProfile {
  office: string;
  service: string;
  kind: ProposalKind;
  /** The step (and outcome) that opens the proposal. */
  opensAt: { step: string; outcomes?: string[] };
  /** Steps that move the proposal, by step id. */
  marks: Record<string, StepMark[]>;
  /** The step where the operator records the SIKS-NG reference (data.siksngReference or data.reference). */
  siksngStep?: string;
  /** The outside body's step that waits on the ministry's decision (auto-completed on confirmation). */
  ministryStep?: { step: string; approved: string };
}

/**
 * The seed services REFERENCE §4 and the issue name as proposals: Kota Jambi 6 (Pengusulan DTKS),
 * Kota Semarang SLRT (its non-DTKS path, "daftar awal untuk dimasukan kedalam DTKS ... melalui
 * mekanisme SIKS-NG"), Kota Banjarmasin 2 (usulan JKN-KIS PBI, validated "melalui SIKS NG").
 */
export const PROPOSAL_PROFILES: ProposalProfile[] = [
  {
    office: 'kota-jambi',
    service: 'pengusulan-dtks',
    kind: 'dtks',
    opensAt: { step: 'terima-berkas', outcomes: ['lengkap'] },
    marks: {
      'survei-rumah': [{ stage: 'surveyed' }],
      finalisasi: [{ stage: 'finalised' }],
      'persetujuan-kemensos': [
        { stage: 'approved', outcomes: ['disetujui'] },
        { stage: 'rejected', outcomes: ['tidak-disetujui'] },
      ],
    },
    siksngStep: 'finalisasi',
    ministryStep: { step: 'persetujuan-kemensos', approved: 'disetujui' },
  },
  {
    office: 'kota-semarang',
    service: 'slrt',
    kind: 'dtks',
    opensAt: { step: 'usulan-dtks' },
    marks: {},
  },
  {
    office: 'kota-banjarmasin',
    service: 'pengusulan-jkn-kis',
    kind: 'pbi-jk',
    opensAt: { step: 'terima-permohonan', outcomes: ['lengkap'] },
    marks: {
      'verifikasi-rumah-tangga': [{ stage: 'surveyed' }],
      'penentuan-kelayakan': [{ stage: 'not-proposed', outcomes: ['tidak-layak'] }],
      'input-usulan': [{ stage: 'finalised' }],
      'validasi-eksternal': [{ stage: 'approved', outcomes: ['divalidasi'] }],
    },
    siksngStep: 'input-usulan',
    ministryStep: { step: 'validasi-eksternal', approved: 'divalidasi' },
  },
];

export function profileFor(office: string, service: string): ProposalProfile | undefined {
  return PROPOSAL_PROFILES.find((p) => p.office === office && p.service === service);
}

/** The stage a completed step marks, if any. */
export function stageMarked(profile: ProposalProfile, step: string, outcome: string): Stage | null {
  for (const m of profile.marks[step] ?? []) if (!m.outcomes || m.outcomes.includes(outcome)) return m.stage;
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
