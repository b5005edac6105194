/**
 * Records a recipient's periodic evaluation (Memenuhi / Tidak Memenuhi Syarat) by a role the
 * programme's decree names for verification (the decrees' "petugas evaluasi" is no role of their
 * own; Sigap's choice). "Tidak Memenuhi Syarat" needs a reason and records the exit (tidak lagi
 * memenuhi syarat) in the same transaction: the place is the next amending decree's to fill.
 * Each act is kept; audited.
 */
import { randomUUID } from 'node:crypto';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { findExit, insertEvaluation, insertExit } from '../../db/programme-cycles-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { MAX_REASON } from '../../domain/programmes/rounds.js';
import type { EvaluationResult } from '../../domain/programmes/replacement.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { findProgramme, officeOf } from './programmes-of.js';

export interface EvaluationInput {
  period: string;
  nik: string;
  name: string;
  result: EvaluationResult;
  reason?: string | null;
}

export async function evaluateRecipient(ctx: Ctx, actor: Actor, slug: string, input: EvaluationInput): Promise<Outcome<{ id: string; exited: boolean }>> {
  const officeId = officeOf(actor);
  if (!officeId.ok) return officeId;
  const found = findProgramme(ctx, officeId.value, slug);
  if (!found.ok) return found;
  const p = found.value.programme;
  const role = p.verification.roles.find((r) => actor.roles.includes(r));
  if (!role) return failWith('forbidden', 'evaluator-role-required', `Evaluasi penerima program ini dilakukan oleh peran yang disebut keputusan: "${p.verification.text}"`, `Recipients of this programme are evaluated by the roles its decree names: "${p.verification.text}"`);
  if (!/^\d{16}$/.test(input.nik)) return failWith('invalid', 'nik', 'NIK harus 16 angka', 'The NIK must be 16 digits', 'nik');
  const reason = input.reason?.trim() || null;
  if (input.result === 'tidak-memenuhi' && !reason) return failWith('invalid', 'reason-required', 'Tuliskan alasan penerima tidak memenuhi syarat', 'Write why the recipient no longer meets the conditions', 'reason');
  if (reason && reason.length > MAX_REASON) return failWith('invalid', 'reason-too-long', `Alasan paling banyak ${MAX_REASON} karakter`, `The reason is at most ${MAX_REASON} characters`, 'reason');
  const now = nowOf(ctx).toISOString();
  const today = ctx.clock.localDate(found.value.office.office, now);
  const id = randomUUID();
  const exits = input.result === 'tidak-memenuhi' && !(await findExit(ctx.database.db, officeId.value, slug, input.period, input.nik));
  await ctx.database.write(async (trx) => {
    await insertEvaluation(trx, { id, office_id: officeId.value, programme_slug: slug, period: input.period, nik: input.nik, name: input.name.trim().slice(0, 200), result: input.result, reason, evaluated_by: actor.name, role, evaluated_at: now });
    if (exits) await insertExit(trx, { id: randomUUID(), office_id: officeId.value, programme_slug: slug, period: input.period, nik: input.nik, name: input.name.trim().slice(0, 200), reason: 'no-longer-eligible', note: reason, exit_date: today, recorded_by: actor.name, recorded_at: now });
    await insertAuditEvent(trx, { officeId: officeId.value, actor: actor.name, action: 'programme-recipient-evaluated', subject: `programme:${slug}`, detail: { period: input.period, nik: input.nik, result: input.result, reason, role, exited: exits }, at: now });
  });
  return { ok: true, value: { id, exited: exits } };
}
