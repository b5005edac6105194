/**
 * No. KK (Nomor Kartu Keluarga), REFERENCE §5. Pure: no clock, no I/O.
 *
 * Layout, 16 digits `PPKKCCDDMMYYSSSS`: a 6-digit area code (province, kabupaten/kota,
 * kecamatan), the issue date DDMMYY WITHOUT the +40 rule of the NIK, and a 4-digit serial ≥ 0001.
 */
import { err, ok, problem, type Result } from '../errors.js';
import { centuryYear, firstNonDigit, isoDate, isRealDate, parseIsoDate, stripSeparators } from './nik.js';
import { isProvinceCode } from './provinces.js';

export interface Kk {
  /** The 16 digits, separators removed. */
  kk: string;
  provinceCode: string;
  /** 4 digits. */
  regencyCode: string;
  /** 6 digits: the area code. */
  districtCode: string;
  /** The issue date exactly as encoded, 'DDMMYY'. */
  issueDigits: string;
  /**
   * The issue date 'YYYY-MM-DD' when `opts.today` was given (YY read as 20YY unless that is
   * after today, else 19YY, as for the NIK); null otherwise, because the century is not encoded.
   */
  issueDate: string | null;
  /** 4 digits, "0001" upwards. */
  serial: string;
}

export interface ParseKkOptions {
  /** Today, 'YYYY-MM-DD'; only needed to turn the issue date into a full date. */
  today?: string | undefined;
}

/**
 * Parses and validates a No. KK. Separators are removed first. Checks, first failure returned:
 *   kk-not-digits, kk-length, kk-province, kk-date, kk-serial.
 *
 * Validity of the issue date does not depend on `today`: the century only matters for 29 February
 * of year 00, and a KK cannot have been issued in 1900, so YY 00 is read as the leap year 2000.
 * Throws RangeError only for a programming error: `opts.today` given but not a real date.
 */
export function parseKk(input: string, opts: ParseKkOptions = {}): Result<Kk> {
  if (opts.today !== undefined && !parseIsoDate(opts.today))
    throw new RangeError(`parseKk: opts.today must be a real date 'YYYY-MM-DD', got ${JSON.stringify(opts.today)}`);
  const kk = stripSeparators(input);

  const bad = firstNonDigit(kk);
  if (bad !== undefined)
    return err(
      problem(
        'kk-not-digits',
        `Nomor KK hanya boleh berisi angka 0–9; ditemukan "${bad}".`,
        `A KK number may contain only the digits 0–9; found "${bad}".`,
      ),
    );

  if (kk.length !== 16)
    return err(
      problem(
        'kk-length',
        kk.length === 0
          ? 'Nomor KK harus 16 digit; belum ada digit yang diisi.'
          : `Nomor KK harus 16 digit; yang diisi ${kk.length} digit.`,
        kk.length === 0
          ? 'A KK number must have 16 digits; none were given.'
          : `A KK number must have 16 digits; ${kk.length} ${kk.length === 1 ? 'was' : 'were'} given.`,
      ),
    );

  const provinceCode = kk.slice(0, 2);
  if (!isProvinceCode(provinceCode))
    return err(
      problem(
        'kk-province',
        `Kode provinsi "${provinceCode}" pada Nomor KK (digit 1–2) tidak dikenal.`,
        `The province code "${provinceCode}" in the KK number (digits 1–2) is unknown.`,
      ),
    );

  const dd = Number(kk.slice(6, 8));
  const mm = Number(kk.slice(8, 10));
  const yy = Number(kk.slice(10, 12));
  if (dd < 1 || dd > 31) {
    const looksLikeNik = dd >= 41 && dd <= 71;
    return err(
      problem(
        'kk-date',
        `Tanggal terbit pada Nomor KK (digit 7–8) bernilai ${kk.slice(6, 8)}; harus 01–31.` +
          (looksLikeNik ? ' Nomor KK tidak memakai tambahan 40 seperti NIK perempuan; periksa apakah yang diisi NIK.' : ''),
        `The issue day in the KK number (digits 7–8) is ${kk.slice(6, 8)}; it must be 01–31.` +
          (looksLikeNik ? " A KK number has no 40 added like a woman's NIK; check whether a NIK was entered." : ''),
      ),
    );
  }
  if (mm < 1 || mm > 12)
    return err(
      problem(
        'kk-date',
        `Bulan terbit pada Nomor KK (digit 9–10) bernilai ${kk.slice(8, 10)}; harus 01–12.`,
        `The issue month in the KK number (digits 9–10) is ${kk.slice(8, 10)}; it must be 01–12.`,
      ),
    );
  if (!isRealDate(2000 + yy, mm, dd))
    return err(
      problem(
        'kk-date',
        `Tanggal terbit pada Nomor KK tidak ada di kalender: ${kk.slice(6, 8)}-${kk.slice(8, 10)}-${kk.slice(10, 12)} (HH-BB-TT).`,
        `The issue date in the KK number does not exist: ${kk.slice(6, 8)}-${kk.slice(8, 10)}-${kk.slice(10, 12)} (DD-MM-YY).`,
      ),
    );

  const serial = kk.slice(12, 16);
  if (serial === '0000')
    return err(
      problem(
        'kk-serial',
        'Nomor urut pada Nomor KK (digit 13–16) tidak boleh 0000; nomor urut dimulai dari 0001.',
        'The serial number in the KK number (digits 13–16) cannot be 0000; serials start at 0001.',
      ),
    );

  return ok({
    kk,
    provinceCode,
    regencyCode: kk.slice(0, 4),
    districtCode: kk.slice(0, 6),
    issueDigits: kk.slice(6, 12),
    issueDate: opts.today === undefined ? null : isoDate(centuryYear(yy, mm, dd, opts.today), mm, dd),
    serial,
  });
}
