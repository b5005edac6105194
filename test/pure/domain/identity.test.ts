import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  PROVINCES,
  ageOn,
  checkNikAgainst,
  isProvinceCode,
  maskKk,
  maskNik,
  parseKk,
  parseNik,
  provinceName,
  type Nik,
} from '../../../src/domain/identity/index.js';

const TODAY = '2026-03-15';

/** Parses a NIK that must be valid and returns its value. */
function nikOf(input: string, today = TODAY): Nik {
  const r = parseNik(input, { today });
  if (!r.ok) assert.fail(`expected ${input} to be valid, got ${r.error.code}: ${r.error.messageEn}`);
  return r.value;
}

/** Asserts that a NIK fails with exactly this code and these messages. */
function nikFails(input: string, code: string, message: string, messageEn: string, today = TODAY): void {
  const r = parseNik(input, { today });
  assert.equal(r.ok, false, `expected ${JSON.stringify(input)} to be rejected`);
  if (!r.ok) assert.deepEqual(r.error, { code, message, messageEn });
}

function kkFails(input: string, code: string, message: string, messageEn: string): void {
  const r = parseKk(input);
  assert.equal(r.ok, false, `expected ${JSON.stringify(input)} to be rejected`);
  if (!r.ok) assert.deepEqual(r.error, { code, message, messageEn });
}

describe('parseNik: valid NIKs', () => {
  it('reads a woman from Kota Jambi born 1 July 1990 (day 41 = 1 + 40)', () => {
    assert.deepEqual(nikOf('1571024107900003'), {
      nik: '1571024107900003',
      provinceCode: '15',
      regencyCode: '1571',
      districtCode: '157102',
      birthDate: '1990-07-01',
      sex: 'P',
      serial: '0003',
    });
  });

  it('reads a man from Kota Semarang born 17 August 1985', () => {
    assert.deepEqual(nikOf('3374051708850012'), {
      nik: '3374051708850012',
      provinceCode: '33',
      regencyCode: '3374',
      districtCode: '337405',
      birthDate: '1985-08-17',
      sex: 'L',
      serial: '0012',
    });
  });

  it('reads day 71 as the 31st for a woman (Kota Pekanbaru, 31 December 1999)', () => {
    const v = nikOf('1471017112990021');
    assert.equal(v.birthDate, '1999-12-31');
    assert.equal(v.sex, 'P');
  });

  it('reads day 31 and day 01 as men', () => {
    assert.deepEqual([nikOf('3374053101880004').birthDate, nikOf('3374053101880004').sex], ['1988-01-31', 'L']);
    assert.deepEqual([nikOf('6371030101000001').birthDate, nikOf('6371030101000001').sex], ['2000-01-01', 'L']);
  });

  it('reads a woman from Kutai Kartanegara born 12 December 1978 (day 52)', () => {
    const v = nikOf('6403055212780002');
    assert.equal(v.regencyCode, '6403');
    assert.equal(v.birthDate, '1978-12-12');
    assert.equal(v.sex, 'P');
  });

  it('strips the spaces, dots and dashes a clerk might type', () => {
    for (const typed of [
      '1571 0241 0790 0003',
      '1571.0241.0790.0003',
      '1571-02-410790-0003',
      '  1571024107900003\t',
      '15 71 02 41 07 90 0003',
      '1571\u00a00241\u00a00790\u00a00003',
    ])
      assert.equal(nikOf(typed).nik, '1571024107900003', typed);
  });
});

describe('parseNik: century of YY', () => {
  it('reads YY as 20YY when that date is not in the future (a child born 2019)', () => {
    assert.equal(nikOf('6403051503190008').birthDate, '2019-03-15');
  });

  it('reads YY as 19YY when 20YY would be in the future', () => {
    assert.equal(nikOf('6403055212780002').birthDate, '1978-12-12');
    assert.equal(nikOf('1471017112990021').birthDate, '1999-12-31');
  });

  it('reads a birth date equal to today as 20YY, and one day later as 19YY', () => {
    assert.equal(nikOf('1571021503260001').birthDate, '2026-03-15');
    assert.equal(nikOf('1571021603260001').birthDate, '1926-03-16');
  });

  it('depends on the given today, not on the clock', () => {
    assert.equal(nikOf('1571021603260001', '2026-03-16').birthDate, '2026-03-16');
    assert.equal(nikOf('6403051503190008', '2019-03-14').birthDate, '1919-03-15');
  });

  it('refuses a today that is not a real date (a programming error)', () => {
    assert.throws(() => parseNik('1571024107900003', { today: '2026-02-30' }), RangeError);
    assert.throws(() => parseNik('1571024107900003', { today: '15-03-2026' }), RangeError);
  });
});

describe('parseNik: leap days and impossible dates', () => {
  it('accepts 29 February 2000 for a woman (69) and a man (29)', () => {
    assert.deepEqual([nikOf('6371036902000001').birthDate, nikOf('6371036902000001').sex], ['2000-02-29', 'P']);
    assert.deepEqual([nikOf('6371032902000005').birthDate, nikOf('6371032902000005').sex], ['2000-02-29', 'L']);
  });

  it('accepts 29 February in other leap years: 1996 and 2024', () => {
    assert.equal(nikOf('3374052902960003').birthDate, '1996-02-29');
    assert.equal(nikOf('3374056902240001').birthDate, '2024-02-29');
  });

  it('rejects 29 February 2001 for a woman, explaining the −40', () => {
    nikFails(
      '6371036902010001',
      'nik-date',
      'Tanggal lahir pada NIK tidak ada di kalender: 29 Februari 2001 (perempuan: 69 − 40 = 29).',
      'The birth date in the NIK does not exist: 29 February 2001 (female: 69 − 40 = 29).',
    );
  });

  it('rejects 29 February 2001 for a man', () => {
    nikFails(
      '6371032902010001',
      'nik-date',
      'Tanggal lahir pada NIK tidak ada di kalender: 29 Februari 2001.',
      'The birth date in the NIK does not exist: 29 February 2001.',
    );
  });

  it('rejects 31 April', () => {
    nikFails(
      '3374053104900001',
      'nik-date',
      'Tanggal lahir pada NIK tidak ada di kalender: 31 April 1990.',
      'The birth date in the NIK does not exist: 31 April 1990.',
    );
  });

  it('rejects days 00, 32, 40 and 72, which are neither a man nor a woman', () => {
    for (const [nik, dd] of [
      ['3374050001900001', '00'],
      ['3374053201900001', '32'],
      ['3374054001900001', '40'],
      ['3374057201900001', '72'],
    ] as const)
      nikFails(
        nik,
        'nik-date',
        `Tanggal lahir pada NIK (digit 7–8) bernilai ${dd}; harus 01–31 untuk laki-laki atau 41–71 untuk perempuan (tanggal ditambah 40).`,
        `The day of birth in the NIK (digits 7–8) is ${dd}; it must be 01–31 for men or 41–71 for women (day plus 40).`,
      );
  });

  it('rejects months 00 and 13', () => {
    for (const [nik, mm] of [
      ['3374051700900001', '00'],
      ['3374051713900001', '13'],
    ] as const)
      nikFails(
        nik,
        'nik-date',
        `Bulan lahir pada NIK (digit 9–10) bernilai ${mm}; harus 01–12.`,
        `The month of birth in the NIK (digits 9–10) is ${mm}; it must be 01–12.`,
      );
  });
});

describe('parseNik: shape errors', () => {
  it('nik-length says how many digits were given (15)', () => {
    nikFails('157102410790000', 'nik-length', 'NIK harus 16 digit; yang diisi 15 digit.', 'A NIK must have 16 digits; 15 were given.');
  });

  it('nik-length for 17 digits, counted after separators are removed', () => {
    nikFails('1571 0241 0790 00031', 'nik-length', 'NIK harus 16 digit; yang diisi 17 digit.', 'A NIK must have 16 digits; 17 were given.');
  });

  it('nik-length for one digit and for nothing at all', () => {
    nikFails('1', 'nik-length', 'NIK harus 16 digit; yang diisi 1 digit.', 'A NIK must have 16 digits; 1 was given.');
    nikFails('', 'nik-length', 'NIK harus 16 digit; belum ada digit yang diisi.', 'A NIK must have 16 digits; none were given.');
    nikFails('   ', 'nik-length', 'NIK harus 16 digit; belum ada digit yang diisi.', 'A NIK must have 16 digits; none were given.');
  });

  it('nik-not-digits names the wrong character (letter O typed for zero)', () => {
    nikFails(
      '15710241079O0003',
      'nik-not-digits',
      'NIK hanya boleh berisi angka 0–9; ditemukan "O".',
      'A NIK may contain only the digits 0–9; found "O".',
    );
  });

  it('nik-not-digits for a slash, which is not an accepted separator', () => {
    nikFails(
      '1571/0241/0790/0003',
      'nik-not-digits',
      'NIK hanya boleh berisi angka 0–9; ditemukan "/".',
      'A NIK may contain only the digits 0–9; found "/".',
    );
  });

  it('nik-province names the unknown code', () => {
    nikFails(
      '2071011505880001',
      'nik-province',
      'Kode provinsi "20" pada NIK (digit 1–2) tidak dikenal.',
      'The province code "20" in the NIK (digits 1–2) is unknown.',
    );
  });

  it('province edges: 19 and 96 valid, 10, 20, 97 and 00 unknown', () => {
    assert.equal(nikOf('1971011505880001').provinceCode, '19');
    assert.equal(nikOf('9671011505880001').provinceCode, '96');
    for (const code of ['10', '20', '97', '00']) {
      const r = parseNik(`${code}71011505880001`, { today: TODAY });
      assert.equal(r.ok ? 'ok' : r.error.code, 'nik-province', code);
      if (!r.ok) assert.match(r.error.message, new RegExp(`"${code}"`));
    }
  });

  it('nik-serial rejects 0000', () => {
    nikFails(
      '1571024107900000',
      'nik-serial',
      'Nomor urut pada NIK (digit 13–16) tidak boleh 0000; nomor urut dimulai dari 0001.',
      'The serial number in the NIK (digits 13–16) cannot be 0000; serials start at 0001.',
    );
    assert.equal(nikOf('1571024107900001').serial, '0001');
  });

  it('reports the first failure in order: digits, length, province, date, serial', () => {
    const code = (s: string) => {
      const r = parseNik(s, { today: TODAY });
      return r.ok ? 'ok' : r.error.code;
    };
    assert.equal(code('2071013204X00000'), 'nik-not-digits');
    assert.equal(code('207101320490000'), 'nik-length');
    assert.equal(code('2071013204900000'), 'nik-province');
    assert.equal(code('1571013204900000'), 'nik-date');
    assert.equal(code('1571014107900000'), 'nik-serial');
  });
});

describe('provinces', () => {
  it('has the 38 codes of REFERENCE §5 in order', () => {
    assert.deepEqual(
      PROVINCES.map((p) => p.code),
      ['11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '31', '32', '33', '34', '35', '36', '51', '52', '53', '61', '62', '63', '64', '65', '71', '72', '73', '74', '75', '76', '81', '82', '91', '92', '93', '94', '95', '96'],
    );
  });

  it('names provinces, from Aceh to Papua Barat Daya', () => {
    assert.equal(provinceName('11'), 'Aceh');
    assert.equal(provinceName('15'), 'Jambi');
    assert.equal(provinceName('19'), 'Kepulauan Bangka Belitung');
    assert.equal(provinceName('21'), 'Kepulauan Riau');
    assert.equal(provinceName('63'), 'Kalimantan Selatan');
    assert.equal(provinceName('64'), 'Kalimantan Timur');
    assert.equal(provinceName('91'), 'Papua');
    assert.equal(provinceName('92'), 'Papua Barat');
    assert.equal(provinceName('96'), 'Papua Barat Daya');
    assert.equal(provinceName('20'), undefined);
    assert.equal(isProvinceCode('65'), true);
    assert.equal(isProvinceCode('66'), false);
  });

  it('accepts a NIK from every listed province', () => {
    for (const p of PROVINCES) assert.equal(nikOf(`${p.code}01021708850001`).provinceCode, p.code, p.name);
  });
});

describe('checkNikAgainst', () => {
  const woman = nikOf('1571024107900003'); // 1 July 1990, P
  const man = nikOf('3374051708850012'); // 17 August 1985, L

  it('returns no warnings when the form agrees with the NIK', () => {
    assert.deepEqual(checkNikAgainst(woman, { birthDate: '1990-07-01', sex: 'P' }), []);
    assert.deepEqual(checkNikAgainst(man, { birthDate: '1985-08-17', sex: 'L' }), []);
  });

  it('does not check fields that were not typed', () => {
    assert.deepEqual(checkNikAgainst(woman, {}), []);
    assert.deepEqual(checkNikAgainst(woman, { birthDate: undefined, sex: undefined }), []);
  });

  it('warns when a woman\'s NIK is entered as male', () => {
    assert.deepEqual(checkNikAgainst(woman, { sex: 'L' }), [
      {
        code: 'nik-sex-mismatch',
        message: 'Jenis kelamin yang diisi (laki-laki) tidak sesuai dengan NIK, yang menunjukkan perempuan (tanggal lahir pada NIK ditambah 40).',
        messageEn: 'The sex entered (male) does not match the NIK, which shows female (the day of birth in the NIK has 40 added).',
      },
    ]);
  });

  it('warns when a man\'s NIK is entered as female', () => {
    assert.deepEqual(checkNikAgainst(man, { sex: 'P' }), [
      {
        code: 'nik-sex-mismatch',
        message: 'Jenis kelamin yang diisi (perempuan) tidak sesuai dengan NIK, yang menunjukkan laki-laki (tanggal lahir pada NIK tidak ditambah 40).',
        messageEn: 'The sex entered (female) does not match the NIK, which shows male (the day of birth in the NIK has no 40 added).',
      },
    ]);
  });

  it('warns when the typed birth date differs', () => {
    assert.deepEqual(checkNikAgainst(woman, { birthDate: '1990-07-02' }), [
      {
        code: 'nik-birth-date-mismatch',
        message: 'Tanggal lahir yang diisi (2 Juli 1990) tidak sesuai dengan NIK (1 Juli 1990).',
        messageEn: 'The birth date entered (2 July 1990) does not match the NIK (1 July 1990).',
      },
    ]);
  });

  it('gives both warnings when both differ (a typed 41 July is not possible, so sex and date are separate)', () => {
    const codes = checkNikAgainst(woman, { birthDate: '1991-07-01', sex: 'L' }).map((w) => w.code);
    assert.deepEqual(codes, ['nik-sex-mismatch', 'nik-birth-date-mismatch']);
  });

  it('compares only the two-digit year: a typed 1925 agrees with a NIK read as 2025', () => {
    const elder = nikOf('3374114507250001'); // born 5 July 1925; YY 25 is read as 2025 on 2026-03-15
    assert.equal(elder.birthDate, '2025-07-05');
    assert.deepEqual(checkNikAgainst(elder, { birthDate: '1925-07-05', sex: 'P' }), []);
    assert.equal(checkNikAgainst(elder, { birthDate: '1924-07-05' })[0]?.code, 'nik-birth-date-mismatch');
  });

  it('warns when the typed birth date cannot be read', () => {
    assert.deepEqual(checkNikAgainst(woman, { birthDate: '01-07-1990' }), [
      {
        code: 'nik-birth-date-unreadable',
        message: 'Tanggal lahir yang diisi ("01-07-1990") bukan tanggal yang sah (TTTT-BB-HH), jadi tidak dapat dicocokkan dengan NIK (1 Juli 1990).',
        messageEn: 'The birth date entered ("01-07-1990") is not a valid date (YYYY-MM-DD), so it cannot be checked against the NIK (1 July 1990).',
      },
    ]);
  });
});

describe('parseKk', () => {
  it('reads a Kota Jambi KK issued 12 March 2015', () => {
    const r = parseKk('1571021203150004');
    assert.deepEqual(r, {
      ok: true,
      value: {
        kk: '1571021203150004',
        provinceCode: '15',
        regencyCode: '1571',
        districtCode: '157102',
        issueDigits: '120315',
        issueDate: null,
        serial: '0004',
      },
    });
  });

  it('gives the full issue date when today is known, and strips separators', () => {
    const r = parseKk('1571 0212 0315 0004', { today: TODAY });
    assert.equal(r.ok && r.value.issueDate, '2015-03-12');
    const old = parseKk('6371031203990001', { today: TODAY });
    assert.equal(old.ok && old.value.issueDate, '1999-03-12');
  });

  it('kk-length, kk-not-digits, kk-province', () => {
    kkFails('157102120315000', 'kk-length', 'Nomor KK harus 16 digit; yang diisi 15 digit.', 'A KK number must have 16 digits; 15 were given.');
    kkFails(
      '15710212031500O4',
      'kk-not-digits',
      'Nomor KK hanya boleh berisi angka 0–9; ditemukan "O".',
      'A KK number may contain only the digits 0–9; found "O".',
    );
    kkFails(
      '2071021203150004',
      'kk-province',
      'Kode provinsi "20" pada Nomor KK (digit 1–2) tidak dikenal.',
      'The province code "20" in the KK number (digits 1–2) is unknown.',
    );
  });

  it('kk-date: no +40 rule, and a hint when a woman\'s NIK was typed as a KK', () => {
    kkFails(
      '1571024107900003',
      'kk-date',
      'Tanggal terbit pada Nomor KK (digit 7–8) bernilai 41; harus 01–31. Nomor KK tidak memakai tambahan 40 seperti NIK perempuan; periksa apakah yang diisi NIK.',
      "The issue day in the KK number (digits 7–8) is 41; it must be 01–31. A KK number has no 40 added like a woman's NIK; check whether a NIK was entered.",
    );
    kkFails(
      '1571023203150004',
      'kk-date',
      'Tanggal terbit pada Nomor KK (digit 7–8) bernilai 32; harus 01–31.',
      'The issue day in the KK number (digits 7–8) is 32; it must be 01–31.',
    );
    kkFails(
      '1571021213150004',
      'kk-date',
      'Bulan terbit pada Nomor KK (digit 9–10) bernilai 13; harus 01–12.',
      'The issue month in the KK number (digits 9–10) is 13; it must be 01–12.',
    );
  });

  it('kk-date: 29 February only in leap years (2024 and 2000 yes, 2023 no)', () => {
    assert.equal(parseKk('1571022902240004').ok, true);
    assert.equal(parseKk('1571022902000004').ok, true);
    kkFails(
      '1571022902230004',
      'kk-date',
      'Tanggal terbit pada Nomor KK tidak ada di kalender: 29-02-23 (HH-BB-TT).',
      'The issue date in the KK number does not exist: 29-02-23 (DD-MM-YY).',
    );
  });

  it('kk-serial rejects 0000', () => {
    kkFails(
      '1571021203150000',
      'kk-serial',
      'Nomor urut pada Nomor KK (digit 13–16) tidak boleh 0000; nomor urut dimulai dari 0001.',
      'The serial number in the KK number (digits 13–16) cannot be 0000; serials start at 0001.',
    );
  });
});

describe('masking', () => {
  it('masks a NIK as in REFERENCE §5', () => {
    assert.equal(maskNik('1571024107900003'), '1571 02•• •••• 0003');
    assert.equal(maskNik('1571 0241 0790 0003'), '1571 02•• •••• 0003');
  });

  it('hides the birth date digits', () => {
    const masked = maskNik('3374051708850012');
    assert.equal(masked, '3374 05•• •••• 0012');
    assert.doesNotMatch(masked.replace(/ /g, ''), /170885/);
  });

  it('masks a KK the same way', () => {
    assert.equal(maskKk('1571021203150004'), '1571 02•• •••• 0004');
  });

  it('masks a malformed value completely, so nothing leaks', () => {
    assert.equal(maskNik('15710241079'), '•••• •••• •••');
    assert.equal(maskNik('15710241079O0003'), '•••• •••• •••• ••••');
    assert.equal(maskNik(''), '');
  });
});

describe('ageOn', () => {
  it('counts whole years, turning a year older on the birthday', () => {
    assert.equal(ageOn('1990-07-01', '2026-06-30'), 35);
    assert.equal(ageOn('1990-07-01', '2026-07-01'), 36);
    assert.equal(ageOn('1990-07-01', '1990-07-01'), 0);
  });

  it('a 29 February birthday comes on 1 March in common years', () => {
    assert.equal(ageOn('2000-02-29', '2001-02-28'), 0);
    assert.equal(ageOn('2000-02-29', '2001-03-01'), 1);
    assert.equal(ageOn('2000-02-29', '2024-02-29'), 24);
  });

  it('returns null for impossible dates or a date before birth', () => {
    assert.equal(ageOn('2001-02-29', '2026-03-15'), null);
    assert.equal(ageOn('1990-07-01', '2026-13-01'), null);
    assert.equal(ageOn('2026-03-16', '2026-03-15'), null);
  });
});
