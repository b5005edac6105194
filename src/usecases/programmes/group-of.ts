/** The one look-up of a group for the group use cases, and the one guarded step from state to state (optimistic, audited). */
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { findGroup, updateGroupIfVersion, type Group } from '../../db/programme-groups-repo.js';
import type { ProgrammeGroupsTable } from '../../db/schema-programme-groups.js';
import { fail, failWith, type FieldProblem, type Outcome } from '../../domain/errors.js';
import { GROUP_STATUS_NAMES, type GroupStatus } from '../../domain/programmes/groups.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { officeOf } from './programmes-of.js';

export async function groupOf(ctx: Ctx, actor: Actor, id: string): Promise<Outcome<{ officeId: string; group: Group }>> {
  const officeId = officeOf(actor);
  if (!officeId.ok) return officeId;
  const group = await findGroup(ctx.database.db, officeId.value, id);
  if (!group) return failWith('not-found', 'group-not-found', 'Kelompok tidak ditemukan', 'Group not found');
  return { ok: true, value: { officeId: officeId.value, group } };
}

const stale = () => failWith('conflict', 'stale', 'Kelompok telah diubah orang lain; muat ulang', 'The group was changed by someone else; reload');

/** A date an officer records must have happened (in the office's time zone). */
export const pastDate = (field: string, what: [string, string], date: string, today: string): FieldProblem | null =>
  date > today ? { field, code: 'date-in-future', message: `${what[0]} belum terjadi (${date})`, messageEn: `${what[1]} has not happened yet (${date})` } : null;

/**
 * Moves a group from `from` to `to`: `set` answers the columns to write, or the problems that refuse
 * the step; any other state, or a change since `version`, is a conflict.
 */
export async function stepGroup(
  ctx: Ctx,
  actor: Actor,
  id: string,
  step: { from: GroupStatus; to: GroupStatus; action: string; version: number; set: (g: Group, today: string) => Partial<ProgrammeGroupsTable> | FieldProblem[] },
): Promise<Outcome<{ version: number; set: Partial<ProgrammeGroupsTable> }>> {
  const found = await groupOf(ctx, actor, id);
  if (!found.ok) return found;
  const { officeId, group } = found.value;
  if (group.status !== step.from)
    return failWith('conflict', 'group-state', `Kelompok berstatus "${GROUP_STATUS_NAMES[group.status].id}"; langkah ini untuk status "${GROUP_STATUS_NAMES[step.from].id}"`, `The group is "${GROUP_STATUS_NAMES[group.status].en}"; this step is for "${GROUP_STATUS_NAMES[step.from].en}"`);
  if (step.version !== group.version) return stale();
  const today = ctx.clock.localDate(ctx.catalogue.officeById(officeId).office, nowOf(ctx).toISOString());
  const answer = step.set(group, today);
  if (Array.isArray(answer)) return fail('invalid', ...answer);
  const set = { ...answer, status: step.to };
  const now = nowOf(ctx).toISOString();
  let done = false;
  await ctx.database.write(async (trx) => {
    done = await updateGroupIfVersion(trx, group.id, group.version, set);
    if (done) await insertAuditEvent(trx, { officeId, actor: actor.name, action: step.action, subject: `programme-group:${group.id}`, detail: { programme: group.programme_slug, ...set }, at: now });
  });
  return done ? { ok: true, value: { version: group.version + 1, set } } : stale();
}
