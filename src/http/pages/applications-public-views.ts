/** Views of the public case pages: apply online, the receipt, tracking. Pure: (lang, data) → HTML. */
import { englishDate, indonesianDate } from '../../domain/letters/dates.js';
import type { Service } from '../../domain/standards/schema.js';
import type { PublicStatus } from '../../usecases/applications/public-status.js';
import type { Receipt } from '../../usecases/applications/show-receipt.js';
import { L, when, type Lang } from '../i18n.js';
import { html, type Raw } from './html.js';
import { intakeForm, type FormState } from './applications-intake-views.js';
import { page, withLang } from './layout.js';
import { errorSummary, fieldError, invalidAttrs, type DataContact } from './components.js';
import type { Problem } from '../../domain/errors.js';
import { MAX_UPLOAD_MB } from '../../usecases/applications/store-upload.js';
import { newsSection } from './notifications-public-views.js';
import type { CaseQueuePlace } from '../../usecases/programmes/queue-proposal.js';

export interface ApplyPageData {
  office: { slug: string; name: string; regionName: string; privacy: DataContact };
  service: Service;
  state: FormState;
}

export function applyPage(lang: Lang, d: ApplyPageData): string {
  const svc = d.service;
  const path = `/kantor/${d.office.slug}/layanan/${svc.slug}/ajukan`;
  return page({
    lang,
    title: L(lang, `Ajukan: ${svc.title}`, `Apply: ${svc.title}`),
    path,
    breadcrumbs: [
      { href: '/', label: L(lang, 'Beranda', 'Home') },
      { href: `/kantor/${d.office.slug}`, label: d.office.name },
      { href: `/kantor/${d.office.slug}/layanan/${svc.slug}`, label: svc.title },
    ],
    body: html`<h1>${L(lang, 'Ajukan permohonan', 'Apply')}: ${svc.title}</h1>
${!svc.openForApplications ? html`<p class="notice">${L(lang, 'Layanan ini belum dibuka untuk permohonan.', 'This service is not open for applications.')}</p>` : intakeForm(lang, svc, d.state, { action: withLang(path, lang), staff: false, regionName: d.office.regionName, privacy: d.office.privacy })}`,
  });
}

/** The receipt itself (tanda terima), the same online and at the counter; it prints on one page. */
export function receiptBody(lang: Lang, r: Receipt): Raw {
  const docState = (d: Receipt['documents'][number]) =>
    d.received === 'uploaded'
      ? html`✓ ${L(lang, 'diunggah', 'uploaded')}${d.fileName ? html` <span class="meta">(${d.fileName})</span>` : ''}`
      : d.received === 'shown'
        ? html`✓ ${L(lang, 'diperlihatkan di loket', 'shown at the counter')}`
        : d.required
          ? html`<strong>${L(lang, 'belum diterima', 'not received')}</strong>`
          : L(lang, 'tidak dilampirkan', 'not attached');
  // Code-free: the code stays on the page (to be written down), never in a link (history, Referer, logs).
  const trackPath = `/lacak/${encodeURIComponent(r.registrationNumber)}`;
  return html`<div class="receipt" data-testid="receipt">
<p class="meta">${r.office.name} · ${r.office.address}</p>
<h2>${L(lang, 'Tanda terima permohonan', 'Application receipt')}</h2>
<dl class="facts">
<div><dt>${L(lang, 'Layanan', 'Service')}</dt><dd data-testid="receipt-service">${r.service.no}. ${r.service.title}</dd></div>
<div><dt>${L(lang, 'Atas nama', 'Applicant')}</dt><dd>${r.applicantName}</dd></div>
<div><dt>${L(lang, 'Diterima', 'Received')}</dt><dd data-testid="receipt-submitted">${when(lang, r.submittedLocal)}</dd></div>
<div><dt>${L(lang, 'Nomor registrasi', 'Registration number')}</dt><dd><strong class="big" data-testid="registration-number">${r.registrationNumber}</strong></dd></div>
<div><dt>${L(lang, 'Kode pelacakan', 'Tracking code')}</dt><dd><strong class="big" data-testid="tracking-code">${r.trackingCode}</strong></dd></div>
</dl>
${r.documents.length
  ? html`<h3>${L(lang, 'Dokumen persyaratan', 'Required documents')}</h3><ul class="docs">${r.documents.map((d) => html`<li>${d.label}: ${docState(d)}</li>`)}</ul>`
  : ''}
<h3>${L(lang, 'Selanjutnya', 'What happens next')}</h3>
<p data-testid="receipt-next">${r.nextStep ? html`${L(lang, 'Tahap berikutnya', 'Next step')}: <strong>${r.nextStep}</strong>. ` : ''}${r.dueLocal
    ? html`${L(lang, 'Batas waktu penyelesaian', 'Due by')}: <strong>${when(lang, r.dueLocal)}</strong>${r.service.slaText ? html` (${r.service.slaText})` : ''}.`
    : r.clockNotStarted
      ? html`${L(lang, 'Batas waktu mulai dihitung setelah berkas dinyatakan lengkap oleh petugas', 'The time limit starts once an officer declares the file complete')}${r.service.slaText ? html` (${r.service.slaText})` : ''}.`
      : ''}${r.service.productText ? html` ${L(lang, 'Hasil layanan', 'Product')}: ${r.service.productText}.` : ''}</p>
<p>${L(lang, 'Lacak permohonan di', 'Track it at')} <a href="${withLang(trackPath, lang)}">${withLang('/lacak', lang)}</a> ${L(lang, 'dengan nomor registrasi dan kode pelacakan di atas. Simpan atau cetak tanda terima ini: kode tidak dapat ditampilkan lagi tanpa datang ke loket.', 'with the registration number and tracking code above. Keep or print this receipt: the code cannot be shown again without visiting the counter.')}</p>
${r.office.contacts.length ? html`<p class="meta">${L(lang, 'Pertanyaan', 'Questions')}: ${r.office.contacts.map((c, i) => html`${i ? ' · ' : ''}${c.label} ${c.value}`)}</p>` : ''}
</div>
<p class="no-print"><button type="button" class="primary" data-print>${L(lang, 'Cetak tanda terima', 'Print receipt')}</button> <a class="button" href="${withLang(trackPath, lang)}">${L(lang, 'Lacak permohonan', 'Track application')}</a></p>`;
}

export function receiptPage(lang: Lang, r: Receipt): string {
  return page({
    lang,
    title: L(lang, 'Tanda terima permohonan', 'Application receipt'),
    path: `/lacak/${r.registrationNumber}/tanda-terima`,
    body: html`<h1>${L(lang, 'Permohonan diterima', 'Application received')}</h1>
${receiptBody(lang, r)}`,
  });
}

/** The tracking form: number and code are POSTed (never put in a URL); `number` prefilled when a code-free page asks again. */
export function trackFormPage(lang: Lang, o: { number?: string } = {}): string {
  return page({
    lang,
    title: L(lang, 'Lacak permohonan', 'Track an application'),
    path: '/lacak',
    body: html`<h1>${L(lang, 'Lacak permohonan', 'Track an application')}</h1>
${o.number ? html`<p>${L(lang, 'Masukkan kode pelacakan dari tanda terima untuk melihat permohonan ini.', 'Enter the tracking code from the receipt to see this application.')}</p>` : ''}
<form method="post" action="${withLang('/lacak', lang)}" class="intake">
<div class="field"><label for="f-nomor">${L(lang, 'Nomor registrasi', 'Registration number')}</label><input id="f-nomor" name="nomor" required placeholder="JMB-2026-000123" value="${o.number ?? ''}"></div>
<div class="field"><label for="f-code">${L(lang, 'Kode pelacakan', 'Tracking code')}</label><input id="f-code" name="code" required autocomplete="off"></div>
<button type="submit" class="primary">${L(lang, 'Lacak', 'Track')}</button></form>`,
  });
}

export function trackedNotFoundPage(lang: Lang): string {
  return page({
    lang,
    title: L(lang, 'Tidak ditemukan', 'Not found'),
    path: '/lacak',
    body: html`<h1>${L(lang, 'Nomor registrasi atau kode pelacakan tidak cocok', 'Registration number or tracking code does not match')}</h1><p><a href="${withLang('/lacak', lang)}">${L(lang, 'Coba lagi', 'Try again')}</a></p>`,
  });
}

/** A letter of the case as the applicant sees it on the tracking page. */
export interface TrackedLetter {
  id: string;
  title: string;
  number: string | null;
  status: string;
  issuedOn: string | null;
  validUntil: string | null;
  token: string;
  revocationReason: string | null;
}

/** The satisfaction survey offered once a case is completed: its link, or thanks once answered. */
export type TrackedSurvey = { answered: true } | { answered: false; path: string } | null;

export interface TrackingPageData {
  status: PublicStatus;
  code: string;
  letters: TrackedLetter[];
  survey: TrackedSurvey;
  /** The service's documents, offered for upload while the file is returned. */
  documents: { id: string; label: string }[];
  /** Places in a programme's quota queue (JKN-KIS); absent on pages that do not show them. */
  queue?: CaseQueuePlace[];
  /** Problems of the resubmission or withdrawal just refused. */
  problems?: Problem[];
  /** The resubmission just went through. */
  sent?: boolean;
  /** Problems of the change of news channels just refused. */
  newsProblems?: Problem[];
  /** The choice of news channels was just saved. */
  newsSaved?: boolean;
}

export function trackingPage(lang: Lang, d: TrackingPageData): string {
  const s = d.status;
  const self = `/lacak/${s.registrationNumber}`;
  return page({
    lang,
    title: `${L(lang, 'Permohonan', 'Application')} ${s.registrationNumber}`,
    path: self,
    body: html`<h1>${L(lang, 'Permohonan', 'Application')} ${s.registrationNumber}</h1>
<dl class="facts">
<div><dt>${L(lang, 'Layanan', 'Service')}</dt><dd>${s.service.title}<br><span class="meta">${s.office}</span></dd></div>
<div><dt>${L(lang, 'Status', 'Status')}</dt><dd data-testid="status">${lang === 'id' ? s.statusLabel : s.statusLabelEn}</dd></div>
<div><dt>${L(lang, 'Batas waktu', 'Due')}</dt><dd>${when(lang, s.dueAtLocal)}</dd></div>
</dl>
${s.currentStep ? html`<p>${L(lang, 'Tahap saat ini', 'Current step')}: <strong>${s.currentStep.label}</strong></p>` : ''}
${s.reason ? html`<div class="notice" role="status"><strong>${L(lang, 'Catatan petugas', "Officer's note")}:</strong> ${s.reason}</div>` : ''}
${d.sent ? html`<div class="notice" role="status" data-testid="resubmitted">${L(lang, 'Kelengkapan berkas terkirim. Petugas akan memeriksanya; batas waktu berjalan lagi.', 'Your completed file was sent. An officer will check it; the clock runs again.')}</div>` : ''}
${s.mustDo ? html`<p data-testid="must-do">${lang === 'id' ? s.mustDo : s.mustDoEn}</p>` : ''}
${(d.queue ?? []).map((q) => html`<p data-testid="queue-place">${L(lang, 'Antrean kuota', 'Quota queue')} <span lang="id">${q.programme}</span>, ${L(lang, 'periode', 'period')} ${q.period}: ${L(lang, 'nomor', 'position')} <strong>${q.position}</strong> (${q.withinQuota === null ? L(lang, 'kuota belum ditetapkan', 'quota not set yet') : q.withinQuota ? L(lang, `dalam kuota ${q.quota}`, `within the quota of ${q.quota}`) : L(lang, `menunggu: kuota ${q.quota}`, `waiting: the quota is ${q.quota}`)})</p>`)}
${lettersSection(lang, s.registrationNumber, d.letters)}${surveySection(lang, d.survey)}
${s.status === 'waiting-applicant' ? resubmitForm(lang, self, d) : ''}
${newsSection(lang, { number: s.registrationNumber, code: d.code, news: s.news, problems: d.newsProblems, saved: d.newsSaved })}
${s.canWithdraw ? withdrawForm(lang, self, d) : ''}`,
  });
}

/** The returned file, completed online: the documents the officer asked for and a note. */
function resubmitForm(lang: Lang, self: string, d: TrackingPageData): Raw {
  const problems = d.problems ?? [];
  return html`<section aria-labelledby="h-resubmit"><h2 id="h-resubmit">${L(lang, 'Lengkapi berkas', 'Complete your file')}</h2>
<form method="post" action="${withLang(`${self}/kirim-ulang`, lang)}" enctype="multipart/form-data" class="intake" novalidate>
${errorSummary(lang, problems.filter((p) => p.field !== 'confirm'))}
<input type="hidden" name="code" value="${d.code}">
<p class="help">${L(lang, `Unggah dokumen yang diminta petugas (foto atau PDF, maks. ${MAX_UPLOAD_MB} MB per berkas), atau tulis keterangan.`, `Upload the documents the officer asked for (photo or PDF, at most ${MAX_UPLOAD_MB} MB each), or write a note.`)}</p>
${d.documents.map(
  (r) => html`<div class="field req"><label for="f-file-${r.id}">${r.label}</label><input type="file" id="f-file-${r.id}" name="file.${r.id}" accept="application/pdf,image/jpeg,image/png,image/webp"${invalidAttrs(problems, `attachments.${r.id}`)}>${fieldError(lang, problems, `attachments.${r.id}`)}</div>`,
)}
<div class="field"><label for="f-note">${L(lang, 'Keterangan untuk petugas', 'Note for the officer')}</label><textarea id="f-note" name="note" rows="3" maxlength="2000"${invalidAttrs(problems, 'documents')}></textarea>${fieldError(lang, problems, 'documents')}</div>
<button type="submit" class="primary">${L(lang, 'Kirim kelengkapan berkas', 'Send the completed file')}</button></form></section>`;
}

/** Withdrawing takes two deliberate steps: open the box, tick "yes", then press the button. */
function withdrawForm(lang: Lang, self: string, d: TrackingPageData): Raw {
  const problems = d.problems ?? [];
  const asked = problems.some((p) => p.field === 'confirm');
  return html`<details class="secondary-form"${asked ? html` open` : ''}><summary>${L(lang, 'Batalkan permohonan…', 'Withdraw the application…')}</summary>
<form method="post" action="${withLang(`${self}/batal`, lang)}" class="intake"><input type="hidden" name="code" value="${d.code}">
<p>${L(lang, 'Permohonan yang dibatalkan tidak dapat dilanjutkan lagi; Anda harus mengajukan permohonan baru.', 'A withdrawn application cannot be resumed; you would have to apply again.')}</p>
<div class="field"><label for="f-reason">${L(lang, 'Alasan pembatalan', 'Reason for withdrawing')}</label><input id="f-reason" name="reason" maxlength="2000"></div>
<div class="field check"><input type="checkbox" id="f-confirm" name="confirm" value="true"${invalidAttrs(problems, 'confirm')}><label for="f-confirm">${L(lang, 'Ya, saya ingin membatalkan permohonan ini', 'Yes, I want to withdraw this application')}</label></div>${fieldError(lang, problems, 'confirm')}
<button type="submit" class="reject">${L(lang, 'Batalkan permohonan', 'Withdraw application')}</button></form></details>`;
}

function lettersSection(lang: Lang, number: string, letters: TrackedLetter[]): Raw {
  if (letters.length === 0) return html``;
  const date = (d: string | null) => (d ? (lang === 'id' ? indonesianDate(d) : englishDate(d)) : '');
  const items = letters.map((l) => {
    if (l.status === 'signed')
      return html`<li><a href="${withLang(`/lacak/${encodeURIComponent(number)}/surat/${l.id}`, lang)}" data-testid="letter-download">${L(lang, 'Unduh', 'Download')} ${l.title} ${l.number ?? ''} (PDF)</a><br><span class="meta">${L(lang, 'Tanggal', 'Date')} ${date(l.issuedOn)}${l.validUntil ? html` · ${L(lang, 'berlaku s.d.', 'valid until')} ${date(l.validUntil)}` : ''} · <a href="/v/${l.token}">${L(lang, 'periksa keaslian', 'verify')}</a></span></li>`;
    if (l.status === 'revoked') return html`<li>${l.title} ${l.number ?? ''}: <strong>${L(lang, 'dicabut', 'revoked')}</strong> — ${l.revocationReason ?? ''}</li>`;
    return html`<li>${l.title}: ${L(lang, 'sedang menunggu tanda tangan pejabat', 'waiting for the official signature')}</li>`;
  });
  return html`<section aria-labelledby="h-letters"><h2 id="h-letters">${L(lang, 'Surat', 'Letters')}</h2><ul>${items}</ul></section>`;
}

function surveySection(lang: Lang, survey: TrackedSurvey): Raw {
  if (!survey) return html``;
  if (survey.answered)
    return html`<p class="meta" data-testid="survey-answered">${L(lang, 'Terima kasih, Anda sudah mengisi survei kepuasan untuk permohonan ini.', 'Thank you, you have answered the satisfaction survey for this application.')}</p>`;
  return html`<section aria-labelledby="h-survey" class="receipt"><h2 id="h-survey">${L(lang, 'Bagaimana pelayanan kami?', 'How was our service?')}</h2>
<p>${L(lang, 'Isi Survei Kepuasan Masyarakat (9 pertanyaan, tanpa nama, satu kali). Jawaban Anda membantu kami memperbaiki pelayanan.', 'Answer the satisfaction survey (9 questions, anonymous, once). Your answers help us improve the service.')}</p>
<p><a class="button" data-testid="survey-link" href="${withLang(survey.path, lang)}">${L(lang, 'Isi survei kepuasan', 'Answer the survey')}</a></p></section>`;
}
