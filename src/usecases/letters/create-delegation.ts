/**
 * The holder of a signing role (the head of office) lets a deputy sign for a date range,
 * printed "a.n." (atas nama) or "Plt." (pelaksana tugas) on the letter.
 */
import { randomUUID } from 'node:crypto';
import { insertAudit, insertDelegation, staffByIdOrUsername } from '../../db/letters-repo.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import { checkDelegationTerms, HEAD_ROLE } from '../../domain/letters/delegation.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';

export interface NewDelegation {
  /** The deputy: user id or username. */
  to: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  reason?: string;
  role?: string;
}

/** Only a holder of a signing role delegates it. */
export const mayDelegate = (actor: Actor, role = HEAD_ROLE) => !!actor.id && !!actor.officeId && actor.roles.includes(role);

export async function createDelegation(ctx: Ctx, input: NewDelegation, actor: Actor): Promise<Outcome<{ id: string }>> {
  const role = input.role ?? HEAD_ROLE;
  if (!mayDelegate(actor, role) || !actor.id || !actor.officeId)
    return failWith('forbidden', 'delegation-forbidden', `Hanya pemegang peran "${role}" yang dapat melimpahkan wewenang penandatanganannya`, `Only a holder of the "${role}" role can delegate its signing`);
  const { id: from, officeId } = actor;
  const problems = checkDelegationTerms(input);
  const db = ctx.database.db;
  const target = await staffByIdOrUsername(db, String(input.to ?? ''));
  if (!target || target.officeId !== officeId || !target.active)
    return failWith('not-found', 'user-not-found', 'Pegawai penerima pelimpahan tidak ditemukan di kantor ini', 'The deputy was not found in this office');
  if (target.id === from) problems.push({ code: 'delegation-self', message: 'Tidak dapat melimpahkan kepada diri sendiri', messageEn: 'You cannot delegate to yourself' });
  if (problems.length) return fail('invalid', ...problems);
  const now = nowOf(ctx).toISOString();
  const id = randomUUID();
  await ctx.database.write(async (trx) => {
    await insertDelegation(trx, { id, office_id: officeId, role, from_user: from, to_user: target.id, kind: input.kind, starts_on: input.startsOn, ends_on: input.endsOn, reason: input.reason?.trim() || null, created_at: now, revoked_at: null });
    await insertAudit(trx, { officeId, actor: actor.name, action: 'letters.delegate', subject: `delegation:${id}`, detail: { role, to: target.username, kind: input.kind, startsOn: input.startsOn, endsOn: input.endsOn, reason: input.reason ?? null }, at: now });
  });
  return { ok: true, value: { id } };
}
