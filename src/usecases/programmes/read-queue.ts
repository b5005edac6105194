/** A programme period's quota queue for staff: quota, each place with NIK masked and whether it is within the quota; the read is logged. */
import { queueOf } from '../../db/programme-groups-repo.js';
import type { ProgrammeQueueTable } from '../../db/schema-programme-groups.js';
import type { Outcome } from '../../domain/errors.js';
import { maskNik } from '../../domain/identity/mask.js';
import type { Programme } from '../../domain/programmes/schema.js';
import { logDataReads } from '../audit/log-data-read.js';
import type { Actor, Ctx } from '../context.js';
import { findProgramme, officeOf } from './programmes-of.js';
import { periodQuota, placeOf, type QueuePlace } from './queue-proposal.js';

export const MAX_QUEUE_SHOWN = 500;

export async function readQueue(ctx: Ctx, actor: Actor, slug: string, period: string): Promise<Outcome<{ programme: Programme; period: string; quota: number | null; entries: (ProgrammeQueueTable & QueuePlace)[] }>> {
  const officeId = officeOf(actor);
  if (!officeId.ok) return officeId;
  const found = findProgramme(ctx, officeId.value, slug);
  if (!found.ok) return found;
  const quota = await periodQuota(ctx, officeId.value, found.value.programme, period);
  const rows = await queueOf(ctx.database.db, officeId.value, slug, period, MAX_QUEUE_SHOWN);
  await logDataReads(ctx, actor, rows.map((r) => ({ officeId: officeId.value, recordKind: 'programme-queue' as const, recordId: r.id, subjectNik: r.nik, purpose: 'programme-groups' as const, fields: ['name', 'category'] })));
  return { ok: true, value: { programme: found.value.programme, period, quota, entries: rows.map((r) => ({ ...r, nik: maskNik(r.nik), ...placeOf(r.position, quota) })) } };
}
