/** The page frame (public and staff) and the site stylesheet. Pure: data in, HTML out. */
import { L, t, type Lang } from '../i18n.js';
import type { Permission } from '../../domain/staff/permissions.js';
import { html, type Raw } from './html.js';

export interface PageOptions {
  lang: Lang;
  title: string;
  /** Path of this page without query, for the language switch. */
  path: string;
  body: Raw;
  breadcrumbs?: { href: string; label: string }[];
  /** A signed-in officer's page: the footer does not offer to sign in again. */
  signedIn?: boolean;
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
<script src="/assets/site.js" defer></script>
<link rel="icon" href="/favicon.ico" type="image/svg+xml">
</head>
<body>
<a class="skip" href="#main">${t(o.lang, 'skip')}</a>
<header class="site">
  <a class="brand" href="${withLang('/', o.lang)}">Sigap</a>
  <nav aria-label="${o.lang === 'id' ? 'Navigasi utama' : 'Main navigation'}">
    <a href="${withLang('/', o.lang)}">${t(o.lang, 'home')}</a>
    <a href="${withLang('/lacak', o.lang)}">${L(o.lang, 'Lacak permohonan', 'Track application')}</a>
    <a href="${withLang('/pengaduan', o.lang)}">${L(o.lang, 'Lacak pengaduan', 'Track complaint')}</a>
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
<footer class="site"><p>Sigap · ${o.lang === 'id' ? 'perangkat lunak sumber terbuka untuk Dinas Sosial' : 'open-source software for social affairs offices'}</p>
<p class="footer-links">${o.signedIn ? '' : html`<a href="${withLang('/masuk', o.lang)}">${L(o.lang, 'Masuk petugas', 'Staff sign-in')}</a> `}<a href="/api/v1/docs">${t(o.lang, 'apiDocs')}</a></p></footer>
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
  /** What the officer's roles may do in their office (domain/staff/permissions.ts), for the menu. */
  allowed?: readonly Permission[];
}

/** The hidden CSRF field every staff form carries. */
export const csrfField = (shell: Pick<StaffShell, 'csrf'>) => html`<input type="hidden" name="_csrf" value="${shell.csrf}">`;

export function staffNav(shell: StaffShell): Raw {
  const { lang } = shell;
  // An entry only for the permissions it serves (the server decides anyway); a shell that does
  // not say (a view test) shows every entry but the admin's.
  const can = (p: Permission) => (shell.allowed ? shell.allowed.includes(p) : p === 'calendar.admin' || p === 'accounts.admin' ? !!shell.roles?.includes('admin') : true);
  const link = (p: Permission, href: string, id: string, en: string) => (can(p) ? html`<a href="${withLang(href, lang)}">${L(lang, id, en)}</a>\n` : '');
  return html`<nav class="staff-nav" aria-label="${L(lang, 'Menu petugas', 'Staff menu')}"><a href="${withLang('/petugas', lang)}">${L(lang, 'Antrean saya', 'My queue')}</a>
${link('applications.read', '/petugas/cari', 'Cari berkas', 'Find cases')}${link('applications.register', '/petugas/daftar-baru', 'Daftarkan permohonan', 'Register application')}${link('applications.supervise', '/petugas/supervisi', 'Supervisi', 'Supervision')}${link('calls.record', '/petugas/panggilan', 'Panggilan', 'Calls')}${link('oversight.read', '/petugas/dasbor', 'Dasbor', 'Dashboard')}${link('oversight.read', '/petugas/evaluasi', 'Evaluasi standar', 'Standard evaluation')}${link('emergency.read', '/petugas/darurat', 'Darurat', 'Emergencies')}${link('logistics.read', '/petugas/logistik', 'Logistik bencana', 'Disaster logistics')}${link('shelters.read', '/petugas/rumah-singgah', 'Rumah singgah', 'Shelter')}${link('letters.read', '/petugas/surat', 'Surat', 'Letters')}${link('registry.lookup', '/petugas/registri', 'Registri DTKS', 'DTKS registry')}${link('programmes.read', '/petugas/program', 'Program bantuan', 'Assistance programmes')}${can('complaints.read') ? link('complaints.read', '/petugas/pengaduan', 'Pengaduan', 'Complaints') : link('complaints.record', '/petugas/pengaduan/baru', 'Catat pengaduan', 'Record a complaint')}${link('surveys.overview', '/petugas/survei', 'Survei (SKM)', 'Survey (SKM)')}${link('calendar.admin', '/petugas/kalender', 'Jam & hari libur', 'Hours & holidays')}${link('accounts.admin', '/petugas/akun', 'Akun petugas', 'Staff accounts')}${link('privacy.read', '/petugas/privasi', 'Data pribadi (PDP)', 'Personal data')}${link('audit.read', '/petugas/audit', 'Jejak audit', 'Audit trail')}${link('signing.keys', '/petugas/kunci-tanda-tangan', 'Kunci tanda tangan', 'Signing keys')}${link('notifications.configure', '/petugas/notifikasi', 'Notifikasi', 'Notifications')}${link('system.status', '/petugas/sistem', 'Status sistem', 'System status')}<a href="${withLang('/petugas/hak-akses', lang)}">${L(lang, 'Hak akses', 'Permissions')}</a>
<form method="post" action="/keluar" class="inline">${csrfField(shell)}<button type="submit">${L(lang, 'Keluar', 'Sign out')}</button></form>
<span class="meta">${shell.displayName}</span>
<a href="${withLang('/petugas/akun/sandi', lang)}">${L(lang, 'Ganti kata sandi', 'Change password')}</a></nav>`;
}

/** A back-office page: the site frame with the staff menu above the body. */
export function staffPage(shell: StaffShell, o: Omit<PageOptions, 'lang'>): string {
  return page({ ...o, lang: shell.lang, signedIn: true, body: html`${staffNav(shell)}${o.body}` });
}

/** The site icon: Sigap's green with a white check mark, small enough to send with every first visit. */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b3d2e"/><path d="M8 17l5 5 11-12" fill="none" stroke="#fff" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/></svg>';

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
input[type=text],input[type=search],input:not([type]),input[type=tel],input[type=email],input[type=number],input[type=date],input[type=datetime-local],input[type=password],select,textarea{width:100%;font:inherit;padding:.55rem .6rem;border:2px solid #4b5563;border-radius:.35rem;background:#fff;color:#111827}
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
.tally ul,.quick ul{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem;padding:0;margin:.5rem 0}
.tally a,.quick a,.pager a{display:inline-flex;align-items:center;gap:.35rem;min-height:44px;padding:.35rem .7rem;border:1px solid #9ca3af;border-radius:.35rem;text-decoration:none}
.tally a[aria-current],.quick a[aria-current]{border:2px solid #0b3d2e;background:#ecfdf5;font-weight:600}
.pager{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin:1rem 0}
form.filters>div{min-width:0;max-width:100%}form.filters>div>label{display:block;font-weight:600}form.filters>div>select{width:18rem;max-width:100%}
form.search{max-width:40rem;margin-bottom:.5rem}
table.stack td:first-child a,table.stack .badge{white-space:nowrap}
@media(max-width:40rem){table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}table.stack tr{display:block;border-bottom:1px solid #d1d5db;padding:.35rem 0}table.stack td{display:block;border:none;padding:.1rem .25rem}table.stack td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:#374151}}
details.more{margin:0 0 .75rem}details.more summary{cursor:pointer;padding:.65rem 0;font-weight:600;color:#0b4ea2}
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
/* intake: kept uploads, radio pairs that never wrap away from their labels, the privacy notice, receipts */
/* a fieldset is as wide as its widest word by default (min-width:min-content): on a phone it must shrink */
fieldset{min-width:0}
.req-note,.help,.field label{overflow-wrap:anywhere}
.kept{margin:.2rem 0 .35rem;color:#166534}
[role=radiogroup]{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
.opt{display:inline-flex;align-items:center;gap:.4rem;white-space:nowrap}
.opt label{display:inline;font-weight:400;margin:0}
input[type=radio],input[type=checkbox]{width:1.25rem;height:1.25rem;flex:none}
.opts{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;min-height:44px;align-items:center}
details.privacy{border:1px solid #d1d5db;border-radius:.5rem;padding:.5rem .75rem;margin:0 0 1rem;background:#f9fafb;font-size:.92rem}
details.privacy summary{font-weight:700;cursor:pointer}
details.privacy ul{padding-left:1.1rem;margin:.4rem 0 0}
.receipt h2{margin-top:.25rem}
.receipt .docs{padding-left:1.1rem}
.facts dd{overflow-wrap:anywhere}
@media print{
  .staff-nav{display:none!important}
  .receipt{border:1px solid #000;page-break-inside:avoid;padding:.4rem .6rem}
  .receipt .docs{columns:2;column-gap:6mm;margin:.2rem 0;font-size:8.5pt}
  .receipt .docs li{break-inside:avoid}
  .receipt h3{margin:.3rem 0 .1rem;font-size:10pt}
  .receipt p{margin:.2rem 0}
  details.privacy{display:none}
}
/* Public catalogue: ways in, how to apply, the step list, phone-width tables, the one-page leaflet. */
.ways{list-style:none;padding:0;margin:0;display:grid;gap:.5rem;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr))}
.ways li{border:1px solid #d1d5db;border-left:4px solid #0b3d2e;border-radius:.35rem;padding:.5rem .75rem}
.ways a{display:block;font-weight:700;padding:.25rem 0;min-height:44px;line-height:1.4}
.ways .meta{display:block}
.actions{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
.apply{border:2px solid #0b3d2e;border-radius:.5rem;padding:.25rem 1rem .5rem;margin:1rem 0;background:#f0fdf4}
.apply h2{border:none;margin-top:.5rem}
.button.cta{font-size:1.15rem;font-weight:700;padding:.75rem 1.5rem}
.print-only{display:none}
.steps{list-style:none;counter-reset:step;padding:0;margin:.5rem 0 1rem}
.steps>li{counter-increment:step;position:relative;padding:.1rem 0 .6rem 1.4rem;border-left:3px solid #d1d5db;margin:0 0 0 .9rem}
.steps>li:last-child{border-left-color:transparent}
.steps>li::before{content:counter(step);position:absolute;left:-1rem;top:0;width:1.9rem;height:1.9rem;border-radius:50%;background:#0b3d2e;color:#fff;font-weight:700;text-align:center;line-height:1.9rem}
.steps p{margin:0}
.step-what{font-weight:600}
.step-who,.step-next{color:#374151;font-size:.9rem}
.branches{margin:.15rem 0 0;padding-left:1.1rem;font-size:.95rem}
.branch-if{font-style:italic}
main{overflow-wrap:break-word}
.components th,.components td{overflow-wrap:anywhere}
.footer-links{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
.footer-links a{display:inline-block;padding:.4rem 0}
@media(max-width:40rem){
  .components,.components tbody,.components tr,.components th,.components td{display:block;width:auto}
  .components th[scope=row]{width:auto;border-bottom:none}
  .components tr{margin-bottom:.5rem}
  .flow{padding:.25rem}
}
@media print{
  .ways-in,.who,.decreed,.apply .meta{display:none!important}
  .print-only{display:block}
  body{font-size:8.5pt;line-height:1.3}
  h1{font-size:13pt}
  h2{font-size:10pt;margin:.35rem 0 .15rem;break-after:avoid}
  p{margin:.15rem 0}
  .meta{font-size:7.5pt}
  .facts{gap:.2rem}
  .facts div{padding:.05rem .4rem}
  .apply{border:1px solid #000;background:none;padding:.1rem .5rem;margin:.3rem 0}
  .apply h2{margin:.1rem 0;border:none}
  .checklist{columns:2;column-gap:6mm;margin:0}
  .checklist li{padding:.05rem 0 .05rem 1rem;break-inside:avoid}
  .checklist li::before{width:.6rem;height:.6rem;top:.2rem;border-width:1px}
  .procedure{display:grid;grid-template-columns:2fr 1fr;column-gap:4mm;align-items:start}
  .procedure>*{grid-column:1/-1}
  .procedure>.steps{grid-column:1;grid-row:3;margin:0;columns:2;column-gap:4mm}
  /* The chart takes the height of the step list beside it (contain:size keeps it from setting
     that height itself), so a tall chart shrinks instead of pushing the leaflet onto a second page. */
  .procedure>.flow{grid-column:2;grid-row:3;margin:0;contain:size;align-self:stretch;min-height:6cm}
  .procedure>.flow svg{width:100%;height:100%;max-width:none;max-height:none}
  .steps>li{padding:0 0 .2rem .9rem;margin-left:.5rem;border-left:none;break-inside:avoid;font-size:7.5pt}
  .steps>li::before{width:1.1rem;height:1.1rem;line-height:1.1rem;left:-.6rem;font-size:7pt;background:#000}
  .step-who,.step-next,.branches{font-size:7pt}
  .branches{padding-left:.8rem}
  .hours-section p,.hours{font-size:7.5pt}
  .hours-section .notice{padding:.1rem .3rem;border-width:1px}
  .hours{columns:2}
  .facts dd>.meta{font-size:7pt}
  @page{size:A4;margin:10mm 11mm}
}
/* Role permissions (/petugas/hak-akses): one folding section per role, the officer's own open. */
details.role-grants{border-bottom:1px solid #e5e7eb;padding:.25rem 0}
details.role-grants summary{cursor:pointer;padding:.4rem 0;min-height:44px}
details.role-grants summary h2{display:inline;border:none;margin:0;font-size:1.1rem}
details.role-grants ul{margin:.25rem 0 .75rem;padding-left:1.2rem}
`;
