/** SPM bidang sosial for staff: achievement per indicator for a budget year (/petugas/spm) and the needs register's form (/petugas/spm/kebutuhan). Pure. */
import type { Problem } from '../../domain/errors.js';
import { SPM_INDICATORS } from '../../domain/oversight/spm.js';
import type { SpmIndicatorRow } from '../../usecases/oversight/compute-spm.js';
import { L, type Lang } from '../i18n.js';
import { errorSummary, fieldError, invalidAttrs } from './components.js';
import { html, raw } from './html.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';
import { stackTable } from './oversight-views.js';

export function spmPage(shell: StaffShell, d: { officeName: string; year: number; rows: SpmIndicatorRow[] }): string {
  const { lang } = shell;
  const headers = [L(lang, 'Indikator', 'Indicator'), L(lang, 'Dilayani (X)', 'Served (X)'), L(lang, 'Membutuhkan (Y)', 'Needing (Y)'), L(lang, 'Capaian X/Y', 'Achievement X/Y'), L(lang, 'Dihitung dari layanan', 'Counted from services')];
  const rows = d.rows.map((r) => [
    html`<strong>${L(lang, r.name, r.nameEn)}</strong>`,
    r.served,
    r.needing,
    html`<strong>${L(lang, r.text.id, r.text.en)}</strong>${r.servedExceedsNeeding ? html` <span class="badge late">${L(lang, 'dilayani > membutuhkan: periksa register', 'served > needing: check the register')}</span>` : ''}`,
    r.services.length ? r.services.map((s) => `${s.no}. ${s.title} (${s.ends.join(', ')})`).join('; ') : L(lang, 'belum dipetakan di spm.yaml', 'not mapped in spm.yaml'),
  ]);
  const may = shell.allowed?.includes('spm.needs.write');
  return staffPage(shell, {
    title: L(lang, 'Capaian SPM bidang sosial', 'SPM achievement (social sector)'),
    path: '/petugas/spm',
    body: html`<h1>${L(lang, 'Capaian SPM bidang sosial', 'SPM achievement (social sector)')}</h1>
<p class="meta">${d.officeName} · ${L(lang, 'tahun anggaran', 'budget year')} <strong>${d.year}</strong></p>
<nav class="actions" aria-label="${L(lang, 'Tahun lain', 'Other years')}"><a href="${withLang(`/petugas/spm?year=${d.year - 1}`, lang)}">${d.year - 1}</a> <a href="${withLang(`/petugas/spm?year=${d.year + 1}`, lang)}">${d.year + 1}</a>${may ? html` <a class="button" href="${withLang(`/petugas/spm/kebutuhan?year=${d.year}`, lang)}">${L(lang, 'Catat kebutuhan', 'Record a need')}</a>` : ''}</nav>
<section aria-labelledby="h-spm"><h2 id="h-spm">${L(lang, 'Lima indikator kabupaten/kota', 'The five kab/kota indicators')}</h2>${stackTable('h-spm', headers, rows, 'evaluation')}</section>
<aside class="notice" aria-label="${L(lang, 'Cara menghitung', 'How it is computed')}"><p>${L(
      lang,
      'Indikator Kinerja = X/Y × 100 % selama 1 (satu) tahun anggaran (Permensos 9/2018). X: orang berbeda (menurut NIK) yang permohonannya pada layanan yang dipetakan di spm.yaml selesai dengan akhir yang dipetakan pada tahun anggaran ini (menurut tanggal setempat); satu orang dihitung sekali per indikator per tahun. Y: orang pada register kebutuhan tahun ini. Y = 0: "tidak ada kebutuhan".',
      'Performance indicator = X/Y × 100 % over one budget year (Permensos 9/2018). X: distinct persons (by NIK) whose case of a service mapped in spm.yaml ended in a mapped end during this budget year (local dates); a person counts once per indicator per year. Y: persons in this year\'s needs register. Y = 0: "no need recorded".',
    )}</p></aside>`,
  });
}

export function spmNeedPage(shell: StaffShell, d: { year: number; values?: Record<string, string>; problems?: Problem[]; recorded?: boolean }): string {
  const { lang } = shell;
  const problems = d.problems ?? [];
  const v = (k: string) => d.values?.[k] ?? (k === 'year' ? String(d.year) : '');
  const field = (name: string, label: string, extra: string) =>
    html`<div class="field"><label for="f-${name}">${label}</label><input id="f-${name}" name="${name}" value="${v(name)}"${raw(extra)}${invalidAttrs(problems, name)}>${fieldError(lang, problems, name)}</div>`;
  return staffPage(shell, {
    title: L(lang, 'Catat kebutuhan SPM', 'Record an SPM need'),
    path: '/petugas/spm/kebutuhan',
    body: html`<h1>${L(lang, 'Catat kebutuhan SPM', 'Record an SPM need')}</h1>
<p class="help">${L(lang, 'Orang yang dinilai membutuhkan pelayanan dasar pada tahun anggaran (Y). Satu orang dicatat sekali per indikator per tahun.', 'A person assessed as needing a basic service in the budget year (Y). One person is recorded once per indicator per year.')}</p>
${d.recorded ? html`<p class="notice" role="status">${L(lang, 'Tercatat di register kebutuhan. Isi untuk orang berikutnya.', 'Recorded in the needs register. Fill in the next person.')}</p>` : ''}
${errorSummary(lang, problems)}
<form method="post" action="${withLang('/petugas/spm/kebutuhan', lang)}" class="intake">${csrfField(shell)}
${field('year', L(lang, 'Tahun anggaran', 'Budget year'), ' inputmode="numeric" maxlength="4"')}
<div class="field"><label for="f-indicator">${L(lang, 'Indikator', 'Indicator')}</label><select id="f-indicator" name="indicator"${invalidAttrs(problems, 'indicator')}>${SPM_INDICATORS.map((i) => html`<option value="${i.code}"${v('indicator') === i.code ? raw(' selected') : ''}>${L(lang, i.name, i.nameEn)}</option>`)}</select>${fieldError(lang, problems, 'indicator')}</div>
${field('nik', 'NIK', ' inputmode="numeric" maxlength="16" autocomplete="off"')}
${field('name', L(lang, 'Nama lengkap', 'Full name'), ' maxlength="200" autocomplete="off"')}
${field('assessedOn', L(lang, 'Tanggal asesmen', 'Assessment date'), ' type="date"')}
${field('note', L(lang, 'Catatan (tidak wajib)', 'Note (optional)'), ' maxlength="1000"')}
<button type="submit">${L(lang, 'Simpan', 'Save')}</button></form>
<p><a href="${withLang(`/petugas/spm?year=${d.year}`, lang)}">${L(lang, 'Kembali ke capaian SPM', 'Back to SPM achievement')}</a></p>`,
  });
}
