/**
 * Re-evaluates the clock state of an office's open cases and notifies, once per case and kind,
 * the role owning the current step and the supervising role when a case becomes at risk or late
 * (for a case waiting for its letters' signature: the roles that sign them).
 * A write: it runs in the background (every minute under `sigap serve`), never on a page view.
 */
import { heldForSignature, insertEvent, notifyOnce, setSlaState, slaCandidates } from '../../db/applications-repo.js';
import { lettersOfApplication } from '../../db/letters-repo.js';
import { isUnsigned } from '../../domain/letters/status.js';
import type { Ctx } from '../context.js';
import { queueStaffMessages } from '../notifications/queue-staff-messages.js';
import { nowOf } from '../context.js';

/** The role that supervises an office's cases: its kepala-bidang when it has one, else the head. */
export function supervisingRole(roleIds: string[]): string {
  return roleIds.includes('kepala-bidang') ? 'kepala-bidang' : 'kepala-dinas';
}

export async function sweepSla(ctx: Ctx, officeId: string): Promise<{ atRisk: number; late: number }> {
  const now = nowOf(ctx).toISOString();
  const office = ctx.catalogue.officeById(officeId);
  const supervisor = supervisingRole(office.office.roles.map((r) => r.id));
  let atRisk = 0;
  let late = 0;
  // A case waiting for its letters' signature has no task in a queue: its signers are told.
  const held = await Promise.all(
    (await heldForSignature(ctx.database.db, officeId)).map(async (c) => {
      const signers = [...new Set((await lettersOfApplication(ctx.database.db, c.id)).filter((l) => isUnsigned(l.status)).map((l) => l.signer_role))];
      return { ...c, role: signers[0] ?? supervisor, also: signers.slice(1) };
    }),
  );
  const candidates = [...(await slaCandidates(ctx.database.db, officeId)).map((r) => ({ ...r, also: [] as string[] })), ...held];
  for (const r of candidates) {
    const state = ctx.clock.state(r.clock_started_at, r.due_at, false, now);
    if (state === r.sla_state || (state !== 'at-risk' && state !== 'late')) continue;
    const message =
      state === 'late' ? `${r.registration_number} terlambat: melewati batas waktu / late: past its due time` : `${r.registration_number} hampir terlambat / at risk of being late`;
    await ctx.database.write(async (trx) => {
      // Another process's sweep may have made this change first: then it wrote the event too.
      if (!(await setSlaState(trx, r.id, r.sla_state, state))) return;
      if (state === 'late') late++;
      else atRisk++;
      const roles = [...new Set([r.role, ...r.also, supervisor])];
      for (const role of roles) await notifyOnce(trx, { officeId, applicationId: r.id, role, kind: state, message, at: now });
      const eventId = await insertEvent(trx, { application_id: r.id, office_id: officeId, type: `sla:${state}`, actor_id: null, actor_name: 'Sigap (jam layanan)', slaEffect: { state }, at: now });
      // The same officers by e-mail, those who gave a work address (issue 16: staff messages).
      const moment = { officeId, applicationId: r.id, registrationNumber: r.registration_number, service: r.service_id, eventKey: eventId, at: now, path: `/petugas/berkas/${r.id}` };
      await queueStaffMessages(trx, ctx, { ...moment, kind: state === 'late' ? 'staff-late' : 'staff-at-risk' }, { roles });
    });
  }
  return { atRisk, late };
}
