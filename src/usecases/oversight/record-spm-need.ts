/** Records a person assessed as needing an SPM basic service in a budget year (the needs register, Y), audited in the same transaction. */
import { insertSpmNeed } from '../../db/spm-repo.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import { readSpmNeed } from '../../domain/oversight/spm-need.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { refuseIfApproved } from './approve-figures.js';

export async function recordSpmNeed(ctx: Ctx, actor: Actor, raw: Record<string, unknown>): Promise<Outcome<{ id: string; year: number; indicator: string }>> {
  if (!actor.officeId) return failWith('forbidden', 'no-office', 'Akun ini tidak terikat pada kantor', 'This account belongs to no office');
  const office = ctx.catalogue.officeById(actor.officeId);
  const now = nowOf(ctx).toISOString();
  const input = readSpmNeed(raw, ctx.clock.localDate(office.office, now));
  if (!input.ok) return fail('invalid', ...input.error);
  const n = input.value;
  // The register feeds approved figures: an entry dated in an approved month is a back-dated change.
  const open = await refuseIfApproved(ctx, office.id, n.assessedOn, 'assessedOn', [String(n.year)]);
  if (!open.ok) return open;
  const id = await ctx.database.write((trx) => insertSpmNeed(trx, { officeId: office.id, ...n, actor: actor.name, at: now }));
  if (!id)
    return failWith('conflict', 'already-registered', `NIK ini sudah tercatat membutuhkan layanan indikator ini pada tahun ${n.year}`, `This NIK is already registered as needing this indicator's service in ${n.year}`, 'nik');
  return { ok: true, value: { id, year: n.year, indicator: n.indicator } };
}
