/** Small view pieces every capability's pages share: clock badges, messages, field errors. Pure. */
import type { Problem } from '../../domain/errors.js';
import type { Office } from '../../domain/standards/schema.js';
import { L, slaLabel, slaTone, type Lang } from '../i18n.js';
import { html, type Raw } from './html.js';
import { withLang } from './layout.js';

/** A clock state as a coloured badge (see i18n.ts for the one wording of each state). */
export const slaBadge = (lang: Lang, state: string): Raw => html`<span class="badge ${slaTone(state)}">${slaLabel(lang, state)}</span>`;

/** The message of a problem in the page's language. */
export const say = (lang: Lang, p: Pick<Problem, 'message' | 'messageEn'>) => (lang === 'id' ? p.message : p.messageEn);

/** The box at the top of a form listing what must be fixed (focusable, announced). */
export function errorSummary(lang: Lang, problems: readonly Pick<Problem, 'message' | 'messageEn'>[]): Raw {
  if (!problems.length) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1"><h2>${L(lang, 'Periksa kembali isian Anda', 'Please check your answers')}</h2><ul>${problems.map(
    (p) => html`<li>${say(lang, p)}</li>`,
  )}</ul></div>`;
}

/** The id of the element that carries a field's error message (for aria-describedby). */
export const errorIdOf = (field: string) => `err-${field.replace(/[^a-z0-9]/gi, '-')}`;

/** The error message(s) under one field, or nothing. */
export function fieldError(lang: Lang, problems: readonly Problem[], ...fields: string[]): Raw {
  const p = problems.filter((x) => x.field !== undefined && fields.includes(x.field));
  if (!p.length) return html``;
  return html`<p class="field-error" id="${errorIdOf(fields[0]!)}">${p.map((x) => say(lang, x)).join(' ')}</p>`;
}

/** aria attributes of an input that has an error. */
export function invalidAttrs(problems: readonly Problem[], ...fields: string[]): Raw | '' {
  return problems.some((x) => x.field !== undefined && fields.includes(x.field)) ? html` aria-invalid="true" aria-describedby="${errorIdOf(fields[0]!)}"` : '';
}

/** A one-line message after an action: done (status) or refused (alert). */
export function flash(msg: { ok?: string; error?: string }): Raw {
  return html`${msg.ok ? html`<div class="notice" role="status"><p>${msg.ok}</p></div>` : ''}${msg.error ? html`<div class="error-summary" role="alert"><p>${msg.error}</p></div>` : ''}`;
}

/** Where a person asks about their data: the office's own contacts (phone, e-mail) as its decree prints them. */
export interface DataContact {
  officeName: string;
  contacts: { label: string; value: string }[];
  /** The office's full privacy notice and request form (/kantor/:slug/privasi). */
  privacyHref?: string;
}

/** An office's phone numbers and e-mail addresses, for the privacy notice. */
export function dataContactOf(o: Office): DataContact {
  // The office's data-protection contacts when office.yaml names them, else its phone and e-mail.
  const channels = o.dataProtection?.contacts ?? o.contacts.filter((c) => c.kind === 'phone' || c.kind === 'email');
  return { officeName: o.name, contacts: channels.flatMap((c) => (c.value ? [{ label: c.label, value: c.value }] : [])), privacyHref: `/kantor/${o.slug}/privasi` };
}

/**
 * The privacy notice of a form that collects personal data (UU 27/2022): what is collected, why,
 * who sees it, how long it is kept and whom to ask. Retention follows the office's own archive
 * schedule (jadwal retensi arsip), which no decree here states, so the notice names it, not a period.
 */
export function privacyNotice(lang: Lang, d: DataContact, kind: 'application' | 'complaint' = 'application'): Raw {
  const why =
    kind === 'application'
      ? L(lang, 'untuk memeriksa dan memproses permohonan Anda sesuai Standar Pelayanan, termasuk memeriksa data terpadu kesejahteraan sosial (DTKS) bila layanan mensyaratkannya', 'to check and process your application under the service standard, including a check of the social welfare registry (DTKS) where the service requires it')
      : L(lang, 'untuk menindaklanjuti dan menjawab pengaduan Anda', 'to follow up and answer your complaint');
  return html`<details class="privacy" open><summary>${L(lang, 'Pemberitahuan perlindungan data pribadi', 'Personal data notice')}</summary>
<ul>
<li><strong>${L(lang, 'Yang dikumpulkan', 'What is collected')}:</strong> ${L(lang, 'identitas (nama, NIK, nomor KK, alamat), nomor HP dan e-mail, jawaban formulir dan pindaian dokumen yang Anda unggah.', 'identity (name, NIK, family card number, address), mobile number and e-mail, your answers and the document scans you upload.')}</li>
<li><strong>${L(lang, 'Untuk apa', 'Why')}:</strong> ${why}. ${L(lang, 'Data tidak dipakai untuk keperluan lain.', 'It is not used for anything else.')}</li>
<li><strong>${L(lang, 'Siapa yang melihat', 'Who sees it')}:</strong> ${L(lang, `petugas ${d.officeName} yang menangani layanan ini, dan instansi lain hanya bila prosedur layanan meneruskannya. Setiap pembacaan data dicatat.`, `the officers of ${d.officeName} who handle this service, and other agencies only where the service's procedure forwards it. Every read is logged.`)}</li>
<li><strong>${L(lang, 'Berapa lama disimpan', 'How long it is kept')}:</strong> ${L(lang, 'selama diperlukan untuk layanan, lalu sesuai jadwal retensi arsip kantor.', "as long as the service needs it, then according to the office's archive retention schedule.")}</li>
<li><strong>${L(lang, 'Hak Anda', 'Your rights')}:</strong> ${L(lang, 'Anda dapat meminta salinan, perbaikan atau pembatasan data Anda (UU No. 27 Tahun 2022). Hubungi', 'You may ask for a copy, a correction or a restriction of your data (Law 27/2022). Contact')} ${d.officeName}${d.contacts.length ? html`: ${d.contacts.map((c, i) => html`${i ? ', ' : ''}${c.label} ${c.value}`)}` : ''}.</li>
</ul>${d.privacyHref ? html`<p><a href="${withLang(d.privacyHref, lang)}">${L(lang, 'Pemberitahuan privasi lengkap dan permintaan salinan data Anda', 'Full privacy notice, and asking for a copy of your data')}</a></p>` : ''}</details>`;
}
