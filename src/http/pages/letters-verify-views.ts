/** The public verification page of a letter (`/v/<token>`), with the check of an uploaded PDF. Pure. */
import type { CertificateState } from '../../domain/letters/signature.js';
import type { EmbeddedCheck, SignatureView, VerifyView } from '../../usecases/letters/verify-letter.js';
import { L, when, type Lang } from '../i18n.js';
import { flash } from './components.js';
import { html, type Raw } from './html.js';
import { page, withLang } from './layout.js';
import { letterDate } from './letters-views.js';

const STATE: Record<VerifyView['status'], [string, string, string]> = {
  valid: ['Asli dan berlaku', 'Genuine and valid', 'sla-on-time'],
  expired: ['Asli, masa berlaku telah habis', 'Genuine, validity has expired', 'sla-at-risk'],
  revoked: ['Asli, tetapi telah DICABUT', 'Genuine, but REVOKED', 'sla-late'],
  cancelled: ['Dibatalkan', 'Cancelled', 'sla-late'],
  'not-issued': ['Belum diterbitkan', 'Not issued', 'sla-late'],
};

/** The result of checking an uploaded file: it matches or not (with its hash and its own signature), or why there was none. */
export type FileCheck = { match: boolean; sha256: string; embedded?: EmbeddedCheck } | { error: string };

const CERT_STATE: Record<CertificateState, [string, string]> = {
  valid: ['Berlaku', 'In force'],
  'expired-after-signing': ['Masa berlakunya telah berakhir setelah penandatanganan (tanda tangan tetap sah)', 'Expired after signing (the signature stays valid)'],
  'revoked-after-signing': ['Dicabut SETELAH penandatanganan (tanda tangan ini tetap sah)', 'Revoked AFTER signing (this signature stays valid)'],
  'revoked-before-signing': ['Sudah DICABUT SEBELUM penandatanganan: tanda tangan ini TIDAK SAH', 'Already REVOKED BEFORE signing: this signature is NOT VALID'],
  unknown: ['Tidak tercatat di kantor ini', 'Not on record at this office'],
};

/** What the digital signature is and whether it holds: kind (certified or not), validity, signer, time, certificate. */
function signatureSection(lang: Lang, s: SignatureView | null, office: string): Raw {
  const heading = html`<h2 id="h-signature">${L(lang, 'Tanda tangan elektronik', 'Electronic signature')}</h2>`;
  if (!s)
    return html`<section aria-labelledby="h-signature">${heading}<p data-testid="signature-kind">${L(lang, 'Surat ini ditandatangani sebelum Sigap membubuhkan tanda tangan digital pada berkas PDF: keasliannya diperiksa dengan kode SHA-256 di bawah.', 'This letter was signed before Sigap put digital signatures into PDF files: check it by the SHA-256 below.')}</p></section>`;
  const kind =
    s.kind === 'certified'
      ? L(lang, `Tanda tangan elektronik tersertifikasi, dengan sertifikat elektronik dari ${s.provider ?? ''}.`, `Certified electronic signature, with an electronic certificate from ${s.provider ?? ''}.`)
      : L(
          lang,
          `Tanda tangan elektronik tidak tersertifikasi: sertifikatnya diterbitkan oleh ${office} sendiri (bukan oleh Penyelenggara Sertifikasi Elektronik), dan diverifikasi oleh ${office} di halaman ini.`,
          `Uncertified electronic signature: its certificate was issued by ${office} itself (not by a certification provider) and is verified by ${office} on this page.`,
        );
  // A provider's certificate is not on the office's books: its status is the provider's to tell.
  const [cid, cen] =
    s.kind === 'certified' && s.certificate.state === 'unknown'
      ? [`Diterbitkan oleh ${s.provider ?? ''}; statusnya diperiksa pada penyedia`, `Issued by ${s.provider ?? ''}; its status is checked with the provider`]
      : CERT_STATE[s.certificate.state];
  const bad = !s.intact || s.certificate.state === 'revoked-before-signing';
  return html`<section aria-labelledby="h-signature">${heading}
<p data-testid="signature-kind">${kind}</p>
<dl class="facts">
<div><dt>${L(lang, 'Keabsahan tanda tangan', 'Signature validity')}</dt><dd data-testid="signature-validity">${
    bad
      ? html`<span class="badge sla-late">${s.intact ? L(lang, 'TIDAK SAH', 'NOT VALID') : L(lang, 'TIDAK SAH: berkas tersimpan tidak cocok dengan tanda tangannya', 'NOT VALID: the stored file does not match its signature')}</span>`
      : html`<span class="badge sla-on-time">${L(lang, 'SAH: berkas utuh sejak ditandatangani', 'VALID: the file is unchanged since it was signed')}</span>`
  }</dd></div>
<div><dt>${L(lang, 'Penanda tangan (sertifikat)', 'Signer (certificate)')}</dt><dd data-testid="signature-signer">${s.signerName ?? '—'}</dd></div>
<div><dt>${L(lang, 'Waktu tanda tangan', 'Signing time')}</dt><dd>${when(lang, s.atLocal)}</dd></div>
<div><dt>${L(lang, 'Status sertifikat', 'Certificate status')}</dt><dd data-testid="certificate-state">${L(lang, cid, cen)}${
    s.certificate.revokedAt ? html`<br><span class="meta">${L(lang, 'Dicabut', 'Revoked')} ${letterDate(lang, s.certificate.revokedAt.slice(0, 10))}${s.certificate.reason ? html`: ${s.certificate.reason}` : ''}</span>` : ''
  }</dd></div>
<div><dt>${L(lang, 'Nomor seri sertifikat', 'Certificate serial')}</dt><dd><code style="word-break:break-all">${s.certificate.serial ?? '—'}</code></dd></div>
</dl>
<p><a href="${s.chainPath}" download data-testid="chain-link">${L(lang, 'Unduh rantai sertifikat (PEM)', 'Download the certificate chain (PEM)')}</a> <span class="meta">${L(lang, 'untuk memeriksa tanda tangan di aplikasi pembaca PDF.', 'to check the signature in a PDF reader.')}</span></p>
</section>`;
}

const embeddedLine = (lang: Lang, e: EmbeddedCheck | undefined) =>
  !e
    ? ''
    : html`<p data-testid="embedded-signature">${L(lang, 'Tanda tangan digital di dalam berkas ini', 'Digital signature inside this file')}: <strong>${
        !e.present ? L(lang, 'tidak ada', 'none') : e.intact ? L(lang, `utuh (${e.signerName ?? ''})`, `intact (${e.signerName ?? ''})`) : L(lang, 'RUSAK: isi berkas diubah setelah ditandatangani', 'BROKEN: the file was changed after signing')
      }</strong></p>`;

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
${signatureSection(lang, v.signature, v.office)}
<p class="meta">SHA-256: <code style="word-break:break-all">${v.sha256 ?? ''}</code></p>
<section aria-labelledby="h-check"><h2 id="h-check">${L(lang, 'Periksa berkas PDF', 'Check a PDF file')}</h2>
<p>${L(lang, 'Unggah berkas PDF surat ini untuk memastikan isinya sama persis (bit demi bit) dengan surat yang ditandatangani.', 'Upload the PDF of this letter to check it is byte-identical to the signed one.')}</p>
${check
  ? 'error' in check
    ? flash({ error: check.error })
    : check.match
      ? html`<div class="notice" role="status" data-testid="file-check"><p><strong>${L(lang, 'COCOK', 'MATCH')}</strong>: ${L(lang, 'berkas ini sama persis dengan surat yang ditandatangani.', 'this file is identical to the signed letter.')}</p>${embeddedLine(lang, check.embedded)}</div>`
      : html`<div class="error-summary" role="alert" data-testid="file-check"><p><strong>${L(lang, 'TIDAK COCOK', 'NO MATCH')}</strong>: ${L(lang, 'berkas ini BERBEDA dari surat yang ditandatangani (mungkin telah diubah).', 'this file DIFFERS from the signed letter (it may have been altered).')}</p>${embeddedLine(lang, check.embedded)}<p class="meta">SHA-256: ${check.sha256}</p></div>`
  : ''}
<form method="post" action="${withLang(path, lang)}" enctype="multipart/form-data" class="intake"><div class="field"><label for="f-pdf">${L(lang, 'Berkas PDF surat', 'Letter PDF file')}</label><input id="f-pdf" name="file" type="file" accept="application/pdf" required></div><button type="submit" class="primary">${L(lang, 'Periksa', 'Check')}</button></form></section>`,
  });
}
