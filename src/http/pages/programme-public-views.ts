/**
 * The public side of assistance programmes (pure): the office's programmes with their decreed
 * periods, one programme's recipients per period (names, NIK masked, from issued SKs only) and the
 * citizen's self-check form and answer ("terdaftar / tidak" and the next cycle date, nothing else).
 */
import type { Problem } from '../../domain/errors.js';
import { monthName } from '../../domain/letters/dates.js';
import type { Programme } from '../../domain/programmes/schema.js';
import type { PublicRecipient } from '../../usecases/programmes/read-public-recipients.js';
import type { SelfCheckAnswer } from '../../usecases/programmes/check-own-registration.js';
import { L, type Lang } from '../i18n.js';
import { errorSummary, fieldError, invalidAttrs } from './components.js';
import { html, type Raw } from './html.js';
import { page, withLang } from './layout.js';
import { unitName } from './programmes-views.js';

const officeCrumb = (lang: Lang, slug: string, name: string) => ({ href: `/kantor/${slug}`, label: name });
const listCrumb = (lang: Lang, slug: string) => ({ href: `/kantor/${slug}/program`, label: L(lang, 'Program bantuan', 'Assistance programmes') });

export function publicProgrammesPage(lang: Lang, d: { slug: string; officeName: string; programmes: { programme: Programme; periods: string[] }[] }): string {
  const body = html`<h1>${L(lang, 'Program bantuan', 'Assistance programmes')}</h1>
<p>${L(lang, `Program bantuan ${d.officeName}: daftar penerima yang ditetapkan dengan SK, per periode (NIK disamarkan), dan cek mandiri dengan NIK dan nomor KK.`, `${d.officeName}'s assistance programmes: the recipients decreed by SK per period (NIK masked), and a self-check with your NIK and family card (KK) number.`)}</p>
<ul class="cards">${d.programmes.map(
    ({ programme: p, periods }) => html`<li><h2><a href="${withLang(`/kantor/${d.slug}/program/${p.slug}`, lang)}" lang="id">${p.name}</a></h2><p class="meta">${unitName(lang, p.unit)}</p>
<p>${periods.length ? html`${L(lang, 'Daftar penerima', 'Recipients')}: ${periods.map((y, i) => html`${i ? ', ' : ''}<a href="${withLang(`/kantor/${d.slug}/program/${p.slug}?periode=${y}`, lang)}">${y}</a>`)}` : L(lang, 'Belum ada SK penerima yang terbit.', 'No recipients’ decree issued yet.')}</p></li>`,
  )}</ul>`;
  return page({ lang, title: L(lang, 'Program bantuan', 'Assistance programmes'), path: `/kantor/${d.slug}/program`, body, breadcrumbs: [officeCrumb(lang, d.slug, d.officeName)] });
}

export interface PublicProgrammeData {
  slug: string;
  officeName: string;
  programme: Programme;
  periods: string[];
  list?: { period: string; decrees: { stage: string; number: string; issuedOn: string }[]; recipients: PublicRecipient[]; total: number; page: number; more: boolean };
  check?: { answer?: SelfCheckAnswer; problems?: readonly Problem[]; values?: Record<string, string> };
}

function selfCheck(lang: Lang, d: PublicProgrammeData): Raw {
  const base = `/kantor/${d.slug}/program/${d.programme.slug}`;
  const problems = (d.check?.problems ?? []) as Problem[];
  const v = d.check?.values ?? {};
  const a = d.check?.answer;
  return html`<section aria-labelledby="h-check"><h2 id="h-check">${L(lang, 'Cek mandiri', 'Check for yourself')}</h2>
<p>${L(lang, 'Masukkan NIK dan nomor Kartu Keluarga (KK). Jawabannya hanya terdaftar atau tidak sebagai penerima, dan tanggal penyaluran berikutnya. Setiap pengecekan dicatat.', 'Enter the NIK and the family card (KK) number. The answer is only whether the person is a registered recipient, and the next payment date. Every check is logged.')}</p>
${a
  ? html`<div class="notice" role="status" id="self-check-answer"><p><strong>${a.registered ? L(lang, 'Terdaftar', 'Registered') : L(lang, 'Tidak terdaftar', 'Not registered')}</strong>${a.period ? html` · ${L(lang, 'periode', 'period')} ${a.period}` : ''}</p><p>${L(lang, 'Tanggal penyaluran berikutnya', 'Next payment date')}: ${a.nextCycle ? monthName(a.nextCycle, lang) : L(lang, 'belum dijadwalkan', 'not scheduled yet')}</p></div>`
  : ''}
${errorSummary(lang, problems)}
<form method="post" action="${withLang(`${base}/cek`, lang)}" class="intake" novalidate>
<div class="field"><label for="c-nik">NIK</label><input id="c-nik" name="nik" inputmode="numeric" autocomplete="off" maxlength="20" required value="${v.nik ?? ''}"${invalidAttrs(problems, 'nik')}>${fieldError(lang, problems, 'nik')}</div>
<div class="field"><label for="c-kk">${L(lang, 'Nomor KK', 'Family card (KK) number')}</label><input id="c-kk" name="kk" inputmode="numeric" autocomplete="off" maxlength="20" required value="${v.kk ?? ''}"${invalidAttrs(problems, 'kk')}>${fieldError(lang, problems, 'kk')}</div>
<button type="submit" class="primary">${L(lang, 'Cek', 'Check')}</button></form></section>`;
}

export function publicProgrammePage(lang: Lang, d: PublicProgrammeData): string {
  const p = d.programme;
  const base = `/kantor/${d.slug}/program/${p.slug}`;
  const l = d.list;
  const body = html`<h1 lang="id">${p.name}</h1>
<p class="meta">${unitName(lang, p.unit)}</p>
${selfCheck(lang, d)}
<section aria-labelledby="h-list"><h2 id="h-list">${L(lang, 'Daftar penerima', 'Recipients')}${l ? ` ${l.period}` : ''}</h2>
<p>${d.periods.length ? html`${L(lang, 'Periode', 'Periods')}: ${d.periods.map((y, i) => html`${i ? ' · ' : ''}${l?.period === y ? html`<strong aria-current="page">${y}</strong>` : html`<a href="${withLang(`${base}?periode=${y}`, lang)}">${y}</a>`}`)}` : L(lang, 'Belum ada SK penerima yang terbit.', 'No recipients’ decree issued yet.')}</p>
${l
  ? html`<p>${l.decrees.map((x, i) => html`${i ? '; ' : ''}SK ${x.number} (${x.stage}, ${x.issuedOn})`)} · ${l.total} ${L(lang, 'penerima', 'recipients')}</p>
<div class="table-wrap" role="region" aria-labelledby="h-recipients" tabindex="0"><table class="queue stack"><caption id="h-recipients">${L(lang, 'Penerima', 'Recipients')} ${l.period}${l.page ? ` · ${L(lang, 'halaman', 'page')} ${l.page + 1}` : ''}</caption><thead><tr><th scope="col">${L(lang, 'Nama', 'Name')}</th><th scope="col">NIK</th><th scope="col">${L(lang, 'Desa/Kelurahan', 'Village')}</th><th scope="col">${L(lang, 'Kategori', 'Category')}</th><th scope="col">${L(lang, 'Tahap', 'Stage')}</th></tr></thead><tbody>${l.recipients.map(
      (r) => html`<tr><td data-label="${L(lang, 'Nama', 'Name')}">${r.name}</td><td data-label="NIK">${r.nik}</td><td data-label="${L(lang, 'Desa/Kelurahan', 'Village')}">${r.village ?? '—'}</td><td data-label="${L(lang, 'Kategori', 'Category')}" lang="id">${p.categories.find((c) => c.key === r.category)?.name ?? r.category}</td><td data-label="${L(lang, 'Tahap', 'Stage')}">${r.stage}</td></tr>`,
    )}</tbody></table></div>
${l.page || l.more ? html`<p class="actions">${l.page ? html`<a href="${withLang(`${base}?periode=${l.period}&halaman=${l.page - 1}`, lang)}">${L(lang, 'Sebelumnya', 'Previous')}</a> ` : ''}${l.more ? html`<a href="${withLang(`${base}?periode=${l.period}&halaman=${l.page + 1}`, lang)}">${L(lang, 'Berikutnya', 'Next')}</a>` : ''}</p>` : ''}`
  : ''}</section>`;
  return page({ lang, title: p.name, path: base, body, breadcrumbs: [officeCrumb(lang, d.slug, d.officeName), listCrumb(lang, d.slug)] });
}
