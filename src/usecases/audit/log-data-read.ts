/**
 * Records a read of personal data (a case, an upload, a letter, a complaint) before it is shown:
 * no answer leaves before its log entry is committed (UU 27/2022; the registry has its own log).
 * Public readers (a citizen with their tracking code) are not logged here: they read their own data.
 */
import { nowOf, type Actor, type Ctx } from '../context.js';
import { appendDataAccess } from '../../db/data-access-repo.js';
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

export async function logDataRead(ctx: Ctx, actor: Actor, r: DataRead): Promise<void> {
  if (!actor.id) return;
  await appendDataAccess(ctx.database, {
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
}
