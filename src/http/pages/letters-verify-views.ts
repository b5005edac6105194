/** The public verification page of a letter (`/v/<token>`), with the check of an uploaded PDF. Pure. */
import type { VerifyView } from '../../usecases/letters/verify-letter.js';
import { L, type Lang } from '../i18n.js';
import { flash } from './components.js';
import { html } from './html.js';
import { page, withLang } from './layout.js';
import { letterDate } from './letters-views.js';

const STATE: Record<VerifyView['status'], [string, string, string]> = {
  valid: ['Asli dan berlaku', 'Genuine and valid', 'sla-on-time'],
  expired: ['Asli, masa berlaku telah habis', 'Genuine, validity has expired', 'sla-at-risk'],
  revoked: ['Asli, tetapi telah DICABUT', 'Genuine, but REVOKED', 'sla-late'],
  cancelled: ['Dibatalkan', 'Cancelled', 'sla-late'],
  'not-issued': ['Belum diterbitkan', 'Not issued', 'sla-late'],
};

/** The result of checking an uploaded file: it matches or not (with its hash), or why there was none. */
export type FileCheck = { match: boolean; sha256: string } | { error: string };

/** The letter carrying `token` as the public may see it; `null`: no such letter (never says more). */
export function verifyPage(lang: Lang, token: string, v: VerifyView | null, check?: FileCheck): string {
  const path = `/v/${token}`;
  const title = L(lang, 'Verifikasi surat', 'Letter verification');
  if (!v)
    return page({
      lang,
      title,
      path,
      body: html`<h1>${L(lang, 'Surat tidak dikenal', 'Unknown letter')}</h1><div class="error-summary" role="alert"><p data-testid="verify-state">${L(lang, 'Kode verifikasi ini tidak terdaftar di Sigap. Surat dengan kode ini TIDAK dapat dipastikan keasliannya.', 'This verification code is not registered in Sigap. A letter carrying it can NOT be confirmed genuine.')}</p></div>`,
    });
  const [id, en, cls] = STATE[v.status];
  const replaced = v.revocation?.replacedBy;
  return page({
    lang,
    title,
    path,
    body: html`<h1>${L(lang, 'Verifikasi keaslian surat', 'Letter verification')}</h1>
<p><span class="badge ${cls}" data-testid="verify-state">${L(lang, id, en)}</span></p>
${v.status === 'expired' ? html`<p class="notice" role="status">${L(lang, `Masa berlaku surat ini berakhir pada ${letterDate(lang, v.validUntil)}.`, `This letter's validity ended on ${letterDate(lang, v.validUntil)}.`)}</p>` : ''}
${v.revocation
  ? html`<div class="error-summary" role="alert"><p><strong>${L(lang, 'Dicabut', 'Revoked')}</strong>${v.revocation.at ? html` (${letterDate(lang, v.revocation.at.slice(0, 10))})` : ''}: <span data-testid="revocation-reason">${v.revocation.reason ?? ''}</span></p>${replaced ? html`<p>${L(lang, 'Diganti dengan surat', 'Replaced by letter')} ${replaced.url ? html`<a href="${replaced.url}">${replaced.number ?? ''}</a>` : (replaced.number ?? '')}</p>` : ''}</div>`
  : ''}
<dl class="facts">
<div><dt>${L(lang, 'Instansi', 'Office')}</dt><dd>${v.office}</dd></div>
<div><dt>${L(lang, 'Nomor surat', 'Letter number')}</dt><dd data-testid="verify-number">${v.number ?? '—'}</dd></div>
<div><dt>${L(lang, 'Tanggal surat', 'Date')}</dt><dd>${letterDate(lang, v.issuedOn)}</dd></div>
<div><dt>${L(lang, 'Jenis / perihal', 'Type / subject')}</dt><dd>${v.title}<br>${v.subject}</dd></div>
<div><dt>${L(lang, 'Atas nama', 'Holder')}</dt><dd>${v.holder.name}${v.holder.nik ? html`<br>NIK ${v.holder.nik}` : ''}</dd></div>
<div><dt>${L(lang, 'Ditandatangani oleh', 'Signed by')}</dt><dd>${v.signer ? html`${v.signer.name}<br><span class="meta">${v.signer.position.join(' ')}</span>` : '—'}</dd></div>
<div><dt>${L(lang, 'Berlaku sampai dengan', 'Valid until')}</dt><dd>${v.validUntil ? letterDate(lang, v.validUntil) : L(lang, 'Tidak ditentukan dalam standar', 'Not set by the standard')}</dd></div>
</dl>
<p class="meta">SHA-256: <code style="word-break:break-all">${v.sha256 ?? ''}</code></p>
<section aria-labelledby="h-check"><h2 id="h-check">${L(lang, 'Periksa berkas PDF', 'Check a PDF file')}</h2>
<p>${L(lang, 'Unggah berkas PDF surat ini untuk memastikan isinya sama persis (bit demi bit) dengan surat yang ditandatangani.', 'Upload the PDF of this letter to check it is byte-identical to the signed one.')}</p>
${check
  ? 'error' in check
    ? flash({ error: check.error })
    : check.match
      ? html`<div class="notice" role="status" data-testid="file-check"><p><strong>${L(lang, 'COCOK', 'MATCH')}</strong>: ${L(lang, 'berkas ini sama persis dengan surat yang ditandatangani.', 'this file is identical to the signed letter.')}</p></div>`
      : html`<div class="error-summary" role="alert" data-testid="file-check"><p><strong>${L(lang, 'TIDAK COCOK', 'NO MATCH')}</strong>: ${L(lang, 'berkas ini BERBEDA dari surat yang ditandatangani (mungkin telah diubah).', 'this file DIFFERS from the signed letter (it may have been altered).')}</p><p class="meta">SHA-256: ${check.sha256}</p></div>`
  : ''}
<form method="post" action="${withLang(path, lang)}" enctype="multipart/form-data" class="intake"><div class="field"><label for="f-pdf">${L(lang, 'Berkas PDF surat', 'Letter PDF file')}</label><input id="f-pdf" name="file" type="file" accept="application/pdf" required></div><button type="submit" class="primary">${L(lang, 'Periksa', 'Check')}</button></form></section>`,
  });
}
