/**
 * The IKM as people read it: the public IKM page of an office and the pieces the staff page shares
 * with it (figures with a decimal comma, grade, sample adequacy, the method note). Pure.
 */
import type { StoredOffice } from '../../db/standards-repo.js';
import { namedPeriod, type Period } from '../../domain/surveys/periods.js';
import { elementBarSvg } from '../../render/charts.js';
import type { IkmDto } from '../../usecases/surveys/ikm-dto.js';
import { L, type Lang } from '../i18n.js';
import { html, raw, type Raw } from './html.js';
import { page, withLang } from './layout.js';

/** A figure with the page's decimal separator (91,48 / 91.48). */
export const dec = (lang: Lang, n: number, d = 2) => (lang === 'id' ? n.toFixed(d).replace('.', ',') : n.toFixed(d));

export const noteBlock = (lang: Lang, ikm: IkmDto) =>
  html`<aside class="notice" aria-label="${L(lang, 'Cara menghitung', 'How it is computed')}"><p>${lang === 'id' ? ikm.method.weighting : ikm.method.weightingEn}</p><p>${lang === 'id' ? ikm.method.sample : ikm.method.sampleEn}</p></aside>`;

export const gradeText = (lang: Lang, d: IkmDto) => (d.ikm === null ? '—' : `${dec(lang, d.ikm)} (${d.grade}, ${lang === 'id' ? d.gradeLabel : d.gradeLabelEn})`);

export const sampleText = (lang: Lang, d: IkmDto) => (d.sufficient ? L(lang, 'memadai', 'sufficient') : L(lang, `belum memadai (kurang ${d.shortfall})`, `not sufficient (${d.shortfall} short)`));

const ikmPath = (office: StoredOffice) => `/kantor/${office.office.slug}/ikm`;

/** Links to the year before, the year, its semesters and quarters. */
function periodLinks(lang: Lang, office: StoredOffice, period: Period): Raw {
  const y = Number(period.from.slice(0, 4));
  return html`<nav aria-label="${L(lang, 'Pilih periode', 'Choose a period')}" class="filters">${[`${y - 1}`, `${y}`, `${y}-S1`, `${y}-S2`, `${y}-Q1`, `${y}-Q2`, `${y}-Q3`, `${y}-Q4`].map(
    (p) => html`<a href="${withLang(`${ikmPath(office)}?periode=${p}`, lang)}">${lang === 'id' ? namedPeriod(p)!.label : namedPeriod(p)!.labelEn}</a>`,
  )}</nav>`;
}

/** An office's IKM for a period, and each service's: public, without personal data or suggestions. */
export function publicIkmPage(lang: Lang, office: StoredOffice, period: Period, r: { office: IkmDto; services: IkmDto[] }): string {
  const o = r.office;
  const body = html`<h1>${L(lang, 'Indeks Kepuasan Masyarakat (IKM)', 'Community satisfaction index (IKM)')}</h1>
<p>${office.office.name} · <strong>${lang === 'id' ? o.period.label : o.period.labelEn}</strong></p>
${periodLinks(lang, office, period)}
${o.noData
  ? html`<p class="notice" data-testid="ikm-no-data">${lang === 'id' ? o.message : o.messageEn}</p>`
  : html`<div class="receipt"><p>IKM <strong class="big" data-testid="ikm">${dec(lang, o.ikm!)}</strong> · ${L(lang, 'Mutu', 'Grade')} <strong data-testid="grade">${o.grade}</strong> (${lang === 'id' ? o.gradeLabel : o.gradeLabelEn})</p>
<p>${L(lang, 'Responden', 'Respondents')}: ${o.respondents} · ${L(lang, 'Permohonan selesai (populasi)', 'Completed applications (population)')}: ${o.population} · ${L(lang, 'Sampel minimum', 'Minimum sample')}: ${o.minimumSample} (${sampleText(lang, o)})</p></div>
<figure><div class="flow" aria-hidden="true">${raw(elementBarSvg(o.elements, { lang }))}</div><figcaption>${L(lang, 'Nilai rata-rata (NRR) per unsur, skala 1–4; angka pada tabel di bawah.', 'Mean score (NRR) per element, 1–4 scale; figures in the table below.')}</figcaption></figure>`}
<h2>${L(lang, 'IKM per layanan', 'IKM per service')}</h2>
${r.services.length
  ? html`<div class="table-wrap" tabindex="0"><table class="queue"><thead><tr><th scope="col">${L(lang, 'Layanan', 'Service')}</th><th scope="col">${L(lang, 'Responden', 'Respondents')}</th><th scope="col">IKM (${L(lang, 'mutu', 'grade')})</th><th scope="col">${L(lang, 'Sampel', 'Sample')}</th></tr></thead><tbody>${r.services.map(
      (s) => html`<tr><td>${s.service?.title ?? ''}</td><td>${s.respondents}</td><td>${gradeText(lang, s)}</td><td>${s.respondents}/${s.minimumSample} · ${sampleText(lang, s)}</td></tr>`,
    )}</tbody></table></div>`
  : html`<p>${L(lang, 'Belum ada layanan dengan responden pada periode ini.', 'No service has respondents in this period yet.')}</p>`}
${!o.noData
  ? html`<h2>${L(lang, 'Nilai per unsur', 'Score per element')}</h2><div class="table-wrap" tabindex="0"><table class="queue"><thead><tr><th scope="col">${L(lang, 'Unsur', 'Element')}</th><th scope="col">NRR</th><th scope="col">${L(lang, 'Menjawab', 'Answered')}</th></tr></thead><tbody>${o.elements.map((e) => html`<tr><td>${e.code} ${lang === 'id' ? e.name : e.nameEn}</td><td>${e.nrr === null ? '—' : dec(lang, e.nrr, 3)}</td><td>${e.answered}</td></tr>`)}</tbody></table></div>`
  : ''}
${noteBlock(lang, o)}
<p><a href="${withLang(`/kantor/${office.office.slug}/survei`, lang)}">${L(lang, 'Isi survei di kantor (kios)', 'Fill the survey at the office (kiosk)')}</a> · <a href="${withLang(`/kantor/${office.office.slug}/pengaduan`, lang)}">${L(lang, 'Pengaduan dan saran', 'Complaints and suggestions')}</a></p>`;
  return page({
    lang,
    title: L(lang, `IKM — ${office.office.name}`, `IKM — ${office.office.name}`),
    path: ikmPath(office),
    breadcrumbs: [
      { href: '/', label: L(lang, 'Beranda', 'Home') },
      { href: `/kantor/${office.office.slug}`, label: office.office.name },
    ],
    body,
  });
}

/** A period the public page cannot read, said in the page's language. */
export function ikmPeriodErrorPage(lang: Lang, office: StoredOffice, message: string): string {
  return page({ lang, title: 'IKM', path: ikmPath(office), body: html`<h1>IKM</h1><p class="error-summary" role="alert">${message}</p>` });
}
