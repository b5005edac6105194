/** The staff sign-in page. Pure: (lang, data) → HTML. */
import { L, type Lang } from '../i18n.js';
import { html } from './html.js';
import { page, withLang } from './layout.js';

export function signInPage(lang: Lang, form: { next: string; error?: string; username?: string; csrf: string }): string {
  return page({
    lang,
    title: L(lang, 'Masuk petugas', 'Staff sign-in'),
    path: '/masuk',
    body: html`<h1>${L(lang, 'Masuk petugas', 'Staff sign-in')}</h1>
${form.error ? html`<div class="error-summary" role="alert"><p>${form.error}</p></div>` : ''}
<form method="post" action="${withLang('/masuk', lang)}" class="intake"><input type="hidden" name="next" value="${form.next}"><input type="hidden" name="_csrf" value="${form.csrf}">
<div class="field"><label for="f-user">${L(lang, 'Nama pengguna', 'Username')}</label><input id="f-user" name="username" autocomplete="username" required value="${form.username ?? ''}"></div>
<div class="field"><label for="f-pass">${L(lang, 'Kata sandi', 'Password')}</label><input id="f-pass" name="password" type="password" autocomplete="current-password" required></div>
<button type="submit" class="primary">${L(lang, 'Masuk', 'Sign in')}</button></form>`,
  });
}
