/**
 * Who may sign a letter: the holder of its signing role, or a deputy under a delegation in force
 * today; and who may revoke or cancel one (the head of office, the signing role, its deputy).
 */
import type { Kysely, Transaction } from 'kysely';
import { activeDelegationsTo, type Letter } from '../../db/letters-repo.js';
import type { DB } from '../../db/schema.js';
import { fail, type Outcome } from '../../domain/errors.js';
import { HEAD_ROLE } from '../../domain/letters/delegation.js';
import type { Actor, Ctx } from '../context.js';
import { todayAt } from './today.js';

export type Authority = { delegation: { id: string; kind: string } | null };

/** May `actor` sign letters of `role` today: by holding the role, or by a delegation in force. */
export async function authorityToSign(ctx: Ctx, q: Kysely<DB> | Transaction<DB>, actor: Actor, role: string, preferDelegation?: string): Promise<Outcome<Authority>> {
  if (!actor.id || !actor.officeId) return denied(role);
  const today = todayAt(ctx, ctx.catalogue.officeById(actor.officeId).office);
  const delegations = (await activeDelegationsTo(q, actor.officeId, actor.id, today)).filter((d) => d.role === role);
  const chosen = delegations.find((d) => d.id === preferDelegation);
  if (actor.roles.includes(role)) return { ok: true, value: { delegation: chosen ? { id: chosen.id, kind: chosen.kind } : null } };
  const d = chosen ?? delegations[0];
  return d ? { ok: true, value: { delegation: { id: d.id, kind: d.kind } } } : denied(role);
}

const denied = (role: string) =>
  fail('forbidden', {
    code: 'signing-role-required',
    message: `Anda tidak berwenang menandatangani surat ini: diperlukan peran "${role}" atau pelimpahan wewenang yang berlaku hari ini`,
    messageEn: `You may not sign this letter: it needs the "${role}" role or a delegation in force today`,
  });

/** May `actor` revoke or cancel `letter`: the head of office, the letter's signing role, or its delegate today. */
export async function mayManageLetter(ctx: Ctx, actor: Actor, letter: Letter): Promise<boolean> {
  if (actor.roles.includes(HEAD_ROLE) || actor.roles.includes(letter.signer_role)) return true;
  return (await authorityToSign(ctx, ctx.database.db, actor, letter.signer_role)).ok;
}
