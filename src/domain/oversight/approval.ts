/**
 * Approved figures (issue 15 §4), pure: a month's or a year's figures move up the office's chain
 * and are locked once the head approves; reopening needs a written reason. DHIS2's data approval
 * is the model (approval by period and org unit, upward; locked once approved).
 *
 * The chain is read from the roles the office declares, in this order: the head of division
 * (`kepala-bidang`), the secretary (`sekretaris`), the head of office (`kepala-dinas`, always
 * declared). Semarang's decree names the chain "Kepala Bidang … Laporan hasil pengawasan Kepala
 * Dinas melalui Skretaris"; no office file declares a secretary role yet, so today's chains are
 * kepala-bidang → kepala-dinas (or kepala-dinas alone).
 */
import type { Problem, Result } from '../errors.js';

export const CHAIN_ORDER = ['kepala-bidang', 'sekretaris', 'kepala-dinas'] as const;

export function approvalChain(declaredRoles: readonly string[]): string[] {
  return CHAIN_ORDER.filter((r) => r === 'kepala-dinas' || declaredRoles.includes(r));
}

/** "2026-05" (a month) or "2026" (a year). */
export function readApprovalPeriod(value: string): Result<{ period: string; months: string[] }, Problem> {
  const m = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/.exec(value);
  if (!m || Number(m[1]) < 2000 || Number(m[1]) > 2100)
    return { ok: false, error: { code: 'period-invalid', field: 'period', message: 'Periode persetujuan: bulan TTTT-BB atau tahun TTTT', messageEn: 'Approval period: a month YYYY-MM or a year YYYY' } };
  const months = m[2] ? [value] : Array.from({ length: 12 }, (_, i) => `${m[1]}-${String(i + 1).padStart(2, '0')}`);
  return { ok: true, value: { period: value, months } };
}

export interface ApprovalState {
  /** How many levels of the chain have approved. */
  step: number;
  locked: boolean;
}

/** The next approval, if the actor's roles hold the next level; else why not, in both languages. */
export function nextApproval(chain: readonly string[], state: ApprovalState, roles: readonly string[]): Result<ApprovalState, Problem> {
  if (state.locked) return { ok: false, error: { code: 'already-approved', message: 'Angka periode ini sudah disetujui dan dikunci', messageEn: 'The figures of this period are already approved and locked' } };
  const level = chain[state.step]!;
  if (!roles.includes(level))
    return { ok: false, error: { code: 'not-your-turn', message: `Persetujuan berikutnya adalah wewenang ${level}`, messageEn: `The next approval belongs to ${level}` } };
  const step = state.step + 1;
  return { ok: true, value: { step, locked: step === chain.length } };
}

/** A reopening's written reason: at least a sentence. */
export function readReopenReason(reason: string | undefined): Result<string, Problem> {
  const r = (reason ?? '').trim();
  if (r.length < 10 || r.length > 1000)
    return { ok: false, error: { code: 'reason-required', field: 'reason', message: 'Tulis alasan membuka kembali (10–1.000 huruf)', messageEn: 'Write the reason for reopening (10–1,000 characters)' } };
  return { ok: true, value: r };
}
