/**
 * In-kind delivery proof and closing a cycle, pure (docs/PROGRAMMES.md "Deliveries and closing"):
 * what a delivery at the recipient's address must carry — the receiver (and their relation when not
 * the recipient), the time, an optional position and photo, and every condition check the decree
 * words — or a failure's reason; when a cycle is delivered; and when the head may close it.
 */
import type { Problem } from '../errors.js';
import type { CycleStatus, Reconciliation } from './cycles.js';

export const MAX_REASON = 500;
export const MAX_RECEIVER = 120;
export const MAX_RELATION = 60;

export interface DeliveryInput {
  result: 'delivered' | 'failed';
  receiverName?: string | null;
  relation?: string | null;
  /** ISO time of the hand-over; now when absent. */
  at?: string | null;
  lat?: number | null;
  lng?: number | null;
  /** An upload id (POST /api/v1/uploads). */
  photo?: string | null;
  /** The ids of the decree's condition checks the deliverer confirmed. */
  checks?: string[];
  reason?: string | null;
}

export interface CheckText {
  id: string;
  text: string;
}

const squash = (s: string) => s.trim().replace(/\s+/g, ' ').toUpperCase();

/**
 * The problems of one delivery act, each beside its field. A receiver other than the recipient
 * (another name) must say their relation; every check the decree words must be confirmed — goods
 * not confirmed "dalam kondisi baik, tidak cacat dan tidak kadaluwarsa" are not a delivery.
 */
export function deliveryProblems(input: DeliveryInput, ctx: { recipientName: string; checks: readonly CheckText[]; now: string; approvedAt: string | null }): Problem[] {
  const problems: Problem[] = [];
  if (input.result === 'failed') {
    if (!input.reason?.trim()) problems.push({ code: 'reason-required', field: 'reason', message: 'Tulis alasan bantuan tidak tersalurkan', messageEn: 'Write why the aid was not delivered' });
    else if (input.reason.length > MAX_REASON) problems.push({ code: 'reason-too-long', field: 'reason', message: `Alasan paling banyak ${MAX_REASON} karakter`, messageEn: `The reason is at most ${MAX_REASON} characters` });
    return problems;
  }
  const receiver = input.receiverName?.trim() ?? '';
  if (!receiver) problems.push({ code: 'receiver-required', field: 'receiverName', message: 'Tulis nama penerima barang', messageEn: "Write the receiver's name" });
  else if (receiver.length > MAX_RECEIVER) problems.push({ code: 'receiver-too-long', field: 'receiverName', message: `Nama penerima paling banyak ${MAX_RECEIVER} karakter`, messageEn: `The receiver's name is at most ${MAX_RECEIVER} characters` });
  else if (squash(receiver) !== squash(ctx.recipientName) && !input.relation?.trim())
    problems.push({ code: 'relation-required', field: 'relation', message: `Barang diterima orang lain, bukan ${ctx.recipientName}: tulis hubungannya dengan penerima manfaat`, messageEn: `Someone other than ${ctx.recipientName} received it: write their relation to the recipient` });
  if ((input.relation?.length ?? 0) > MAX_RELATION) problems.push({ code: 'relation-too-long', field: 'relation', message: `Hubungan paling banyak ${MAX_RELATION} karakter`, messageEn: `The relation is at most ${MAX_RELATION} characters` });
  if (input.at) {
    const t = Date.parse(input.at);
    if (Number.isNaN(t)) problems.push({ code: 'at-invalid', field: 'at', message: 'Waktu penyerahan tidak sah', messageEn: 'Invalid hand-over time' });
    else if (t > Date.parse(ctx.now)) problems.push({ code: 'at-future', field: 'at', message: 'Waktu penyerahan tidak boleh di masa depan', messageEn: 'The hand-over time cannot be in the future' });
    else if (ctx.approvedAt && t < Date.parse(ctx.approvedAt)) problems.push({ code: 'at-before-approval', field: 'at', message: 'Waktu penyerahan tidak boleh sebelum siklus disetujui', messageEn: 'The hand-over cannot precede the cycle’s approval' });
  }
  if ((input.lat == null) !== (input.lng == null)) problems.push({ code: 'coordinates-incomplete', field: 'lat', message: 'Isi lintang dan bujur bersama-sama, atau kosongkan keduanya', messageEn: 'Give latitude and longitude together, or neither' });
  const confirmed = new Set(input.checks ?? []);
  for (const c of ctx.checks)
    if (!confirmed.has(c.id)) problems.push({ code: 'check-not-confirmed', field: `checks.${c.id}`, message: `Penyaluran ditolak: belum dikonfirmasi "${c.text}"`, messageEn: `Delivery refused: not confirmed "${c.text}"` });
  return problems;
}

/** An in-kind cycle is delivered once nobody is pending: every recipient delivered or failed. */
export const isDelivered = (r: Reconciliation): boolean => r.approved.n > 0 && r.pending.n === 0;

/**
 * Whether the head may close a cycle: paid or delivered, or approved with nothing pending (only
 * failed transfers left that will not be retried); remaining failures are written off with a reason.
 */
export function closeProblem(status: CycleStatus, r: Reconciliation, note: string | null | undefined): Problem | null {
  if (status === 'closed') return { code: 'cycle-closed', message: 'Siklus ini sudah ditutup', messageEn: 'This cycle is already closed' };
  if (status === 'draft') return { code: 'cycle-not-approved', message: 'Siklus rancangan tidak dapat ditutup; setujui dulu', messageEn: 'A draft cycle cannot be closed; approve it first' };
  if (r.pending.n > 0)
    return { code: 'cycle-pending', message: `Masih ${r.pending.n} penerima menunggu${r.held.n ? ` (${r.held.n} ditahan)` : ''}; siklus ditutup setelah semua tersalurkan atau gagal`, messageEn: `${r.pending.n} recipients are still pending${r.held.n ? ` (${r.held.n} held)` : ''}; a cycle is closed once every one is paid, delivered or failed` };
  if (r.failed.n > 0 && !note?.trim())
    return { code: 'write-off-reason-required', field: 'note', message: `${r.failed.n} penyaluran gagal akan dihapusbukukan: tulis alasannya`, messageEn: `${r.failed.n} failed deliveries will be written off: write why` };
  if ((note?.length ?? 0) > MAX_REASON) return { code: 'note-too-long', field: 'note', message: `Alasan paling banyak ${MAX_REASON} karakter`, messageEn: `The reason is at most ${MAX_REASON} characters` };
  return null;
}

/** A closed cycle refuses every further change. */
export const closedCycle: Problem = { code: 'cycle-closed', message: 'Siklus ini sudah ditutup; tidak dapat diubah lagi', messageEn: 'This cycle is closed; it cannot be changed any more' };
