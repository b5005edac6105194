/**
 * SPM achievement of an office for a budget year (issue 15 §2): X counted from the completed cases
 * of the services its spm.yaml maps (distinct persons per indicator), Y from its needs register,
 * X/Y × 100 % per indicator (domain/oversight/spm.ts). Nothing re-typed.
 */
import { join } from 'node:path';
import { spmNeedCounts, spmServedCount } from '../../db/spm-repo.js';
import type { StoredOffice } from '../../db/standards-repo.js';
import { SPM_INDICATORS, spmResult, type SpmMapping, type SpmResult } from '../../domain/oversight/spm.js';
import { loadOfficeSpm } from '../../io/spm-file.js';
import type { Ctx } from '../context.js';
import { instantOf } from './evaluate-standard.js';

// Office data, read once per process like the letter templates and programmes (validated at boot).
const mappings = new WeakMap<object, Map<string, SpmMapping[]>>();

export function spmMappingOf(ctx: Pick<Ctx, 'standardsDir' | 'caches'>, office: StoredOffice): SpmMapping[] {
  let byOffice = mappings.get(ctx.caches);
  if (!byOffice) mappings.set(ctx.caches, (byOffice = new Map()));
  let found = byOffice.get(office.office.slug);
  if (!found) {
    found = loadOfficeSpm(join(ctx.standardsDir, office.office.slug), office.services.map((s) => s.service)).mapping;
    byOffice.set(office.office.slug, found);
  }
  return found;
}

export interface SpmIndicatorRow extends SpmResult {
  /** The services (and ends) that count towards it, from spm.yaml. */
  services: { slug: string; no: string; title: string; ends: readonly string[] }[];
}

export async function computeSpm(ctx: Ctx, office: StoredOffice, year: number): Promise<SpmIndicatorRow[]> {
  const mapping = spmMappingOf(ctx, office);
  const tz = office.office.timezone;
  // The budget year is the calendar year, by the local date the case was completed.
  const from = instantOf(`${year}-01-01`, tz);
  const until = instantOf(`${year + 1}-01-01`, tz);
  const needs = await spmNeedCounts(ctx.database.db, office.id, year);
  return Promise.all(
    SPM_INDICATORS.map(async (ind) => {
      const services = mapping
        .filter((m) => m.indicator === ind.code)
        .map((m) => ({ m, s: office.services.find((s) => s.service.slug === m.service)! }))
        .filter((x) => x.s);
      const served = await spmServedCount(ctx.database.db, office.id, services.map((x) => ({ serviceId: x.s.id, ends: x.m.ends ?? [] })), from, until);
      return { ...spmResult(ind.code, served, needs.get(ind.code) ?? 0), services: services.map((x) => ({ slug: x.s.service.slug, no: String(x.s.service.no), title: x.s.service.title, ends: x.m.ends ?? [] })) };
    }),
  );
}
