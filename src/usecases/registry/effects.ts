/**
 * Step effects of the registry capability (see ../step-effects.ts):
 *  - registry-recheck: at every decision step of a service whose rules use registry facts, the
 *    eligibility rules that use them are evaluated again against the snapshot current then; the
 *    facts, verdicts (with their verdict at submission) and the snapshot go into the step's event
 *    data as `registry`. It never blocks the officer: the officer decides, the record shows what the
 *    registry said.
 *  - registry-proposals: proposal services open and move their proposal (advance-proposal.ts).
 */
import { ageOn } from '../../domain/identity/index.js';
import { evaluateRule, type Facts, type Verdict } from '../../domain/standards/rules.js';
import type { Rule, Service } from '../../domain/standards/schema.js';
import type { StepEffect, StepEffectInput } from '../step-effects.js';
import { registryFactsWith } from './facts.js';
import { advanceFromStep, checkStepReference } from './advance-proposal.js';

/** Whether a rule reads a registry fact (its verdict then tells of registry membership). */
export function ruleUsesRegistry(r: Rule): boolean {
  if ('all' in r) return r.all.some(ruleUsesRegistry);
  if ('any' in r) return r.any.some(ruleUsesRegistry);
  if ('not' in r) return ruleUsesRegistry(r.not);
  return r.fact.startsWith('registry.');
}

/** Whether a service's eligibility rules or requirement conditions read the registry. */
export function serviceUsesRegistry(svc: Service): boolean {
  return svc.eligibility.some((e) => ruleUsesRegistry(e.rule)) || svc.requirements.some((r) => !!r.appliesWhen && ruleUsesRegistry(r.appliesWhen));
}

/** The case's own facts (answers, applicant) as at intake, for rules that combine them with registry facts. */
function caseFacts(input: Pick<StepEffectInput, 'app'>, today: string): Facts {
  const applicant = JSON.parse(input.app.applicant) as { birthDate?: string | null; sex?: string | null; residentOfRegion?: boolean };
  const answers = JSON.parse(input.app.answers) as Record<string, unknown>;
  return {
    'applicant.age': applicant.birthDate ? ageOn(applicant.birthDate, today) : undefined,
    'applicant.sex': applicant.sex ?? undefined,
    'applicant.residentOfRegion': applicant.residentOfRegion,
    ...Object.fromEntries(Object.entries(answers).map(([k, v]) => [`answers.${k}`, v])),
  };
}

export interface RegistryRecheck {
  checkedAt: string;
  snapshot: { id: string; period: string; sha256: string } | null;
  facts: Record<string, unknown> | null;
  rules: { id: string; message: string; verdict: Verdict; atSubmission: Verdict | null }[];
  /** Rules that clearly fail now: shown to the officer, who decides. */
  failing: string[];
  /** Rules whose verdict differs from submission (the registry changed, or was imported since). */
  changed: string[];
}

const registryRecheck: StepEffect = {
  name: 'registry-recheck',
  async apply(input) {
    if (input.step.kind !== 'decision' || !serviceUsesRegistry(input.service)) return;
    const today = input.ctx.clock.localDate(input.ctx.catalogue.officeById(input.app.office_id).office, input.now);
    const found = await registryFactsWith(input.trx, input.ctx.database.dialect, input.app.office_id, input.app.applicant_nik, input.ctx.caches.registry);
    const facts = { ...caseFacts(input, today), ...(found?.facts ?? {}) };
    const before = new Map<string, Verdict>();
    try {
      const elig = JSON.parse(input.app.eligibility) as { results?: { id: string; verdict: Verdict }[] };
      for (const r of elig.results ?? []) before.set(r.id, r.verdict);
    } catch {
      /* an unreadable record only loses the comparison */
    }
    const rules = input.service.eligibility
      .filter((e) => ruleUsesRegistry(e.rule))
      .map((e) => ({ id: e.id, message: e.message, verdict: evaluateRule(e.rule, facts), atSubmission: before.get(e.id) ?? null }));
    const result: RegistryRecheck = {
      checkedAt: input.now,
      snapshot: found ? { id: found.snapshot.id, period: found.snapshot.period, sha256: found.snapshot.sourceSha256 } : null,
      facts: found ? Object.fromEntries(Object.entries(found.facts).filter(([k]) => k !== 'registry.snapshot' && k !== 'registry.period')) : null,
      rules,
      failing: rules.filter((r) => r.verdict === 'fail').map((r) => r.id),
      changed: rules.filter((r) => r.atSubmission !== null && r.atSubmission !== r.verdict).map((r) => r.id),
    };
    return { registry: result };
  },
};

const registryProposals: StepEffect = {
  name: 'registry-proposals',
  async check(input) {
    return checkStepReference(input);
  },
  async apply(input) {
    const r = await advanceFromStep(input);
    return r ?? undefined;
  },
};

export const registryEffects: StepEffect[] = [registryRecheck, registryProposals];
