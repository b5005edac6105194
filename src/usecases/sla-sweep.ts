/**
 * Re-evaluates the SLA state of an office's open cases and notifies, once per case and kind,
 * the role owning the current step and the supervising role when a case becomes at risk or late.
 */
import { randomUUID } from 'node:crypto';
import type { Ctx } from './context.js';
import { nowOf } from './context.js';

/** The role that supervises an office's cases: its kepala-bidang when it has one, else the head. */
export function supervisingRole(roleIds: string[]): string {
  return roleIds.includes('kepala-bidang') ? 'kepala-bidang' : 'kepala-dinas';
}

export async function sweepSla(ctx: Ctx, officeId: string): Promise<{ atRisk: number; late: number }> {
  const db = ctx.database.db;
  const now = nowOf(ctx).toISOString();
  const office = ctx.catalogue.list().find((o) => o.id === officeId);
  if (!office) return { atRisk: 0, late: 0 };
  const supervisor = supervisingRole(office.office.roles.map((r) => r.id));
  // Candidates: running clocks with a due time that may have crossed a threshold.
  const rows = await db
    .selectFrom('applications')
    .innerJoin('tasks', (j) => j.onRef('tasks.application_id', '=', 'applications.id').on('tasks.status', '=', 'open'))
    .select(['applications.id', 'applications.registration_number', 'applications.clock_started_at', 'applications.due_at', 'applications.sla_state', 'tasks.role'])
    .where('applications.office_id', '=', officeId)
    .where('applications.status', '=', 'open')
    .where('applications.sla_state', 'in', ['on-time', 'at-risk'])
    .where('applications.due_at', 'is not', null)
    .execute();
  let atRisk = 0;
  let late = 0;
  for (const r of rows) {
    const state = ctx.clock.state(r.clock_started_at, r.due_at, false, now);
    if (state === r.sla_state || (state !== 'at-risk' && state !== 'late')) continue;
    if (state === 'late') late++;
    else atRisk++;
    const message =
      state === 'late'
        ? `${r.registration_number} terlambat: melewati batas waktu / late: past its due time`
        : `${r.registration_number} hampir terlambat / at risk of being late`;
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('applications').set({ sla_state: state }).where('id', '=', r.id).execute();
      await trx.updateTable('tasks').set({ sla_state: state }).where('application_id', '=', r.id).where('status', '=', 'open').execute();
      for (const role of new Set([r.role, supervisor]))
        await trx
          .insertInto('notifications')
          .values({ id: randomUUID(), office_id: officeId, application_id: r.id, role, kind: state, message, created_at: now, read_at: null })
          .onConflict((oc) => oc.columns(['application_id', 'role', 'kind']).doNothing())
          .execute();
      await trx
        .insertInto('application_events')
        .values({ id: randomUUID(), application_id: r.id, office_id: officeId, type: `sla:${state}`, step_id: null, outcome: null, actor_id: null, actor_name: 'Sigap (jam layanan)', note: null, data: '{}', sla_effect: JSON.stringify({ state }), at: now })
        .execute();
    });
  }
  return { atRisk, late };
}

export async function notificationsFor(ctx: Ctx, officeId: string, roles: string[]) {
  if (!roles.length) return [];
  return ctx.database.db
    .selectFrom('notifications')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('role', 'in', roles)
    .where('read_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
}
