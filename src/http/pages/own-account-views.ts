/** The signed-in officer's own password change page (/petugas/akun/sandi). Pure: (shell, data) → HTML. */
import type { Problem } from '../../domain/errors.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../domain/staff/password-policy.js';
import { L } from '../i18n.js';
import { errorSummary, errorIdOf, fieldError, flash } from './components.js';
import { html } from './html.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';

export const OWN_PASSWORD_PATH = '/petugas/akun/sandi';

export function ownPasswordPage(shell: StaffShell, notes: { ok?: string; problems?: readonly Problem[] } = {}): string {
  const { lang } = shell;
  const problems = notes.problems ?? [];
  const heading = L(lang, 'Ganti kata sandi', 'Change your password');
  const field = (name: string, label: [string, string], autocomplete: string, help?: [string, string]) => {
    const invalid = problems.some((p) => p.field === name);
    const helpId = `help-${name}`;
    const describedBy = [invalid ? errorIdOf(name) : '', help ? helpId : ''].filter(Boolean).join(' ');
    return html`<div class="field"><label for="f-${name}">${L(lang, ...label)}</label>${help ? html`<p class="help" id="${helpId}">${L(lang, ...help)}</p>` : ''}<input id="f-${name}" type="password" name="${name}" autocomplete="${autocomplete}" required maxlength="${MAX_PASSWORD_LENGTH}"${autocomplete === 'new-password' ? html` minlength="${MIN_PASSWORD_LENGTH}"` : ''}${invalid ? html` aria-invalid="true"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}>${fieldError(lang, problems, name)}</div>`;
  };
  const body = html`<h1>${heading}</h1>
<p class="meta">${shell.displayName}</p>
${flash({ ok: notes.ok })}
${errorSummary(lang, problems)}
<p>${L(lang, 'Setelah diganti, semua sesi dan token API Anda yang lain berakhir (perangkat lain harus masuk lagi); sesi ini tetap masuk.', 'Once changed, every other session and API token of yours ends (other devices must sign in again); this session stays signed in.')}</p>
<form method="post" action="${withLang(OWN_PASSWORD_PATH, lang)}" class="intake">${csrfField(shell)}
${field('currentPassword', ['Kata sandi saat ini', 'Current password'], 'current-password')}
${field('newPassword', ['Kata sandi baru', 'New password'], 'new-password', [`Minimal ${MIN_PASSWORD_LENGTH} karakter dan sulit ditebak: beberapa kata acak, bukan nama, nama kantor, tanggal atau pola papan ketik.`, `At least ${MIN_PASSWORD_LENGTH} characters and hard to guess: several random words, not a name, the office's name, a date or a keyboard pattern.`])}
${field('confirmPassword', ['Ulangi kata sandi baru', 'Repeat the new password'], 'new-password')}
<button type="submit" class="primary">${heading}</button></form>`;
  return staffPage(shell, { title: heading, path: OWN_PASSWORD_PATH, body });
}
