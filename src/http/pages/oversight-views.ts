/** The head of office's evaluation page (/petugas/evaluasi): promise vs actual per service, findings, late cases, backlog, ageing. Pure. */
import type { Problem } from '../../domain/errors.js';
import { amount, percent, type ServiceEvaluation } from '../../domain/oversight/evaluate.js';
import { shiftPeriod, type Period, type PeriodKind } from '../../domain/oversight/period.js';
import { STATUS_LABEL, isCaseStatus } from '../../domain/applications/status.js';
import { onTimeBarsSvg } from '../../render/oversight-charts.js';
import type { StandardEvaluation } from '../../usecases/oversight/evaluate-standard.js';
import type { Dashboard } from '../../usecases/oversight/read-dashboard.js';
import type { DecreeLint } from '../../usecases/oversight/read-decree-lints.js';
import type { ApprovalView } from '../../usecases/oversight/approve-figures.js';
import type { ApprovedFigures } from '../../usecases/oversight/snapshot-figures.js';
import { approvedFiguresSection, noticesSection, sippnSection } from './oversight-figures-views.js';
import type { OversightNotice } from '../../usecases/oversight/read-notices.js';
import { reportNotes, waitsText } from '../../usecases/oversight/report-rows.js';
import { kindWord } from '../api/oversight-schemas.js';
import { L, when, type Lang } from '../i18n.js';
import { errorSummary, fieldError, invalidAttrs, slaBadge } from './components.js';
import { html, raw, type Raw } from './html.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';

export interface EvaluationPageData {
  /** The period asked for (as typed, for the form), and the one evaluated (absent when the input was wrong). */
  asked: { kind: PeriodKind; value: string };
  evaluation?: StandardEvaluation;
  dashboard?: Dashboard;
  /** What `sigap standards lint` finds in the office's decree. */
  lints?: DecreeLint[];
  /** The approval of the period's figures (months and years only). */
  approval?: ApprovalView;
  /** The period's approved snapshot (the evaluation shown is then the snapshot's), history and changes since. */
  approved?: ApprovedFigures;
  /** The scheduler's validation findings and evaluation reminders. */
  notices?: OversightNotice[];
  problems?: Problem[];
}

const KIND_LABEL: Record<PeriodKind, { id: string; en: string }> = {
  month: { id: 'Bulan', en: 'Month' },
  quarter: { id: 'Triwulan', en: 'Quarter' },
  year: { id: 'Tahun', en: 'Year' },
};

export const periodQuery = (p: { kind: PeriodKind; value: string }) => `jenis=${kindWord(p.kind)}&periode=${encodeURIComponent(p.value)}`;

/** The staff case search, filtered to a service and the period's submission dates: every count drills down to its cases. */
const casesHref = (lang: Lang, serviceId: string, period: Period, status?: string) =>
  withLang(`/petugas/cari?serviceId=${encodeURIComponent(serviceId)}&from=${period.from}&to=${period.to}${status ? `&status=${status}` : ''}`, lang);

const time = (lang: Lang, v: number | null, ev: ServiceEvaluation) => (v === null || ev.unit === null ? '—' : amount(lang, v, ev.unit));

function periodForm(lang: Lang, asked: EvaluationPageData['asked'], problems: readonly Problem[]): Raw {
  return html`<form method="get" action="/petugas/evaluasi" class="filters" aria-label="${L(lang, 'Pilih periode', 'Choose the period')}">${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<div><label for="f-kind">${L(lang, 'Jenis periode', 'Period type')}</label><select id="f-kind" name="jenis">${(['month', 'quarter', 'year'] as const).map(
    (k) => html`<option value="${kindWord(k)}"${k === asked.kind ? raw(' selected') : ''}>${L(lang, KIND_LABEL[k].id, KIND_LABEL[k].en)}</option>`,
  )}</select></div>
<div><label for="f-value">${L(lang, 'Periode', 'Period')}</label><input id="f-value" name="periode" value="${asked.value}" maxlength="10" inputmode="text" autocomplete="off" aria-describedby="f-value-hint"${invalidAttrs(problems, 'value')}>
<p class="meta" id="f-value-hint">${L(lang, 'Bulan 2026-05 · triwulan 2026-Q2 · tahun 2026', 'Month 2026-05 · quarter 2026-Q2 · year 2026')}</p>${fieldError(lang, problems, 'value')}</div>
<button type="submit">${L(lang, 'Tampilkan', 'Show')}</button></form>`;
}

const LEVEL: Record<string, { id: string; en: string }> = {
  'kepala-bidang': { id: 'Kepala Bidang', en: 'Head of division' },
  sekretaris: { id: 'Sekretaris', en: 'Secretary' },
  'kepala-dinas': { id: 'Kepala Dinas', en: 'Head of office' },
};

/** Who has approved the period's figures, whose turn it is, and (for the head) reopening with a reason. */
function approvalSection(shell: StaffShell, a: ApprovalView, problems: readonly Problem[]): Raw {
  const { lang } = shell;
  const level = (r: string) => L(lang, LEVEL[r]?.id ?? r, LEVEL[r]?.en ?? r);
  const next = a.locked ? null : a.chain[a.step]!;
  const mine = !!next && shell.allowed?.includes('oversight.approve') && shell.roles?.includes(next);
  const head = a.locked && shell.allowed?.includes('oversight.reopen');
  return html`<section aria-labelledby="h-approval"><h2 id="h-approval">${L(lang, 'Persetujuan angka', 'Approval of the figures')}</h2>
<ol class="meta">${a.chain.map((r, i) => html`<li>${level(r)}: ${i < a.step ? L(lang, 'disetujui', 'approved') : L(lang, 'belum', 'not yet')}</li>`)}</ol>
<p>${a.locked ? html`<strong>${L(lang, `Angka ${a.period} disetujui dan dikunci`, `The figures of ${a.period} are approved and locked`)}</strong> (${a.updatedBy})` : L(lang, `Menunggu persetujuan ${level(next!)}`, `Waiting for approval by the ${level(next!).toLowerCase()}`)}</p>
${mine ? html`<form method="post" action="${withLang('/petugas/evaluasi/persetujuan', lang)}">${csrfField(shell)}<input type="hidden" name="period" value="${a.period}"><button type="submit">${L(lang, `Setujui angka ${a.period} sebagai ${level(next!)}`, `Approve the figures of ${a.period} as ${level(next!).toLowerCase()}`)}</button></form>` : ''}
${head ? html`<form method="post" action="${withLang('/petugas/evaluasi/buka-kembali', lang)}" class="intake">${csrfField(shell)}<input type="hidden" name="period" value="${a.period}">
<div class="field"><label for="f-reason">${L(lang, 'Alasan membuka kembali (wajib, masuk jejak audit)', 'Reason for reopening (required, goes to the audit trail)')}</label><textarea id="f-reason" name="reason" rows="2" maxlength="1000"${invalidAttrs(problems, 'reason')}></textarea>${fieldError(lang, problems, 'reason')}</div>
<button type="submit" class="return">${L(lang, 'Buka kembali', 'Reopen')}</button></form>` : ''}</section>`;
}

/** The decree's drafting problems, for the yearly review of the standard (the same findings as `sigap standards lint`). */
function lintList(lang: Lang, lints: readonly DecreeLint[]): Raw {
  return html`<section aria-labelledby="h-lint"><h2 id="h-lint">${L(lang, 'Catatan penyusunan keputusan', "Drafting notes on the decree")}</h2>
<p class="meta">${L(lang, 'Temuan pemeriksaan otomatis atas standar pelayanan (sigap standards lint), untuk ditinjau pada evaluasi tahunan.', 'Findings of the automatic check of the service standard (sigap standards lint), to review at the yearly evaluation.')}</p>
${lints.length ? html`<ul class="findings">${lints.map((l) => html`<li>${l.service ? html`<strong>${l.service.no}. ${l.service.title}</strong>: ` : ''}${L(lang, l.text.id, l.text.en)} <span class="meta">[${l.code}]</span></li>`)}</ul>` : html`<p>${L(lang, 'Tidak ada temuan.', 'No findings.')}</p>`}</section>`;
}

/** A table that stacks into labelled lines on a phone (table.stack in layout.ts): each cell carries its column's name. */
export function stackTable(labelledBy: string, headers: readonly string[], rows: readonly (readonly (Raw | string | number)[])[], cls = ''): Raw {
  return html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="${labelledBy}"><table class="queue stack${cls ? ` ${cls}` : ''}"><thead><tr>${headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${rows.map(
    (r) => html`<tr>${r.map((c, i) => html`<td data-label="${headers[i]!}"${i > 0 && typeof c === 'number' ? raw(' class="num"') : ''}>${c}</td>`)}</tr>`,
  )}</tbody></table></div>`;
}

function serviceTable(lang: Lang, r: StandardEvaluation): Raw {
  const rows = r.services.filter((s) => s.evaluation.cases > 0);
  const idle = r.services.filter((s) => s.evaluation.cases === 0);
  const headers = [L(lang, 'Layanan', 'Service'), L(lang, 'Janji dalam keputusan', "Decree's promise"), L(lang, 'Kasus', 'Cases'), L(lang, 'Selesai', 'Completed'), L(lang, 'Tepat waktu', 'On time'), 'Median', 'p90', L(lang, 'Maks.', 'Max'), L(lang, 'Terbuka terlambat', 'Open and late')];
  const body = rows.map((s) => {
    const ev = s.evaluation;
    return [
      // Plain text: the first cell's links do not wrap on a phone (table.stack), and the finding follows below.
      html`<strong>${s.no}. ${s.title}</strong>`,
      ev.promise.text,
      html`<a href="${casesHref(lang, s.id, r.period)}" aria-label="${L(lang, `${ev.cases} kasus ${s.title}`, `${ev.cases} cases of ${s.title}`)}">${ev.cases}</a>`,
      html`<a href="${casesHref(lang, s.id, r.period, 'completed')}" aria-label="${L(lang, `${ev.completed} kasus selesai ${s.title}`, `${ev.completed} completed cases of ${s.title}`)}">${ev.completed}</a>`,
      ev.onTimeRate === null ? '—' : html`<strong>${percent(lang, ev.onTimeRate)}</strong> <span class="meta">(${ev.onTime}/${ev.completed})</span>`,
      time(lang, ev.median, ev),
      time(lang, ev.p90, ev),
      time(lang, ev.max, ev),
      ev.openLate ? html`<a href="#terlambat">${ev.openLate}</a>` : '0',
    ];
  });
  return html`${rows.length ? stackTable('h-promise', headers, body, 'evaluation') : html`<p>${L(lang, 'Tidak ada kasus pada periode ini.', 'No cases in this period.')}</p>`}
${idle.length ? html`<details><summary>${L(lang, `Layanan tanpa kasus pada periode ini (${idle.length})`, `Services without cases in this period (${idle.length})`)}</summary><ul>${idle.map((s) => html`<li>${s.no}. ${s.title} — ${s.evaluation.promise.text}</li>`)}</ul></details>` : ''}`;
}

function findings(lang: Lang, r: StandardEvaluation): Raw {
  const rows = r.services.filter((s) => s.evaluation.cases > 0);
  if (!rows.length) return html``;
  return html`<section aria-labelledby="h-findings"><h2 id="h-findings">${L(lang, 'Temuan per layanan', 'Findings per service')}</h2><ul class="findings">${rows.map((s) => {
    const ev = s.evaluation;
    return html`<li id="svc-${s.id}"><h3>${s.no}. ${s.title}</h3><p>${lang === 'id' ? ev.finding.id : ev.finding.en}</p>${ev.waits.length ? html`<p class="meta">${L(lang, 'Menunggu', 'Waiting on')}: ${waitsText(lang, ev)}</p>` : ''}${
      ev.stages.length
        ? html`<ul class="meta">${ev.stages.map((st) => html`<li>${L(lang, 'Tahap', 'Stage')} ${st.label}${st.limitText ? ` (${st.limitText})` : ''}: ${st.finished}/${st.started} ${L(lang, 'selesai', 'finished')}, ${st.onTime} ${L(lang, 'tepat waktu', 'on time')}</li>`)}</ul>`
        : ''
    }</li>`;
  })}</ul></section>`;
}

function lateList(lang: Lang, d: Dashboard): Raw {
  return html`<section aria-labelledby="terlambat-h" id="terlambat"><h2 id="terlambat-h">${L(lang, 'Berkas terbuka yang berisiko atau terlambat', 'Open cases at risk or late')}</h2>${
    d.atRisk.length
      ? stackTable(
          'terlambat-h',
          [L(lang, 'No. registrasi', 'Registration no.'), L(lang, 'Layanan', 'Service'), L(lang, 'Tahap / status', 'Step / status'), 'SLA', L(lang, 'Tenggat', 'Due')],
          d.atRisk.map((c) => [
            html`<a href="${withLang(`/petugas/berkas/${c.id}`, lang)}">${c.registrationNumber}</a>`,
            c.service,
            c.step ?? (isCaseStatus(c.status) ? L(lang, STATUS_LABEL[c.status].id, STATUS_LABEL[c.status].en) : c.status),
            slaBadge(lang, c.slaState),
            when(lang, c.dueLocal),
          ]),
        )
      : html`<p>${L(lang, 'Tidak ada berkas terbuka yang berisiko atau terlambat.', 'No open case is at risk or late.')}</p>`
  }</section>`;
}

function backlog(lang: Lang, d: Dashboard): Raw {
  // One row per service, step and role: the states are summed, the officer named when one holds it.
  const rows = new Map<string, { service: string; step: string; role: string; count: number; late: number }>();
  for (const r of d.backlog) {
    const k = `${r.service}|${r.step}|${r.role}`;
    const row = rows.get(k) ?? { service: r.service, step: r.step, role: r.role, count: 0, late: 0 };
    row.count += r.count;
    if (r.slaState === 'late') row.late += r.count;
    rows.set(k, row);
  }
  const list = [...rows.values()].sort((a, b) => b.count - a.count);
  return html`<section aria-labelledby="h-backlog"><h2 id="h-backlog">${L(lang, 'Antrean per tahap dan peran', 'Backlog by step and role')}</h2>${
    list.length
      ? html`${stackTable('h-backlog', [L(lang, 'Layanan', 'Service'), L(lang, 'Tahap', 'Step'), L(lang, 'Peran', 'Role'), L(lang, 'Terbuka', 'Open'), L(lang, 'Terlambat', 'Late')], list.map((r) => [r.service, r.step, r.role, r.count, r.late]))}<p class="meta"><a href="${withLang('/petugas/supervisi', lang)}">${L(lang, 'Rincian per petugas (supervisi)', 'Details per officer (supervision)')}</a></p>`
      : html`<p>${L(lang, 'Tidak ada berkas terbuka.', 'No open cases.')}</p>`
  }</section>`;
}

function ageing(lang: Lang, d: Dashboard): Raw {
  if (!d.ageing.length) return html``;
  const bands = [L(lang, '≤ 7 hari', '≤ 7 days'), L(lang, '8–30 hari', '8–30 days'), L(lang, '31–90 hari', '31–90 days'), L(lang, '> 90 hari', '> 90 days')];
  return html`<section aria-labelledby="h-age"><h2 id="h-age">${L(lang, 'Umur berkas terbuka (sejak diajukan)', 'Age of open cases (since submission)')}</h2>${stackTable(
    'h-age',
    [L(lang, 'Layanan', 'Service'), ...bands, L(lang, 'Jumlah', 'Total')],
    d.ageing.map((a) => {
      const total = a.counts.reduce((x, y) => x + y, 0);
      return [a.service, ...a.counts, html`<a href="${withLang(`/petugas/cari?serviceId=${encodeURIComponent(a.serviceId)}&status=open`, lang)}" aria-label="${L(lang, `${total} berkas terbuka ${a.service}`, `${total} open cases of ${a.service}`)}">${total}</a>`];
    }),
  )}</section>`;
}

/** "← Triwulan I 2026 · Triwulan III 2026 →": the neighbouring periods of the same kind. */
function stepLinks(lang: Lang, p: Period): Raw {
  const link = (q: Period | null, rel: 'prev' | 'next') =>
    q ? html`<a rel="${rel}" href="${withLang(`/petugas/evaluasi?${periodQuery(q)}`, lang)}">${rel === 'prev' ? '← ' : ''}${L(lang, q.label.id, q.label.en)}${rel === 'next' ? ' →' : ''}</a>` : '';
  return html`<nav class="actions" aria-label="${L(lang, 'Periode lain', 'Other periods')}">${link(shiftPeriod(p, -1), 'prev')}${link(shiftPeriod(p, 1), 'next')}</nav>`;
}

export function evaluationPage(shell: StaffShell, d: EvaluationPageData): string {
  const { lang } = shell;
  const r = d.evaluation;
  const problems = d.problems ?? [];
  const query = r ? periodQuery(r.period) : periodQuery(d.asked);
  const total = (k: 'cases' | 'completed' | 'onTime' | 'openLate') => (r ? r.services.reduce((n, s) => n + s.evaluation[k], 0) : 0);
  const bars = r ? r.services.filter((s) => s.evaluation.onTimeRate !== null).map((s) => ({ label: `${s.no}. ${s.title}`, rate: s.evaluation.onTimeRate })) : [];
  return staffPage(shell, {
    title: L(lang, 'Evaluasi Standar Pelayanan', 'Service standard evaluation'),
    path: `/petugas/evaluasi?${query}`,
    body: html`<h1>${L(lang, 'Evaluasi Standar Pelayanan', 'Service standard evaluation')}</h1>
${errorSummary(lang, problems)}
${periodForm(lang, d.asked, problems)}
${
  r
    ? html`<p class="meta">${r.officeName} · <strong>${L(lang, r.period.label.id, r.period.label.en)}</strong> (${r.period.from} – ${r.period.to}) · ${L(lang, 'kasus menurut tanggal diajukan', 'cases by submission date')}</p>
${stepLinks(lang, r.period)}
<p class="actions"><a href="${withLang('/petugas/spm', lang)}">${L(lang, 'Capaian SPM bidang sosial', 'SPM achievement')}</a> <a class="button" href="${withLang(`/petugas/evaluasi/laporan.pdf?${query}`, lang)}" download>${L(lang, 'Laporan Evaluasi (PDF)', 'Evaluation report (PDF)')}</a> <a class="button" href="${withLang(`/petugas/evaluasi/laporan.xlsx?${query}`, lang)}" download>${L(lang, 'Tabel evaluasi (XLSX)', 'Evaluation table (XLSX)')}</a></p>
<p data-testid="summary">${L(
        lang,
        `${total('cases')} kasus diajukan; ${total('completed')} selesai, ${total('onTime')} dalam waktu yang dijanjikan keputusan; ${total('openLate')} kasus terbuka sudah terlambat.`,
        `${total('cases')} cases submitted; ${total('completed')} completed, ${total('onTime')} within the decree's promise; ${total('openLate')} open ${total('openLate') === 1 ? 'case is' : 'cases are'} late.`,
      )}</p>
${r.truncated ? html`<p class="notice">${L(lang, 'Waktu dihitung dari sebagian kasus: batas pembacaan tercapai. Pilih periode yang lebih pendek.', 'Times were computed from part of the cases: the reading bound was reached. Choose a shorter period.')}</p>` : ''}
<section aria-labelledby="h-promise"><h2 id="h-promise">${L(lang, 'Janji dan kenyataan per layanan', 'Promise and actual per service')}</h2>
${bars.length ? html`<figure><div class="flow" aria-hidden="true">${raw(onTimeBarsSvg(bars, { lang, width: 480, labelMax: 26 }))}</div><figcaption>${L(lang, 'Persentase kasus selesai dalam waktu yang dijanjikan, per layanan; angka pada tabel di bawah.', 'Share of completed cases closed within the promise, per service; figures in the table below.')}</figcaption></figure>` : ''}
${serviceTable(lang, r)}</section>
${findings(lang, r)}`
    : ''
}
${d.dashboard ? html`${lateList(lang, d.dashboard)}${backlog(lang, d.dashboard)}${ageing(lang, d.dashboard)}` : ''}
${d.approval ? approvalSection(shell, d.approval, problems) : ''}
${d.approved ? approvedFiguresSection(lang, d.approved) : ''}
${d.notices ? noticesSection(lang, d.notices) : ''}
${d.lints ? lintList(lang, d.lints) : ''}
${d.lints ? sippnSection(lang) : ''}
<details><summary>${L(lang, 'Cara menghitung', 'How the figures are computed')}</summary>${reportNotes(lang).map((n) => html`<p class="meta">${n}</p>`)}</details>`,
  });
}
