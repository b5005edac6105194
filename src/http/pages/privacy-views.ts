/**
 * The public pages of personal-data protection: an office's privacy notice (what Sigap holds, why,
 * who reads it, how long, the person's rights under UU 27/2022 and whom to ask) with the request
 * form, the request's receipt, and its status page reached with number and code in a POST form.
 * Pure: (lang, data) → HTML.
 */
import type { StoredOffice } from '../../db/standards-repo.js';
import type { Problem } from '../../domain/errors.js';
import { SUBJECT_REQUEST_HOURS } from '../../domain/privacy/index.js';
import type { RegisteredRequest } from '../../usecases/privacy/register-subject-request.js';
import type { TrackedRequestDto } from '../../usecases/privacy/track-subject-request.js';
import { L, type Lang } from '../i18n.js';
import { errorIdOf, errorSummary, fieldError, invalidAttrs, slaBadge } from './components.js';
import { html, type Raw } from './html.js';
import { page, withLang } from './layout.js';

export interface FormState {
  values: Record<string, string>;
  problems: readonly Problem[];
}

export const privacyPath = (slug: string) => `/kantor/${slug}/privasi`;
export const STATUS_PATH = '/privasi/permintaan';

const crumbs = (lang: Lang, o: StoredOffice) => [
  { href: '/', label: L(lang, 'Beranda', 'Home') },
  { href: `/kantor/${o.office.slug}`, label: o.office.name },
];

/** Who answers requests about personal data: the named officer, or the office until it names one. */
export function dataProtectionContact(lang: Lang, o: StoredOffice): Raw {
  const office = o.office;
  const dp = office.dataProtection;
  const contacts = dp?.contacts ?? office.contacts.filter((c) => c.value && (c.kind === 'phone' || c.kind === 'email'));
  return html`${dp?.officer
    ? html`<p>${L(lang, 'Pejabat Pelindungan Data Pribadi (PPDP, Pasal 53 UU 27/2022)', 'Data protection officer (Law 27/2022, Art. 53)')}: <strong>${dp.officer.name}</strong>${dp.officer.title ? html`, ${dp.officer.title}` : ''}</p>`
    : html`<p class="notice">${L(
        lang,
        `${office.name} belum menunjuk Pejabat Pelindungan Data Pribadi (PPDP, Pasal 53 UU 27/2022). Sampai ditunjuk, permintaan tentang data pribadi diterima dan dijawab oleh kantor melalui kontak di bawah ini.`,
        `${office.name} has not yet named its data protection officer (Law 27/2022, Art. 53). Until it does, the office itself receives and answers requests about personal data through the contacts below.`,
      )}</p>`}
<ul>${contacts.map((c) => html`<li>${c.label}${c.value ? html`: ${c.value}` : ''}</li>`)}<li>${L(lang, 'Alamat', 'Address')}: ${dp?.address ?? office.address}</li></ul>`;
}

function requestForm(lang: Lang, o: StoredOffice, s: FormState): Raw {
  const v = s.values;
  const err = (f: string) => fieldError(lang, s.problems, f);
  const bad = (f: string) => invalidAttrs(s.problems, f);
  // A field with help text: its help and, when refused, its error describe it (one attribute).
  const helped = (f: string, help: string) =>
    s.problems.some((p) => p.field === f) ? html` aria-invalid="true" aria-describedby="${help} ${errorIdOf(f)}"` : html` aria-describedby="${help}"`;
  return html`${errorSummary(lang, s.problems)}
<form method="post" action="${withLang(`${privacyPath(o.office.slug)}#h-request`, lang)}" class="intake" novalidate>
<div class="field"><label for="f-nik">NIK</label><p class="help" id="h-nik">${L(lang, '16 angka, seperti pada KTP atau KK', '16 digits, as on the KTP or family card')}</p><input id="f-nik" name="nik" inputmode="numeric" autocomplete="off" maxlength="24" value="${v.nik ?? ''}"${helped('nik', 'h-nik')}>${err('nik')}</div>
<div class="field"><label for="f-name">${L(lang, 'Nama lengkap', 'Full name')}</label><input id="f-name" name="name" autocomplete="name" maxlength="100" value="${v.name ?? ''}"${bad('name')}>${err('name')}</div>
<div class="field"><label for="f-contact">${L(lang, 'Nomor HP atau e-mail untuk kabar', 'Mobile number or e-mail to be told')}</label><input id="f-contact" name="contact" autocomplete="tel" maxlength="254" value="${v.contact ?? ''}"${bad('contact')}>${err('contact')}</div>
<div class="field"><label for="f-code">${L(lang, 'Kode pelacakan salah satu permohonan atau pengaduan Anda', 'Tracking code of one of your applications or complaints')}</label><p class="help" id="h-code">${L(
    lang,
    'Kode 8 huruf/angka pada tanda terima. Kode ini membuktikan bahwa data yang diminta adalah data Anda sendiri. Tidak punya kode? Datanglah ke loket dengan KTP.',
    'The 8-character code on your receipt. It shows that the data asked for is your own. No code? Come to the counter with your KTP.',
  )}</p><input id="f-code" name="trackingCode" autocomplete="off" autocapitalize="characters" maxlength="8" value="${v.trackingCode ?? ''}"${helped('trackingCode', 'h-code')}>${err('trackingCode')}</div>
<button type="submit" class="primary">${L(lang, 'Kirim permintaan', 'Send request')}</button>
</form>`;
}

/** The office's privacy notice and the request form (UU 27/2022). */
export function privacyPage(lang: Lang, o: StoredOffice, form: FormState): string {
  const office = o.office;
  const h = SUBJECT_REQUEST_HOURS / 24;
  const body = html`<h1>${L(lang, 'Pemberitahuan privasi', 'Privacy notice')}</h1>
<p class="meta">${office.name} · ${L(lang, 'Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi', 'Law No. 27 of 2022 on Personal Data Protection')}</p>
<p class="no-print"><a href="#h-request">${L(lang, 'Minta salinan data Anda beserta catatan siapa yang membacanya', 'Ask for a copy of your data and the record of who read it')}</a></p>
<section aria-labelledby="h-what"><h2 id="h-what">${L(lang, 'Data apa yang kami simpan', 'What data we hold')}</h2>
<p>${L(lang, 'Bila Anda mengajukan permohonan, pengaduan atau survei melalui Sigap, kami menyimpan:', 'When you apply, complain or answer a survey through Sigap, we hold:')}</p>
<ul><li>${L(lang, 'identitas: nama, NIK, nomor KK, tempat dan tanggal lahir, alamat;', 'identity: name, NIK, family card number, place and date of birth, address;')}</li>
<li>${L(lang, 'nomor HP dan e-mail yang Anda berikan;', 'the mobile number and e-mail you give;')}</li>
<li>${L(lang, 'jawaban formulir layanan dan pindaian dokumen persyaratan (dengan sidik SHA-256 setiap berkas);', "the service form's answers and scans of required documents (with each file's SHA-256 fingerprint);")}</li>
<li>${L(lang, 'riwayat berkas: setiap langkah, keputusan dan surat yang terbit (nomor, tanggal, tautan verifikasi);', 'the history of your file: every step, decision and letter issued (number, date, verification link);')}</li>
<li>${L(lang, 'hasil pemeriksaan Data Terpadu Kesejahteraan Sosial (DTKS) bila layanan mensyaratkannya.', 'the result of the social welfare registry (DTKS) check where the service requires it.')}</li></ul>
<details><summary>${L(lang, `Data yang diminta setiap layanan tercantum pada persyaratan di halaman layanannya (${o.services.length} layanan)`, `Each service's page lists the data it asks for under its requirements (${o.services.length} services)`)}</summary>
<ul>${o.services.map((s) => html`<li><a href="${withLang(`/kantor/${office.slug}/layanan/${s.service.slug}`, lang)}">${s.service.title}</a></li>`)}</ul></details></section>
<section aria-labelledby="h-why"><h2 id="h-why">${L(lang, 'Untuk apa dan atas dasar apa', 'Why, and on what basis')}</h2>
<p>${L(
    lang,
    'Data diproses untuk menyelenggarakan pelayanan publik sesuai Standar Pelayanan kantor dan untuk memenuhi kewajiban hukum kantor (dasar pemrosesan: pelaksanaan tugas pelayanan publik dan kewajiban hukum). Data tidak dipakai untuk keperluan lain.',
    "Data is processed to deliver the public service under the office's service standard and to meet the office's legal obligations (basis: performing a public-service task and legal obligation). It is not used for anything else.",
  )}</p></section>
<section aria-labelledby="h-specific"><h2 id="h-specific">${L(lang, 'Data pribadi yang bersifat spesifik', 'Specific personal data')}</h2>
<p>${L(
    lang,
    'Beberapa layanan memerlukan data kesehatan, data penyandang disabilitas, atau data anak. Data ini bersifat spesifik menurut UU 27/2022 dan dijaga lebih ketat. Data anak dan penyandang disabilitas diproses dengan persetujuan orang tua atau wali (Pasal 25–26).',
    'Some services need health data, disability data or data about children. The law treats these as specific personal data, kept under stricter care. Data of children and of persons with disabilities is processed with the consent of a parent or guardian (Art. 25–26).',
  )}</p></section>
<section aria-labelledby="h-who"><h2 id="h-who">${L(lang, 'Siapa yang membaca', 'Who reads it')}</h2>
<p>${L(
    lang,
    `Hanya petugas ${office.name} yang menangani layanan Anda, sesuai perannya, dan instansi lain hanya bila prosedur layanan meneruskannya. Setiap pembacaan data pribadi dicatat (siapa, kapan, data apa, untuk apa), dan catatan itu ikut dalam salinan data yang dapat Anda minta.`,
    `Only the officers of ${office.name} who handle your service, as their role allows, and other agencies only where the service's procedure forwards it. Every read of personal data is logged (who, when, which data, why), and the log is part of the copy you can ask for.`,
  )}</p></section>
<section aria-labelledby="h-how-long"><h2 id="h-how-long">${L(lang, 'Berapa lama disimpan', 'How long it is kept')}</h2>
<p>${L(
    lang,
    'Selama diperlukan untuk layanan, lalu menurut jadwal retensi arsip kantor. Jadwal retensi itu belum dicatat di Sigap; sampai dicatat, data tidak dimusnahkan otomatis dan Anda dapat menanyakannya kepada kantor.',
    "As long as the service needs it, then according to the office's archive retention schedule. That schedule is not yet recorded in Sigap; until it is, nothing is destroyed automatically and you can ask the office about it.",
  )}</p></section>
<section aria-labelledby="h-rights"><h2 id="h-rights">${L(lang, 'Hak Anda', 'Your rights')}</h2>
<ul><li><strong>${L(lang, 'Akses', 'Access')}:</strong> ${L(lang, `salinan data Anda beserta rekam jejak pemrosesannya, paling lambat 3 × 24 jam (${h} hari kalender, termasuk hari libur) sejak permintaan diterima (Pasal 32).`, `a copy of your data with its processing record, at the latest 3 × 24 hours (${h} calendar days, holidays included) after the request is received (Art. 32).`)}</li>
<li><strong>${L(lang, 'Perbaikan', 'Correction')}:</strong> ${L(lang, 'data yang salah atau tidak lengkap diperbaiki.', 'wrong or incomplete data is corrected.')}</li>
<li><strong>${L(lang, 'Pembatasan', 'Restriction')}:</strong> ${L(lang, 'pemrosesan dibatasi paling lambat 3 × 24 jam sejak permintaan.', 'processing is restricted at the latest 3 × 24 hours after the request.')}</li>
<li><strong>${L(lang, 'Penghapusan', 'Erasure')}:</strong> ${L(lang, 'data dihapus bila tidak lagi diperlukan atau atas permintaan, kecuali yang wajib disimpan untuk kepentingan umum atau kewajiban hukum (misalnya arsip keputusan bantuan).', 'data is erased when no longer needed or on request, except what must be kept in the public interest or by law (for example the record of an aid decision).')}</li></ul>
<p>${L(lang, 'Permintaan akses dapat ditolak bila membahayakan keamanan Anda atau orang lain; penolakan selalu disertai alasan tertulis.', 'An access request can be refused where it would endanger you or others; a refusal always comes with a written reason.')}</p></section>
<section aria-labelledby="h-contact"><h2 id="h-contact">${L(lang, 'Kepada siapa bertanya', 'Whom to ask')}</h2>
${dataProtectionContact(lang, o)}
<p>${L(lang, 'Perbaikan, pembatasan dan penghapusan: sampaikan melalui kontak di atas atau di loket.', 'Correction, restriction and erasure: ask through the contacts above or at the counter.')}</p></section>
<section aria-labelledby="h-request" class="no-print"><h2 id="h-request" tabindex="-1">${L(lang, 'Minta salinan data Anda', 'Ask for a copy of your data')}</h2>
<p>${L(lang, 'Anda menerima nomor permintaan dan kode untuk melihat jawabannya dan mengunduh salinannya.', 'You get a request number and a code to see the answer and download the copy.')} <a href="${withLang(STATUS_PATH, lang)}">${L(lang, 'Sudah mengirim permintaan? Lihat statusnya', 'Already asked? See its status')}</a></p>
${requestForm(lang, o, form)}</section>`;
  return page({ lang, title: L(lang, `Privasi — ${office.name}`, `Privacy — ${office.name}`), path: privacyPath(office.slug), body, breadcrumbs: crumbs(lang, o) });
}

/** A request's number, its code (shown once) and its due time, as both receipts show them. */
export const receiptFacts = (lang: Lang, r: RegisteredRequest): Raw => html`<dl class="facts"><div><dt>${L(lang, 'Nomor permintaan', 'Request number')}</dt><dd><strong data-testid="request-number">${r.number}</strong></dd></div>
<div><dt>${L(lang, 'Kode pelacakan', 'Tracking code')}</dt><dd><strong data-testid="tracking-code">${r.trackingCode}</strong></dd></div>
<div><dt>${L(lang, 'Dijawab paling lambat', 'To be answered by')}</dt><dd data-testid="due">${r.dueAtLocal}</dd></div></dl>`;

/** The receipt of a request: its number, its code (shown once), its due time. */
export function requestReceiptPage(lang: Lang, o: StoredOffice, r: RegisteredRequest): string {
  const body = html`<h1>${L(lang, 'Permintaan diterima', 'Request received')}</h1>
<div class="notice" role="status"><p>${L(lang, 'Simpan nomor dan kode ini: keduanya diperlukan untuk melihat jawaban dan mengunduh salinan data Anda.', 'Keep this number and code: you need both to see the answer and download your copy.')}</p></div>
${receiptFacts(lang, r)}
<p class="actions"><a class="button" href="${withLang(STATUS_PATH, lang)}">${L(lang, 'Lihat status permintaan', 'See the request status')}</a> <button type="button" class="print-btn" data-print>${L(lang, 'Cetak', 'Print')}</button></p>`;
  return page({ lang, title: L(lang, 'Permintaan diterima', 'Request received'), path: privacyPath(o.office.slug), body, breadcrumbs: crumbs(lang, o) });
}

const keyFields = (lang: Lang, v: Record<string, string>, problems: readonly Problem[] = []) => html`<div class="field"><label for="f-number">${L(lang, 'Nomor permintaan', 'Request number')}</label><input id="f-number" name="number" autocapitalize="characters" maxlength="24" placeholder="JMB-PDP-2026-000001" value="${v.number ?? ''}"${invalidAttrs(problems, 'number')}></div>
<div class="field"><label for="f-code">${L(lang, 'Kode pelacakan', 'Tracking code')}</label><input id="f-code" name="code" autocomplete="off" autocapitalize="characters" maxlength="8" value="${v.code ?? ''}"${invalidAttrs(problems, 'number')}>${fieldError(lang, problems, 'number')}</div>`;

/** Where a person opens their request: number and code in a POST form, so neither lands in a URL or a log. */
export function statusFormPage(lang: Lang, values: Record<string, string> = {}, problems: readonly Problem[] = []): string {
  const body = html`<h1>${L(lang, 'Status permintaan data pribadi', 'Personal-data request status')}</h1>
${errorSummary(lang, problems)}
<form method="post" action="${withLang(STATUS_PATH, lang)}" class="intake" novalidate>${keyFields(lang, values, problems)}
<button type="submit" class="primary">${L(lang, 'Lihat status', 'See status')}</button></form>`;
  return page({ lang, title: L(lang, 'Status permintaan data pribadi', 'Personal-data request status'), path: STATUS_PATH, body });
}

const STATUS_WORDS: Record<string, [string, string]> = {
  open: ['Sedang diproses', 'Being processed'],
  answered: ['Dijawab: salinan data siap', 'Answered: your copy is ready'],
  refused: ['Ditolak', 'Refused'],
};

/** A request as its person sees it, with the downloads once the export is ready. */
export function requestStatusPage(lang: Lang, t: TrackedRequestDto, key: { number: string; code: string }): string {
  const download = (format: 'pdf' | 'json', label: string) =>
    html`<form method="post" action="${withLang(`${STATUS_PATH}/unduh`, lang)}" class="inline"><input type="hidden" name="number" value="${key.number}"><input type="hidden" name="code" value="${key.code}"><input type="hidden" name="format" value="${format}"><button type="submit"${format === 'pdf' ? html` class="primary"` : ''}>${label}</button></form>`;
  const body = html`<h1>${L(lang, 'Permintaan', 'Request')} ${t.number}</h1>
<p class="meta">${t.office.name}</p>
<dl class="facts"><div><dt>${L(lang, 'Status', 'Status')}</dt><dd><strong>${L(lang, ...STATUS_WORDS[t.status]!)}</strong> ${slaBadge(lang, t.clock)}</dd></div>
<div><dt>${L(lang, 'Diterima', 'Received')}</dt><dd>${t.receivedAtLocal}</dd></div>
<div><dt>${L(lang, 'Batas waktu (3 × 24 jam)', 'Due (3 × 24 hours)')}</dt><dd>${t.dueAtLocal}</dd></div>
${t.closedAtLocal ? html`<div><dt>${t.status === 'refused' ? L(lang, 'Ditolak pada', 'Refused at') : L(lang, 'Dijawab pada', 'Answered at')}</dt><dd>${t.closedAtLocal}</dd></div>` : ''}</dl>
${t.refusalReason ? html`<h2>${L(lang, 'Alasan penolakan', 'Reason for refusal')}</h2><p>${t.refusalReason}</p>` : ''}
${t.exportReady
  ? html`<h2>${L(lang, 'Unduh salinan data Anda', 'Download your copy')}</h2><p>${L(lang, 'PDF untuk dibaca; JSON berisi data yang sama dalam bentuk yang dapat dibaca mesin.', 'The PDF is for reading; the JSON holds the same data in machine-readable form.')}</p>
<p class="actions">${download('pdf', L(lang, 'Unduh PDF', 'Download PDF'))} ${download('json', L(lang, 'Unduh JSON', 'Download JSON'))}</p>${t.exportSha256 ? html`<p class="meta">SHA-256 JSON: <code>${t.exportSha256}</code></p>` : ''}`
  : ''}
<p><a href="${withLang(privacyPath(t.office.slug), lang)}">${L(lang, 'Pemberitahuan privasi kantor', "The office's privacy notice")}</a></p>`;
  return page({ lang, title: `${L(lang, 'Permintaan', 'Request')} ${t.number}`, path: STATUS_PATH, body });
}
