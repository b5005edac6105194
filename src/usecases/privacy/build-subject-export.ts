/**
 * Gathers everything Sigap holds about one NIK in one office, and what was done with it: cases
 * (answers, status, events, uploads with hashes), letters, complaints about those cases, registry
 * look-ups of the NIK, audit rows about those records and every logged read of the person's data.
 * Bounded: each section stops at EXPORT_SECTION_LIMIT rows and the export names the cut sections.
 * Another person's records never enter: every query is keyed by this NIK or this NIK's cases.
 */
import { accessesOfSubject } from '../../db/data-access-repo.js';
import type { SubjectRequest } from '../../db/privacy-repo.js';
import { auditAbout, caseEventsOf, casesOfNik, caseUploadsOf, complaintsOfCases, letterEventsOf, lettersOfSubject } from '../../db/privacy-repo.js';
import { accessLogForNik } from '../../db/registry-repo.js';
import { EXPORT_SECTION_LIMIT, type SubjectExport } from '../../domain/privacy/index.js';
import type { StoredOffice } from '../../db/standards-repo.js';
import type { Ctx } from '../context.js';
import { verifyUrlOf } from '../letters/templates.js';

export async function buildSubjectExport(ctx: Ctx, office: StoredOffice, r: SubjectRequest, generatedAt: string): Promise<SubjectExport> {
  const q = ctx.database.db;
  const N = EXPORT_SECTION_LIMIT;
  const truncated: string[] = [];
  // One row more than the limit tells whether a section was cut.
  const cut = <T>(section: string, rows: T[]): T[] => {
    if (rows.length <= N) return rows;
    truncated.push(section);
    return rows.slice(0, N);
  };
  const cases = cut('applications', await casesOfNik(q, office.id, r.nik, N + 1));
  const ids = cases.map((c) => c.id);
  const events = cut('events', await caseEventsOf(q, ids, N + 1));
  const uploads = cut('uploads', await caseUploadsOf(q, ids, N + 1));
  const letters = cut('letters', await lettersOfSubject(q, office.id, r.nik, ids, N + 1));
  const letterEvents = cut('letterEvents', await letterEventsOf(q, letters.map((l) => l.id), N + 1));
  const complaints = cut('complaints', await complaintsOfCases(q, office.id, ids, N + 1));
  const lookups = cut('registryLookups', await accessLogForNik(q, office.id, r.nik));
  const subjects = [...ids.map((id) => `application:${id}`), ...letters.map((l) => `letter:${l.id}`), ...complaints.map((c) => `complaint:${c.id}`), `subject-request:${r.id}`];
  const audit = cut('audit', await auditAbout(q, office.id, subjects, N + 1));
  const reads = cut('reads', await accessesOfSubject(q, office.id, r.nik, N + 1));
  const parse = (s: string): unknown => JSON.parse(s);
  return {
    format: 'sigap-subject-export/1',
    office: { slug: office.office.slug, name: office.office.name },
    request: { number: r.number, receivedAt: r.receivedAt, dueAt: r.dueAt },
    subject: { nik: r.nik, name: r.name },
    generatedAt,
    applications: cases.map((c) => ({
      id: c.id,
      registrationNumber: c.registration_number,
      service: c.service,
      channel: c.channel,
      status: c.status,
      submittedAt: c.submitted_at,
      closedAt: c.closed_at,
      applicant: parse(c.applicant),
      answers: parse(c.answers),
      events: events.filter((e) => e.application_id === c.id).map((e) => ({ at: e.at, type: e.type, step: e.step_id, outcome: e.outcome, actor: e.actor_name, note: e.note })),
      uploads: uploads
        .filter((u) => u.application_id === c.id)
        .map((u) => ({ requirement: u.requirement_id, fileName: u.original_name, mime: u.mime, size: u.size === null ? null : Number(u.size), sha256: u.sha256, shownTo: u.shown_to, at: u.created_at })),
    })),
    letters: letters.map((l) => ({ id: l.id, number: l.number, title: l.title, status: l.status, issuedOn: l.issued_on, validUntil: l.valid_until, verifyUrl: l.signed_at ? verifyUrlOf(ctx, l.token) : null,
      events: letterEvents.filter((e) => e.letter_id === l.id).map((e) => ({ at: e.at, type: e.type, actor: e.actor_name })),
    })),
    complaints: complaints.map((c) => ({ receiptNumber: c.receipt_number, type: c.type, status: c.status, receivedAt: c.received_at, text: c.text, answer: c.answer, answeredAt: c.answered_at })),
    registryLookups: lookups.map((l) => ({ at: l.at, actor: l.actorName, action: l.action, reason: l.reason, found: l.found })),
    processing: {
      audit: audit.map((a) => ({ at: a.at, actor: a.actor, action: a.action, subject: a.subject })),
      reads: reads.map((x) => ({ at: x.at, actor: x.actorName, roles: x.roles, action: x.action, recordKind: x.recordKind, recordId: x.recordId, purpose: x.purpose, fields: x.fields })),
    },
    truncated,
  };
}
