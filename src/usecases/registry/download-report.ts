/** An import's rejected-rows report (CSV: row, column, reason), for operators and admins; the download is logged. */
import { existsSync } from 'node:fs';
import { findSnapshot } from '../../db/registry-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { canImport } from '../../domain/registry/access.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { logAccess } from './log-access.js';

export async function downloadReport(ctx: Ctx, actor: Actor, snapshotId: string): Promise<Outcome<{ path: string; filename: string }>> {
  if (!actor.officeId || !canImport(actor.roles)) return failWith('forbidden', 'role-required', 'Laporan impor hanya untuk operator atau admin', 'Import reports are for operators and admins only');
  const s = await findSnapshot(ctx.database.db, actor.officeId, snapshotId);
  if (!s || !s.reportPath || !existsSync(s.reportPath))
    return failWith('not-found', 'report-not-found', 'Tidak ada laporan baris ditolak untuk impor ini', 'No rejected-rows report for this import');
  await logAccess(ctx.database, { officeId: actor.officeId, actor, action: 'report', snapshotId: s.id, detail: {}, at: nowOf(ctx).toISOString() });
  return { ok: true, value: { path: s.reportPath, filename: `baris-ditolak-${s.period}-${s.id.slice(0, 8)}.csv` } };
}
