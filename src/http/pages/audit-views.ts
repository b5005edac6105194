/** Views of the audit capability: the "who accessed this record" section and the auditor's trail page. Pure: (lang/shell, data) → HTML. */
import { ACTION_NAMES, DATA_ACCESS_ACTIONS, PURPOSE_NAMES, type DataAccessAction, type DataAccessPurpose } from '../../domain/audit/data-access.js';
import { TRAIL_EXPORT_MAX, TRAIL_KINDS, TRAIL_KIND_NAMES, TRAIL_SOURCE_NAMES, type TrailInput, type TrailKind } from '../../domain/audit/trail.js';
import type { Problem } from '../../domain/errors.js';
import { ACCESS_ACTIONS } from '../../domain/registry/snapshots.js';
import type { RecordReads } from '../../usecases/audit/record-reads.js';
import type { TrailPage } from '../../usecases/audit/read-trail.js';
import type { TrailLine } from '../../usecases/audit/trail-lines.js';
import { L, when, type Lang } from '../i18n.js';
import { errorSummary, fieldError, invalidAttrs } from './components.js';
import { html, type Raw } from './html.js';
import { staffPage, withLang, type StaffShell } from './layout.js';
import { linkTo, pager } from './applications-search-views.js';

/** The groups of fields a read showed, in people's words (an upload's group is its requirement's id). */
const FIELD_NAMES: Record<string, [string, string]> = {
  identity: ['identitas', 'identity'],
  answers: ['isian formulir', 'form answers'],
  documents: ['daftar dokumen', 'document list'],
  timeline: ['riwayat', 'timeline'],
  letters: ['surat', 'letters'],
  letter: ['isi surat', 'letter'],
  history: ['riwayat surat', 'letter history'],
  text: ['isi pengaduan', 'complaint text'],
  name: ['nama', 'name'],
  'name-masked': ['nama tersamar', 'masked name'],
  'nik-masked': ['NIK tersamar', 'masked NIK'],
  'signed-pdf': ['PDF bertanda tangan', 'signed PDF'],
  'preview-pdf': ['pratinjau PDF', 'PDF preview'],
  'access-history': ['riwayat akses', 'access history'],
  receipt: ['tanda terima (dengan kode pelacakan)', 'receipt (with the tracking code)'],
};

const fieldWords = (lang: Lang, fields: readonly string[]) => fields.map((f) => (FIELD_NAMES[f] ? L(lang, ...FIELD_NAMES[f]!) : f)).join(', ');
const purposeWords = (lang: Lang, p: string | null) => (p && p in PURPOSE_NAMES ? PURPOSE_NAMES[p as DataAccessPurpose][lang] : (p ?? '—'));
const actionWords = (lang: Lang, a: string) => (a in ACTION_NAMES ? ACTION_NAMES[a as DataAccessAction][lang] : a);
const kindWords = (lang: Lang, k: string) => (k in TRAIL_KIND_NAMES ? TRAIL_KIND_NAMES[k as TrailKind][lang] : k);

/** The reader and their roles; histories already name the roles in the actor ("Siti (Front Office)"), so only the others are added. */
function who(actorName: string, roleNames: readonly string[]): Raw {
  const more = roleNames.filter((n) => !actorName.includes(n));
  return html`${actorName}${more.length ? html`<br><span class="meta">${more.join(', ')}</span>` : ''}`;
}

/** "Who accessed this record": the logged reads, newest first; nothing for roles that do not read the trail (null). */
export function recordReadsSection(lang: Lang, reads: RecordReads | null | undefined): Raw | '' {
  if (!reads) return '';
  const shown = reads.entries.length;
  return html`<section aria-labelledby="h-reads" class="reads" data-testid="record-reads"><h2 id="h-reads">${L(lang, 'Siapa mengakses data ini', 'Who accessed this record')}</h2>
<p class="meta">${L(lang, `${reads.total} pembacaan tercatat${reads.total > shown ? `; ${shown} terbaru ditampilkan` : ''}. Terlihat oleh kepala dinas, auditor dan admin.`, `${reads.total} logged ${reads.total === 1 ? 'read' : 'reads'}${reads.total > shown ? `; the newest ${shown} shown` : ''}. Seen by the head of office, the auditor and the admin.`)}</p>
${shown
  ? html`<div class="table-wrap" role="region" aria-labelledby="h-reads" tabindex="0"><table class="stack"><thead><tr><th scope="col">${L(lang, 'Waktu', 'When')}</th><th scope="col">${L(lang, 'Petugas', 'Officer')}</th><th scope="col">${L(lang, 'Tindakan', 'Action')}</th><th scope="col">${L(lang, 'Tujuan', 'Purpose')}</th><th scope="col">${L(lang, 'Data yang dibuka', 'Data opened')}</th></tr></thead><tbody>${reads.entries.map(
      (e) =>
        html`<tr><td><time datetime="${e.at}">${when(lang, e.atLocal)}</time></td><td data-label="${L(lang, 'Petugas', 'Officer')}">${who(e.actorName, e.roleNames)}</td><td data-label="${L(lang, 'Tindakan', 'Action')}">${actionWords(lang, e.action)}</td><td data-label="${L(lang, 'Tujuan', 'Purpose')}">${purposeWords(lang, e.purpose)}</td><td data-label="${L(lang, 'Data yang dibuka', 'Data opened')}">${e.recordKind === 'upload' || e.recordKind === 'letter' ? `${kindWords(lang, e.recordKind)}: ` : ''}${fieldWords(lang, e.fields)}</td></tr>`,
    )}</tbody></table></div>`
  : html`<p>${L(lang, 'Belum ada pembacaan tercatat.', 'No reads logged yet.')}</p>`}</section>`;
}

/** The filters as typed, echoed into the form and the links. */
export type TrailValues = Omit<TrailInput, 'page'>;

export interface TrailPageData {
  values: TrailValues;
  /** Absent when the filters were refused (then `problems` say why, beside their fields). */
  result?: TrailPage;
  problems: Problem[];
}

const KNOWN_ACTIONS = [...DATA_ACCESS_ACTIONS, ...ACCESS_ACTIONS, 'complaint.identity.read', 'letters.preview', 'letters.sign', 'letters.number', 'letters.revoke', 'letters.export-register', 'account.add', 'registry.import'];

const selected = (on: boolean) => (on ? html` selected` : '');
const langField = (lang: Lang) => (lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : '');

function field(lang: Lang, p: readonly Problem[], name: keyof TrailValues, label: string, input: Raw): Raw {
  return html`<div class="field"><label for="t-${name}">${label}</label>${fieldError(lang, p, name)}${input}</div>`;
}

function lineRow(lang: Lang, l: TrailLine): Raw {
  const record = l.recordId ? html`<br><span class="meta record-id">${l.recordId}</span>` : '';
  const ids = [l.nik ?? '', l.kk ? `KK ${l.kk}` : ''].filter(Boolean).join(' · ');
  return html`<tr><td><time datetime="${l.at}">${when(lang, l.atLocal)}</time></td><td data-label="${L(lang, 'Sumber', 'Source')}">${TRAIL_SOURCE_NAMES[l.source][lang]}</td><td data-label="${L(lang, 'Petugas', 'Officer')}">${who(l.actorName, l.roleNames)}</td><td data-label="${L(lang, 'Tindakan', 'Action')}">${actionWords(lang, l.action)}</td><td data-label="${L(lang, 'Data', 'Record')}">${kindWords(lang, l.kind)}${record}</td><td data-label="NIK">${ids || '—'}</td><td data-label="${L(lang, 'Tujuan / alasan', 'Purpose / reason')}">${purposeWords(lang, l.purpose)}${l.source === 'data' && Array.isArray(l.detail.fields) && l.detail.fields.length ? html`<br><span class="meta">${fieldWords(lang, l.detail.fields as string[])}</span>` : ''}</td></tr>`;
}

export function trailPage(shell: StaffShell, d: TrailPageData): string {
  const { lang } = shell;
  const v = d.values;
  const p = d.problems;
  const r = d.result;
  const params = (page?: number) => ({ from: v.from, to: v.to, actor: v.actor, kind: v.kind, action: v.action, record: v.record, nik: v.nik, page: page && page > 1 ? page : undefined });
  const body = html`<h1>${L(lang, 'Jejak audit', 'Audit trail')}</h1>
<p class="meta">${L(lang, 'Kejadian kantor, akses data registri dan pembacaan data pribadi, terbaru dulu. Menyaring dengan NIK juga dicatat.', 'Office events, registry accesses and reads of personal data, newest first. Filtering by a NIK is logged too.')}</p>
${errorSummary(lang, p)}
<form method="get" action="/petugas/audit" class="filters trail-filters no-print">${langField(lang)}
${field(lang, p, 'from', L(lang, 'Sejak tanggal', 'From'), html`<input id="t-from" name="from" type="date" value="${v.from ?? ''}"${invalidAttrs(p, 'from')}>`)}
${field(lang, p, 'to', L(lang, 'Sampai tanggal', 'Until'), html`<input id="t-to" name="to" type="date" value="${v.to ?? ''}"${invalidAttrs(p, 'to')}>`)}
${field(lang, p, 'actor', L(lang, 'Petugas (bagian dari nama)', 'Officer (part of the name)'), html`<input id="t-actor" name="actor" value="${v.actor ?? ''}" autocomplete="off"${invalidAttrs(p, 'actor')}>`)}
${field(lang, p, 'kind', L(lang, 'Jenis data', 'Kind of record'), html`<select id="t-kind" name="kind"${invalidAttrs(p, 'kind')}><option value="">${L(lang, 'Semua', 'All')}</option>${TRAIL_KINDS.map((k) => html`<option value="${k}"${selected(v.kind === k)}>${kindWords(lang, k)}</option>`)}</select>`)}
${field(lang, p, 'action', L(lang, 'Tindakan', 'Action'), html`<input id="t-action" name="action" value="${v.action ?? ''}" list="t-actions" autocomplete="off"${invalidAttrs(p, 'action')}><datalist id="t-actions">${KNOWN_ACTIONS.map((a) => html`<option value="${a}">`)}</datalist>`)}
${field(lang, p, 'record', L(lang, 'Nomor registrasi, nomor pengaduan atau id', 'Registration number, complaint number or id'), html`<input id="t-record" name="record" value="${v.record ?? ''}" autocomplete="off"${invalidAttrs(p, 'record')}>`)}
${field(lang, p, 'nik', L(lang, 'NIK (pencarian dicatat)', 'NIK (the search is logged)'), html`<input id="t-nik" name="nik" value="${v.nik ?? ''}" inputmode="numeric" autocomplete="off"${invalidAttrs(p, 'nik')}>`)}
<button type="submit" class="primary">${L(lang, 'Saring', 'Filter')}</button> <a href="${withLang('/petugas/audit', lang)}">${L(lang, 'Hapus saringan', 'Clear filters')}</a></form>
${r ? trailResults(lang, r, (page) => linkTo('/petugas/audit', params(page)), linkTo('/petugas/audit/ekspor', params())) : ''}`;
  return staffPage(shell, { title: L(lang, 'Jejak audit', 'Audit trail'), path: linkTo('/petugas/audit', params(r?.page)), body });
}

/** The filters in force, in words: on screen under the heading, and what a printed trail says it holds. */
function filterSummary(lang: Lang, f: TrailPage['filter']): Raw {
  const parts = [
    f.from ? L(lang, `sejak ${f.from}`, `from ${f.from}`) : '',
    f.to ? L(lang, `sampai ${f.to}`, `until ${f.to}`) : '',
    f.actor ? L(lang, `petugas «${f.actor}»`, `officer “${f.actor}”`) : '',
    f.kind ? kindWords(lang, f.kind) : '',
    f.action ? L(lang, `tindakan ${f.action}`, `action ${f.action}`) : '',
    f.record ? L(lang, `data ${f.record}`, `record ${f.record}`) : '',
    f.nik ? `NIK ${f.nik}` : '',
  ].filter(Boolean);
  return html`<p class="trail-filter-summary">${L(lang, 'Saringan', 'Filters')}: ${parts.length ? parts.join(' · ') : L(lang, 'tidak ada (semua baris)', 'none (every line)')}</p>`;
}

function trailResults(lang: Lang, r: TrailPage, hrefOf: (page: number) => string, exportHref: string): Raw {
  const paging = r.pages > 1 ? ` · ${L(lang, `halaman ${r.page} dari ${r.pages}`, `page ${r.page} of ${r.pages}`)}` : '';
  return html`<section aria-labelledby="h-trail"><h2 id="h-trail">${L(lang, `${r.total} baris`, `${r.total} ${r.total === 1 ? 'line' : 'lines'}`)}${paging}</h2>
${filterSummary(lang, r.filter)}
<p class="meta">${L(lang, `Kejadian ${r.bySource.event} · akses registri ${r.bySource.registry} · baca data pribadi ${r.bySource.data}`, `Events ${r.bySource.event} · registry accesses ${r.bySource.registry} · personal-data reads ${r.bySource.data}`)}</p>
<p class="no-print"><a href="${withLang(exportHref, lang)}" download>${L(lang, `Unduh XLSX (maks. ${TRAIL_EXPORT_MAX} baris; ekspor dicatat)`, `Download XLSX (at most ${TRAIL_EXPORT_MAX} lines; the export is logged)`)}</a></p>
${r.truncated ? html`<p class="notice">${L(lang, 'Hanya halaman terbaru yang dapat dibuka; persempit tanggal atau saringan untuk melihat baris yang lebih lama.', 'Only the newest pages can be opened; narrow the dates or filters to see older lines.')}</p>` : ''}
${r.lines.length
  ? html`<div class="table-wrap" role="region" aria-labelledby="h-trail" tabindex="0"><table class="stack trail"><thead><tr><th scope="col">${L(lang, 'Waktu', 'When')}</th><th scope="col">${L(lang, 'Sumber', 'Source')}</th><th scope="col">${L(lang, 'Petugas', 'Officer')}</th><th scope="col">${L(lang, 'Tindakan', 'Action')}</th><th scope="col">${L(lang, 'Data', 'Record')}</th><th scope="col">NIK</th><th scope="col">${L(lang, 'Tujuan / alasan', 'Purpose / reason')}</th></tr></thead><tbody>${r.lines.map((l) => lineRow(lang, l))}</tbody></table></div>`
  : html`<p>${L(lang, 'Tidak ada baris dengan saringan ini.', 'No line matches these filters.')}</p>`}
${pager(lang, r.page, r.pages, hrefOf)}</section>`;
}

/** For roles that do not read the trail: what the page is and who may open it. */
export function trailForbiddenPage(shell: StaffShell): string {
  const { lang } = shell;
  return staffPage(shell, {
    title: L(lang, 'Jejak audit', 'Audit trail'),
    path: '/petugas/audit',
    body: html`<h1>${L(lang, 'Jejak audit', 'Audit trail')}</h1><div class="error-summary" role="alert"><p>${L(lang, 'Jejak audit hanya untuk kepala dinas, auditor dan admin.', 'The audit trail is for the head of office, the auditor and the admin only.')}</p></div>`,
  });
}
