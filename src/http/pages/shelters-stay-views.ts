/** One client's stay (identity, clock, belongings, services, decision, termination and its berita acara) and the referral from an emergency report: pure views. */
import { FAMILY_DOCUMENTS, SERVICE_KINDS, SERVICE_NAMES, SOURCES, TERMINATION_KINDS, TERMINATION_NAMES } from '../../domain/shelters/index.js';
import { isCaseStatus } from '../../domain/applications/status.js';
import type { StayDetail } from '../../usecases/shelters/show-stay.js';
import { statusWords } from './applications-search-views.js';
import { L, when, type Lang } from '../i18n.js';
import { errorSummary, fieldError, flash, invalidAttrs } from './components.js';
import { html, type Raw } from './html.js';
import { outcomeEventText } from './outcomes-views.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';
import { choice, clientFields, clockBadge, field, roomCategoryName, sexName, sourceName, type FormState } from './shelters-views.js';

const pick = (names: Record<string, [string, string]>, lang: Lang, k: string) => names[k]?.[lang === 'id' ? 0 : 1] ?? k;
const CASE_KIND_NAMES: Record<string, [string, string]> = { intake: ['Penerimaan', 'Intake'], termination: ['Terminasi', 'Termination'], referral: ['Rujukan ke panti', 'Referral to a panti'], pemulangan: ['Pemulangan', 'Return home'], identity: ['Dokumen kependudukan', 'Identity documents'] };

/** The decreed cases the stay filed, linked to their case pages (where their steps are worked and their clock shown). */
function casesSection(lang: Lang, d: StayDetail): Raw | string {
  if (!d.cases.length) return '';
  return html`<section aria-labelledby="h-cases"><h2 id="h-cases">${L(lang, 'Berkas layanan', 'Service cases')}</h2><ul data-testid="stay-cases">${d.cases.map(
    (c) => html`<li><a href="${withLang(`/petugas/berkas/${c.applicationId}`, lang)}">${c.registrationNumber}</a> · ${pick(CASE_KIND_NAMES, lang, c.kind)}: ${c.serviceTitle} · ${isCaseStatus(c.status) ? statusWords(lang, c.status) : c.status}${c.dueAtLocal ? html` · ${L(lang, 'batas waktu', 'due')} ${when(lang, c.dueAtLocal)}` : ''}</li>`,
  )}</ul></section>`;
}

const STATE_NAMES: Record<string, [string, string]> = { intake: ['Calon klien', 'Intake'], referred: ['Dirujuk ke tempat lain', 'Referred elsewhere'], 'in-residence': ['Tinggal di rumah singgah', 'In residence'], terminated: ['Diterminasi', 'Terminated'] };

export interface StayOptions {
  mayDecide: boolean;
  /** A child's guardian's consent form (shelters.terminate: the social worker). */
  consent?: FormState;
  mayAdmit: boolean;
  mayTerminate: boolean;
  ok?: string;
  error?: string;
  termination: FormState;
  referral?: FormState;
}

function eventText(lang: Lang, e: StayDetail['events'][number]): string {
  const d = e.data;
  switch (e.type) {
    case 'intake':
      return `${L(lang, 'Calon klien dicatat', 'Intake recorded')}: ${sourceName(lang, String(d.source))}${d.emergencyReport ? ` (${String(d.emergencyReport)})` : ''} · ${d.healthy ? L(lang, 'sehat jasmani', 'physically healthy') : L(lang, 'tidak sehat jasmani', 'not physically healthy')}`;
    case 'decided':
      return d.decision === 'dapat-ditampung' ? `${L(lang, 'Dapat ditampung', 'Can be housed')}: ${String(d.assessment)}` : `${L(lang, 'Rujukan lainnya', 'Referred elsewhere')}: ${String(d.referredTo)} — ${String(d.assessment)}`;
    case 'checked-in': {
      const bed = d.bed as { room: string; label: string } | null;
      return `${L(lang, 'Masuk', 'Checked in')}: ${bed ? `${bed.room} no. ${bed.label}` : L(lang, 'tanpa tempat tidur', 'no bed')}${d.override ? ` — ${L(lang, 'di luar aturan', 'override')}: ${String(d.overrideReason)}` : ''}`;
    }
    case 'service':
      return `${pick(SERVICE_NAMES, lang, String(d.kind))}${d.note ? `: ${String(d.note)}` : ''}`;
    case 'referred-to-panti':
      return `${L(lang, 'Dirujuk ke panti', 'Referred to a panti')}: ${String(d.panti)}${d.case ? ` (${String(d.case)})` : ''}`;
    case 'outcome':
      return `${L(lang, 'Hasil penanganan', 'Outcome')}: ${outcomeEventText(lang, d)}`;
    case 'media-added':
      return `${L(lang, 'Foto/video klien disimpan', 'Client photo/video saved')} (${String(d.mime ?? '')})`;
    case 'guardian-consent':
      return `${L(lang, 'Persetujuan orang tua/wali', "Guardian's consent")}: ${String(d.guardianName ?? '')} (${String(d.relation ?? '')})`;
    case 'referral-completed':
      return `${L(lang, 'Dirujuk: berkas rujukan ke panti selesai, klien diantar', 'Referred: the panti referral case completed, the client taken')} (${String(d.panti ?? '')}, ${String(d.case ?? '')})`;
    case 'terminated':
      return `${L(lang, 'Diterminasi', 'Terminated')} (${pick(TERMINATION_NAMES, lang, String(d.kind))}), ${L(lang, 'berita acara', 'handover record')} ${String(d.number)}`;
    default:
      return e.type;
  }
}

const sizeText = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/**
 * The client's photos and videos: links (each opening is its own logged read) for
 * `shelters.sensitive`, only their number for others; the upload form for who admits.
 */
function mediaSection(shell: StaffShell, d: StayDetail, mayAdmit: boolean): Raw {
  const { lang } = shell;
  const kind = (mime: string) => (mime.startsWith('video/') ? 'Video' : L(lang, 'Foto', 'Photo'));
  const list = d.media
    ? d.media.length
      ? html`<ul data-testid="stay-media">${d.media.map((m, i) => html`<li><a href="${withLang(`/petugas/rumah-singgah/klien/${d.id}/media/${m.id}`, lang)}">${kind(m.mime)} ${i + 1}</a>${m.caption ? ` · ${m.caption}` : ''} <span class="meta">${m.mime.split('/')[1]!.toUpperCase()}, ${sizeText(m.size)}, ${when(lang, m.uploadedAtLocal)}</span></li>`)}</ul>`
      : html`<p class="meta">${L(lang, 'Belum ada.', 'None yet.')}</p>`
    : html`<p class="meta" data-testid="stay-media-count">${L(lang, `${d.mediaCount} berkas; hanya pekerja sosial dan pimpinan yang dapat membukanya (data pribadi spesifik).`, `${d.mediaCount} files; only the social worker and the heads may open them (specific personal data).`)}</p>`;
  const needsConsent = d.child && !d.consents.length;
  const form =
    mayAdmit && (d.state === 'in-residence' || d.state === 'intake') && !needsConsent
      ? html`<form method="post" action="${withLang(`/petugas/rumah-singgah/klien/${d.id}/media`, lang)}" class="intake" enctype="multipart/form-data">${csrfField(shell)}
<div class="field"><label for="f-media">${L(lang, 'Foto atau video (JPEG/PNG/WebP, MP4/WebM/MOV, maks. 25 MB)', 'Photo or video (JPEG/PNG/WebP, MP4/WebM/MOV, up to 25 MB)')}</label><input id="f-media" name="media" type="file" accept="image/jpeg,image/png,image/webp,video/mp4,video/webm,video/quicktime" capture="environment"></div>
<div class="field"><label for="f-media-caption">${L(lang, 'Keterangan (opsional)', 'Caption (optional)')}</label><input id="f-media-caption" name="caption" maxlength="200"></div>
<button type="submit">${L(lang, 'Simpan foto/video', 'Save photo/video')}</button></form>`
      : needsConsent && mayAdmit
        ? html`<p class="notice">${L(lang, 'Foto/video anak disimpan setelah persetujuan orang tua/wali dicatat.', "A child's photo or video is kept once a parent's or guardian's consent is recorded.")}</p>`
        : '';
  return html`<section aria-labelledby="h-media"><h2 id="h-media">${L(lang, 'Foto dan video klien', 'Client photos and videos')}</h2><p class="meta">${L(lang, 'Data pribadi spesifik: setiap pembukaan dicatat.', 'Specific personal data: every opening is logged.')}</p>${list}${form}</section>`;
}

/** A child's guardian's consent (UU 27/2022 Pasal 25): who, relation, when; the form for the social worker. */
function consentSection(shell: StaffShell, d: StayDetail, s: FormState | null): Raw | string {
  if (!d.child) return '';
  const { lang } = shell;
  const list = d.consents.length
    ? html`<ul data-testid="consents">${d.consents.map((c) => html`<li>${c.guardianName} (${c.relation}) · ${when(lang, c.givenAtLocal)}</li>`)}</ul>`
    : html`<p class="notice" data-testid="no-consent">${L(lang, 'Belum ada persetujuan orang tua/wali.', "No parent's or guardian's consent yet.")}</p>`;
  const form = s
    ? html`${errorSummary(lang, s.problems)}<form method="post" action="${withLang(`/petugas/rumah-singgah/klien/${d.id}/persetujuan-wali`, lang)}" class="intake" novalidate>${csrfField(shell)}
${field(lang, s, 'guardianName', L(lang, 'Nama orang tua/wali', 'Parent or guardian'), ' maxlength="200"')}
${field(lang, s, 'relation', L(lang, 'Hubungan dengan anak', 'Relation to the child'), ' maxlength="100"')}
${field(lang, s, 'givenAt', L(lang, 'Waktu persetujuan (kosongkan bila sekarang)', 'When given (leave empty for now)'), ' type="datetime-local"')}
<button type="submit">${L(lang, 'Catat persetujuan', 'Record the consent')}</button></form>`
    : '';
  return html`<section aria-labelledby="h-consent"><h2 id="h-consent">${L(lang, 'Persetujuan orang tua/wali (UU 27/2022 Pasal 25)', "Parent's or guardian's consent (Law 27/2022 Art. 25)")}</h2>${list}${form}</section>`;
}

/** A checkbox with its error beside it (the termination's confirmations, the referral's documents). */
const checkbox = (lang: Lang, s: FormState, name: string, label: string): Raw =>
  html`<div class="field check">${fieldError(lang, s.problems, name)}<input type="checkbox" id="f-${name}" name="${name}" value="1"${s.values[name] ? ' checked' : ''}${invalidAttrs(s.problems, name)}> <label for="f-${name}">${label}</label></div>`;

/** "Rujuk ke panti" (Banjarmasin 11): files that service's case; errors beside their fields. */
function pantiReferralForm(shell: StaffShell, d: StayDetail, s: FormState): Raw {
  const { lang } = shell;
  const check = (name: string, label: string) => checkbox(lang, s, name, label);
  return html`<section aria-labelledby="h-panti"><h2 id="h-panti">${L(lang, 'Rujuk ke panti', 'Refer to a panti')}</h2>${errorSummary(lang, s.problems)}
<form method="post" action="${withLang(`/petugas/rumah-singgah/klien/${d.id}/rujuk-panti`, lang)}" class="intake" novalidate>${csrfField(shell)}
${field(lang, s, 'panti', L(lang, 'Panti/Lembaga Sosial yang dituju', 'Panti or social institution'), ' maxlength="300"')}
${choice(lang, s, 'jknKis', L(lang, 'Memiliki Jaminan Kesehatan Nasional-KIS', 'Has national health insurance (JKN-KIS)'), [['ya', L(lang, 'Ya', 'Yes')], ['tidak', L(lang, 'Tidak', 'No')]])}
<fieldset><legend>${L(lang, 'Persyaratan administrasi yang ada', 'Documents in hand')}</legend>
${check('documents.ktpKk', L(lang, 'KTP dan atau Kartu Keluarga Calon Klien', "The client's KTP or family card"))}${check('documents.photo', L(lang, 'Foto Calon Klien', "The client's photo"))}${check('documents.video', 'Video')}</fieldset>
<div class="field"><label for="f-panti-note">${L(lang, 'Catatan (opsional)', 'Note (optional)')}</label><textarea id="f-panti-note" name="note" rows="2" maxlength="2000">${s.values.note ?? ''}</textarea></div>
<button type="submit">${L(lang, 'Rujuk ke panti', 'Refer to the panti')}</button></form></section>`;
}

function terminationForm(shell: StaffShell, d: StayDetail, s: FormState): Raw {
  const { lang } = shell;
  const check = (name: string, label: string) => checkbox(lang, s, name, label);
  return html`<section aria-labelledby="h-term"><h2 id="h-term">${L(lang, 'Terminasi dan serah terima', 'Termination and handover')}</h2>${errorSummary(lang, s.problems)}
<form method="post" action="${withLang(`/petugas/rumah-singgah/klien/${d.id}/terminasi`, lang)}" class="intake" novalidate>${csrfField(shell)}
<fieldset><legend>${L(lang, 'Asesmen kesiapan (Pekerja Sosial)', 'Readiness assessment (social worker)')}</legend>
${choice(lang, s, 'ready', L(lang, 'Berdasarkan hasil asesmen klien dapat dipulangkan/direunifikasi?', 'Does the assessment find the client ready to return?'), [['ya', L(lang, 'Ya', 'Yes')], ['tidak', L(lang, `Tidak, tetapi telah menghuni lebih dari batas`, 'No, but the stay is past the limit')]])}
<div class="field"><label for="f-readiness">${L(lang, 'Hasil asesmen', 'Assessment findings')}</label>${fieldError(lang, s.problems, 'readiness', 'ready')}<textarea id="f-readiness" name="readiness" rows="2" maxlength="2000"${invalidAttrs(s.problems, 'readiness', 'ready')}>${s.values.readiness ?? ''}</textarea></div></fieldset>
<fieldset><legend>${L(lang, 'Pemulangan', 'Return')}</legend>
${choice(lang, s, 'kind', L(lang, 'Cara', 'How'), TERMINATION_KINDS.map((k) => [k, pick(TERMINATION_NAMES, lang, k)]))}
${field(lang, s, 'destination', L(lang, 'Tujuan (alamat keluarga/masyarakat)', 'Destination (family or community address)'), ' maxlength="500"')}
${field(lang, s, 'family.name', L(lang, 'Nama keluarga penjemput', 'Family member picking up'), ' maxlength="200"')}
${field(lang, s, 'family.relationship', L(lang, 'Hubungan dengan klien', 'Relationship to the client'), ' maxlength="100"')}
${choice(lang, s, 'family.document', L(lang, 'Identitas penjemput', "Pick-up person's identity"), FAMILY_DOCUMENTS.map((x) => [x, x === 'ktp' ? 'KTP' : L(lang, 'Kartu Keluarga', 'Family card (KK)')]))}
${field(lang, s, 'family.documentNumber', L(lang, 'Nomor KTP / KK', 'KTP / KK number'), ' inputmode="numeric" maxlength="16" autocomplete="off"')}
${check('family.guaranteeLetter', L(lang, 'Surat Penjamin klien telah ditandatangani di atas materai', 'The guarantee letter (surat penjamin) is signed over a materai'))}
${field(lang, s, 'escort.officer', L(lang, 'Pramu Sosial pengantar (bila diantar)', 'Escorting pramu sosial (if escorted)'), ' maxlength="200"')}
${field(lang, s, 'escort.assignmentLetter', L(lang, 'Nomor surat tugas pengantaran', 'Assignment letter (surat tugas) number'), ' maxlength="100"')}</fieldset>
${d.belongings.length ? check('belongingsReturned', L(lang, `${d.belongings.length} barang bawaan telah diserahkan kembali`, `${d.belongings.length} belongings handed back`)) : ''}
<button type="submit">${L(lang, 'Terminasi dan terbitkan berita acara', 'Terminate and issue the handover record')}</button></form></section>`;
}

export function stayPage(shell: StaffShell, d: StayDetail, o: StayOptions): string {
  const { lang } = shell;
  const act = (suffix: string) => withLang(`/petugas/rumah-singgah/klien/${d.id}/${suffix}`, lang);
  const title = L(lang, 'Klien rumah singgah', 'Shelter client');
  return staffPage(shell, {
    title,
    path: `/petugas/rumah-singgah/klien/${d.id}`,
    breadcrumbs: [{ href: `/petugas/rumah-singgah?shelter=${d.shelterId}`, label: d.shelterName }],
    body: html`<h1>${d.client.name}</h1>${flash({ ok: o.ok, error: o.error })}
${d.child ? html`<p class="notice" data-testid="child-notice">${L(lang, 'Data anak: data pribadi spesifik. Akses ini dicatat.', "A child's data: specific personal data. This view is logged.")}</p>` : ''}
<dl class="facts"><div><dt>${L(lang, 'Status', 'State')}</dt><dd data-testid="stay-state">${pick(STATE_NAMES, lang, d.state)}</dd></div>
<div><dt>${L(lang, 'Kategori', 'Category')}</dt><dd>${roomCategoryName(lang, d.category)}, ${sexName(lang, d.sex)}</dd></div>
<div><dt>NIK</dt><dd>${d.client.nik ?? L(lang, 'tidak ada', 'none')}</dd></div>
<div><dt>${L(lang, 'Asal', 'Source')}</dt><dd>${sourceName(lang, d.source)}${d.requester ? ` · ${d.requester}` : ''}${d.emergencyReport ? html` · <a href="${withLang(`/petugas/darurat/${d.emergencyReport}`, lang)}">${d.emergencyReport}</a>` : ''}</dd></div>
<div><dt>${L(lang, 'Tempat tidur', 'Bed')}</dt><dd>${d.bed ?? '—'}${d.overrideReason ? html`<br><span class="meta">${L(lang, 'di luar aturan', 'override')}: ${d.overrideReason}</span>` : ''}</dd></div>
<div><dt>${L(lang, 'Masuk', 'Checked in')}</dt><dd>${when(lang, d.checkedInAtLocal)}<br>${clockBadge(lang, d.clock)}${d.eligibleAtLocal && d.state === 'in-residence' ? html`<br><span class="meta">${L(lang, 'dapat diterminasi sejak', 'eligible from')} <span data-testid="eligible-at">${when(lang, d.eligibleAtLocal)}</span></span>` : ''}</dd></div></dl>
${casesSection(lang, d)}
${(d.state === 'in-residence' || d.state === 'intake') && (!shell.allowed || shell.allowed.includes('outcomes.record')) ? html`<p><a class="button" href="${withLang(`/petugas/rumah-singgah/klien/${d.id}/hasil`, lang)}" data-testid="record-outcome">${L(lang, 'Hasil penanganan (rumah sakit, pemulangan, dokumen)', 'Outcome (hospital, return home, documents)')}</a></p>` : ''}
${d.handoverNumber ? html`<p data-testid="handover"><a class="button" href="${act('berita-acara.pdf')}">${L(lang, 'Berita acara serah terima klien', 'Client handover record')} ${d.handoverNumber} (PDF)</a></p>` : ''}
${o.mayDecide && d.state === 'intake' && !d.decision
  ? html`<section aria-labelledby="h-dec"><h2 id="h-dec">${L(lang, 'Penentuan status calon klien', 'Decision on the intake')}</h2><form method="post" action="${act('keputusan')}" class="intake">${csrfField(shell)}
<div class="field"><label for="f-decision">${L(lang, 'Keputusan', 'Decision')}</label><select id="f-decision" name="decision"><option value="dapat-ditampung">${L(lang, 'Dapat ditampung dan diberikan intervensi', 'Can be housed and helped')}</option><option value="rujukan-lain">${L(lang, 'Tidak dapat ditampung: rujukan lainnya', 'Cannot be housed: referred elsewhere')}</option></select></div>
<div class="field"><label for="f-assessment">${L(lang, 'Hasil asesmen', 'Assessment')}</label><textarea id="f-assessment" name="assessment" rows="2" required minlength="3" maxlength="2000"></textarea></div>
<div class="field"><label for="f-referredTo">${L(lang, 'Dirujuk ke (bila tidak dapat ditampung)', 'Referred to (if not housed)')}</label><input id="f-referredTo" name="referredTo" maxlength="300"></div>
<button type="submit">${L(lang, 'Simpan keputusan', 'Save decision')}</button></form></section>`
  : ''}
${o.mayAdmit && d.state === 'intake' && d.decision === 'dapat-ditampung' ? html`<p><a class="button" href="${withLang(`/petugas/rumah-singgah/${d.shelterId}/masuk?intake=${d.id}`, lang)}">${L(lang, 'Tempatkan di tempat tidur', 'Check in to a bed')}</a></p>` : ''}
${d.state === 'referred' ? html`<p class="notice">${L(lang, 'Dirujuk ke', 'Referred to')}: ${d.referredTo ?? ''}</p>` : ''}
${consentSection(shell, d, o.mayTerminate ? (o.consent ?? { values: {}, problems: [] }) : null)}
${mediaSection(shell, d, o.mayAdmit)}
<section aria-labelledby="h-bel"><h2 id="h-bel">${L(lang, 'Barang bawaan', 'Belongings')}</h2>${d.belongings.length ? html`<ul data-testid="belongings">${d.belongings.map((b) => html`<li>${b.item} (${b.quantity})</li>`)}</ul>` : html`<p class="meta">${L(lang, 'Tidak ada.', 'None.')}</p>`}</section>
${o.mayAdmit && d.state === 'in-residence'
  ? html`<section aria-labelledby="h-svc"><h2 id="h-svc">${L(lang, 'Catat pelayanan dasar', 'Log a basic service')}</h2><form method="post" action="${act('layanan')}" class="intake">${csrfField(shell)}
<div class="field"><label for="f-svc-kind">${L(lang, 'Pelayanan', 'Service')}</label><select id="f-svc-kind" name="kind">${SERVICE_KINDS.map((k) => html`<option value="${k}">${pick(SERVICE_NAMES, lang, k)}</option>`)}</select></div>
<div class="field"><label for="f-svc-note">${L(lang, 'Catatan (opsional)', 'Note (optional)')}</label><input id="f-svc-note" name="note" maxlength="500"></div>
<button type="submit">${L(lang, 'Catat', 'Log')}</button></form></section>`
  : ''}
${o.mayTerminate && d.state === 'in-residence' ? pantiReferralForm(shell, d, o.referral ?? { values: {}, problems: [] }) : ''}
${o.mayTerminate && d.state === 'in-residence' ? terminationForm(shell, d, o.termination) : ''}
<section aria-labelledby="h-ev"><h2 id="h-ev">${L(lang, 'Riwayat', 'History')}</h2><ol data-testid="stay-events">${d.events.map((e) => html`<li>${when(lang, e.atLocal)} · ${eventText(lang, e)} <span class="meta">${e.actor}</span></li>`)}</ol></section>`,
  });
}

/** "Rujuk ke rumah singgah" from an emergency report: the intake form with the report's number. */
export function referralPage(shell: StaffShell, t: { report: string; shelters: { id: string; name: string }[] }, s: FormState): string {
  const { lang } = shell;
  const title = L(lang, 'Rujuk ke rumah singgah', 'Refer to the shelter');
  return staffPage(shell, {
    title,
    path: '/petugas/rumah-singgah/rujuk',
    breadcrumbs: [{ href: `/petugas/darurat/${t.report}`, label: t.report }],
    body: html`<h1>${title}</h1><p>${L(lang, 'Laporan darurat', 'Emergency report')} ${t.report}</p>${errorSummary(lang, s.problems)}
<form method="post" action="${withLang('/petugas/rumah-singgah/rujuk', lang)}" class="intake" novalidate>${csrfField(shell)}<input type="hidden" name="emergencyReport" value="${t.report}"><input type="hidden" name="source" value="${SOURCES[3]}">
${choice(lang, s, 'shelter', L(lang, 'Rumah singgah', 'Shelter'), t.shelters.map((x) => [x.id, x.name]))}
${clientFields(lang, s)}
${choice(lang, s, 'healthy', L(lang, 'Calon Klien dalam Kondisi Sehat Jasmani', 'The client is physically healthy'), [['ya', L(lang, 'Ya', 'Yes')], ['tidak', L(lang, 'Tidak', 'No')]])}
<div class="field"><label for="f-note">${L(lang, 'Identifikasi awal', 'Initial identification')}</label><textarea id="f-note" name="note" rows="2" maxlength="2000">${s.values.note ?? ''}</textarea></div>
<button type="submit">${L(lang, 'Rujuk', 'Refer')}</button></form>`,
  });
}
