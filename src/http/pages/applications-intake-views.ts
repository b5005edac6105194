/**
 * The intake form of a service, generated from its standard: who is applying, the questions its
 * rules need, and one line per requirement (upload online; "shown" at the counter). Pure.
 */
import type { Problem } from '../../domain/errors.js';
import type { Service } from '../../domain/standards/schema.js';
import { initiatorName, L, type Lang } from '../i18n.js';
import { MAX_UPLOAD_MB } from '../../usecases/applications/store-upload.js';
import { errorIdOf, errorSummary, fieldError as problemsOf, invalidAttrs, privacyNotice, type DataContact } from './components.js';
import { csrfField } from './layout.js';
import { html, type Raw } from './html.js';

const CHANNEL_NAMES: Record<string, [string, string]> = {
  online: ['Daring (formulir web)', 'Online (web form)'],
  counter: ['Datang ke loket', 'At the counter'],
  phone: ['Telepon', 'Phone'],
  whatsapp: ['WhatsApp', 'WhatsApp'],
  letter: ['Surat', 'Letter'],
  'call-center': ['Call center 112', 'Call centre 112'],
  field: ['Temuan lapangan', 'Found in the field'],
  'office-data': ['Data Dinas Sosial', "Office's own data"],
};
/** The channels staff choose from when they register a case. */
const STAFF_CHANNELS = ['counter', 'phone', 'whatsapp', 'letter', 'call-center', 'field', 'office-data'];

/** How a case reached the office, in words. */
export function channelName(lang: Lang, channel: string): string {
  const n = CHANNEL_NAMES[channel];
  return n ? L(lang, n[0], n[1]) : channel;
}

/** What a form shows again after a refusal: what was typed, and every problem. */
export interface FormState {
  values: Record<string, string>;
  problems: Problem[];
}

const fieldError = (state: FormState, field: string, lang: Lang) => problemsOf(lang, state.problems, field);
const errId = errorIdOf;

function input(state: FormState, lang: Lang, name: string, label: string, opts: { type?: string; required?: boolean; help?: string; autocomplete?: string; inputmode?: string; pattern?: string } = {}): Raw {
  const id = `f-${name.replace(/[^a-z0-9]/gi, '-')}`;
  const has = state.problems.some((p) => p.field === name);
  return html`<div class="field">
<label for="${id}">${label}${opts.required ? html` <span aria-hidden="true">*</span>` : ''}</label>
${opts.help ? html`<p class="help" id="${id}-help">${opts.help}</p>` : ''}
<input id="${id}" name="${name}" type="${opts.type ?? 'text'}" value="${state.values[name] ?? ''}"${opts.required ? html` required` : ''}${opts.autocomplete ? html` autocomplete="${opts.autocomplete}"` : ''}${opts.inputmode ? html` inputmode="${opts.inputmode}"` : ''}${has ? html` aria-invalid="true" aria-describedby="${errId(name)}"` : ''}>
${fieldError(state, name, lang)}</div>`;
}

/** A requirement's upload kept from an earlier, refused attempt: shown by name, sent again as a hidden id. */
function keptUpload(lang: Lang, state: FormState, requirement: string): Raw {
  const id = state.values[`kept.${requirement}`];
  if (!id) return html``;
  const name = state.values[`keptName.${requirement}`] ?? '';
  return html`<p class="kept" data-testid="kept-${requirement}">✓ ${L(lang, 'Sudah diunggah', 'Uploaded')}: ${name || L(lang, 'berkas', 'file')} <span class="meta">(${L(lang, 'pilih berkas lain hanya untuk menggantinya', 'choose another file only to replace it')})</span></p>
<input type="hidden" name="kept.${requirement}" value="${id}"><input type="hidden" name="keptName.${requirement}" value="${name}">`;
}

const NEWS_CHANNELS: [string, string, string][] = [
  ['whatsapp', 'WhatsApp', 'WhatsApp'],
  ['sms', 'SMS', 'SMS'],
  ['email', 'E-mail', 'E-mail'],
];

/**
 * How the citizen wants news of the case, with the addresses beside the choice so a missing one is
 * said where it is typed. The basis is said in plain words: news is part of the service (pelayanan
 * publik), not a favour asked for, and the choice of channel (or none) is the citizen's.
 */
function newsFieldset(lang: Lang, state: FormState, staff: boolean): Raw {
  const ticked = (c: string) => state.values[`notify.${c}`] === 'true';
  return html`<fieldset class="news"><legend>${L(lang, 'Kabar permohonan', 'News of your application')}</legend>
<p class="help" id="news-help">${
    staff
      ? L(lang, 'Tanyakan kepada pemohon lewat apa ia ingin dikabari.', 'Ask the applicant how they want to be told.')
      : L(lang, 'Kami mengabari Anda saat permohonan berubah status. Ini bagian dari pelayanan publik: hanya nomor pendaftaran dan status, tanpa NIK. Anda bisa berhenti kapan saja.', 'We tell you when your application changes status. This is part of the public service: only the registration number and status, never your NIK. You can stop at any time.')
  }</p>
<input type="hidden" name="notify.asked" value="1">
<div class="field"><span class="label" id="l-news">${L(lang, 'Kabari saya lewat', 'Tell me by')}</span><div role="group" aria-labelledby="l-news" aria-describedby="news-help" class="opts">${NEWS_CHANNELS.map(
    ([c, id, en]) => html`<span class="opt"><input type="checkbox" id="f-notify-${c}" name="notify.${c}" value="true"${ticked(c) ? html` checked` : ''}><label for="f-notify-${c}">${L(lang, id, en)}</label></span>`,
  )}</div>${fieldError(state, 'applicant.notify', lang)}</div>
${input(state, lang, 'applicant.phone', L(lang, 'Nomor HP (untuk WhatsApp atau SMS)', 'Mobile number (for WhatsApp or SMS)'), { type: 'tel', inputmode: 'tel', autocomplete: 'tel' })}
${input(state, lang, 'applicant.email', L(lang, 'E-mail (untuk kabar lewat e-mail)', 'E-mail (for news by e-mail)'), { type: 'email', autocomplete: 'email' })}
</fieldset>`;
}

export interface IntakeFormOptions {
  action: string;
  staff: boolean;
  csrf?: string;
  regionName: string;
  /** The office's contacts for the privacy notice. */
  privacy: DataContact;
  /** Open cases of the same NIK and service were shown: filing needs the clerk's tick. */
  confirmDuplicate?: boolean;
}

export function intakeForm(lang: Lang, svc: Service, state: FormState, opts: IntakeFormOptions): Raw {
  const initiators = svc.initiators;
  const chosen = state.values.initiator ?? initiators[0]!;
  const whoVisible = initiators.length > 1 || opts.staff || initiators.some((i) => i !== 'citizen');
  return html`<form method="post" action="${opts.action}" enctype="multipart/form-data" novalidate class="intake">
${opts.csrf ? csrfField({ csrf: opts.csrf }) : ''}${state.values._idem ? html`<input type="hidden" name="_idem" value="${state.values._idem}">` : ''}
${errorSummary(lang, state.problems)}
${whoVisible ? html`<fieldset><legend>${L(lang, 'Siapa yang mengajukan', 'Who is applying')}</legend>` : ''}
${initiators.length > 1 || opts.staff
  ? html`<div class="field"><label for="f-initiator">${L(lang, 'Pengaju', 'Initiator')}</label><select id="f-initiator" name="initiator">${initiators.map(
      (i) => html`<option value="${i}"${i === chosen ? html` selected` : ''}>${initiatorName(lang, i)}</option>`,
    )}</select></div>`
  : html`<input type="hidden" name="initiator" value="${chosen}">`}
${opts.staff
  ? html`<div class="field"><label for="f-channel">${L(lang, 'Saluran', 'Channel')}</label><select id="f-channel" name="channel">${STAFF_CHANNELS.map(
      (v) => html`<option value="${v}"${state.values.channel === v ? html` selected` : ''}>${channelName(lang, v)}</option>`,
    )}</select></div>`
  : ''}
${initiators.some((i) => i !== 'citizen')
  ? html`<div class="reporter"><p class="help">${L(lang, 'Untuk laporan atau usulan: isi nama pelapor/lembaga.', 'For reports or proposals: name the reporter or institution.')}</p>
${input(state, lang, 'reporter.name', L(lang, 'Nama pelapor / lembaga', 'Reporter / institution'))}
${input(state, lang, 'reporter.role', L(lang, 'Jabatan / hubungan (RT, lurah, camat, call center, LKS...)', 'Role (RT, village head, call centre, LKS...)'))}
${input(state, lang, 'reporter.phone', L(lang, 'Telepon pelapor', "Reporter's phone"), { type: 'tel', inputmode: 'tel' })}</div>`
  : ''}
${whoVisible ? html`</fieldset>` : ''}
<fieldset><legend>${L(lang, 'Data pemohon / orang yang dilayani', 'Applicant / person served')}</legend>
${input(state, lang, 'applicant.name', L(lang, 'Nama lengkap', 'Full name'), { required: true, autocomplete: 'name' })}
${input(state, lang, 'applicant.nik', 'NIK', { required: chosen === 'citizen', inputmode: 'numeric', help: L(lang, '16 digit sesuai KTP/KK. Untuk laporan orang terlantar tanpa identitas boleh dikosongkan.', '16 digits as on the ID card. May be left empty for a report on a person without identity.') })}
${input(state, lang, 'applicant.kk', L(lang, 'Nomor KK', 'Family card number'), { inputmode: 'numeric' })}
${input(state, lang, 'applicant.address', L(lang, 'Alamat', 'Address'), { autocomplete: 'street-address' })}
<div class="field check"><input type="checkbox" id="f-resident" name="applicant.residentOfRegion" value="true"${state.values['applicant.residentOfRegion'] === 'true' ? html` checked` : ''}><label for="f-resident">${L(lang, `Berdomisili di ${opts.regionName}`, `Lives in ${opts.regionName}`)}</label></div>
</fieldset>
${newsFieldset(lang, state, opts.staff)}
${svc.inputs.length
  ? html`<fieldset><legend>${L(lang, 'Pertanyaan layanan', 'Service questions')}</legend>${svc.inputs.map((f) => {
      const name = `answers.${f.id}`;
      if (f.type === 'choice')
        return html`<div class="field"><label for="f-${f.id}">${f.label}</label><select id="f-${f.id}" name="${name}"><option value="">—</option>${f.options!.map(
          (o) => html`<option value="${o.value}"${state.values[name] === o.value ? html` selected` : ''}>${o.label}</option>`,
        )}</select>${fieldError(state, name, lang)}</div>`;
      if (f.type === 'boolean')
        return html`<div class="field"><span class="label" id="l-${f.id}">${f.label}</span><div role="radiogroup" aria-labelledby="l-${f.id}">
<span class="opt"><input type="radio" id="f-${f.id}-y" name="${name}" value="true"${state.values[name] === 'true' ? html` checked` : ''}><label for="f-${f.id}-y">${L(lang, 'Ya', 'Yes')}</label></span>
<span class="opt"><input type="radio" id="f-${f.id}-n" name="${name}" value="false"${state.values[name] === 'false' ? html` checked` : ''}><label for="f-${f.id}-n">${L(lang, 'Tidak', 'No')}</label></span></div>${fieldError(state, name, lang)}</div>`;
      return input(state, lang, name, f.label, { type: f.type === 'number' ? 'number' : f.type === 'date' ? 'date' : 'text', required: f.required, help: f.help });
    })}</fieldset>`
  : ''}
<fieldset><legend>${L(lang, 'Persyaratan', 'Requirements')}</legend>
<p class="help">${opts.staff ? L(lang, 'Centang dokumen yang diperlihatkan pemohon, atau unggah pindaiannya.', 'Tick documents the applicant showed, or upload a scan.') : L(lang, `Unggah foto atau PDF setiap dokumen (maks. ${MAX_UPLOAD_MB} MB). Tanda * berarti wajib.`, `Upload a photo or PDF of each document (max. ${MAX_UPLOAD_MB} MB). * means required.`)}</p>
${svc.requirements.map((r) => {
  const name = `file.${r.id}`;
  if (r.kind !== 'document') return html`<p class="req-note">☐ ${r.label}</p>`;
  return html`<div class="field req"><label for="f-file-${r.id}">${r.label}${r.required ? html` <span aria-hidden="true">*</span>` : html` <span class="meta">(${L(lang, 'jika ada', 'if any')})</span>`}</label>
${keptUpload(lang, state, r.id)}
<input type="file" id="f-file-${r.id}" name="${name}" accept="application/pdf,image/jpeg,image/png,image/webp"${invalidAttrs(state.problems, `attachments.${r.id}`)}>
${opts.staff ? html`<div class="check"><input type="checkbox" id="f-shown-${r.id}" name="shown.${r.id}" value="true"${state.values[`shown.${r.id}`] === 'true' ? html` checked` : ''}><label for="f-shown-${r.id}">${L(lang, 'Diperlihatkan di loket', 'Shown at the counter')}</label></div>` : ''}
${fieldError(state, `attachments.${r.id}`, lang)}</div>`;
})}
</fieldset>
${privacyNotice(lang, opts.privacy)}
${opts.confirmDuplicate ? html`<div class="field check"><input type="checkbox" id="f-dup-ok" name="_dupOk" value="true"><label for="f-dup-ok">${L(lang, 'Saya sudah memeriksa berkas yang terbuka; ini kebutuhan yang berbeda, tetap daftarkan', 'I checked the open cases; this is a different need, register it anyway')}</label></div>` : ''}
<button type="submit" class="primary">${opts.staff ? L(lang, 'Daftarkan permohonan', 'Register application') : L(lang, 'Kirim permohonan', 'Submit application')}</button>
</form>`;
}
