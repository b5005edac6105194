/**
 * What staff see of complaints. Lists leave confidential complaints out for everyone but the
 * complaint officer and the head of office, and never carry a confidential identity; the detail
 * shows a named or confidential complainant's identity only to those allowed, and records that
 * read in the audit log (UU 27/2022: reads of personal data are logged).
 */
import { randomUUID } from 'node:crypto';
import { complaintNotificationsFor, countComplaints, listComplaints, receiptNumberOf, type ComplaintRow } from '../../db/complaints-repo.js';
import { CHANNEL_LABELS, MODE_LABELS, TYPE_LABELS, allowedNext, stageById, type ComplaintChannel, type ComplaintMode, type ComplaintType, type Stage } from '../../domain/complaints/index.js';
import type { Problem } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { complaintAccess, complaintSetup, officeById, type ComplaintBasics } from './office-complaints.js';
import { sweepComplaints } from './sweep-complaints.js';
import { complaintTimeline, type TimelineEntry } from './timeline.js';
import { complaintForStaff } from './work-complaint.js';

export interface ComplaintSummaryDto extends ComplaintBasics {
  id: string;
  escalated: boolean;
  /** A named complainant's name; null for anonymous, and for confidential in every list. */
  complainantName: string | null;
  excerpt: string;
  version: number;
}

function summaryOf(ctx: Ctx, row: ComplaintRow, stages: Stage[]): ComplaintSummaryDto {
  const office = officeById(ctx, row.office_id)!;
  const st = stageById(stages, row.stage);
  const svc = row.service_id ? office.services.find((s) => s.id === row.service_id) : undefined;
  const text = row.text.replace(/\s+/g, ' ');
  return {
    id: row.id,
    receiptNumber: row.receipt_number,
    type: row.type,
    typeLabel: (TYPE_LABELS[row.type as ComplaintType] ?? [row.type])[0],
    mode: row.mode,
    channel: row.channel,
    channelLabel: (CHANNEL_LABELS[row.channel as ComplaintChannel] ?? [row.channel])[0],
    externalRef: row.external_ref,
    service: svc ? { slug: svc.service.slug, title: svc.service.title } : null,
    stage: { id: row.stage, label: st?.label ?? row.stage, labelEn: st?.labelEn ?? row.stage },
    status: row.status,
    receivedAt: row.received_at,
    receivedAtLocal: ctx.clock.local(office.office, row.received_at),
    dueAt: row.due_at,
    dueAtLocal: ctx.clock.local(office.office, row.due_at),
    slaState: row.sla_state,
    escalated: row.escalated_at !== null,
    complainantName: row.mode === 'named' ? row.complainant_name : null,
    excerpt: text.length > 140 ? `${text.slice(0, 137)}…` : text,
    version: row.version,
  };
}

const forbidden: Problem = { code: 'role-required', message: 'Peran Anda tidak dapat melihat daftar pengaduan', messageEn: 'Your role cannot see the complaint list' };

export async function listComplaintsFor(
  ctx: Ctx,
  actor: Actor,
  filter: { status?: string | undefined; stage?: string | undefined; slaState?: string | undefined; limit?: number | undefined; offset?: number | undefined },
): Promise<{ ok: true; value: { items: ComplaintSummaryDto[]; counts: { status: string; slaState: string; n: number }[] } } | { ok: false; status: 403; error: Problem }> {
  const access = complaintAccess(actor);
  if (!access.read || !actor.officeId) return { ok: false, status: 403, error: forbidden };
  await sweepComplaints(ctx, actor.officeId);
  const office = officeById(ctx, actor.officeId)!;
  const { stages } = complaintSetup(office);
  const rows = await listComplaints(ctx.database.db, actor.officeId, { ...filter, excludeConfidential: !access.confidential, limit: filter.limit ?? 100 });
  const counts = await countComplaints(ctx.database.db, actor.officeId, !access.confidential);
  return { ok: true, value: { items: rows.map((r) => summaryOf(ctx, r, stages)), counts: counts.map((c) => ({ status: c.status, slaState: c.sla_state, n: c.n })) } };
}

export interface ComplaintDetailDto extends ComplaintSummaryDto {
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
}

export async function complaintDetailFor(ctx: Ctx, actor: Actor, id: string): Promise<ComplaintDetailDto | null> {
  const row = await complaintForStaff(ctx, actor, id);
  const access = complaintAccess(actor);
  if (!row || !access.read) return null;
  const office = officeById(ctx, row.office_id)!;
  const { stages } = complaintSetup(office);
  const seesIdentity = row.mode === 'named' || (row.mode === 'confidential' && access.confidential);
  if (seesIdentity && row.complainant_name) {
    await ctx.database.db
      .insertInto('audit_events')
      .values({ id: randomUUID(), office_id: row.office_id, actor: actor.name, action: 'complaint.identity.read', subject: `complaint:${row.receipt_number}`, detail: JSON.stringify({ mode: row.mode }), at: nowOf(ctx).toISOString() })
      .execute();
  }
  const base = summaryOf(ctx, row, stages);
  return {
    ...base,
    complainantName: seesIdentity ? row.complainant_name : null,
    text: row.text,
    complainant: seesIdentity ? { name: row.complainant_name, phone: row.complainant_phone, email: row.complainant_email } : null,
    application: row.application_id ? await ctx.database.db.selectFrom('applications').select('registration_number').where('id', '=', row.application_id).executeTakeFirst().then((r) => r?.registration_number ?? null) : null,
    routedTo: row.routed_to,
    coordination: row.coordination,
    referral: row.referral,
    mergedInto: row.merged_into ? await receiptNumberOf(ctx.database.db, row.merged_into) : null,
    answer: row.answer,
    answeredAtLocal: row.answered_at ? ctx.clock.local(office.office, row.answered_at) : null,
    answeredBy: row.answered_by,
    resolved: row.resolved === null ? null : row.resolved === 1,
    feedback: row.feedback,
    publicSummary: row.public_summary,
    published: row.published_at !== null,
    canWork: access.handle,
    next: access.handle ? allowedNext(stages, row.stage).map((s) => ({ id: s.id, label: s.label, labelEn: s.labelEn, kind: s.kind, routing: s.routing })) : [],
    stages: stages.map((s) => ({ id: s.id, label: s.label, labelEn: s.labelEn, kind: s.kind })),
    timeline: await complaintTimeline(ctx, row, false),
  };
}

export async function complaintNotifications(ctx: Ctx, actor: Actor) {
  if (!actor.officeId) return [];
  return complaintNotificationsFor(ctx.database.db, actor.officeId, actor.roles, !complaintAccess(actor).confidential);
}

export { MODE_LABELS };
