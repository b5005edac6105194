/**
 * Who may read registry data (UU 27/2022: specific personal data, least privilege) and how much of
 * it they see. Who holds which level is the one permission table (domain/staff/permissions.ts);
 * a role it does not list cannot read the registry at all. Pure: no I/O.
 */
import { maskKk, maskNik } from '../identity/index.js';
import { may } from '../staff/permissions.js';

export const MASKINGS = ['full', 'counter', 'masked'] as const;
export type Masking = (typeof MASKINGS)[number];

/**
 * The most open view any of the roles grants, or null when none may read the registry: full
 * (registry.read-full: operators, field and assessment staff, decision makers), counter
 * (registry.read-counter: the person asked about in full, the family's other NIKs masked), or
 * masked (registry.lookup only, e.g. the read-only auditor: NIK/KK masked, address reduced).
 */
export function maskingFor(roles: readonly string[]): Masking | null {
  if (may(roles, 'registry.read-full')) return 'full';
  if (may(roles, 'registry.read-counter')) return 'counter';
  if (may(roles, 'registry.lookup')) return 'masked';
  return null;
}

export const canImport = (roles: readonly string[]) => may(roles, 'registry.import');
export const canExportRows = (roles: readonly string[]) => may(roles, 'registry.export');
/** Export of everything Sigap holds about one person, at that person's request (UU 27/2022 Pasal 32). */
export const canExportPerson = (roles: readonly string[]) => may(roles, 'registry.export-person');
export const canReadLog = (roles: readonly string[]) => may(roles, 'registry.read-log');
/** Record proposal stages (survey, SIKS-NG finalisation, ministry decision). */
export const canRecordProposal = (roles: readonly string[]) => may(roles, 'registry.propose');

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
