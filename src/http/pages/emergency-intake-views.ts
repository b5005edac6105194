/** The emergency report form (staff at any hour, and the public web form), its receipt, and the duty roster page: pure views. */
import { CATEGORIES, STAFF_CHANNELS, TASKS } from '../../domain/emergency/index.js';
import type { Problem } from '../../domain/errors.js';
import type { Service } from '../../domain/standards/schema.js';
import type { Reported } from '../../usecases/emergency/report-emergency.js';
import { L, when, type Lang } from '../i18n.js';
import { errorSummary, fieldError, flash, invalidAttrs } from './components.js';
import { categoryName, channelName, taskName } from './emergency-views.js';
import { html, raw, type Raw } from './html.js';
import { csrfField, page, staffPage, withLang, type StaffShell } from './layout.js';

export interface ReportFormState {
  values: Record<string, string>;
  problems: readonly Problem[];
}

interface FormTarget {
  officeName: string;
  svc: Service;
  action: string;
  staff: { csrf: string; services: Service[] } | null;
}

/** The decree's documents, as "shown at the counter" checkboxes; the ones it asks "jika ada" say so in their label. */
function docs(lang: Lang, svc: Service, s: ReportFormState): Raw | '' {
  const list = svc.requirements.filter((r) => r.kind === 'document');
  if (!list.length) return '';
  return html`<fieldset><legend>${L(lang, 'Dokumen yang diperlihatkan', 'Documents shown')}</legend>${list.map(
    (r) => html`<div class="field check">${fieldError(lang, s.problems, `attachments.${r.id}`)}<input type="checkbox" id="f-shown-${r.id}" name="shown.${r.id}" value="1"${s.values[`shown.${r.id}`] ? ' checked' : ''}> <label for="f-shown-${r.id}">${r.label}</label></div>`,
  )}</fieldset>`;
}

/**
 * How the reporter wants news of the report (received, the person housed or referred, returned home,
 * closed), as the application form asks it: news is part of the service, the channel (or none) is theirs.
 */
function newsChoice(lang: Lang, s: ReportFormState, staff: boolean): Raw {
  const channels: [string, string][] = [['whatsapp', 'WhatsApp'], ['sms', 'SMS'], ['email', 'E-mail']];
  return html`<input type="hidden" name="notify.asked" value="1"><div class="field"><span class="label" id="l-news">${staff ? L(lang, 'Kabari pelapor lewat (opsional)', 'Tell the reporter by (optional)') : L(lang, 'Kabari saya lewat (opsional)', 'Tell me by (optional)')}</span><p class="hint" id="news-help">${staff ? L(lang, 'Tanyakan kepada pelapor apakah dan lewat apa ia ingin dikabari.', 'Ask the reporter whether and how they want to be told.') : L(lang, 'Kami mengabari Anda tentang laporan ini: nomor dan status saja, tanpa nama orang yang dilaporkan.', 'We tell you about this report: its number and status only, never the name of the person reported.')}</p><div role="group" aria-labelledby="l-news" aria-describedby="news-help" class="opts">${channels.map(
    ([c, name]) => html`<span class="opt"><input type="checkbox" id="f-notify-${c}" name="notify.${c}" value="true"${s.values[`notify.${c}`] === 'true' ? ' checked' : ''}><label for="f-notify-${c}">${name}</label></span>`,
  )}</div>${fieldError(lang, s.problems, 'reporter.notify')}</div>`;
}

function reportForm(lang: Lang, t: FormTarget, s: ReportFormState): Raw {
  const v = (k: string) => s.values[k] ?? '';
  const p = s.problems;
  const input = (name: string, label: string, attrs = '', hint = '') =>
    html`<div class="field"><label for="f-${name}">${label}</label>${hint ? html`<p class="hint" id="h-${name}">${hint}</p>` : ''}${fieldError(lang, p, name)}<input id="f-${name}" name="${name}" value="${v(name)}"${invalidAttrs(p, name)}${raw(attrs)}></div>`;
  const answers = t.svc.inputs.map((q) =>
    q.type === 'boolean'
      ? html`<div class="field"><label for="f-a-${q.id}">${q.label}</label>${fieldError(lang, p, `answers.${q.id}`, `eligibility.${q.id}`)}<select id="f-a-${q.id}" name="answers.${q.id}"${invalidAttrs(p, `answers.${q.id}`)}><option value="">—</option><option value="ya"${v(`answers.${q.id}`) === 'ya' ? ' selected' : ''}>${L(lang, 'Ya', 'Yes')}</option><option value="tidak"${v(`answers.${q.id}`) === 'tidak' ? ' selected' : ''}>${L(lang, 'Tidak', 'No')}</option></select></div>`
      : q.type === 'choice'
        ? html`<div class="field"><label for="f-a-${q.id}">${q.label}</label>${fieldError(lang, p, `answers.${q.id}`)}<select id="f-a-${q.id}" name="answers.${q.id}"><option value="">—</option>${(q.options ?? []).map((o) => html`<option value="${o.value}"${v(`answers.${q.id}`) === o.value ? ' selected' : ''}>${o.label}</option>`)}</select></div>`
        : input(`answers.${q.id}`, q.label, ' maxlength="2000"'),
  );
  return html`${errorSummary(lang, p)}<form method="post" action="${t.action}" class="intake" novalidate${t.staff ? html` data-offline="report" data-offline-label="${L(lang, 'Laporan darurat baru', 'New emergency report')}"` : ''}>${t.staff ? csrfField({ csrf: t.staff.csrf }) : ''}<input type="hidden" name="_idem" value="${v('_idem')}">
${t.staff
  ? html`<fieldset><legend>${L(lang, 'Laporan masuk', 'Incoming report')}</legend>
<div class="field"><label for="f-service">${L(lang, 'Layanan', 'Service')}</label><select id="f-service" name="service">${t.staff.services.map((x) => html`<option value="${x.slug}"${x.slug === t.svc.slug ? ' selected' : ''}>${x.title}</option>`)}</select></div>
<div class="field"><label for="f-channel">${L(lang, 'Saluran', 'Channel')}</label>${fieldError(lang, p, 'channel')}<select id="f-channel" name="channel">${STAFF_CHANNELS.map((c) => html`<option value="${c}"${v('channel') === c ? ' selected' : ''}>${channelName(lang, c)}</option>`)}</select></div>
${docs(lang, t.svc, s)}
${input('reportedAt', L(lang, 'Waktu laporan masuk (kosongkan = sekarang)', 'When the report came in (empty = now)'), ' type="datetime-local"', L(lang, 'Jam batas respon awal dihitung dari waktu ini, bukan dari saat dicatat.', 'The first-response limit counts from this time, not from when it is written down.'))}</fieldset>`
  : ''}
<fieldset><legend>${L(lang, 'Lokasi', 'Place')}</legend>
${input('location.text', L(lang, 'Lokasi (alamat, patokan)', 'Place (address, landmark)'), ' required maxlength="500" autocomplete="off"')}
${input('location.lat', L(lang, 'Lintang (opsional)', 'Latitude (optional)'), ' inputmode="decimal" maxlength="20"')}
${input('location.lng', L(lang, 'Bujur (opsional)', 'Longitude (optional)'), ' inputmode="decimal" maxlength="20"')}</fieldset>
<fieldset><legend>${L(lang, 'Pemerlu layanan', 'The person in need')}</legend>
<div class="field"><label for="f-cat">${L(lang, 'Kategori', 'Category')}</label>${fieldError(lang, p, 'subject.category')}<select id="f-cat" name="subject.category"${invalidAttrs(p, 'subject.category')}>${CATEGORIES.map((c) => html`<option value="${c}"${v('subject.category') === c ? ' selected' : ''}>${categoryName(lang, c)}</option>`)}</select></div>
${input('subject.name', L(lang, 'Nama (jika diketahui)', 'Name (if known)'), ' maxlength="200"')}
${input('subject.nik', L(lang, 'NIK (jika ada)', 'NIK (if known)'), ' inputmode="numeric" maxlength="32"')}
<div class="field"><label for="f-desc">${L(lang, 'Keadaan (apa yang terjadi, sejak kapan)', 'Situation (what is happening, since when)')}</label>${fieldError(lang, p, 'description')}<textarea id="f-desc" name="description" rows="4" maxlength="4000"${invalidAttrs(p, 'description')}>${v('description')}</textarea></div>
${answers}</fieldset>
<fieldset><legend>${L(lang, 'Pelapor', 'Reporter')}</legend>
${input('reporter.name', L(lang, 'Nama pelapor', 'Reporter’s name'), ' maxlength="200" autocomplete="name"')}
${input('reporter.phone', L(lang, 'Telepon/WhatsApp pelapor', 'Reporter’s phone/WhatsApp'), ' type="tel" maxlength="20" autocomplete="tel"')}
${newsChoice(lang, s, !!t.staff)}
${input('reporter.email', L(lang, 'E-mail pelapor (untuk kabar lewat e-mail)', 'Reporter’s e-mail (for news by e-mail)'), ' type="email" maxlength="254" autocomplete="email"')}</fieldset>
<button type="submit" class="primary">${L(lang, 'Kirim laporan', 'Send report')}</button></form>`;
}

export function staffReportPage(shell: StaffShell, t: Omit<FormTarget, 'staff'> & { services: Service[] }, s: ReportFormState): string {
  const { lang } = shell;
  return staffPage(shell, {
    title: L(lang, 'Catat laporan darurat', 'Record an emergency report'),
    path: '/petugas/darurat/baru',
    breadcrumbs: [{ href: '/petugas/darurat', label: L(lang, 'Papan darurat', 'Dispatch board') }],
    body: html`<h1>${L(lang, 'Catat laporan darurat', 'Record an emergency report')}</h1><p class="meta">${t.officeName}</p>${reportForm(lang, { ...t, staff: { csrf: shell.csrf, services: t.services } }, s)}`,
  });
}

/** The public form of one office's emergency service. */
export function publicReportPage(lang: Lang, t: Omit<FormTarget, 'staff'> & { path: string }, s: ReportFormState): string {
  return page({
    lang,
    title: L(lang, 'Laporkan kedaruratan sosial', 'Report a social emergency'),
    path: t.path,
    body: html`<h1>${L(lang, 'Laporkan kedaruratan sosial', 'Report a social emergency')}</h1><p>${t.officeName} · ${t.svc.title}</p>
<p class="notice">${L(lang, 'Untuk bahaya jiwa segera, hubungi juga 112. KTP/KK tidak wajib: isi yang Anda ketahui.', 'If a life is in danger, also call 112. No ID card is needed: give what you know.')}</p>${reportForm(lang, { ...t, staff: null }, s)}`,
  });
}

/** The list of offices' emergency services the public can report to. */
export function publicServicesPage(lang: Lang, services: { office: string; officeName: string; slug: string; title: string }[]): string {
  return page({
    lang,
    title: L(lang, 'Laporkan kedaruratan sosial', 'Report a social emergency'),
    path: '/darurat',
    body: html`<h1>${L(lang, 'Laporkan kedaruratan sosial', 'Report a social emergency')}</h1><ul class="cards">${services.map((x) => html`<li><a href="${withLang(`/darurat/${x.office}/${x.slug}`, lang)}">${x.officeName}</a><br>${x.title}</li>`)}</ul>`,
  });
}

/** The receipt: the number and the tracking code (shown once here, never in a URL) and the first-response promise. */
export function receiptBody(lang: Lang, r: Reported, staffHref?: string): Raw {
  return html`<h1>${L(lang, 'Laporan diterima', 'Report received')}</h1><div class="receipt"><p>${L(lang, 'Nomor laporan', 'Report number')}: <strong class="big" data-testid="receipt-number">${r.registrationNumber}</strong></p><p>${L(lang, 'Kode pelacakan (simpan; berikan kepada pelapor)', 'Tracking code (keep it; give it to the reporter)')}: <strong class="big" data-testid="tracking-code">${r.trackingCode}</strong></p>
<p data-testid="due">${r.firstResponseDueAtLocal ? html`${L(lang, 'Respon awal paling lambat', 'First response by')}: <strong>${when(lang, r.firstResponseDueAtLocal)}</strong>` : L(lang, 'SK layanan ini tidak menetapkan batas waktu respon awal.', "This service's decree sets no first-response limit.")}</p></div>
${r.possibleDuplicates.length ? html`<p class="notice" data-testid="duplicates">${L(lang, 'Mungkin laporan yang sama dengan', 'Possibly the same as')}: ${r.possibleDuplicates.join(', ')}</p>` : ''}
<p>${staffHref ? html`<a href="${staffHref}">${L(lang, 'Buka laporan', 'Open report')}</a> · ` : html`<a href="${withLang('/lacak', lang)}">${L(lang, 'Lacak laporan', 'Track the report')}</a> · `}<button type="button" data-print>${L(lang, 'Cetak tanda terima', 'Print receipt')}</button></p>`;
}

export interface RosterView {
  members: { id: string; name: string; roles: string[]; officialId: string | null; licence: string | null; licenceValidUntil: string | null }[];
  shifts: { id: string; name: string; startsAtLocal: string; endsAtLocal: string; now: boolean }[];
  settings: { atRiskShare: number; reviewHours: number; mergeWindowMinutes: number; mergeRadiusMetres: number; autoAssign: boolean; ackMinutes: number; custom: boolean };
  mayEdit: boolean;
  ok?: string;
  error?: string;
}

export function rosterPage(shell: StaffShell, r: RosterView): string {
  const { lang } = shell;
  const a = (s: string) => withLang(`/petugas/darurat/piket/${s}`, lang);
  return staffPage(shell, {
    title: L(lang, 'Jadwal piket darurat', 'Emergency duty roster'),
    path: '/petugas/darurat/piket',
    breadcrumbs: [{ href: '/petugas/darurat', label: L(lang, 'Papan darurat', 'Dispatch board') }],
    body: html`<h1>${L(lang, 'Jadwal piket darurat', 'Emergency duty roster')}</h1>${flash({ ok: r.ok, error: r.error })}
<h2>${L(lang, 'Piket', 'Shifts')}</h2>${r.shifts.length ? html`<ul data-testid="shifts">${r.shifts.map((s) => html`<li>${s.name}: ${when(lang, s.startsAtLocal)} – ${when(lang, s.endsAtLocal)}${s.now ? html` <span class="badge sla-on-time">${L(lang, 'sedang piket', 'on duty')}</span>` : ''}</li>`)}</ul>` : html`<p class="meta">${L(lang, 'Belum ada piket terjadwal.', 'No shifts scheduled.')}</p>`}
${r.mayEdit
  ? html`<form method="post" action="${a('shift')}" class="intake"><fieldset><legend>${L(lang, 'Tambah piket', 'Add a shift')}</legend>${csrfField(shell)}
<div class="field"><label for="f-m">${L(lang, 'Petugas', 'Member')}</label><select id="f-m" name="member">${r.members.map((m) => html`<option value="${m.id}">${m.name}</option>`)}</select></div>
<div class="field"><label for="f-s">${L(lang, 'Mulai', 'Starts')}</label><input id="f-s" name="startsAt" type="datetime-local" required></div>
<div class="field"><label for="f-e">${L(lang, 'Selesai', 'Ends')}</label><input id="f-e" name="endsAt" type="datetime-local" required></div>
<button type="submit">${L(lang, 'Tambah', 'Add')}</button></fieldset></form>`
  : ''}
<h2>${L(lang, 'Kredensial petugas', "Members' credentials")}</h2><p class="meta">${L(lang, 'SK: petugas TRC memiliki Identitas Resmi dari Dinas Sosial; yang menjemput dan mengantar klien memiliki SIM.', 'Decree: TRC members carry an official Dinas Sosial ID; those who pick up and escort clients hold a driving licence (SIM).')} ${L(lang, 'Tugas yang memerlukan SIM', 'Tasks needing a SIM')}: ${TASKS.filter((t) => t !== 'penjangkauan').map((t) => taskName(lang, t)).join(', ')}.</p>
<div class="table-wrap"><table class="queue stack" data-testid="members"><thead><tr><th scope="col">${L(lang, 'Petugas', 'Member')}</th><th scope="col">${L(lang, 'Identitas resmi', 'Official ID')}</th><th scope="col">SIM</th>${r.mayEdit ? html`<th scope="col">${L(lang, 'Ubah', 'Change')}</th>` : ''}</tr></thead><tbody>
${r.members.map(
  (m) => html`<tr><td data-label="${L(lang, 'Petugas', 'Member')}">${m.name}<br><span class="meta">${m.roles.join(', ')}</span></td><td data-label="${L(lang, 'Identitas resmi', 'Official ID')}">${m.officialId ?? '—'}</td><td data-label="SIM">${m.licence ? `${m.licence}${m.licenceValidUntil ? ` (${L(lang, 's.d.', 'until')} ${m.licenceValidUntil})` : ''}` : '—'}</td>${r.mayEdit
    ? html`<td><form method="post" action="${a(`anggota/${m.id}`)}" class="inline">${csrfField(shell)}<label class="meta" for="o-${m.id}">${L(lang, 'Identitas', 'ID')}</label> <input id="o-${m.id}" name="officialId" value="${m.officialId ?? ''}" maxlength="100" size="12"> <label class="meta" for="l-${m.id}">SIM</label> <input id="l-${m.id}" name="licence" value="${m.licence ?? ''}" maxlength="100" size="12"> <label class="meta" for="u-${m.id}">${L(lang, 'berlaku s.d.', 'valid until')}</label> <input id="u-${m.id}" name="licenceValidUntil" type="date" value="${m.licenceValidUntil ?? ''}"> <button type="submit">${L(lang, 'Simpan', 'Save')}</button></form></td>`
    : ''}</tr>`,
)}</tbody></table></div>
<h2>${L(lang, 'Ambang waktu', 'Thresholds')}</h2><p class="meta">${L(lang, 'Tidak ditetapkan SK; nilai bawaan sampai diubah.', 'Not set by any decree; defaults until changed.')}</p>
${r.mayEdit
  ? html`<form method="post" action="${a('pengaturan')}" class="intake">${csrfField(shell)}
<div class="field"><label for="f-ar">${L(lang, 'Hampir lewat batas setelah (% waktu terpakai)', 'At risk after (% of the time used)')}</label><input id="f-ar" name="atRiskPercent" inputmode="numeric" value="${Math.round(r.settings.atRiskShare * 100)}" maxlength="3"></div>
<div class="field"><label for="f-rh">${L(lang, 'Tinjau kasus setiap (jam)', 'Review cases every (hours)')}</label><input id="f-rh" name="reviewHours" inputmode="numeric" value="${r.settings.reviewHours}" maxlength="3"></div>
<div class="field"><label for="f-mw">${L(lang, 'Jendela laporan ganda (menit)', 'Duplicate-report window (minutes)')}</label><input id="f-mw" name="mergeWindowMinutes" inputmode="numeric" value="${r.settings.mergeWindowMinutes}" maxlength="5"></div>
<div class="field"><label for="f-mr">${L(lang, 'Jarak laporan ganda (meter, bila keduanya berkoordinat)', 'Duplicate-report distance (metres, when both have coordinates)')}</label><input id="f-mr" name="mergeRadiusMetres" inputmode="numeric" value="${r.settings.mergeRadiusMetres}" maxlength="4"></div>
<div class="field"><label for="f-ack">${L(lang, 'Batas waktu menerima eskalasi (menit; lewat itu Kepala Dinas diberi tahu)', 'Time to acknowledge an escalation (minutes; after it the head of office is told)')}</label><input id="f-ack" name="ackMinutes" inputmode="numeric" value="${r.settings.ackMinutes}" maxlength="3"></div>
<div class="field"><label><input type="checkbox" name="autoAssign"${r.settings.autoAssign ? ' checked' : ''}> ${L(lang, 'Tugaskan laporan baru langsung ke petugas piket (penjangkauan)', 'Assign new reports at once to the member on duty (outreach)')}</label>
<p class="meta">${L(lang, 'Aturan: petugas yang sedang piket dan memiliki Identitas Resmi, dengan laporan terbuka paling sedikit. Tanpa ini, Kepala Bidang menugaskan (SK: "memerintahkan Tim Reaksi Cepat").', 'Rule: the member on duty now with an official ID and the fewest open reports. Without it, the head of division assigns (decree: "memerintahkan Tim Reaksi Cepat").')}</p></div>
<button type="submit">${L(lang, 'Simpan', 'Save')}</button></form>`
  : html`<p>${Math.round(r.settings.atRiskShare * 100)}% · ${r.settings.reviewHours} ${L(lang, 'jam', 'h')} · ${r.settings.mergeWindowMinutes} ${L(lang, 'menit', 'min')} · ${r.settings.mergeRadiusMetres} m · ${r.settings.ackMinutes} ${L(lang, 'menit untuk menerima eskalasi', 'min to acknowledge an escalation')} · ${
      r.settings.autoAssign ? L(lang, 'penugasan otomatis ke petugas piket', 'automatic assignment to the member on duty') : L(lang, 'ditugaskan Kepala Bidang', 'assigned by the head of division')
    }</p>`}`,
  });
}
