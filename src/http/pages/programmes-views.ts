/**
 * Views of the assistance programmes: the office's list and one programme as its decree encodes it
 * (conditions, categories, who verifies and who decrees) with its rounds and the form that opens
 * one. Pure: (shell, data) → HTML. Decree words are shown verbatim, with lang="id".
 */
import type { Category, Condition, Frequency, Programme, Unit } from '../../domain/programmes/schema.js';
import { NOT_STATED } from '../../domain/programmes/schema.js';
import { ROUND_STATUS_NAMES, STAGES, type RoundStatus } from '../../domain/programmes/rounds.js';
import type { Problem } from '../../domain/errors.js';
import { L, type Lang } from '../i18n.js';
import { errorSummary, fieldError } from './components.js';
import { html, type Raw } from './html.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';

const UNIT_NAMES: Record<Unit, [string, string]> = { person: ['Perorangan', 'Person'], family: ['Keluarga (KK)', 'Family (KK)'], household: ['Rumah tangga', 'Household'], group: ['Kelompok', 'Group'] };
const EVERY_NAMES: Record<Frequency, [string, string]> = { month: ['setiap bulan', 'every month'], 'two-months': ['setiap 2 bulan', 'every 2 months'], year: ['setiap tahun', 'every year'], once: ['sekali', 'once'], 'not-stated': ['tidak dinyatakan', 'not stated'] };
export const unitName = (lang: Lang, u: Unit) => UNIT_NAMES[u][lang === 'id' ? 0 : 1];
export const rupiah = (n: number) => `Rp ${n.toLocaleString('id-ID')}`;
/** Decree words, marked as Indonesian; "not stated" said in the page's language. */
export const decree = (lang: Lang, text: string): Raw => (text === NOT_STATED ? html`<span class="meta">${L(lang, 'tidak dinyatakan dalam keputusan', 'not stated in the decree')}</span>` : html`<q lang="id">${text}</q>`);

export const programmesCrumb = (lang: Lang) => ({ href: '/petugas/program', label: L(lang, 'Program bantuan', 'Assistance programmes') });

function amountOf(lang: Lang, c: Category): string {
  const schedule = c.count !== null ? `${c.count}× ${EVERY_NAMES[c.every][lang === 'id' ? 0 : 1]}` : EVERY_NAMES[c.every][lang === 'id' ? 0 : 1];
  if (c.amount.kind === 'in-kind') return `${L(lang, 'barang', 'in kind')} · ${schedule}`;
  return c.amount.value === null ? schedule : `${rupiah(c.amount.value)} · ${schedule}`;
}

export function programmesListPage(shell: StaffShell, d: { officeName: string; programmes: Programme[] }): string {
  const { lang } = shell;
  const body = html`<h1>${L(lang, 'Program bantuan', 'Assistance programmes')}</h1>
<p>${L(lang, `Program bantuan ${d.officeName} sebagaimana diuraikan keputusan standar pelayanannya: calon penerima, verifikasi lapangan, berita acara dan SK penerima.`, `${d.officeName}'s assistance programmes as its service-standard decree describes them: candidates, field verification, the report and the recipients' decree.`)}</p>
${d.programmes.length === 0 ? html`<p>${L(lang, 'Keputusan kantor ini tidak menguraikan program bantuan.', "This office's decree describes no assistance programme.")}</p>` : ''}
<ul class="cards">${d.programmes.map(
    (p) => html`<li><h2><a href="${withLang(`/petugas/program/${p.slug}`, lang)}" lang="id">${p.name}</a></h2>
<p class="meta">${unitName(lang, p.unit)} · ${p.categories.length} ${L(lang, 'kategori', p.categories.length === 1 ? 'category' : 'categories')}</p>
<ul>${p.categories.map((c) => html`<li><span lang="id">${c.name}</span>: ${amountOf(lang, c)}</li>`)}</ul></li>`,
  )}</ul>`;
  return staffPage(shell, { title: L(lang, 'Program bantuan', 'Assistance programmes'), path: '/petugas/program', body });
}

const CHECK_NAMES = { registry: ['diperiksa dari registri DTKS', 'checked from the DTKS registry'], verification: ['diperiksa petugas lapangan', 'checked by the field verifier'] } as const;
const conditionItem = (lang: Lang, c: Condition) => html`<li>${decree(lang, c.text)} <span class="meta">(${CHECK_NAMES[c.check][lang === 'id' ? 0 : 1]}${c.exclusion ? L(lang, '; pengecualian antarprogram', '; cross-programme exclusion') : ''})</span></li>`;

export interface RoundRow {
  id: string;
  period: string;
  stage: string;
  status: RoundStatus;
  reference_date: string;
}

export function programmePage(shell: StaffShell, d: { programme: Programme; rounds: RoundRow[]; roleNames: Record<string, string>; canOpen: boolean; problems?: readonly Problem[]; values?: Record<string, string>; today: string }): string {
  const { lang } = shell;
  const p = d.programme;
  const problems = d.problems ?? [];
  const v = d.values ?? {};
  const fromRegistry = p.candidates.sources.includes('registry');
  const body = html`<h1 lang="id">${p.name}</h1>
<p class="meta">${p.source}</p>
${errorSummary(lang, problems)}
<dl class="facts">
<div><dt>${L(lang, 'Sasaran', 'Target unit')}</dt><dd>${unitName(lang, p.unit)}</dd></div>
<div><dt>${L(lang, 'Sumber calon', 'Candidates from')}</dt><dd>${decree(lang, p.candidates.text)}</dd></div>
<div><dt>${L(lang, 'Verifikasi oleh', 'Verified by')}</dt><dd>${p.verification.roles.map((r) => d.roleNames[r] ?? r).join(', ')}<br>${decree(lang, p.verification.text)}</dd></div>
<div><dt>${L(lang, 'Penetapan penerima', 'Recipients decreed by')}</dt><dd>${decree(lang, p.recipientDecree.text)}${p.recipientDecree.signedInSigap ? '' : html`<br><span class="meta">${L(lang, 'Tidak ditandatangani di Sigap: Sigap menyiapkan berita acara dan daftar penerimanya.', 'Not signed in Sigap: Sigap prepares the report and its recipient list.')}</span>`}</dd></div>
<div><dt>${L(lang, 'Sumber dana', 'Funding')}</dt><dd>${decree(lang, p.funding.text)}</dd></div>
<div><dt>${L(lang, 'Kuota', 'Quota')}</dt><dd>${decree(lang, p.quota.text)}</dd></div>
<div><dt>${L(lang, 'Penyaluran', 'Delivery')}</dt><dd>${p.channel.name ? html`${p.channel.name}: ` : ''}${decree(lang, p.channel.text)}</dd></div>
<div><dt>${L(lang, 'Usia dihitung pada', 'Age counted on')}</dt><dd>${p.referenceDate === 'period-start' ? L(lang, 'tanggal acuan putaran (awal periode)', "the round's reference date (period start)") : L(lang, 'tanggal usulan', 'the proposal date')}</dd></div>
</dl>
${p.conditions.length ? html`<h2>${L(lang, 'Syarat umum', 'General conditions')}</h2><ul>${p.conditions.map((c) => conditionItem(lang, c))}</ul>` : ''}
<h2>${L(lang, 'Kategori', 'Categories')}</h2>
${p.categories.map(
    (c) => html`<h3 lang="id">${c.name}</h3><p>${amountOf(lang, c)}. ${decree(lang, c.amount.text)}</p><p>${L(lang, 'Jangka waktu', 'Duration')}: ${decree(lang, c.duration.text)}</p>
${c.age || c.conditions.length ? html`<ul>${c.age ? html`<li>${decree(lang, c.age.text)} <span class="meta">(${L(lang, 'usia', 'age')} ${c.age.min ?? 0}${c.age.max !== null ? `–${c.age.max}` : '+'})</span></li>` : ''}${c.conditions.map((x) => conditionItem(lang, x))}</ul>` : ''}`,
  )}
${p.group ? html`<h2>${L(lang, 'Aturan kelompok', 'Group rules')}</h2><ul><li>${decree(lang, p.group.size.text)}</li>${p.group.age ? html`<li>${decree(lang, p.group.age.text)}</li>` : ''}<li>${decree(lang, p.group.officersText)}</li><li>${decree(lang, p.group.individualText)}</li><li>${decree(lang, p.group.groupDecree)}</li><li>${decree(lang, p.group.report)}</li></ul><p><a href="${withLang(`/petugas/program/${p.slug}/kelompok`, lang)}">${L(lang, 'Kelompok program ini', "This programme's groups")}</a></p>` : ''}
<p><a href="${withLang(`/petugas/program/${p.slug}/siklus`, lang)}">${L(lang, 'Siklus penyaluran, pagu dan berkas bank', 'Disbursement cycles, allocation and bank files')}</a></p>
${p.quota.text !== NOT_STATED || p.quota.value !== null ? html`<p><a href="${withLang(`/petugas/program/${p.slug}/antrean`, lang)}">${L(lang, 'Antrean kuota', 'Quota queue')}</a></p>` : ''}
<h2>${L(lang, 'Putaran', 'Rounds')}</h2>
${d.rounds.length
  ? html`<div class="table-wrap" role="region" aria-labelledby="h-rounds" tabindex="0"><table class="queue stack"><caption id="h-rounds">${d.rounds.length} ${L(lang, 'putaran', 'rounds')}</caption><thead><tr><th scope="col">${L(lang, 'Periode', 'Period')}</th><th scope="col">${L(lang, 'Tahap', 'Stage')}</th><th scope="col">Status</th><th scope="col">${L(lang, 'Tanggal acuan', 'Reference date')}</th></tr></thead><tbody>${d.rounds.map(
      (r) => html`<tr><td data-label="${L(lang, 'Periode', 'Period')}"><a href="${withLang(`/petugas/program/putaran/${r.id}`, lang)}">${r.period}</a></td><td data-label="${L(lang, 'Tahap', 'Stage')}">${r.stage}</td><td data-label="Status">${ROUND_STATUS_NAMES[r.status][lang]}</td><td data-label="${L(lang, 'Tanggal acuan', 'Reference date')}">${r.reference_date}</td></tr>`,
    )}</tbody></table></div>`
  : html`<p>${L(lang, 'Belum ada putaran.', 'No round yet.')}</p>`}
${d.canOpen
  ? html`<h2 id="h-open">${L(lang, 'Buka putaran', 'Open a round')}</h2><form method="post" action="${withLang(`/petugas/program/${p.slug}/putaran`, lang)}" class="intake" aria-labelledby="h-open">${csrfField(shell)}
<div class="field"><label for="r-period">${L(lang, 'Periode (tahun)', 'Period (year)')}</label><input id="r-period" name="period" inputmode="numeric" required value="${v.period ?? d.today.slice(0, 4)}">${fieldError(lang, problems as Problem[], 'period')}</div>
<div class="field"><label for="r-stage">${L(lang, 'Tahap', 'Stage')}</label><select id="r-stage" name="stage">${STAGES.map((s) => html`<option${v.stage === s ? html` selected` : ''}>${s}</option>`)}</select>${fieldError(lang, problems as Problem[], 'stage')}</div>
<div class="field"><label for="r-ref">${L(lang, 'Tanggal acuan usia', 'Reference date for ages')}</label><input id="r-ref" name="referenceDate" type="date" required value="${v.referenceDate ?? `${d.today.slice(0, 4)}-01-01`}">${fieldError(lang, problems as Problem[], 'referenceDate')}</div>
${fromRegistry ? html`<div class="field"><label for="r-cat">${L(lang, 'Tarik calon dari DTKS untuk kategori', 'Draw candidates from DTKS for the category')}</label><select id="r-cat" name="drawCategory"><option value="">${L(lang, '(jangan tarik; tambah calon satu per satu)', '(do not draw; add candidates one by one)')}</option>${p.categories.map((c) => html`<option value="${c.key}"${v.drawCategory === c.key ? html` selected` : ''}>${c.name}</option>`)}</select>${fieldError(lang, problems as Problem[], 'drawCategory')}</div>` : ''}
<button type="submit" class="primary">${L(lang, 'Buka putaran', 'Open round')}</button></form>`
  : ''}`;
  return staffPage(shell, { title: p.name, path: `/petugas/program/${p.slug}`, body, breadcrumbs: [programmesCrumb(lang)] });
}

