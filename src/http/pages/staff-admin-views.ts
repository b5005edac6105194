/**
 * The office admin's staff accounts pages (/petugas/akun): the accounts with what locks them, the
 * form that adds one, and one account's page with its actions (roles, password reset, unlock,
 * revoke sessions, disable / re-enable). Pure: (shell, data) → HTML.
 */
import type { Problem } from '../../domain/errors.js';
import { MIN_PASSWORD_LENGTH } from '../../domain/staff/password-policy.js';
import type { AccountListing, AccountsOverview } from '../../usecases/staff/list-accounts.js';
import { L, type Lang } from '../i18n.js';
import { errorSummary, fieldError, flash, invalidAttrs } from './components.js';
import { html, type Raw } from './html.js';
import { outboxLine } from './notifications-views.js';
import type { OutboxStatus } from '../../usecases/notifications/outbox-status.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';

export const ACCOUNTS_PATH = '/petugas/akun';
export const accountPath = (username: string) => `${ACCOUNTS_PATH}/u/${encodeURIComponent(username)}`;

export interface FormNotes {
  ok?: string;
  problems?: readonly Problem[];
  values?: Record<string, string>;
  /** Which form of the account page the problems belong to. */
  form?: 'roles' | 'password' | 'email';
}

const title = (lang: Lang) => L(lang, 'Akun petugas', 'Staff accounts');
const roleName = (v: AccountsOverview, id: string) => v.roles.find((r) => r.id === id)?.name ?? id;

/** What an account's state is, as badges (active or disabled, locked, demo). */
export function accountBadges(lang: Lang, a: AccountListing): Raw {
  return html`${a.active ? html`<span class="badge sla-on-time">${L(lang, 'Aktif', 'Active')}</span>` : html`<span class="badge sla-late">${L(lang, 'Nonaktif', 'Disabled')}</span>`}
${a.lockedForAll ? html` <span class="badge sla-late">${L(lang, 'Terkunci — perlu admin', 'Locked — needs an admin')}</span>` : ''}
${a.lockedAddresses ? html` <span class="badge sla-at-risk">${L(lang, `Terkunci dari ${a.lockedAddresses} alamat`, `Locked from ${a.lockedAddresses} address${a.lockedAddresses > 1 ? 'es' : ''}`)}</span>` : ''}
${a.demo ? html` <span class="badge sla-closed">${L(lang, 'Akun demo', 'Demo account')}</span>` : ''}`;
}

export function accountsPage(shell: StaffShell, v: AccountsOverview, notes: FormNotes = {}, outbox?: OutboxStatus): string {
  const { lang } = shell;
  const body = html`<h1>${title(lang)}</h1>
<p class="meta">${v.officeName} · ${v.accounts.length} ${L(lang, 'akun', 'accounts')}</p>
${flash({ ok: notes.ok })}
${outbox ? outboxLine(lang, outbox) : ''}
<p><a class="button" href="${withLang(`${ACCOUNTS_PATH}/baru`, lang)}">${L(lang, 'Tambah akun', 'Add an account')}</a></p>
<ul class="cards" aria-label="${title(lang)}">${v.accounts.map(
    (a) => html`<li><a href="${withLang(accountPath(a.username), lang)}">${a.displayName}</a>
<p class="meta">${a.username}</p>
<p>${a.roles.map((r) => roleName(v, r)).join(', ')}</p>
<p>${accountBadges(lang, a)}</p></li>`,
  )}</ul>`;
  return staffPage(shell, { title: title(lang), path: ACCOUNTS_PATH, body });
}

/** Role checkboxes of a form, ticked from the values sent or the account's roles. */
function roleChoices(lang: Lang, v: AccountsOverview, ticked: (id: string) => boolean, problems: readonly Problem[]): Raw {
  return html`<fieldset${invalidAttrs(problems, 'roles')}><legend>${L(lang, 'Centang peran petugas ini', "Tick this officer's roles")}</legend>${fieldError(lang, problems, 'roles')}
${v.roles.map((r) => html`<div class="check"><input type="checkbox" id="role-${r.id}" name="role.${r.id}" value="true"${ticked(r.id) ? html` checked` : ''}><label for="role-${r.id}">${r.name}</label></div>`)}</fieldset>`;
}

const passwordHelp = (lang: Lang) =>
  html`<p class="help" id="pw-help">${L(lang, `Minimal ${MIN_PASSWORD_LENGTH} karakter dan sulit ditebak: beberapa kata acak, bukan nama, nama kantor, tanggal atau pola papan ketik. Sampaikan kepada petugas secara langsung.`, `At least ${MIN_PASSWORD_LENGTH} characters and hard to guess: several random words, not a name, the office's name, a date or a keyboard pattern. Hand it to the officer in person.`)}</p>`;

function passwordField(lang: Lang, problems: readonly Problem[], label: [string, string]): Raw {
  const invalid = problems.some((p) => p.field === 'password');
  return html`<div class="field"><label for="f-password">${L(lang, ...label)}</label>${passwordHelp(lang)}<input id="f-password" type="password" name="password" autocomplete="new-password" required minlength="${MIN_PASSWORD_LENGTH}" maxlength="200"${invalid ? html` aria-invalid="true" aria-describedby="err-password pw-help"` : html` aria-describedby="pw-help"`}>${fieldError(lang, problems, 'password')}</div>`;
}

export function addAccountPage(shell: StaffShell, v: AccountsOverview, notes: FormNotes = {}): string {
  const { lang } = shell;
  const problems = notes.problems ?? [];
  const val = (k: string) => notes.values?.[k] ?? '';
  const heading = L(lang, 'Tambah akun petugas', 'Add a staff account');
  const text = (id: string, name: string, label: [string, string], attrs: Raw, help?: [string, string]) =>
    html`<div class="field"><label for="${id}">${L(lang, ...label)}</label>${help ? html`<p class="help">${L(lang, ...help)}</p>` : ''}<input id="${id}" type="text" name="${name}" value="${val(name)}"${attrs}${invalidAttrs(problems, name)}>${fieldError(lang, problems, name)}</div>`;
  const body = html`<h1>${heading}</h1>
<p class="meta">${v.officeName}</p>
${errorSummary(lang, problems)}
<form method="post" action="${withLang(`${ACCOUNTS_PATH}/baru`, lang)}" class="intake">${csrfField(shell)}
${text('f-username', 'username', ['Nama pengguna', 'Username'], html` required maxlength="80" autocomplete="off" autocapitalize="none"`, ['Huruf kecil, angka, . _ @ -, misalnya rina.marlina', 'Lowercase letters, digits, . _ @ -, e.g. rina.marlina'])}
${text('f-displayName', 'displayName', ['Nama lengkap (dengan gelar)', 'Full name (with titles)'], html` required maxlength="120" autocomplete="off"`)}
${text('f-title', 'title', ['Jabatan (boleh kosong)', 'Position (optional)'], html` maxlength="200"`)}
${text('f-nip', 'nip', ['NIP (boleh kosong)', 'NIP, civil-service number (optional)'], html` maxlength="30" inputmode="numeric"`)}
${roleChoices(lang, v, (id) => val(`role.${id}`) === 'true', problems)}
${passwordField(lang, problems, ['Kata sandi awal', 'Initial password'])}
<button type="submit" class="primary">${L(lang, 'Tambah akun', 'Add the account')}</button></form>
<p><a href="${withLang(ACCOUNTS_PATH, lang)}">${L(lang, 'Kembali ke daftar akun', 'Back to the accounts')}</a></p>`;
  return staffPage(shell, { title: heading, path: `${ACCOUNTS_PATH}/baru`, body });
}

/** One account: its state and every action an admin may take on it, each a small form of its own. */
export function accountPage(shell: StaffShell, v: AccountsOverview, a: AccountListing, notes: FormNotes = {}): string {
  const { lang } = shell;
  const problems = notes.problems ?? [];
  const rolesProblems = notes.form === 'roles' ? problems : [];
  const passwordProblems = notes.form === 'password' ? problems : [];
  const emailProblems = notes.form === 'email' ? problems : [];
  const emailValue = notes.form === 'email' ? (notes.values?.email ?? '') : (a.email ?? '');
  const path = accountPath(a.username);
  const act = (to: string, label: [string, string], cls: string, help: [string, string]) =>
    html`<form method="post" action="${withLang(`${path}/${to}`, lang)}">${csrfField(shell)}<p class="help">${L(lang, ...help)}</p><button type="submit" class="${cls}">${L(lang, ...label)}</button></form>`;
  const body = html`<h1>${a.displayName}</h1>
<p class="meta">${a.username} · ${v.officeName}</p>
${flash({ ok: notes.ok })}
${errorSummary(lang, problems)}
<p>${accountBadges(lang, a)}</p>
${a.failuresSinceSignIn ? html`<p class="meta">${L(lang, `${a.failuresSinceSignIn} kali salah kata sandi sejak masuk terakhir.`, `${a.failuresSinceSignIn} wrong passwords since the last sign-in.`)}</p>` : ''}
<section aria-labelledby="h-roles"><h2 id="h-roles">${L(lang, 'Peran', 'Roles')}</h2>
<form method="post" action="${withLang(`${path}/peran`, lang)}">${csrfField(shell)}
${roleChoices(lang, v, (id) => (notes.form === 'roles' ? notes.values?.[`role.${id}`] === 'true' : a.roles.includes(id)), rolesProblems)}
<button type="submit" class="primary">${L(lang, 'Simpan peran', 'Save the roles')}</button></form></section>
<section aria-labelledby="h-email"><h2 id="h-email">${L(lang, 'E-mail kerja', 'Work e-mail')}</h2>
<form method="post" action="${withLang(`${path}/email`, lang)}">${csrfField(shell)}
<div class="field"><label for="f-email">${L(lang, 'Alamat e-mail (boleh kosong)', 'E-mail address (optional)')}</label><p class="help" id="email-help">${L(lang, 'Untuk pesan kerja: berkas hampir terlambat atau terlambat, eskalasi, penugasan. Hanya nomor, layanan, keadaan dan tautan; tanpa data pemohon. Kosongkan untuk berhenti.', 'For work messages: a case at risk or late, an escalation, an assignment. Only the number, service, state and a link; no applicant data. Leave empty to stop them.')}</p><input id="f-email" type="email" name="email" value="${emailValue}" maxlength="254" autocomplete="off" autocapitalize="none" spellcheck="false"${emailProblems.some((p) => p.field === 'email') ? html` aria-invalid="true" aria-describedby="err-email email-help"` : html` aria-describedby="email-help"`}>${fieldError(lang, emailProblems, 'email')}</div>
<button type="submit" class="primary">${L(lang, 'Simpan e-mail', 'Save the e-mail')}</button></form></section>
<section aria-labelledby="h-password"><h2 id="h-password">${L(lang, 'Atur ulang kata sandi', 'Reset the password')}</h2>
<p>${L(lang, 'Semua sesi dan token API akun ini berakhir, dan kuncinya dibuka.', "Every session and API token of this account ends, and its locks are lifted.")}</p>
<form method="post" action="${withLang(`${path}/sandi`, lang)}">${csrfField(shell)}
${passwordField(lang, passwordProblems, ['Kata sandi baru', 'New password'])}
<button type="submit" class="primary">${L(lang, 'Atur ulang', 'Reset')}</button></form></section>
<section aria-labelledby="h-access"><h2 id="h-access">${L(lang, 'Akses', 'Access')}</h2>
${a.lockedForAll || a.lockedAddresses ? act('buka-kunci', ['Buka kunci', 'Unlock'], 'primary', ['Hapus semua hitungan salah kata sandi akun ini, dari semua alamat.', "Clear every count of this account's wrong passwords, from every address."]) : ''}
${act('cabut-sesi', ['Cabut semua sesi dan token', 'Revoke every session and token'], '', ['Untuk perangkat yang hilang atau token yang bocor: akun keluar di mana saja, dan dapat masuk lagi.', 'For a lost device or a leaked token: the account is signed out everywhere, and may sign in again.'])}
${a.active
  ? act('nonaktifkan', ['Nonaktifkan akun', 'Disable the account'], 'reject', ['Untuk petugas yang pindah atau berhenti: tidak dapat masuk lagi, dan semua sesinya berakhir seketika.', 'For an officer who moved or left: cannot sign in any more, and every session ends at once.'])
  : act('aktifkan', ['Aktifkan lagi', 'Re-enable'], 'primary', ['Akun dapat masuk lagi dengan kata sandinya; atur ulang kata sandi bila ragu.', 'The account may sign in again with its password; reset the password if in doubt.'])}
</section>
<p><a href="${withLang(ACCOUNTS_PATH, lang)}">${L(lang, 'Kembali ke daftar akun', 'Back to the accounts')}</a></p>`;
  return staffPage(shell, { title: `${a.displayName} · ${title(lang)}`, path, body });
}

export function accountsRefusedPage(shell: StaffShell, message: string, status: 'forbidden' | 'not-found' = 'forbidden'): string {
  const body = html`<h1>${title(shell.lang)}</h1><p role="alert">${message}</p>${status === 'not-found' ? html`<p><a href="${withLang(ACCOUNTS_PATH, shell.lang)}">${L(shell.lang, 'Kembali ke daftar akun', 'Back to the accounts')}</a></p>` : ''}`;
  return staffPage(shell, { title: title(shell.lang), path: ACCOUNTS_PATH, body });
}
