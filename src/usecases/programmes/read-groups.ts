/**
 * Reading a programme's groups (names, village, status, deadlines: no personal data) and one group
 * with its members in full; the members' read is logged with its purpose before it is answered.
 */
import { groupsOf, membersOf, type Group } from '../../db/programme-groups-repo.js';
import type { ProgrammeGroupMembersTable } from '../../db/schema-programme-groups.js';
import type { Outcome } from '../../domain/errors.js';
import { maskKk, maskNik } from '../../domain/identity/mask.js';
import { may } from '../../domain/staff/permissions.js';
import type { Programme } from '../../domain/programmes/schema.js';
import { logDataReads } from '../audit/log-data-read.js';
import type { Actor, Ctx } from '../context.js';
import { groupOf } from './group-of.js';
import { findProgramme, officeOf } from './programmes-of.js';

export async function listGroups(ctx: Ctx, actor: Actor, slug: string): Promise<Outcome<{ programme: Programme; groups: Group[] }>> {
  const officeId = officeOf(actor);
  if (!officeId.ok) return officeId;
  const found = findProgramme(ctx, officeId.value, slug);
  if (!found.ok) return found;
  return { ok: true, value: { programme: found.value.programme, groups: await groupsOf(ctx.database.db, officeId.value, slug, 200) } };
}

export async function showGroup(ctx: Ctx, actor: Actor, id: string): Promise<Outcome<{ group: Group; members: ProgrammeGroupMembersTable[] }>> {
  const found = await groupOf(ctx, actor, id);
  if (!found.ok) return found;
  const { officeId, group } = found.value;
  const members = await membersOf(ctx.database.db, group.id);
  // Those who register and record groups see the numbers in full; other readers (the auditor) masked.
  const full = may(actor.roles, 'programmes.groups') || may(actor.roles, 'programmes.manage');
  await logDataReads(ctx, actor, members.map((m) => ({ officeId, recordKind: 'programme-group' as const, recordId: group.id, subjectNik: m.nik, purpose: 'programme-groups' as const, fields: full ? ['nik', 'kk', 'name', 'birthDate', 'role'] : ['name', 'role'] })));
  return { ok: true, value: { group, members: full ? members : members.map((m) => ({ ...m, nik: maskNik(m.nik), kk: maskKk(m.kk), birth_date: m.birth_date?.slice(0, 4) ?? null })) } };
}
