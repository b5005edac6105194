/** What the complainant reads of a complaint, by receipt number and tracking code. Never the complainant's identity. */
import { receiptNumberOf, registrationNumberOf } from '../../db/complaints-repo.js';
import { MODE_LABELS, TYPE_LABELS } from '../../domain/complaints/index.js';
import type { Outcome } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { findTrackedComplaint, type TrackingKey } from './find-tracked-complaint.js';
import { complaintBasics, complaintSetup, type ComplaintBasics } from './office-complaints.js';
import { complaintTimeline, type TimelineEntry } from './timeline.js';

export type PublicComplaintStatus = ComplaintBasics & {
  office: { slug: string; name: string };
  typeLabelEn: string;
  modeLabel: string;
  modeLabelEn: string;
  application: string | null;
  text: string;
  responsePromise: { text: string; textEn: string; source: string };
  answer: string | null;
  answeredAt: string | null;
  answeredAtLocal: string | null;
  referral: string | null;
  mergedInto: string | null;
  routedTo: string | null;
  resolved: boolean | null;
  feedback: string | null;
  canAddInformation: boolean;
  canGiveFeedback: boolean;
  timeline: TimelineEntry[];
};

export async function showTrackedComplaint(ctx: Ctx, key: TrackingKey): Promise<Outcome<PublicComplaintStatus>> {
  const found = await findTrackedComplaint(ctx, key);
  if (!found.ok) return found;
  const c = found.value;
  const office = ctx.catalogue.officeById(c.officeId);
  const { promise } = complaintSetup(office);
  const db = ctx.database.db;
  return {
    ok: true,
    value: {
      ...complaintBasics(ctx, office, c, nowOf(ctx).toISOString()),
      office: { slug: office.office.slug, name: office.office.name },
      typeLabelEn: TYPE_LABELS[c.type][1],
      modeLabel: MODE_LABELS[c.mode][0],
      modeLabelEn: MODE_LABELS[c.mode][1],
      application: c.applicationId ? await registrationNumberOf(db, c.applicationId) : null,
      text: c.text,
      responsePromise: { text: promise.text, textEn: promise.textEn, source: promise.source },
      answer: c.answer,
      answeredAt: c.answeredAt,
      answeredAtLocal: c.answeredAt ? ctx.clock.local(office.office, c.answeredAt) : null,
      referral: c.referral,
      mergedInto: c.mergedInto ? await receiptNumberOf(db, c.mergedInto) : null,
      routedTo: c.routedTo,
      resolved: c.resolved,
      feedback: c.feedback,
      canAddInformation: c.status !== 'closed',
      canGiveFeedback: c.status === 'answered' && c.resolved === null,
      timeline: await complaintTimeline(ctx, c, true),
    },
  };
}
