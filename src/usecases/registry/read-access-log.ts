/** The office's access log, newest first (optionally one NIK's entries): admins, auditors and the head of office. */
import { accessLog, type AccessLogEntry } from '../../db/registry-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { canReadLog } from '../../domain/registry/access.js';
import type { Actor, Ctx } from '../context.js';

export async function readAccessLog(ctx: Ctx, actor: Actor, q: { nik?: string; limit: number; before?: number }): Promise<Outcome<AccessLogEntry[]>> {
  if (!actor.officeId || !canReadLog(actor.roles))
    return failWith('forbidden', 'role-required', 'Log akses hanya untuk admin, auditor atau kepala dinas', 'The access log is for admins, auditors and the head of office only');
  return { ok: true, value: await accessLog(ctx.database.db, actor.officeId, q) };
}
