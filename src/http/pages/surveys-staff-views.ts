/**
 * The staff survey page (/petugas/survei): the IKM of the period with each service and the trend,
 * the report and export, the follow-up plan, and the paper entry and XLSX import forms, each shown
 * to the roles that may use it. Pure: (shell, data) → HTML.
 */
import type { Problem } from '../../domain/errors.js';
import type { SurveyOverview } from '../../usecases/surveys/read-survey-overview.js';
import { L } from '../i18n.js';
import { html } from './html.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';
import { dec, gradeText, noteBlock, sampleText } from './surveys-ikm-views.js';
import { surveyForm } from './surveys-views.js';
import { say } from './components.js';

/** The import's problems, where the surveyor picks the file again (rows of a sheet numbered). */
function importErrors(lang: StaffShell['lang'], problems: readonly Problem[]) {
  return problems.length
    ? html`<div class="error-summary" role="alert" id="f-file-problems"><h3>${L(lang, 'Impor dibatalkan; tidak ada yang disimpan', 'Import cancelled; nothing was saved')}</h3><ul>${problems.map((p) => html`<li>${p.row ? `${L(lang, 'Baris', 'Row')} ${p.row}: ` : ''}${say(lang, p)}</li>`)}</ul></div>`
    : '';
}

export interface StaffSurveyNotes {
  /** What was just done or refused, in the page's language. */
  message?: string;
  /** Problems of the paper questionnaire just sent. */
  problems?: readonly Problem[];
  /** Problems of the XLSX import just sent: shown in the import form, beside its file field. */
  importProblems?: readonly Problem[];
  /** The paper questionnaire just sent, shown again beside its problems. */
  values?: Record<string, string>;
}

export function staffSurveyPage(shell: StaffShell, v: SurveyOverview, notes: StaffSurveyNotes = {}): string {
  const { lang } = shell;
  const { office, period, ikm: r, trend, canRead, canEnter } = v;
  const qs = `from=${period.from}&to=${period.to}`;
  return staffPage(shell, {
    title: L(lang, 'Survei Kepuasan Masyarakat', 'Satisfaction survey'),
    path: '/petugas/survei',
    body: html`<h1>${L(lang, 'Survei Kepuasan Masyarakat (SKM)', 'Satisfaction survey (SKM)')}</h1>
${notes.message ? html`<div class="notice" role="status">${notes.message}</div>` : ''}
${!canRead && !canEnter ? html`<p>${L(lang, 'Peran Anda tidak dapat membuka data SKM.', 'Your role cannot open SKM data.')}</p>` : ''}
<form method="get" action="/petugas/survei" class="filters">${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<label for="f-from">${L(lang, 'Dari', 'From')}</label><input id="f-from" type="date" name="from" value="${period.from}">
<label for="f-to">${L(lang, 'Sampai', 'To')}</label><input id="f-to" type="date" name="to" value="${period.to}">
<button type="submit">${L(lang, 'Tampilkan', 'Show')}</button></form>
${r
  ? html`<h2>${lang === 'id' ? period.label : period.labelEn}</h2>
${r.office.noData ? html`<p class="notice">${lang === 'id' ? r.office.message : r.office.messageEn}</p>` : html`<p>IKM <strong class="big" data-testid="staff-ikm">${dec(lang, r.office.ikm!)}</strong> · ${r.office.grade} (${r.office.gradeLabel}) · ${L(lang, 'responden', 'respondents')} ${r.office.respondents} · ${L(lang, 'populasi', 'population')} ${r.office.population} · ${L(lang, 'sampel minimum', 'minimum sample')} ${r.office.minimumSample} (${sampleText(lang, r.office)})</p>`}
${r.services.length ? html`<div class="table-wrap" tabindex="0"><table class="queue"><thead><tr><th scope="col">${L(lang, 'Layanan', 'Service')}</th><th scope="col">${L(lang, 'Responden', 'Respondents')}</th><th scope="col">${L(lang, 'Populasi', 'Population')}</th><th scope="col">IKM</th><th scope="col">${L(lang, 'Sampel', 'Sample')}</th></tr></thead><tbody>${r.services.map((s) => html`<tr><td>${s.service?.title ?? ''}</td><td>${s.respondents}</td><td>${s.population}</td><td>${gradeText(lang, s)}</td><td>${s.minimumSample} · ${sampleText(lang, s)}</td></tr>`)}</tbody></table></div>` : ''}
${trend.length > 1 ? html`<p class="meta">${L(lang, 'Tren', 'Trend')}: ${trend.map((t) => `${lang === 'id' ? t.label : t.labelEn} ${t.ikm === null ? '—' : dec(lang, t.ikm)}`).join(' · ')}</p>` : ''}
${noteBlock(lang, r.office)}
<p><a class="button" href="/api/v1/surveys/report.pdf?${qs}">${L(lang, 'Laporan IKM (PDF)', 'IKM report (PDF)')}</a> <a class="button" href="/api/v1/surveys/export.xlsx?${qs}">${L(lang, 'Ekspor jawaban (XLSX)', 'Export responses (XLSX)')}</a></p>
<section aria-labelledby="h-fu"><h2 id="h-fu">${L(lang, 'Rencana tindak lanjut periode ini', "This period's follow-up plan")}</h2>
<form method="post" action="${withLang(`/petugas/survei/tindak-lanjut?${qs}`, lang)}" class="intake">${csrfField(shell)}
<div class="field"><label for="f-fu">${L(lang, 'Rencana tindak lanjut (dicetak pada laporan)', 'Follow-up plan (printed in the report)')}</label><textarea id="f-fu" name="text" rows="4"></textarea></div><button type="submit">${L(lang, 'Simpan', 'Save')}</button></form></section>`
  : ''}
${canEnter
  ? html`<section aria-labelledby="h-paper"><h2 id="h-paper">${L(lang, 'Masukkan kuesioner kertas', 'Enter a paper questionnaire')}</h2>
${surveyForm(lang, { action: withLang('/petugas/survei/isi', lang), hidden: { _csrf: shell.csrf }, requireAll: false, office, staff: true, values: notes.values, problems: notes.problems })}</section>
<section aria-labelledby="h-imp"><h2 id="h-imp">${L(lang, 'Impor dari XLSX', 'Import from XLSX')}</h2>
<p><a href="/api/v1/surveys/template.xlsx">${L(lang, 'Unduh templat XLSX', 'Download the XLSX template')}</a>. ${L(lang, 'Semua atau tidak sama sekali: bila ada baris yang salah, tidak ada yang disimpan dan setiap baris yang salah disebutkan.', 'All or nothing: if any row is wrong, nothing is saved and every wrong row is listed.')}</p>
<form method="post" action="${withLang('/petugas/survei/impor', lang)}" enctype="multipart/form-data" class="intake">${csrfField(shell)}
${importErrors(lang, notes.importProblems ?? [])}<div class="field"><label for="f-file">${L(lang, 'Berkas XLSX', 'XLSX file')}</label><input id="f-file" type="file" name="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"${notes.importProblems?.length ? html` aria-invalid="true" aria-describedby="f-file-problems"` : ''}></div>
<button type="submit">${L(lang, 'Impor', 'Import')}</button></form></section>`
  : ''}`,
  });
}

/** The one-line message of a done action (`?ok=` after a redirect); unknown ones say nothing. */
export function staffSurveyMessage(lang: StaffShell['lang'], ok: 'saved' | 'imported' | 'followup' | undefined, facts: { n?: string | undefined; date?: string | undefined }): string | undefined {
  const n = facts.n ?? '';
  const date = facts.date ?? '';
  switch (ok) {
    case 'saved':
      return L(lang, `Kuesioner tersimpan (tanggal ${date}).`, `Questionnaire saved (dated ${date}).`);
    case 'imported':
      return L(lang, `${n} kuesioner diimpor.`, `${n} questionnaires imported.`);
    case 'followup':
      return L(lang, 'Rencana tindak lanjut tersimpan.', 'Follow-up plan saved.');
    default:
      return undefined;
  }
}
