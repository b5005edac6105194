/**
 * Who may read registry data (UU 27/2022: specific personal data, least privilege) and how much of
 * it they see. Role ids are the offices' own (standards/<office>/office.yaml); a role not listed
 * here cannot read the registry at all. Pure: no I/O.
 */
import { maskKk, maskNik } from '../identity/index.js';

/** Full look-up: the registry's operators, field and assessment staff, and decision makers. */
const FULL_ROLES = [
  'admin',
  'operator',
  'operator-kelurahan',
  'operator-pkh',
  'verifikator',
  'fasilitator',
  'pendamping',
  'petugas-lapangan',
  'pekerja-sosial',
  'petugas-bidang',
  'kepala-bidang',
  'subkoordinator',
  'supervisor',
  'supervisor-slrt',
  'manajer-slrt',
  'kepala-dinas',
] as const;

/** The counter: sees the person asked about in full, the other family members' NIKs masked. */
const COUNTER_ROLES = ['front-office', 'back-office'] as const;

/** Read-only oversight: every NIK and KK masked, addresses reduced to kelurahan/kecamatan. */
const MASKED_ROLES = ['auditor'] as const;

/** Import snapshots, download rejection reports, export rows. */
const IMPORT_ROLES = ['operator', 'admin'] as const;
const EXPORT_ROLES = ['operator', 'admin'] as const;
/** Export of everything Sigap holds about one person, at that person's request (UU 27/2022 Pasal 32). */
const PERSON_EXPORT_ROLES = ['admin', 'kepala-dinas'] as const;
/** Read the access log. */
const LOG_ROLES = ['admin', 'auditor', 'kepala-dinas'] as const;
/** Record proposal stages (survey, SIKS-NG finalisation, ministry decision). */
const PROPOSAL_ROLES = ['operator', 'admin', 'fasilitator', 'verifikator', 'pendamping', 'operator-kelurahan', 'kepala-bidang', 'front-office'] as const;

export const MASKINGS = ['full', 'counter', 'masked'] as const;
export type Masking = (typeof MASKINGS)[number];

const has = (roles: readonly string[], set: readonly string[]) => roles.some((r) => set.includes(r));

/** The most open view any of the roles grants, or null when none may read the registry. */
export function maskingFor(roles: readonly string[]): Masking | null {
  if (has(roles, FULL_ROLES)) return 'full';
  if (has(roles, COUNTER_ROLES)) return 'counter';
  if (has(roles, MASKED_ROLES)) return 'masked';
  return null;
}

export const canImport = (roles: readonly string[]) => has(roles, IMPORT_ROLES);
export const canExportRows = (roles: readonly string[]) => has(roles, EXPORT_ROLES);
export const canExportPerson = (roles: readonly string[]) => has(roles, PERSON_EXPORT_ROLES);
export const canReadLog = (roles: readonly string[]) => has(roles, LOG_ROLES);
export const canRecordProposal = (roles: readonly string[]) => has(roles, PROPOSAL_ROLES);

export interface PersonView {
  nik: string;
  kk: string;
  name: string;
  birthDate: string | null;
  birthPlace: string | null;
  sex: 'L' | 'P' | null;
  motherName: string | null;
  relation: string | null;
  address: { address: string | null; hamlet: string | null; rt: string | null; rw: string | null; village: string | null; district: string | null; regency: string | null; province: string | null };
  dtksId: string | null;
  desil: number | null;
  programmes: Record<string, boolean | null>;
}

/**
 * Applies a masking level to one person. `asked` is true for the person whose NIK the officer
 * typed (the counter already holds it).
 */
export function maskPerson(p: PersonView, masking: Masking, asked: boolean): PersonView {
  if (masking === 'full') return p;
  if (masking === 'counter') {
    if (asked) return p;
    return { ...p, nik: maskNik(p.nik), motherName: null, birthPlace: null };
  }
  return {
    ...p,
    nik: maskNik(p.nik),
    kk: maskKk(p.kk),
    motherName: null,
    birthPlace: null,
    birthDate: p.birthDate ? p.birthDate.slice(0, 4) : null,
    dtksId: null,
    address: { address: null, hamlet: null, rt: null, rw: null, village: p.address.village, district: p.address.district, regency: p.address.regency, province: p.address.province },
  };
}
