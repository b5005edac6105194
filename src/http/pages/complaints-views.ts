/**
 * The public complaint pages: the complaint form (also used by staff), its receipt, the published
 * summaries, and tracking by receipt number and code. Pure: (lang, data) → HTML; every value the
 * public sent is escaped by the `html` template, never rendered as markup.
 */
import type { StoredOffice } from '../../db/standards-repo.js';
import { CHANNEL_LABELS, COMPLAINT_MODES, COMPLAINT_TYPES, MODE_LABELS, TYPE_LABELS, type ComplaintChannel } from '../../domain/complaints/index.js';
import type { Problem } from '../../domain/errors.js';
import type { PublishedItem } from '../../usecases/complaints/list-published-summaries.js';
import type { PublicComplaintStatus } from '../../usecases/complaints/show-tracked-complaint.js';
import { L, when, type Lang } from '../i18n.js';
import { fieldError, flash, invalidAttrs, say, slaBadge } from './components.js';
import { html, multiline, type Raw } from './html.js';
import { csrfField, page, withLang } from './layout.js';

/** What was typed (kept when the form comes back) and what is wrong with it. */
export interface ComplaintFormState {
  /** The flat form fields; `_idem` is the key that makes a resubmission file the same complaint once. */
  values: Record<string, string>;
  problems: readonly Problem[];
}

export interface ComplaintFormOptions {
  office: StoredOffice;
  state: ComplaintFormState;
  action: string;
  /** Staff record the channel, an outside reference and when it was received; the public does not. */
  staff?: { channels: readonly ComplaintChannel[]; csrf: string };
}

/** The complaint form, for the public (web form) and for staff (any channel). */
export function complaintForm(lang: Lang, o: ComplaintFormOptions): Raw {
  const { values: v, problems } = o.state;
  const checked = (name: string, value: string, dflt = false) => ((v[name] ?? (dflt ? value : '')) === value ? html` checked` : '');
  const err = (...fields: string[]) => fieldError(lang, problems, ...fields);
  const bad = (...fields: string[]) => invalidAttrs(problems, ...fields);
  return html`${problems.length
    ? html`<div class="error-summary" role="alert" tabindex="-1"><h2>${L(lang, 'Periksa kembali isian berikut', 'Please check the following')}</h2><ul>${problems.map((p) => html`<li>${say(lang, p)}</li>`)}</ul></div>`
    : ''}
<form method="post" action="${o.action}" class="intake" novalidate>
${o.staff ? csrfField(o.staff) : ''}
<input type="hidden" name="_idem" value="${v._idem ?? ''}">
<div style="position:absolute;left:-10000px" aria-hidden="true"><label for="f-hp">${L(lang, 'Jangan diisi', 'Leave empty')}</label><input id="f-hp" name="website_url" tabindex="-1" autocomplete="off"></div>
${o.staff
  ? html`<fieldset><legend>${L(lang, 'Saluran', 'Channel')}</legend>
<div class="field"><label for="f-channel">${L(lang, 'Diterima melalui', 'Received through')}</label><select id="f-channel" name="channel"${bad('channel')}>${o.staff.channels.map((k) => html`<option value="${k}"${v.channel === k ? html` selected` : ''}>${L(lang, ...CHANNEL_LABELS[k])}</option>`)}</select>${err('channel')}</div>
<div class="field"><label for="f-ext">${L(lang, 'Nomor pelacakan LAPOR! / rujukan luar (wajib untuk SP4N-LAPOR!)', 'LAPOR! tracking id / outside reference (required for SP4N-LAPOR!)')}</label><input id="f-ext" name="externalRef" value="${v.externalRef ?? ''}" maxlength="64"${bad('externalRef')}>${err('externalRef')}</div>
<div class="field"><label for="f-recv">${L(lang, 'Waktu diterima (kosong = sekarang)', 'Time received (empty = now)')}</label><input id="f-recv" name="receivedAt" type="datetime-local" value="${v.receivedAt ?? ''}"${bad('receivedAt')}>${err('receivedAt')}</div>
</fieldset>`
  : ''}
<fieldset><legend>${L(lang, 'Jenis laporan', 'Kind of report')}</legend>
${COMPLAINT_TYPES.map((t) => html`<div class="check"><input type="radio" id="f-type-${t}" name="type" value="${t}"${checked('type', t, t === 'pengaduan')}><label for="f-type-${t}">${L(lang, ...TYPE_LABELS[t])}</label></div>`)}
${err('type')}</fieldset>
<div class="field"><label for="f-text">${L(lang, 'Isi laporan', 'Your report')}</label><p class="help" id="h-text">${L(lang, 'Ceritakan apa yang terjadi, kapan dan di mana (10–5.000 karakter).', 'Say what happened, when and where (10–5,000 characters).')}</p><textarea id="f-text" name="text" rows="6" maxlength="5000" required aria-describedby="h-text"${bad('text')}>${v.text ?? ''}</textarea>${err('text')}</div>
<div class="field"><label for="f-svc">${L(lang, 'Layanan yang dimaksud (bila ada)', 'The service concerned (if any)')}</label><select id="f-svc" name="service"${bad('service')}><option value="">${L(lang, '— tidak terkait layanan tertentu —', '— no particular service —')}</option>${o.office.services.map((s) => html`<option value="${s.service.slug}"${v.service === s.service.slug ? html` selected` : ''}>${s.service.no}. ${s.service.title}</option>`)}</select>${err('service')}</div>
<div class="field"><label for="f-app">${L(lang, 'Nomor registrasi permohonan (bila ada)', 'Application registration number (if any)')}</label><input id="f-app" name="application" value="${v.application ?? ''}" placeholder="JMB-2026-000123" autocapitalize="characters"${bad('application')}>${err('application')}</div>
<fieldset><legend>${L(lang, 'Identitas pelapor', 'Your identity')}</legend>
${COMPLAINT_MODES.map((m) => html`<div class="check"><input type="radio" id="f-mode-${m}" name="mode" value="${m}"${checked('mode', m, m === 'named')}><label for="f-mode-${m}">${L(lang, ...MODE_LABELS[m])}</label></div>`)}
${err('mode')}
<p class="help">${L(lang, 'Bila memilih anonim, isian di bawah ini diabaikan dan tidak disimpan; laporan tetap dapat dilacak dengan nomor dan kode pelacakan.', 'If you choose anonymous, the fields below are ignored and not stored; you can still follow your report with its number and tracking code.')}</p>
<div class="field"><label for="f-name">${L(lang, 'Nama', 'Name')}</label><input id="f-name" name="name" autocomplete="name" maxlength="100" value="${v.name ?? ''}"${bad('complainant.name', 'complainant')}>${err('complainant.name', 'complainant')}</div>
<div class="field"><label for="f-phone">${L(lang, 'Nomor HP (boleh kosong)', 'Mobile number (optional)')}</label><input id="f-phone" name="phone" type="tel" inputmode="tel" autocomplete="tel" maxlength="24" value="${v.phone ?? ''}"${bad('complainant.phone')}>${err('complainant.phone')}</div>
<div class="field"><label for="f-email">${L(lang, 'Email (boleh kosong)', 'E-mail (optional)')}</label><input id="f-email" name="email" type="email" autocomplete="email" maxlength="254" value="${v.email ?? ''}"${bad('complainant.email')}>${err('complainant.email')}</div>
</fieldset>
<button type="submit" class="primary">${L(lang, 'Kirim laporan', 'Send report')}</button>
</form>`;
}

const officeCrumbs = (lang: Lang, office: StoredOffice) => [
  { href: '/', label: L(lang, 'Beranda', 'Home') },
  { href: `/kantor/${office.office.slug}`, label: office.office.name },
];

/** The office's public complaint page: its promise, its other channels, and the form. */
export function complaintFormPage(lang: Lang, office: StoredOffice, promise: { text: string; textEn: string }, state: ComplaintFormState): string {
  const path = `/kantor/${office.office.slug}/pengaduan`;
  return page({
    lang,
    title: L(lang, `Pengaduan dan saran — ${office.office.name}`, `Complaints and suggestions — ${office.office.name}`),
    path,
    breadcrumbs: officeCrumbs(lang, office),
    body: html`<h1>${L(lang, 'Sampaikan pengaduan, saran atau permintaan informasi', 'Send a complaint, suggestion or request for information')}</h1>
<p>${office.office.name}. ${L(lang, 'Tanpa akun. Anda langsung mendapat nomor pengaduan dan kode pelacakan.', 'No account needed. You get a complaint number and tracking code at once.')}</p>
<div class="notice"><strong>${L(lang, 'Janji tanggapan', 'Response promise')}:</strong> ${L(lang, promise.text, promise.textEn)}</div>
<details><summary>${L(lang, 'Saluran pengaduan lain', 'Other complaint channels')}</summary><ul>${office.office.complaints.channels.map((c) => html`<li>${c.label}${c.value ? html`: <strong>${c.value}</strong>` : ''}</li>`)}<li>SP4N-LAPOR!: <a href="https://www.lapor.go.id">www.lapor.go.id</a></li></ul></details>
${complaintForm(lang, { office, state, action: withLang(path, lang) })}
<p><a href="${withLang('/pengaduan', lang)}">${L(lang, 'Lacak pengaduan yang sudah dikirim', 'Track a complaint you sent')}</a> · <a href="${withLang(`${path}/publik`, lang)}">${L(lang, 'Ringkasan pengaduan yang telah ditangani', 'Summaries of handled complaints')}</a></p>`,
  });
}

/** The receipt the public gets at once: number, tracking code, and when the answer is due. */
export function complaintReceiptPage(lang: Lang, office: StoredOffice, r: { receiptNumber: string; trackingCode: string; dueAtLocal: string }): string {
  return page({
    lang,
    title: L(lang, 'Tanda terima pengaduan', 'Complaint receipt'),
    path: '/pengaduan',
    body: html`<h1>${L(lang, 'Laporan diterima', 'Report received')}</h1>
<div class="receipt" role="status">
<p>${L(lang, 'Nomor pengaduan', 'Complaint number')}: <strong class="big" data-testid="receipt-number">${r.receiptNumber}</strong></p>
<p>${L(lang, 'Kode pelacakan', 'Tracking code')}: <strong class="big" data-testid="tracking-code">${r.trackingCode}</strong></p>
<p>${L(lang, 'Ditanggapi paling lambat', 'To be answered by')}: <strong data-testid="due">${when(lang, r.dueAtLocal)}</strong></p>
<p class="meta">${L(lang, 'Simpan nomor dan kode ini: keduanya diperlukan untuk melihat jawaban dan menambahkan informasi. Kode tidak dapat ditampilkan lagi.', 'Keep the number and the code: you need both to read the answer and add information. The code cannot be shown again.')} ${office.office.name}.</p>
</div>
<p><a class="button" href="${withLang(`/pengaduan/${encodeURIComponent(r.receiptNumber)}`, lang)}">${L(lang, 'Lacak pengaduan', 'Track complaint')}</a></p>`,
  });
}

/** The office's published, anonymised summaries of handled complaints. */
export function publishedSummariesPage(lang: Lang, office: StoredOffice, items: readonly PublishedItem[]): string {
  return page({
    lang,
    title: L(lang, `Ringkasan pengaduan — ${office.office.name}`, `Complaint summaries — ${office.office.name}`),
    path: `/kantor/${office.office.slug}/pengaduan/publik`,
    breadcrumbs: officeCrumbs(lang, office),
    body: html`<h1>${L(lang, 'Ringkasan pengaduan yang telah ditangani', 'Summaries of handled complaints')}</h1>
<p>${L(lang, 'Ringkasan ditulis petugas tanpa identitas pelapor (Perpres 76/2013: hasil penanganan pengaduan terbuka untuk publik). Pengaduan rahasia tidak dipublikasikan.', "Summaries are written by staff without the complainant's identity (Perpres 76/2013: results are public). Confidential complaints are never published.")}</p>
${items.length
  ? html`<ul class="cards">${items.map((i) => html`<li><p class="meta">${i.typeLabel} · ${L(lang, 'diterima', 'received')} ${i.receivedOn}${i.answeredOn ? html` · ${L(lang, 'dijawab', 'answered')} ${i.answeredOn}` : ''}${i.service ? html` · ${i.service.title}` : ''}</p><p>${multiline(i.summary ?? '')}</p>${i.resolved !== null ? html`<p class="meta">${i.resolved ? L(lang, 'Pelapor menyatakan masalah selesai', 'The complainant said it was resolved') : L(lang, 'Pelapor menyatakan masalah belum selesai', 'The complainant said it was not resolved')}</p>` : ''}</li>`)}</ul>`
  : html`<p>${L(lang, 'Belum ada ringkasan yang dipublikasikan.', 'No summary published yet.')}</p>`}
<p><a href="${withLang(`/kantor/${office.office.slug}/pengaduan`, lang)}">${L(lang, 'Sampaikan pengaduan', 'Send a complaint')}</a></p>`,
  });
}

/** Where the complainant types the receipt number and tracking code. */
/** The tracking form: number and code are POSTed (never put in a URL); `number` prefilled when a code-free page asks again. */
export function trackFormPage(lang: Lang, o: { number?: string } = {}): string {
  return page({
    lang,
    title: L(lang, 'Lacak pengaduan', 'Track a complaint'),
    path: '/pengaduan',
    body: html`<h1>${L(lang, 'Lacak pengaduan', 'Track a complaint')}</h1>
${o.number ? html`<p>${L(lang, 'Masukkan kode pelacakan dari tanda terima untuk melihat pengaduan ini.', 'Enter the tracking code from the receipt to see this complaint.')}</p>` : ''}
<form method="post" action="${withLang('/pengaduan', lang)}" class="intake">
<div class="field"><label for="f-nomor">${L(lang, 'Nomor pengaduan', 'Complaint number')}</label><input id="f-nomor" name="nomor" required placeholder="BJM-ADU-2026-000001" autocapitalize="characters" value="${o.number ?? ''}"></div>
<div class="field"><label for="f-code">${L(lang, 'Kode pelacakan', 'Tracking code')}</label><input id="f-code" name="code" required autocomplete="off" autocapitalize="characters"></div>
<button type="submit" class="primary">${L(lang, 'Lacak', 'Track')}</button></form>`,
  });
}

/** A receipt number and code that match nothing (a wrong code looks the same as an unknown number). */
export function trackedNotFoundPage(lang: Lang): string {
  return page({
    lang,
    title: L(lang, 'Tidak ditemukan', 'Not found'),
    path: '/pengaduan',
    body: html`<h1>${L(lang, 'Nomor pengaduan atau kode pelacakan tidak cocok', 'Complaint number or tracking code does not match')}</h1><p><a href="${withLang('/pengaduan', lang)}">${L(lang, 'Coba lagi', 'Try again')}</a></p>`,
  });
}

export interface TrackedPageState {
  /** The tracking code, carried by the page's forms. */
  code: string;
  /** What the complainant just did, when it worked. */
  done?: string | undefined;
  /** Why what the complainant just did was refused. */
  problems?: readonly Problem[];
}

/** What the complainant reads of the complaint, with the forms to add information and to answer the answer. */
export function trackedComplaintPage(lang: Lang, s: PublicComplaintStatus, o: TrackedPageState): string {
  const self = `/pengaduan/${s.receiptNumber}`;
  const problems = o.problems ?? [];
  return page({
    lang,
    title: `${L(lang, 'Pengaduan', 'Complaint')} ${s.receiptNumber}`,
    path: self,
    body: html`<h1>${L(lang, 'Pengaduan', 'Complaint')} ${s.receiptNumber}</h1>
${flash({ ok: o.done })}
${problems.length ? html`<div class="error-summary" role="alert"><ul>${problems.map((p) => html`<li>${say(lang, p)}</li>`)}</ul></div>` : ''}
<dl class="facts">
<div><dt>${L(lang, 'Tahap', 'Stage')}</dt><dd data-testid="stage">${L(lang, s.stage.label, s.stage.labelEn)}</dd></div>
<div><dt>${L(lang, 'Diterima', 'Received')}</dt><dd>${when(lang, s.receivedAtLocal)}<br><span class="meta">${s.channelLabel}${s.externalRef ? ` · ${s.externalRef}` : ''}</span></dd></div>
<div><dt>${L(lang, 'Ditanggapi paling lambat', 'To be answered by')}</dt><dd>${when(lang, s.dueAtLocal)}<br>${slaBadge(lang, s.slaState)}</dd></div>
</dl>
<p class="meta">${s.office.name} · ${L(lang, s.typeLabel, s.typeLabelEn)} · ${L(lang, s.modeLabel, s.modeLabelEn)}${s.service ? html` · ${s.service.title}` : ''}${s.application ? html` · ${s.application}` : ''}</p>
<section aria-labelledby="h-text"><h2 id="h-text">${L(lang, 'Laporan Anda', 'Your report')}</h2><p>${multiline(s.text)}</p></section>
${s.answer
  ? html`<section aria-labelledby="h-answer"><h2 id="h-answer">${L(lang, 'Jawaban Dinas Sosial', "The office's answer")}</h2><div class="receipt" data-testid="answer"><p>${multiline(s.answer)}</p><p class="meta">${s.answeredAtLocal ?? ''}</p></div></section>`
  : ''}
${s.referral ? html`<section aria-labelledby="h-ref"><h2 id="h-ref">${L(lang, 'Bukan kewenangan Dinas Sosial: sampaikan ke', 'Not our authority: please contact')}</h2><p data-testid="referral">${multiline(s.referral)}</p></section>` : ''}
${s.mergedInto ? html`<p class="notice">${L(lang, `Laporan ini digabung dengan pengaduan ${s.mergedInto} yang menyangkut hal yang sama.`, `This report was merged with complaint ${s.mergedInto} about the same matter.`)}</p>` : ''}
${s.resolved !== null ? html`<p>${s.resolved ? L(lang, 'Anda menyatakan jawaban menyelesaikan masalah. Terima kasih.', 'You said the answer resolved the problem. Thank you.') : L(lang, 'Anda menyatakan masalah belum selesai; pengaduan ditindaklanjuti kembali.', 'You said the problem is not resolved; the complaint is being followed up again.')}</p>` : ''}
${s.canGiveFeedback
  ? html`<section aria-labelledby="h-fb"><h2 id="h-fb">${L(lang, 'Apakah jawaban ini menyelesaikan masalah Anda?', 'Did this answer resolve your problem?')}</h2>
<form method="post" action="${withLang(`${self}/tanggapan`, lang)}" class="intake"><input type="hidden" name="code" value="${o.code}">
<fieldset><legend>${L(lang, 'Tanggapan Anda', 'Your response')}</legend>
<div class="check"><input type="radio" id="f-res-yes" name="resolved" value="true" required><label for="f-res-yes">${L(lang, 'Ya, sudah selesai', 'Yes, it is resolved')}</label></div>
<div class="check"><input type="radio" id="f-res-no" name="resolved" value="false"><label for="f-res-no">${L(lang, 'Belum selesai', 'Not resolved')}</label></div></fieldset>
<div class="field"><label for="f-comment">${L(lang, 'Komentar (wajib bila belum selesai)', 'Comment (required if not resolved)')}</label><textarea id="f-comment" name="comment" rows="3" maxlength="2000"></textarea></div>
<button type="submit" class="primary">${L(lang, 'Kirim tanggapan', 'Send response')}</button></form></section>`
  : ''}
${s.canAddInformation
  ? html`<section aria-labelledby="h-add"><h2 id="h-add">${L(lang, 'Tambahkan informasi', 'Add information')}</h2>
<form method="post" action="${withLang(`${self}/informasi`, lang)}" class="intake"><input type="hidden" name="code" value="${o.code}">
<div class="field"><label for="f-info">${L(lang, 'Informasi tambahan untuk petugas', 'More information for the officer')}</label><textarea id="f-info" name="text" rows="3" maxlength="3000" required></textarea></div>
<button type="submit">${L(lang, 'Kirim informasi', 'Send information')}</button></form></section>`
  : ''}
<section aria-labelledby="h-tl"><h2 id="h-tl">${L(lang, 'Riwayat', 'History')}</h2><ol class="timeline">${s.timeline.map(
      (e) => html`<li><time datetime="${e.at}">${when(lang, e.atLocal)}</time> · <strong>${L(lang, e.label, e.labelEn)}</strong>${e.data.unit ? html` · ${String(e.data.unit)}` : ''}${e.text && e.type !== 'answered' ? html`<br>${multiline(e.text)}` : ''}</li>`,
    )}</ol></section>
<p class="meta">${L(lang, s.responsePromise.text, s.responsePromise.textEn)}</p>`,
  });
}
