/** The public performance page of an office (/kantor/<slug>/kinerja): per service the promise, on-time share, median and IKM, small counts withheld. Pure. */
import type { StoredOffice } from '../../db/standards-repo.js';
import type { Problem } from '../../domain/errors.js';
import { amount, percent } from '../../domain/oversight/evaluate.js';
import { PUBLISH_MIN } from '../../domain/oversight/performance.js';
import { namedPeriod } from '../../domain/surveys/periods.js';
import type { OfficePerformance, ServicePerformance } from '../../usecases/oversight/read-performance.js';
import { L, type Lang } from '../i18n.js';
import { errorSummary, fieldError, invalidAttrs } from './components.js';
import { html, type Raw } from './html.js';
import { page, withLang } from './layout.js';
import { stackTable } from './oversight-views.js';
import { dec } from './surveys-ikm-views.js';

const path = (office: StoredOffice) => `/kantor/${office.office.slug}/kinerja`;

/** The quarters of the year shown and the year before it, as quick links. */
function periodNav(lang: Lang, office: StoredOffice, year: number): Raw {
  const names = [`${year - 1}`, `${year}-Q1`, `${year}-Q2`, `${year}-Q3`, `${year}-Q4`, `${year}`];
  return html`<nav aria-label="${L(lang, 'Periode lain', 'Other periods')}" class="filters">${names.map((p) => html`<a href="${withLang(`${path(office)}?periode=${p}`, lang)}">${lang === 'id' ? namedPeriod(p)!.label : namedPeriod(p)!.labelEn}</a>`)}</nav>`;
}

function periodForm(lang: Lang, office: StoredOffice, asked: string, problems: readonly Problem[]): Raw {
  return html`<form method="get" action="${path(office)}" class="filters" aria-label="${L(lang, 'Pilih periode', 'Choose the period')}">${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<div><label for="f-periode">${L(lang, 'Periode', 'Period')}</label><input id="f-periode" name="periode" value="${asked}" maxlength="10" autocomplete="off" aria-describedby="f-periode-hint"${invalidAttrs(problems, 'periode')}>
<p class="meta" id="f-periode-hint">${L(lang, 'Triwulan 2026-Q2 · bulan 2026-05 · tahun 2026', 'Quarter 2026-Q2 · month 2026-05 · year 2026')}</p>${fieldError(lang, problems, 'periode')}</div>
<button type="submit">${L(lang, 'Tampilkan', 'Show')}</button></form>`;
}

const withheld = (lang: Lang) => html`<span title="${L(lang, `kurang dari ${PUBLISH_MIN}`, `fewer than ${PUBLISH_MIN}`)}">&lt; ${PUBLISH_MIN}</span>`;
const dash = '—';

function row(lang: Lang, s: ServicePerformance): (Raw | string | number)[] {
  const t = (v: number | null) => (v === null || s.unit === null ? dash : amount(lang, v, s.unit));
  const ikm = s.ikm && s.ikm.value !== null ? `${dec(lang, s.ikm.value)} (${s.ikm.grade})` : dash;
  if (s.suppressed === 'few-cases') return [html`<strong>${s.no}. ${s.title}</strong>`, s.promised.text, withheld(lang), dash, dash, ikm];
  const rate = s.suppressed === 'few-completed' ? withheld(lang) : s.onTimeRate === null ? dash : html`<strong>${percent(lang, s.onTimeRate)}</strong> <span class="meta">(${s.onTime}/${s.completed})</span>`;
  return [html`<strong>${s.no}. ${s.title}</strong>`, s.promised.text, s.cases ?? dash, rate, t(s.median), ikm];
}

export function performancePage(lang: Lang, office: StoredOffice, d: { perf?: OfficePerformance; asked: string; problems?: Problem[] }): string {
  const problems = d.problems ?? [];
  const p = d.perf;
  const year = Number((p?.period.from ?? namedPeriod(d.asked)?.from ?? '2026').slice(0, 4)) || 2026;
  const headers = [L(lang, 'Layanan', 'Service'), L(lang, 'Janji dalam standar pelayanan', 'Promised in the service standard'), L(lang, 'Permohonan', 'Applications'), L(lang, 'Selesai tepat waktu', 'Completed on time'), L(lang, 'Median waktu selesai', 'Median time to complete'), 'IKM'];
  const active = p ? p.services.filter((s) => s.cases !== 0) : [];
  const idle = p ? p.services.filter((s) => s.cases === 0) : [];
  const body = html`<h1>${L(lang, 'Kinerja Pelayanan', 'Service performance')}</h1>
<p>${office.office.name}${p ? html` · <strong>${lang === 'id' ? p.period.label : p.period.labelEn}</strong> (${p.period.from} – ${p.period.to})` : ''}</p>
${errorSummary(lang, problems)}
${periodForm(lang, office, d.asked, problems)}
${periodNav(lang, office, year)}
${p
  ? html`<section aria-labelledby="h-perf"><h2 id="h-perf">${L(lang, 'Janji dan kenyataan per layanan', 'Promise and reality per service')}</h2>
${active.length ? stackTable('h-perf', headers, active.map((s) => row(lang, s)), 'evaluation') : html`<p>${L(lang, 'Tidak ada permohonan pada periode ini.', 'No applications in this period.')}</p>`}
${idle.length ? html`<details><summary>${L(lang, `Layanan tanpa permohonan pada periode ini (${idle.length})`, `Services without applications in this period (${idle.length})`)}</summary><ul>${idle.map((s) => html`<li>${s.no}. ${s.title} — ${s.promised.text}</li>`)}</ul></details>` : ''}</section>
<aside class="notice" aria-label="${L(lang, 'Cara membaca', 'How to read it')}"><p>${L(lang, p.rule.id, p.rule.en)}</p>
<p>${L(lang, 'Permohonan dihitung menurut tanggal diajukan. "Tepat waktu": selesai (dikabulkan atau ditolak) paling lambat pada batas waktu yang dijanjikan, tidak termasuk waktu menunggu pemohon atau instansi lain. Waktu dalam satuan standar pelayanan (hari kerja menurut kalender kantor). IKM: Indeks Kepuasan Masyarakat periode yang sama.', 'Applications are counted by the date they were submitted. "On time": completed (granted or refused) no later than the promised time, not counting time waiting on the applicant or another body. Times in the standard’s own unit (working days on the office calendar). IKM: the community satisfaction index of the same period.')}</p></aside>`
  : ''}
<p><a href="${withLang(`/kantor/${office.office.slug}/ikm`, lang)}">${L(lang, 'Indeks Kepuasan Masyarakat (IKM)', 'Satisfaction index (IKM)')}</a> · <a href="${withLang(`/kantor/${office.office.slug}`, lang)}">${L(lang, 'Layanan kantor ini', 'This office’s services')}</a> · <a href="/api/v1/offices/${office.office.slug}/performance${p ? `?from=${p.period.from}&to=${p.period.to}` : ''}">JSON</a></p>`;
  return page({
    lang,
    title: L(lang, `Kinerja Pelayanan — ${office.office.name}`, `Service performance — ${office.office.name}`),
    path: path(office),
    breadcrumbs: [
      { href: '/', label: L(lang, 'Beranda', 'Home') },
      { href: `/kantor/${office.office.slug}`, label: office.office.name },
    ],
    body,
  });
}
