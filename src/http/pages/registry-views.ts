/**
 * Views of the registry's back-office pages: the frame every registry page shares (its menu, the
 * refusal for roles without need), the counter's look-up, a case's registry record, the access log
 * and the personal-data request. Pure: (frame, data) → HTML.
 */
import type { AccessLogEntry } from '../../db/registry-repo.js';
import { canExportPerson, canImport, canReadLog, type PersonView } from '../../domain/registry/access.js';
import type { LookupAnswer } from '../../usecases/registry/lookup-registry.js';
import type { CaseRegistry } from '../../usecases/registry/show-case-registry.js';
import type { SnapshotRef } from '../../usecases/registry/snapshots.js';
import { L, type Lang } from '../i18n.js';
import { flash } from './components.js';
import { html, type Raw } from './html.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';

/** What every registry page needs beyond its data: the staff shell, the officer's roles, local times. */
export interface RegistryFrame {
  shell: StaffShell;
  roles: readonly string[];
  /** An instant in the office's local time ('—' when there is none). */
  time: (iso: string | null) => string;
}

function subNav(lang: Lang, roles: readonly string[], current: string): Raw {
  const items: [string, string, string, boolean][] = [
    ['/petugas/registri', 'Cari', 'Look up', true],
    ['/petugas/registri/snapshot', 'Snapshot', 'Snapshots', true],
    ['/petugas/registri/impor', 'Impor', 'Import', canImport(roles)],
    ['/petugas/registri/usulan', 'Usulan', 'Proposals', true],
    ['/petugas/registri/log', 'Log akses', 'Access log', canReadLog(roles)],
    ['/petugas/registri/data-pribadi', 'Data pribadi', 'Personal data', canExportPerson(roles)],
  ];
  return html`<nav class="filters" aria-label="${L(lang, 'Menu registri', 'Registry menu')}">${items
    .filter((i) => i[3])
    .map((i) => html`<a href="${withLang(i[0], lang)}"${i[0] === current ? html` aria-current="page"` : ''}>${L(lang, i[1], i[2])}</a>`)}</nav>`;
}

/** A registry page: the staff frame, the registry menu (the page's own item marked), the title, the body. */
export function registryPage(f: RegistryFrame, title: string, path: string, body: Raw): string {
  return staffPage(f.shell, { title, path, body: html`${subNav(f.shell.lang, f.roles, path)}<h1>${title}</h1>${body}` });
}

/** For roles that may not open a registry page (status 403). */
export function forbiddenPage(f: RegistryFrame, path: string): string {
  const lang = f.shell.lang;
  return registryPage(
    f,
    L(lang, 'Tidak berwenang', 'Not allowed'),
    path,
    html`<p>${L(lang, 'Peran Anda tidak berwenang membuka halaman registri ini. Data DTKS/DTSEN adalah data pribadi yang dilindungi (UU 27/2022).', 'Your role may not open this registry page. DTKS/DTSEN data is protected personal data (UU 27/2022).')}</p>`,
  );
}

/** Something asked for that is not there (status 404): the title says what. */
export const missingPage = (f: RegistryFrame, title: string, path: string): string => registryPage(f, title, path, html``);

/** Which snapshot an answer comes from, or that there is none yet. */
function snapshotLine(f: RegistryFrame, s: SnapshotRef | null): Raw {
  const lang = f.shell.lang;
  if (!s) return html`<p class="notice">${L(lang, 'Belum ada snapshot registri yang diimpor: aturan yang memerlukan data DTKS tetap "perlu diperiksa manual".', 'No registry snapshot imported yet: rules that need DTKS data stay "check manually".')}</p>`;
  return html`<p class="meta">${L(lang, 'Sumber', 'Source')}: ${L(lang, 'snapshot periode', 'snapshot period')} <strong>${s.period}</strong>${s.current ? '' : html` (${L(lang, 'bukan yang berlaku sekarang', 'not the current one')})`}, ${L(lang, 'diimpor', 'imported')} ${f.time(s.importedAt)} · ${s.sourceName ?? ''} · SHA-256 <code>${s.sourceSha256.slice(0, 16)}…</code></p>`;
}

const yesNo = (lang: Lang, v: boolean | null | undefined) => (v === true ? L(lang, 'Ya', 'Yes') : v === false ? L(lang, 'Tidak', 'No') : '—');

function personBlock(lang: Lang, p: PersonView): Raw {
  const a = p.address;
  return html`<dl class="facts">
<div><dt>${L(lang, 'Nama', 'Name')}</dt><dd>${p.name}</dd></div>
<div><dt>NIK</dt><dd>${p.nik}</dd></div>
<div><dt>${L(lang, 'No. KK', 'KK number')}</dt><dd>${p.kk}</dd></div>
<div><dt>${L(lang, 'Lahir', 'Born')}</dt><dd>${[p.birthPlace, p.birthDate].filter(Boolean).join(', ') || '—'}</dd></div>
<div><dt>${L(lang, 'Jenis kelamin', 'Sex')}</dt><dd>${p.sex ?? '—'}</dd></div>
<div><dt>${L(lang, 'Hubungan keluarga', 'Relation')}</dt><dd>${p.relation ?? '—'}</dd></div>
<div><dt>${L(lang, 'Alamat', 'Address')}</dt><dd>${[a.address, a.hamlet, a.rt ? `RT ${a.rt}` : null, a.rw ? `RW ${a.rw}` : null, a.village, a.district, a.regency].filter(Boolean).join(', ') || '—'}</dd></div>
<div><dt>Desil</dt><dd>${p.desil ?? '—'}</dd></div>
<div><dt>${L(lang, 'Program', 'Programmes')}</dt><dd>${Object.entries(p.programmes).map(([k, v]) => html`<span class="badge">${k.toUpperCase()}: ${yesNo(lang, v)}</span> `)}</dd></div>
</dl>`;
}

function lookupResult(f: RegistryFrame, r: LookupAnswer, asked: { nik?: string }): Raw {
  const lang = f.shell.lang;
  const family = r.family ?? [];
  return html`<section aria-labelledby="h-hasil" aria-live="polite"><h2 id="h-hasil">${L(lang, 'Hasil', 'Result')}</h2>
${snapshotLine(f, r.snapshot)}
${r.snapshot
  ? r.found
    ? html`<p class="notice"><strong>${asked.nik ? L(lang, 'TERDAFTAR di DTKS/DTSEN', 'LISTED in DTKS/DTSEN') : L(lang, 'Keluarga ditemukan', 'Family found')}</strong>${r.masking !== 'full' ? html` · <span class="meta">${L(lang, `tampilan disamarkan untuk peran Anda (${r.masking})`, `view masked for your role (${r.masking})`)}</span>` : ''}</p>
${r.person ? personBlock(lang, r.person) : ''}
<h3>${L(lang, 'Anggota keluarga dalam KK yang sama', 'Family members in the same KK')} (${family.length})</h3>
<div class="table-wrap" tabindex="0" role="region" aria-label="${L(lang, 'Anggota keluarga', 'Family members')}"><table class="queue"><thead><tr><th scope="col">${L(lang, 'Nama', 'Name')}</th><th scope="col">NIK</th><th scope="col">${L(lang, 'Hubungan', 'Relation')}</th><th scope="col">${L(lang, 'Lahir', 'Born')}</th><th scope="col">L/P</th><th scope="col">Desil</th><th scope="col">PKH</th><th scope="col">BPNT</th><th scope="col">PBI</th></tr></thead><tbody>${family.map(
        (m) => html`<tr><td>${m.name}</td><td>${m.nik}</td><td>${m.relation ?? '—'}</td><td>${m.birthDate ?? '—'}</td><td>${m.sex ?? '—'}</td><td>${m.desil ?? '—'}</td><td>${yesNo(lang, m.programmes.pkh)}</td><td>${yesNo(lang, m.programmes.bpnt)}</td><td>${yesNo(lang, m.programmes.pbi)}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p class="notice"><strong>${asked.nik ? L(lang, 'TIDAK TERDAFTAR di DTKS/DTSEN (Non DTKS)', 'NOT LISTED in DTKS/DTSEN (non-DTKS)') : L(lang, 'Tidak ada keluarga dengan No. KK ini', 'No family with this KK number')}</strong></p>
<p>${L(lang, 'Warga yang belum terdaftar dapat diusulkan (usulan DTKS) bila memenuhi kriteria; lihat menu Usulan.', 'A resident who is not listed can be proposed (usulan DTKS) if eligible; see Proposals.')}</p>`
  : ''}
<p class="meta">${L(lang, 'Pemeriksaan ini dicatat di log akses', 'This look-up is recorded in the access log')} (${r.logId.slice(0, 8)}).</p></section>`;
}

/** What the look-up form holds: what was typed, or the case's applicant. */
export interface LookupValues {
  nik?: string;
  kk?: string;
  application?: string;
  reason?: string;
  asOf?: string;
}

function lookupForm(f: RegistryFrame, values: LookupValues, error: string | undefined, appLabel: string | undefined): Raw {
  const lang = f.shell.lang;
  const reasons = [L(lang, 'Pemeriksaan DTKS di loket atas permintaan warga', 'DTKS check at the counter at the resident’s request'), L(lang, 'Verifikasi berkas permohonan', 'Verification of an application'), L(lang, 'Verifikasi lapangan', 'Field verification')];
  return html`${flash({ error })}
<form method="post" action="${withLang('/petugas/registri', lang)}" class="intake" novalidate>${csrfField(f.shell)}
<div class="field"><label for="f-nik">NIK</label><input id="f-nik" name="nik" inputmode="numeric" autocomplete="off" maxlength="24" value="${values.nik ?? ''}" aria-describedby="h-nik"><p class="help" id="h-nik">${L(lang, '16 digit. Atau isi No. KK di bawah untuk mencari satu keluarga.', '16 digits. Or fill in the KK number below to find a family.')}</p></div>
<div class="field"><label for="f-kk">${L(lang, 'No. KK', 'KK number')}</label><input id="f-kk" name="kk" inputmode="numeric" autocomplete="off" maxlength="24" value="${values.kk ?? ''}"></div>
${values.application ? html`<input type="hidden" name="application" value="${values.application}"><p class="meta">${L(lang, 'Untuk berkas', 'For case')}: <a href="${withLang(`/petugas/berkas/${values.application}`, lang)}">${appLabel ?? values.application}</a></p>` : html`<div class="field"><label for="f-reason">${L(lang, 'Keperluan pemeriksaan', 'Purpose of the look-up')}</label><input id="f-reason" name="reason" list="reasons" required value="${values.reason ?? reasons[0]!}"><datalist id="reasons">${reasons.map((r) => html`<option value="${r}">`)}</datalist></div>`}
<details><summary>${L(lang, 'Riwayat: registri pada tanggal tertentu', 'History: the registry on a given date')}</summary><div class="field"><label for="f-asof">${L(lang, 'Tanggal', 'Date')}</label><input id="f-asof" name="asOf" type="date" value="${values.asOf ?? ''}"></div></details>
<button type="submit" class="primary">${L(lang, 'Periksa', 'Look up')}</button></form>`;
}

/** The counter's look-up: the form, and the answer once asked (or why it was refused). */
export function lookupPage(f: RegistryFrame, d: { values: LookupValues; current: SnapshotRef | null; appLabel?: string; result?: LookupAnswer; error?: string }): string {
  const lang = f.shell.lang;
  const body = html`${d.result ? '' : snapshotLine(f, d.current)}
${lookupForm(f, d.values, d.error, d.appLabel)}
${d.result ? lookupResult(f, d.result, d.values) : ''}`;
  return registryPage(f, L(lang, 'Cari di registri DTKS/DTSEN', 'Look up the DTKS/DTSEN registry'), '/petugas/registri', body);
}

const verdictMark = (v: string) => (v === 'pass' ? '✓' : v === 'fail' ? '✗' : '?');

/** A case's registry record: at submission, and at each re-check at a decision step. */
export function caseRegistryPage(f: RegistryFrame, c: CaseRegistry): string {
  const lang = f.shell.lang;
  const reg = c.atSubmission.registry;
  const body = html`<p><a href="${withLang(`/petugas/berkas/${c.id}`, lang)}">${c.registrationNumber}</a> · ${c.applicantName}</p>
<h2>${L(lang, 'Saat pengajuan', 'At submission')}</h2>
${reg ? html`<p class="meta">${L(lang, 'Snapshot', 'Snapshot')} ${String(reg['registry.period'] ?? '')} · DTKS: ${String(reg['registry.dtks'])} · desil ${String(reg['registry.desil'] ?? '—')} · PKH ${String(reg['registry.pkh'] ?? '—')} · BPNT ${String(reg['registry.bpnt'] ?? '—')} · PBI ${String(reg['registry.pbi'] ?? '—')}</p>` : html`<p class="meta">${L(lang, 'Belum ada data registri saat pengajuan (aturan registri: periksa manual).', 'No registry data at submission (registry rules: check manually).')}</p>`}
<ul>${c.atSubmission.results.map((r) => html`<li>${verdictMark(r.verdict)} ${r.message}</li>`)}</ul>
<h2>${L(lang, 'Pemeriksaan ulang di langkah keputusan', 'Re-checks at decision steps')}</h2>
${c.events.length ? html`<ol class="timeline">${c.events.map((e) => {
      const r = e.recheck;
      return html`<li><time datetime="${e.at}">${f.time(e.at)}</time> · ${e.step} · ${e.actorName}${r ? html`<br>${r.snapshot ? `${L(lang, 'snapshot', 'snapshot')} ${r.snapshot.period}` : L(lang, 'tanpa snapshot', 'no snapshot')}${r.facts ? ` · DTKS ${String(r.facts['registry.dtks'])}` : ''}<ul>${(r.rules ?? []).map((x) => html`<li>${verdictMark(x.verdict)} ${x.message}${x.atSubmission && x.atSubmission !== x.verdict ? html` <span class="meta">(${L(lang, 'saat pengajuan', 'at submission')}: ${verdictMark(x.atSubmission)})</span>` : ''}</li>`)}</ul>` : e.note ? html`<br>${e.note}` : ''}</li>`;
    })}</ol>` : html`<p class="meta">${L(lang, 'Belum ada.', 'None yet.')}</p>`}
<p><a class="button" href="${withLang(`/petugas/registri?application=${c.id}`, lang)}">${L(lang, 'Periksa registri sekarang untuk berkas ini', 'Look up the registry now for this case')}</a></p>`;
  return registryPage(f, L(lang, 'Registri untuk berkas', 'Registry for a case'), '/petugas/registri', body);
}

const ACTION_LABEL: Record<string, [string, string]> = {
  'lookup-nik': ['cari NIK', 'NIK look-up'],
  'lookup-kk': ['cari KK', 'KK look-up'],
  'export-rows': ['ekspor baris', 'rows export'],
  'export-person': ['ekspor data pribadi', 'personal data export'],
  report: ['unduh laporan', 'report download'],
  'search-cases': ['cari berkas per NIK', 'case search by NIK'],
};

/** The access log, newest first, a page at a time; `older` links to the next page when there may be one. */
export function accessLogPage(f: RegistryFrame, d: { nik?: string; rows: AccessLogEntry[]; older: string | null }): string {
  const lang = f.shell.lang;
  const body = html`<form method="get" action="/petugas/registri/log" class="filters"><label for="l-nik">NIK</label><input id="l-nik" name="nik" inputmode="numeric" value="${d.nik ?? ''}">${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}<button type="submit">${L(lang, 'Saring', 'Filter')}</button></form>
<div class="table-wrap" tabindex="0" role="region" aria-label="${L(lang, 'Log akses', 'Access log')}"><table class="queue"><caption>${L(lang, 'Setiap pembacaan dan ekspor data registri', 'Every read and export of registry data')}</caption><thead><tr><th scope="col">${L(lang, 'Waktu', 'Time')}</th><th scope="col">${L(lang, 'Petugas', 'Officer')}</th><th scope="col">${L(lang, 'Tindakan', 'Action')}</th><th scope="col">NIK / KK</th><th scope="col">${L(lang, 'Keperluan', 'Purpose')}</th><th scope="col">${L(lang, 'Ditemukan', 'Found')}</th></tr></thead><tbody>${d.rows.map(
    (r) => html`<tr><td>${f.time(r.at)}</td><td>${r.actorName}</td><td>${(ACTION_LABEL[r.action] ?? [r.action, r.action])[lang === 'id' ? 0 : 1]}</td><td>${r.nik ?? r.kk ?? '—'}</td><td>${r.applicationId ? html`<a href="${withLang(`/petugas/berkas/${r.applicationId}`, lang)}">${L(lang, 'berkas', 'case')}</a>` : ''}${r.reason ?? ''}</td><td>${r.found === null ? '—' : r.found ? L(lang, 'ya', 'yes') : L(lang, 'tidak', 'no')}</td></tr>`,
  )}</tbody></table></div>
${d.older ? html`<p><a href="${withLang(d.older, lang)}">${L(lang, 'Lebih lama', 'Older')}</a></p>` : ''}`;
  return registryPage(f, L(lang, 'Log akses registri', 'Registry access log'), '/petugas/registri/log', body);
}

/** A resident's request for a copy of everything held about them (UU 27/2022 Pasal 32). */
export function personalDataPage(f: RegistryFrame, d: { error?: string }): string {
  const lang = f.shell.lang;
  const body = html`<p>${L(lang, 'Atas permintaan warga (UU 27/2022 Pasal 32), unduh salinan semua data yang disimpan Sigap tentang satu NIK: baris registri di setiap snapshot, permohonan dan riwayatnya, usulan, dan log siapa yang membaca datanya.', 'At a resident’s request (UU 27/2022 Art. 32), download a copy of everything Sigap holds about one NIK: registry rows in every snapshot, applications and their history, proposals, and the log of who read the data.')}</p>
${flash({ error: d.error })}
<form method="post" action="${withLang('/petugas/registri/data-pribadi', lang)}" class="intake">${csrfField(f.shell)}
<div class="field"><label for="d-nik">NIK</label><input id="d-nik" name="nik" inputmode="numeric" required></div>
<div class="field"><label for="d-why">${L(lang, 'Dasar permintaan (nomor surat/registrasi permintaan)', 'Basis of the request (request letter/registration number)')}</label><input id="d-why" name="reason" required minlength="5"></div>
<button type="submit" class="primary">${L(lang, 'Unduh (JSON)', 'Download (JSON)')}</button></form>`;
  return registryPage(f, L(lang, 'Salinan data pribadi', 'Copy of personal data'), '/petugas/registri/data-pribadi', body);
}
