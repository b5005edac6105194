/**
 * Records a read of personal data (a case, an upload, a letter, a complaint) before it is shown:
 * no answer leaves before its log entry is committed (UU 27/2022; the registry has its own log).
 * Public readers (a citizen with their tracking code) are not logged here: they read their own data.
 */
import { nowOf, type Actor, type Ctx } from '../context.js';
import { appendDataAccess, appendDataAccesses, type NewDataAccess } from '../../db/data-access-repo.js';
import type { DataAccessAction, DataAccessPurpose, DataRecordKind } from '../../domain/audit/data-access.js';

export interface DataRead {
  officeId: string;
  recordKind: DataRecordKind;
  recordId: string;
  subjectNik?: string | null;
  purpose: DataAccessPurpose;
  action?: DataAccessAction;
  fields?: readonly string[];
}

type Reader = Pick<Actor, 'id' | 'name' | 'roles'>;

const entryOf = (ctx: Ctx, actor: Reader & { id: string }, r: DataRead): NewDataAccess => ({
  officeId: r.officeId,
  actor: { id: actor.id, name: actor.name, roles: actor.roles },
  action: r.action ?? 'read',
  recordKind: r.recordKind,
  recordId: r.recordId,
  subjectNik: r.subjectNik ?? null,
  purpose: r.purpose,
  fields: r.fields,
  at: nowOf(ctx).toISOString(),
});

export async function logDataRead(ctx: Ctx, actor: Reader, r: DataRead): Promise<void> {
  if (!actor.id) return;
  await appendDataAccess(ctx.database, entryOf(ctx, { ...actor, id: actor.id }, r));
}

/**
 * The records one list page shows, one entry each, committed together: a page is bounded (50
 * cases), so the log stays one row per record shown and a person's history (accessesOfSubject)
 * finds the search that listed them.
 */
export async function logDataReads(ctx: Ctx, actor: Reader, reads: readonly DataRead[]): Promise<void> {
  if (!actor.id || !reads.length) return;
  const id = actor.id;
  await appendDataAccesses(ctx.database, reads.map((r) => entryOf(ctx, { ...actor, id }, r)));
}
