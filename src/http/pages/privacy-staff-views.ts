/**
 * The staff pages of data-subject requests: the office's list with each request's 72-hour
 * countdown (at risk under 24 hours, late after), recording a request at the counter after seeing
 * the KTP, and one request with its answer (produce the export) or refusal. Pure.
 */
import type { Problem } from '../../domain/errors.js';
import { maskNik } from '../../domain/identity/index.js';
import type { SubjectRequestDto } from '../../usecases/privacy/subject-requests.js';
import type { RegisteredRequest } from '../../usecases/privacy/register-subject-request.js';
import { L, type Lang } from '../i18n.js';
import { errorSummary, fieldError, flash, invalidAttrs, slaBadge } from './components.js';
import { html, type Raw } from './html.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';
import { receiptFacts, type FormState } from './privacy-views.js';

export const STAFF_PATH = '/petugas/privasi';

const STATUS: Record<string, [string, string]> = { open: ['Terbuka', 'Open'], answered: ['Dijawab', 'Answered'], refused: ['Ditolak', 'Refused'] };
const statusWord = (lang: Lang, s: string) => L(lang, ...(STATUS[s] ?? [s, s]));

/** "31 jam lagi" / "terlambat 5 jam": the countdown of an open request. */
export function countdown(lang: Lang, r: Pick<SubjectRequestDto, 'status' | 'hoursLeft'>): string {
  if (r.status !== 'open') return '';
  return r.hoursLeft >= 0 ? L(lang, `${r.hoursLeft} jam lagi`, `${r.hoursLeft} h left`) : L(lang, `terlambat ${-r.hoursLeft} jam`, `${-r.hoursLeft} h late`);
}

const crumbs = (lang: Lang) => [{ href: '/petugas', label: L(lang, 'Petugas', 'Staff') }];

export function requestListPage(shell: StaffShell, v: { requests: SubjectRequestDto[]; canAnswer: boolean; canRecord: boolean }): string {
  const { lang } = shell;
  const body = html`<h1>${L(lang, 'Permintaan data pribadi', 'Personal-data requests')}</h1>
<p>${L(lang, 'Permintaan akses subjek data dijawab paling lambat 3 × 24 jam kalender sejak diterima (UU 27/2022 Pasal 32), termasuk malam, akhir pekan dan hari libur.', 'Data-subject access requests are answered at the latest 3 × 24 calendar hours after receipt (Law 27/2022 Art. 32), nights, weekends and holidays included.')}</p>
${v.canAnswer ? '' : html`<p class="notice">${L(lang, 'Hanya kepala dinas atau administrator yang dapat menjawab atau menolak permintaan.', 'Only the head of office or an administrator may answer or refuse a request.')}</p>`}
${v.canRecord ? html`<p class="actions"><a class="button" href="${withLang(`${STAFF_PATH}/baru`, lang)}">${L(lang, 'Catat permintaan di loket', 'Record a request at the counter')}</a></p>` : ''}
<div class="table-wrap" tabindex="0"><table class="queue"><caption>${v.requests.length} ${L(lang, 'permintaan', 'requests')}</caption><thead><tr><th scope="col">${L(lang, 'Nomor', 'Number')}</th><th scope="col">${L(lang, 'Pemohon', 'Person')}</th><th scope="col">Status</th><th scope="col">${L(lang, 'Batas waktu', 'Due')}</th><th scope="col">${L(lang, 'Waktu', 'Clock')}</th></tr></thead><tbody>${v.requests.map(
    (r) => html`<tr><td><a href="${withLang(`${STAFF_PATH}/${r.id}`, lang)}">${r.number}</a><br><span class="meta">${r.channel === 'counter' ? L(lang, 'Loket', 'Counter') : L(lang, 'Daring', 'Online')}</span></td><td>${r.name}<br><span class="meta">${maskNik(r.nik)}</span></td><td>${statusWord(lang, r.status)}</td><td>${r.dueAtLocal}</td><td>${slaBadge(lang, r.clock)} ${countdown(lang, r)}</td></tr>`,
  )}</tbody></table></div>`;
  return staffPage(shell, { title: L(lang, 'Permintaan data pribadi', 'Personal-data requests'), path: STAFF_PATH, body, breadcrumbs: crumbs(lang) });
}

export function counterRequestPage(shell: StaffShell, s: FormState): string {
  const { lang } = shell;
  const v = s.values;
  const err = (f: string) => fieldError(lang, s.problems, f);
  const bad = (f: string) => invalidAttrs(s.problems, f);
  const body = html`<h1>${L(lang, 'Catat permintaan data pribadi', 'Record a personal-data request')}</h1>
${errorSummary(lang, s.problems)}
<form method="post" action="${withLang(`${STAFF_PATH}/baru`, lang)}" class="intake" novalidate>${csrfField(shell)}
<div class="field"><label for="f-nik">NIK</label><input id="f-nik" name="nik" inputmode="numeric" autocomplete="off" maxlength="24" value="${v.nik ?? ''}"${bad('nik')}>${err('nik')}</div>
<div class="field"><label for="f-name">${L(lang, 'Nama lengkap', 'Full name')}</label><input id="f-name" name="name" maxlength="100" value="${v.name ?? ''}"${bad('name')}>${err('name')}</div>
<div class="field"><label for="f-contact">${L(lang, 'Nomor HP atau e-mail', 'Mobile number or e-mail')}</label><input id="f-contact" name="contact" maxlength="254" value="${v.contact ?? ''}"${bad('contact')}>${err('contact')}</div>
<div class="check"><input type="checkbox" id="f-checked" name="identityChecked" value="1"${v.identityChecked ? html` checked` : ''}${bad('identityChecked')}><label for="f-checked">${L(lang, 'Identitas diperiksa: saya telah melihat KTP asli pemohon dan NIK-nya sama', "Identity checked: I have seen the person's original KTP and its NIK matches")}</label></div>${err('identityChecked')}
<button type="submit" class="primary">${L(lang, 'Catat permintaan', 'Record request')}</button></form>`;
  return staffPage(shell, { title: L(lang, 'Catat permintaan data pribadi', 'Record a personal-data request'), path: `${STAFF_PATH}/baru`, body, breadcrumbs: [...crumbs(lang), { href: STAFF_PATH, label: L(lang, 'Permintaan data pribadi', 'Personal-data requests') }] });
}

export function counterReceiptPage(shell: StaffShell, r: RegisteredRequest): string {
  const { lang } = shell;
  const body = html`<h1>${L(lang, 'Permintaan tercatat', 'Request recorded')}</h1>
<div class="notice" role="status"><p>${L(lang, 'Berikan nomor dan kode ini kepada pemohon: keduanya diperlukan untuk melihat jawaban dan mengunduh salinan data.', 'Give this number and code to the person: they need both to see the answer and download the copy.')}</p></div>
${receiptFacts(lang, r)}
<p class="actions"><a class="button" href="${withLang(`${STAFF_PATH}/${r.id}`, lang)}">${L(lang, 'Buka permintaan', 'Open the request')}</a> <button type="button" class="print-btn" data-print>${L(lang, 'Cetak', 'Print')}</button></p>`;
  return staffPage(shell, { title: L(lang, 'Permintaan tercatat', 'Request recorded'), path: `${STAFF_PATH}/baru`, body, breadcrumbs: crumbs(lang) });
}

function proofText(lang: Lang, p: Record<string, unknown>): string {
  if (p.kind === 'ktp-seen') return L(lang, `KTP diperiksa di loket oleh ${String(p.by)}`, `KTP checked at the counter by ${String(p.by)}`);
  const what = p.record === 'complaint' ? L(lang, 'pengaduan', 'complaint') : L(lang, 'permohonan', 'application');
  return L(lang, `Kode pelacakan ${what} ${String(p.number)}`, `Tracking code of ${what} ${String(p.number)}`);
}

export function requestDetailPage(shell: StaffShell, r: SubjectRequestDto & { canAnswer: boolean }, msg: { ok?: string; error?: string }, problems: readonly Problem[] = []): string {
  const { lang } = shell;
  const base = `${STAFF_PATH}/${r.id}`;
  const actions: Raw = r.status === 'open' && r.canAnswer
    ? html`<section aria-labelledby="h-answer"><h2 id="h-answer">${L(lang, 'Jawab permintaan', 'Answer the request')}</h2>
<p>${L(lang, 'Sigap mengumpulkan semua data tentang NIK ini di kantor ini (permohonan, dokumen, surat, pengaduan, pemeriksaan DTKS) beserta rekam jejak pemrosesannya, menyimpannya sebagai salinan yang diserahkan, dan memberi tahu pemohon pada halaman status permintaannya.', 'Sigap gathers all data about this NIK at this office (applications, documents, letters, complaints, DTKS checks) with its processing record, keeps it as the copy handed over, and tells the person on their request status page.')}</p>
<form method="post" action="${withLang(`${base}/jawab`, lang)}">${csrfField(shell)}<button type="submit" class="primary">${L(lang, 'Buat salinan data dan jawab', 'Produce the copy and answer')}</button></form>
<h2 id="h-refuse">${L(lang, 'Tolak permintaan', 'Refuse the request')}</h2>
${errorSummary(lang, problems)}
<form method="post" action="${withLang(`${base}/tolak`, lang)}" class="intake" novalidate>${csrfField(shell)}
<div class="field"><label for="f-reason">${L(lang, 'Alasan penolakan (ditunjukkan kepada pemohon)', 'Reason for refusing (shown to the person)')}</label><p class="help" id="h-reason">${L(lang, 'Pasal 32: akses ditolak bila membahayakan keamanan, kesehatan fisik atau mental subjek data atau orang lain.', "Art. 32: access is refused where it endangers the safety or the physical or mental health of the person or of others.")}</p><textarea id="f-reason" name="reason" rows="3" maxlength="2000" aria-describedby="h-reason"${invalidAttrs(problems, 'reason')}></textarea>${fieldError(lang, problems, 'reason')}</div>
<button type="submit">${L(lang, 'Tolak dengan alasan ini', 'Refuse with this reason')}</button></form></section>`
    : html``;
  const body = html`<h1>${L(lang, 'Permintaan', 'Request')} ${r.number}</h1>
${flash(msg)}
<dl class="facts"><div><dt>Status</dt><dd><strong>${statusWord(lang, r.status)}</strong> ${slaBadge(lang, r.clock)} ${countdown(lang, r)}</dd></div>
<div><dt>${L(lang, 'Diterima', 'Received')}</dt><dd>${r.receivedAtLocal}</dd></div>
<div><dt>${L(lang, 'Batas waktu (72 jam)', 'Due (72 hours)')}</dt><dd>${r.dueAtLocal}</dd></div>
<div><dt>${L(lang, 'Pemohon', 'Person')}</dt><dd>${r.name}<br>NIK ${r.nik}</dd></div>
<div><dt>${L(lang, 'Kontak', 'Contact')}</dt><dd>${r.contact}</dd></div>
<div><dt>${L(lang, 'Bukti identitas', 'Proof of identity')}</dt><dd>${proofText(lang, r.proof)}</dd></div>
${r.closedAtLocal ? html`<div><dt>${r.status === 'refused' ? L(lang, 'Ditolak', 'Refused') : L(lang, 'Dijawab', 'Answered')}</dt><dd>${r.closedAtLocal} · ${r.closedBy ?? ''}</dd></div>` : ''}</dl>
${r.refusalReason ? html`<h2>${L(lang, 'Alasan penolakan', 'Reason for refusal')}</h2><p>${r.refusalReason}</p>` : ''}
${r.exportReady && r.canAnswer
  ? html`<p class="actions"><a class="button" href="${withLang(`${base}/ekspor?format=pdf`, lang)}">${L(lang, 'Unduh salinan (PDF)', 'Download the copy (PDF)')}</a> <a href="${withLang(`${base}/ekspor?format=json`, lang)}">${L(lang, 'Unduh salinan (JSON)', 'Download the copy (JSON)')}</a></p><p class="meta">SHA-256 JSON: <code>${r.exportSha256 ?? ''}</code></p>`
  : ''}
${actions}`;
  return staffPage(shell, { title: `${L(lang, 'Permintaan', 'Request')} ${r.number}`, path: base, body, breadcrumbs: [...crumbs(lang), { href: STAFF_PATH, label: L(lang, 'Permintaan data pribadi', 'Personal-data requests') }] });
}

/** A request that is not there (or not this officer's to see); `why` says what the officer's role may not do. */
export function requestNotFoundPage(shell: StaffShell, why?: string): string {
  const { lang } = shell;
  const title = why ? L(lang, 'Tidak tersedia untuk peran Anda', 'Not available to your role') : L(lang, 'Permintaan tidak ditemukan', 'Request not found');
  return staffPage(shell, { title, path: STAFF_PATH, body: html`<h1>${title}</h1>${why ? html`<p>${why}</p>` : html`<p><a href="${withLang(STAFF_PATH, lang)}">${L(lang, 'Kembali ke daftar', 'Back to the list')}</a></p>`}` });
}
