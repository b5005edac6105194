/**
 * Deletes anonymous and staff uploads that no case refers to once they are older than the bound
 * (upload-limits.ts, UPLOAD_UNATTACHED_HOURS), with their files when no other upload names the same
 * content; one audit row per sweep says how many and how many bytes (no names: they are personal
 * data). Runs in the background every minute under `sigap serve`, like the clock sweeps.
 */
import { contentsInUse, deleteUploads, lockUploadQuota, staleUnattachedUploads } from '../../db/applications-repo.js';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import type { Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { unattachedSince, uploadLimitsOf } from './upload-limits.js';

/** Rows per transaction: a sweep after a long outage never holds the quota lock for long. */
const BATCH = 500;

export async function sweepUploads(ctx: Ctx): Promise<{ deleted: number; bytes: number; files: number }> {
  const now = nowOf(ctx);
  const before = unattachedSince(uploadLimitsOf(ctx), now);
  const total = { deleted: 0, bytes: 0, files: 0 };
  for (;;) {
    const done = await ctx.database.write(async (trx) => {
      await lockUploadQuota(trx);
      const stale = await staleUnattachedUploads(trx, before, BATCH);
      if (!stale.length) return 0;
      await deleteUploads(trx, stale.map((u) => u.id));
      const contents = [...new Set(stale.map((u) => u.sha256))];
      const kept = await contentsInUse(trx, contents);
      // Under the lock: an upload of the same content waits, and writes its file again after its commit.
      for (const sha of contents) if (!kept.has(sha)) await ctx.files.remove('uploads', sha);
      total.deleted += stale.length;
      total.bytes += stale.reduce((a, u) => a + u.size, 0);
      total.files += contents.length - kept.size;
      return stale.length;
    });
    if (done < BATCH) break;
  }
  if (total.deleted > 0)
    await ctx.database.write((trx) =>
      insertAuditEvent(trx, { officeId: null, actor: 'sigap (pembersihan unggahan / upload sweep)', action: 'uploads.unattached-deleted', subject: 'uploads', detail: { ...total, olderThan: before }, at: now.toISOString() }),
    );
  return total;
}
