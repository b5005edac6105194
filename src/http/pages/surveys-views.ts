/**
 * The SKM questionnaire form and the public pages around it: the one-time survey of an
 * application, the kiosk form of an office, and their messages. Pure: (lang, data) → HTML.
 */
import type { StoredOffice } from '../../db/standards-repo.js';
import type { Problem } from '../../domain/errors.js';
import { ELEMENTS } from '../../domain/surveys/index.js';
import { PROFILE_FIELDS, QUESTIONS } from '../../domain/surveys/questionnaire.js';
import { L, type Lang } from '../i18n.js';
import { say } from './components.js';
import { html, type Raw } from './html.js';
import { page, withLang } from './layout.js';

export interface SurveyFormOptions {
  action: string;
  hidden: Record<string, string>;
  /** Online questionnaires answer all nine elements; paper ones may leave some blank. */
  requireAll: boolean;
  /** The office whose services the respondent may name (kiosk and paper forms). */
  office?: StoredOffice;
  /** Paper entry by staff: the date filled and the application number. */
  staff?: boolean;
  kiosk?: boolean;
  /** What was sent, shown again beside its problems. */
  values?: Record<string, string>;
  problems?: readonly Problem[];
}

/** The nine questions, the optional profile and the suggestion; problems beside their fields (and rows of an import listed). */
export function surveyForm(lang: Lang, opts: SurveyFormOptions): Raw {
  const v = opts.values ?? {};
  const problems = opts.problems ?? [];
  const err = (field: string) => {
    const p = problems.find((x) => x.field === field);
    return p ? html`<p class="field-error">${say(lang, p)}</p>` : '';
  };
  return html`${problems.length ? html`<div class="error-summary" role="alert"><h2>${L(lang, 'Periksa kembali isian berikut', 'Please check the following')}</h2><ul>${problems.map((p) => html`<li>${p.row ? `${L(lang, 'Baris', 'Row')} ${p.row}: ` : ''}${say(lang, p)}</li>`)}</ul></div>` : ''}
<form method="post" action="${opts.action}" class="intake">
${Object.entries(opts.hidden).map(([k, val]) => html`<input type="hidden" name="${k}" value="${val}">`)}
${opts.staff
  ? html`<div class="field"><label for="f-date">${L(lang, 'Tanggal kuesioner diisi', 'Date the questionnaire was filled')}</label><input id="f-date" name="date" type="date" value="${v.date ?? ''}">${err('date')}</div>
<div class="field"><label for="f-app">${L(lang, 'Nomor registrasi permohonan (bila ada)', 'Application number (if any)')}</label><input id="f-app" name="application" value="${v.application ?? ''}" autocapitalize="characters">${err('application')}</div>`
  : ''}
${(opts.staff || opts.kiosk) && opts.office
  ? html`<div class="field"><label for="f-svc">${L(lang, 'Layanan yang diterima', 'The service received')}</label><select id="f-svc" name="service"><option value="">${L(lang, '— tidak disebut —', '— not given —')}</option>${opts.office.services.map((s) => html`<option value="${s.service.slug}"${v.service === s.service.slug ? html` selected` : ''}>${s.service.no}. ${s.service.title}</option>`)}</select>${err('service')}</div>`
  : ''}
${ELEMENTS.map(
  (e, i) => html`<fieldset${problems.some((p) => p.field === `answers.${e.code}`) ? html` aria-invalid="true"` : ''}><legend>${i + 1}. ${QUESTIONS[e.code][lang === 'id' ? 0 : 1]} <span class="meta">(${e.code} ${lang === 'id' ? e.name : e.nameEn})</span></legend>
${e.options.map((o) => html`<div class="check"><input type="radio" id="f-${e.code}-${o.score}" name="${e.code}" value="${o.score}"${opts.requireAll ? html` required` : ''}${v[e.code] === String(o.score) ? html` checked` : ''}><label for="f-${e.code}-${o.score}">${lang === 'id' ? o.label : o.labelEn}</label></div>`)}
${err(`answers.${e.code}`)}</fieldset>`,
)}
<fieldset><legend>${L(lang, 'Tentang Anda (boleh dikosongkan)', 'About you (optional)')}</legend>
${PROFILE_FIELDS.map(
  (f) => html`<div class="field"><label for="f-${f.key}">${lang === 'id' ? f.label : f.labelEn}</label><select id="f-${f.key}" name="${f.key}"><option value="">${L(lang, '— tidak diisi —', '— not given —')}</option>${f.options.map((o) => html`<option value="${o.id}"${v[f.key] === o.id ? html` selected` : ''}>${lang === 'id' ? o.label : o.labelEn}</option>`)}</select>${err(`respondent.${f.key}`)}</div>`,
)}
</fieldset>
<div class="field"><label for="f-sugg">${L(lang, 'Saran dan masukan', 'Suggestions')}</label><textarea id="f-sugg" name="suggestion" rows="3" maxlength="2000">${v.suggestion ?? ''}</textarea>${err('suggestion')}</div>
<button type="submit" class="primary">${L(lang, 'Kirim survei', 'Send survey')}</button>
</form>`;
}

/** A page that only says something: a title and a few lines. */
function messagePage(lang: Lang, path: string, title: string, body: Raw): string {
  return page({ lang, title, path, body: html`<h1>${title}</h1>${body}` });
}

const surveyTitle = (lang: Lang) => L(lang, 'Survei Kepuasan Masyarakat', 'Satisfaction survey');

/** What a one-time link opened: the application's office, service and number. */
export interface LinkedApplication {
  officeName: string;
  serviceTitle: string;
  registrationNumber: string;
}

/**
 * The one-time survey of an application. Opened from its link, it names the application; sent
 * back with problems, it shows the form again with them.
 */
export function linkSurveyPage(lang: Lang, path: string, about: LinkedApplication | null, sent?: { values: Record<string, string>; problems: readonly Problem[] }): string {
  const form = surveyForm(lang, { action: withLang(path, lang), hidden: {}, requireAll: true, ...sent });
  const title = surveyTitle(lang);
  if (!about) return page({ lang, title, path, body: html`<h1>${title}</h1>${form}` });
  return page({
    lang,
    title,
    path,
    body: html`<h1>${title}</h1>
<p>${about.officeName} · ${about.serviceTitle} · ${about.registrationNumber}</p>
<p class="meta">${L(lang, 'Survei tanpa nama, satu kali untuk permohonan ini. Jawaban Anda dipakai untuk menghitung Indeks Kepuasan Masyarakat (PermenPANRB 14/2017).', 'Anonymous, once for this application. Your answers are used to compute the satisfaction index (PermenPANRB 14/2017).')}</p>
${form}`,
  });
}

/** Why a one-time link shows no form, or that its answers were saved. */
export type LinkNotice = 'invalid' | 'answered' | 'not-yet' | 'saved';

export function linkNoticePage(lang: Lang, path: string, notice: LinkNotice): string {
  switch (notice) {
    case 'invalid':
      return messagePage(lang, path, L(lang, 'Tautan survei tidak sah', 'Invalid survey link'), html`<p>${L(lang, 'Periksa kembali tautan atau pindai ulang kode QR.', 'Check the link or scan the QR code again.')}</p>`);
    case 'answered':
      return messagePage(lang, path, L(lang, 'Survei sudah diisi', 'Survey already answered'), html`<p data-testid="survey-done">${L(lang, 'Terima kasih, survei untuk permohonan ini sudah diisi.', 'Thank you, the survey for this application has been answered.')}</p>`);
    case 'not-yet':
      return messagePage(lang, path, L(lang, 'Survei belum dibuka', 'Survey not open yet'), html`<p>${L(lang, 'Survei dapat diisi setelah layanan selesai.', 'The survey opens once the service is completed.')}</p>`);
    case 'saved':
      return messagePage(lang, path, L(lang, 'Terima kasih', 'Thank you'), html`<p data-testid="survey-thanks">${L(lang, 'Jawaban Anda sudah tersimpan. Terima kasih telah membantu kami memperbaiki pelayanan.', 'Your answers are saved. Thank you for helping us improve the service.')}</p>`);
  }
}

/** A one-time survey that was refused for a reason other than its answers (already answered, link no longer valid). */
export function linkRefusedPage(lang: Lang, path: string, problem: Problem): string {
  return messagePage(lang, path, L(lang, 'Survei tidak dapat disimpan', 'The survey could not be saved'), html`<p>${say(lang, problem)}</p>`);
}

const kioskPath = (office: StoredOffice) => `/kantor/${office.office.slug}/survei`;

/** The kiosk form of an office: one respondent, a fresh single-use nonce. */
export function kioskSurveyPage(lang: Lang, office: StoredOffice, nonce: string, sent?: { values: Record<string, string>; problems: readonly Problem[] }): string {
  const path = kioskPath(office);
  return page({
    lang,
    title: L(lang, `Survei Kepuasan Masyarakat — ${office.office.name}`, `Satisfaction survey — ${office.office.name}`),
    path,
    breadcrumbs: [
      { href: '/', label: L(lang, 'Beranda', 'Home') },
      { href: `/kantor/${office.office.slug}`, label: office.office.name },
    ],
    body: html`<h1>${surveyTitle(lang)}</h1>
<p>${office.office.name}. ${L(lang, 'Tanpa nama. Satu formulir untuk satu responden.', 'Anonymous. One form per respondent.')}</p>
${surveyForm(lang, { action: withLang(path, lang), hidden: { kioskNonce: nonce }, requireAll: true, office, kiosk: true, ...sent })}`,
  });
}

/** After a kiosk response: thanks, and a fresh form for the next respondent. */
export function kioskThanksPage(lang: Lang, office: StoredOffice): string {
  const path = kioskPath(office);
  return messagePage(
    lang,
    path,
    L(lang, 'Terima kasih', 'Thank you'),
    html`<p data-testid="survey-thanks">${L(lang, 'Jawaban Anda sudah tersimpan.', 'Your answers are saved.')}</p><p><a class="button" href="${withLang(path, lang)}">${L(lang, 'Responden berikutnya', 'Next respondent')}</a></p>`,
  );
}
