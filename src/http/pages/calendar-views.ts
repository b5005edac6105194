/**
 * The office admin's calendar pages (/petugas/kalender): the hours in force and where they come
 * from, the closures and holidays, the form that sets weekly hours, and the latest changes.
 * Pure: (shell, data) → HTML.
 */
import type { WeekHours } from '../../domain/calendar/office-setup.js';
import { WEEKDAYS, daysOf } from '../../domain/calendar/office-setup.js';
import type { Problem } from '../../domain/errors.js';
import type { CalendarChange, ClosureGroup, OfficeCalendarOverview } from '../../usecases/calendar/read-office-calendar.js';
import type { HoursInForce } from '../../usecases/sla-clock.js';
import { dayName, formatDate, L, zoneAbbr, when, type Lang } from '../i18n.js';
import { clock, dayRange } from './catalogue-views.js';
import { errorSummary, fieldError, flash, invalidAttrs } from './components.js';
import { html, type Raw } from './html.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';

export const CALENDAR_PATH = '/petugas/kalender';

const KIND: Record<string, [string, string]> = {
  holiday: ['Libur nasional', 'National holiday'],
  'cuti-bersama': ['Cuti bersama', 'Cuti bersama (collective leave)'],
  closure: ['Kantor tutup', 'Office closed'],
};
const kindName = (lang: Lang, k: string) => L(lang, ...(KIND[k] ?? [k, k]));

/** "Senin–Kamis 08.00–15.30 WIB" lines, or "every day, 24 hours". */
export function weekText(lang: Lang, h: Pick<WeekHours, 'allDay' | 'week'>, timezone: string): Raw {
  if (h.allDay) return html`<p>${L(lang, 'Setiap hari, 24 jam', 'Every day, 24 hours')}</p>`;
  return html`<ul class="hours">${h.week.map((b) => html`<li>${dayRange(lang, b.days)}: ${clock(lang, b.open)}–${clock(lang, b.close)} ${zoneAbbr(timezone)}</li>`)}</ul>`;
}

/** Where the hours in force come from, in one line. */
export function sourceText(lang: Lang, f: HoursInForce): Raw {
  if (f.setting)
    return html`<p class="meta">${L(lang, 'Ditetapkan admin kantor', 'Set by the office admin')} (${f.setting.setBy})${f.setting.reason ? html` · ${L(lang, 'dasar', 'basis')}: ${f.setting.reason}` : ''}${f.base.source === 'decree' && f.base.text ? html` · ${L(lang, 'keputusan menyebut', 'the decree says')}: “${f.base.text}”` : ''}</p>`;
  if (f.base.source === 'decree') return html`<p class="meta">${L(lang, 'Menurut keputusan', 'As decreed')}${f.base.text ? html`: “${f.base.text}”` : ''}</p>`;
  return html`<p class="notice">${L(lang, 'Jadwal bawaan Sigap: keputusan tidak menyebut jam layanan. Tetapkan jam sebenarnya.', "Sigap's default week: the decree does not state service hours. Set the real hours.")}</p>`;
}

export interface CalendarNotes {
  ok?: string;
  /** Problems of the closure form just sent, and what was typed. */
  problems?: readonly Problem[];
  values?: Record<string, string>;
}

export function calendarPage(shell: StaffShell, v: OfficeCalendarOverview, notes: CalendarNotes = {}): string {
  const { lang } = shell;
  const problems = notes.problems ?? [];
  const val = (k: string) => notes.values?.[k] ?? '';
  const tz = v.office.timezone;
  const body = html`<h1>${L(lang, 'Jam layanan dan hari libur', 'Service hours and holidays')}</h1>
<p class="meta">${v.office.name} · ${L(lang, 'hari ini', 'today')} ${formatDate(lang, v.today)}</p>
${flash({ ok: notes.ok })}
<section aria-labelledby="h-hours"><h2 id="h-hours">${L(lang, 'Jam layanan kantor', 'Office service hours')}</h2>
${weekText(lang, v.hours.hours, tz)}
<p class="meta">${v.hours.hours.closedOnHolidays ? L(lang, 'Tutup pada hari libur nasional dan cuti bersama.', 'Closed on national holidays and cuti bersama.') : L(lang, 'Tetap buka pada hari libur.', 'Open on holidays.')}</p>
${sourceText(lang, v.hours)}
<p><a class="button" href="${withLang(`${CALENDAR_PATH}/jam`, lang)}">${L(lang, 'Ubah jam kantor', 'Change office hours')}</a></p>
${v.services.length
  ? html`<h3>${L(lang, 'Layanan dengan jam sendiri menurut keputusan', 'Services with their own hours in the decree')}</h3>
<ul class="cards">${v.services.map((s) => html`<li><strong>${s.no}. ${s.title}</strong>${weekText(lang, s.inForce.hours, tz)}${sourceText(lang, s.inForce)}<a href="${withLang(`${CALENDAR_PATH}/jam/${s.slug}`, lang)}">${L(lang, 'Ubah jam layanan ini', "Change this service's hours")}<span class="sr-only"> (${s.title})</span></a></li>`)}</ul>`
  : ''}
</section>

<section aria-labelledby="h-closures"><h2 id="h-closures">${L(lang, 'Hari tutup dan libur kantor', 'Office closures and holidays')}</h2>
<p class="meta">${L(lang, 'Hari yang ditambahkan tidak dihitung sebagai hari kerja untuk batas waktu yang dihitung sejak disimpan. Hari yang sudah mulai atau lewat tidak dapat dihapus karena sudah dihitung.', 'Days added do not count as working days in due dates computed from then on. A day that has begun or passed cannot be removed: it has already counted.')}</p>
<h3>${L(lang, 'Akan datang', 'Upcoming')}</h3>
${v.upcoming.length ? closureList(shell, v.upcoming, L(lang, 'Hari tutup yang akan datang', 'Upcoming closures')) : html`<p>${L(lang, 'Belum ada hari tutup yang akan datang.', 'No upcoming closures.')}</p>`}
<h3 id="h-add">${L(lang, 'Tambah hari tutup atau libur', 'Add a closure or holiday')}</h3>
${errorSummary(lang, problems)}
<form method="post" action="${withLang(`${CALENDAR_PATH}/tutup`, lang)}" class="intake" aria-labelledby="h-add">${csrfField(shell)}
<div class="field"><label for="c-date">${L(lang, 'Tanggal', 'Date')}</label><input id="c-date" type="date" name="date" required min="${v.today}" value="${val('date')}"${invalidAttrs(problems, 'date')}>${fieldError(lang, problems, 'date')}</div>
<div class="field"><label for="c-to">${L(lang, 'Sampai tanggal (kosongkan untuk satu hari)', 'Until (leave empty for one day)')}</label><input id="c-to" type="date" name="to" min="${v.today}" value="${val('to')}"${invalidAttrs(problems, 'to')}>${fieldError(lang, problems, 'to')}</div>
<div class="field"><label for="c-kind">${L(lang, 'Jenis', 'Kind')}</label><select id="c-kind" name="kind"${invalidAttrs(problems, 'kind')}>${(['closure', 'holiday', 'cuti-bersama'] as const).map((k) => html`<option value="${k}"${val('kind') === k ? ' selected' : ''}>${kindName(lang, k)}</option>`)}</select>${fieldError(lang, problems, 'kind')}</div>
<div class="field"><label for="c-reason">${L(lang, 'Alasan (tampil bagi petugas dan dalam riwayat)', 'Reason (shown to staff and in the history)')}</label><input id="c-reason" type="text" name="reason" required maxlength="300" value="${val('reason')}"${invalidAttrs(problems, 'reason')}>${fieldError(lang, problems, 'reason')}</div>
<button type="submit" class="primary">${L(lang, 'Tambah', 'Add')}</button></form>
${v.past.length
  ? html`<h3>${L(lang, 'Sudah lewat', 'Past')}</h3>${v.past.map((y) => html`<h4>${y.year}</h4>${closureList(shell, y.groups, `${L(lang, 'Hari tutup', 'Closures')} ${y.year}`)}`)}`
  : ''}
</section>

<section aria-labelledby="h-national"><h2 id="h-national">${L(lang, 'Libur nasional dan cuti bersama (SKB 3 Menteri)', 'National holidays and cuti bersama (joint ministerial decree)')}</h2>
<p class="meta">${L(lang, 'Dari berkas data calendars/indonesia.yaml; berlaku untuk semua kantor. Libur yang diumumkan belakangan dapat ditambahkan di atas.', 'From the data file calendars/indonesia.yaml, for every office. A holiday announced later can be added above.')}</p>
${v.missingYears.map((y) => html`<p class="notice">${L(lang, `Belum ada data libur nasional ${y}: batas waktu yang melewati tahun ${y} bersifat sementara.`, `No national holiday data for ${y} yet: due dates reaching into ${y} are provisional.`)}</p>`)}
${v.holidays.map(
  (y) => html`<h3>${y.year}</h3><div class="table-wrap" tabindex="0"><table class="queue"><caption class="sr-only">${L(lang, 'Libur nasional', 'National holidays')} ${y.year}</caption><thead><tr><th scope="col">${L(lang, 'Tanggal', 'Date')}</th><th scope="col">${L(lang, 'Nama', 'Name')}</th><th scope="col">${L(lang, 'Jenis', 'Kind')}</th></tr></thead>
<tbody>${y.days.map((d) => html`<tr><td>${formatDate(lang, d.date)}</td><td lang="id">${d.name}</td><td>${kindName(lang, d.kind)}</td></tr>`)}</tbody></table></div>`,
)}
</section>

<section aria-labelledby="h-changes"><h2 id="h-changes">${L(lang, 'Riwayat perubahan', 'Change history')}</h2>
${v.changes.length ? html`<ul class="timeline">${v.changes.map((c) => html`<li>${changeText(lang, c, tz)}</li>`)}</ul>` : html`<p>${L(lang, 'Belum ada perubahan.', 'No changes yet.')}</p>`}
</section>`;
  return staffPage(shell, { title: L(lang, 'Jam layanan dan hari libur', 'Service hours and holidays'), path: CALENDAR_PATH, body });
}

/** Closures as a list of cards (a five-column table would not fit a phone). */
function closureList(shell: StaffShell, groups: readonly ClosureGroup[], label: string): Raw {
  const { lang } = shell;
  return html`<ul class="cards closures" aria-label="${label}">${groups.map(
    (g) => html`<li><strong>${rangeText(lang, g.from, g.to)}</strong>${g.days > 1 ? html` <span class="meta">(${g.days} ${L(lang, 'hari', 'days')})</span>` : ''}
<p>${kindName(lang, g.kind)} · ${g.reason}</p>
<p class="meta">${L(lang, 'Dicatat', 'Recorded by')} ${g.createdBy}, ${when(lang, g.createdAtLocal)}</p>
${g.removable
  ? html`<form method="post" action="${withLang(`${CALENDAR_PATH}/tutup/${g.groupId}/hapus`, lang)}">${csrfField(shell)}<button type="submit" class="reject">${L(lang, 'Hapus', 'Remove')}<span class="sr-only"> ${rangeText(lang, g.from, g.to)}</span></button></form>`
  : html`<p class="meta">${L(lang, 'Sudah berjalan atau lewat: sudah dihitung, tidak dapat dihapus', 'Begun or passed: already counted, cannot be removed')}</p>`}</li>`,
  )}</ul>`;
}

const rangeText = (lang: Lang, from: string, to: string) => (from === to ? formatDate(lang, from) : `${formatDate(lang, from)} – ${formatDate(lang, to)}`);

function changeText(lang: Lang, c: CalendarChange, tz: string): Raw {
  const who = html`<span class="meta">${when(lang, c.atLocal)} · ${c.actor}</span>`;
  if ('dates' in c) {
    const what = c.action === 'calendar.closure.add' ? L(lang, 'Hari tutup ditambahkan', 'Closure added') : L(lang, 'Hari tutup dihapus', 'Closure removed');
    const dates = c.dates.length ? rangeText(lang, c.dates[0]!, c.dates[c.dates.length - 1]!) : '';
    return html`${what}: ${dates} (${c.reason}) ${who}`;
  }
  const scope = c.scope ? ` (${c.scope})` : '';
  const what = c.action === 'calendar.hours.set' ? L(lang, 'Jam layanan ditetapkan', 'Hours set') : L(lang, 'Jam layanan kembali ke keputusan/bawaan', 'Hours back to the decree or default');
  return html`${what}${scope} ${who}${c.after ? weekText(lang, c.after, tz) : ''}`;
}

export interface HoursFormData {
  officeName: string;
  timezone: string;
  /** Null for the office's own hours. */
  service: { slug: string; title: string } | null;
  inForce: HoursInForce;
}

/** The form that sets weekly hours: one fieldset per weekday, two bands each, and the basis of a change from the decree. */
export function hoursPage(shell: StaffShell, d: HoursFormData, notes: { problems?: readonly Problem[]; values?: Record<string, string> } = {}): string {
  const { lang } = shell;
  const problems = notes.problems ?? [];
  const current = daysOf(d.inForce.hours.week);
  const sent = notes.values;
  const val = (day: string, i: number, k: 'open' | 'close') => (sent ? (sent[`days.${day}.${i}.${k}`] ?? '') : (current[day as keyof typeof current][i]?.[k] ?? ''));
  const checked = (k: 'allDay' | 'closedOnHolidays') => ((sent ? sent[k] === 'on' : d.inForce.hours[k]) ? ' checked' : '');
  const path = `${CALENDAR_PATH}/jam${d.service ? `/${d.service.slug}` : ''}`;
  const title = d.service ? `${L(lang, 'Jam layanan', 'Service hours')}: ${d.service.title}` : L(lang, 'Jam layanan kantor', 'Office service hours');
  const decree = d.inForce.base.source === 'decree';
  const body = html`<h1>${title}</h1>
<p class="meta">${d.officeName} · ${L(lang, 'zona waktu', 'time zone')} ${zoneAbbr(d.timezone)}</p>
<p><a href="${withLang(CALENDAR_PATH, lang)}">${L(lang, 'Kembali ke jam layanan dan hari libur', 'Back to service hours and holidays')}</a></p>
<h2>${L(lang, 'Berlaku sekarang', 'In force now')}</h2>
${weekText(lang, d.inForce.hours, d.timezone)}
${sourceText(lang, d.inForce)}
${decree
  ? html`<p class="notice">${L(lang, 'Jam ini ditetapkan dalam keputusan. Anda boleh menetapkan jam lain hanya dengan menyebut dasarnya (mis. surat edaran jam kerja Ramadan); dasar itu tampil di halaman publik di samping kutipan keputusan.', 'The decree sets these hours. You may set other hours only by stating the basis (e.g. a circular on Ramadan working hours); the public page shows it beside the decree quote.')}</p>`
  : ''}
<h2 id="h-form">${L(lang, 'Tetapkan jam', 'Set the hours')}</h2>
<p class="help">${L(lang, 'Isi jam buka dan tutup untuk setiap hari layanan (JJ:MM, 00:00–24:00); rentang kedua untuk istirahat, mis. Jumat 08:00–11:00 dan 13:30–16:00. Kosongkan hari yang tutup. Berlaku untuk batas waktu yang dihitung sejak disimpan.', 'Give opening and closing times for each service day (HH:MM, 00:00–24:00); the second band is for a break, e.g. Friday 08:00–11:00 and 13:30–16:00. Leave closed days empty. Applies to due dates computed from the moment it is saved.')}</p>
${errorSummary(lang, problems)}
<form method="post" action="${withLang(path, lang)}" class="intake" aria-labelledby="h-form">${csrfField(shell)}
${fieldError(lang, problems, 'days')}
<div class="days">${WEEKDAYS.map(
  (day) => html`<fieldset class="day"><legend>${dayName(lang, day)}</legend>${fieldError(lang, problems, `days.${day}`)}${[0, 1].map((i) => {
    const f = (k: 'open' | 'close') => `days.${day}.${i}.${k}`;
    const band = i === 0 ? L(lang, 'rentang 1', 'band 1') : L(lang, 'rentang 2', 'band 2');
    // The two times side by side, their problems under both (beside the pair, and named by aria-describedby).
    return html`<div class="band"><div class="field"><label for="${f('open')}">${L(lang, 'Buka', 'Opens')} <span class="sr-only">${dayName(lang, day)} ${band}</span></label><input type="time" id="${f('open')}" name="${f('open')}" value="${val(day, i, 'open')}"${invalidAttrs(problems, f('open'))}></div>
<div class="field"><label for="${f('close')}">${L(lang, 'Tutup', 'Closes')} <span class="sr-only">${dayName(lang, day)} ${band}</span></label><input type="time" id="${f('close')}" name="${f('close')}" value="${val(day, i, 'close')}"${invalidAttrs(problems, f('close'))}></div></div>
${fieldError(lang, problems, f('open'))}${fieldError(lang, problems, f('close'))}`;
  })}</fieldset>`,
)}</div>
<div class="field check"><input type="checkbox" id="h-holidays" name="closedOnHolidays"${checked('closedOnHolidays')}><label for="h-holidays">${L(lang, 'Tutup pada hari libur nasional dan cuti bersama', 'Closed on national holidays and cuti bersama')}</label></div>
${d.service ? html`<div class="field check"><input type="checkbox" id="h-allday" name="allDay"${checked('allDay')}><label for="h-allday">${L(lang, 'Setiap hari, 24 jam (jam di atas diabaikan)', 'Every day, 24 hours (the times above are ignored)')}</label></div>` : ''}
<div class="field"><label for="h-reason">${decree ? L(lang, 'Dasar perubahan (wajib, tampil di halaman publik)', 'Basis for the change (required, shown on the public page)') : L(lang, 'Catatan (tidak wajib)', 'Note (optional)')}</label><textarea id="h-reason" name="reason" rows="2" maxlength="300"${invalidAttrs(problems, 'reason')}>${sent?.reason ?? d.inForce.setting?.reason ?? ''}</textarea>${fieldError(lang, problems, 'reason')}</div>
<button type="submit" class="primary">${L(lang, 'Simpan jam', 'Save hours')}</button></form>
${d.inForce.setting
  ? html`<form method="post" action="${withLang(`${path}/reset`, lang)}" class="secondary-form">${csrfField(shell)}<button type="submit" class="return">${decree ? L(lang, 'Kembalikan ke jam keputusan', 'Back to the decree hours') : L(lang, 'Kembalikan ke jadwal bawaan', 'Back to the default week')}</button></form>`
  : ''}`;
  return staffPage(shell, { title, path, body });
}

/** A calendar page refused to this officer (not an office admin), said in the page's language. */
export function calendarRefusedPage(shell: StaffShell, message: string): string {
  const title = L(shell.lang, 'Jam layanan dan hari libur', 'Service hours and holidays');
  return staffPage(shell, { title, path: CALENDAR_PATH, body: html`<h1>${title}</h1><p role="alert">${message}</p>` });
}
