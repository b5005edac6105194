/**
 * A case's registry record for staff who may read the registry: what the registry said at
 * submission, and what each re-check at a decision step found (with the snapshot it read).
 */
import { caseOfOffice, registryEventsOfCase, type CaseEligibility } from '../../db/registry-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { registryReader } from './reader.js';

/** A re-check as stored in a step's event data (stored JSON: every part may be missing). */
export interface StoredRecheck {
  snapshot?: { period: string } | null;
  rules?: { message: string; verdict: string; atSubmission: string | null }[];
  facts?: Record<string, unknown> | null;
}

export interface CaseRegistry {
  id: string;
  registrationNumber: string;
  applicantName: string;
  atSubmission: CaseEligibility;
  events: { at: string; step: string; actorName: string; note: string | null; recheck: StoredRecheck | null }[];
}

export async function showCaseRegistry(ctx: Ctx, actor: Actor, id: string): Promise<Outcome<CaseRegistry>> {
  const reader = registryReader(actor);
  if (!reader.ok) return reader;
  const a = await caseOfOffice(ctx.database.db, reader.value.officeId, id);
  if (!a) return failWith('not-found', 'application-not-found', 'Berkas tidak ditemukan', 'Case not found');
  const events = (await registryEventsOfCase(ctx.database.db, a.id)).map((e) => ({
    at: e.at,
    step: e.stepId ?? e.type,
    actorName: e.actorName,
    note: e.note,
    recheck: (e.data.registry as StoredRecheck | undefined) ?? null,
  }));
  return { ok: true, value: { id: a.id, registrationNumber: a.registrationNumber, applicantName: a.applicantName, atSubmission: a.eligibility, events } };
}
