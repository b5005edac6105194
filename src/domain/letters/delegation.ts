/**
 * Delegation of signing: the terms a delegation must meet and its state on a given day. A
 * deputy signs "a.n." (atas nama, on behalf of) or "Plt." (pelaksana tugas, acting). Pure.
 */
import type { Problem } from '../errors.js';

export const DELEGATION_KINDS = ['a.n.', 'Plt.'] as const;

/** The signing role delegated when none is named: the head of office's. */
export const HEAD_ROLE = 'kepala-dinas';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 366;

/** What is wrong with a delegation's kind and date range (every problem found). */
export function checkDelegationTerms(t: { kind: string; startsOn: string; endsOn: string }): Problem[] {
  const problems: Problem[] = [];
  if (!(DELEGATION_KINDS as readonly string[]).includes(t.kind)) problems.push({ code: 'delegation-kind', message: 'Jenis pelimpahan harus "a.n." atau "Plt."', messageEn: 'The kind must be "a.n." or "Plt."' });
  if (!DATE.test(t.startsOn ?? '') || !DATE.test(t.endsOn ?? '') || Number.isNaN(Date.parse(t.startsOn)) || Number.isNaN(Date.parse(t.endsOn)))
    problems.push({ code: 'delegation-dates', message: 'Tanggal mulai dan selesai harus YYYY-MM-DD', messageEn: 'Start and end dates must be YYYY-MM-DD' });
  else if (t.endsOn < t.startsOn) problems.push({ code: 'delegation-range', message: 'Tanggal selesai tidak boleh sebelum tanggal mulai', messageEn: 'The end date cannot be before the start date' });
  else if (Date.parse(t.endsOn) - Date.parse(t.startsOn) > MAX_DAYS * 86_400_000)
    problems.push({ code: 'delegation-too-long', message: 'Pelimpahan paling lama satu tahun', messageEn: 'A delegation lasts at most one year' });
  return problems;
}

export type DelegationState = 'ended' | 'past' | 'upcoming' | 'in-force';

/** A delegation on `today` (office-local date): ended by hand, past, not yet begun, or in force. */
export function delegationState(d: { endedAt: string | null; startsOn: string; endsOn: string }, today: string): DelegationState {
  if (d.endedAt) return 'ended';
  if (d.endsOn < today) return 'past';
  if (d.startsOn > today) return 'upcoming';
  return 'in-force';
}
