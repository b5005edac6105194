/**
 * Views of one programme round: its candidates (a bounded page, NIK masked) with the counts, the
 * forms to add a village proposal, issue the berita acara and sign the SK; and one candidate with
 * the field verification form, built for a field worker's phone. Pure.
 */
import type { Problem } from '../../domain/errors.js';
import type { Check } from '../../domain/programmes/eligibility.js';
import { ROUND_STATUS_NAMES, VERIFICATION_NAMES, type CandidateVerification } from '../../domain/programmes/rounds.js';
import type { CandidateView, RoundView } from '../../usecases/programmes/read-candidates.js';
import { L, type Lang } from '../i18n.js';
import { errorSummary, fieldError, flash, invalidAttrs } from './components.js';
import { html, type Raw } from './html.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';
import { decree, programmesCrumb } from './programmes-views.js';

const TONE: Record<CandidateVerification, string> = { pending: 'sla-paused', eligible: 'sla-on-time', ineligible: 'sla-late' };
const badge = (lang: Lang, v: CandidateVerification): Raw => html`<span class="badge ${TONE[v]}">${VERIFICATION_NAMES[v][lang]}</span>`;
const roundPath = (id: string) => `/petugas/program/putaran/${id}`;
const roundTitle = (d: { round: { programme: { name: string }; period: string; stage: string } }) => `${d.round.programme.name} · ${d.round.period} · ${d.round.stage}`;

export interface RoundAbilities {
  add: boolean;
  report: boolean;
  decree: boolean;
}

export function roundPage(shell: StaffShell, d: RoundView & { can: RoundAbilities; filter: { verification?: CandidateVerification; name?: string }; ok?: string; error?: string; problems?: readonly Problem[]; values?: Record<string, string> }): string {
  const { lang } = shell;
  const r = d.round;
  const p = r.programme;
  const problems = d.problems ?? [];
  const v = d.values ?? {};
  const path = roundPath(r.id);
  const canAdd = d.can.add && r.status === 'verifying' && p.candidates.sources.some((s) => s !== 'registry');
  const ba = d.documents.find((x) => x.kind === 'berita-acara');
  const sk = d.documents.find((x) => x.kind === 'sk');
  const pageHref = (n: number) => withLang(`${path}?page=${n}${d.filter.verification ? `&verification=${d.filter.verification}` : ''}${d.filter.name ? `&name=${encodeURIComponent(d.filter.name)}` : ''}`, lang);
  const body = html`<h1><span lang="id">${p.name}</span> · ${r.period} · ${r.stage}</h1>
${flash({ ok: d.ok, error: d.error })}${errorSummary(lang, problems)}
<dl class="facts"><div><dt>Status</dt><dd><strong>${ROUND_STATUS_NAMES[r.status][lang]}</strong></dd></div><div><dt>${L(lang, 'Tanggal acuan usia', 'Reference date for ages')}</dt><dd>${r.reference_date}</dd></div>
<div><dt>${L(lang, 'Belum diverifikasi', 'Not verified yet')}</dt><dd>${d.counts.pending}</dd></div><div><dt>${L(lang, 'Memenuhi syarat', 'Eligible')}</dt><dd>${d.counts.eligible}</dd></div><div><dt>${L(lang, 'Tidak memenuhi syarat', 'Ineligible')}</dt><dd>${d.counts.ineligible}</dd></div></dl>
${d.documents.length ? html`<h2>${L(lang, 'Dokumen', 'Documents')}</h2><ul>${d.documents.map((x) => html`<li><a href="${withLang(`${path}/dokumen/${x.id}`, lang)}">${x.kind === 'sk' ? L(lang, 'SK penerima', "Recipients' decree") : 'Berita Acara Tim Verifikasi dan Validasi'} ${x.number}</a> <span class="meta">(${x.issued_on}, ${x.signer.name}; <a href="/program/dokumen/${x.token}">${L(lang, 'salinan publik, NIK tersamar', 'public copy, NIK masked')}</a>)</span></li>`)}</ul>` : ''}
${r.status === 'verifying' && d.can.report
  ? d.counts.pending === 0 && d.counts.eligible + d.counts.ineligible > 0
    ? html`<form method="post" action="${withLang(`${path}/berita-acara`, lang)}" class="inline">${csrfField(shell)}<button type="submit" class="primary">${L(lang, 'Terbitkan Berita Acara Tim Verifikasi dan Validasi', "Issue the verification team's report")}</button></form>`
    : html`<p class="meta">${L(lang, `Berita acara diterbitkan setelah semua calon diverifikasi (${d.counts.pending} belum).`, `The report is issued once every candidate is verified (${d.counts.pending} not yet).`)}</p>`
  : ''}
${r.status === 'reported' && !sk
  ? p.recipientDecree.signedInSigap
    ? d.can.decree
      ? html`<form method="post" action="${withLang(`${path}/sk`, lang)}" class="inline">${csrfField(shell)}<p>${L(lang, `SK memuat ${d.counts.eligible} penerima yang dinyatakan memenuhi syarat dalam berita acara ${ba?.number ?? ''}.`, `The SK lists the ${d.counts.eligible} recipients the report ${ba?.number ?? ''} found eligible.`)}</p><button type="submit" class="primary">${L(lang, 'Tandatangani SK penerima', "Sign the recipients' decree")}</button></form>`
      : html`<p>${L(lang, 'Menunggu tanda tangan SK oleh Kepala Dinas.', "Waiting for the head of office to sign the SK.")}</p>`
    : html`<p>${L(lang, 'Penetapan penerima program ini di luar Sigap', 'Recipients of this programme are decreed outside Sigap')}: ${decree(lang, p.recipientDecree.text)}</p>${d.can.add ? html`<p><a href="${withLang(`${path}/rancangan-sk`, lang)}">${L(lang, `Unduh rancangan SK dengan ${d.counts.eligible} penerima (belum bernomor, untuk ditandatangani pejabat yang berwenang)`, `Download the draft SK with ${d.counts.eligible} recipients (unnumbered, for the issuing official to sign)`)}</a></p>` : ''}`
  : ''}
<h2 id="h-cand">${L(lang, 'Calon penerima', 'Candidates')}</h2>
<form method="get" action="${path}" class="filters"><label for="f-v">Status</label><select id="f-v" name="verification"><option value="">${L(lang, 'Semua', 'All')}</option>${(['pending', 'eligible', 'ineligible'] as const).map((k) => html`<option value="${k}"${d.filter.verification === k ? html` selected` : ''}>${VERIFICATION_NAMES[k][lang]}</option>`)}</select><label for="f-n">${L(lang, 'Nama', 'Name')}</label><input id="f-n" name="name" value="${d.filter.name ?? ''}">${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}<button type="submit">${L(lang, 'Saring', 'Filter')}</button></form>
<div class="table-wrap" role="region" aria-labelledby="h-cand" tabindex="0"><table class="queue stack"><thead><tr><th scope="col">${L(lang, 'Nama', 'Name')}</th><th scope="col">NIK</th><th scope="col">${L(lang, 'Kategori', 'Category')}</th><th scope="col">${L(lang, 'Desa/Kelurahan', 'Village')}</th><th scope="col">${L(lang, 'Verifikasi', 'Verification')}</th></tr></thead><tbody>${d.candidates.map(
    (c) => html`<tr><td data-label="${L(lang, 'Nama', 'Name')}"><a href="${withLang(`${path}/calon/${c.id}`, lang)}">${c.name}</a></td><td data-label="NIK">${c.nik}</td><td data-label="${L(lang, 'Kategori', 'Category')}" lang="id">${p.categories.find((x) => x.key === c.category)?.name ?? c.category}</td><td data-label="${L(lang, 'Desa/Kelurahan', 'Village')}">${c.village ?? '—'}</td><td data-label="${L(lang, 'Verifikasi', 'Verification')}">${badge(lang, c.verification)}</td></tr>`,
  )}</tbody></table></div>
<p class="pager">${d.page > 0 ? html`<a href="${pageHref(d.page - 1)}">${L(lang, '← Sebelumnya', '← Previous')}</a> ` : ''}${d.more ? html`<a href="${pageHref(d.page + 1)}">${L(lang, 'Berikutnya →', 'Next →')}</a>` : ''}</p>
${canAdd && p.service && p.candidates.sources.includes('applications')
  ? html`<h2 id="h-draw">${L(lang, 'Tarik pemohon dari berkas layanan', 'Draw applicants from service cases')}</h2><form method="post" action="${withLang(`${path}/tarik-berkas`, lang)}" class="intake" aria-labelledby="h-draw">${csrfField(shell)}
<p>${L(lang, 'Pemohon berkas layanan yang masih diproses atau selesai masuk sebagai calon, masing-masing diperiksa syarat registri dan usianya.', 'Applicants of the service’s open or completed cases become candidates, each screened for the registry and age conditions.')}</p>
<div class="field"><label for="d-cat">${L(lang, 'Kategori bila berkas tidak menyebutnya', 'Category when the case does not say')}</label><select id="d-cat" name="category"><option value="">${L(lang, '(lewati berkas tanpa kategori)', '(skip cases without a category)')}</option>${p.categories.map((c) => html`<option value="${c.key}">${c.name}</option>`)}</select></div>
<button type="submit">${L(lang, 'Tarik pemohon', 'Draw applicants')}</button></form>`
  : ''}
${canAdd
  ? html`<h2 id="h-add">${L(lang, 'Tambah calon dari usulan', 'Add a proposed candidate')}</h2><p>${decree(lang, p.candidates.text)}</p><form method="post" action="${withLang(`${path}/calon`, lang)}" class="intake" aria-labelledby="h-add">${csrfField(shell)}
<div class="field"><label for="a-nik">NIK</label><input id="a-nik" name="nik" inputmode="numeric" autocomplete="off" required value="${v.nik ?? ''}"${invalidAttrs(problems as Problem[], 'nik')}>${fieldError(lang, problems as Problem[], 'nik')}</div>
<div class="field"><label for="a-kk">${L(lang, 'Nomor KK (bila ada pada usulan)', 'Family card (KK) number (when the proposal gives it)')}</label><input id="a-kk" name="kk" inputmode="numeric" autocomplete="off" value="${v.kk ?? ''}"${invalidAttrs(problems as Problem[], 'kk')}>${fieldError(lang, problems as Problem[], 'kk')}</div>
<div class="field"><label for="a-name">${L(lang, 'Nama', 'Name')}</label><input id="a-name" name="name" required value="${v.name ?? ''}"${invalidAttrs(problems as Problem[], 'name')}>${fieldError(lang, problems as Problem[], 'name')}</div>
<div class="field"><label for="a-cat">${L(lang, 'Kategori', 'Category')}</label><select id="a-cat" name="category">${p.categories.map((c) => html`<option value="${c.key}"${v.category === c.key ? html` selected` : ''}>${c.name}</option>`)}</select></div>
<div class="field"><label for="a-src">${L(lang, 'Sumber', 'Source')}</label><select id="a-src" name="source">${p.candidates.sources.includes('village') ? html`<option value="village">${L(lang, 'Usulan Desa/Kelurahan', 'Village proposal')}</option>` : ''}${p.candidates.sources.includes('applications') ? html`<option value="applications">${L(lang, 'Permohonan layanan', 'Service application')}</option>` : ''}</select>${fieldError(lang, problems as Problem[], 'source')}</div>
<div class="field"><label for="a-vil">${L(lang, 'Desa/Kelurahan pengusul', 'Proposing village')}</label><input id="a-vil" name="village" value="${v.village ?? ''}"></div>
<div class="field"><label for="a-note">${L(lang, 'Catatan (nomor surat usulan)', 'Note (proposal letter number)')}</label><input id="a-note" name="note" value="${v.note ?? ''}"></div>
<button type="submit">${L(lang, 'Tambah calon', 'Add candidate')}</button></form>`
  : ''}`;
  return staffPage(shell, { title: roundTitle(d), path, body, breadcrumbs: [programmesCrumb(lang), { href: `/petugas/program/${r.programme_slug}`, label: p.name }] });
}

const CHECK_WORDS: Record<Check['verdict'], [string, string]> = { pass: ['terpenuhi', 'met'], fail: ['tidak terpenuhi', 'not met'], unknown: ['belum diketahui', 'unknown'], 'to-verify': ['periksa di lapangan', 'check in the field'] };

export function candidatePage(shell: StaffShell, d: CandidateView & { time: (iso: string) => string; problems?: readonly Problem[]; values?: Record<string, string> }): string {
  const { lang } = shell;
  const c = d.candidate;
  const r = d.round;
  const problems = d.problems ?? [];
  const chosen = d.values?.result ?? (c.verification === 'pending' ? '' : c.verification);
  const path = `${roundPath(r.id)}/calon/${c.id}`;
  const body = html`<h1>${c.name}</h1>${errorSummary(lang, problems)}
<dl class="facts"><div><dt>NIK</dt><dd>${c.nik}</dd></div><div><dt>${L(lang, 'Kategori', 'Category')}</dt><dd lang="id">${r.programme.categories.find((x) => x.key === c.category)?.name ?? c.category}</dd></div>
<div><dt>${L(lang, 'Tanggal lahir', 'Date of birth')}</dt><dd>${c.birth_date ?? '—'}</dd></div><div><dt>${L(lang, 'Alamat', 'Address')}</dt><dd>${[c.address, c.village, c.district].filter(Boolean).join(', ') || '—'}</dd></div>
<div><dt>${L(lang, 'Verifikasi', 'Verification')}</dt><dd>${badge(lang, c.verification)}${c.reason ? html` — ${c.reason}` : ''}</dd></div></dl>
<h2>${L(lang, 'Syarat', 'Conditions')}</h2><ul>${c.checks.map((k) => html`<li>${decree(lang, k.text)} — <strong>${CHECK_WORDS[k.verdict][lang === 'id' ? 0 : 1]}</strong></li>`)}</ul>
${d.verifies && r.status === 'verifying'
  ? html`<h2 id="h-verify">${L(lang, 'Hasil verifikasi lapangan', 'Field verification result')}</h2><form method="post" action="${withLang(path, lang)}" class="intake" aria-labelledby="h-verify">${csrfField(shell)}<input type="hidden" name="version" value="${c.version}">
<fieldset${invalidAttrs(problems as Problem[], 'result')}><legend>${L(lang, 'Calon ini', 'This candidate is')}</legend><div role="radiogroup">
<span class="opt"><input type="radio" id="v-yes" name="result" value="eligible"${chosen === 'eligible' ? html` checked` : ''}><label for="v-yes">${VERIFICATION_NAMES.eligible[lang]}</label></span>
<span class="opt"><input type="radio" id="v-no" name="result" value="ineligible"${chosen === 'ineligible' ? html` checked` : ''}><label for="v-no">${VERIFICATION_NAMES.ineligible[lang]}</label></span></div>${fieldError(lang, problems as Problem[], 'result')}</fieldset>
<div class="field"><label for="v-reason">${L(lang, 'Alasan (wajib bila tidak memenuhi syarat)', 'Reason (required when ineligible)')}</label><textarea id="v-reason" name="reason" rows="3" maxlength="500"${invalidAttrs(problems as Problem[], 'reason')}>${d.values?.reason ?? c.reason ?? ''}</textarea>${fieldError(lang, problems as Problem[], 'reason')}</div>
<button type="submit" class="primary">${L(lang, 'Simpan hasil verifikasi', 'Save the verification')}</button></form>`
  : ''}
${d.history.length ? html`<h2>${L(lang, 'Riwayat verifikasi', 'Verification history')}</h2><ol class="timeline">${d.history.map((h) => html`<li><time datetime="${h.at}">${d.time(h.at)}</time> · ${h.actor_name} (${h.role}) · ${VERIFICATION_NAMES[h.result as CandidateVerification]?.[lang] ?? h.result}${h.reason ? html` — ${h.reason}` : ''}</li>`)}</ol>` : ''}
<p><a href="${withLang(roundPath(r.id), lang)}">${L(lang, '← Kembali ke daftar calon', '← Back to the candidates')}</a></p>`;
  return staffPage(shell, { title: c.name, path, body, breadcrumbs: [programmesCrumb(lang), { href: roundPath(r.id), label: `${r.programme.name} · ${r.period} · ${r.stage}` }] });
}
