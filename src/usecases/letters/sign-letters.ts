/**
 * Signing letters outside a procedure step: one or many ready letters in one action, after the
 * signer confirms their password once; each letter is signed in its own transaction and recorded
 * individually (letter event, audit row, case timeline). A selected letter whose case waits at
 * its sign step is signed by completing that step for the signer (same checks as the case page).
 */
import { insertEvent, openTaskFor } from '../../db/applications-repo.js';
import { findLettersByIds, insertAudit } from '../../db/letters-repo.js';
import type { LettersTable } from '../../db/schema-letters.js';
import type { Problem } from '../../domain/errors.js';
import { randomUUID } from 'node:crypto';
import { serviceOfCase } from '../case-service.js';
import { completeTask } from '../complete-task.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { confirmPassword } from '../staff/confirm-password.js';
import { authorityToSign } from './delegations.js';
import { signingProblem } from './effects.js';
import { assignNumber, LetterConflict, recordSignature, renderAndStore, signerBlock, storedOffice, type Signed } from './issue.js';

export const MAX_BATCH = 1000;

export interface SignItem {
  id: string;
  ok: boolean;
  number?: string | null;
  sha256?: string | null;
  code?: string;
  message?: string;
  messageEn?: string;
}

export type SignBatchResult = { ok: true; value: { signed: number; results: SignItem[] } } | { ok: false; status: 401 | 403 | 422; problems: Problem[] };

const fail = (id: string, code: string, message: string, messageEn: string): SignItem => ({ id, ok: false, code, message, messageEn });

export async function signLetters(ctx: Ctx, input: { ids: string[]; password: string; delegation?: string }, actor: Actor): Promise<SignBatchResult> {
  if (!actor.id || !actor.officeId) return { ok: false, status: 401, problems: [{ code: 'unauthenticated', message: 'Silakan masuk terlebih dahulu', messageEn: 'Please sign in first' }] };
  const ids = [...new Set((input.ids ?? []).filter((x) => typeof x === 'string'))];
  if (ids.length === 0 || ids.length > MAX_BATCH)
    return { ok: false, status: 422, problems: [{ code: 'batch-size', message: `Pilih 1 sampai ${MAX_BATCH} surat`, messageEn: `Choose 1 to ${MAX_BATCH} letters` }] };
  const db = ctx.database.db;
  const user = await db.selectFrom('staff_users').select('username').where('id', '=', actor.id).executeTakeFirst();
  if (!user || typeof input.password !== 'string' || !(await confirmPassword(ctx.database, user.username, input.password)))
    return { ok: false, status: 422, problems: [signingProblem.wrongPassword()] };
  const office = storedOffice(ctx, actor.officeId).office;
  const found = new Map((await findLettersByIds(db, actor.officeId, ids)).map((l) => [l.id, l]));
  const results: SignItem[] = [];
  for (const id of ids) {
    const letter = found.get(id);
    if (!letter) {
      results.push(fail(id, 'letter-not-found', 'Surat tidak ditemukan', 'Letter not found'));
      continue;
    }
    try {
      results.push(await signOne(ctx, letter, input, actor, office));
    } catch (e) {
      if (!(e instanceof LetterConflict)) throw e;
      results.push(fail(id, 'conflict', 'Surat baru saja berubah; muat ulang', 'The letter just changed; reload'));
    }
  }
  return { ok: true, value: { signed: results.filter((r) => r.ok).length, results } };
}

async function signOne(ctx: Ctx, letter: LettersTable, input: { password: string; delegation?: string }, actor: Actor, office: ReturnType<typeof storedOffice>['office']): Promise<SignItem> {
  const db = ctx.database.db;
  if (letter.status === 'signed') return fail(letter.id, 'already-signed', `Surat ${letter.number} sudah ditandatangani`, `Letter ${letter.number} is already signed`);
  if (letter.status === 'cancelled' || letter.status === 'revoked') return fail(letter.id, 'not-signable', 'Surat dibatalkan/dicabut dan tidak dapat ditandatangani', 'The letter is cancelled or revoked and cannot be signed');
  if (letter.status === 'draft') return signAtStep(ctx, letter, input, actor);
  const auth = await authorityToSign(ctx, db, actor, letter.signer_role, input.delegation);
  if (!auth.ok) return fail(letter.id, auth.problem.code, auth.problem.message, auth.problem.messageEn);
  const now = nowOf(ctx).toISOString();
  const signer = await signerBlock(db, office, actor.id!, letter.signer_role, auth.delegation);
  let signed: Signed | null = null;
  let ok = false;
  let number = letter.number;
  // A numbered letter is rendered before the transaction; an unnumbered one gets its number and
  // is rendered inside it (the number is printed on the PDF).
  if (letter.number) signed = await renderAndStore(ctx, letter, signer, now);
  await ctx.database.write(async (trx) => {
    let l = letter;
    if (!signed) {
      l = await assignNumber(trx, ctx, letter, actor, now);
      number = l.number;
      signed = await renderAndStore(ctx, l, signer, now);
    }
    ok = await recordSignature(trx, l, signed, actor, now, 'batch');
    if (!ok) return;
    await insertAudit(trx, { officeId: l.office_id, actor: actor.name, action: 'letters.sign', subject: `letter:${l.id}`, detail: { number: l.number, sha256: signed.sha256, delegation: signer.delegation }, at: now });
    await insertEvent(trx, {
      id: randomUUID(),
      application_id: l.application_id,
      office_id: l.office_id,
      type: 'letter-signed',
      step_id: null,
      outcome: null,
      actor_id: actor.id,
      actor_name: actor.name,
      note: null,
      data: JSON.stringify({ letter: l.id, number: l.number, sha256: signed.sha256, delegation: signer.delegation }),
      sla_effect: null,
      at: now,
    });
  });
  if (!ok) throw new LetterConflict();
  return { id: letter.id, ok: true, number, sha256: signed!.sha256 };
}

/** A draft whose case waits at its sign step: complete that step for the signer. */
async function signAtStep(ctx: Ctx, letter: LettersTable, input: { password: string; delegation?: string }, actor: Actor): Promise<SignItem> {
  const db = ctx.database.db;
  const notReady = fail(letter.id, 'not-ready', 'Surat masih konsep dan belum sampai pada tahap penandatanganan', 'The letter is still a draft and has not reached signing');
  const task = await openTaskFor(db, letter.application_id);
  if (!task || task.status !== 'open') return notReady;
  const app = await db.selectFrom('applications').selectAll().where('id', '=', letter.application_id).executeTakeFirst();
  if (!app) return notReady;
  const svc = await serviceOfCase(ctx, app.service_version_id);
  const step = svc.procedure?.steps.find((s) => s.id === task.step_id);
  if (!step || step.kind !== 'sign') return notReady;
  const forward = step.outcomes.filter((o) => o.kind === 'forward');
  if (forward.length !== 1) return fail(letter.id, 'sign-on-case-page', 'Tahap tanda tangan ini punya beberapa pilihan; selesaikan dari halaman berkas', 'This signing step has several outcomes; complete it from the case page');
  const auth = await authorityToSign(ctx, db, actor, step.role, input.delegation);
  if (!auth.ok) return fail(letter.id, auth.problem.code, auth.problem.message, auth.problem.messageEn);
  const effective: Actor = actor.roles.includes(step.role) ? actor : { ...actor, roles: [...actor.roles, step.role] };
  const r = await completeTask(
    ctx,
    { taskId: task.id, outcome: forward[0]!.id, note: 'Ditandatangani secara elektronik', data: { password: input.password, ...(auth.delegation ? { delegation: auth.delegation.id } : {}) }, version: app.version },
    effective,
  );
  if (!r.ok) return fail(letter.id, r.problems[0]?.code ?? 'refused', r.problems.map((p) => p.message).join(' '), r.problems.map((p) => p.messageEn).join(' '));
  const after = (await findLettersByIds(db, letter.office_id, [letter.id]))[0];
  if (after?.status !== 'signed') return fail(letter.id, 'not-signed', 'Tahap diselesaikan tetapi surat belum ditandatangani', 'The step was completed but the letter is not signed');
  return { id: letter.id, ok: true, number: after.number, sha256: after.sha256 };
}
