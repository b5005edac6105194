/** The office admin's signing keys page: the office authority, each signer's certificates, revoke and issue. Pure. */
import type { Authority, CertificateListRow } from '../../db/signing-repo.js';
import { L, type Lang } from '../i18n.js';
import { flash } from './components.js';
import { html } from './html.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';
import { letterDate } from './letters-views.js';

export const KEYS_PATH = '/petugas/kunci-tanda-tangan';

export interface KeysScreen {
  authority: Authority | null;
  certificates: CertificateListRow[];
}

const state = (lang: Lang, c: CertificateListRow) =>
  c.revoked_at
    ? html`<span class="badge sla-late">${L(lang, 'Dicabut', 'Revoked')} ${letterDate(lang, c.revoked_at.slice(0, 10))}</span><br><span class="meta">${c.revocation_reason ?? ''}</span>`
    : c.superseded_at
      ? html`<span class="badge sla-at-risk">${L(lang, 'Diganti', 'Superseded')}</span>`
      : html`<span class="badge sla-on-time">${L(lang, 'Berlaku', 'In force')}</span>`;

export function keysPage(shell: StaffShell, screen: KeysScreen, msg: { ok?: string; error?: string }): string {
  const { lang } = shell;
  const title = L(lang, 'Kunci tanda tangan elektronik', 'Electronic signing keys');
  const latest = new Map<string, CertificateListRow>();
  for (const c of screen.certificates) if ((latest.get(c.username)?.generation ?? 0) < c.generation) latest.set(c.username, c);
  const rows = screen.certificates.map(
    (c) => html`<tr><td>${c.common_name}<br><span class="meta">${c.username}</span></td><td><code style="word-break:break-all">${c.serial}</code></td><td>${letterDate(lang, c.not_after.slice(0, 10))}</td><td>${state(lang, c)}</td><td>${
      !c.revoked_at
        ? html`<form method="post" action="${withLang(`${KEYS_PATH}/cabut`, lang)}">${csrfField(shell)}<input type="hidden" name="serial" value="${c.serial}"><div class="field"><label for="r-${c.serial}">${L(lang, 'Alasan pencabutan', 'Reason for revoking')}</label><input id="r-${c.serial}" name="reason" required minlength="5" maxlength="500"></div><button type="submit">${L(lang, 'Cabut', 'Revoke')}</button></form>`
        : latest.get(c.username) === c
          ? html`<form method="post" action="${withLang(`${KEYS_PATH}/terbitkan`, lang)}">${csrfField(shell)}<input type="hidden" name="username" value="${c.username}"><button type="submit">${L(lang, 'Terbitkan sertifikat baru', 'Issue a new certificate')}</button></form>`
          : ''
    }</td></tr>`,
  );
  const body = html`<h1>${title}</h1>${flash(msg)}
<p>${L(lang, 'Surat ditandatangani dengan sertifikat dari otoritas sertifikat Dinas sendiri (tanda tangan elektronik tidak tersertifikasi). Mencabut sertifikat menghentikan tanda tangan berikutnya; surat yang ditandatangani sebelumnya tetap sah.', 'Letters are signed with certificates from the office’s own authority (uncertified electronic signatures). Revoking a certificate stops its further signatures; letters it signed before stay valid.')}</p>
<p class="meta">${screen.authority ? html`${L(lang, 'Otoritas', 'Authority')}: ${screen.authority.common_name} · <code>${screen.authority.serial}</code> · ${L(lang, 'berlaku s.d.', 'valid until')} ${letterDate(lang, screen.authority.not_after.slice(0, 10))}` : L(lang, 'Otoritas dibuat pada tanda tangan pertama.', 'The authority is made at the first signature.')}</p>
<div class="table-wrap" tabindex="0"><table class="queue"><caption>${L(lang, 'Sertifikat penanda tangan', 'Signer certificates')}</caption><thead><tr><th scope="col">${L(lang, 'Penanda tangan', 'Signer')}</th><th scope="col">${L(lang, 'Nomor seri', 'Serial')}</th><th scope="col">${L(lang, 'Berlaku s.d.', 'Valid until')}</th><th scope="col">Status</th><th scope="col">${L(lang, 'Tindakan', 'Action')}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
  return staffPage(shell, { title, path: KEYS_PATH, body });
}
