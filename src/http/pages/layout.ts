/** The page frame (public and staff) and the site stylesheet. Pure: data in, HTML out. */
import { L, t, type Lang } from '../i18n.js';
import { html, type Raw } from './html.js';

export interface PageOptions {
  lang: Lang;
  title: string;
  /** Path of this page without query, for the language switch. */
  path: string;
  body: Raw;
  breadcrumbs?: { href: string; label: string }[];
}

export const withLang = (href: string, lang: Lang) => (lang === 'en' ? `${href}${href.includes('?') ? '&' : '?'}lang=en` : href);

export function page(o: PageOptions): string {
  const other: Lang = o.lang === 'id' ? 'en' : 'id';
  return (
    '<!doctype html>' +
    html`<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} · Sigap</title>
<link rel="stylesheet" href="/assets/site.css">
</head>
<body>
<a class="skip" href="#main">${t(o.lang, 'skip')}</a>
<header class="site">
  <a class="brand" href="${withLang('/', o.lang)}">Sigap</a>
  <nav aria-label="${o.lang === 'id' ? 'Navigasi utama' : 'Main navigation'}">
    <a href="${withLang('/', o.lang)}">${t(o.lang, 'home')}</a>
    <a href="/api/v1/docs">${t(o.lang, 'apiDocs')}</a>
    <a href="${withLang(o.path, other)}" lang="${other}" hreflang="${other}">${t(o.lang, 'language')}</a>
  </nav>
</header>
${o.breadcrumbs?.length
  ? html`<nav class="crumbs" aria-label="${o.lang === 'id' ? 'Jejak halaman' : 'Breadcrumb'}"><ol>${o.breadcrumbs.map(
      (b) => html`<li><a href="${withLang(b.href, o.lang)}">${b.label}</a></li>`,
    )}<li aria-current="page">${o.title}</li></ol></nav>`
  : ''}
<main id="main" tabindex="-1">
${o.body}
</main>
<footer class="site"><p>Sigap · ${o.lang === 'id' ? 'perangkat lunak sumber terbuka untuk Dinas Sosial' : 'open-source software for social affairs offices'}</p></footer>
</body>
</html>`.html
  );
}

export function notFoundPage(lang: Lang, path: string): string {
  return page({ lang, title: t(lang, 'notFound'), path, body: html`<h1>${t(lang, 'notFound')}</h1><p><a href="${withLang('/', lang)}">${t(lang, 'home')}</a></p>` });
}

/** A request that could not be served, said in the page's language (never a raw JSON body). */
export function errorPage(lang: Lang, status: number, message: string): string {
  const title = status >= 500 ? L(lang, 'Terjadi kesalahan', 'Something went wrong') : L(lang, 'Permintaan tidak dapat diproses', 'The request could not be processed');
  return page({ lang, title, path: '/', body: html`<h1>${title}</h1><p role="alert">${message}</p><p><a href="${withLang('/', lang)}">${t(lang, 'home')}</a></p>` });
}

/** What every staff page frame needs: the language, who is signed in, the CSRF token for its forms. */
export interface StaffShell {
  lang: Lang;
  displayName: string;
  csrf: string;
  /** The officer's roles: the menu shows an entry only to the roles it serves (the server still decides). */
  roles?: readonly string[];
}

/** The hidden CSRF field every staff form carries. */
export const csrfField = (shell: Pick<StaffShell, 'csrf'>) => html`<input type="hidden" name="_csrf" value="${shell.csrf}">`;

export function staffNav(shell: StaffShell): Raw {
  const { lang } = shell;
  return html`<nav class="staff-nav" aria-label="${L(lang, 'Menu petugas', 'Staff menu')}"><a href="${withLang('/petugas', lang)}">${L(lang, 'Antrean saya', 'My queue')}</a>
<a href="${withLang('/petugas/daftar-baru', lang)}">${L(lang, 'Daftarkan permohonan', 'Register application')}</a>
<a href="${withLang('/petugas/supervisi', lang)}">${L(lang, 'Supervisi', 'Supervision')}</a>
<a href="${withLang('/petugas/surat', lang)}">${L(lang, 'Surat', 'Letters')}</a>
<a href="${withLang('/petugas/registri', lang)}">${L(lang, 'Registri DTKS', 'DTKS registry')}</a>
<a href="${withLang('/petugas/pengaduan', lang)}">${L(lang, 'Pengaduan', 'Complaints')}</a>
<a href="${withLang('/petugas/survei', lang)}">${L(lang, 'Survei (SKM)', 'Survey (SKM)')}</a>
${shell.roles?.includes('admin') ? html`<a href="${withLang('/petugas/kalender', lang)}">${L(lang, 'Jam & hari libur', 'Hours & holidays')}</a>` : ''}
<form method="post" action="/keluar" class="inline">${csrfField(shell)}<button type="submit">${L(lang, 'Keluar', 'Sign out')}</button></form>
<span class="meta">${shell.displayName}</span></nav>`;
}

/** A back-office page: the site frame with the staff menu above the body. */
export function staffPage(shell: StaffShell, o: Omit<PageOptions, 'lang'>): string {
  return page({ ...o, lang: shell.lang, body: html`${staffNav(shell)}${o.body}` });
}

/** Mobile-first, high-contrast, no client script; print rules make a one-page leaflet. */
export const SITE_CSS = `
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;line-height:1.5;color:#111827;background:#fff}
body{margin:0}
a{color:#0b4ea2}
a:focus-visible,button:focus-visible,summary:focus-visible{outline:3px solid #b45309;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#111827;color:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:0}
header.site{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between;padding:.75rem 1rem;background:#0b3d2e;color:#fff}
header.site a{color:#fff}
header.site nav{display:flex;gap:1rem;flex-wrap:wrap}
.brand{font-weight:700;font-size:1.2rem;text-decoration:none}
.crumbs ol{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem;margin:0;padding:.5rem 1rem;font-size:.9rem;background:#f3f4f6}
.crumbs li+li::before{content:"›";margin-right:.25rem;color:#4b5563}
main{padding:1rem;max-width:60rem;margin:0 auto}
main:focus{outline:none}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem;border-bottom:2px solid #e5e7eb;padding-bottom:.25rem}
h3{font-size:1.05rem;margin:1rem 0 .25rem}
.cards{list-style:none;padding:0;display:grid;gap:.75rem;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr))}
.cards li{border:1px solid #d1d5db;border-radius:.5rem;padding:.75rem}
.cards a{font-weight:600}
.meta{color:#374151;font-size:.9rem}
.facts{display:grid;gap:.5rem;grid-template-columns:1fr;margin:0}
.facts div{border-left:4px solid #0b3d2e;padding:.25rem .75rem;background:#f9fafb}
.facts dt{font-weight:600}
.facts dd{margin:0}
@media(min-width:40rem){.facts{grid-template-columns:repeat(3,1fr)}}
.checklist{list-style:none;padding:0}
.checklist li{padding:.25rem 0 .25rem 1.75rem;position:relative}
.checklist li::before{content:"";position:absolute;left:0;top:.45rem;width:1rem;height:1rem;border:2px solid #111827;border-radius:2px}
.notice{background:#fff7e6;border:1px solid #b45309;padding:.5rem .75rem;border-radius:.25rem}
.components{border-collapse:collapse;width:100%}
.components th,.components td{border:1px solid #d1d5db;padding:.5rem;vertical-align:top;text-align:left}
.components th[scope=row]{width:30%;background:#f9fafb}
.flow{overflow-x:auto;border:1px solid #e5e7eb;padding:.5rem}
.flow svg{max-width:100%;height:auto}
.hours{margin:0;padding-left:1.25rem}
footer.site{padding:1rem;color:#374151;font-size:.85rem;border-top:1px solid #e5e7eb;margin-top:2rem}
.print-btn{display:inline-block;margin:.5rem 0}
form.intake{max-width:40rem}
fieldset{border:1px solid #d1d5db;border-radius:.5rem;margin:0 0 1rem;padding:.75rem}
legend{font-weight:700;padding:0 .25rem}
.field{margin:0 0 .75rem}
.field label,.field .label{display:block;font-weight:600;margin-bottom:.25rem}
.field.check,.check{display:flex;gap:.5rem;align-items:center}
.field.check label,.check label{font-weight:400;margin:0}
input[type=text],input:not([type]),input[type=tel],input[type=email],input[type=number],input[type=date],input[type=password],select,textarea{width:100%;font:inherit;padding:.55rem .6rem;border:2px solid #4b5563;border-radius:.35rem;background:#fff;color:#111827}
input[type=file]{font:inherit;max-width:100%}
input[aria-invalid=true]{border-color:#b91c1c}
.help{color:#374151;font-size:.9rem;margin:.1rem 0 .35rem}
.field-error{color:#b91c1c;font-weight:600;margin:.25rem 0 0}
.error-summary{border:3px solid #b91c1c;padding:.5rem 1rem;margin:0 0 1rem;border-radius:.35rem;background:#fef2f2}
.error-summary h2{border:none;margin:.25rem 0;color:#991b1b}
button,.button{font:inherit;padding:.6rem 1rem;border-radius:.35rem;border:2px solid #0b3d2e;background:#fff;color:#0b3d2e;cursor:pointer;text-decoration:none;display:inline-block;min-height:44px}
button.primary,.button{background:#0b3d2e;color:#fff}
button.return{border-color:#92400e;color:#92400e}
button.reject{border-color:#991b1b;color:#991b1b}
.outcomes{display:flex;flex-wrap:wrap;gap:.5rem}
.receipt{border:2px dashed #0b3d2e;padding:1rem;border-radius:.5rem}
.big{font-size:1.4rem;letter-spacing:.05em}
.staff-nav{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;padding:.5rem 0;border-bottom:1px solid #e5e7eb;margin-bottom:.5rem}
form.inline{display:inline}
.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:.5rem 0}
.filters select{width:auto;max-width:min(100%,18rem)}
.table-wrap{overflow-x:auto}
table.queue{border-collapse:collapse;width:100%;font-size:.95rem}
table.queue th,table.queue td{border-bottom:1px solid #e5e7eb;padding:.45rem;text-align:left;vertical-align:top}
table.queue caption{text-align:left;color:#374151;padding:.25rem 0}
.badge{display:inline-block;padding:.1rem .45rem;border-radius:1rem;font-size:.8rem;font-weight:700;border:1px solid currentColor}
.sla-on-time{color:#166534}.sla-at-risk{color:#92400e}.sla-late{color:#991b1b}.sla-paused,.sla-not-started,.sla-closed{color:#374151}
.timeline{padding-left:1.25rem}.timeline li{margin:.35rem 0}
.secondary-form{margin-top:1.5rem}
.sr-only{position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
input[type=time]{font:inherit;padding:.45rem .5rem;border:2px solid #4b5563;border-radius:.35rem;background:#fff;color:#111827;max-width:100%}
form .days{display:grid;gap:0 1rem;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr))}
fieldset.day .band{display:flex;flex-wrap:wrap;gap:0 1rem}
fieldset.day .field-error{margin:0 0 .5rem}
fieldset.day .field{margin-bottom:.5rem}
@media print{
  header.site,footer.site,.crumbs,.skip,.print-btn,.no-print{display:none!important}
  main{padding:0;max-width:none}
  body{font-size:10pt;color:#000}
  a{color:#000;text-decoration:none}
  h1{font-size:14pt;margin:0 0 .3rem}
  h2{font-size:11pt;margin:.5rem 0 .2rem;border-bottom:1px solid #000}
  .facts{grid-template-columns:repeat(3,1fr)}
  .facts div{background:none;border-left:2px solid #000}
  .flow{border:none;padding:0;page-break-inside:avoid}
  .flow svg{max-height:11cm;width:auto}
  details.components-all{display:none}
  @page{size:A4;margin:12mm}
}
`;
