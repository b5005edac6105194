/**
 * Province codes as used in the first two digits of a NIK and of a No. KK (REFERENCE §5):
 * the Ministry of Home Affairs (Kemendagri/Dukcapil) codes, not the BPS statistical codes
 * (BPS numbers Papua and Papua Barat differently).
 *
 * The code in a NIK is where the person was FIRST registered, so a person now living in
 * Papua Selatan may still carry 91 (Papua). Since the 2022 splits, 93–96 are issued as well.
 */

export interface Province {
  /** Two digits, e.g. "15". */
  code: string;
  /** Official name in Bahasa Indonesia (proper names are not translated). */
  name: string;
}

export const PROVINCES: readonly Province[] = Object.freeze([
  { code: '11', name: 'Aceh' },
  { code: '12', name: 'Sumatera Utara' },
  { code: '13', name: 'Sumatera Barat' },
  { code: '14', name: 'Riau' },
  { code: '15', name: 'Jambi' },
  { code: '16', name: 'Sumatera Selatan' },
  { code: '17', name: 'Bengkulu' },
  { code: '18', name: 'Lampung' },
  { code: '19', name: 'Kepulauan Bangka Belitung' },
  { code: '21', name: 'Kepulauan Riau' },
  { code: '31', name: 'DKI Jakarta' },
  { code: '32', name: 'Jawa Barat' },
  { code: '33', name: 'Jawa Tengah' },
  { code: '34', name: 'DI Yogyakarta' },
  { code: '35', name: 'Jawa Timur' },
  { code: '36', name: 'Banten' },
  { code: '51', name: 'Bali' },
  { code: '52', name: 'Nusa Tenggara Barat' },
  { code: '53', name: 'Nusa Tenggara Timur' },
  { code: '61', name: 'Kalimantan Barat' },
  { code: '62', name: 'Kalimantan Tengah' },
  { code: '63', name: 'Kalimantan Selatan' },
  { code: '64', name: 'Kalimantan Timur' },
  { code: '65', name: 'Kalimantan Utara' },
  { code: '71', name: 'Sulawesi Utara' },
  { code: '72', name: 'Sulawesi Tengah' },
  { code: '73', name: 'Sulawesi Selatan' },
  { code: '74', name: 'Sulawesi Tenggara' },
  { code: '75', name: 'Gorontalo' },
  { code: '76', name: 'Sulawesi Barat' },
  { code: '81', name: 'Maluku' },
  { code: '82', name: 'Maluku Utara' },
  { code: '91', name: 'Papua' },
  { code: '92', name: 'Papua Barat' },
  { code: '93', name: 'Papua Selatan' },
  { code: '94', name: 'Papua Tengah' },
  { code: '95', name: 'Papua Pegunungan' },
  { code: '96', name: 'Papua Barat Daya' },
].map((p) => Object.freeze(p)));

const BY_CODE: ReadonlyMap<string, string> = new Map(PROVINCES.map((p) => [p.code, p.name]));

/** True when `code` (two digits) is a known province code. */
export function isProvinceCode(code: string): boolean {
  return BY_CODE.has(code);
}

/** The province's name for a two-digit code, or undefined when the code is unknown. */
export function provinceName(code: string): string | undefined {
  return BY_CODE.get(code);
}
