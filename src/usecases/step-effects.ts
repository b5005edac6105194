/**
 * Effects other capabilities attach to completing a step (issuing letters at sign/number steps,
 * re-checking registry facts at a decision). `check` runs before the transaction and may refuse
 * with problems (422); `apply` runs inside the transaction that records the step, so its writes
 * commit or roll back with it, and what it returns is merged into the step's event data. `hold`,
 * asked after `apply` in the same transaction, may make the case wait before its move takes effect
 * (a handover or completion waits for the signature of the letters it hands over).
 */
import type { Transaction } from 'kysely';
import type { ApplicationsTable, DB } from '../db/schema.js';
import type { Move } from '../domain/procedure/engine.js';
import type { Problem } from '../domain/errors.js';
import type { CaseStatus } from '../domain/applications/status.js';
import type { Outcome, Service, Step } from '../domain/standards/schema.js';
import type { Actor, Ctx } from './context.js';

export interface StepEffectInput {
  ctx: Ctx;
  app: ApplicationsTable;
  service: Service;
  step: Step;
  outcome: Outcome;
  move: Move;
  actor: Actor;
  note: string | undefined;
  data: Record<string, unknown>;
  now: string;
}

export interface StepEffect {
  name: string;
  check?(input: StepEffectInput): Promise<Problem[]>;
  apply?(input: StepEffectInput & { trx: Transaction<DB> }): Promise<Record<string, unknown> | void>;
  hold?(input: StepEffectInput & { trx: Transaction<DB> }): Promise<Hold | null>;
}

/** The case waits in `status` (its clock running) instead of making its move; `data` goes into the step's event. */
export interface Hold {
  status: Extract<CaseStatus, 'waiting-signature'>;
  data: Record<string, unknown>;
}
