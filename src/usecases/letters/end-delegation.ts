/** Ends a delegation before its last day: by the officer who made it, or a holder of its role. */
import { findDelegation, insertAudit, revokeDelegation } from '../../db/letters-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';

const notFound = () => failWith('not-found', 'delegation-not-found', 'Pelimpahan tidak ditemukan atau sudah berakhir', 'Delegation not found or already ended');

export async function endDelegation(ctx: Ctx, id: string, actor: Actor): Promise<Outcome<{ ended: true }>> {
  const officeId = actor.officeId;
  if (!officeId) return notFound();
  const now = nowOf(ctx).toISOString();
  const done = await ctx.database.write(async (trx) => {
    const row = await findDelegation(trx, officeId, id);
    if (!row || (row.from_user !== actor.id && !actor.roles.includes(row.role))) return false;
    const ended = await revokeDelegation(trx, officeId, id, now);
    if (ended) await insertAudit(trx, { officeId, actor: actor.name, action: 'letters.delegation-end', subject: `delegation:${id}`, detail: {}, at: now });
    return ended;
  });
  return done ? { ok: true, value: { ended: true } } : notFound();
}
