/**
 * Delegation of signing: the holder of a signing role (the head of office) lets a deputy sign
 * for a date range, printed "a.n." (atas nama) or "Plt." (pelaksana tugas) on the letter.
 */
import { randomUUID } from 'node:crypto';
import { activeDelegationsTo, delegationsOf, insertAudit, insertDelegation, revokeDelegation, staffById } from '../../db/letters-repo.js';
import { findUserByUsername } from '../../db/staff-repo.js';
import type { Problem } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { storedOffice } from './issue.js';

export const DELEGATION_KINDS = ['a.n.', 'Plt.'] as const;
type Q = Ctx['database']['db'] | Parameters<typeof activeDelegationsTo>[0];

export type Authority = { ok: true; delegation: { id: string; kind: string } | null } | { ok: false; status: 403; problem: Problem };

/** May `actor` sign letters of `role` today: by holding the role, or by a delegation in force. */
export async function authorityToSign(ctx: Ctx, q: Q, actor: Actor, role: string, preferDelegation?: string): Promise<Authority> {
  if (!actor.id || !actor.officeId) return denied(role);
  const today = ctx.clock.localDate(storedOffice(ctx, actor.officeId).office, nowOf(ctx).toISOString());
  const delegations = (await activeDelegationsTo(q, actor.officeId, actor.id, today)).filter((d) => d.role === role);
  const chosen = delegations.find((d) => d.id === preferDelegation);
  if (actor.roles.includes(role)) return { ok: true, delegation: chosen ? { id: chosen.id, kind: chosen.kind } : null };
  const d = chosen ?? delegations[0];
  return d ? { ok: true, delegation: { id: d.id, kind: d.kind } } : denied(role);
}

const denied = (role: string): Authority => ({
  ok: false,
  status: 403,
  problem: {
    code: 'signing-role-required',
    message: `Anda tidak berwenang menandatangani surat ini: diperlukan peran "${role}" atau pelimpahan wewenang yang berlaku hari ini`,
    messageEn: `You may not sign this letter: it needs the "${role}" role or a delegation in force today`,
  },
});

export interface NewDelegation {
  /** The deputy: user id or username. */
  to: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  reason?: string;
  role?: string;
}

export type DelegationResult = { ok: true; id: string } | { ok: false; status: 403 | 404 | 422; problems: Problem[] };

export async function createDelegation(ctx: Ctx, input: NewDelegation, actor: Actor): Promise<DelegationResult> {
  const role = input.role ?? 'kepala-dinas';
  if (!actor.id || !actor.officeId || !actor.roles.includes(role))
    return { ok: false, status: 403, problems: [{ code: 'delegation-forbidden', message: `Hanya pemegang peran "${role}" yang dapat melimpahkan wewenang penandatanganannya`, messageEn: `Only a holder of the "${role}" role can delegate its signing` }] };
  const problems: Problem[] = [];
  if (!(DELEGATION_KINDS as readonly string[]).includes(input.kind)) problems.push({ code: 'delegation-kind', message: 'Jenis pelimpahan harus "a.n." atau "Plt."', messageEn: 'The kind must be "a.n." or "Plt."' });
  const date = /^\d{4}-\d{2}-\d{2}$/;
  if (!date.test(input.startsOn ?? '') || !date.test(input.endsOn ?? '') || Number.isNaN(Date.parse(input.startsOn)) || Number.isNaN(Date.parse(input.endsOn)))
    problems.push({ code: 'delegation-dates', message: 'Tanggal mulai dan selesai harus YYYY-MM-DD', messageEn: 'Start and end dates must be YYYY-MM-DD' });
  else if (input.endsOn < input.startsOn) problems.push({ code: 'delegation-range', message: 'Tanggal selesai tidak boleh sebelum tanggal mulai', messageEn: 'The end date cannot be before the start date' });
  else if (Date.parse(input.endsOn) - Date.parse(input.startsOn) > 366 * 86_400_000)
    problems.push({ code: 'delegation-too-long', message: 'Pelimpahan paling lama satu tahun', messageEn: 'A delegation lasts at most one year' });
  const db = ctx.database.db;
  const target = (await staffById(db, input.to)) ?? (await findUserByUsername(db, String(input.to ?? '').toLowerCase()));
  if (!target || target.office_id !== actor.officeId || target.active !== 1) return { ok: false, status: 404, problems: [{ code: 'user-not-found', message: 'Pegawai penerima pelimpahan tidak ditemukan di kantor ini', messageEn: 'The deputy was not found in this office' }] };
  if (target.id === actor.id) problems.push({ code: 'delegation-self', message: 'Tidak dapat melimpahkan kepada diri sendiri', messageEn: 'You cannot delegate to yourself' });
  if (problems.length) return { ok: false, status: 422, problems };
  const now = nowOf(ctx).toISOString();
  const id = randomUUID();
  await ctx.database.write(async (trx) => {
    await insertDelegation(trx, { id, office_id: actor.officeId!, role, from_user: actor.id!, to_user: target.id, kind: input.kind, starts_on: input.startsOn, ends_on: input.endsOn, reason: input.reason?.trim() || null, created_at: now, revoked_at: null });
    await insertAudit(trx, { officeId: actor.officeId!, actor: actor.name, action: 'letters.delegate', subject: `delegation:${id}`, detail: { role, to: target.username, kind: input.kind, startsOn: input.startsOn, endsOn: input.endsOn, reason: input.reason ?? null }, at: now });
  });
  return { ok: true, id };
}

export async function endDelegation(ctx: Ctx, id: string, actor: Actor): Promise<boolean> {
  if (!actor.officeId) return false;
  const now = nowOf(ctx).toISOString();
  return ctx.database.write(async (trx) => {
    const row = await trx.selectFrom('letter_delegations').selectAll().where('id', '=', id).where('office_id', '=', actor.officeId!).executeTakeFirst();
    if (!row || (row.from_user !== actor.id && !actor.roles.includes(row.role))) return false;
    const done = await revokeDelegation(trx, actor.officeId!, id, now);
    if (done) await insertAudit(trx, { officeId: actor.officeId!, actor: actor.name, action: 'letters.delegation-end', subject: `delegation:${id}`, detail: {}, at: now });
    return done;
  });
}

export async function listDelegations(ctx: Ctx, officeId: string) {
  return delegationsOf(ctx.database.db, officeId);
}
