/**
 * An office admin removes a closure added by mistake. Only one that lies wholly in the future: a day
 * that has begun or passed has already counted in running clocks and receipts, so it stays on record.
 */
import { noteChange } from '../../db/changes-repo.js';
import { closuresOf, deleteClosureGroup } from '../../db/calendar-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { adminOffice } from './admin-office.js';
import { recomputeOpenCases } from './recompute-open-cases.js';

export async function removeClosure(ctx: Ctx, actor: Actor, groupId: string): Promise<Outcome<{ dates: string[] }>> {
  const office = adminOffice(ctx, actor);
  if (!office.ok) return office;
  const { id: officeId, office: o } = office.value;
  const now = nowOf(ctx).toISOString();
  const today = ctx.clock.localDate(o, now);
  const outcome = await ctx.database.write(async (trx): Promise<Outcome<{ dates: string[] }>> => {
    const rows = (await closuresOf(trx, officeId)).filter((r) => r.groupId === groupId);
    if (!rows.length) return failWith('not-found', 'closure-not-found', 'Hari tutup ini tidak ada (mungkin sudah dihapus)', 'This closure does not exist (it may have been removed already)');
    if (rows[0]!.date <= today)
      return failWith('conflict', 'closure-past', `Hari tutup mulai ${rows[0]!.date} sudah berjalan atau lewat dan sudah dihitung dalam batas waktu; tidak dapat dihapus`, `The closure from ${rows[0]!.date} has begun or passed and has counted in due dates; it cannot be removed`);
    await deleteClosureGroup(trx, { officeId, officeSlug: o.slug, removed: rows, actor: actor.name, at: now });
    await noteChange(trx, ctx.database.dialect, `calendar:${o.slug}`, now);
    return { ok: true, value: { dates: rows.map((r) => r.date) } };
  });
  if (!outcome.ok) return outcome;
  ctx.clock.setClosures(o.slug, await closuresOf(ctx.database.db, officeId));
  const days = outcome.value.dates.join(', ');
  await recomputeOpenCases(ctx, officeId, { actor: actor.name, change: `hari tutup ${days} dibatalkan`, changeEn: `closure of ${days} withdrawn` });
  return outcome;
}
