/** One letter for staff: its facts, PDF, the actions its status allows (number, sign, revoke, cancel) and its history. Pure. */
import { isUnsigned } from '../../domain/letters/status.js';
import type { LetterRecord } from '../../usecases/letters/show-letter.js';
import { L } from '../i18n.js';
import { flash } from './components.js';
import { html } from './html.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';
import { letterDate, statusBadge, type Flash } from './letters-views.js';

/** A letter event's name in the page's language (the stored type when unknown). */
const EVENT_NAMES: Record<string, [string, string]> = {
  drafted: ['disusun', 'drafted'],
  redrafted: ['disusun ulang', 'redrafted'],
  numbered: ['diberi nomor', 'numbered'],
  ready: ['menunggu tanda tangan', 'ready for signature'],
  signed: ['ditandatangani', 'signed'],
  revoked: ['dicabut', 'revoked'],
  cancelled: ['dibatalkan', 'cancelled'],
};
const eventName = (lang: 'id' | 'en', type: string) => (EVENT_NAMES[type] ? L(lang, ...EVENT_NAMES[type]) : type);

export function letterPage(shell: StaffShell, r: LetterRecord, msg: Flash): string {
  const { lang } = shell;
  const l = r.letter;
  const signer = l.signer;
  const path = `/petugas/surat/${l.id}`;
  const csrf = csrfField(shell);
  const body = html`<h1>${l.title} ${l.number ?? ''}</h1>${flash(msg)}
<p>${statusBadge(lang, l.status)} <a href="${withLang(`/petugas/berkas/${l.application_id}`, lang)}">${r.registrationNumber ?? ''}</a></p>
<dl class="facts">
<div><dt>${L(lang, 'Nomor', 'Number')}</dt><dd data-testid="letter-number">${l.number ?? L(lang, '(belum bernomor)', '(unnumbered)')}</dd></div>
<div><dt>${L(lang, 'Perihal', 'Subject')}</dt><dd>${l.subject}</dd></div>
<div><dt>${L(lang, 'Atas nama', 'Holder')}</dt><dd>${l.holder_name}</dd></div>
<div><dt>${L(lang, 'Layanan', 'Service')}</dt><dd>${r.serviceName}</dd></div>
<div><dt>${L(lang, 'Tanggal surat', 'Date')}</dt><dd>${letterDate(lang, l.issued_on)}</dd></div>
<div><dt>${L(lang, 'Berlaku s.d.', 'Valid until')}</dt><dd>${l.valid_until ? letterDate(lang, l.valid_until) : '—'}</dd></div>
<div><dt>${L(lang, 'Penanda tangan', 'Signer')}</dt><dd>${signer ? html`${signer.position.join(' ')} ${signer.name}` : L(lang, `${r.signerRoleName} (peran: ${l.signer_role}) — belum ditandatangani`, `${r.signerRoleName} (role: ${l.signer_role}) — not signed yet`)}</dd></div>
${l.sha256 ? html`<div><dt>SHA-256</dt><dd><code style="word-break:break-all">${l.sha256}</code></dd></div>` : ''}
${l.revocation_reason ? html`<div><dt>${L(lang, 'Alasan pencabutan/pembatalan', 'Revocation/cancellation reason')}</dt><dd>${l.revocation_reason}</dd></div>` : ''}
</dl>
<p><a class="button" href="${withLang(`${path}/pdf`, lang)}">${l.sha256 ? L(lang, 'Unduh / cetak PDF', 'Download / print PDF') : L(lang, 'Pratinjau DRAF (PDF) — surat seperti akan ditandatangani', 'DRAFT preview (PDF) — the letter as it will be signed')}</a>${l.signed_at ? html` <a href="/v/${l.token}">${L(lang, 'Halaman verifikasi', 'Verification page')}</a>` : ''}</p>
${isUnsigned(l.status) && !l.number ? html`<form method="post" action="${withLang(`${path}/nomori`, lang)}">${csrf}<button type="submit">${L(lang, 'Beri nomor', 'Assign number')}</button></form>` : ''}
${l.status === 'ready'
  ? html`<form method="post" action="${withLang('/petugas/surat/tandatangani', lang)}" class="intake">${csrf}<input type="hidden" name="id" value="${l.id}"><div class="field"><label for="f-pass">${L(lang, 'Kata sandi (konfirmasi penandatanganan)', 'Password (signing confirmation)')}</label><input id="f-pass" name="password" type="password" autocomplete="current-password" required></div><button type="submit" class="primary">${L(lang, 'Tandatangani', 'Sign')}</button></form>`
  : ''}
${l.status === 'signed'
  ? html`<details><summary>${L(lang, 'Cabut surat', 'Revoke letter')}</summary><form method="post" action="${withLang(`${path}/cabut`, lang)}" class="intake">${csrf}<div class="field"><label for="f-rr">${L(lang, 'Alasan pencabutan (tampil di halaman verifikasi)', 'Reason (shown on the verification page)')}</label><textarea id="f-rr" name="reason" rows="3" required></textarea></div><div class="field"><label for="f-rep">${L(lang, 'Nomor surat pengganti (jika ada)', 'Replacing letter number (optional)')}</label><input id="f-rep" name="replacedBy"></div><button type="submit" class="reject">${L(lang, 'Cabut', 'Revoke')}</button></form></details>`
  : ''}
${isUnsigned(l.status)
  ? html`<details><summary>${L(lang, 'Batalkan surat', 'Cancel letter')}</summary><form method="post" action="${withLang(`${path}/batal`, lang)}" class="intake">${csrf}<div class="field"><label for="f-cr">${L(lang, 'Alasan pembatalan', 'Reason')}</label><textarea id="f-cr" name="reason" rows="3" required></textarea></div><button type="submit" class="reject">${L(lang, 'Batalkan', 'Cancel')}</button></form></details>`
  : ''}
<section aria-labelledby="h-hist"><h2 id="h-hist">${L(lang, 'Riwayat surat', 'Letter history')}</h2><ol class="timeline">${r.events.map((e) => html`<li><time datetime="${e.at}">${e.localAt}</time> · <strong>${eventName(lang, e.type)}</strong> · ${e.actor}</li>`)}</ol></section>`;
  return staffPage(shell, { title: `${l.title} ${l.number ?? ''}`, path, body });
}

/** No such letter in the officer's office (the message is the use case's). */
export function letterNotFoundPage(shell: StaffShell, message: string): string {
  return staffPage(shell, { title: '404', path: '/petugas/surat', body: html`<h1>${message}</h1>` });
}
