/**
 * A certified signature at a procedure's sign step (docs/SIGNING.md, "Certified at a procedure's sign step").
 * The provider is never waited for inside the step's transaction, so the step signs in phases:
 * (1) the case's letters are numbered (a product letter not drafted yet is drafted) in a
 * transaction of their own, (2) each PDF's hash goes to the provider outside any transaction and
 * the signed file is stored, (3) the step's own transaction (letters/effects.ts `apply`) records
 * those signatures and completes the step. A refusal, a timeout or a crash after (1) leaves the
 * letters numbered and unsigned and the step open; the next attempt reuses their numbers.
 */
import { insertAudit, lettersOfApplication, type Letter } from '../../db/letters-repo.js';
import type { Problem } from '../../domain/errors.js';
import { isUnsigned } from '../../domain/letters/status.js';
import { productTemplate } from '../../domain/letters/documents.js';
import type { StepEffectInput } from '../step-effects.js';
import { providerCredential, ProviderRefused } from '../signing/signing-credential.js';
import { assignNumber } from './assign-number.js';
import { decisionFor, draftLetter } from './draft-letter.js';
import { renderAndStore, type Signed } from './render-letter.js';
import { signerBlock } from './signer-block.js';
import type { Authority } from './signing-authority.js';
import { templatesOf } from './templates.js';

/** The field beside which a provider's refusal is shown (the passphrase: what the signer can change). */
export const PASSPHRASE_FIELD = 'data.passphrase';

export interface ProviderAccount {
  nik: string;
  passphrase: string;
}

/** The signer's account at the provider from the step's data (`data.certified`), null when not chosen, or what is wrong with it. */
export function providerAccountOf(data: Record<string, unknown>): ProviderAccount | null | Problem {
  const c = data.certified as { nik?: unknown; passphrase?: unknown } | undefined;
  if (!c || typeof c !== 'object') return null;
  const nik = typeof c.nik === 'string' ? c.nik.trim() : '';
  const passphrase = typeof c.passphrase === 'string' ? c.passphrase : '';
  if (!nik && !passphrase) return null;
  if (!/^\d{16}$/.test(nik))
    return { code: 'nik-invalid', message: 'NIK untuk tanda tangan tersertifikasi harus 16 digit angka.', messageEn: 'The NIK for a certified signature must be 16 digits.', field: 'data.nik' };
  if (!passphrase || passphrase.length > 200)
    return { code: 'passphrase-required', message: 'Isi passphrase Anda di penyedia untuk tanda tangan tersertifikasi.', messageEn: 'Enter your passphrase at the provider for a certified signature.', field: PASSPHRASE_FIELD };
  return { nik, passphrase };
}

export const providerNotConfigured = (): Problem => ({
  code: 'provider-not-configured',
  message: 'Penyedia tanda tangan tersertifikasi belum diatur di server ini; kosongkan NIK dan passphrase untuk tanda tangan tidak tersertifikasi.',
  messageEn: 'No certified-signature provider is configured on this server; leave the NIK and passphrase empty for an uncertified signature.',
  field: PASSPHRASE_FIELD,
});

type Presigned = { signed: Signed; numberedAs: string | null };

/** Signatures made by the provider before the step's transaction, keyed by the step's data object (one completion attempt). */
const signedBefore = new WeakMap<object, Map<string, Presigned>>();

/** The provider's signature of `letter` made for this completion attempt, if any. */
export function presignedFor(data: Record<string, unknown>, letter: Letter): Signed | undefined {
  const s = signedBefore.get(data)?.get(letter.id);
  // The number printed on the signed PDF is the letter's: anything else is not this letter's signature.
  return s && s.numberedAs === letter.number ? s.signed : undefined;
}


/**
 * Phases 1 and 2 for a sign step completed with a certified signature: number (and draft) the
 * letters in their own transaction, then have the provider sign each outside any transaction.
 * Returns the problems to show (a refusal beside the passphrase), or none when every letter is signed.
 */
export async function signWithProvider(input: StepEffectInput, account: ProviderAccount, delegation: Authority['delegation']): Promise<Problem[]> {
  const { ctx, app, service, step, outcome, actor, now } = input;
  const provider = ctx.signingProvider;
  if (!provider) return [providerNotConfigured()];
  const stored = ctx.catalogue.officeById(app.office_id);
  const templates = templatesOf(ctx, stored.office.slug).templates;
  // Phase 1: numbers (kept whatever the provider answers), audited like numbering on request.
  const numbered = await ctx.database.write(async (trx) => {
    let letters = await lettersOfApplication(trx, app.id);
    const product = productTemplate(templates, service);
    if (!letters.some(isUnsignedLetter) && product && !letters.some((l) => l.kind === 'product' && l.status !== 'cancelled')) {
      const decision = await decisionFor(trx, ctx, { app, service, office: stored.office, current: { stepId: step.id, outcomeLabel: outcome.label, note: input.note, actor, now } });
      letters = [...letters, await draftLetter(trx, ctx, { app, service, office: stored, template: product, stepId: step.id, decision, actor, now }, letters)];
    }
    const out: Letter[] = [];
    for (const l of letters.filter(isUnsignedLetter)) {
      const n = await assignNumber(trx, ctx, l, actor, now);
      if (n !== l) await insertAudit(trx, { officeId: n.office_id, actor: actor.name, action: 'letters.number', subject: `letter:${n.id}`, detail: { number: n.number, before: 'certified-signature', step: step.id }, at: now });
      out.push({ ...n, signer_role: step.role });
    }
    return out;
  });
  // Phase 2: the provider, outside any transaction; the signed files are stored (content-addressed) before they are recorded.
  const credential = providerCredential(provider, account, actor.name);
  const signer = await signerBlock(ctx.database.db, stored.office, actor.id!, step.role, delegation);
  const done = new Map<string, Presigned>();
  for (const l of numbered) {
    try {
      done.set(l.id, { signed: await renderAndStore(ctx, l, signer, now, credential), numberedAs: l.number });
    } catch (e) {
      if (e instanceof ProviderRefused) return [{ code: e.refusal.code, message: e.refusal.message, messageEn: e.refusal.messageEn, field: PASSPHRASE_FIELD }];
      throw e;
    }
  }
  signedBefore.set(input.data, done);
  return [];
}

const isUnsignedLetter = (l: Letter) => isUnsigned(l.status);
