/**
 * A programme round: one period and stage ("Tahun 2026, Tahap I") of a programme, from its candidate
 * list through field verification to the berita acara and the SK. Statuses, bounds and the
 * rule that keeps a person the berita acara refused out of every SK of the period. Pure.
 */
import type { Problem } from '../errors.js';

export const ROUND_STATUSES = ['verifying', 'reported', 'decreed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export const CANDIDATE_VERIFICATIONS = ['pending', 'eligible', 'ineligible'] as const;
export type CandidateVerification = (typeof CANDIDATE_VERIFICATIONS)[number];
export const VERIFICATION_RESULTS = ['eligible', 'ineligible'] as const;
export type DocumentKind = 'berita-acara' | 'sk';
/** Stages of a period's recipient decrees; a later stage adds recipients (issue 14: "Tahap I/II"). */
export const STAGES = ['Tahap I', 'Tahap II', 'Tahap III', 'Tahap IV'] as const;

/** A round lists at most this many candidates (a registry draw stops there and says so). */
export const MAX_CANDIDATES = 5000;
/** Candidates per list page. */
export const PAGE_SIZE = 50;
/** Longest reason a verifier may write. */
export const MAX_REASON = 500;

/** One person as a document lists them, frozen at issue. */
export interface DocumentPerson {
  candidateId: string;
  nik: string;
  name: string;
  category: string;
  village: string | null;
  result: 'eligible' | 'ineligible';
  reason: string | null;
}

export const ROUND_STATUS_NAMES: Record<RoundStatus, { id: string; en: string }> = {
  verifying: { id: 'Verifikasi lapangan', en: 'Field verification' },
  reported: { id: 'Berita acara terbit', en: 'Report issued' },
  decreed: { id: 'SK terbit', en: 'Decree issued' },
};
export const VERIFICATION_NAMES: Record<CandidateVerification, { id: string; en: string }> = {
  pending: { id: 'Belum diverifikasi', en: 'Not verified yet' },
  eligible: { id: 'Memenuhi syarat', en: 'Eligible' },
  ineligible: { id: 'Tidak memenuhi syarat', en: 'Ineligible' },
};

/** The SK's refusal of people a berita acara of the period marked ineligible. */
export function refusedProblem(people: { name: string; stage: string; number: string; reason: string | null }[]): Problem {
  const list = people.map((p) => `${p.name} (${p.stage}, ${p.number}${p.reason ? `: ${p.reason}` : ''})`).join('; ');
  return {
    code: 'sk-includes-ineligible',
    field: 'candidateIds',
    message: `SK tidak dapat memuat orang yang dinyatakan tidak memenuhi syarat dalam berita acara tim verifikasi dan validasi: ${list}`,
    messageEn: `An SK cannot include anyone the verification team's report marked ineligible: ${list}`,
  };
}
