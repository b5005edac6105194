/**
 * One complaint for staff. A named or confidential complainant's identity is shown only to those
 * allowed, and each such read is recorded in the audit log (UU 27/2022: reads of personal data
 * are logged). Every staff read of a complaint is also written to the personal-data read log, with
 * the groups of fields it showed, before the answer is returned; those who read the audit trail
 * see who read it.
 */
import { receiptNumberOf, recordIdentityRead, registrationNumberOf } from '../../db/complaints-repo.js';
import { allowedNext } from '../../domain/complaints/index.js';
import type { Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { logDataRead } from '../audit/log-data-read.js';
import { findStaffComplaint } from './find-staff-complaint.js';
import { complaintSummary, type ComplaintSummaryDto } from './list-complaints.js';
import { complaintAccess, complaintNotFound, complaintSetup } from './office-complaints.js';
import { complaintTimeline, type TimelineEntry } from './timeline.js';
import { complaintMessages, type CaseMessage } from '../notifications/case-messages.js';

export type ComplaintDetailDto = ComplaintSummaryDto & {
  text: string;
  complainant: { name: string | null; phone: string | null; email: string | null } | null;
  application: string | null;
  routedTo: string | null;
  coordination: string | null;
  referral: string | null;
  mergedInto: string | null;
  answer: string | null;
  answeredAtLocal: string | null;
  answeredBy: string | null;
  resolved: boolean | null;
  feedback: string | null;
  publicSummary: string | null;
  published: boolean;
  canWork: boolean;
  next: { id: string; label: string; labelEn: string; kind: string; routing: boolean }[];
  stages: { id: string; label: string; labelEn: string; kind: string }[];
  timeline: TimelineEntry[];
  /** The messages to the complainant (receipt, answer) with their channel and status, each after its event. */
  messages: CaseMessage[];
};

export async function showComplaint(ctx: Ctx, actor: Actor, id: string): Promise<Outcome<ComplaintDetailDto>> {
  const access = complaintAccess(actor);
  if (!access.read) return complaintNotFound();
  const found = await findStaffComplaint(ctx, actor, id);
  if (!found.ok) return found;
  const c = found.value;
  const office = ctx.catalogue.officeById(c.officeId);
  const { stages } = complaintSetup(office);
  const db = ctx.database.db;
  const now = nowOf(ctx).toISOString();
  const seesIdentity = c.mode === 'named' || (c.mode === 'confidential' && access.confidential);
  const identityShown = seesIdentity && (!!c.complainantName || !!c.complainantPhone || !!c.complainantEmail);
  // Complaints carry no NIK: the subject is found by the complaint, not by a person's number.
  await logDataRead(ctx, actor, { officeId: c.officeId, recordKind: 'complaint', recordId: c.id, purpose: 'complaint-handling', fields: identityShown ? ['identity', 'text', 'timeline'] : ['text', 'timeline'] });
  if (seesIdentity && c.complainantName) await recordIdentityRead(db, c, actor.name, now);
  return {
    ok: true,
    value: {
      ...complaintSummary(ctx, office, c, now),
      complainantName: seesIdentity ? c.complainantName : null,
      text: c.text,
      complainant: seesIdentity ? { name: c.complainantName, phone: c.complainantPhone, email: c.complainantEmail } : null,
      application: c.applicationId ? await registrationNumberOf(db, c.applicationId) : null,
      routedTo: c.routedTo,
      coordination: c.coordination,
      referral: c.referral,
      mergedInto: c.mergedInto ? await receiptNumberOf(db, c.mergedInto) : null,
      answer: c.answer,
      answeredAtLocal: c.answeredAt ? ctx.clock.local(office.office, c.answeredAt) : null,
      answeredBy: c.answeredBy,
      resolved: c.resolved,
      feedback: c.feedback,
      publicSummary: c.publicSummary,
      published: c.publishedAt !== null,
      canWork: access.handle,
      next: access.handle ? allowedNext(stages, c.stage).map((s) => ({ id: s.id, label: s.label, labelEn: s.labelEn, kind: s.kind, routing: s.routing })) : [],
      stages: stages.map((s) => ({ id: s.id, label: s.label, labelEn: s.labelEn, kind: s.kind })),
      timeline: await complaintTimeline(ctx, c, false),
      messages: await complaintMessages(ctx, c),
    },
  };
}
