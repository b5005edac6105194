/**
 * Staff work on a complaint: moving it through the office's stages (with the data each stage
 * needs), answering in writing, declaring it outside the office's authority, merging it into an
 * earlier complaint, reopening, and internal notes. Only the complaint officer and the head of
 * office act; every change is an event written in the same transaction as the complaint row,
 * conditional on its version (of two concurrent actions exactly one wins).
 */
import { randomUUID } from 'node:crypto';
import { findComplaint, findComplaintByReceiptInOffice, insertComplaintEvent, updateComplaintIfVersion, type ComplaintRow } from '../../db/complaints-repo.js';
import type { ComplaintsTable } from '../../db/schema-complaints.js';
import { MERGED, answeredState, checkTransition, cleanText, statusOf, type FieldProblem, type TransitionInput } from '../../domain/complaints/index.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { complaintAccess, complaintSetup, officeById, responseDue } from './office-complaints.js';

export type WorkResult = { ok: true; value: { id: string; stage: string; status: string; slaState: string; dueAt: string; version: number } } | { ok: false; status: 403 | 404 | 409 | 422; problems: FieldProblem[] };

const notFound = (): WorkResult => ({ ok: false, status: 404, problems: [{ field: 'id', code: 'complaint-not-found', message: 'Pengaduan tidak ditemukan', messageEn: 'Complaint not found' }] });
const forbidden = (): WorkResult => ({ ok: false, status: 403, problems: [{ field: '', code: 'role-required', message: 'Hanya pengelola pengaduan dan Kepala Dinas yang dapat menindaklanjuti pengaduan', messageEn: 'Only the complaint officer and the head of office can work complaints' }] });
const conflict = (): WorkResult => ({ ok: false, status: 409, problems: [{ field: 'version', code: 'conflict', message: 'Pengaduan baru saja diubah petugas lain; muat ulang', messageEn: 'Another officer just changed the complaint; reload' }] });

/** A complaint the actor may see: in their office, and confidential ones only for handlers (others get 404, as for an unknown id). */
export async function complaintForStaff(ctx: Ctx, actor: Actor, id: string): Promise<ComplaintRow | null> {
  if (!actor.officeId) return null;
  const row = await findComplaint(ctx.database.db, actor.officeId, id);
  if (!row) return null;
  if (row.mode === 'confidential' && !complaintAccess(actor).confidential) return null;
  return row;
}

export async function transitionComplaint(ctx: Ctx, actor: Actor, id: string, input: TransitionInput & { version?: unknown }): Promise<WorkResult> {
  const row = await complaintForStaff(ctx, actor, id);
  if (!row) return notFound();
  if (!complaintAccess(actor).handle) return forbidden();
  if (input.version !== undefined && Number(input.version) !== row.version) return conflict();
  const office = officeById(ctx, row.office_id)!;
  const setup = complaintSetup(office);
  const checked = checkTransition(setup.stages, row.stage, input);
  if (!checked.ok) return { ok: false, status: 422, problems: checked.problems };
  const t = checked.value;
  const now = nowOf(ctx).toISOString();
  const set: Partial<ComplaintsTable> = { stage: t.target.id, status: statusOf(t.target), updated_at: now };
  let eventType = 'stage-changed';
  let eventText: string | null = null;
  const data: Record<string, unknown> = { from: row.stage, to: t.target.id };
  let mergeTarget: ComplaintRow | undefined;

  switch (t.target.kind) {
    case 'answered':
      Object.assign(set, { answer: t.answer, answered_at: now, answered_by: actor.name, sla_state: answeredState(now, row.due_at), resolved: null, feedback: null, feedback_at: null });
      eventType = 'answered';
      eventText = t.answer;
      break;
    case 'not-our-authority':
      Object.assign(set, { referral: t.referral, answered_at: now, answered_by: actor.name, sla_state: answeredState(now, row.due_at), closed_at: now });
      eventType = 'not-our-authority';
      eventText = t.referral;
      break;
    case 'merged': {
      mergeTarget = await findComplaintByReceiptInOffice(ctx.database.db, row.office_id, t.mergeInto!);
      const problem = (code: string, message: string, messageEn: string): WorkResult => ({ ok: false, status: 422, problems: [{ field: 'mergeInto', code, message, messageEn }] });
      if (!mergeTarget) return problem('merge-target-not-found', `Pengaduan ${t.mergeInto} tidak ditemukan di kantor ini`, `Complaint ${t.mergeInto} not found at this office`);
      if (mergeTarget.id === row.id) return problem('merge-self', 'Pengaduan tidak dapat digabung dengan dirinya sendiri', 'A complaint cannot be merged into itself');
      if (mergeTarget.stage === MERGED.id) return problem('merge-target-merged', `Pengaduan ${t.mergeInto} sendiri sudah digabung; gabungkan ke pengaduan induknya`, `${t.mergeInto} was itself merged; merge into its parent`);
      if (mergeTarget.received_at > row.received_at) return problem('merge-target-later', 'Gabungkan ke pengaduan yang diterima lebih dahulu', 'Merge into the complaint received earlier');
      Object.assign(set, { merged_into: mergeTarget.id, answered_at: now, answered_by: actor.name, sla_state: answeredState(now, row.due_at), closed_at: now });
      eventType = 'merged';
      data.mergedInto = mergeTarget.receipt_number;
      break;
    }
    case 'closed':
      set.closed_at = now;
      eventType = 'closed';
      break;
    case 'work':
      if (t.target.routing) {
        Object.assign(set, { routed_to: t.unit, coordination: t.coordination });
        data.unit = t.unit;
        data.coordination = t.coordination;
      }
      if (t.reopen) {
        const due = responseDue(ctx, setup, now);
        Object.assign(set, { clock_started_at: now, due_at: due.dueAt, sla_state: 'on-time', escalated_at: null, resolved: null });
        eventType = 'reopened';
        data.dueAt = due.dueAt;
      }
      break;
    default:
      break;
  }

  let won = false;
  await ctx.database.write(async (trx) => {
    won = await updateComplaintIfVersion(trx, row.id, row.version, set);
    if (!won) return;
    await insertComplaintEvent(trx, { id: randomUUID(), complaint_id: row.id, office_id: row.office_id, type: eventType, stage: t.target.id, actor_id: actor.id, actor_name: actor.name, visibility: 'public', note: eventText, data: JSON.stringify(data), at: now });
    if (t.note) await insertComplaintEvent(trx, { id: randomUUID(), complaint_id: row.id, office_id: row.office_id, type: 'note', stage: t.target.id, actor_id: actor.id, actor_name: actor.name, visibility: 'internal', note: t.note, data: '{}', at: now });
    if (mergeTarget)
      await insertComplaintEvent(trx, { id: randomUUID(), complaint_id: mergeTarget.id, office_id: row.office_id, type: 'merged-in', stage: mergeTarget.stage, actor_id: actor.id, actor_name: actor.name, visibility: 'internal', note: null, data: JSON.stringify({ from: row.receipt_number }), at: now });
  });
  if (!won) return conflict();
  return { ok: true, value: { id: row.id, stage: set.stage!, status: set.status!, slaState: set.sla_state ?? row.sla_state, dueAt: set.due_at ?? row.due_at, version: row.version + 1 } };
}

/** An internal note (never shown to the complainant). */
export async function addComplaintNote(ctx: Ctx, actor: Actor, id: string, note: unknown): Promise<WorkResult> {
  const row = await complaintForStaff(ctx, actor, id);
  if (!row) return notFound();
  if (!complaintAccess(actor).handle) return forbidden();
  const t = cleanText(note, { field: 'note', label: 'Catatan', labelEn: 'Note', min: 2, max: 4000, multiline: true, required: true });
  if (!t.ok) return { ok: false, status: 422, problems: [t.problem] };
  const now = nowOf(ctx).toISOString();
  let won = false;
  await ctx.database.write(async (trx) => {
    won = await updateComplaintIfVersion(trx, row.id, row.version, { updated_at: now });
    if (!won) return;
    await insertComplaintEvent(trx, { id: randomUUID(), complaint_id: row.id, office_id: row.office_id, type: 'note', stage: row.stage, actor_id: actor.id, actor_name: actor.name, visibility: 'internal', note: t.value, data: '{}', at: now });
  });
  if (!won) return conflict();
  return { ok: true, value: { id: row.id, stage: row.stage, status: row.status, slaState: row.sla_state, dueAt: row.due_at, version: row.version + 1 } };
}

/**
 * Publishes (or withdraws) an anonymised summary of an answered complaint (Perpres 76/2013: results
 * are public). Confidential complaints are never published; a summary that contains the
 * complainant's name, phone or e-mail is refused.
 */
export async function publishComplaintSummary(ctx: Ctx, actor: Actor, id: string, input: { summary?: unknown; publish?: unknown }): Promise<WorkResult> {
  const row = await complaintForStaff(ctx, actor, id);
  if (!row) return notFound();
  if (!complaintAccess(actor).handle) return forbidden();
  const publish = input.publish !== false && input.publish !== 'false' && input.publish !== '0';
  const fail = (code: string, message: string, messageEn: string, field = 'summary'): WorkResult => ({ ok: false, status: 422, problems: [{ field, code, message, messageEn }] });
  if (publish && row.mode === 'confidential') return fail('confidential-not-published', 'Pengaduan rahasia tidak dipublikasikan', 'Confidential complaints are never published', 'mode');
  if (publish && row.status === 'open') return fail('not-answered', 'Ringkasan dipublikasikan setelah pengaduan dijawab', 'A summary is published once the complaint is answered', 'status');
  let summary: string | null = null;
  if (publish) {
    const t = cleanText(input.summary, { field: 'summary', label: 'Ringkasan publik', labelEn: 'Public summary', min: 20, max: 2000, multiline: true, required: true });
    if (!t.ok) return { ok: false, status: 422, problems: [t.problem] };
    summary = t.value!;
    const lower = summary.toLowerCase();
    const digits = summary.replace(/\D/g, '');
    const leaks = [
      row.complainant_name && row.complainant_name.length >= 3 && lower.includes(row.complainant_name.toLowerCase()),
      row.complainant_email && lower.includes(row.complainant_email.toLowerCase()),
      row.complainant_phone && row.complainant_phone.replace(/\D/g, '').length >= 6 && digits.includes(row.complainant_phone.replace(/\D/g, '')),
    ].some(Boolean);
    if (leaks) return fail('summary-identifies', 'Ringkasan memuat identitas pelapor (nama, telepon atau email); samarkan dahulu', "The summary contains the complainant's identity (name, phone or e-mail); anonymise it first");
  }
  const now = nowOf(ctx).toISOString();
  let won = false;
  await ctx.database.write(async (trx) => {
    won = await updateComplaintIfVersion(trx, row.id, row.version, { public_summary: summary, published_at: publish ? now : null, updated_at: now });
    if (!won) return;
    await insertComplaintEvent(trx, { id: randomUUID(), complaint_id: row.id, office_id: row.office_id, type: publish ? 'summary-published' : 'summary-withdrawn', stage: row.stage, actor_id: actor.id, actor_name: actor.name, visibility: 'internal', note: summary, data: '{}', at: now });
  });
  if (!won) return conflict();
  return { ok: true, value: { id: row.id, stage: row.stage, status: row.status, slaState: row.sla_state, dueAt: row.due_at, version: row.version + 1 } };
}
