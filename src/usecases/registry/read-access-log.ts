/**
 * The office's access log, newest first (optionally one NIK's entries): admins, auditors and the
 * head of office. A role that sees the registry masked (the auditor) sees the log's NIKs and KKs
 * masked too: oversight needs who looked up whom and why, not the numbers themselves.
 */
import { accessLog, type AccessLogEntry } from '../../db/registry-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { maskKk, maskNik } from '../../domain/identity/index.js';
import { canReadLog, maskingFor } from '../../domain/registry/access.js';
import type { Actor, Ctx } from '../context.js';

export async function readAccessLog(ctx: Ctx, actor: Actor, q: { nik?: string; limit: number; before?: number }): Promise<Outcome<AccessLogEntry[]>> {
  if (!actor.officeId || !canReadLog(actor.roles))
    return failWith('forbidden', 'role-required', 'Log akses hanya untuk admin, auditor atau kepala dinas', 'The access log is for admins, auditors and the head of office only');
  const entries = await accessLog(ctx.database.db, actor.officeId, q);
  if (maskingFor(actor.roles) !== 'masked') return { ok: true, value: entries };
  return { ok: true, value: entries.map((e) => ({ ...e, nik: e.nik && maskNik(e.nik), kk: e.kk && maskKk(e.kk) })) };
}
