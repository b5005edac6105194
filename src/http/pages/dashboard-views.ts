/** The head of office's and each division's dashboard (/petugas/dasbor): key figures, charts with their tables, every count a link to its cases. Pure. */
import type { Problem } from '../../domain/errors.js';
import { percent } from '../../domain/oversight/evaluate.js';
import { backlogByStepSvg, volumeByMonthSvg } from '../../render/dashboard-charts.js';
import { onTimeBarsSvg } from '../../render/oversight-charts.js';
import type { OfficeDashboard } from '../../usecases/oversight/compile-dashboard.js';
import { cellText, dashboardTables, type Cell, type DashTable, type DashboardTableId } from '../../usecases/oversight/dashboard-tables.js';
import type { Division } from '../../domain/oversight/dashboard.js';
import { L, type Lang } from '../i18n.js';
import { errorSummary, fieldError, invalidAttrs } from './components.js';
import { html, raw, type Raw } from './html.js';
import { staffPage, withLang, type StaffShell } from './layout.js';
import { stackTable } from './oversight-views.js';

export interface DashboardPageData {
  /** What was asked, as typed (for the form). */
  asked: { from?: string | undefined; to?: string | undefined; division?: string | undefined };
  divisions: Division[];
  dashboard?: OfficeDashboard;
  problems?: Problem[];
}

export const dashboardQuery = (q: { from?: string | undefined; to?: string | undefined; division?: string | null | undefined }) => {
  const p = new URLSearchParams();
  if (q.from) p.set('from', q.from);
  if (q.to) p.set('to', q.to);
  if (q.division) p.set('division', q.division);
  return p.toString();
};

function filterForm(lang: Lang, d: DashboardPageData, problems: readonly Problem[]): Raw {
  const a = d.dashboard ? { from: d.dashboard.range.from, to: d.dashboard.range.to, division: d.dashboard.division?.key } : d.asked;
  return html`<form method="get" action="/petugas/dasbor" class="filters" aria-label="${L(lang, 'Pilih periode dan bidang', 'Choose the period and division')}">${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<div><label for="f-from">${L(lang, 'Dari (tanggal 1)', 'From (a 1st)')}</label><input id="f-from" name="from" type="date" value="${a.from ?? ''}"${invalidAttrs(problems, 'from')}>${fieldError(lang, problems, 'from')}</div>
<div><label for="f-to">${L(lang, 'Sampai (akhir bulan)', 'To (a month end)')}</label><input id="f-to" name="to" type="date" value="${a.to ?? ''}"${invalidAttrs(problems, 'to')}>${fieldError(lang, problems, 'to')}</div>
<div><label for="f-division">${L(lang, 'Bidang', 'Division')}</label><select id="f-division" name="division"${invalidAttrs(problems, 'division')}><option value="">${L(lang, 'Seluruh kantor', 'Whole office')}</option>${d.divisions.map(
    (v) => html`<option value="${v.key}"${v.key === a.division ? raw(' selected') : ''}>${v.name}</option>`,
  )}</select>${fieldError(lang, problems, 'division')}</div>
<button type="submit">${L(lang, 'Tampilkan', 'Show')}</button></form>`;
}

const cellHtml = (lang: Lang, c: Cell): Raw | string | number => {
  const t = cellText(lang, c);
  if (!c.href) return typeof c.v === 'number' && !c.pct ? c.v : t;
  return html`<a href="${withLang(c.href, lang)}"${c.label ? html` aria-label="${c.label}"` : ''}>${t}</a>`;
};

function tableSection(lang: Lang, t: DashTable, query: string, chart?: { svg: string; caption: string }): Raw {
  const h = `h-${t.id}`;
  return html`<section aria-labelledby="${h}" data-table="${t.id}"><h2 id="${h}">${t.title}</h2>
${t.note ? html`<p class="meta">${t.note}</p>` : ''}
${chart ? html`<figure><div class="flow" aria-hidden="true">${raw(chart.svg)}</div><figcaption>${chart.caption}</figcaption></figure>` : ''}
${t.rows.length ? stackTable(h, t.headers, t.rows.map((r) => r.map((c) => cellHtml(lang, c)))) : html`<p>${L(lang, 'Tidak ada data.', 'No data.')}</p>`}
<p class="actions"><a href="${withLang(`/petugas/dasbor/tabel.xlsx?table=${t.id}${query ? `&${query}` : ''}`, lang)}" download>${L(lang, `Unduh tabel ini (XLSX): ${t.title}`, `Download this table (XLSX): ${t.title}`)}</a></p></section>`;
}

/** The one-line text alternative of each chart: the chart's story in words; the table beside it holds every number. */
function captions(lang: Lang, d: OfficeDashboard) {
  const t = d.volume.total;
  const busiest = [...d.volume.months].sort((a, b) => b.submitted - a.submitted)[0];
  const top = d.backlog.steps[0];
  const rated = d.onTime.filter((s) => s.onTimeRate !== null);
  const worst = [...rated].sort((a, b) => a.onTimeRate! - b.onTimeRate!)[0];
  return {
    volume: L(
      lang,
      `Berkas per bulan diajukan: ${t.submitted} dalam periode, ${t.completed} selesai, ${t.rejected} ditolak, ${t.withdrawn} dibatalkan, ${t.open} masih terbuka${busiest && busiest.submitted ? `; terbanyak ${busiest.month} (${busiest.submitted})` : ''}. Angka per bulan pada tabel di bawah.`,
      `Cases by month of submission: ${t.submitted} in the period, ${t.completed} completed, ${t.rejected} rejected, ${t.withdrawn} withdrawn, ${t.open} still open${busiest && busiest.submitted ? `; most in ${busiest.month} (${busiest.submitted})` : ''}. Figures per month in the table below.`,
    ),
    backlog: top
      ? L(lang, `Tugas terbuka per tahap; terbanyak: ${top.step} (${top.service}), ${top.open} terbuka, ${top.late} terlambat. Semua angka pada tabel di bawah.`, `Open tasks per step; most: ${top.step} (${top.service}), ${top.open} open, ${top.late} late. Every figure in the table below.`)
      : '',
    ontime: worst
      ? L(lang, `Persentase selesai tepat waktu per layanan; terendah: ${worst.service}, ${percent(lang, worst.onTimeRate!)}. Angka pada tabel di bawah.`, `Share completed on time per service; lowest: ${worst.service}, ${percent(lang, worst.onTimeRate!)}. Figures in the table below.`)
      : '',
  };
}

function keyFigures(lang: Lang, d: OfficeDashboard): Raw {
  const t = d.volume.total;
  const completed = d.onTime.reduce((n, s) => n + s.completed, 0);
  const onTime = d.onTime.reduce((n, s) => n + s.onTime, 0);
  const rate = completed ? percent(lang, onTime / completed) : '—';
  const ikm = d.ikm.office;
  const complaints = d.complaints.channels.reduce((n, c) => n + c.received, 0);
  const item = (label: string, value: string | number, href: string) => html`<li><a href="${withLang(href, lang)}">${label}: <strong>${value}</strong></a></li>`;
  return html`<ul class="cards" data-testid="key-figures">
${item(L(lang, 'Diajukan dalam periode', 'Submitted in the period'), t.submitted, '#h-volume')}
${item(L(lang, 'Selesai tepat waktu', 'Completed on time'), `${rate} (${onTime}/${completed})`, '#h-ontime')}
${item(L(lang, 'Terbuka terlambat sekarang', 'Open and late now'), d.late.counts.late, '#h-late')}
${item(L(lang, 'Berisiko terlambat', 'At risk'), d.late.counts.atRisk, '#h-late')}
${item('IKM', ikm?.value === null || ikm === null ? '—' : `${cellText(lang, { v: ikm.value })} (${ikm.grade ?? '—'})`, '#h-ikm')}
${item(L(lang, 'Pengaduan diterima', 'Complaints received'), complaints, '#h-complaints')}
</ul>`;
}

export function dashboardPage(shell: StaffShell, p: DashboardPageData): string {
  const { lang } = shell;
  const d = p.dashboard;
  const problems = p.problems ?? [];
  const title = d?.division ? L(lang, `Dasbor ${d.division.name}`, `Dashboard: ${d.division.name}`) : L(lang, 'Dasbor Kepala Dinas', 'Head of office dashboard');
  const query = d ? dashboardQuery({ from: d.range.from, to: d.range.to, division: d.division?.key }) : dashboardQuery(p.asked);
  let body: Raw = html``;
  if (d) {
    const tables = new Map<DashboardTableId, DashTable>(dashboardTables(d, lang).map((t) => [t.id, t]));
    const c = captions(lang, d);
    const sec = (id: DashboardTableId, chart?: { svg: string; caption: string }) => tableSection(lang, tables.get(id)!, query, chart);
    const rated = d.onTime.filter((s) => s.onTimeRate !== null).map((s) => ({ label: s.service, rate: s.onTimeRate }));
    body = html`<p class="meta">${d.office.name}${d.division ? ` · ${d.division.name}` : ''} · <strong>${d.range.from} – ${d.range.to}</strong> · ${L(lang, `hari ini ${d.today}`, `today ${d.today}`)}</p>
<p class="actions"><a href="${withLang(`/petugas/evaluasi`, lang)}">${L(lang, 'Evaluasi standar pelayanan', 'Service standard evaluation')}</a> <a href="${withLang('/petugas/spm', lang)}">${L(lang, 'Capaian SPM', 'SPM achievement')}</a></p>
${keyFigures(lang, d)}
${sec('volume', d.volume.total.submitted ? { svg: volumeByMonthSvg(d.volume.months, { lang }), caption: c.volume } : undefined)}
${sec('services')}
${sec('ontime', rated.length ? { svg: onTimeBarsSvg(rated, { lang, width: 480, labelMax: 26 }), caption: c.ontime } : undefined)}
${sec('stages')}
${sec('late')}
${sec('backlog', d.backlog.steps.length ? { svg: backlogByStepSvg(d.backlog.steps.map((s) => ({ label: s.step, open: s.open, late: s.late })), { lang }), caption: c.backlog } : undefined)}
${sec('roles')}
${sec('officers')}
${sec('ageing')}
${sec('ikm')}
${sec('complaints')}
${sec('operations')}`;
  }
  return staffPage(shell, {
    title,
    path: `/petugas/dasbor${query ? `?${query}` : ''}`,
    body: html`<h1>${title}</h1>
${errorSummary(lang, problems)}
${filterForm(lang, p, problems)}
${body}`,
  });
}
