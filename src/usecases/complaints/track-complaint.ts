/**
 * The complainant's side: following a complaint by receipt number and tracking code, adding
 * information, and saying whether the answer resolved the problem. A wrong code and an unknown
 * number look exactly the same. Nothing here ever shows the complainant's identity.
 */
import { randomUUID } from 'node:crypto';
import { getSecret } from '../../db/applications-repo.js';
import { findComplaintsByReceipt, insertComplaintEvent, receiptNumberOf, updateComplaintIfVersion, type ComplaintRow } from '../../db/complaints-repo.js';
import { CHANNEL_LABELS, CLOSED, MODE_LABELS, TYPE_LABELS, cleanText, isReceiptNumber, stageById, type ComplaintChannel, type ComplaintMode, type ComplaintType, type FieldProblem } from '../../domain/complaints/index.js';
import type { Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { trackingCodeHash } from '../submit-application.js';
import { COMPLAINT_SECRET } from './file-complaint.js';
import { complaintSetup, officeById, responseDue, type ComplaintBasics } from './office-complaints.js';
import { complaintTimeline, type TimelineEntry } from './timeline.js';

export async function findTrackedComplaint(ctx: Ctx, receiptNumber: string, code: string): Promise<ComplaintRow | null> {
  const number = String(receiptNumber ?? '').trim().toUpperCase();
  const c = String(code ?? '').trim().toUpperCase();
  if (!isReceiptNumber(number) || !/^[A-Z0-9]{8}$/.test(c)) return null;
  const secret = await getSecret(ctx.database.db, COMPLAINT_SECRET);
  const hash = trackingCodeHash(secret, c);
  const rows = await findComplaintsByReceipt(ctx.database.db, number);
  return rows.find((r) => r.tracking_code_hash === hash) ?? null;
}

export interface PublicComplaintStatus extends ComplaintBasics {
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
}

export async function complaintPublicStatus(ctx: Ctx, row: ComplaintRow): Promise<PublicComplaintStatus> {
  const office = officeById(ctx, row.office_id)!;
  const setup = complaintSetup(office);
  const st = stageById(setup.stages, row.stage);
  const svc = row.service_id ? office.services.find((s) => s.id === row.service_id) : undefined;
  const type = TYPE_LABELS[row.type as ComplaintType] ?? [row.type, row.type];
  const mode = MODE_LABELS[row.mode as ComplaintMode] ?? [row.mode, row.mode];
  return {
    receiptNumber: row.receipt_number,
    office: { slug: office.office.slug, name: office.office.name },
    type: row.type,
    typeLabel: type[0],
    typeLabelEn: type[1],
    mode: row.mode,
    modeLabel: mode[0],
    modeLabelEn: mode[1],
    channel: row.channel,
    channelLabel: (CHANNEL_LABELS[row.channel as ComplaintChannel] ?? [row.channel])[0],
    externalRef: row.external_ref,
    service: svc ? { slug: svc.service.slug, title: svc.service.title } : null,
    application: row.application_id ? await ctx.database.db.selectFrom('applications').select('registration_number').where('id', '=', row.application_id).executeTakeFirst().then((r) => r?.registration_number ?? null) : null,
    text: row.text,
    stage: { id: row.stage, label: st?.label ?? row.stage, labelEn: st?.labelEn ?? row.stage },
    status: row.status,
    receivedAt: row.received_at,
    receivedAtLocal: ctx.clock.local(office.office, row.received_at),
    dueAt: row.due_at,
    dueAtLocal: ctx.clock.local(office.office, row.due_at),
    slaState: row.sla_state,
    responsePromise: { text: setup.promise.text, textEn: setup.promise.textEn, source: setup.promise.source },
    answer: row.answer,
    answeredAt: row.answered_at,
    answeredAtLocal: row.answered_at ? ctx.clock.local(office.office, row.answered_at) : null,
    referral: row.referral,
    mergedInto: row.merged_into ? await receiptNumberOf(ctx.database.db, row.merged_into) : null,
    routedTo: row.routed_to,
    resolved: row.resolved === null ? null : row.resolved === 1,
    feedback: row.feedback,
    canAddInformation: row.status !== 'closed',
    canGiveFeedback: row.status === 'answered' && row.resolved === null,
    timeline: await complaintTimeline(ctx, row, true),
  };
}

export type TrackActionResult = { ok: true; value: { status: string; stage: string; version: number } } | { ok: false; status: 409 | 422; problems: FieldProblem[] };

const conflict = (message: string, messageEn: string, code = 'conflict'): TrackActionResult => ({ ok: false, status: 409, problems: [{ field: '', code, message, messageEn }] });

export async function addComplaintInformation(ctx: Ctx, row: ComplaintRow, text: unknown): Promise<TrackActionResult> {
  if (row.status === 'closed') return conflict('Pengaduan sudah selesai; ajukan pengaduan baru bila perlu', 'The complaint is closed; file a new one if needed', 'complaint-closed');
  const t = cleanText(text, { field: 'text', label: 'Informasi tambahan', labelEn: 'Additional information', min: 3, max: 3000, multiline: true, required: true });
  if (!t.ok) return { ok: false, status: 422, problems: [t.problem] };
  const now = nowOf(ctx).toISOString();
  let won = false;
  await ctx.database.write(async (trx) => {
    won = await updateComplaintIfVersion(trx, row.id, row.version, { updated_at: now });
    if (!won) return;
    await insertComplaintEvent(trx, { id: randomUUID(), complaint_id: row.id, office_id: row.office_id, type: 'information-added', stage: row.stage, actor_id: null, actor_name: 'Pelapor', visibility: 'public', note: t.value, data: '{}', at: now });
  });
  if (!won) return conflict('Pengaduan baru saja berubah; muat ulang', 'The complaint just changed; reload');
  return { ok: true, value: { status: row.status, stage: row.stage, version: row.version + 1 } };
}

/**
 * The complainant's verdict on the answer. Resolved: the complaint is closed. Not resolved: it is
 * reopened into the last work stage with a fresh response clock.
 */
export async function giveComplaintFeedback(ctx: Ctx, row: ComplaintRow, input: { resolved?: unknown; comment?: unknown }): Promise<TrackActionResult> {
  if (row.status !== 'answered' || row.resolved !== null) return conflict('Tanggapan atas jawaban hanya dapat diberikan sekali, setelah pengaduan dijawab', 'A response to the answer can be given once, after the complaint is answered', 'not-answered');
  const resolved = input.resolved === true || input.resolved === 'true' || input.resolved === '1' ? true : input.resolved === false || input.resolved === 'false' || input.resolved === '0' ? false : null;
  const problems: FieldProblem[] = [];
  if (resolved === null) problems.push({ field: 'resolved', code: 'resolved-required', message: 'Pilih apakah jawaban menyelesaikan masalah (ya/tidak)', messageEn: 'Say whether the answer resolved the problem (yes/no)' });
  const c = cleanText(input.comment, { field: 'comment', label: 'Komentar', labelEn: 'Comment', max: 2000, multiline: true, required: resolved === false });
  if (!c.ok) problems.push(c.problem);
  if (problems.length || resolved === null || !c.ok) return { ok: false, status: 422, problems };
  const office = officeById(ctx, row.office_id)!;
  const setup = complaintSetup(office);
  const now = nowOf(ctx).toISOString();
  const lastWork = [...setup.stages].reverse().find((s) => s.kind === 'work')!;
  const due = resolved ? null : responseDue(ctx, setup, now);
  const stage = resolved ? CLOSED.id : lastWork.id;
  let won = false;
  await ctx.database.write(async (trx) => {
    won = await updateComplaintIfVersion(trx, row.id, row.version, {
      resolved: resolved ? 1 : 0,
      feedback: c.value,
      feedback_at: now,
      stage,
      status: resolved ? 'closed' : 'open',
      closed_at: resolved ? now : null,
      ...(due ? { clock_started_at: now, due_at: due.dueAt, sla_state: 'on-time', escalated_at: null } : {}),
      updated_at: now,
    });
    if (!won) return;
    await insertComplaintEvent(trx, { id: randomUUID(), complaint_id: row.id, office_id: row.office_id, type: 'feedback', stage, actor_id: null, actor_name: 'Pelapor', visibility: 'public', note: c.value, data: JSON.stringify({ resolved }), at: now });
    if (!resolved)
      await insertComplaintEvent(trx, { id: randomUUID(), complaint_id: row.id, office_id: row.office_id, type: 'reopened', stage, actor_id: null, actor_name: 'Sigap', visibility: 'public', note: null, data: JSON.stringify({ dueAt: due!.dueAt }), at: now });
  });
  if (!won) return conflict('Pengaduan baru saja berubah; muat ulang', 'The complaint just changed; reload');
  return { ok: true, value: { status: resolved ? 'closed' : 'open', stage, version: row.version + 1 } };
}
