/** What a staff search box means, told apart by shape: a registration number, a NIK, part of a name; date ranges; masked names. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskName, readDateRange, readSearchText } from '../../../src/domain/applications/case-search.js';

describe('reading a case search (no database)', () => {
  it('tells a number, a NIK and a name apart', () => {
    assert.deepEqual(readSearchText(' jmb-2026-000123 '), { ok: true, value: { by: 'number', number: 'JMB-2026-000123' } });
    assert.deepEqual(readSearchText('1571 0241 0790 0003'), { ok: true, value: { by: 'nik', nik: '1571024107900003' } });
    assert.deepEqual(readSearchText('1571.0241.0790.0003'), { ok: true, value: { by: 'nik', nik: '1571024107900003' } });
    assert.deepEqual(readSearchText('  Siti   AMINAH '), { ok: true, value: { by: 'name', name: 'siti aminah' } });
    assert.deepEqual(readSearchText(''), { ok: true, value: { by: 'none' } });
    assert.deepEqual(readSearchText(undefined), { ok: true, value: { by: 'none' } });
  });

  it('refuses a NIK of the wrong length and a name too short to mean anything, on the search box', () => {
    const nik = readSearchText('157102410790000');
    assert.ok(!nik.ok);
    assert.deepEqual([nik.error.code, nik.error.field], ['nik-length', 'q']);
    assert.equal(nik.error.message, 'NIK terdiri dari 16 angka; yang tertulis 15 angka');
    assert.equal(nik.error.messageEn, 'A NIK has 16 digits; 15 were given');
    const short = readSearchText('Si');
    assert.ok(!short.ok);
    assert.equal(short.error.code, 'name-too-short');
    const long = readSearchText('a'.repeat(101));
    assert.ok(!long.ok);
    assert.equal(long.error.code, 'search-too-long');
  });

  it('reads a date range, either end optional, and refuses impossible or reversed dates by field', () => {
    assert.deepEqual(readDateRange('2026-04-01', '2026-04-30'), { ok: true, value: { from: '2026-04-01', to: '2026-04-30' } });
    assert.deepEqual(readDateRange('', undefined), { ok: true, value: {} });
    const feb = readDateRange('2026-02-29', undefined);
    assert.ok(!feb.ok);
    assert.deepEqual(feb.error.map((p) => [p.field, p.code]), [['from', 'date-invalid']], '2026 is not a leap year');
    const reversed = readDateRange('2026-04-30', '2026-04-01');
    assert.ok(!reversed.ok);
    assert.deepEqual(reversed.error.map((p) => [p.field, p.code]), [['to', 'date-range-reversed']]);
  });

  it('masks a name to its initials', () => {
    assert.equal(maskName('Siti Aminah'), 'S*** A*****');
    assert.equal(maskName('Yo'), 'Y*');
    assert.equal(maskName('A'), 'A*');
  });
});
