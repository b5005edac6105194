/**
 * Working calendars and the SLA clock, as a specification. Every expected instant below was worked
 * out by hand from the calendar (2025-03-31 is a Monday, 2026-03-20 a Friday, 2026-04-03 Good
 * Friday, 2026-04-05 Easter Sunday) and the offices' hours; none is computed by the code under test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { OfficeCalendar, parseHolidayData, type CalendarHours, type Closure, type HolidayYear } from '../../../src/domain/calendar/index.js';
import { ServiceHours, Sla } from '../../../src/domain/standards/schema.js';
import { loadCalendarFile, parseCalendarFile } from '../../../src/io/calendar-file.js';

const CALENDAR_FILE = fileURLToPath(new URL('../../../calendars/indonesia.yaml', import.meta.url));
const HOLIDAYS = loadCalendarFile(CALENDAR_FILE);

/** Kota Jambi: Mon–Thu 07:30–16:00, Fri 07:30–11:00, WIB. */
const JAMBI_HOURS: CalendarHours = {
  week: [
    { days: ['mon', 'tue', 'wed', 'thu'], open: '07:30', close: '16:00' },
    { days: ['fri'], open: '07:30', close: '11:00' },
  ],
  closedOnHolidays: true,
};
/** Kota Semarang: Mon–Thu 08:00–14:00, Fri 08:00–12:00, WIB. */
const SEMARANG_HOURS: CalendarHours = {
  week: [
    { days: ['mon', 'tue', 'wed', 'thu'], open: '08:00', close: '14:00' },
    { days: ['fri'], open: '08:00', close: '12:00' },
  ],
};
/** Kota Banjarmasin default week: Mon–Thu 08:00–16:00, Fri 08:00–11:00, WITA. */
const BANJARMASIN_HOURS: CalendarHours = {
  week: [
    { days: ['mon', 'tue', 'wed', 'thu'], open: '08:00', close: '16:00' },
    { days: ['fri'], open: '08:00', close: '11:00' },
  ],
};
/** A disaster service: every day, 24 hours, holidays included. */
const EMERGENCY_HOURS: CalendarHours = { allDay: true, closedOnHolidays: false };

const cal = (timezone: string, hours: CalendarHours, closures: Closure[] = [], holidays: HolidayYear[] = HOLIDAYS) =>
  new OfficeCalendar({ timezone, hours, holidays, closures });

const jambi = cal('Asia/Jakarta', JAMBI_HOURS);
const semarang = cal('Asia/Jakarta', SEMARANG_HOURS);
const banjarmasin = cal('Asia/Makassar', BANJARMASIN_HOURS);
const emergency = cal('Asia/Jakarta', EMERGENCY_HOURS);

const datesOf = (year: number, kind: 'holiday' | 'cuti-bersama') =>
  HOLIDAYS.find((y) => y.year === year)
    ?.days.filter((d) => d.kind === kind)
    .map((d) => d.date);
const nameOn = (date: string) => HOLIDAYS.flatMap((y) => y.days).find((d) => d.date === date)?.name ?? '';

/* ------------------------------------------------------------------------------------------ */

describe('holiday data: calendars/indonesia.yaml', () => {
  it('lists exactly the 2025 national holidays and cuti bersama of the SKB', () => {
    assert.deepEqual(datesOf(2025, 'holiday'), [
      '2025-01-01', '2025-01-27', '2025-01-29', '2025-03-29', '2025-03-31', '2025-04-01', '2025-04-18', '2025-04-20',
      '2025-05-01', '2025-05-12', '2025-05-29', '2025-06-01', '2025-06-06', '2025-06-27', '2025-08-17', '2025-09-05',
      '2025-12-25',
    ]);
    assert.deepEqual(datesOf(2025, 'cuti-bersama'), [
      '2025-01-28', '2025-03-28', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-07', '2025-05-13', '2025-05-30',
      '2025-06-09', '2025-08-18', '2025-12-26',
    ]);
  });

  it('lists exactly the 2026 national holidays and cuti bersama of the SKB', () => {
    assert.deepEqual(datesOf(2026, 'holiday'), [
      '2026-01-01', '2026-01-16', '2026-02-17', '2026-03-19', '2026-03-21', '2026-03-22', '2026-04-03', '2026-04-05',
      '2026-05-01', '2026-05-14', '2026-05-27', '2026-05-31', '2026-06-01', '2026-06-16', '2026-08-17', '2026-08-25',
      '2026-12-25',
    ]);
    assert.deepEqual(datesOf(2026, 'cuti-bersama'), [
      '2026-02-16', '2026-03-18', '2026-03-20', '2026-03-23', '2026-03-24', '2026-05-15', '2026-05-28', '2026-12-24',
    ]);
  });

  it('puts the right name on each kind of holiday', () => {
    const expected: [string, string][] = [
      ['2025-01-01', 'Tahun Baru'],
      ['2025-01-27', 'Isra Mikraj'],
      ['2025-01-29', 'Imlek'],
      ['2025-03-29', 'Nyepi'],
      ['2025-03-31', 'Idul Fitri'],
      ['2025-04-01', 'Idul Fitri'],
      ['2025-04-07', 'Idul Fitri'],
      ['2025-04-18', 'Wafat Yesus Kristus'],
      ['2025-04-20', 'Paskah'],
      ['2025-05-01', 'Hari Buruh'],
      ['2025-05-12', 'Waisak'],
      ['2025-05-29', 'Kenaikan Yesus Kristus'],
      ['2025-06-01', 'Pancasila'],
      ['2025-06-06', 'Idul Adha'],
      ['2025-06-27', 'Tahun Baru Islam'],
      ['2025-08-17', 'Kemerdekaan'],
      ['2025-09-05', 'Maulid Nabi'],
      ['2025-12-25', 'Natal'],
      ['2026-03-19', 'Nyepi'],
      ['2026-03-21', 'Idul Fitri'],
      ['2026-03-24', 'Idul Fitri'],
      ['2026-04-03', 'Wafat Yesus Kristus'],
      ['2026-04-05', 'Paskah'],
      ['2026-05-14', 'Kenaikan Yesus Kristus'],
      ['2026-05-27', 'Idul Adha'],
      ['2026-05-31', 'Waisak'],
      ['2026-06-16', 'Tahun Baru Islam'],
      ['2026-08-25', 'Maulid Nabi'],
    ];
    for (const [date, part] of expected) assert.ok(nameOn(date).includes(part), `${date}: "${nameOn(date)}" should mention ${part}`);
  });

  it('names the SKB 3 Menteri as the source of each year and records the August 2025 amendment', () => {
    const y2025 = HOLIDAYS.find((y) => y.year === 2025);
    const y2026 = HOLIDAYS.find((y) => y.year === 2026);
    assert.equal(y2025?.source, 'SKB 3 Menteri tentang Hari Libur Nasional dan Cuti Bersama Tahun 2025');
    assert.equal(y2026?.source, 'SKB 3 Menteri tentang Hari Libur Nasional dan Cuti Bersama Tahun 2026');
    assert.match(y2025?.note ?? '', /18 Agustus 2025/);
    assert.match(y2025?.days.find((d) => d.date === '2025-08-18')?.note ?? '', /Agustus 2025/);
  });

  it('rejects an unknown kind and an impossible date', () => {
    const r = parseHolidayData([
      {
        year: 2027,
        source: 'SKB',
        days: [
          { date: '2027-04-01', name: 'C', kind: 'libur' },
          { date: '2027-02-30', name: 'D', kind: 'holiday' },
        ],
      },
    ]);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(r.error.map((p) => `${p.code} ${p.path.join('.')}`).sort(), ['invalid-date 0.days.1.date', 'invalid-value 0.days.0.kind']);
    assert.ok(r.error.every((p) => p.message.length > 0 && p.messageEn.length > 0));
  });

  it('rejects a day outside its year and a date listed twice', () => {
    const r = parseHolidayData([
      {
        year: 2027,
        source: 'SKB',
        days: [
          { date: '2028-01-01', name: 'Tahun Baru', kind: 'holiday' },
          { date: '2027-03-10', name: 'A', kind: 'holiday' },
          { date: '2027-03-10', name: 'B', kind: 'cuti-bersama' },
        ],
      },
    ]);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(r.error.map((p) => `${p.code} ${p.path.join('.')}`).sort(), ['date-outside-year 0.days.0.date', 'duplicate-date 0.days.2.date']);
    assert.match(r.error.find((p) => p.code === 'duplicate-date')?.message ?? '', /2027-03-10/);
  });

  it('rejects a year listed twice and a year without a source', () => {
    const r = parseHolidayData([
      { year: 2027, source: 'SKB 2027', days: [] },
      { year: 2027, source: '', days: [] },
    ]);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(r.error.map((p) => `${p.code} ${p.path.join('.')}`).sort(), ['duplicate-year 1.year', 'empty 1.source']);
  });

  it('reports a bad calendar file with its line number', () => {
    const text = ['- year: 2027', '  source: SKB', '  days:', '    - { date: "2027-02-30", kind: holiday, name: X }', ''].join('\n');
    const r = parseCalendarFile('calendars/uji.yaml', text);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.error.length, 1);
    assert.equal(r.error[0]?.file, 'calendars/uji.yaml');
    assert.equal(r.error[0]?.line, 4);
  });
});

/* ------------------------------------------------------------------------------------------ */

describe('which days are working days', () => {
  it('Jambi around Idul Fitri 2025: closed from Friday 28 March (cuti bersama) to Monday 7 April, open again Tuesday 8 April', () => {
    assert.equal(jambi.isWorkingDay('2025-03-27'), true);
    for (const d of ['2025-03-28', '2025-03-29', '2025-03-30', '2025-03-31', '2025-04-01', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-05', '2025-04-06', '2025-04-07'])
      assert.equal(jambi.isWorkingDay(d), false, d);
    assert.equal(jambi.isWorkingDay('2025-04-08'), true);
  });

  it('Jambi around Nyepi and Idul Fitri 2026: closed Wednesday 18 to Tuesday 24 March, open Wednesday 25; closed Good Friday 3 April', () => {
    assert.equal(jambi.isWorkingDay('2026-03-17'), true);
    for (let day = 18; day <= 24; day++) assert.equal(jambi.isWorkingDay(`2026-03-${day}`), false, `2026-03-${day}`);
    assert.equal(jambi.isWorkingDay('2026-03-25'), true);
    assert.equal(jambi.isWorkingDay('2026-04-03'), false);
    assert.equal(jambi.isWorkingDay('2026-04-06'), true);
  });

  it('says why a day is not a working day', () => {
    assert.deepEqual(jambi.describeDay('2026-03-19'), { date: '2026-03-19', working: false, reason: 'holiday', name: 'Hari Suci Nyepi Tahun Baru Saka 1948' });
    assert.equal(jambi.describeDay('2026-03-20').reason, 'cuti-bersama');
    assert.equal(jambi.describeDay('2026-03-28').reason, 'no-hours');
    assert.deepEqual(jambi.describeDay('2026-03-26'), { date: '2026-03-26', working: true, reason: null, name: null });
  });

  it('an office closure closes an otherwise ordinary Thursday', () => {
    const closed = cal('Asia/Jakarta', JAMBI_HOURS, [{ date: '2026-03-26', reason: 'Pindahan kantor' }]);
    assert.equal(closed.isWorkingDay('2026-03-26'), false);
    assert.deepEqual(closed.describeDay('2026-03-26'), { date: '2026-03-26', working: false, reason: 'closure', name: 'Pindahan kantor' });
    assert.equal(closed.isWorkingDay('2026-03-25'), true);
  });

  it('a 24-hour service open on holidays works on Idul Fitri and on weekends', () => {
    assert.equal(emergency.isWorkingDay('2026-03-21'), true);
    assert.equal(emergency.isWorkingDay('2026-03-28'), true);
  });

  it('an office that stays open on holidays works on a cuti bersama Monday but not on Saturday (no hours)', () => {
    const open = cal('Asia/Jakarta', { ...JAMBI_HOURS, closedOnHolidays: false });
    assert.equal(open.isWorkingDay('2026-03-23'), true);
    assert.equal(open.isWorkingDay('2026-03-21'), false);
  });
});

describe('open intervals', () => {
  it('from Thursday 26 March 12:00 to Monday 30 March 09:00 WIB in Jambi: Thursday afternoon, Friday morning, Monday from 07:30', () => {
    const got = jambi.openIntervals('2026-03-26T12:00:00+07:00', '2026-03-30T09:00:00+07:00').map((i) => [i.start.toString(), i.end.toString()]);
    assert.deepEqual(got, [
      ['2026-03-26T05:00:00Z', '2026-03-26T09:00:00Z'],
      ['2026-03-27T00:30:00Z', '2026-03-27T04:00:00Z'],
      ['2026-03-30T00:30:00Z', '2026-03-30T02:00:00Z'],
    ]);
  });
});

/* ------------------------------------------------------------------------------------------ */

describe('minutes and hours count open service time', () => {
  it('a 15-minute service started Friday 10:50 WIB in Jambi ends Monday 07:35', () => {
    const r = jambi.addDuration('2026-03-27T10:50:00+07:00', 15, 'minutes');
    assert.equal(r.dueAt, '2026-03-30T07:35:00+07:00');
    assert.equal(r.dueAtLocal, 'Senin, 30 Maret 2026 07.35 WIB');
    assert.deepEqual(r.warnings, []);
  });

  it('15 minutes started Tuesday 17 March 2026 15:50 skip Nyepi and Idul Fitri and end Wednesday 25 March 07:35', () => {
    assert.equal(jambi.addDuration('2026-03-17T15:50:00+07:00', 15, 'minutes').dueAt, '2026-03-25T07:35:00+07:00');
  });

  it('2 hours started Thursday 27 March 2025 15:00 skip Idul Fitri 2025 and end Tuesday 8 April 08:30', () => {
    assert.equal(jambi.addDuration('2025-03-27T15:00:00+07:00', 2, 'hours').dueAt, '2025-04-08T08:30:00+07:00');
  });

  it('a start before opening counts from the opening: 30 minutes from Monday 06:00 end at 08:00', () => {
    assert.equal(jambi.addDuration('2026-03-30T06:00:00+07:00', 30, 'minutes').dueAt, '2026-03-30T08:00:00+07:00');
  });

  it('a start after closing counts from the next opening: 30 minutes from Monday 17:00 end Tuesday 08:00', () => {
    assert.equal(jambi.addDuration('2026-03-30T17:00:00+07:00', 30, 'minutes').dueAt, '2026-03-31T08:00:00+07:00');
  });

  it('a start on Saturday counts from Monday: 1 hour from Saturday 10:00 ends Monday 08:30', () => {
    assert.equal(jambi.addDuration('2026-03-28T10:00:00+07:00', 1, 'hours').dueAt, '2026-03-30T08:30:00+07:00');
  });

  it('a budget ending exactly at closing time is due at closing time, not at the next opening', () => {
    const r = jambi.addDuration('2026-03-26T15:00:00+07:00', 60, 'minutes');
    assert.equal(r.dueAt, '2026-03-26T16:00:00+07:00');
    assert.equal(r.dueAtLocal, 'Kamis, 26 Maret 2026 16.00 WIB');
  });

  it('10 hours from Monday 12:00 use Monday afternoon (4 h) and end Tuesday 13:30', () => {
    assert.equal(jambi.addDuration('2026-03-30T12:00:00+07:00', 10, 'hours').dueAt, '2026-03-31T13:30:00+07:00');
  });

  it('24 hours on office hours are three working days of time: Monday 08:00 → Wednesday 15:00', () => {
    assert.equal(jambi.addDuration('2026-03-30T08:00:00+07:00', 24, 'hours').dueAt, '2026-04-01T15:00:00+07:00');
  });

  it('Semarang: 3 hours from Friday 11:00 use the last Friday hour (closes 12:00) and end Monday 10:00', () => {
    assert.equal(semarang.addDuration('2026-03-27T11:00:00+07:00', 3, 'hours').dueAt, '2026-03-30T10:00:00+07:00');
  });

  it('Semarang: 6 hours from Monday 08:00 end at closing time 14:00 the same day', () => {
    assert.equal(semarang.addDuration('2026-03-30T08:00:00+07:00', 6, 'hours').dueAt, '2026-03-30T14:00:00+07:00');
  });

  it('Banjarmasin (WITA): 30 minutes from Friday 10:45 end Monday 08:15 WITA', () => {
    const r = banjarmasin.addDuration('2026-03-27T10:45:00+08:00', 30, 'minutes');
    assert.equal(r.dueAt, '2026-03-30T08:15:00+08:00');
    assert.equal(r.dueAtLocal, 'Senin, 30 Maret 2026 08.15 WITA');
  });

  it('the start may be given in UTC or as a Temporal.Instant: Friday 02:45Z is 10:45 WITA', () => {
    assert.equal(banjarmasin.addDuration('2026-03-27T02:45:00Z', 30, 'minutes').dueAt, '2026-03-30T08:15:00+08:00');
  });

  it('an instant written in WIB is read in the office zone: 07:45 WIB is 08:45 WITA, so 30 minutes end 09:15 WITA', () => {
    assert.equal(banjarmasin.addDuration('2026-03-30T07:45:00+07:00', 30, 'minutes').dueAt, '2026-03-30T09:15:00+08:00');
  });
});

describe('24x7 services count all elapsed time', () => {
  it('45 minutes on a 24x7 calendar from Saturday 21 March 2026 (Idul Fitri) 23:30 end Sunday 00:15', () => {
    assert.equal(jambi.addDuration('2026-03-21T23:30:00+07:00', 45, 'minutes', '24x7').dueAt, '2026-03-22T00:15:00+07:00');
  });

  it('"1 x 24 jam" is 24 hours on 24x7: Friday 20 March 14:00 WITA → Saturday 21 March 14:00 WITA', () => {
    const r = banjarmasin.addDuration('2026-03-20T14:00:00+08:00', 24, 'hours', '24x7');
    assert.equal(r.dueAt, '2026-03-21T14:00:00+08:00');
    assert.equal(r.dueAtLocal, 'Sabtu, 21 Maret 2026 14.00 WITA');
  });

  it('allDay service hours count elapsed time even when the SLA says office-hours', () => {
    assert.equal(emergency.addDuration('2026-03-21T23:30:00+07:00', 45, 'minutes').dueAt, '2026-03-22T00:15:00+07:00');
  });

  it('working days of an allDay service open on holidays are calendar days closing at 24.00', () => {
    const r = emergency.addDuration('2026-03-21T10:00:00+07:00', 2, 'working_days');
    assert.equal(r.dueAt, '2026-03-24T00:00:00+07:00');
    assert.equal(r.dueAtLocal, 'Senin, 23 Maret 2026 24.00 WIB');
  });
});

/* ------------------------------------------------------------------------------------------ */

describe('working days end at the closing time of the N-th working day after day 0', () => {
  it('1 working day from Monday 30 March 10:00 ends Tuesday 31 March 16:00', () => {
    assert.equal(jambi.addDuration('2026-03-30T10:00:00+07:00', 1, 'working_days').dueAt, '2026-03-31T16:00:00+07:00');
  });

  it('the start day is day 0 whatever the hour: Monday 15:59 + 1 working day is still Tuesday 16:00', () => {
    assert.equal(jambi.addDuration('2026-03-30T15:59:00+07:00', 1, 'working_days').dueAt, '2026-03-31T16:00:00+07:00');
  });

  it('a start Friday 17:00 (after Friday closing 11:00) makes Monday day 0: 1 working day ends Tuesday 16:00', () => {
    assert.equal(jambi.addDuration('2026-03-27T17:00:00+07:00', 1, 'working_days').dueAt, '2026-03-31T16:00:00+07:00');
  });

  it('a start Friday 10:00 (open) makes Friday day 0: 1 working day ends Monday 16:00', () => {
    assert.equal(jambi.addDuration('2026-03-27T10:00:00+07:00', 1, 'working_days').dueAt, '2026-03-30T16:00:00+07:00');
  });

  it('a start before opening on a working day makes that day day 0: Monday 06:00 + 1 → Tuesday 16:00', () => {
    assert.equal(jambi.addDuration('2026-03-30T06:00:00+07:00', 1, 'working_days').dueAt, '2026-03-31T16:00:00+07:00');
  });

  it('a start exactly at closing time is after hours: Monday 16:00 + 1 → Wednesday 1 April 16:00', () => {
    assert.equal(jambi.addDuration('2026-03-30T16:00:00+07:00', 1, 'working_days').dueAt, '2026-04-01T16:00:00+07:00');
  });

  it('0 working days means by closing time of day 0', () => {
    assert.equal(jambi.addDuration('2026-03-30T10:00:00+07:00', 0, 'working_days').dueAt, '2026-03-30T16:00:00+07:00');
  });

  it('a deadline on a Friday is at Friday closing 11:00', () => {
    const r = jambi.addDuration('2026-03-25T09:00:00+07:00', 2, 'working_days');
    assert.equal(r.dueAt, '2026-03-27T11:00:00+07:00');
    assert.equal(r.dueAtLocal, 'Jumat, 27 Maret 2026 11.00 WIB');
  });

  it('3 working days from Tuesday 17 March 2026 skip Nyepi, Idul Fitri and its cuti bersama: Friday 27 March 11:00', () => {
    assert.equal(jambi.addDuration('2026-03-17T10:00:00+07:00', 3, 'working_days').dueAt, '2026-03-27T11:00:00+07:00');
  });

  it('1 working day from Thursday 27 March 2025 ends Tuesday 8 April 2025 16:00 (28 Mar–7 Apr closed)', () => {
    assert.equal(jambi.addDuration('2025-03-27T10:00:00+07:00', 1, 'working_days').dueAt, '2025-04-08T16:00:00+07:00');
  });

  it('5 working days from Wednesday 26 March 2025 end Friday 11 April 2025 11:00', () => {
    assert.equal(jambi.addDuration('2025-03-26T09:00:00+07:00', 5, 'working_days').dueAt, '2025-04-11T11:00:00+07:00');
  });

  it('3 working days from Tuesday 31 March 2026 skip Good Friday: Senin, 6 April 2026 16.00 WIB', () => {
    const r = jambi.addDuration('2026-03-31T09:00:00+07:00', 3, 'working_days');
    assert.equal(r.dueAt, '2026-04-06T16:00:00+07:00');
    assert.equal(r.dueAtLocal, 'Senin, 6 April 2026 16.00 WIB');
  });

  it('a start on a holiday (Nyepi, Thursday 19 March) makes the next working day (Wednesday 25) day 0', () => {
    assert.equal(jambi.addDuration('2026-03-19T09:00:00+07:00', 1, 'working_days').dueAt, '2026-03-26T16:00:00+07:00');
  });

  it('Semarang: 1 working day from Thursday 13:00 ends Friday at 12:00', () => {
    assert.equal(semarang.addDuration('2026-03-26T13:00:00+07:00', 1, 'working_days').dueAt, '2026-03-27T12:00:00+07:00');
  });

  it('Banjarmasin: 2 working days from Friday 12:00 WITA (closed) end Wednesday 1 April 16:00 WITA', () => {
    const r = banjarmasin.addDuration('2026-03-27T12:00:00+08:00', 2, 'working_days');
    assert.equal(r.dueAt, '2026-04-01T16:00:00+08:00');
    assert.equal(r.dueAtLocal, 'Rabu, 1 April 2026 16.00 WITA');
  });

  it('an office closure on Tuesday 31 March pushes 1 working day from Monday to Wednesday', () => {
    const closed = cal('Asia/Jakarta', JAMBI_HOURS, [{ date: '2026-03-31', reason: 'Banjir' }]);
    assert.equal(closed.addDuration('2026-03-30T10:00:00+07:00', 1, 'working_days').dueAt, '2026-04-01T16:00:00+07:00');
  });
});

/* ------------------------------------------------------------------------------------------ */

describe('days, months and years are calendar arithmetic in the office zone', () => {
  it('14 days from Friday 20 March 10:00 end Friday 3 April 10:00, a holiday, and are not pushed to a working day', () => {
    const r = jambi.addDuration('2026-03-20T10:00:00+07:00', 14, 'days');
    assert.equal(r.dueAt, '2026-04-03T10:00:00+07:00');
    assert.equal(r.dueAtLocal, 'Jumat, 3 April 2026 10.00 WIB');
  });

  it('31 January 2026 + 1 month is 28 February 2026 (a Saturday, not pushed)', () => {
    assert.equal(jambi.addDuration('2026-01-31T09:00:00+07:00', 1, 'months').dueAt, '2026-02-28T09:00:00+07:00');
  });

  it('31 January 2028 + 1 month is 29 February 2028, with a warning that 2028 has no holiday data', () => {
    const r = jambi.addDuration('2028-01-31T10:00:00+07:00', 1, 'months');
    assert.equal(r.dueAt, '2028-02-29T10:00:00+07:00');
    assert.equal(r.dueAtLocal, 'Selasa, 29 Februari 2028 10.00 WIB');
    assert.deepEqual(r.warnings.map((w) => [w.code, w.year]), [['no-holiday-data', 2028]]);
  });

  it('29 February 2028 + 1 year is 28 February 2029, warning for both years', () => {
    const r = jambi.addDuration('2028-02-29T10:00:00+07:00', 1, 'years');
    assert.equal(r.dueAt, '2029-02-28T10:00:00+07:00');
    assert.deepEqual(r.warnings.map((w) => w.year), [2028, 2029]);
  });

  it('1 year from Friday 20 March 2026 is Saturday 20 March 2027, with a warning for 2027', () => {
    const r = jambi.addDuration('2026-03-20T10:00:00+07:00', 1, 'years');
    assert.equal(r.dueAt, '2027-03-20T10:00:00+07:00');
    assert.deepEqual(r.warnings.map((w) => w.year), [2027]);
  });

  it('6 months from 31 August 2025 are 28 February 2026, no warning', () => {
    const r = jambi.addDuration('2025-08-31T10:00:00+07:00', 6, 'months');
    assert.equal(r.dueAt, '2026-02-28T10:00:00+07:00');
    assert.deepEqual(r.warnings, []);
  });

  it('1 day in WITA keeps the WITA wall-clock time: Friday 20 March 23:00 WITA → Saturday 21 March 23:00 WITA', () => {
    assert.equal(banjarmasin.addDuration('2026-03-20T15:00:00Z', 1, 'days', '24x7').dueAt, '2026-03-21T23:00:00+08:00');
  });

  it('an office in Asia/Jayapura writes WIT: 1 day from Saturday 21 March 10:00 is Minggu, 22 Maret 2026 10.00 WIT', () => {
    const jayapura = cal('Asia/Jayapura', BANJARMASIN_HOURS);
    const r = jayapura.addDuration('2026-03-21T10:00:00+09:00', 1, 'days');
    assert.equal(r.dueAt, '2026-03-22T10:00:00+09:00');
    assert.equal(r.dueAtLocal, 'Minggu, 22 Maret 2026 10.00 WIT');
  });
});

describe('ranges: the upper bound is the promise, the lower bound the expectation', () => {
  it('"2 s.d. 3 hari kerja" from Tuesday 31 March 10:00 is due Monday 6 April 16:00, expected Thursday 2 April 16:00', () => {
    const r = jambi.slaDue('2026-03-31T10:00:00+07:00', { value: 2, maxValue: 3, unit: 'working_days', calendar: 'office-hours' });
    assert.equal(r?.dueAt, '2026-04-06T16:00:00+07:00');
    assert.equal(r?.expectedAt, '2026-04-02T16:00:00+07:00');
    assert.equal(r?.expectedAtLocal, 'Kamis, 2 April 2026 16.00 WIB');
  });

  it('a single value has no expectedAt; an SLA without a computable limit has no due time', () => {
    const r = jambi.slaDue('2026-03-30T10:00:00+07:00', { value: 1, maxValue: null, unit: 'working_days' });
    assert.equal(r?.dueAt, '2026-03-31T16:00:00+07:00');
    assert.equal(r?.expectedAt, null);
    assert.equal(jambi.slaDue('2026-03-30T10:00:00+07:00', { value: null, unit: null }), null);
  });

  it('the SLA calendar is honoured: 24 hours on 24x7 from Friday 20 March 14:00 WIB end Saturday 14:00', () => {
    const r = jambi.slaDue('2026-03-20T14:00:00+07:00', { value: 24, maxValue: null, unit: 'hours', calendar: '24x7' });
    assert.equal(r?.dueAt, '2026-03-21T14:00:00+07:00');
  });
});

describe('a year without holiday data is computed but warned about', () => {
  it('10 working days from Friday 18 December 2026 run into 2027: Tuesday 5 January 2027 16:00, with a warning', () => {
    // day 0 Fri 18 Dec; 21, 22, 23 Dec; (24 cuti bersama, 25 Natal); 28, 29, 30, 31 Dec; Fri 1 Jan 2027
    // (no 2027 data, so it counts); Mon 4, Tue 5 Jan = 10.
    const r = jambi.addDuration('2026-12-18T09:00:00+07:00', 10, 'working_days');
    assert.equal(r.dueAt, '2027-01-05T16:00:00+07:00');
    assert.equal(r.warnings.length, 1);
    const w = r.warnings[0];
    assert.equal(w?.code, 'no-holiday-data');
    assert.equal(w?.year, 2027);
    assert.match(w?.message ?? '', /Belum ada data hari libur.*2027/);
    assert.match(w?.messageEn ?? '', /No national holiday.*2027/);
  });

  it('a computation from 2025 into 2026 (both with data) has no warning: Wednesday 31 December 2025 + 1 working day → Friday 2 January 2026 11:00', () => {
    const r = jambi.addDuration('2025-12-31T10:00:00+07:00', 1, 'working_days');
    assert.equal(r.dueAt, '2026-01-02T11:00:00+07:00');
    assert.deepEqual(r.warnings, []);
  });

  it('a calendar with no holiday data at all warns, and treats Nyepi as an ordinary Thursday', () => {
    const bare = cal('Asia/Jakarta', JAMBI_HOURS, [], []);
    const r = bare.addDuration('2026-03-18T10:00:00+07:00', 1, 'working_days');
    assert.equal(r.dueAt, '2026-03-19T16:00:00+07:00');
    assert.deepEqual(r.warnings.map((w) => w.year), [2026]);
  });
});

/* ------------------------------------------------------------------------------------------ */

describe('pauses stop the clock', () => {
  it('minutes: 60 minutes from Monday 08:00 with a pause 08:30–10:00 end 10:30 (moved by 90 open minutes)', () => {
    const r = jambi.dueWithPauses('2026-03-30T08:00:00+07:00', 60, 'minutes', 'office-hours', [
      { from: '2026-03-30T08:30:00+07:00', to: '2026-03-30T10:00:00+07:00' },
    ]);
    assert.equal(r.dueAt, '2026-03-30T10:30:00+07:00');
    assert.equal(r.paused, false);
    assert.deepEqual(r.movedBy, { value: 90, unit: 'minutes' });
  });

  it('minutes: a pause over the night moves the deadline only by the open time inside it (30 + 30 minutes)', () => {
    // 120 min from Mon 15:00: 30 min run, pause 15:30 → Tue 08:00, 90 min from Tue 08:00 → 09:30.
    const r = jambi.dueWithPauses('2026-03-30T15:00:00+07:00', 120, 'minutes', 'office-hours', [
      { from: '2026-03-30T15:30:00+07:00', to: '2026-03-31T08:00:00+07:00' },
    ]);
    assert.equal(r.dueAt, '2026-03-31T09:30:00+07:00');
    assert.deepEqual(r.movedBy, { value: 60, unit: 'minutes' });
  });

  it('overlapping pauses count once', () => {
    const r = jambi.dueWithPauses('2026-03-30T08:00:00+07:00', 60, 'minutes', 'office-hours', [
      { from: '2026-03-30T09:00:00+07:00', to: '2026-03-30T10:00:00+07:00' },
      { from: '2026-03-30T08:30:00+07:00', to: '2026-03-30T09:30:00+07:00' },
    ]);
    assert.equal(r.dueAt, '2026-03-30T10:30:00+07:00');
  });

  it('a pause over a weekend, outside service hours, moves nothing', () => {
    const r = jambi.dueWithPauses('2026-03-27T10:00:00+07:00', 120, 'minutes', 'office-hours', [
      { from: '2026-03-27T11:00:00+07:00', to: '2026-03-30T07:30:00+07:00' },
    ]);
    assert.equal(r.dueAt, '2026-03-30T08:30:00+07:00');
    assert.deepEqual(r.movedBy, { value: 0, unit: 'minutes' });
  });

  it('a pause that began before the start only counts from the start', () => {
    const r = jambi.dueWithPauses('2026-03-30T08:00:00+07:00', 60, 'minutes', 'office-hours', [
      { from: '2026-03-30T07:00:00+07:00', to: '2026-03-30T08:30:00+07:00' },
    ]);
    assert.equal(r.dueAt, '2026-03-30T09:30:00+07:00');
    assert.deepEqual(r.movedBy, { value: 30, unit: 'minutes' });
  });

  it('24x7 hours: "1 x 24 jam" from Friday 14:00 WITA with a 4-hour pause Saturday morning ends Saturday 18:00 WITA', () => {
    const r = banjarmasin.dueWithPauses('2026-03-20T14:00:00+08:00', 24, 'hours', '24x7', [
      { from: '2026-03-21T08:00:00+08:00', to: '2026-03-21T12:00:00+08:00' },
    ]);
    assert.equal(r.dueAt, '2026-03-21T18:00:00+08:00');
    assert.deepEqual(r.movedBy, { value: 240, unit: 'minutes' });
  });

  it('working days: a pause holding Tuesday 16:00 moves 2 working days from Monday to Thursday 2 April 16:00', () => {
    const r = jambi.dueWithPauses('2026-03-30T10:00:00+07:00', 2, 'working_days', 'office-hours', [
      { from: '2026-03-31T10:00:00+07:00', to: '2026-04-01T09:00:00+07:00' },
    ]);
    assert.equal(r.dueAt, '2026-04-02T16:00:00+07:00');
    assert.deepEqual(r.movedBy, { value: 1, unit: 'working_days' });
  });

  it('working days: a pause within one day that ends before closing time moves nothing', () => {
    const r = jambi.dueWithPauses('2026-03-30T10:00:00+07:00', 2, 'working_days', 'office-hours', [
      { from: '2026-03-31T09:00:00+07:00', to: '2026-03-31T15:00:00+07:00' },
    ]);
    assert.equal(r.dueAt, '2026-04-01T16:00:00+07:00');
    assert.deepEqual(r.movedBy, { value: 0, unit: 'working_days' });
  });

  it('working days: a pause ending exactly at closing time holds that closing time', () => {
    const r = jambi.dueWithPauses('2026-03-30T10:00:00+07:00', 1, 'working_days', 'office-hours', [
      { from: '2026-03-31T09:00:00+07:00', to: '2026-03-31T16:00:00+07:00' },
    ]);
    assert.equal(r.dueAt, '2026-04-01T16:00:00+07:00');
  });

  it('working days: a pause from Thursday 2 April to Monday 6 April holds one closing time (Good Friday has none)', () => {
    // Without the pause: day 0 Wed 1 Apr, 1 Thu 2 Apr, 2 Mon 6 Apr 16:00. The pause holds Thu 2 Apr 16:00 only.
    const r = jambi.dueWithPauses('2026-04-01T10:00:00+07:00', 2, 'working_days', 'office-hours', [
      { from: '2026-04-02T08:00:00+07:00', to: '2026-04-06T08:00:00+07:00' },
    ]);
    assert.equal(r.dueAt, '2026-04-07T16:00:00+07:00');
    assert.deepEqual(r.movedBy, { value: 1, unit: 'working_days' });
  });

  it('working days: a pause after the deadline moves nothing', () => {
    const r = jambi.dueWithPauses('2026-03-30T10:00:00+07:00', 1, 'working_days', 'office-hours', [
      { from: '2026-04-01T09:00:00+07:00', to: '2026-04-02T09:00:00+07:00' },
    ]);
    assert.equal(r.dueAt, '2026-03-31T16:00:00+07:00');
  });

  it('days: 14 days from 2 March 10:00 with a pause of 2 days 6 hours end 18 March 16:00', () => {
    const r = jambi.dueWithPauses('2026-03-02T10:00:00+07:00', 14, 'days', 'office-hours', [
      { from: '2026-03-05T10:00:00+07:00', to: '2026-03-07T16:00:00+07:00' },
    ]);
    assert.equal(r.dueAt, '2026-03-18T16:00:00+07:00');
    assert.deepEqual(r.movedBy, { value: 3240, unit: 'minutes' });
  });

  it('months: 31 January + 1 month (28 February) with a 3-day pause ends 3 March', () => {
    const r = jambi.dueWithPauses('2026-01-31T09:00:00+07:00', 1, 'months', 'office-hours', [
      { from: '2026-02-10T09:00:00+07:00', to: '2026-02-13T09:00:00+07:00' },
    ]);
    assert.equal(r.dueAt, '2026-03-03T09:00:00+07:00');
  });

  it('an open pause on minutes: no due time, paused, 40 open minutes left', () => {
    const r = jambi.dueWithPauses('2026-03-30T08:00:00+07:00', 60, 'minutes', 'office-hours', [{ from: '2026-03-30T08:20:00+07:00', to: null }]);
    assert.equal(r.dueAt, null);
    assert.equal(r.dueAtLocal, null);
    assert.equal(r.paused, true);
    assert.equal(r.pausedSince, '2026-03-30T08:20:00+07:00');
    assert.deepEqual(r.remaining, { value: 40, unit: 'minutes', calendarKind: 'office-hours' });
  });

  it('an open pause on working days: Monday closed running, so 2 of 3 working days are left; resuming Wednesday gives Monday 6 April 16:00', () => {
    const open = jambi.dueWithPauses('2026-03-30T10:00:00+07:00', 3, 'working_days', 'office-hours', [{ from: '2026-03-31T10:00:00+07:00', to: null }]);
    assert.equal(open.dueAt, null);
    assert.deepEqual(open.remaining, { value: 2, unit: 'working_days', calendarKind: 'office-hours' });
    const closed = jambi.dueWithPauses('2026-03-30T10:00:00+07:00', 3, 'working_days', 'office-hours', [
      { from: '2026-03-31T10:00:00+07:00', to: '2026-04-01T09:00:00+07:00' },
    ]);
    assert.equal(closed.dueAt, '2026-04-06T16:00:00+07:00');
    assert.equal(jambi.addDuration('2026-04-01T09:00:00+07:00', 2, 'working_days').dueAt, '2026-04-06T16:00:00+07:00');
  });

  it('an open pause on days: 14 days from 2 March 10:00 paused since 10 March 10:00 leave 6 days (8640 elapsed minutes)', () => {
    const r = jambi.dueWithPauses('2026-03-02T10:00:00+07:00', 14, 'days', 'office-hours', [{ from: '2026-03-10T10:00:00+07:00', to: null }]);
    assert.equal(r.dueAt, null);
    assert.deepEqual(r.remaining, { value: 8640, unit: 'minutes', calendarKind: '24x7' });
  });

  it('a deadline that passed before an open pause stays: due 08:30, paused since 09:00, nothing left', () => {
    const r = jambi.dueWithPauses('2026-03-30T08:00:00+07:00', 30, 'minutes', 'office-hours', [{ from: '2026-03-30T09:00:00+07:00', to: null }]);
    assert.equal(r.dueAt, '2026-03-30T08:30:00+07:00');
    assert.equal(r.paused, true);
    assert.equal(r.remaining?.value, 0);
  });
});

/* ------------------------------------------------------------------------------------------ */

describe('measuring time already spent', () => {
  it('elapsedOpenTime over a weekend: Friday 10:00 → Monday 09:00 in Jambi is 60 + 90 = 150 open minutes', () => {
    assert.equal(jambi.elapsedOpenTime('2026-03-27T10:00:00+07:00', '2026-03-30T09:00:00+07:00'), 150);
  });

  it('elapsedOpenTime over Idul Fitri 2025: Thursday 27 March 15:00 → Tuesday 8 April 08:00 is 90 open minutes', () => {
    assert.equal(jambi.elapsedOpenTime('2025-03-27T15:00:00+07:00', '2025-04-08T08:00:00+07:00'), 90);
  });

  it('elapsedOpenTime on 24x7 is wall time (71 hours), and leaves out pauses on office hours', () => {
    assert.equal(jambi.elapsedOpenTime('2026-03-27T10:00:00+07:00', '2026-03-30T09:00:00+07:00', '24x7'), 4260);
    assert.equal(
      jambi.elapsedOpenTime('2026-03-27T10:00:00+07:00', '2026-03-30T09:00:00+07:00', 'office-hours', [
        { from: '2026-03-27T10:30:00+07:00', to: '2026-03-27T10:45:00+07:00' },
      ]),
      135,
    );
    assert.equal(jambi.elapsedOpenTime('2026-03-30T09:00:00+07:00', '2026-03-27T10:00:00+07:00'), 0);
  });

  it('workingDaysBetween is the number of working-day limits reached', () => {
    assert.equal(jambi.workingDaysBetween('2026-03-30T10:00:00+07:00', '2026-04-02T16:00:00+07:00'), 3);
    assert.equal(jambi.workingDaysBetween('2026-03-30T10:00:00+07:00', '2026-04-02T15:59:00+07:00'), 2);
    assert.equal(jambi.workingDaysBetween('2026-03-30T10:00:00+07:00', '2026-03-30T17:00:00+07:00'), 0);
  });

  it('workingDaysBetween over Idul Fitri 2026: Tuesday 17 March 10:00 → Friday 27 March 11:00 is 3', () => {
    assert.equal(jambi.workingDaysBetween('2026-03-17T10:00:00+07:00', '2026-03-27T11:00:00+07:00'), 3);
  });
});

describe('dates as people read them', () => {
  it('writes the Indonesian day and month names, the time with a dot and the zone', () => {
    const days = ['Senin, 23', 'Selasa, 24', 'Rabu, 25', 'Kamis, 26', 'Jumat, 27', 'Sabtu, 28', 'Minggu, 29'];
    days.forEach((d, i) => assert.equal(jambi.formatLocal(`2026-03-${23 + i}T02:00:00Z`), `${d} Maret 2026 09.00 WIB`));
    assert.equal(jambi.formatLocal('2026-08-16T17:05:00Z'), 'Senin, 17 Agustus 2026 00.05 WIB');
    assert.equal(banjarmasin.formatLocal('2026-12-31T15:59:00Z'), 'Kamis, 31 Desember 2026 23.59 WITA');
  });
});

describe('inputs', () => {
  it('takes service hours and an SLA exactly as the standards schema parses them (Kutai Kartanegara, WITA)', () => {
    const hours = ServiceHours.parse({
      source: 'default',
      week: [
        { days: ['mon', 'tue', 'wed', 'thu'], open: '08:00', close: '16:00' },
        { days: ['fri'], open: '08:00', close: '11:00' },
      ],
    });
    const sla = Sla.parse({ text: '3 hari kerja', value: 3, unit: 'working_days' });
    const kukar = new OfficeCalendar({ timezone: 'Asia/Makassar', hours, holidays: HOLIDAYS, closures: [] });
    // day 0 Tue 17 Mar 2026; closed 18–24 Mar; 1 Wed 25, 2 Thu 26, 3 Fri 27 (closes 11:00 WITA).
    const r = kukar.slaDue('2026-03-17T09:00:00+08:00', sla);
    assert.equal(r?.dueAt, '2026-03-27T11:00:00+08:00');
    assert.equal(r?.dueAtLocal, 'Jumat, 27 Maret 2026 11.00 WITA');
  });

  it('rejects a start without an offset, a fractional number of working days and an unknown time zone', () => {
    assert.throws(() => jambi.addDuration('2026-03-30T10:00:00', 1, 'working_days'), RangeError);
    assert.throws(() => jambi.addDuration('2026-03-30T10:00:00+07:00', 1.5, 'working_days'), RangeError);
    assert.throws(() => cal('Asia/Atlantis', JAMBI_HOURS), RangeError);
  });

  it('refuses a duration beyond five years in its unit, so no caller can walk the calendar for minutes (issue 12)', () => {
    // 5 × 261 working days is the bound; one more is refused before any day is walked.
    assert.equal(jambi.addDuration('2026-03-30T10:00:00+07:00', 1305, 'working_days').dueAt.slice(0, 4), '2031');
    const t0 = performance.now();
    assert.throws(() => jambi.addDuration('2026-03-30T10:00:00+07:00', 10_000_000, 'working_days'), /paling banyak 1305.*at most 1305/);
    assert.throws(() => jambi.addDuration('2026-03-30T10:00:00+07:00', 1306, 'working_days'), RangeError);
    assert.throws(() => jambi.addDuration('2026-03-30T10:00:00+07:00', 43_921, 'hours'), RangeError);
    assert.throws(() => jambi.addDuration('2026-03-30T10:00:00+07:00', 2_635_201, 'minutes'), RangeError);
    assert.throws(() => jambi.addDuration('2026-03-30T10:00:00+07:00', 1831, 'days'), RangeError);
    assert.throws(() => jambi.addDuration('2026-03-30T10:00:00+07:00', 61, 'months'), RangeError);
    assert.throws(() => jambi.addDuration('2026-03-30T10:00:00+07:00', 6, 'years'), RangeError);
    assert.throws(() => jambi.dueWithPauses('2026-03-30T10:00:00+07:00', 10_000_000, 'working_days', 'office-hours', []), RangeError);
    assert.ok(performance.now() - t0 < 200, `took ${Math.round(performance.now() - t0)} ms`);
  });

  it('computes many due times quickly (per-day cache, no per-minute loops)', () => {
    const fresh = cal('Asia/Jakarta', JAMBI_HOURS);
    const t0 = performance.now();
    let last = '';
    for (let i = 0; i < 20000; i++) {
      const start = Date.UTC(2025, 0, 1) + (i % 600) * 86_400_000 + (i % 17) * 3_600_000;
      last = fresh.addDuration(new Date(start).toISOString(), 1 + (i % 10), i % 2 ? 'working_days' : 'hours').dueAt;
    }
    assert.ok(last.length > 0);
    assert.ok(performance.now() - t0 < 2000, `took ${Math.round(performance.now() - t0)} ms`);
  });
});
