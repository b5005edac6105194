/**
 * A complaint as staff reach it: in their office, confidential ones only for the complaint officer
 * and the head of office (for everyone else it answers as an unknown id would), and worked only by
 * those two. Shared by the staff use cases.
 */
import { findComplaint, type Complaint } from '../../db/complaints-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { complaintAccess, complaintNotFound } from './office-complaints.js';

export async function findStaffComplaint(ctx: Ctx, actor: Actor, id: string): Promise<Outcome<Complaint>> {
  const c = actor.officeId ? await findComplaint(ctx.database.db, actor.officeId, id) : undefined;
  if (!c || (c.mode === 'confidential' && !complaintAccess(actor).confidential)) return complaintNotFound();
  return { ok: true, value: c };
}

/** A complaint this officer may act on. */
export async function findWorkableComplaint(ctx: Ctx, actor: Actor, id: string): Promise<Outcome<Complaint>> {
  const found = await findStaffComplaint(ctx, actor, id);
  if (!found.ok) return found;
  if (!complaintAccess(actor).handle)
    return failWith('forbidden', 'role-required', 'Hanya pengelola pengaduan dan Kepala Dinas yang dapat menindaklanjuti pengaduan', 'Only the complaint officer and the head of office can work complaints');
  return found;
}

/** Two officers acted at once, or the page was stale: only one action wins. */
export const changedByAnother = () => failWith('conflict', 'conflict', 'Pengaduan baru saja diubah petugas lain; muat ulang', 'Another officer just changed the complaint; reload', 'version');

/** Where a complaint stands after an officer's action. */
export interface WorkDone {
  id: string;
  stage: string;
  status: string;
  slaState: string;
  dueAt: string;
  version: number;
}

/** The answer of an action that changed nothing but the version (a note, a summary). */
export const unchangedBut = (c: Complaint): WorkDone => ({ id: c.id, stage: c.stage, status: c.status, slaState: c.slaState, dueAt: c.dueAt, version: c.version + 1 });
