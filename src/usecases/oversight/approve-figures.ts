/**
 * Approved figures (issue 15 §4): an officer approves a month's or a year's figures at their level
 * of the office's chain (domain/oversight/approval.ts); the head's approval locks them. Reopening
 * takes a written reason, is audited, and starts the chain again. A locked period refuses a
 * back-dated change (`refuseIfApproved`, used by the SPM needs register).
 */
import { anyLocked, approvalOf, setApproval } from '../../db/oversight-repo.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import { approvalChain, nextApproval, readApprovalPeriod, readReopenReason } from '../../domain/oversight/approval.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { closeSnapshot, insertSnapshot } from '../../db/figures-repo.js';
import { approvalPeriod, figuresOf } from './snapshot-figures.js';

export interface ApprovalView {
  period: string;
  chain: string[];
  step: number;
  locked: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
}

const changed = () => failWith('conflict', 'conflict', 'Persetujuan periode ini baru saja diubah petugas lain. Muat ulang.', 'Another officer just changed this period’s approval. Reload.');

export async function readApproval(ctx: Ctx, officeId: string, periodValue: string): Promise<Outcome<ApprovalView>> {
  const p = readApprovalPeriod(periodValue);
  if (!p.ok) return fail('invalid', p.error);
  const office = ctx.catalogue.officeById(officeId);
  const a = await approvalOf(ctx.database.db, officeId, p.value.period);
  return { ok: true, value: { period: p.value.period, chain: approvalChain(office.office.roles.map((r) => r.id)), ...a } };
}

export async function approveFigures(ctx: Ctx, actor: Actor, periodValue: string): Promise<Outcome<ApprovalView>> {
  if (!actor.officeId) return failWith('forbidden', 'no-office', 'Akun ini tidak terikat pada kantor', 'This account belongs to no office');
  const cur = await readApproval(ctx, actor.officeId, periodValue);
  if (!cur.ok) return cur;
  const next = nextApproval(cur.value.chain, cur.value, actor.roles);
  if (!next.ok) return fail(next.error.code === 'not-your-turn' ? 'forbidden' : 'conflict', next.error);
  const at = nowOf(ctx).toISOString();
  const level = cur.value.chain[cur.value.step]!;
  // The head's approval stores the figures as approved, in the same transaction as the lock.
  const figures = next.value.locked ? await figuresOf(ctx, actor.officeId, approvalPeriod(cur.value.period)!, 'primary') : null;
  const won = await ctx.database.write(async (trx) => {
    const ok = await setApproval(trx, { officeId: actor.officeId!, period: cur.value.period, fromStep: cur.value.step, ...next.value, actor: actor.name, at, action: 'oversight.approve', detail: { level, locked: next.value.locked } });
    if (ok && figures) await insertSnapshot(trx, { officeId: actor.officeId!, period: cur.value.period, approvedBy: actor.name, approvedAt: at, figures });
    return ok;
  });
  if (!won) return changed();
  return { ok: true, value: { ...cur.value, ...next.value, updatedBy: actor.name, updatedAt: at } };
}

export async function reopenFigures(ctx: Ctx, actor: Actor, periodValue: string, reasonText: string | undefined): Promise<Outcome<ApprovalView>> {
  if (!actor.officeId) return failWith('forbidden', 'no-office', 'Akun ini tidak terikat pada kantor', 'This account belongs to no office');
  // Only the head, who locked the figures, may open them again.
  if (!actor.roles.includes('kepala-dinas')) return failWith('forbidden', 'head-only', 'Hanya Kepala Dinas yang dapat membuka kembali angka yang disetujui', 'Only the head of office may reopen approved figures');
  const cur = await readApproval(ctx, actor.officeId, periodValue);
  if (!cur.ok) return cur;
  const reason = readReopenReason(reasonText);
  if (!reason.ok) return fail('invalid', reason.error);
  if (cur.value.step === 0) return failWith('conflict', 'not-approved', 'Angka periode ini belum disetujui', 'The figures of this period are not approved');
  const at = nowOf(ctx).toISOString();
  const won = await ctx.database.write(async (trx) => {
    const ok = await setApproval(trx, { officeId: actor.officeId!, period: cur.value.period, fromStep: cur.value.step, step: 0, locked: false, actor: actor.name, at, action: 'oversight.reopen', detail: { reason: reason.value, wasLocked: cur.value.locked } });
    // The approved figures stay as history, closed with who reopened them and why.
    if (ok) await closeSnapshot(trx, { officeId: actor.officeId!, period: cur.value.period, by: actor.name, at, reason: reason.value });
    return ok;
  });
  if (!won) return changed();
  return { ok: true, value: { ...cur.value, step: 0, locked: false, updatedBy: actor.name, updatedAt: at } };
}

/** A change dated `date` (local) in an approved month or year is refused. */
export async function refuseIfApproved(ctx: Ctx, officeId: string, date: string, field: string, alsoPeriods: readonly string[] = []): Promise<Outcome<null>> {
  if (await anyLocked(ctx.database.db, officeId, [date.slice(0, 7), date.slice(0, 4), ...alsoPeriods]))
    return failWith('conflict', 'period-approved', `Angka ${date.slice(0, 7)} sudah disetujui dan dikunci: perubahan bertanggal di dalamnya ditolak. Minta Kepala Dinas membuka kembali periode itu dengan alasan tertulis.`, `The figures of ${date.slice(0, 7)} are approved and locked: a change dated inside it is refused. Ask the head of office to reopen that period with a written reason.`, field);
  return { ok: true, value: null };
}
