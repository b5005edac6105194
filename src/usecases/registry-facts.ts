/**
 * Registry facts for eligibility rules (registry.dtks, registry.desil...). No DTKS/DTSEN snapshot
 * is imported yet, so every registry fact is unknown and rules that need one are resolved by
 * staff at verification, never silently passed.
 */
import type { Facts } from '../domain/standards/rules.js';
import type { Ctx } from './context.js';

export async function registryFactsFor(_ctx: Ctx, _officeId: string, _nik: string | undefined): Promise<Facts | undefined> {
  return undefined;
}
