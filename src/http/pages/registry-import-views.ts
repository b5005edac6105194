/**
 * Views of the registry's imports and snapshots: the import form, an import's progress and result,
 * the list of snapshots with the rows export form. Pure: (frame, data) → HTML.
 */
import type { ImportState } from '../../usecases/registry/read-import-progress.js';
import type { SnapshotView } from '../../usecases/registry/snapshots.js';
import { L } from '../i18n.js';
import { flash } from './components.js';
import { html } from './html.js';
import { csrfField, withLang } from './layout.js';
import { registryPage, type RegistryFrame } from './registry-views.js';

const n = (v: number) => v.toLocaleString('id-ID');

/** The upload form: the period (this month by default), the threshold, the extract and a mapping file. */
export function importFormPage(f: RegistryFrame, d: { period: string; error?: string }): string {
  const lang = f.shell.lang;
  const body = html`${flash({ error: d.error })}
<p>${L(lang, 'Unggah ekstrak DTKS/DTSEN kantor Anda (CSV dengan pemisah koma, titik koma atau garis tegak; UTF-8 atau Windows-1252; atau XLSX). Snapshot baru baru berlaku setelah seluruh berkas dimuat dan diperiksa; bila lebih dari ambang baris ditolak, snapshot lama tetap berlaku.', 'Upload your office’s DTKS/DTSEN extract (CSV separated by commas, semicolons or pipes; UTF-8 or Windows-1252; or XLSX). The new snapshot only takes effect once the whole file is loaded and checked; if more rows than the threshold are rejected, the old snapshot stays current.')}</p>
<form method="post" action="${withLang('/petugas/registri/impor', lang)}" enctype="multipart/form-data" class="intake">${csrfField(f.shell)}
<div class="field"><label for="f-period">${L(lang, 'Periode data (YYYY-MM)', 'Data period (YYYY-MM)')}</label><input id="f-period" name="period" pattern="\\d{4}-\\d{2}" value="${d.period}" required></div>
<div class="field"><label for="f-threshold">${L(lang, 'Ambang baris ditolak', 'Rejected-rows threshold')}</label><input id="f-threshold" name="threshold" value="1%" aria-describedby="h-thr"><p class="help" id="h-thr">${L(lang, 'Impor ditolak seluruhnya bila baris tidak sah melebihi ambang ini.', 'The whole import is refused if invalid rows exceed this threshold.')}</p></div>
<div class="field"><label for="f-file">${L(lang, 'Berkas ekstrak (CSV atau XLSX)', 'Extract file (CSV or XLSX)')}</label><input id="f-file" name="file" type="file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required></div>
<div class="field"><label for="f-map">${L(lang, 'Berkas pemetaan kolom (opsional, YAML/JSON)', 'Column mapping file (optional, YAML/JSON)')}</label><input id="f-map" name="mapping" type="file" accept=".yaml,.yml,.json"></div>
<button type="submit" class="primary">${L(lang, 'Mulai impor', 'Start import')}</button></form>`;
  return registryPage(f, L(lang, 'Impor snapshot registri', 'Import a registry snapshot'), '/petugas/registri/impor', body);
}

const PHASE: Record<string, [string, string]> = {
  hashing: ['Memeriksa berkas (SHA-256)', 'Checking the file (SHA-256)'],
  loading: ['Memuat dan memeriksa baris', 'Loading and checking rows'],
  indexing: ['Mengindeks', 'Indexing'],
  comparing: ['Membandingkan dengan snapshot sebelumnya', 'Comparing with the previous snapshot'],
  publishing: ['Menerbitkan', 'Publishing'],
  done: ['Selesai', 'Done'],
};

/**
 * Follows the import without a full-page refresh (the site script polls `data-follow`: the CSP
 * allows no inline script); without script the officer reloads with the link.
 */
const followScript = (url: string) => html`<span hidden data-follow="${url}"></span>`;

/** An import while it runs (a progress bar), and its result once done (the snapshot, or why it was refused). */
export function importProgressPage(f: RegistryFrame, s: ImportState, canDownloadReport: boolean): string {
  const lang = f.shell.lang;
  const pct = s.totalBytes ? Math.min(100, Math.round((s.bytesRead / s.totalBytes) * 100)) : 0;
  const rows = s.snapshot?.summary.rows as { new?: number; removed?: number } | undefined;
  const body = html`<section aria-labelledby="h-prog"><h2 id="h-prog">${s.done ? L(lang, 'Hasil impor', 'Import result') : (PHASE[s.phase] ?? [s.phase, s.phase])[lang === 'id' ? 0 : 1]}</h2>
${s.done ? '' : html`<p><progress id="reg-progress" max="100" value="${pct}" aria-label="${L(lang, 'Kemajuan impor', 'Import progress')}">${pct}%</progress> <span id="reg-pct">${pct}%</span></p>
<p class="meta"><span id="reg-rows">${n(s.rowsRead)}</span> ${L(lang, 'baris', 'rows')} · <span id="reg-rate">${n(Math.round(s.rate))}</span> ${L(lang, 'baris/detik', 'rows/s')} · ${L(lang, 'sisa', 'left')} <span id="reg-eta">${s.etaSeconds === null ? '—' : Math.ceil(s.etaSeconds)}</span> ${L(lang, 'detik', 's')} · ${L(lang, 'ditolak', 'rejected')} <span id="reg-rej">${n(s.rejected)}</span></p>
<p class="meta">${L(lang, 'Snapshot lama tetap berlaku sampai impor ini selesai.', 'The old snapshot stays current until this import completes.')} <a href="${withLang(`/petugas/registri/impor/${s.id}`, lang)}">${L(lang, 'Perbarui', 'Refresh')}</a></p>`}
${s.status === 'noop' ? html`<p class="notice">${L(lang, 'Tidak ada perubahan: berkas yang sama (SHA-256 sama) sudah menjadi snapshot yang berlaku untuk periode ini.', 'No change: the same file (same SHA-256) is already the current snapshot for this period.')}</p>` : ''}
${s.status === 'complete' ? html`<p class="notice"><strong>${L(lang, 'Snapshot diterbitkan dan berlaku.', 'Snapshot published and current.')}</strong></p>` : ''}
${s.done && s.problems.length ? html`<div class="error-summary" role="alert"><h2>${L(lang, 'Impor ditolak', 'Import refused')}</h2><ul>${s.problems.map((p) => html`<li>${lang === 'id' ? p.message : p.messageEn}</li>`)}</ul></div>` : ''}
${s.snapshot && s.done
  ? html`<dl class="facts"><div><dt>${L(lang, 'Periode', 'Period')}</dt><dd>${s.snapshot.period}</dd></div><div><dt>${L(lang, 'Berkas', 'File')}</dt><dd>${s.snapshot.sourceName ?? ''}</dd></div><div><dt>SHA-256</dt><dd><code>${s.snapshot.sourceSha256.slice(0, 16)}…</code></dd></div>
<div><dt>${L(lang, 'Baris dibaca', 'Rows read')}</dt><dd>${n(s.snapshot.rowsRead)}</dd></div><div><dt>${L(lang, 'Diterima', 'Accepted')}</dt><dd>${n(s.snapshot.rowsAccepted ?? 0)}</dd></div><div><dt>${L(lang, 'Ditolak', 'Rejected')}</dt><dd>${n(s.snapshot.rowsRejected ?? 0)}</dd></div>
<div><dt>${L(lang, 'Tidak berubah', 'Unchanged')}</dt><dd>${s.snapshot.rowsUnchanged === null ? '—' : n(s.snapshot.rowsUnchanged)}</dd></div><div><dt>${L(lang, 'Baru / keluar', 'New / removed')}</dt><dd>${rows?.new ?? '—'} / ${rows?.removed ?? '—'}</dd></div><div><dt>${L(lang, 'Pengimpor', 'Importer')}</dt><dd>${s.snapshot.importer}</dd></div></dl>
${s.snapshot.hasReport && canDownloadReport ? html`<p><a class="button" href="${withLang(`/petugas/registri/snapshot/${s.snapshot.id}/laporan`, lang)}">${L(lang, 'Unduh laporan baris ditolak (CSV)', 'Download the rejected-rows report (CSV)')}</a></p>` : ''}`
  : ''}
${s.done ? html`<p><a href="${withLang('/petugas/registri/snapshot', lang)}">${L(lang, 'Semua snapshot', 'All snapshots')}</a> · <a href="${withLang('/petugas/registri/impor', lang)}">${L(lang, 'Impor lagi', 'Import again')}</a></p>` : ''}</section>${s.done ? '' : followScript(`/api/v1/registry/imports/${s.id}`)}`;
  return registryPage(f, L(lang, 'Impor registri', 'Registry import'), '/petugas/registri/impor', body);
}

const STATUS: Record<string, [string, string]> = {
  complete: ['selesai', 'complete'],
  loading: ['memuat', 'loading'],
  refused: ['ditolak', 'refused'],
  failed: ['gagal', 'failed'],
  abandoned: ['terhenti (dibersihkan)', 'abandoned (cleaned up)'],
};

/** Every snapshot of the office (★ current for its period), and the rows export for those who may. */
export function snapshotsPage(f: RegistryFrame, d: { snapshots: SnapshotView[]; canExport: boolean; canDownloadReport: boolean }): string {
  const lang = f.shell.lang;
  const complete = d.snapshots.filter((s) => s.status === 'complete');
  const body = html`<p>${L(lang, 'Setiap impor disimpan sebagai snapshot dengan SHA-256 berkasnya, pengimpor dan waktunya. Yang bertanda ★ berlaku untuk periodenya; snapshot lama disimpan agar dapat diketahui siapa yang tercantum pada tanggal tertentu (menu Cari › Riwayat).', 'Each import is kept as a snapshot with its file’s SHA-256, importer and time. ★ marks the one current for its period; old snapshots are kept so one can tell who was listed on a given date (Look up › History).')}</p>
<div class="table-wrap" tabindex="0" role="region" aria-label="${L(lang, 'Daftar snapshot', 'Snapshots')}"><table class="queue"><thead><tr><th scope="col">${L(lang, 'Periode', 'Period')}</th><th scope="col">Status</th><th scope="col">${L(lang, 'Baris', 'Rows')}</th><th scope="col">${L(lang, 'Diimpor', 'Imported')}</th><th scope="col">${L(lang, 'Oleh', 'By')}</th><th scope="col">${L(lang, 'Berkas', 'File')}</th><th scope="col">${L(lang, 'Tindakan', 'Actions')}</th></tr></thead><tbody>${d.snapshots.map(
    (s) => html`<tr><td>${s.current ? '★ ' : ''}${s.period}</td><td>${(STATUS[s.status] ?? [s.status, s.status])[lang === 'id' ? 0 : 1]}${s.replacedAt ? html`<br><span class="meta">${L(lang, 'diganti', 'replaced')} ${f.time(s.replacedAt)}</span>` : ''}</td><td>${n(s.rowsAccepted ?? s.rowsRead)}${s.rowsRejected ? html`<br><span class="meta">${L(lang, 'ditolak', 'rejected')} ${n(s.rowsRejected)}</span>` : ''}</td><td>${f.time(s.completedAt ?? s.startedAt)}</td><td>${s.importer}</td><td>${s.sourceName ?? ''}<br><code class="meta">${s.sourceSha256.slice(0, 12)}…</code></td><td><a href="${withLang(`/petugas/registri/impor/${s.id}`, lang)}">${L(lang, 'rincian', 'details')}</a>${s.hasReport && d.canDownloadReport ? html` · <a href="${withLang(`/petugas/registri/snapshot/${s.id}/laporan`, lang)}">${L(lang, 'laporan', 'report')}</a>` : ''}</td></tr>`,
  )}</tbody></table></div>
${d.canExport && complete.length
  ? html`<h2>${L(lang, 'Ekspor baris snapshot', 'Export snapshot rows')}</h2><p class="meta">${L(lang, 'Ekspor data pribadi dicatat di log akses beserta dasarnya.', 'Exports of personal data are recorded in the access log with their basis.')}</p>
<form method="post" action="${withLang('/petugas/registri/ekspor', lang)}" class="intake">${csrfField(f.shell)}
<div class="field"><label for="f-snap">Snapshot</label><select id="f-snap" name="snapshot">${complete.map((s) => html`<option value="${s.id}">${s.period}${s.current ? ' ★' : ''} · ${s.sourceName ?? s.id.slice(0, 8)}</option>`)}</select></div>
<div class="field"><label for="f-dist">${L(lang, 'Kecamatan (opsional)', 'Kecamatan (optional)')}</label><input id="f-dist" name="district"></div>
<div class="field"><label for="f-vil">${L(lang, 'Desa/kelurahan (opsional)', 'Village (optional)')}</label><input id="f-vil" name="village"></div>
<div class="field"><label for="f-why">${L(lang, 'Dasar ekspor (nomor surat/keperluan)', 'Basis of the export (letter number/purpose)')}</label><input id="f-why" name="reason" required minlength="5"></div>
<button type="submit">${L(lang, 'Unduh CSV', 'Download CSV')}</button></form>`
  : ''}`;
  return registryPage(f, L(lang, 'Snapshot registri', 'Registry snapshots'), '/petugas/registri/snapshot', body);
}

/** A rows export that was refused (a missing basis, an unknown snapshot). */
export function exportRefusedPage(f: RegistryFrame, message: string): string {
  const lang = f.shell.lang;
  return registryPage(
    f,
    L(lang, 'Ekspor ditolak', 'Export refused'),
    '/petugas/registri/snapshot',
    html`${flash({ error: message })}<p><a href="${withLang('/petugas/registri/snapshot', lang)}">${L(lang, 'Kembali', 'Back')}</a></p>`,
  );
}
