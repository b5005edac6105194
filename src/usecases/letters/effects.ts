/**
 * Step effects of the letters capability (see ../step-effects.ts and docs/LETTERS.md):
 *
 * - completing a step that drafts a document (a `draft` step of a service with a product letter,
 *   or a step a `kind: document` template names) freezes the case's fields into a letter draft;
 * - completing a `sign` step with the signer's password (`data.password`, checked before the
 *   transaction) numbers the case's unsigned letters if needed, renders and stores the final PDF
 *   and records who, when and its SHA-256; without the password the step is refused (a sign
 *   step with letters to sign is their signature);
 * - completing a `number` step numbers the case's unnumbered letters;
 * - a case that completes puts its unsigned letters, numbered, ready for signature by the
 *   signing role; a case that ends rejected cancels its unsigned letters (they keep any number)
 *   and gets a rejection letter with the written reason, numbered and ready for signature;
 * - a case about to be handed over (a `deliver` step) or completed while a letter of it is unsigned
 *   waits for the signature instead (`hold`).
 */
import { lettersOfApplication, type Letter } from '../../db/letters-repo.js';
import { hasDraftingStep, productTemplate, rejectionTemplate, templatesForStep } from '../../domain/letters/documents.js';
import { isUnsigned } from '../../domain/letters/status.js';
import type { StepEffect, StepEffectInput } from '../step-effects.js';
import { assignNumber } from './assign-number.js';
import { signerConfirmed, signingPasswordRequired } from './confirm-signer.js';
import { decisionFor, draftLetter } from './draft-letter.js';
import { markCancelled } from './mark-cancelled.js';
import { markReady } from './mark-ready.js';
import { recordSignature } from './record-signature.js';
import { renderAndStore } from './render-letter.js';
import { signerBlock } from './signer-block.js';
import { authorityToSign, type Authority } from './signing-authority.js';
import { LetterConflict } from './conflict.js';
import { presignedFor, providerAccountOf, signWithProvider } from './sign-step-certified.js';
import { ensureSigningCredential, signingCredentialIn } from '../signing/signing-credential.js';
import { templatesOf } from './templates.js';

const passwordOf = (data: Record<string, unknown>) => (typeof data.password === 'string' && data.password.length > 0 ? data.password : null);
const delegationOf = (data: Record<string, unknown>) => (typeof data.delegation === 'string' ? data.delegation : undefined);

/** Letters a sign step would sign, and the product template it would draft first (if any). */
async function toSignAtStep(input: StepEffectInput, letters: Letter[]) {
  const templates = templatesOf(input.ctx, input.ctx.catalogue.officeById(input.app.office_id).office.slug).templates;
  const unsigned = letters.filter((l) => isUnsigned(l.status));
  const product = productTemplate(templates, input.service);
  const draftProduct = unsigned.length === 0 && product && !letters.some((l) => l.kind === 'product' && l.status !== 'cancelled') ? product : null;
  return { unsigned, draftProduct };
}

export const letterEffects: StepEffect[] = [
  {
    name: 'letters',
    async check(input) {
      if (input.step.kind !== 'sign' || input.outcome.kind !== 'forward') return [];
      const letters = await lettersOfApplication(input.ctx.database.db, input.app.id);
      const { unsigned, draftProduct } = await toSignAtStep(input, letters);
      if (unsigned.length === 0 && !draftProduct) return [];
      // A sign step with letters to sign is their signature: it never completes unsigned.
      const password = passwordOf(input.data);
      if (!password) return [signingPasswordRequired()];
      const confirmed = await signerConfirmed(input.ctx, input.actor.id, password);
      if (confirmed !== true) return [confirmed];
      const auth = await authorityToSign(input.ctx, input.ctx.database.db, input.actor, input.step.role, delegationOf(input.data));
      if (!auth.ok) return auth.error.problems;
      // A certified signature: the provider signs before the step's transaction (sign-step-certified.ts).
      const account = providerAccountOf(input.data);
      if (account && 'code' in account) return [account];
      if (account) return signWithProvider(input, account, auth.value.delegation);
      // The signer's key (issued on first use, outside the step's transaction); a revoked one refuses the step.
      const credential = await ensureSigningCredential(input.ctx, input.app.office_id, input.actor.id!, input.now, input.actor.name);
      return credential.ok ? [] : credential.error.problems;
    },

    async apply(input) {
      const { ctx, trx, app, service, step, outcome, move, actor, now } = input;
      const stored = ctx.catalogue.officeById(app.office_id);
      const templates = templatesOf(ctx, stored.office.slug).templates;
      if (templates.length === 0) return { password: undefined, certified: undefined };
      let letters = await lettersOfApplication(trx, app.id);
      const report: { id: string; action: string; number?: string | null; sha256?: string | null }[] = [];
      const replace = (l: Letter) => {
        letters = letters.map((x) => (x.id === l.id ? l : x));
      };
      const current = { stepId: step.id, outcomeLabel: outcome.label, note: input.note, actor, now };

      // 1. Drafting steps.
      if (outcome.kind !== 'reject') {
        const toDraft = templatesForStep(templates, service, step.id).filter((t) => t.front.kind === 'document' || outcome.kind === 'forward');
        for (const t of toDraft) {
          const decision = await decisionFor(trx, ctx, { app, service, office: stored.office, current });
          const l = await draftLetter(trx, ctx, { app, service, office: stored, template: t, stepId: step.id, decision, actor, now }, letters);
          letters = letters.some((x) => x.id === l.id) ? letters.map((x) => (x.id === l.id ? l : x)) : [...letters, l];
          report.push({ id: l.id, action: 'drafted' });
        }
      }

      // 2. Signing at a sign step.
      if (step.kind === 'sign' && outcome.kind === 'forward') {
        const { unsigned, draftProduct } = await toSignAtStep(input, letters);
        const targets = [...unsigned];
        if (draftProduct) {
          const decision = await decisionFor(trx, ctx, { app, service, office: stored.office, current });
          const l = await draftLetter(trx, ctx, { app, service, office: stored, template: draftProduct, stepId: step.id, decision, actor, now }, letters);
          letters = [...letters, l];
          targets.push(l);
          report.push({ id: l.id, action: 'drafted' });
        }
        const password = passwordOf(input.data);
        const certified = providerAccountOf(input.data) !== null;
        const signLocally = async (l: Letter, delegation: Authority['delegation']) => {
          const signer = await signerBlock(trx, stored.office, actor.id!, step.role, delegation);
          const credential = await signingCredentialIn(ctx, trx, app.office_id, actor.id!, now);
          if (!credential.ok) throw new Error(`signing credential withdrawn: ${credential.error.problems[0]?.messageEn}`);
          return renderAndStore(ctx, l, signer, now, credential.value);
        };
        for (let l of targets) {
          // Whoever completes the sign step signs (or is awaited).
          if (l.signer_role !== step.role) l = { ...l, signer_role: step.role };
          if (password && actor.id) {
            // The password and the role were checked before the transaction.
            const auth = await authorityToSign(ctx, trx, actor, step.role, delegationOf(input.data));
            if (!auth.ok) throw new Error('signing authority vanished');
            l = await assignNumber(trx, ctx, l, actor, now);
            const signed = certified ? presignedFor(input.data, l) : await signLocally(l, auth.value.delegation);
            // Signed by the provider before this transaction under the number the letter has; anything else waits for the next attempt.
            if (!signed) throw new LetterConflict();
            await recordSignature(trx, l, signed, actor, now, `step:${step.id}`);
            report.push({ id: l.id, action: 'signed', number: l.number, sha256: signed.sha256 });
          } else throw new Error('a sign step with letters reached its transaction without the signing password');
        }
      }

      // 3. Numbering at a number step.
      if (step.kind === 'number' && outcome.kind === 'forward')
        for (const l of letters.filter((x) => x.status !== 'cancelled' && x.status !== 'revoked')) {
          if (l.number) {
            report.push({ id: l.id, action: 'registered', number: l.number });
            continue;
          }
          const n = await assignNumber(trx, ctx, l, actor, now);
          replace(n);
          report.push({ id: n.id, action: 'numbered', number: n.number });
        }

      // 4. The end of the case.
      if (move.kind === 'end' && move.status === 'completed') {
        const product = productTemplate(templates, service);
        if (product && !hasDraftingStep(templates, service) && !letters.some((l) => l.kind === 'product' && l.status !== 'cancelled')) {
          const decision = await decisionFor(trx, ctx, { app, service, office: stored.office, current });
          const l = await draftLetter(trx, ctx, { app, service, office: stored, template: product, stepId: null, decision, actor, now }, letters);
          letters = [...letters, l];
          report.push({ id: l.id, action: 'drafted' });
        }
        for (let l of letters.filter((x) => isUnsigned(x.status))) {
          l = await assignNumber(trx, ctx, l, actor, now);
          l = await markReady(trx, l, actor, now, 'Permohonan selesai; surat menunggu tanda tangan');
          replace(l);
          report.push({ id: l.id, action: 'ready', number: l.number });
        }
      }
      if (move.kind === 'end' && move.status === 'rejected') {
        for (const l of letters.filter((x) => isUnsigned(x.status))) {
          replace(await markCancelled(trx, l, actor, now, `Permohonan ditolak: ${input.note?.trim() ?? ''}`.trim()));
          report.push({ id: l.id, action: 'cancelled', number: l.number });
        }
        const t = rejectionTemplate(templates, service.slug);
        if (t) {
          const decision = { reason: input.note?.trim() ?? null, outcome: outcome.label, step: step.label, date: ctx.clock.localDate(stored.office, now), officer: actor.name };
          let l = await draftLetter(trx, ctx, { app, service, office: stored, template: t, stepId: step.id, decision, actor, now }, letters);
          l = await assignNumber(trx, ctx, l, actor, now);
          l = await markReady(trx, l, actor, now, 'Surat penolakan menunggu tanda tangan');
          report.push({ id: l.id, action: 'ready', number: l.number });
        }
      }
      // Never keep the confirmation password (nor the provider passphrase) in the case's event data.
      return report.length ? { letters: report, password: undefined, certified: undefined } : { password: undefined, certified: undefined };
    },

    // No handover and no completion while a letter of the case is unsigned: the case waits for the
    // signature (its clock running) and moves on when the last letter is signed (sign-letters.ts).
    async hold({ ctx, trx, app, move, actor, now }) {
      const handsOver = (move.kind === 'end' && move.status === 'completed') || (move.kind === 'step' && move.step.kind === 'deliver' && move.status === 'open');
      if (!handsOver) return null;
      const unsigned = (await lettersOfApplication(trx, app.id)).filter((l) => isUnsigned(l.status));
      if (unsigned.length === 0) return null;
      // As at a completion: numbered now (when first needed) and put in the signer's queue.
      for (const l of unsigned) await markReady(trx, await assignNumber(trx, ctx, l, actor, now), actor, now, 'Penyerahan/penyelesaian menunggu tanda tangan surat');
      return { status: 'waiting-signature', data: { waitingForSignature: unsigned.map((l) => l.id) } };
    },
  },
];
