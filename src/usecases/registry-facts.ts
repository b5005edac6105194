/**
 * Registry facts for eligibility rules (registry.dtks, registry.desil, registry.pkh,
 * registry.bpnt, registry.pbi, other programme flags, and registry.snapshot / registry.period)
 * from the office's CURRENT DTKS/DTSEN snapshot. Before any snapshot is imported, or without a
 * well-formed NIK, there are no facts: rules that need them stay unknown and are resolved by staff
 * at verification, never silently passed. Two indexed queries: it is on the submission hot path.
 */
import type { Facts } from '../domain/standards/rules.js';
import type { Ctx } from './context.js';
import { registryFactsWith } from './registry/facts.js';

export async function registryFactsFor(ctx: Ctx, officeId: string, nik: string | undefined): Promise<Facts | undefined> {
  return (await registryFactsWith(ctx.database.db, ctx.database.dialect, officeId, nik))?.facts;
}
