/** Views of finding cases in the back office: the queue with its filters and counts, the case search, the duplicate warning. Pure. */
import type { StoredService } from '../../db/standards-repo.js';
import { CASE_STATUSES, STATUS_LABEL, type CaseStatus } from '../../domain/applications/status.js';
import type { Problem } from '../../domain/errors.js';
import type { CaseListItem, CaseSearchResult } from '../../usecases/applications/search-cases.js';
import { QUEUE_SLA_STATES, type QueueHolder, type QueueView } from '../../usecases/applications/task-queue.js';
import { formatDate, L, slaLabel, when, type Lang } from '../i18n.js';
import { errorSummary, fieldError, invalidAttrs, slaBadge } from './components.js';
import { html, type Raw } from './html.js';
import { staffPage, withLang, type StaffShell } from './layout.js';

/** A status in people's words, never the stored code. */
export const statusWords = (lang: Lang, s: CaseStatus) => STATUS_LABEL[s][lang];

/** `path?k=v…` with the empty values left out, so a link keeps exactly the filters in force. */
export function linkTo(path: string, params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** "Sebelumnya / Halaman 2 dari 5 / Berikutnya"; links only where there is a page to go to. */
export function pager(lang: Lang, page: number, pages: number, hrefOf: (page: number) => string): Raw | '' {
  if (pages <= 1) return '';
  return html`<nav class="pager" aria-label="${L(lang, 'Halaman hasil', 'Result pages')}">${page > 1 ? html`<a rel="prev" href="${withLang(hrefOf(page - 1), lang)}">‹ ${L(lang, 'Sebelumnya', 'Previous')}</a>` : ''}
<span>${L(lang, `Halaman ${page} dari ${pages}`, `Page ${page} of ${pages}`)}</span>${page < pages ? html`<a rel="next" href="${withLang(hrefOf(page + 1), lang)}">${L(lang, 'Berikutnya', 'Next')} ›</a>` : ''}</nav>`;
}

const selected = (on: boolean) => (on ? html` selected` : '');
const langField = (lang: Lang) => (lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : '');

// ---- the queue ------------------------------------------------------------------------------

export const QUEUE_PAGE_SIZE = 50;

export interface QueueFilterValues {
  serviceId?: string;
  stepId?: string;
  slaState?: string;
  holder?: QueueHolder;
}

export interface QueuePageData {
  officeName: string;
  roles: string[];
  notifications: { application_id: string; message: string }[];
  filter: QueueFilterValues;
  /** Page number, from 1. */
  page: number;
  services: StoredService[];
  queue: QueueView;
}

const HOLDER_WORDS: Record<QueueHolder, [string, string]> = {
  all: ['Semua tugas peran saya', 'All tasks of my roles'],
  mine: ['Yang saya ambil', 'Claimed by me'],
  unclaimed: ['Belum diambil siapa pun', 'Not claimed yet'],
};

export function queuePage(shell: StaffShell, d: QueuePageData): string {
  const { lang } = shell;
  const { queue: qv, filter: f } = d;
  const params = (change: Partial<QueueFilterValues & { page: number }>) => ({ serviceId: f.serviceId, stepId: f.serviceId ? f.stepId : undefined, slaState: f.slaState, holder: f.holder === 'all' ? undefined : f.holder, ...change });
  const hrefWith = (change: Partial<QueueFilterValues & { page: number }>) => withLang(linkTo('/petugas', params(change)), lang);
  const pages = Math.max(1, Math.ceil(qv.total / QUEUE_PAGE_SIZE));
  const here = linkTo('/petugas', params({ page: d.page > 1 ? d.page : undefined }));
  const holder = f.holder ?? 'all';
  const body = html`<h1>${L(lang, 'Antrean saya', 'My queue')}</h1>
<p class="meta">${d.officeName} · ${L(lang, 'peran', 'roles')}: ${d.roles.join(', ')}</p>
${d.notifications.length ? html`<section aria-labelledby="h-notif" class="notice"><h2 id="h-notif">${L(lang, 'Pemberitahuan', 'Notifications')}</h2><ul>${d.notifications.map((n) => html`<li><a href="${withLang(`/petugas/berkas/${n.application_id}`, lang)}">${n.message}</a></li>`)}</ul></section>` : ''}
<nav class="tally" aria-label="${L(lang, 'Jumlah per status waktu', 'Counts by SLA state')}"><ul>${(['late', 'at-risk', 'on-time'] as const).map(
    (s) => html`<li><a href="${hrefWith({ slaState: f.slaState === s ? undefined : s, page: undefined })}"${f.slaState === s ? html` aria-current="true"` : ''}>${slaBadge(lang, s)} <strong>${qv.counts.sla[s] ?? 0}</strong></a></li>`,
  )}</ul>
<ul>${(['all', 'mine', 'unclaimed'] as const).map(
    (h) => html`<li><a href="${hrefWith({ holder: h, page: undefined })}"${holder === h ? html` aria-current="true"` : ''}>${L(lang, ...HOLDER_WORDS[h])} <strong>${qv.counts.holders[h]}</strong></a></li>`,
  )}</ul></nav>
<form method="get" action="/petugas" class="filters">${langField(lang)}
<div><label for="f-svc">${L(lang, 'Layanan', 'Service')}</label><select id="f-svc" name="serviceId"><option value="">${L(lang, 'Semua', 'All')}</option>${d.services.map((s) => {
    const n = qv.counts.services.find((c) => c.id === s.id)?.count ?? 0;
    return html`<option value="${s.id}"${selected(f.serviceId === s.id)}>${s.service.no}. ${s.service.title} (${n})</option>`;
  })}</select></div>
${f.serviceId && qv.counts.steps.length ? html`<div><label for="f-step">${L(lang, 'Tahap', 'Step')}</label><select id="f-step" name="stepId"><option value="">${L(lang, 'Semua', 'All')}</option>${qv.counts.steps.map((s) => html`<option value="${s.id}"${selected(f.stepId === s.id)}>${s.label} (${s.count})</option>`)}</select></div>` : ''}
<div><label for="f-sla">${L(lang, 'Status waktu', 'SLA state')}</label><select id="f-sla" name="slaState"><option value="">${L(lang, 'Semua', 'All')}</option>${QUEUE_SLA_STATES.map((s) => html`<option value="${s}"${selected(f.slaState === s)}>${slaLabel(lang, s)} (${qv.counts.sla[s] ?? 0})</option>`)}</select></div>
<div><label for="f-holder">${L(lang, 'Pemegang', 'Held by')}</label><select id="f-holder" name="holder">${(['all', 'mine', 'unclaimed'] as const).map((h) => html`<option value="${h}"${selected(holder === h)}>${L(lang, ...HOLDER_WORDS[h])}</option>`)}</select></div>
<button type="submit">${L(lang, 'Saring', 'Filter')}</button> <a href="${withLang('/petugas', lang)}">${L(lang, 'Hapus saringan', 'Clear filters')}</a></form>
<div class="table-wrap" role="region" aria-labelledby="queue-caption" tabindex="0"><table class="queue stack"><caption id="queue-caption">${qv.total} ${L(lang, 'tugas terbuka', 'open tasks')}${pages > 1 ? ` · ${L(lang, `halaman ${d.page} dari ${pages}`, `page ${d.page} of ${pages}`)}` : ''}</caption><thead><tr><th scope="col">${L(lang, 'Nomor', 'Number')}</th><th scope="col">${L(lang, 'Pemohon', 'Applicant')}</th><th scope="col">${L(lang, 'Layanan', 'Service')}</th><th scope="col">${L(lang, 'Tahap', 'Step')}</th><th scope="col">${L(lang, 'Batas waktu', 'Due')}</th><th scope="col">SLA</th></tr></thead><tbody>${qv.items.map(
    (r) =>
      html`<tr><td><a href="${withLang(`/petugas/berkas/${r.applicationId}`, lang)}">${r.registrationNumber}</a></td><td data-label="${L(lang, 'Pemohon', 'Applicant')}">${r.applicantName}</td><td data-label="${L(lang, 'Layanan', 'Service')}">${r.service.no}. ${r.service.title}</td><td data-label="${L(lang, 'Tahap', 'Step')}">${r.step.label}</td><td data-label="${L(lang, 'Batas waktu', 'Due')}">${when(lang, r.dueAtLocal)}</td><td>${slaBadge(lang, r.slaState)}</td></tr>`,
  )}</tbody></table></div>
${qv.items.length ? '' : html`<p>${L(lang, 'Tidak ada tugas dengan saringan ini.', 'No tasks match these filters.')} <a href="${withLang('/petugas/cari', lang)}">${L(lang, 'Cari berkas lain', 'Find other cases')}</a></p>`}
${pager(lang, d.page, pages, (p) => linkTo('/petugas', params({ page: p > 1 ? p : undefined })))}`;
  return staffPage(shell, { title: L(lang, 'Antrean saya', 'My queue'), path: here, body });
}

// ---- the case search ------------------------------------------------------------------------

export interface CaseSearchValues {
  q?: string;
  status?: CaseStatus;
  serviceId?: string;
  from?: string;
  to?: string;
  purpose?: string;
  /** The dashboard's drill-down filters, kept through paging and a new search. */
  open?: '1';
  slaState?: string;
  stepId?: string;
}

export interface CaseSearchPageData {
  values: CaseSearchValues;
  services: StoredService[];
  /** Absent when the search was refused (then `problems` say why, beside their fields). */
  result?: CaseSearchResult;
  problems: Problem[];
}

/** The quick filters: the lists people ask for by name ("the finished ones", "the withdrawn ones"). */
const QUICK: CaseStatus[] = ['open', 'waiting-applicant', 'completed', 'withdrawn', 'rejected'];
const QUICK_WORDS: Partial<Record<CaseStatus, [string, string]>> = { completed: ['Selesai', 'Completed'], withdrawn: ['Dibatalkan', 'Withdrawn'], rejected: ['Ditolak', 'Rejected'] };

export function caseSearchPage(shell: StaffShell, d: CaseSearchPageData): string {
  const { lang } = shell;
  const v = d.values;
  const p = d.problems;
  const params = (page?: number) => ({ q: v.q, status: v.status, serviceId: v.serviceId, from: v.from, to: v.to, purpose: v.purpose, open: v.open, slaState: v.slaState, stepId: v.stepId, page: page && page > 1 ? page : undefined });
  const r = d.result;
  const searched = !!(v.q || v.status || v.serviceId || v.from || v.to || v.open || v.slaState || v.stepId);
  const drill = [v.open && !v.status ? L(lang, 'semua status terbuka', 'every open status') : '', v.slaState ? slaLabel(lang, v.slaState) : '', v.stepId ? L(lang, `tahap ${v.stepId}`, `step ${v.stepId}`) : ''].filter(Boolean);
  const quickLabel = (s: CaseStatus) => (QUICK_WORDS[s] ? L(lang, ...QUICK_WORDS[s]!) : statusWords(lang, s));
  const body = html`<h1>${L(lang, 'Cari berkas', 'Find cases')}</h1>
${errorSummary(lang, p)}
<form method="get" action="/petugas/cari" class="search" role="search">${langField(lang)}${v.open ? html`<input type="hidden" name="open" value="1">` : ''}${v.slaState ? html`<input type="hidden" name="slaState" value="${v.slaState}">` : ''}${v.stepId ? html`<input type="hidden" name="stepId" value="${v.stepId}">` : ''}
${drill.length ? html`<p class="meta" data-testid="drill">${L(lang, 'Saringan dari dasbor', 'Filters from the dashboard')}: ${drill.join(' · ')} · <a href="${withLang('/petugas/cari', lang)}">${L(lang, 'hapus', 'clear')}</a></p>` : ''}
<div class="field"><label for="s-q">${L(lang, 'Nomor registrasi, NIK, atau nama pemohon', 'Registration number, NIK or applicant\'s name')}</label>
<p class="help" id="s-q-help">${L(lang, 'Contoh: JMB-2026-000123, 1571024107900003, atau Siti. Pencarian NIK dicatat di log akses.', 'For example: JMB-2026-000123, 1571024107900003, or Siti. A NIK search is written to the access log.')}</p>
${fieldError(lang, p, 'q')}<input id="s-q" name="q" type="search" value="${v.q ?? ''}" autocomplete="off" aria-describedby="s-q-help"${invalidAttrs(p, 'q')}></div>
<details class="more"${v.status || v.serviceId || v.from || v.to || v.purpose || p.some((x) => x.field !== 'q') ? html` open` : ''}><summary>${L(lang, 'Saringan lain', 'More filters')}</summary>
<div class="field"><label for="s-status">Status</label><select id="s-status" name="status"><option value="">${L(lang, 'Semua', 'All')}</option>${CASE_STATUSES.map((s) => html`<option value="${s}"${selected(v.status === s)}>${statusWords(lang, s)}</option>`)}</select></div>
<div class="field"><label for="s-svc">${L(lang, 'Layanan', 'Service')}</label><select id="s-svc" name="serviceId"><option value="">${L(lang, 'Semua', 'All')}</option>${d.services.map((s) => html`<option value="${s.id}"${selected(v.serviceId === s.id)}>${s.service.no}. ${s.service.title}</option>`)}</select></div>
<div class="field"><label for="s-from">${L(lang, 'Diajukan sejak', 'Submitted from')}</label>${fieldError(lang, p, 'from')}<input id="s-from" name="from" type="date" value="${v.from ?? ''}"${invalidAttrs(p, 'from')}></div>
<div class="field"><label for="s-to">${L(lang, 'Diajukan sampai', 'Submitted until')}</label>${fieldError(lang, p, 'to')}<input id="s-to" name="to" type="date" value="${v.to ?? ''}"${invalidAttrs(p, 'to')}></div>
<div class="field"><label for="s-purpose">${L(lang, 'Keperluan (dicatat bila mencari NIK)', 'Purpose (logged when searching a NIK)')}</label>${fieldError(lang, p, 'purpose')}<input id="s-purpose" name="purpose" value="${v.purpose ?? ''}"${invalidAttrs(p, 'purpose')}></div>
</details>
<button type="submit" class="primary">${L(lang, 'Cari', 'Search')}</button></form>
<nav class="quick" aria-label="${L(lang, 'Daftar cepat', 'Quick lists')}"><ul>${QUICK.map(
    (s) => html`<li><a href="${withLang(linkTo('/petugas/cari', { status: s }), lang)}"${v.status === s && !v.q ? html` aria-current="true"` : ''}>${quickLabel(s)}</a></li>`,
  )}</ul></nav>
${r ? caseResults(lang, r, searched, (page) => linkTo('/petugas/cari', params(page))) : ''}`;
  return staffPage(shell, { title: L(lang, 'Cari berkas', 'Find cases'), path: linkTo('/petugas/cari', params(r?.page)), body });
}

function caseResults(lang: Lang, r: CaseSearchResult, searched: boolean, hrefOf: (page: number) => string): Raw {
  const caption = searched
    ? L(lang, `${r.total} berkas ditemukan`, `${r.total} ${r.total === 1 ? 'case' : 'cases'} found`)
    : L(lang, `Berkas terbaru (${r.total})`, `Latest cases (${r.total})`);
  const paging = r.pages > 1 ? ` · ${L(lang, `halaman ${r.page} dari ${r.pages}`, `page ${r.page} of ${r.pages}`)}` : '';
  return html`<section aria-labelledby="h-results"><h2 id="h-results">${caption}${paging}</h2>
${r.items.length
  ? html`<div class="table-wrap" role="region" aria-labelledby="h-results" tabindex="0"><table class="queue stack"><thead><tr><th scope="col">${L(lang, 'Nomor', 'Number')}</th><th scope="col">${L(lang, 'Pemohon', 'Applicant')}</th><th scope="col">${L(lang, 'Layanan', 'Service')}</th><th scope="col">Status</th><th scope="col">${L(lang, 'Diajukan', 'Submitted')}</th></tr></thead><tbody>${r.items.map(
      (c) =>
        html`<tr><td><a href="${withLang(`/petugas/berkas/${c.id}`, lang)}">${c.registrationNumber}</a></td><td data-label="${L(lang, 'Pemohon', 'Applicant')}">${c.applicantName}${c.nikMasked ? html` <span class="meta">(NIK ${c.nikMasked})</span>` : ''}</td><td data-label="${L(lang, 'Layanan', 'Service')}">${c.service.no}. ${c.service.title}</td><td data-label="Status">${statusWords(lang, c.status)}</td><td data-label="${L(lang, 'Diajukan', 'Submitted')}"><time datetime="${c.submittedAt}">${formatDate(lang, c.submittedDate)}</time></td></tr>`,
    )}</tbody></table></div>`
  : html`<p>${L(lang, 'Tidak ada berkas yang cocok. Periksa ejaan nama atau nomornya, atau longgarkan saringan.', 'No case matches. Check the spelling of the name or number, or loosen the filters.')}</p>`}
${pager(lang, r.page, r.pages, hrefOf)}</section>`;
}

// ---- the duplicate warning (for the counter intake form) --------------------------------------

/** A warning box listing this person's open cases for the same service, each linked; nothing when there are none. */
export function duplicateWarning(lang: Lang, cases: readonly CaseListItem[]): Raw | '' {
  if (!cases.length) return '';
  return html`<div class="notice duplicate-warning" role="note" aria-labelledby="dup-title"><p id="dup-title"><strong>${L(
    lang,
    `Perhatian: NIK ini sudah memiliki ${cases.length} berkas terbuka untuk layanan yang sama.`,
    `Note: this NIK already has ${cases.length} open ${cases.length === 1 ? 'case' : 'cases'} for the same service.`,
  )}</strong></p><ul>${cases.map(
    (c) =>
      html`<li><a href="${withLang(`/petugas/berkas/${c.id}`, lang)}">${c.registrationNumber}</a> · ${c.applicantName} · ${statusWords(lang, c.status)} · ${L(lang, 'diajukan', 'submitted')} ${formatDate(lang, c.submittedDate)}</li>`,
  )}</ul><p>${L(lang, 'Periksa berkas tersebut sebelum mendaftarkan permohonan baru; daftarkan hanya bila memang kebutuhan yang berbeda.', 'Check those cases before registering a new one; register only when it is truly a different need.')}</p></div>`;
}
