/**
 * The staff letters screen (what waits for the officer's signature, each with its preview, and
 * the archive with its filters and register download), and the small pieces the other letter
 * views share. The signing table spans the page (a narrow form clipped its columns on a laptop).
 * Pure.
 */
import type { LetterListRow } from '../../db/letters-repo.js';
import { englishDate, indonesianDate } from '../../domain/letters/dates.js';
import { LETTER_STATUSES, letterStatusName } from '../../domain/letters/status.js';
import type { ArchiveScreen } from '../../usecases/letters/show-archive.js';
import { L, type Lang } from '../i18n.js';
import { flash } from './components.js';
import { html, type Raw } from './html.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';

/** A letter's date as letters write it ("23 November 2026"), or a dash. */
export const letterDate = (lang: Lang, d: string | null) => (d ? (lang === 'id' ? indonesianDate(d) : englishDate(d)) : '—');

const TONE: Record<string, string> = { signed: 'sla-on-time', ready: 'sla-at-risk', draft: 'sla-not-started' };

export const statusBadge = (lang: Lang, s: string) => html`<span class="badge ${TONE[s] ?? 'sla-late'}">${letterStatusName(s, lang)}</span>`;

/** A one-line message after an action, from the page's `?ok=` / `?error=`. */
export type Flash = { ok?: string; error?: string };

/** The archive's filters as the page's form names them (kept as typed, malformed or not). */
export interface ArchiveFilters {
  nomor?: string;
  pemohon?: string;
  layanan?: string;
  status?: string;
  dari?: string;
  sampai?: string;
}

/** The optional certified signature: the signer's NIK and passphrase at the provider (used once, never stored). */
const certifiedFields = (lang: Lang, provider: string): Raw =>
  html`<fieldset class="sign-step" style="max-width:40rem"><legend>${L(lang, `Tanda tangan tersertifikasi dari ${provider} (pilihan)`, `Certified signature from ${provider} (optional)`)}</legend>
<p class="meta" id="f-cert-help">${L(lang, `Isi keduanya untuk menandatangani dengan sertifikat elektronik Anda dari ${provider}; kosongkan untuk tanda tangan tidak tersertifikasi dari Dinas.`, `Fill in both to sign with your electronic certificate from ${provider}; leave empty for the office's uncertified signature.`)}</p>
<div class="field"><label for="f-cert-nik">NIK</label><input id="f-cert-nik" name="nik" inputmode="numeric" autocomplete="off" maxlength="16" aria-describedby="f-cert-help"></div>
<div class="field"><label for="f-cert-pass">${L(lang, `Passphrase ${provider}`, `${provider} passphrase`)}</label><input id="f-cert-pass" name="passphrase" type="password" autocomplete="off" aria-describedby="f-cert-help"></div></fieldset>`;

export function archivePage(shell: StaffShell, screen: ArchiveScreen, q: ArchiveFilters, msg: Flash): string {
  const { lang } = shell;
  const { signable, found, services } = screen;
  const serviceName = new Map(services.map((s) => [s.id, `${s.no}. ${s.title}`]));
  const row = (r: LetterListRow, select: boolean): Raw =>
    html`<tr>${select ? html`<td><input type="checkbox" name="id" value="${r.id}" id="pick-${r.id}" aria-label="${L(lang, 'Pilih', 'Select')} ${r.number ?? r.registration_number}"></td>` : ''}<td><a href="${withLang(`/petugas/surat/${r.id}`, lang)}">${r.number ?? L(lang, '(belum bernomor)', '(unnumbered)')}</a>${select ? html`<br><a href="${withLang(`/petugas/surat/${r.id}/pdf`, lang)}" target="_blank" rel="noopener" aria-label="${L(lang, 'Pratinjau PDF', 'Preview PDF')} ${r.registration_number}">${L(lang, 'Pratinjau PDF', 'Preview PDF')}</a>` : ''}</td><td>${r.title}<br><span class="meta">${r.subject}</span></td><td>${r.holder_name}<br><span class="meta">${r.registration_number}</span></td><td>${serviceName.get(r.service_id) ?? r.service_id}</td><td>${r.issued_on ? letterDate(lang, r.issued_on) : '—'}</td><td>${statusBadge(lang, r.status)}</td></tr>`;
  const head = (select: boolean) =>
    html`<thead><tr>${select ? html`<th scope="col">${L(lang, 'Pilih', 'Select')}</th>` : ''}<th scope="col">${L(lang, 'Nomor', 'Number')}</th><th scope="col">${L(lang, 'Surat', 'Letter')}</th><th scope="col">${L(lang, 'Pemohon', 'Applicant')}</th><th scope="col">${L(lang, 'Layanan', 'Service')}</th><th scope="col">${L(lang, 'Tanggal', 'Date')}</th><th scope="col">Status</th></tr></thead>`;
  const body = html`<h1>${L(lang, 'Surat keluar', 'Outgoing letters')}</h1>${flash(msg)}
<p><a href="${withLang('/petugas/surat/delegasi', lang)}">${L(lang, 'Pelimpahan wewenang tanda tangan (a.n. / Plt.)', 'Signing delegation (a.n. / Plt.)')}</a></p>
${signable.length
  ? html`<section aria-labelledby="h-sign"><h2 id="h-sign">${L(lang, 'Menunggu tanda tangan Anda', 'Waiting for your signature')} (${signable.length})</h2>
<form method="post" action="${withLang('/petugas/surat/tandatangani', lang)}">${csrfField(shell)}
<div class="table-wrap" tabindex="0"><table class="queue">${head(true)}<tbody>${signable.map((r) => row(r, true))}</tbody></table></div>
<div class="field" style="max-width:40rem"><label for="f-sign-pass">${L(lang, 'Kata sandi (konfirmasi penandatanganan)', 'Password (signing confirmation)')}</label><input id="f-sign-pass" name="password" type="password" autocomplete="current-password" required></div>
${screen.provider ? certifiedFields(lang, screen.provider) : html`<p class="meta">${L(lang, 'Surat ditandatangani dengan tanda tangan elektronik tidak tersertifikasi (sertifikat dari Dinas sendiri).', 'Letters are signed with an uncertified electronic signature (a certificate from the office itself).')}</p>`}
<div class="outcomes"><button type="submit" class="primary">${L(lang, 'Tandatangani yang dipilih', 'Sign selected')}</button> <button type="submit" name="all" value="1">${L(lang, `Tandatangani semua (${signable.length})`, `Sign all (${signable.length})`)}</button></div></form></section>`
  : ''}
<section aria-labelledby="h-archive"><h2 id="h-archive">${L(lang, 'Arsip', 'Archive')}</h2>
<form method="get" action="/petugas/surat" class="filters">${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<div class="field"><label for="f-no">${L(lang, 'Nomor surat', 'Letter number')}</label><input id="f-no" name="nomor" value="${q.nomor ?? ''}"></div>
<div class="field"><label for="f-app">${L(lang, 'Pemohon / no. registrasi', 'Applicant / registration')}</label><input id="f-app" name="pemohon" value="${q.pemohon ?? ''}"></div>
<div class="field" style="max-width:100%"><label for="f-svc">${L(lang, 'Layanan', 'Service')}</label><select id="f-svc" name="layanan"><option value="">${L(lang, 'Semua', 'All')}</option>${services.map((s) => html`<option value="${s.slug}"${q.layanan === s.slug ? html` selected` : ''}>${s.no}. ${s.title}</option>`)}</select></div>
<div class="field"><label for="f-st">Status</label><select id="f-st" name="status"><option value="">${L(lang, 'Semua', 'All')}</option>${LETTER_STATUSES.map((s) => html`<option value="${s}"${q.status === s ? html` selected` : ''}>${letterStatusName(s, lang)}</option>`)}</select></div>
<div class="field"><label for="f-from">${L(lang, 'Dari tanggal', 'From')}</label><input id="f-from" name="dari" type="date" value="${q.dari ?? ''}"></div>
<div class="field"><label for="f-to">${L(lang, 'Sampai tanggal', 'To')}</label><input id="f-to" name="sampai" type="date" value="${q.sampai ?? ''}"></div>
<button type="submit">${L(lang, 'Cari', 'Search')}</button></form>
<p><a href="/petugas/surat/agenda.xlsx?dari=${q.dari || screen.register.from}&amp;sampai=${q.sampai || screen.register.to}">${L(lang, 'Unduh agenda surat keluar (XLSX)', 'Download the register (XLSX)')}</a></p>
<div class="table-wrap" tabindex="0"><table class="queue"><caption>${found.length} ${L(lang, 'surat', 'letters')}</caption>${head(false)}<tbody>${found.map((r) => row(r, false))}</tbody></table></div></section>`;
  return staffPage(shell, { title: L(lang, 'Surat keluar', 'Outgoing letters'), path: '/petugas/surat', body });
}
