/**
 * Letters an officer can sign now: ready for one of their roles (or a role delegated to them
 * today), or drafts whose case waits at a sign step of one of those roles.
 */
import { activeDelegationsTo, draftsAtOpenTasks, searchLetters, type LetterListRow } from '../../db/letters-repo.js';
import { serviceOfCase } from '../applications/service-of-case.js';
import type { Actor, Ctx } from '../context.js';
import { todayAt } from './today.js';

export async function listSignableLetters(ctx: Ctx, actor: Actor, limit = 500): Promise<LetterListRow[]> {
  if (!actor.officeId || !actor.id) return [];
  const today = todayAt(ctx, ctx.catalogue.officeById(actor.officeId).office);
  const db = ctx.database.db;
  const delegated = (await activeDelegationsTo(db, actor.officeId, actor.id, today)).map((d) => d.role);
  const roles = [...new Set([...actor.roles, ...delegated])];
  const ready = await searchLetters(db, actor.officeId, { status: 'ready', signerRoles: roles }, { limit });
  const ids: string[] = [];
  for (const r of await draftsAtOpenTasks(db, actor.officeId, roles, limit)) {
    const svc = await serviceOfCase(ctx, r.service_version_id);
    if (svc.procedure?.steps.find((s) => s.id === r.step_id)?.kind === 'sign') ids.push(r.id);
  }
  const drafts = ids.length ? await searchLetters(db, actor.officeId, { ids }, { limit }) : [];
  return [...ready, ...drafts];
}
