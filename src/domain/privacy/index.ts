/**
 * Data-subject requests (UU 27/2022 Pasal 32): what a request is, its number, who may answer it,
 * and the shape of the export handed to the person. Pure.
 */
import { may } from '../staff/permissions.js';
export * from './clock.js';

/** open (the clock runs) | answered (the export is ready) | refused (with a recorded reason). */
export const REQUEST_STATUSES = ['open', 'answered', 'refused'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** website: the person on the public page (proof: a tracking code of their own case); counter: an officer who saw the KTP. */
export const REQUEST_CHANNELS = ['website', 'counter'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

const NUMBER_RE = /^[A-Z]{2,5}-PDP-\d{4}-\d{6}$/;

/** `JMB-PDP-2026-000007`: office code, "PDP" (pelindungan data pribadi), year, yearly sequence. */
export const requestNumber = (officeCode: string, year: string, seq: number) => `${officeCode}-PDP-${year}-${String(seq).padStart(6, '0')}`;
export const isRequestNumber = (s: string) => NUMBER_RE.test(s);

/**
 * What an officer may do with data-subject requests: see them (the list, one request with the
 * person's NIK and contact), record one at the counter, answer or refuse one (the export); the
 * permission table decides (privacy.read / privacy.record / privacy.answer in domain/staff/permissions.ts).
 */
export function subjectRequestAccess(roles: readonly string[]): { view: boolean; record: boolean; answer: boolean } {
  return { view: may(roles, 'privacy.read'), record: may(roles, 'privacy.record'), answer: may(roles, 'privacy.answer') };
}

/** At most this many rows per section of an export: a bounded file; the export says when a section was cut. */
export const EXPORT_SECTION_LIMIT = 500;

/** What Sigap holds about one NIK in one office, and what was done with it: the JSON export. */
export interface SubjectExport {
  format: 'sigap-subject-export/1';
  office: { slug: string; name: string };
  request: { number: string; receivedAt: string; dueAt: string };
  subject: { nik: string; name: string };
  generatedAt: string;
  applications: {
    id: string;
    registrationNumber: string;
    service: string;
    channel: string;
    status: string;
    submittedAt: string;
    closedAt: string | null;
    applicant: unknown;
    answers: unknown;
    events: { at: string; type: string; step: string | null; outcome: string | null; actor: string; note: string | null }[];
    uploads: { requirement: string; fileName: string | null; mime: string | null; size: number | null; sha256: string | null; shownTo: string | null; at: string }[];
  }[];
  letters: { id: string; number: string | null; title: string; status: string; issuedOn: string | null; validUntil: string | null; verifyUrl: string | null; events: { at: string; type: string; actor: string }[] }[];
  complaints: { receiptNumber: string; type: string; status: string; receivedAt: string; text: string; answer: string | null; answeredAt: string | null }[];
  registryLookups: { at: string; actor: string; action: string; reason: string | null; found: boolean | null }[];
  processing: {
    audit: { at: string; actor: string; action: string; subject: string }[];
    reads: { at: string; actor: string; roles: string[]; action: string; recordKind: string; recordId: string; purpose: string; fields: string[] }[];
  };
  /** Sections cut at EXPORT_SECTION_LIMIT rows. */
  truncated: string[];
}

/** The refusal reason is recorded and shown to the person: a sentence, not a word. */
export const REFUSAL_MIN = 10;
export const REFUSAL_MAX = 2000;
