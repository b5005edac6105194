/** Views of the public case pages: apply online, the receipt, tracking. Pure: (lang, data) → HTML. */
import { englishDate, indonesianDate } from '../../domain/letters/dates.js';
import type { Service } from '../../domain/standards/schema.js';
import type { PublicStatus } from '../../usecases/applications/public-status.js';
import { L, type Lang } from '../i18n.js';
import { html, type Raw } from './html.js';
import { intakeForm, type FormState } from './applications-intake-views.js';
import { page, withLang } from './layout.js';

export interface ApplyPageData {
  office: { slug: string; name: string; regionName: string };
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
${!svc.openForApplications ? html`<p class="notice">${L(lang, 'Layanan ini belum dibuka untuk permohonan.', 'This service is not open for applications.')}</p>` : intakeForm(lang, svc, d.state, { action: withLang(path, lang), staff: false, regionName: d.office.regionName })}`,
  });
}

export function receiptPage(lang: Lang, r: { registrationNumber: string; trackingCode: string; dueAtLocal: string | null }): string {
  return page({
    lang,
    title: L(lang, 'Tanda terima permohonan', 'Application receipt'),
    path: '/lacak',
    body: html`<h1>${L(lang, 'Permohonan diterima', 'Application received')}</h1>
<div class="receipt">
<p>${L(lang, 'Nomor registrasi', 'Registration number')}: <strong class="big" data-testid="registration-number">${r.registrationNumber}</strong></p>
<p>${L(lang, 'Kode pelacakan', 'Tracking code')}: <strong class="big" data-testid="tracking-code">${r.trackingCode}</strong></p>
<p>${r.dueAtLocal ? html`${L(lang, 'Batas waktu penyelesaian', 'Due')}: ${r.dueAtLocal}` : L(lang, 'Batas waktu mulai dihitung setelah berkas dinyatakan lengkap oleh petugas.', 'The time limit starts once an officer declares the file complete.')}</p>
<p class="meta">${L(lang, 'Simpan nomor dan kode ini. Keduanya diperlukan untuk melacak permohonan; kode tidak dapat ditampilkan lagi tanpa datang ke loket.', 'Keep both: you need them to track your application.')}</p>
</div>
<p><a class="button" href="${withLang(`/lacak/${r.registrationNumber}?code=${r.trackingCode}`, lang)}">${L(lang, 'Lacak permohonan', 'Track application')}</a></p>`,
  });
}

export function trackFormPage(lang: Lang): string {
  return page({
    lang,
    title: L(lang, 'Lacak permohonan', 'Track an application'),
    path: '/lacak',
    body: html`<h1>${L(lang, 'Lacak permohonan', 'Track an application')}</h1>
<form method="get" action="/lacak" class="intake">${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<div class="field"><label for="f-nomor">${L(lang, 'Nomor registrasi', 'Registration number')}</label><input id="f-nomor" name="nomor" required placeholder="JMB-2026-000123"></div>
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
<div><dt>${L(lang, 'Batas waktu', 'Due')}</dt><dd>${s.dueAtLocal ?? '—'}</dd></div>
</dl>
${s.currentStep ? html`<p>${L(lang, 'Tahap saat ini', 'Current step')}: <strong>${s.currentStep.label}</strong></p>` : ''}
${s.reason ? html`<div class="notice" role="status"><strong>${L(lang, 'Catatan petugas', "Officer's note")}:</strong> ${s.reason}</div>` : ''}
${s.mustDo ? html`<p data-testid="must-do">${lang === 'id' ? s.mustDo : s.mustDoEn}</p>` : ''}
${lettersSection(lang, s.registrationNumber, d.code, d.letters)}${surveySection(lang, d.survey)}
${s.status === 'waiting-applicant'
  ? html`<form method="post" action="${withLang(`${self}/kirim-ulang`, lang)}"><input type="hidden" name="code" value="${d.code}"><div class="field"><label for="f-note">${L(lang, 'Keterangan untuk petugas', 'Note for the officer')}</label><input id="f-note" name="note"></div><button type="submit" class="primary">${L(lang, 'Berkas sudah saya lengkapi', 'I have completed my file')}</button></form>`
  : ''}
${s.canWithdraw
  ? html`<form method="post" action="${withLang(`${self}/batal`, lang)}" class="secondary-form"><input type="hidden" name="code" value="${d.code}"><div class="field"><label for="f-reason">${L(lang, 'Alasan pembatalan', 'Reason for withdrawing')}</label><input id="f-reason" name="reason"></div><button type="submit">${L(lang, 'Batalkan permohonan', 'Withdraw application')}</button></form>`
  : ''}`,
  });
}

function lettersSection(lang: Lang, number: string, code: string, letters: TrackedLetter[]): Raw {
  if (letters.length === 0) return html``;
  const date = (d: string | null) => (d ? (lang === 'id' ? indonesianDate(d) : englishDate(d)) : '');
  const items = letters.map((l) => {
    if (l.status === 'signed')
      return html`<li><a href="${withLang(`/lacak/${number}/surat/${l.id}?code=${encodeURIComponent(code)}`, lang)}" data-testid="letter-download">${L(lang, 'Unduh', 'Download')} ${l.title} ${l.number ?? ''} (PDF)</a><br><span class="meta">${L(lang, 'Tanggal', 'Date')} ${date(l.issuedOn)}${l.validUntil ? html` · ${L(lang, 'berlaku s.d.', 'valid until')} ${date(l.validUntil)}` : ''} · <a href="/v/${l.token}">${L(lang, 'periksa keaslian', 'verify')}</a></span></li>`;
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
