/** Office closures (a flood, a move, a local holiday) set by an admin; the clock skips them at once. */
import { randomUUID } from 'node:crypto';
import type { Problem } from '../domain/errors.js';
import type { Actor, Ctx } from './context.js';
import { nowOf } from './context.js';

export async function addClosure(ctx: Ctx, actor: Actor, input: { date?: string; reason?: string }): Promise<{ ok: true } | { ok: false; status: 403 | 409 | 422; error: Problem }> {
  if (!actor.roles.includes('admin')) return { ok: false, status: 403, error: { code: 'role-required', message: 'Hanya admin kantor yang dapat menambah hari tutup', messageEn: 'Only an office admin can add a closure' } };
  const date = input.date ?? '';
  const [y, m, d] = date.split('-').map(Number);
  const real = /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(Date.UTC(y!, m! - 1, d!)).toISOString().startsWith(date);
  if (!real) return { ok: false, status: 422, error: { code: 'date-invalid', message: 'Tanggal harus YYYY-MM-DD dan nyata', messageEn: 'Date must be a real YYYY-MM-DD date' } };
  const reason = (input.reason ?? '').trim();
  if (reason.length < 3 || reason.length > 300) return { ok: false, status: 422, error: { code: 'reason-required', message: 'Alasan wajib diisi (3–300 karakter)', messageEn: 'A reason is required (3–300 characters)' } };
  const office = ctx.catalogue.list().find((o) => o.id === actor.officeId)!;
  const now = nowOf(ctx).toISOString();
  try {
    await ctx.database.write(async (trx) => {
      await trx.insertInto('office_closures').values({ id: randomUUID(), office_id: office.id, date, reason, created_by: actor.name, created_at: now }).execute();
      await trx
        .insertInto('audit_events')
        .values({ id: randomUUID(), office_id: office.id, actor: actor.name, action: 'calendar.closure.add', subject: `office:${office.office.slug}`, detail: JSON.stringify({ date, reason }), at: now })
        .execute();
    });
  } catch {
    return { ok: false, status: 409, error: { code: 'closure-exists', message: `Tanggal ${date} sudah tercatat sebagai hari tutup`, messageEn: `${date} is already a closure` } };
  }
  const rows = await ctx.database.db.selectFrom('office_closures').select(['date', 'reason']).where('office_id', '=', office.id).execute();
  ctx.clock.setClosures(office.office.slug, rows);
  return { ok: true };
}
