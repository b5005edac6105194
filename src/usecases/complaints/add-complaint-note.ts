/** An officer's internal note on a complaint (never shown to the complainant). */
import { complaintEvent, insertComplaintEvents } from '../../db/complaints-repo.js';
import { updateIfVersion } from '../../db/versioned.js';
import { cleanText } from '../../domain/complaints/index.js';
import { fail, type Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { changedByAnother, findWorkableComplaint, unchangedBut, type WorkDone } from './find-staff-complaint.js';

export async function addComplaintNote(ctx: Ctx, actor: Actor, id: string, note: string): Promise<Outcome<WorkDone>> {
  const found = await findWorkableComplaint(ctx, actor, id);
  if (!found.ok) return found;
  const c = found.value;
  const t = cleanText(note, { field: 'note', label: 'Catatan', labelEn: 'Note', min: 2, max: 4000, multiline: true, required: true });
  if (!t.ok) return fail('invalid', t.problem);
  const now = nowOf(ctx).toISOString();
  const won = await ctx.database.write(async (trx) => {
    if (!(await updateIfVersion(trx, 'complaints', c.id, c.version, { updated_at: now }))) return false;
    await insertComplaintEvents(trx, complaintEvent(c, { type: 'note', stage: c.stage, actor, visibility: 'internal', note: t.value, at: now }));
    return true;
  });
  if (!won) return changedByAnother();
  return { ok: true, value: unchangedBut(c) };
}
