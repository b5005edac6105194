/** The complainant adds information to a complaint that is not closed (shown to staff and in the timeline). */
import { complaintEvent, insertComplaintEvents } from '../../db/complaints-repo.js';
import { updateIfVersion } from '../../db/versioned.js';
import { cleanText } from '../../domain/complaints/index.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { changedMeanwhile, findTrackedComplaint, type TrackingKey } from './find-tracked-complaint.js';

/** Where a complaint stands after the complainant acted on it. */
export interface TrackedAction {
  status: string;
  stage: string;
  version: number;
}

export async function addComplaintInformation(ctx: Ctx, key: TrackingKey, text: string): Promise<Outcome<TrackedAction>> {
  const found = await findTrackedComplaint(ctx, key);
  if (!found.ok) return found;
  const c = found.value;
  if (c.status === 'closed') return failWith('conflict', 'complaint-closed', 'Pengaduan sudah selesai; ajukan pengaduan baru bila perlu', 'The complaint is closed; file a new one if needed');
  const t = cleanText(text, { field: 'text', label: 'Informasi tambahan', labelEn: 'Additional information', min: 3, max: 3000, multiline: true, required: true });
  if (!t.ok) return fail('invalid', t.problem);
  const now = nowOf(ctx).toISOString();
  const won = await ctx.database.write(async (trx) => {
    if (!(await updateIfVersion(trx, 'complaints', c.id, c.version, { updated_at: now }))) return false;
    await insertComplaintEvents(trx, complaintEvent(c, { type: 'information-added', stage: c.stage, actor: { id: null, name: 'Pelapor' }, note: t.value, at: now }));
    return true;
  });
  if (!won) return changedMeanwhile();
  return { ok: true, value: { status: c.status, stage: c.stage, version: c.version + 1 } };
}
