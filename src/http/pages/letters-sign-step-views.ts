/**
 * The signing step's part of the staff case page's step form: the letters the step will sign, each
 * with its preview (the PDF as it will be signed), and the signer's password, with the refusal
 * beside it. Completing the step signs them; it cannot complete unsigned. Pure.
 */
import type { Problem } from '../../domain/errors.js';
import type { LetterToSign } from '../../usecases/letters/case-letters-to-sign.js';
import { L, type Lang } from '../i18n.js';
import { errorIdOf } from './components.js';
import { html, type Raw } from './html.js';
import { withLang } from './layout.js';
/** Where a provider's refusal is shown (as sign-step-certified.ts names it). */
const PASSPHRASE_FIELD = 'data.passphrase';

const FIELD = 'data.password';

/** A refusal in the page's language with the other language beside it (as the brief of every form asks). */
const bilingual = (lang: Lang, p: Pick<Problem, 'message' | 'messageEn'>): Raw =>
  lang === 'id' ? html`${p.message} <span lang="en">(${p.messageEn})</span>` : html`${p.messageEn} <span lang="id">(${p.message})</span>`;

/** Links to preview a case's unsigned letters (PDF, opened in the browser). */
export function letterPreviewLinks(lang: Lang, letters: readonly LetterToSign[]): Raw {
  return html`<ul class="letters-to-sign">${letters.map(
    (l) => html`<li><a href="${withLang(`/petugas/surat/${l.id}/pdf`, lang)}" target="_blank" rel="noopener">${L(lang, 'Pratinjau', 'Preview')}: ${l.title}${l.number ? ` ${l.number}` : ''} (PDF)</a> · <a href="${withLang(`/petugas/surat/${l.id}`, lang)}">${L(lang, 'rincian surat', 'letter details')}</a></li>`,
  )}</ul>`;
}

/** What the step form offers for a certified signature: the provider (when configured), the refusals and the NIK typed before. */
export interface CertifiedChoice {
  provider: string | null;
  problems: readonly Problem[];
  nik: string;
}

/** One field of the certified signature, its refusal (bilingual) beside it. */
function certifiedField(lang: Lang, c: CertifiedChoice, field: string, id: string, label: string, input: (attrs: Raw) => Raw): Raw {
  const p = c.problems.find((x) => x.field === field);
  const errId = errorIdOf(field);
  const attrs = html` id="${id}" name="${field}" aria-describedby="${p ? `${errId} f-cert-step-help` : 'f-cert-step-help'}"${p ? html` aria-invalid="true"` : ''}`;
  return html`<div class="field${p ? ' has-error' : ''}"><label for="${id}">${label}</label>${p ? html`<p class="field-error" id="${errId}">${bilingual(lang, p)}</p>` : ''}${input(attrs)}</div>`;
}

/** The optional certified signature at the step: the signer's NIK and passphrase at the provider, used for this completion only. */
function certifiedFields(lang: Lang, c: CertifiedChoice & { provider: string }): Raw {
  const { provider } = c;
  return html`<fieldset class="sign-step"><legend>${L(lang, `Tanda tangan tersertifikasi dari ${provider} (pilihan)`, `Certified signature from ${provider} (optional)`)}</legend>
<p class="meta" id="f-cert-step-help">${L(lang, `Isi keduanya untuk menandatangani dengan sertifikat elektronik Anda dari ${provider} (tanda tangan elektronik tersertifikasi); kosongkan untuk tanda tangan tidak tersertifikasi dari Dinas. Bila ${provider} menolak atau tidak menjawab, tahap tetap terbuka dan surat tetap bernomor, belum ditandatangani.`, `Fill in both to sign with your electronic certificate from ${provider} (a certified electronic signature); leave empty for the office's uncertified signature. If ${provider} refuses or does not answer, the step stays open and the letter keeps its number, unsigned.`)}</p>
${certifiedField(lang, c, 'data.nik', 'f-cert-step-nik', 'NIK', (a) => html`<input${a} inputmode="numeric" autocomplete="off" maxlength="16" value="${c.nik}">`)}
${certifiedField(lang, c, PASSPHRASE_FIELD, 'f-cert-step-pass', L(lang, `Passphrase ${provider}`, `${provider} passphrase`), (a) => html`<input${a} type="password" autocomplete="off">`)}</fieldset>`;
}

export function signStepFields(lang: Lang, letters: readonly LetterToSign[], error: Problem | undefined, certified: CertifiedChoice = { provider: null, problems: [], nik: '' }): Raw {
  const errId = errorIdOf(FIELD);
  const described = error ? `${errId} f-sign-password-help` : 'f-sign-password-help';
  const kind = certified.provider
    ? L(lang, 'tanda tangan elektronik tidak tersertifikasi dengan sertifikat dari Dinas sendiri, atau tersertifikasi bila NIK dan passphrase di bawah diisi', 'an uncertified electronic signature with a certificate from the office itself, or a certified one when the NIK and passphrase below are filled in')
    : L(lang, 'tanda tangan elektronik tidak tersertifikasi, dengan sertifikat dari Dinas sendiri', 'an uncertified electronic signature, with a certificate from the office itself');
  return html`<fieldset class="sign-step"><legend>${L(lang, 'Tanda tangan elektronik', 'Electronic signature')}</legend>
${letters.length
  ? html`<p>${L(lang, 'Periksa surat yang akan ditandatangani sebelum menandatangani:', 'Check the letter(s) to be signed before signing:')}</p>${letterPreviewLinks(lang, letters)}`
  : html`<p class="meta">${L(lang, 'Surat produk layanan disusun dan ditandatangani saat tahap ini diselesaikan.', 'The service’s product letter is drafted and signed when this step is completed.')}</p>`}
<div class="field${error ? ' has-error' : ''}"><label for="f-sign-password">${L(lang, 'Kata sandi (konfirmasi penandatanganan)', 'Password (signing confirmation)')}</label>
${error ? html`<p class="field-error" id="${errId}">${bilingual(lang, error)}</p>` : ''}
<input id="f-sign-password" name="${FIELD}" type="password" autocomplete="current-password" aria-describedby="${described}"${error ? html` aria-invalid="true"` : ''}>
<p id="f-sign-password-help" class="meta">${L(lang, `Menyelesaikan tahap ini menandatangani surat secara elektronik dengan nama Anda (${kind}); kata sandi Anda sendiri wajib diisi.`, `Completing this step signs the letter(s) electronically in your name (${kind}); your own password is required.`)}</p></div>
${certified.provider ? certifiedFields(lang, { ...certified, provider: certified.provider }) : ''}</fieldset>`;
}

/** A case that waits for its letters' signature before its handover or completion says so, with the letters to preview. */
export function waitingForSignature(lang: Lang, letters: readonly LetterToSign[], signers: string): Raw {
  return html`<section aria-labelledby="h-wait-sign" class="notice"><h2 id="h-wait-sign">${L(lang, `Menunggu tanda tangan ${signers}`, `Waiting for the signature of ${signers}`)}</h2>
<p>${L(lang, 'Penyerahan/penyelesaian berkas ini menunggu surat berikut ditandatangani; jam layanan tetap berjalan. Setelah ditandatangani, berkas berlanjut dengan sendirinya.', 'This case’s handover or completion waits until the letter(s) below are signed; the service clock keeps running. Once signed, the case moves on by itself.')}</p>
${letterPreviewLinks(lang, letters)}<p><a href="${withLang('/petugas/surat', lang)}">${L(lang, 'Buka menu Surat untuk menandatangani', 'Open Letters to sign')}</a></p></section>`;
}
