/**
 * Signing letters outside a procedure step: one or many ready letters in one action, after the
 * signer confirms their password once; each letter is signed in its own transaction and recorded
 * individually (letter event, audit row, case timeline). A selected letter whose case waits at
 * its sign step is signed by completing that step for the signer (same checks as the case page);
 * the last signature a case waits for (status `waiting-signature`) lets it move on.
 */
import { findApplication, openTaskFor } from '../../db/applications-repo.js';
import { findLettersByIds, insertAudit, type Letter } from '../../db/letters-repo.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import { serviceOfCase } from '../applications/service-of-case.js';
import { completeTask } from '../applications/complete-task.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { assignNumber } from './assign-number.js';
import { recordOnCase } from './case-event.js';
import { signerConfirmed } from './confirm-signer.js';
import { letterChanged, orOnConflict } from './conflict.js';
import { recordSignature } from './record-signature.js';
import { renderAndStore, type Signed } from './render-letter.js';
import { settleCase } from './settle-case.js';
import { signerBlock } from './signer-block.js';
import { authorityToSign } from './signing-authority.js';
import { certificateReplaced, certificateStillUsable, ensureSigningCredential, providerCredential, ProviderRefused, type SigningCredential } from '../signing/signing-credential.js';

export const MAX_BATCH = 1000;

/** One letter's result: signed (with its number and file hash), or why not. */
export interface SignItem {
  id: string;
  ok: boolean;
  number?: string | null;
  sha256?: string | null;
  code?: string;
  message?: string;
  messageEn?: string;
}

export interface SignRequest {
  ids: string[];
  password: string;
  /** The delegation to sign under, when the signer holds several. */
  delegation?: string;
  /** A certified signature through the configured provider: the signer's account there (NIK) and passphrase, used for this request only. */
  certified?: { nik: string; passphrase: string };
}

const refused = (id: string, p: { code: string; message: string; messageEn: string }): SignItem => ({ id, ok: false, code: p.code, message: p.message, messageEn: p.messageEn });

export async function signLetters(ctx: Ctx, input: SignRequest, actor: Actor): Promise<Outcome<{ signed: number; results: SignItem[] }>> {
  if (!actor.id || !actor.officeId) return failWith('unauthenticated', 'unauthenticated', 'Silakan masuk terlebih dahulu', 'Please sign in first');
  const ids = [...new Set((input.ids ?? []).filter((x) => typeof x === 'string'))];
  if (ids.length === 0 || ids.length > MAX_BATCH) return failWith('invalid', 'batch-size', `Pilih 1 sampai ${MAX_BATCH} surat`, `Choose 1 to ${MAX_BATCH} letters`);
  const db = ctx.database.db;
  const confirmed = await signerConfirmed(ctx, actor.id, input.password);
  if (confirmed !== true) return fail(confirmed.code.startsWith('account-locked') ? 'locked' : 'invalid', confirmed);
  const found = new Map((await findLettersByIds(db, actor.officeId, ids)).map((l) => [l.id, l]));
  // The signer's key, once for the batch: a revoked certificate refuses every letter, which keep their numbers.
  const credential = await credentialFor(ctx, input, actor);
  if (!credential.ok) return credential;
  const results: SignItem[] = [];
  // A provider that refused the signer's account (passphrase, certificate) is not asked again in this batch.
  let stopped: SignItem | null = null;
  for (const id of ids) {
    const letter = found.get(id);
    const item: SignItem = !letter
      ? refused(id, { code: 'letter-not-found', message: 'Surat tidak ditemukan', messageEn: 'Letter not found' })
      : stopped
        ? { ...stopped, id }
        : await orOnConflict(() => signOne(ctx, letter, input, actor, credential.value), () => refused(id, letterChanged()));
    if (!item.ok && item.code && ACCOUNT_REFUSALS.has(item.code)) stopped = item;
    results.push(item);
  }
  return { ok: true, value: { signed: results.filter((r) => r.ok).length, results } };
}

const ACCOUNT_REFUSALS = new Set(['provider-passphrase-wrong', 'provider-certificate-expired', 'provider-certificate-revoked', 'provider-account-unknown']);

/** The office's own key (uncertified), or the configured provider with the signer's account there (certified). */
async function credentialFor(ctx: Ctx, input: SignRequest, actor: Actor): Promise<Outcome<SigningCredential>> {
  if (!input.certified) return ensureSigningCredential(ctx, actor.officeId!, actor.id!, nowOf(ctx).toISOString(), actor.name);
  if (!ctx.signingProvider)
    return failWith('invalid', 'provider-not-configured', 'Penyedia tanda tangan tersertifikasi belum diatur di server ini', 'No certified-signature provider is configured on this server', 'certified');
  return { ok: true, value: providerCredential(ctx.signingProvider, input.certified, actor.name) };
}

async function signOne(ctx: Ctx, letter: Letter, input: SignRequest, actor: Actor, credential: SigningCredential): Promise<SignItem> {
  if (letter.status === 'signed') return refused(letter.id, { code: 'already-signed', message: `Surat ${letter.number} sudah ditandatangani`, messageEn: `Letter ${letter.number} is already signed` });
  if (letter.status === 'cancelled' || letter.status === 'revoked')
    return refused(letter.id, { code: 'not-signable', message: 'Surat dibatalkan/dicabut dan tidak dapat ditandatangani', messageEn: 'The letter is cancelled or revoked and cannot be signed' });
  if (letter.status === 'draft') return signAtStep(ctx, letter, input, actor);
  const auth = await authorityToSign(ctx, ctx.database.db, actor, letter.signer_role, input.delegation);
  if (!auth.ok) return refused(letter.id, auth.error.problems[0]!);
  const now = nowOf(ctx).toISOString();
  const office = ctx.catalogue.officeById(letter.office_id).office;
  const signer = await signerBlock(ctx.database.db, office, actor.id!, letter.signer_role, auth.value.delegation);
  // A numbered letter is rendered before the transaction; an unnumbered one gets its number and
  // is rendered inside it (the number is printed on the PDF).
  // A provider is never waited for inside a transaction: the letter is numbered first (the number
  // stays if the provider then refuses), signed outside, and recorded in a short transaction.
  if (credential.kind === 'certified' && !letter.number) letter = await numberFirst(ctx, letter, actor, now);
  let early: Signed | null;
  try {
    early = letter.number ? await renderAndStore(ctx, letter, signer, now, credential) : null;
  } catch (e) {
    if (e instanceof ProviderRefused) return refused(letter.id, e.refusal);
    throw e;
  }
  const done = await ctx.database.write(async (trx) => {
    // A certificate revoked since the batch began signs nothing more: the transaction is not committed.
    const withdrawn = credential.kind === 'certified' ? null : await certificateStillUsable(trx, letter.office_id, actor.id!, credential.serial!, now);
    if (withdrawn) return { withdrawn };
    const l = early ? letter : await assignNumber(trx, ctx, letter, actor, now);
    const s = early ?? (await renderAndStore(ctx, l, signer, now, credential));
    await recordSignature(trx, l, s, actor, now, 'batch');
    await insertAudit(trx, { officeId: l.office_id, actor: actor.name, action: 'letters.sign', subject: `letter:${l.id}`, detail: { number: l.number, sha256: s.sha256, delegation: signer.delegation }, at: now });
    await recordOnCase(trx, ctx, l, { type: 'letter-signed', actor, at: now, data: { letter: l.id, number: l.number, sha256: s.sha256, delegation: signer.delegation } });
    // The last signature a held handover or completion waited for lets the case move on.
    await settleCase(trx, ctx, l, actor, now);
    return { numbered: l, signed: s };
  });
  if ('withdrawn' in done) return refused(letter.id, done.withdrawn ?? certificateReplaced());
  return { id: letter.id, ok: true, number: done.numbered.number, sha256: done.signed.sha256 };
}

/** Numbers a letter in a transaction of its own (as numbering on request does), before a provider is asked. */
async function numberFirst(ctx: Ctx, letter: Letter, actor: Actor, now: string): Promise<Letter> {
  return ctx.database.write(async (trx) => {
    const n = await assignNumber(trx, ctx, letter, actor, now);
    await insertAudit(trx, { officeId: n.office_id, actor: actor.name, action: 'letters.number', subject: `letter:${n.id}`, detail: { number: n.number, before: 'certified-signature' }, at: now });
    return n;
  });
}

/** A draft whose case waits at its sign step: complete that step for the signer. */
async function signAtStep(ctx: Ctx, letter: Letter, input: SignRequest, actor: Actor): Promise<SignItem> {
  const db = ctx.database.db;
  const notReady = refused(letter.id, { code: 'not-ready', message: 'Surat masih konsep dan belum sampai pada tahap penandatanganan', messageEn: 'The letter is still a draft and has not reached signing' });
  const task = await openTaskFor(db, letter.application_id);
  if (!task || task.status !== 'open') return notReady;
  const app = await findApplication(db, letter.office_id, letter.application_id);
  if (!app) return notReady;
  const svc = await serviceOfCase(ctx, app.service_version_id);
  const step = svc.procedure?.steps.find((s) => s.id === task.step_id);
  if (!step || step.kind !== 'sign') return notReady;
  const forward = step.outcomes.filter((o) => o.kind === 'forward');
  if (forward.length !== 1)
    return refused(letter.id, { code: 'sign-on-case-page', message: 'Tahap tanda tangan ini punya beberapa pilihan; selesaikan dari halaman berkas', messageEn: 'This signing step has several outcomes; complete it from the case page' });
  const auth = await authorityToSign(ctx, db, actor, step.role, input.delegation);
  if (!auth.ok) return refused(letter.id, auth.error.problems[0]!);
  const { delegation } = auth.value;
  const effective: Actor = actor.roles.includes(step.role) ? actor : { ...actor, roles: [...actor.roles, step.role] };
  const r = await completeTask(
    ctx,
    { taskId: task.id, outcome: forward[0]!.id, note: 'Ditandatangani secara elektronik', data: { password: input.password, ...(delegation ? { delegation: delegation.id } : {}), ...(input.certified ? { certified: input.certified } : {}) }, version: app.version },
    effective,
  );
  if (!r.ok) return refused(letter.id, { code: r.error.problems[0]?.code ?? 'refused', message: r.error.problems.map((p) => p.message).join(' '), messageEn: r.error.problems.map((p) => p.messageEn).join(' ') });
  const after = (await findLettersByIds(db, letter.office_id, [letter.id]))[0];
  if (after?.status !== 'signed') return refused(letter.id, { code: 'not-signed', message: 'Tahap diselesaikan tetapi surat belum ditandatangani', messageEn: 'The step was completed but the letter is not signed' });
  return { id: letter.id, ok: true, number: after.number, sha256: after.sha256 };
}
