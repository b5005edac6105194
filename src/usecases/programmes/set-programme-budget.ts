/**
 * Records a programme's allocation (pagu, from the office's DPA) for a period. No decree states one,
 * so the office records it; a cash cycle is approved only within what it leaves. Audited.
 */
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { setBudget } from '../../db/programme-cycles-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { findProgramme, officeOf } from './programmes-of.js';

export async function setProgrammeBudget(ctx: Ctx, actor: Actor, slug: string, input: { period: string; amount: number; note: string }): Promise<Outcome<{ amount: number }>> {
  const officeId = officeOf(actor);
  if (!officeId.ok) return officeId;
  const found = findProgramme(ctx, officeId.value, slug);
  if (!found.ok) return found;
  if (!/^\d{4}$/.test(input.period)) return failWith('invalid', 'period', 'Periode ditulis sebagai tahun, misalnya 2026', 'The period is a year, e.g. 2026', 'period');
  if (!Number.isSafeInteger(input.amount) || input.amount < 0 || input.amount > 1_000_000_000_000)
    return failWith('invalid', 'amount', 'Pagu ditulis dalam rupiah bulat, 0 sampai 1.000.000.000.000', 'The allocation is whole rupiah, 0 to 1,000,000,000,000', 'amount');
  const note = input.note.trim();
  if (!note || note.length > 300) return failWith('invalid', 'note', 'Tuliskan dasar pagu (misalnya nomor DPA), paling banyak 300 karakter', 'Write what the allocation rests on (e.g. the DPA number), at most 300 characters', 'note');
  const now = nowOf(ctx).toISOString();
  await ctx.database.write(async (trx) => {
    await setBudget(trx, { office_id: officeId.value, programme_slug: slug, period: input.period, amount: input.amount, note, set_by: actor.name, set_at: now });
    await insertAuditEvent(trx, { officeId: officeId.value, actor: actor.name, action: 'programme-budget-set', subject: `programme:${slug}`, detail: { period: input.period, amount: input.amount, note }, at: now });
  });
  return { ok: true, value: { amount: input.amount } };
}
