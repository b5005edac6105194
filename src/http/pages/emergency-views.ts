/** The dispatch board and one emergency report (staff): pure views, data in, HTML out. */
import { CATEGORY_NAMES, CHANNEL_NAMES, TASKS, TASK_NAMES, ageText, countdownText, type Category, type EmergencyChannel, type FirstResponseState, type Task } from '../../domain/emergency/index.js';
import type { Board, BoardEntry } from '../../usecases/emergency/show-dispatch-board.js';
import type { ReportDetail } from '../../usecases/emergency/show-emergency-report.js';
import { L, when, type Lang } from '../i18n.js';
import { flash } from './components.js';
import { outcomeEventText, outcomeName } from './outcomes-views.js';
import { html, type Raw } from './html.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';

/** How often the board reloads itself (site.js `data-refresh`; without script the officer reloads). */
export const BOARD_REFRESH_SECONDS = 30;

const STATES: Record<FirstResponseState, { id: string; en: string; tone: string }> = {
  'on-time': { id: 'Dalam batas waktu', en: 'Within the limit', tone: 'sla-on-time' },
  'at-risk': { id: 'Hampir lewat batas', en: 'At risk', tone: 'sla-at-risk' },
  breached: { id: 'Lewat batas waktu', en: 'Breached', tone: 'sla-late' },
  met: { id: 'Respon awal tepat waktu', en: 'First response on time', tone: 'sla-on-time' },
  'met-late': { id: 'Respon awal terlambat', en: 'First response late', tone: 'sla-late' },
  'no-limit': { id: 'Tanpa batas waktu di SK', en: 'No limit in the decree', tone: 'sla-closed' },
};
export const stateBadge = (lang: Lang, s: FirstResponseState): Raw => html`<span class="badge ${STATES[s].tone}" data-testid="fr-state">${L(lang, STATES[s].id, STATES[s].en)}</span>`;
const name = <K extends string>(names: Record<K, [string, string]>, lang: Lang, k: string) => (names as Record<string, [string, string]>)[k]?.[lang === 'id' ? 0 : 1] ?? k;
export const categoryName = (lang: Lang, k: string) => name<Category>(CATEGORY_NAMES, lang, k);
export const channelName = (lang: Lang, k: string) => name<EmergencyChannel>(CHANNEL_NAMES, lang, k);
export const taskName = (lang: Lang, k: string) => name<Task>(TASK_NAMES, lang, k);
const ESCALATION: Record<string, [string, string]> = { 'kepala-bidang': ['Dieskalasi ke Kepala Bidang', 'Escalated to the head of division'], 'kepala-dinas': ['Dieskalasi ke Kepala Dinas', 'Escalated to the head of office'] };
const escalationBadge = (lang: Lang, e: string) => (ESCALATION[e] ? html` <span class="badge sla-late" data-testid="escalation">${L(lang, ...ESCALATION[e])}</span>` : '');
const LEVEL: Record<string, [string, string]> = { 'kepala-bidang': ['Kepala Bidang', 'head of division'], 'kepala-dinas': ['Kepala Dinas', 'head of office'] };
const levelName = (lang: Lang, level: string) => L(lang, ...(LEVEL[level] ?? [level, level]));

/** Whether the escalation waits for its head (and how long), or who acknowledged it and when. */
function acknowledgementLine(lang: Lang, e: BoardEntry | ReportDetail, now: string): Raw | '' {
  const a = e.acknowledgement;
  if (a.awaiting)
    return html`<br><strong class="ack-waiting" data-testid="ack-waiting">${L(lang, 'Belum diterima', 'Not acknowledged')}${a.escalatedAt ? html` · ${L(lang, 'menunggu', 'waiting')} ${ageText(a.escalatedAt, now, lang)}` : ''}</strong>`;
  if (a.by) return html`<br><span class="meta" data-testid="ack-by">${L(lang, 'Diterima', 'Acknowledged by')} ${levelName(lang, a.level)}: ${a.by}${a.atLocal ? html`, ${when(lang, a.atLocal)}` : ''}</span>`;
  return '';
}

/** The acknowledgement form: a note and, optionally, an order (assign a member to a task). */
function acknowledgeForm(shell: StaffShell, e: { registrationNumber: string; escalation: string }, members: { id: string; name: string }[], back: string, idPrefix: string): Raw {
  const { lang } = shell;
  const f = (n: string) => `${idPrefix}-${n}`;
  return html`<form method="post" action="${withLang(`/petugas/darurat/${e.registrationNumber}/terima`, lang)}" class="intake ack-form" data-testid="ack-form">${csrfField(shell)}<input type="hidden" name="back" value="${back}">
<fieldset><legend>${L(lang, `Terima eskalasi ${e.registrationNumber} (${levelName(lang, e.escalation)})`, `Acknowledge ${e.registrationNumber} (${levelName(lang, e.escalation)})`)}</legend>
<div class="field"><label for="${f('note')}">${L(lang, 'Catatan', 'Note')}</label><input id="${f('note')}" name="note" required minlength="2" maxlength="1000" autocomplete="off"></div>
<div class="field"><label for="${f('member')}">${L(lang, 'Perintah: tugaskan petugas (opsional)', 'Order: assign a member (optional)')}</label><select id="${f('member')}" name="member"><option value="">${L(lang, '— tanpa penugasan —', '— no assignment —')}</option>${members.map((m) => html`<option value="${m.id}">${m.name}</option>`)}</select></div>
<div class="field"><label for="${f('task')}">${L(lang, 'Tugas', 'Task')}</label><select id="${f('task')}" name="task">${TASKS.map((t) => html`<option value="${t}">${taskName(lang, t)}</option>`)}</select></div>
<button type="submit">${L(lang, 'Terima', 'Acknowledge')}</button></fieldset></form>`;
}

function row(lang: Lang, e: BoardEntry, now: string): Raw {
  const open = !e.firstResponseAt;
  const left = e.millisLeft === null ? '' : html`<strong data-testid="countdown">${countdownText(e.millisLeft, lang)}</strong><br>`;
  const clock = open
    ? html`${left}${e.firstResponseDueAtLocal ? html`<span class="meta">${L(lang, 'batas', 'due')} ${when(lang, e.firstResponseDueAtLocal)}</span>` : html`<span class="meta">${L(lang, 'umur', 'age')} ${ageText(e.reportedAt, now, lang)}</span>`}`
    : html`<strong data-testid="fr-minutes">${e.firstResponseMinutes} ${L(lang, 'menit', 'min')}</strong><br><span class="meta">${L(lang, 'umur kasus', 'case age')} ${ageText(e.reportedAt, now, lang)} · ${L(lang, 'tinjau berikutnya', 'next review')} ${when(lang, e.nextReviewAtLocal)}</span>`;
  return html`<tr data-testid="board-row" data-number="${e.registrationNumber}">
<td data-label="${L(lang, 'Laporan', 'Report')}"><a href="${withLang(`/petugas/darurat/${e.registrationNumber}`, lang)}">${e.registrationNumber}</a><br><span class="meta">${categoryName(lang, e.category)}</span></td>
<td data-label="${L(lang, 'Lokasi', 'Place')}">${e.location.text}</td>
<td data-label="${L(lang, 'Dilaporkan', 'Reported')}">${when(lang, e.reportedAtLocal)}<br><span class="meta">${channelName(lang, e.channel)}</span></td>
<td data-label="${L(lang, 'Respon awal', 'First response')}">${clock}</td>
<td data-label="${L(lang, 'Status', 'State')}">${stateBadge(lang, e.firstResponseState)}${escalationBadge(lang, e.escalation)}${acknowledgementLine(lang, e, now)}</td>
<td data-label="${L(lang, 'Petugas', 'Team')}">${e.assigned.length ? e.assigned.map((a) => `${a.name} (${taskName(lang, a.task)})`).join(', ') : html`<span class="meta">${L(lang, 'belum ditugaskan', 'not assigned')}</span>`}</td></tr>`;
}

function table(lang: Lang, caption: string, entries: BoardEntry[], now: string, testid: string): Raw {
  if (!entries.length) return html`<p class="meta" data-testid="${testid}-empty">${L(lang, 'Tidak ada.', 'None.')}</p>`;
  return html`<div class="table-wrap"><table class="queue stack" data-testid="${testid}"><caption>${caption}</caption><thead><tr><th scope="col">${L(lang, 'Laporan', 'Report')}</th><th scope="col">${L(lang, 'Lokasi', 'Place')}</th><th scope="col">${L(lang, 'Dilaporkan', 'Reported')}</th><th scope="col">${L(lang, 'Respon awal', 'First response')}</th><th scope="col">${L(lang, 'Status', 'State')}</th><th scope="col">${L(lang, 'Petugas', 'Team')}</th></tr></thead>
<tbody>${entries.map((e) => row(lang, e, now))}</tbody></table></div>`;
}

/** "Respon awal tepat waktu bulan ini: 17 dari 20 (85 %)": the decree's promise measured, from the reports themselves. */
function monthLine(lang: Lang, m: Board['month']) {
  const pending = m.reports - m.met - m.late;
  const head = L(lang, `Respon awal tepat waktu bulan ini (${m.month})`, `First response in time this month (${m.month})`);
  const figure =
    m.rate === null
      ? L(lang, 'belum ada laporan yang selesai dinilai', 'no report decided yet')
      : L(lang, `${m.met} dari ${m.met + m.late} (${String(m.rate).replace('.', ',')} %)`, `${m.met} of ${m.met + m.late} (${m.rate} %)`);
  const rest = pending > 0 ? L(lang, ` · ${pending} lainnya masih dalam batas waktu atau ditutup tanpa respon`, ` · ${pending} more still within their time or closed unanswered`) : '';
  return html`<p data-testid="month-promise"><strong>${head}:</strong> ${figure}${rest}</p>`;
}

export interface BoardOptions {
  /** Members an acknowledging head may order (empty for those who cannot acknowledge). */
  members: { id: string; name: string }[];
  mayAcknowledge: boolean;
  ok?: string;
  error?: string;
}

/** The escalations waiting for their head, the longest waiting first, each with its acknowledgement form. */
function waitingSection(shell: StaffShell, b: Board, o: BoardOptions): Raw | '' {
  const { lang } = shell;
  const waiting = b.open.filter((e) => e.acknowledgement.awaiting);
  if (!waiting.length) return '';
  return html`<section aria-labelledby="h-ack" class="ack-waiting-list" data-testid="ack-section"><h2 id="h-ack">${L(lang, 'Eskalasi menunggu diterima', 'Escalations waiting to be acknowledged')} (${waiting.length})</h2>
<ul>${waiting.map(
    (e) => html`<li data-testid="ack-item" data-number="${e.registrationNumber}"><a href="${withLang(`/petugas/darurat/${e.registrationNumber}`, lang)}">${e.registrationNumber}</a> · ${levelName(lang, e.escalation)} · ${stateBadge(lang, e.firstResponseState)} · <strong>${L(lang, 'menunggu', 'waiting')} ${e.acknowledgement.escalatedAt ? ageText(e.acknowledgement.escalatedAt, b.now, lang) : '—'}</strong> · ${e.location.text}
${o.mayAcknowledge ? acknowledgeForm(shell, e, o.members, 'board', `ack-${e.registrationNumber}`) : ''}</li>`,
  )}</ul></section>`;
}

export function boardPage(shell: StaffShell, b: Board, o: BoardOptions = { members: [], mayAcknowledge: false }): string {
  const { lang } = shell;
  const can = (p: string) => !shell.allowed || shell.allowed.includes(p as never);
  return staffPage(shell, {
    title: L(lang, 'Papan laporan darurat', 'Emergency dispatch board'),
    path: '/petugas/darurat',
    body: html`<div data-refresh="${BOARD_REFRESH_SECONDS}"><h1>${L(lang, 'Papan laporan darurat', 'Emergency dispatch board')}</h1>
<p class="meta">${L(lang, 'Per', 'As of')} ${when(lang, b.nowLocal)} · ${L(lang, `diperbarui otomatis setiap ${BOARD_REFRESH_SECONDS} detik`, `refreshes every ${BOARD_REFRESH_SECONDS} seconds`)} · <a href="${withLang('/petugas/darurat', lang)}">${L(lang, 'Muat ulang', 'Reload')}</a></p>
<p>${can('emergency.report') ? html`<a class="button" href="${withLang('/petugas/darurat/baru', lang)}">${L(lang, 'Catat laporan darurat', 'Record an emergency report')}</a> ` : ''}<a href="${withLang('/petugas/darurat/piket', lang)}">${L(lang, 'Jadwal piket', 'Duty roster')}</a></p>
<p data-testid="on-duty"><strong>${L(lang, 'Piket sekarang', 'On duty now')}:</strong> ${b.onDuty.length ? b.onDuty.map((d) => `${d.name} (${L(lang, 's.d.', 'until')} ${when(lang, d.endsAtLocal)})`).join('; ') : L(lang, 'tidak ada yang tercatat piket', 'nobody on the roster now')}</p>
${flash({ ok: o.ok, error: o.error })}
${monthLine(lang, b.month)}
${waitingSection(shell, b, o)}
<h2>${L(lang, 'Belum ada respon awal', 'Awaiting first response')} (${b.open.length})</h2>
${table(lang, L(lang, 'Laporan terbuka, yang paling mendesak di atas', 'Open reports, most urgent first'), b.open, b.now, 'board-open')}
<h2>${L(lang, 'Sudah direspon (12 jam terakhir)', 'Responded (last 12 hours)')}</h2>
${table(lang, L(lang, 'Tahap berikutnya tanpa batas waktu di SK: umur kasus dan jadwal tinjauan', 'Later stages have no decreed limit: case age and review schedule'), b.responded, b.now, 'board-responded')}</div>`,
  });
}

export function reportNotFoundPage(shell: StaffShell): string {
  return staffPage(shell, { title: '404', path: '/petugas/darurat', body: html`<h1>${L(shell.lang, 'Laporan darurat tidak ditemukan', 'Emergency report not found')}</h1>` });
}

export interface DetailOptions {
  members: { id: string; name: string }[];
  mayAssign: boolean;
  mayRespond: boolean;
  error?: string;
  ok?: string;
  now: string;
}

export function reportDetailPage(shell: StaffShell, d: ReportDetail, o: DetailOptions): string {
  const { lang } = shell;
  const act = (suffix: string) => withLang(`/petugas/darurat/${d.registrationNumber}/${suffix}`, lang);
  const coords = d.location.lat !== null ? html` <span class="meta">(${d.location.lat}, ${d.location.lng})</span>` : '';
  return staffPage(shell, {
    title: d.registrationNumber,
    path: `/petugas/darurat/${d.registrationNumber}`,
    breadcrumbs: [{ href: '/petugas/darurat', label: L(lang, 'Papan darurat', 'Dispatch board') }],
    body: html`<h1>${L(lang, 'Laporan darurat', 'Emergency report')} ${d.registrationNumber}</h1>
${flash({ ok: o.ok, error: o.error })}
<dl class="facts"><div><dt>${L(lang, 'Dilaporkan', 'Reported')}</dt><dd>${when(lang, d.reportedAtLocal)}<br><span class="meta">${channelName(lang, d.channel)} · ${L(lang, 'dicatat', 'recorded')} ${when(lang, d.receivedAtLocal)}</span></dd></div>
<div><dt>${L(lang, 'Respon awal', 'First response')}</dt><dd>${d.firstResponseAtLocal ? html`${when(lang, d.firstResponseAtLocal)} (${d.firstResponseMinutes} ${L(lang, 'menit', 'min')})` : html`${L(lang, 'batas', 'due')} ${when(lang, d.firstResponseDueAtLocal)}`}<br>${stateBadge(lang, d.firstResponseState)}${escalationBadge(lang, d.escalation)}${acknowledgementLine(lang, d, o.now)}</dd></div>
<div><dt>${L(lang, 'Kategori', 'Category')}</dt><dd>${categoryName(lang, d.category)}</dd></div></dl>
<section aria-labelledby="h-where"><h2 id="h-where">${L(lang, 'Lokasi dan keadaan', 'Place and situation')}</h2><p data-testid="location">${d.location.text}${coords}</p><p>${d.description}</p>
<p>${L(lang, 'Pemerlu layanan', 'Person')}: ${d.subjectName ?? L(lang, 'belum diketahui', 'not yet known')} · ${L(lang, 'Pelapor', 'Reporter')}: ${d.reporter.name ?? '—'}${d.reporter.phone ? ` · ${d.reporter.phone}` : ''}</p>
<p><a href="${withLang(`/petugas/berkas/${d.applicationId}`, lang)}">${L(lang, 'Buka berkas kasus (tahapan SK)', 'Open the case (decreed steps)')}</a>${!shell.allowed || shell.allowed.includes('shelters.admit') ? html` · <a href="${withLang(`/petugas/rumah-singgah/rujuk?laporan=${d.registrationNumber}`, lang)}" data-testid="refer-shelter">${L(lang, 'Rujuk ke rumah singgah', 'Refer to the shelter')}</a>` : ''}${!shell.allowed || shell.allowed.includes('outcomes.record') ? html` · <a href="${withLang(`/petugas/darurat/${d.registrationNumber}/hasil`, lang)}" data-testid="record-outcome">${L(lang, 'Hasil penanganan (rumah sakit, pemulangan, dokumen)', 'Outcome (hospital, return home, documents)')}</a>` : ''}</p></section>
${o.mayAssign && d.acknowledgement.awaiting ? html`<section aria-labelledby="h-ack-one"><h2 id="h-ack-one">${L(lang, 'Eskalasi menunggu diterima', 'Escalation waiting to be acknowledged')}</h2>${acknowledgeForm(shell, d, o.members, 'report', 'ack')}</section>` : ''}
<section aria-labelledby="h-team"><h2 id="h-team">${L(lang, 'Tim Reaksi Cepat', 'Rapid-response team')}</h2>
${d.assigned.length ? html`<ul data-testid="assigned">${d.assigned.map((a) => html`<li>${a.name}: ${taskName(lang, a.task)} <span class="meta">${when(lang, a.atLocal)}</span></li>`)}</ul>` : html`<p class="meta">${L(lang, 'Belum ada petugas ditugaskan.', 'Nobody assigned yet.')}</p>`}
${o.mayAssign && d.state === 'open'
  ? html`<form method="post" action="${act('tugaskan')}" class="intake"><fieldset><legend>${L(lang, 'Tugaskan petugas', 'Assign a member')}</legend>${csrfField(shell)}
<div class="field"><label for="f-member">${L(lang, 'Petugas', 'Member')}</label><select id="f-member" name="member">${o.members.map((m) => html`<option value="${m.id}">${m.name}</option>`)}</select></div>
<div class="field"><label for="f-task">${L(lang, 'Tugas', 'Task')}</label><select id="f-task" name="task">${TASKS.map((t) => html`<option value="${t}">${taskName(lang, t)}</option>`)}</select></div>
<button type="submit">${L(lang, 'Tugaskan', 'Assign')}</button></fieldset></form>
<form method="post" action="${act('gabung')}" class="intake"><fieldset><legend>${L(lang, 'Laporan ganda?', 'A duplicate?')}</legend>${csrfField(shell)}
<div class="field"><label for="f-into">${L(lang, 'Gabungkan ke laporan nomor (orang dan tempat yang sama)', 'Merge into report number (same person and place)')}</label><input id="f-into" name="into" maxlength="40" autocomplete="off"></div>
<button type="submit">${L(lang, 'Gabungkan', 'Merge')}</button></fieldset></form>`
  : ''}${d.mergedInto ? html`<p class="notice">${L(lang, 'Digabung ke', 'Merged into')} <a href="${withLang(`/petugas/darurat/${d.mergedInto}`, lang)}">${d.mergedInto}</a></p>` : ''}</section>
${o.mayRespond && !d.firstResponseAt && d.state === 'open'
  ? html`<section aria-labelledby="h-resp"><h2 id="h-resp">${L(lang, 'Catat respon awal', 'Record the first response')}</h2><form method="post" action="${act('respon-awal')}" class="intake" enctype="multipart/form-data" data-offline="response" data-offline-number="${d.registrationNumber}" data-offline-label="${L(lang, `Respon awal ${d.registrationNumber}`, `First response ${d.registrationNumber}`)}">${csrfField(shell)}
<p class="meta">${L(lang, 'Waktu respon awal = saat formulir disimpan. Tanpa sinyal, respon awal tersimpan di perangkat dan terkirim otomatis begitu ada sinyal, dengan waktu saat disimpan.', 'The first-response time is when the form is saved. Without a signal it is kept on this device and sent by itself once there is a signal, with the time it was saved.')}</p>
<div class="field"><label for="f-note">${L(lang, 'Catatan (apa yang ditemukan dan dilakukan)', 'Note (what was found and done)')}</label><textarea id="f-note" name="note" rows="3" required minlength="3" maxlength="2000"></textarea></div>
<div class="field"><label for="f-lat">${L(lang, 'Lintang (opsional)', 'Latitude (optional)')}</label><input id="f-lat" name="lat" inputmode="decimal" maxlength="20"></div>
<div class="field"><label for="f-lng">${L(lang, 'Bujur (opsional)', 'Longitude (optional)')}</label><input id="f-lng" name="lng" inputmode="decimal" maxlength="20"></div>
<div class="field"><label for="f-photo">${L(lang, 'Foto (opsional, JPEG/PNG, maks. 10 MB)', 'Photo (optional, JPEG/PNG, up to 10 MB)')}</label><input id="f-photo" name="photo" type="file" accept="image/jpeg,image/png,image/webp" capture="environment"></div>
<button type="submit">${L(lang, 'Simpan respon awal', 'Save first response')}</button></form></section>`
  : ''}
<section aria-labelledby="h-ev"><h2 id="h-ev">${L(lang, 'Riwayat', 'History')}</h2><ol data-testid="events">${d.events.map((e) => html`<li>${when(lang, e.atLocal)} · ${eventText(lang, e)} <span class="meta">${e.actor}</span></li>`)}</ol></section>`,
  });
}

function eventText(lang: Lang, e: ReportDetail['events'][number]): string {
  const d = e.data;
  switch (e.type) {
    case 'reported':
      return L(lang, 'Laporan diterima', 'Report received');
    case 'assigned':
      return `${L(lang, 'Ditugaskan', 'Assigned')}: ${String(d.memberName)} (${taskName(lang, String(d.task))})`;
    case 'first-response':
      return `${L(lang, 'Respon awal', 'First response')} (${String(d.minutes)} ${L(lang, 'menit', 'min')}): ${String(d.note ?? '')}`;
    case 'escalated':
      return `${d.to === 'kepala-dinas' ? L(lang, 'Eskalasi ke Kepala Dinas', 'Escalated to the head of office') : L(lang, 'Eskalasi ke Kepala Bidang', 'Escalated to the head of division')}${d.reason === 'unacknowledged' ? L(lang, ' (belum diterima Kepala Bidang)', ' (not acknowledged by the head of division)') : ''}`;
    case 'escalation-reminder':
      return `${L(lang, 'Pengingat eskalasi', 'Escalation reminder')} ${String(d.reminder ?? '')} ${L(lang, 'ke', 'to')} ${levelName(lang, String(d.to ?? ''))}`;
    case 'acknowledged': {
      const order = d.order as { memberName?: string; task?: string } | null;
      return `${L(lang, 'Eskalasi diterima', 'Escalation acknowledged')} (${levelName(lang, String(d.level ?? ''))}${typeof d.waitedMinutes === 'number' ? `, ${L(lang, 'setelah', 'after')} ${d.waitedMinutes} ${L(lang, 'menit', 'min')}` : ''}): ${String(d.note ?? '')}${order?.memberName ? ` · ${L(lang, 'perintah', 'order')}: ${order.memberName} (${taskName(lang, String(order.task))})` : ''}`;
    }
    case 'merged':
      return `${L(lang, 'Digabung ke', 'Merged into')} ${String(d.into ?? '')}`;
    case 'closed':
      return d.outcome ? `${L(lang, 'Ditutup', 'Closed')}: ${outcomeName(lang, String(d.outcome))}` : L(lang, 'Ditutup: kasusnya selesai', 'Closed: its case has ended');
    case 'outcome':
      return `${L(lang, 'Hasil penanganan', 'Outcome')}: ${outcomeEventText(lang, d)}`;
    case 'shelter-referral':
      return `${L(lang, 'Dirujuk ke rumah singgah', 'Referred to the shelter')}: ${String(d.shelterName ?? '')}`;
    case 'shelter-terminated':
      return `${L(lang, 'Klien rumah singgah diterminasi, berita acara', 'Shelter client terminated, handover record')} ${String(d.number ?? '')}`;
    case 'shelter-referred-to-panti':
      return `${L(lang, 'Klien rumah singgah diantar ke panti', 'Shelter client taken to a panti')}: ${String(d.panti ?? '')} (${String(d.case ?? '')})`;
    case 'merged-from':
      return `${L(lang, 'Laporan ganda digabung ke sini', 'Duplicate merged here')}: ${String(d.from ?? '')}`;
    default:
      return e.type;
  }
}
