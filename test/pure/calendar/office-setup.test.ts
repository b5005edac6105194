// What an office admin may set, checked without a database: weekly bands and closures, each problem on its field in both languages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkClosure, checkHours, datesBetween, daysOf } from '../../../src/domain/calendar/office-setup.js';
import { hoursFromForm } from '../../../src/http/pages/calendar-forms.js';

const fields = (r: { ok: boolean; error?: { field: string; code: string }[] }) => (r.ok ? [] : r.error!.map((p) => `${p.field} ${p.code}`));

describe('weekly hours an admin sets', () => {
  it('Mon–Thu 08:00–15:30 and a Friday with a prayer break become three week bands, and read back per day', () => {
    const r = checkHours(
      {
        days: { mon: [{ open: '08:00', close: '15:30' }], tue: [{ open: '08:00', close: '15:30' }], wed: [{ open: '08:00', close: '15:30' }], thu: [{ open: '08:00', close: '15:30' }], fri: [{ open: '13:30', close: '16:00' }, { open: '08:00', close: '11:00' }] },
        closedOnHolidays: true,
        reason: '  ',
      },
      { decree: false },
    );
    assert.ok(r.ok);
    assert.deepEqual(r.value, {
      hours: {
        allDay: false,
        week: [
          { days: ['mon', 'tue', 'wed', 'thu'], open: '08:00', close: '15:30' },
          { days: ['fri'], open: '08:00', close: '11:00' },
          { days: ['fri'], open: '13:30', close: '16:00' },
        ],
        closedOnHolidays: true,
      },
      reason: null,
    });
    assert.deepEqual(daysOf(r.value.hours.week).fri, [{ open: '08:00', close: '11:00' }, { open: '13:30', close: '16:00' }]);
    assert.deepEqual(daysOf(r.value.hours.week).sat, []);
  });

  it('a band may touch the next (11:00–11:00 is not an overlap) and close at 24:00, but not open at 24:00', () => {
    assert.ok(checkHours({ days: { sat: [{ open: '00:00', close: '11:00' }, { open: '11:00', close: '24:00' }] }, closedOnHolidays: false }, { decree: false }).ok);
    assert.deepEqual(fields(checkHours({ days: { sat: [{ open: '24:00', close: '24:00' }] }, closedOnHolidays: false }, { decree: false })), ['days.sat.0.open time-invalid']);
  });

  it('refuses, each on its field: close not after open, overlaps, impossible times, more than three bands, no day, a long note', () => {
    const r = checkHours(
      {
        days: {
          mon: [{ open: '08:00', close: '08:00' }],
          wed: [{ open: '8:00', close: '15.30' }],
          thu: [{ open: '08:00', close: '12:00' }, { open: '13:00', close: '16:00' }, { open: '11:00', close: '14:00' }],
          sun: [{ open: '01:00', close: '02:00' }, { open: '03:00', close: '04:00' }, { open: '05:00', close: '06:00' }, { open: '07:00', close: '08:00' }],
        },
        closedOnHolidays: true,
        reason: 'x'.repeat(301),
      },
      { decree: false },
    );
    assert.deepEqual(fields(r), [
      'days.mon.0.close close-before-open',
      'days.wed.0.open time-invalid',
      'days.wed.0.close time-invalid',
      'days.thu.2.open bands-overlap',
      'days.thu.1.open bands-overlap',
      'days.sun too-many-bands',
      'reason reason-too-long',
    ]);
    assert.deepEqual(fields(checkHours({ days: {}, closedOnHolidays: true }, { decree: false })), ['days no-day']);
    assert.ok(checkHours({ allDay: true, days: {}, closedOnHolidays: false }, { decree: false }).ok, 'every day, 24 hours needs no band');
  });

  it('hours the decree states may be departed from only with a basis of at least ten characters', () => {
    const week = { days: { mon: [{ open: '08:00', close: '14:00' }] }, closedOnHolidays: true };
    const silent = checkHours(week, { decree: true });
    assert.deepEqual(fields(silent), ['reason decree-reason-required']);
    assert.ok(!silent.ok && /keputusan/.test(silent.error[0]!.message) && /decree/.test(silent.error[0]!.messageEn));
    const based = checkHours({ ...week, reason: 'SE Wali Kota 800/12/2026 jam kerja Ramadan' }, { decree: true });
    assert.ok(based.ok && based.value.reason === 'SE Wali Kota 800/12/2026 jam kerja Ramadan');
  });

  it('the form drops empty bands and names the problems after the fields the admin typed in', () => {
    const f = hoursFromForm({ 'days.fri.0.open': '', 'days.fri.0.close': '', 'days.fri.1.open': '13:30', 'days.fri.1.close': '11:00', closedOnHolidays: 'on', reason: '' });
    assert.ok(f.body.ok);
    assert.deepEqual(f.body.value.days, { fri: [{ open: '13:30', close: '11:00' }] });
    assert.equal(f.body.value.closedOnHolidays, true);
    assert.equal(f.body.value.allDay, false);
    const checked = checkHours(f.body.value, { decree: false });
    assert.ok(!checked.ok);
    assert.deepEqual(f.fieldsOf(checked.error).map((p) => p.field), ['days.fri.1.close'], 'band 2 of the form, band 0 of the body');
  });
});

describe('closures an admin adds', () => {
  const today = '2026-04-06';
  it('a day or a range up to 31 days, from today on, with a reason and a kind', () => {
    assert.deepEqual(checkClosure({ date: '2026-04-06', reason: 'Banjir di halaman kantor' }, today), { ok: true, value: { dates: ['2026-04-06'], reason: 'Banjir di halaman kantor', kind: 'closure' } });
    const ramadan = checkClosure({ date: '2026-03-30', to: '2026-04-01', reason: 'Cuti bersama Idulfitri', kind: 'cuti-bersama' }, '2026-03-01');
    assert.ok(ramadan.ok);
    assert.deepEqual(ramadan.value.dates, ['2026-03-30', '2026-03-31', '2026-04-01'], 'across a month end');
    assert.equal(datesBetween('2028-02-28', '2028-03-01').length, 3, 'a leap day counts');
  });

  it('refuses a past day, an impossible date, a reversed or too long range, and a missing reason, each on its field', () => {
    assert.deepEqual(fields(checkClosure({ date: '2026-04-05', reason: 'Terlambat dicatat' }, today)), ['date date-past']);
    assert.deepEqual(fields(checkClosure({ date: '2026-02-30', reason: 'Tanggal salah' }, '2026-01-01')), ['date date-invalid', 'to date-invalid']);
    assert.deepEqual(fields(checkClosure({ date: '2026-04-10', to: '2026-04-09', reason: 'Pindah kantor' }, today)), ['to range-reversed']);
    assert.deepEqual(fields(checkClosure({ date: '2026-04-10', to: '2026-05-11', reason: 'Renovasi gedung' }, today)), ['to range-too-long']);
    assert.deepEqual(fields(checkClosure({ date: '2026-04-10', reason: ' x ' }, today)), ['reason reason-required']);
    assert.deepEqual(fields(checkClosure({ date: '2026-04-10', reason: 'Libur daerah', kind: 'piknik' as never }, today)), ['kind kind-invalid']);
  });
});
