// The admin's calendar views without a database: where the hours come from, closures by time, the hours form with problems beside fields, both languages, escaped.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calendarPage, calendarRefusedPage, hoursPage } from '../../../src/http/pages/calendar-views.js';
import { hoursBlock } from '../../../src/http/pages/catalogue-views.js';
import { staffNav } from '../../../src/http/pages/layout.js';
import type { OfficeCalendarOverview } from '../../../src/usecases/calendar/read-office-calendar.js';
import type { HoursInForce } from '../../../src/usecases/sla-clock.js';

const shell = (lang: 'id' | 'en' = 'id') => ({ lang, displayName: 'Admin <Jambi>', csrf: 'CSRF-TOKEN-1', roles: ['admin'] });
const DECREE = { source: 'decree' as const, text: 'Senin s.d. Kamis pukul 07.30 - 16.00 WIB Jumat 07.30 - 11.00 WIB', allDay: false, week: [{ days: ['mon' as const, 'tue' as const, 'wed' as const, 'thu' as const], open: '07:30', close: '16:00' }, { days: ['fri' as const], open: '07:30', close: '11:00' }], closedOnHolidays: true };
const RAMADAN = { allDay: false, week: [{ days: ['mon' as const, 'tue' as const, 'wed' as const, 'thu' as const], open: '08:00', close: '14:00' }, { days: ['fri' as const], open: '08:00', close: '11:00' }], closedOnHolidays: true };
const set: HoursInForce = { hours: { ...DECREE, ...RAMADAN }, base: DECREE, setting: { scope: '', hours: RAMADAN, reason: 'SE Wali Kota <800>/12/2026', setBy: 'Admin Jambi', setAt: '2026-02-16T02:00:00.000Z' } };
const decreeOnly: HoursInForce = { hours: DECREE, base: DECREE, setting: null };

const group = (from: string, to: string, removable: boolean, reason = 'Banjir <kantor>') => ({ groupId: `g-${from}`, from, to, days: to === from ? 1 : 2, reason, kind: 'closure' as const, createdBy: 'Admin Jambi', createdAtLocal: 'Senin, 6 April 2026 08.00 WIB', removable });
const overview: OfficeCalendarOverview = {
  office: { slug: 'kota-jambi', name: 'Dinas Sosial Kota Jambi', timezone: 'Asia/Jakarta' },
  today: '2026-04-06',
  hours: set,
  services: [{ slug: 'distribusi-logistik-bencana', no: 1, title: 'Distribusi Logistik Bencana', inForce: { hours: { source: 'decree', text: 'Setiap hari selama 24 jam', allDay: true, week: [], closedOnHolidays: false }, base: { source: 'decree', text: 'Setiap hari selama 24 jam', allDay: true, week: [], closedOnHolidays: false }, setting: null } }],
  upcoming: [group('2026-04-06', '2026-04-06', false), group('2026-04-13', '2026-04-14', true)],
  past: [{ year: 2025, groups: [group('2025-12-31', '2025-12-31', false, 'Pindahan arsip')] }],
  holidays: [{ year: 2026, days: [{ date: '2026-05-01', name: 'Hari Buruh Internasional', kind: 'holiday' }] }],
  missingYears: [2027],
  changes: [
    { action: 'calendar.closure.add', actor: 'Admin Jambi', atLocal: 'Senin, 6 April 2026 08.00 WIB', dates: ['2026-04-13', '2026-04-14'], reason: 'Banjir <kantor>' },
    { action: 'calendar.hours.set', actor: 'Admin Jambi', atLocal: 'Senin, 16 Februari 2026 09.00 WIB', scope: null, after: RAMADAN, reason: 'SE' },
  ],
};

describe('the admin calendar views', () => {
  it('the overview says where the hours come from, quotes the decree, lists upcoming closures (removable only when wholly ahead) before past years', () => {
    const p = calendarPage(shell(), overview, { ok: 'Jam layanan disimpan.' });
    assert.ok(p.includes('Senin–Kamis: 08.00–14.00 WIB'));
    assert.ok(p.includes('Ditetapkan admin kantor (Admin Jambi) · dasar: SE Wali Kota &lt;800&gt;/12/2026 · keputusan menyebut: “Senin s.d. Kamis pukul 07.30 - 16.00 WIB'));
    assert.ok(p.includes('Setiap hari, 24 jam') && p.includes('href="/petugas/kalender/jam/distribusi-logistik-bencana"'));
    assert.ok(p.indexOf('Akan datang') < p.indexOf('13 April 2026 – 14 April 2026') && p.indexOf('13 April 2026 – 14 April 2026') < p.indexOf('Sudah lewat'));
    assert.equal((p.match(/\/hapus"/g) ?? []).length, 1, 'only the closure wholly ahead has a remove button');
    assert.ok(p.includes('action="/petugas/kalender/tutup/g-2026-04-13/hapus"'));
    assert.ok(p.includes('Sudah berjalan atau lewat'));
    assert.ok(p.includes('<h4>2025</h4>') && p.includes('Pindahan arsip'));
    assert.ok(p.includes('Belum ada data libur nasional 2027') && p.includes('Hari Buruh Internasional'));
    assert.ok(p.includes('Banjir &lt;kantor&gt;') && !p.includes('Banjir <kantor>'), 'reasons are escaped');
    assert.ok(p.includes('name="_csrf" value="CSRF-TOKEN-1"'));
    assert.ok(p.includes('role="status"') && p.includes('Jam layanan disimpan.'));
    assert.ok(p.includes('min="2026-04-06"'), 'the date pickers start today');
    const en = calendarPage(shell('en'), overview);
    assert.ok(en.includes('<html lang="en">') && en.includes('Set by the office admin') && en.includes('Upcoming') && en.includes('No national holiday data for 2027') && en.includes('action="/petugas/kalender/tutup?lang=en"'));
  });

  it('the closure form shows each problem beside its field and keeps what was typed', () => {
    const p = calendarPage(shell(), overview, { problems: [{ field: 'date', code: 'date-past', message: 'Tanggal 2026-04-03 sudah lewat', messageEn: '2026-04-03 has passed' }], values: { date: '2026-04-03', reason: 'Lupa <dicatat>', kind: 'holiday' } });
    assert.ok(p.includes('id="c-date" type="date" name="date" required min="2026-04-06" value="2026-04-03" aria-invalid="true" aria-describedby="err-date"'));
    assert.ok(p.includes('<p class="field-error" id="err-date">Tanggal 2026-04-03 sudah lewat</p>'));
    assert.ok(p.includes('value="Lupa &lt;dicatat&gt;"') && p.includes('<option value="holiday" selected>'));
  });

  it('the hours form is filled with the hours in force, asks for a basis when the decree sets them, and offers to go back to the decree', () => {
    const p = hoursPage(shell(), { officeName: 'Dinas Sosial Kota Jambi', timezone: 'Asia/Jakarta', service: null, inForce: set });
    assert.ok(p.includes('name="days.mon.0.open" value="08:00"') && p.includes('name="days.mon.0.close" value="14:00"') && p.includes('name="days.mon.1.open" value=""'));
    assert.ok(p.includes('name="days.sat.0.open" value=""'));
    assert.ok(p.includes('Dasar perubahan (wajib, tampil di halaman publik)') && p.includes('SE Wali Kota &lt;800&gt;/12/2026</textarea>'));
    assert.ok(p.includes('action="/petugas/kalender/jam/reset"') && p.includes('Kembalikan ke jam keputusan'));
    assert.ok(p.includes('id="h-holidays" name="closedOnHolidays" checked'));
    assert.ok(!p.includes('name="allDay"'), 'the office as a whole is not a 24-hour service');
    const fresh = hoursPage(shell('en'), { officeName: 'Dinas Sosial Kota Jambi', timezone: 'Asia/Jakarta', service: { slug: 'distribusi-logistik-bencana', title: 'Distribusi Logistik Bencana' }, inForce: decreeOnly }, {
      problems: [{ field: 'days.fri.1.open', code: 'bands-overlap', message: 'Jumat: rentang 10:30–16:00 bertumpuk dengan 07:30–11:00', messageEn: 'Friday: band 10:30–16:00 overlaps 07:30–11:00' }],
      values: { 'days.fri.0.open': '07:30', 'days.fri.0.close': '11:00', 'days.fri.1.open': '10:30', 'days.fri.1.close': '16:00' },
    });
    assert.ok(fresh.includes('Service hours: Distribusi Logistik Bencana') && fresh.includes('action="/petugas/kalender/jam/distribusi-logistik-bencana?lang=en"'));
    assert.ok(fresh.includes('name="days.fri.1.open" value="10:30" aria-invalid="true" aria-describedby="err-days-fri-1-open"'));
    assert.ok(fresh.includes('<p class="field-error" id="err-days-fri-1-open">Friday: band 10:30–16:00 overlaps 07:30–11:00</p>'));
    assert.ok(fresh.includes('name="days.mon.0.open" value=""'), 'what was sent is shown, not the hours in force');
    assert.ok(fresh.includes('name="allDay"') && !fresh.includes('/reset'), 'nothing set yet, nothing to go back from');
  });

  it('the public hours block: the default notice goes once the admin sets the real week; a basis is shown beside the decree', () => {
    const def = { source: 'default' as const, allDay: false, week: RAMADAN.week, closedOnHolidays: true };
    assert.match(hoursBlock('id', def, 'Asia/Jakarta').html, /sampai admin kantor menetapkan jadwal sebenarnya/);
    const real = hoursBlock('id', def, 'Asia/Jakarta', { reason: null }).html;
    assert.doesNotMatch(real, /sampai admin kantor/);
    assert.match(real, /Ditetapkan oleh admin kantor</);
    const based = hoursBlock('en', set.hours, 'Asia/Jakarta', set.setting).html;
    assert.match(based, /Set by the office admin: SE Wali Kota &lt;800&gt;\/12\/2026/);
    assert.match(based, /As decreed: “Senin s\.d\. Kamis/);
  });

  it('the staff menu links the calendar for an admin only; a refused officer reads why', () => {
    assert.match(staffNav(shell()).html, /href="\/petugas\/kalender">Jam &amp; hari libur/);
    assert.doesNotMatch(staffNav({ ...shell(), roles: ['front-office'] }).html, /kalender/);
    const refused = calendarRefusedPage({ ...shell('en'), roles: ['front-office'] }, 'Only an office admin can set service hours and closures');
    assert.ok(refused.includes('<p role="alert">Only an office admin can set service hours and closures</p>'));
  });
});
