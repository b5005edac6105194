/** An office admin closes the office on a date (a flood, a move, a local holiday); the clock skips it at once. */
import { closuresOf, insertClosure } from '../../db/calendar-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';

export async function addClosure(ctx: Ctx, actor: Actor, input: { date?: string; reason?: string }): Promise<Outcome<{ date: string }>> {
  if (!actor.roles.includes('admin') || !actor.officeId)
    return failWith('forbidden', 'role-required', 'Hanya admin kantor yang dapat menambah hari tutup', 'Only an office admin can add a closure');
  const date = input.date ?? '';
  const [y, m, d] = date.split('-').map(Number);
  const real = /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(Date.UTC(y!, m! - 1, d!)).toISOString().startsWith(date);
  if (!real) return failWith('invalid', 'date-invalid', 'Tanggal harus YYYY-MM-DD dan nyata', 'Date must be a real YYYY-MM-DD date', 'date');
  const reason = (input.reason ?? '').trim();
  if (reason.length < 3 || reason.length > 300) return failWith('invalid', 'reason-required', 'Alasan wajib diisi (3–300 karakter)', 'A reason is required (3–300 characters)', 'reason');
  const office = ctx.catalogue.officeById(actor.officeId);
  try {
    await ctx.database.write((trx) => insertClosure(trx, { officeId: office.id, officeSlug: office.office.slug, date, reason, actor: actor.name, at: nowOf(ctx).toISOString() }));
  } catch {
    return failWith('conflict', 'closure-exists', `Tanggal ${date} sudah tercatat sebagai hari tutup`, `${date} is already a closure`, 'date');
  }
  ctx.clock.setClosures(office.office.slug, await closuresOf(ctx.database.db, office.id));
  return { ok: true, value: { date } };
}
