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

export function signStepFields(lang: Lang, letters: readonly LetterToSign[], error: Problem | undefined): Raw {
  const errId = errorIdOf(FIELD);
  const described = error ? `${errId} f-sign-password-help` : 'f-sign-password-help';
  return html`<fieldset class="sign-step"><legend>${L(lang, 'Tanda tangan elektronik', 'Electronic signature')}</legend>
${letters.length
  ? html`<p>${L(lang, 'Periksa surat yang akan ditandatangani sebelum menandatangani:', 'Check the letter(s) to be signed before signing:')}</p>${letterPreviewLinks(lang, letters)}`
  : html`<p class="meta">${L(lang, 'Surat produk layanan disusun dan ditandatangani saat tahap ini diselesaikan.', 'The service’s product letter is drafted and signed when this step is completed.')}</p>`}
<div class="field${error ? ' has-error' : ''}"><label for="f-sign-password">${L(lang, 'Kata sandi (konfirmasi penandatanganan)', 'Password (signing confirmation)')}</label>
${error ? html`<p class="field-error" id="${errId}">${bilingual(lang, error)}</p>` : ''}
<input id="f-sign-password" name="${FIELD}" type="password" autocomplete="current-password" aria-describedby="${described}"${error ? html` aria-invalid="true"` : ''}>
<p id="f-sign-password-help" class="meta">${L(lang, 'Menyelesaikan tahap ini menandatangani surat secara elektronik dengan nama Anda (tanda tangan elektronik tidak tersertifikasi, dengan sertifikat dari Dinas sendiri); kata sandi Anda sendiri wajib diisi.', 'Completing this step signs the letter(s) electronically in your name (an uncertified electronic signature, with a certificate from the office itself); your own password is required.')}</p></div></fieldset>`;
}

/** A case that waits for its letters' signature before its handover or completion says so, with the letters to preview. */
export function waitingForSignature(lang: Lang, letters: readonly LetterToSign[], signers: string): Raw {
  return html`<section aria-labelledby="h-wait-sign" class="notice"><h2 id="h-wait-sign">${L(lang, `Menunggu tanda tangan ${signers}`, `Waiting for the signature of ${signers}`)}</h2>
<p>${L(lang, 'Penyerahan/penyelesaian berkas ini menunggu surat berikut ditandatangani; jam layanan tetap berjalan. Setelah ditandatangani, berkas berlanjut dengan sendirinya.', 'This case’s handover or completion waits until the letter(s) below are signed; the service clock keeps running. Once signed, the case moves on by itself.')}</p>
${letterPreviewLinks(lang, letters)}<p><a href="${withLang('/petugas/surat', lang)}">${L(lang, 'Buka menu Surat untuk menandatangani', 'Open Letters to sign')}</a></p></section>`;
}
