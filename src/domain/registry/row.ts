/**
 * Validation of one registry row (REFERENCE §5: NIK and No. KK; dates; desil 1–10; programme
 * flags). A row is accepted as a tuple in RECORD_KEYS order, or rejected with every problem found
 * (row number, column, reason). Pure: no I/O; `today` is the import date in the office's zone.
 */
import { parseKk, parseNik } from '../identity/index.js';
import type { Field, ResolvedMapping } from './columns.js';
import { parseDate, parseDesil, parseFlag, parseSex } from './values.js';

/** The stored record, in this order (the database columns follow it). */
const RECORD_KEYS = [
  'row_no',
  'dtks_id',
  'province',
  'regency',
  'district',
  'village',
  'address',
  'hamlet',
  'rt',
  'rw',
  'kk',
  'nik',
  'name',
  'birth_date',
  'birth_place',
  'sex',
  'mother_name',
  'relation',
  'desil',
  'pkh',
  'bpnt',
  'pbi',
  'other_flags',
  'row_hash',
] as const;
export type RecordTuple = (string | number | null)[];

export interface Rejection {
  rowNo: number;
  column: string;
  reason: string;
  reasonEn: string;
}

/** Text fields copied as given (trimmed), by record position. */
const TEXT: [number, Field][] = [
  [1, 'iddtks'],
  [2, 'provinsi'],
  [3, 'kabupaten_kota'],
  [4, 'kecamatan'],
  [5, 'desa_kelurahan'],
  [6, 'alamat'],
  [7, 'dusun'],
  [8, 'rt'],
  [9, 'rw'],
  [14, 'tempat_lahir'],
  [16, 'nama_ibu_kandung'],
  [17, 'hubungan_keluarga'],
];

function clean(s: string | undefined): string | null {
  if (s === undefined || s === '') return null;
  const t = s.trim();
  if (t === '') return null;
  return t.length > 500 ? t.slice(0, 500) : t;
}

/** Spreadsheet users force text with a leading apostrophe. */
function idDigits(s: string | undefined): string {
  if (s === undefined) return '';
  let t = s;
  const c0 = t.charCodeAt(0);
  if (c0 <= 32 || t.charCodeAt(t.length - 1) <= 32) t = t.trim();
  if (t.charCodeAt(0) === 39) t = t.replace(/^'+/, '');
  return t;
}

/**
 * FNV-1a over a row's stored cells (two 26-bit lanes → a 52-bit integer, exact in JS and BIGINT),
 * reading `sep` as the cell separator: the same cells hash the same whether they are stored as the
 * source line or joined again, so "unchanged" compares the normalised record.
 */
function hashCells(text: string, sepCode: number, from = 0): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = from; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c === sepCode) c = 31;
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 6) * 0x4000000 + (h2 >>> 6);
}

function cell(cells: string[], map: ResolvedMapping, f: Field): string | undefined {
  const i = map.index[f];
  return i === undefined ? undefined : cells[i];
}

function addRejection(list: Rejection[] | null, rowNo: number, column: string, reason: string, reasonEn: string): Rejection[] {
  const l = list ?? [];
  l.push({ rowNo, column, reason, reasonEn });
  return l;
}

const unknownValue = (v: string): [string, string] => [`nilai tidak dikenali: "${v.trim()}" (pakai 1/0 atau Ya/Tidak)`, `unrecognised value: "${v.trim()}" (use 1/0 or Ya/Tidak)`];

const FLAG_FIELDS: [number, Field][] = [
  [19, 'pkh'],
  [20, 'bpnt'],
  [21, 'pbi_jk'],
];

/** A fresh record buffer (reused row after row by `checkRow`). */
export const newRecord = (): RecordTuple => new Array<string | number | null>(RECORD_KEYS.length).fill(null);

/** Remembers the last No. KK checked: family members follow each other in extracts. */
export interface RowMemo {
  kkRaw: string;
  kk: string | null;
  kkProblem: [string, string] | null;
}
export const newMemo = (): RowMemo => ({ kkRaw: '', kk: null, kkProblem: null });

/**
 * Checks one row into `rec` (overwritten). Returns null when accepted, else every problem found.
 * Hot path (a million rows per import): module-level helpers only, no closures, no allocation
 * beyond what the identity parsers return.
 */
export function checkRow(cells: string[], rowNo: number, map: ResolvedMapping, today: string, rec: RecordTuple, memo: RowMemo = newMemo()): Rejection[] | null {
  let rej: Rejection[] | null = null;
  rec[0] = rowNo;
  for (let k = 0; k < TEXT.length; k++) {
    const t = TEXT[k]!;
    rec[t[0]] = clean(cell(cells, map, t[1]));
  }
  rec[10] = rec[11] = rec[13] = rec[15] = rec[18] = rec[19] = rec[20] = rec[21] = rec[22] = rec[23] = null;

  const nikRaw = idDigits(cell(cells, map, 'nomor_nik'));
  if (nikRaw === '') rej = addRejection(rej, rowNo, 'nomor_nik', 'NIK kosong', 'NIK is empty');
  else {
    const nik = parseNik(nikRaw, { today });
    if (nik.ok) rec[11] = nik.value.nik;
    else rej = addRejection(rej, rowNo, 'nomor_nik', nik.error.message, nik.error.messageEn);
  }
  const kkRaw = idDigits(cell(cells, map, 'nomor_kk'));
  if (kkRaw === '') rej = addRejection(rej, rowNo, 'nomor_kk', 'Nomor KK kosong', 'KK number is empty');
  else {
    if (kkRaw !== memo.kkRaw) {
      const kk = parseKk(kkRaw);
      memo.kkRaw = kkRaw;
      memo.kk = kk.ok ? kk.value.kk : null;
      memo.kkProblem = kk.ok ? null : [kk.error.message, kk.error.messageEn];
    }
    if (memo.kk !== null) rec[10] = memo.kk;
    else rej = addRejection(rej, rowNo, 'nomor_kk', memo.kkProblem![0], memo.kkProblem![1]);
  }
  const name = clean(cell(cells, map, 'nama'));
  if (!name) rej = addRejection(rej, rowNo, 'nama', 'Nama kosong', 'Name is empty');
  rec[12] = name;

  const birth = cell(cells, map, 'tanggal_lahir');
  if (birth !== undefined && birth !== '') {
    if (isPlainIsoDate(birth) && birth <= today && birth >= '1880') rec[13] = birth;
    else if (birth.trim() !== '') {
      const d = parseDate(birth, today);
      if (d.ok) rec[13] = d.value;
      else rej = addRejection(rej, rowNo, 'tanggal_lahir', d.reason, d.reasonEn);
    }
  }
  const sex = cell(cells, map, 'jenis_kelamin');
  rec[15] = sex === undefined ? null : sex === 'L' || sex === 'P' ? sex : parseSex(sex);

  const desil = cell(cells, map, 'desil');
  if (desil !== undefined) {
    const c = desil.length === 1 ? desil.charCodeAt(0) - 48 : -1;
    if (c >= 1 && c <= 9) rec[18] = c;
    else {
      const d = parseDesil(desil);
      if (d === undefined) rej = addRejection(rej, rowNo, 'desil', `desil harus bilangan bulat 1–10; tertulis "${desil.trim()}"`, `desil must be a whole number 1–10; found "${desil.trim()}"`);
      else rec[18] = d;
    }
  }
  for (let k = 0; k < FLAG_FIELDS.length; k++) {
    const f = FLAG_FIELDS[k]!;
    const v = cell(cells, map, f[1]);
    if (v === undefined) continue;
    if (v === '1') rec[f[0]] = 1;
    else if (v === '0') rec[f[0]] = 0;
    else {
      const b = parseFlag(v);
      if (b === undefined) rej = addRejection(rej, rowNo, f[1], ...unknownValue(v));
      else rec[f[0]] = b === null ? null : b ? 1 : 0;
    }
  }
  for (const f of map.flags) {
    const v = cells[f.index] ?? '';
    if (parseFlag(v) === undefined) rej = addRejection(rej, rowNo, f.name, ...unknownValue(v));
  }
  return rej;
}

function isPlainIsoDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const m = (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48);
  const d = (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 28)) return false; // days 29–31 take the full check
  for (const i of [0, 1, 2, 3]) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Checks one row; the accepted record is a fresh tuple in RECORD_KEYS order. */
export function validateRow(cells: string[], rowNo: number, map: ResolvedMapping, today: string): { ok: true; record: RecordTuple } | { ok: false; rejections: Rejection[] } {
  const rec = newRecord();
  const rej = checkRow(cells, rowNo, map, today, rec);
  return rej ? { ok: false, rejections: rej } : { ok: true, record: rec };
}

/**
 * How a snapshot stores a row: the typed columns readers query (NIK, KK, desil, flags, a hash of
 * the normalised record for "unchanged" counts) and the row's cells: every column of the extract
 * in file order, normalised where Sigap maps them. Keeping the cells whole keeps what the extract
 * holds (even columns Sigap does not know) and makes loading cheap: a row already in normal form
 * is stored as its source line (split again with the snapshot's separator); any other row as its
 * normalised cells joined by U+001F, marked by a leading U+001F.
 */
export const LOAD_COLUMNS = ['row_no', 'nik', 'kk', 'desil', 'pkh', 'bpnt', 'pbi', 'row_hash', 'cells'] as const;
const CELL_SEP = '\u001f';

/** Record position of each mapped field (RECORD_KEYS order). */
const FIELD_POSITION: Record<Field, number> = {
  iddtks: 1,
  provinsi: 2,
  kabupaten_kota: 3,
  kecamatan: 4,
  desa_kelurahan: 5,
  alamat: 6,
  dusun: 7,
  rt: 8,
  rw: 9,
  nomor_kk: 10,
  nomor_nik: 11,
  nama: 12,
  tanggal_lahir: 13,
  tempat_lahir: 14,
  jenis_kelamin: 15,
  nama_ibu_kandung: 16,
  hubungan_keluarga: 17,
  desil: 18,
  pkh: 19,
  bpnt: 20,
  pbi_jk: 21,
};

/** [file column, record position] of every mapped field, computed once per import. */
export function mappedPositions(map: ResolvedMapping): [number, number][] {
  return (Object.entries(map.index) as [Field, number][]).map(([f, i]) => [i, FIELD_POSITION[f]]);
}

/** The separator stored rows are split with: the source's own, unless it is a tab (COPY's). */
export const storedSeparator = (sep: string) => (sep === '\t' ? CELL_SEP : sep);

const SMALL = Array.from({ length: 11 }, (_, i) => String(i));

function cellText(v: string | number | null | undefined): string {
  return v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : v;
}

/** A stored cell: no tab, line break or U+001F; in COPY text (`copy`) a backslash is doubled too. */
function cellEscape(s: string, copy: boolean): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 || c === 9 || c === 10 || c === 13 || c === 31) {
      const t = s.replace(/[\t\n\r\u001f]+/g, ' ');
      return copy ? t.replace(/\\/g, '\\\\') : t;
    }
  }
  return s;
}

const nul = (v: string | number | null | undefined) => (v === null || v === undefined ? '\\N' : typeof v === 'number' && v <= 10 ? SMALL[v]! : String(v));

/** An accepted row as the loader takes it (LOAD_COLUMNS order); reused row after row. */
export interface Encoded {
  rowNo: number;
  nik: string;
  kk: string;
  desil: number | null;
  pkh: number | null;
  bpnt: number | null;
  pbi: number | null;
  hash: number;
  cells: string;
}
export const newEncoded = (): Encoded => ({ rowNo: 0, nik: '', kk: '', desil: null, pkh: null, bpnt: null, pbi: null, hash: 0, cells: '' });

/**
 * An accepted row as a line of PostgreSQL COPY text (LOAD_COLUMNS order, tab-separated, \N for
 * null). The same text feeds the SQLite loader when parsing runs in a worker, so a batch crosses
 * threads as a single string.
 */
export function copyText(e: Encoded): string {
  return `${e.rowNo}\t${e.nik}\t${e.kk}\t${nul(e.desil)}\t${nul(e.pkh)}\t${nul(e.bpnt)}\t${nul(e.pbi)}\t${e.hash}\t${e.cells}`;
}

/** Appends an accepted row's values to a flat batch (LOAD_COLUMNS order), for a loader in this thread. */
export function pushValues(out: (string | number | null)[], e: Encoded): void {
  out.push(e.rowNo, e.nik, e.kk, e.desil, e.pkh, e.bpnt, e.pbi, e.hash, e.cells);
}

/**
 * Encodes a row checked by checkRow. When every mapped cell is already in normal form, the stored
 * cells are the source line itself. `copy`: the cells will travel in COPY text (backslash doubled).
 */
export function encodeRowTo(e: Encoded, cells: string[], line: string | null, sep: string, rec: RecordTuple, positions: [number, number][], flags: { index: number }[], copy = true): void {
  let payload: string | null = null;
  if (line !== null && sep !== '\t' && line.indexOf('\\') < 0 && line.indexOf('\t') < 0 && line.indexOf(CELL_SEP) < 0) {
    let canonical = true;
    for (let k = 0; k < positions.length; k++) {
      const p = positions[k]!;
      const c = cells[p[0]]!;
      const v = rec[p[1]];
      if (v === null ? c !== '' : typeof v === 'number' ? (v <= 10 ? SMALL[v] !== c : String(v) !== c) : v !== c) {
        canonical = false;
        break;
      }
    }
    for (let k = 0; canonical && k < flags.length; k++) {
      const c = cells[flags[k]!.index];
      if (c !== '' && c !== '0' && c !== '1') canonical = false;
    }
    if (canonical) payload = line;
  }
  let hash: number;
  if (payload !== null) hash = hashCells(payload, sep.charCodeAt(0));
  else {
    const out = cells.slice();
    for (let k = 0; k < positions.length; k++) {
      const p = positions[k]!;
      out[p[0]] = cellText(rec[p[1]]);
    }
    for (const f of flags) {
      const b = parseFlag(out[f.index] ?? '');
      out[f.index] = b === true ? '1' : b === false ? '0' : '';
    }
    for (let k = 0; k < out.length; k++) out[k] = cellEscape(out[k]!, false);
    payload = CELL_SEP + out.join(CELL_SEP);
    // The hash is of the cells as stored (before COPY's escaping).
    hash = hashCells(payload, 31, 1);
    if (copy && payload.indexOf('\\') >= 0) payload = payload.replace(/\\/g, '\\\\');
  }
  e.rowNo = rec[0] as number;
  e.nik = rec[11] as string;
  e.kk = rec[10] as string;
  e.desil = rec[18] as number | null;
  e.pkh = rec[19] as number | null;
  e.bpnt = rec[20] as number | null;
  e.pbi = rec[21] as number | null;
  e.hash = hash;
  e.cells = payload;
}

/** encodeRowTo as one line of COPY text. */
export function encodeRow(cells: string[], line: string | null, sep: string, rec: RecordTuple, positions: [number, number][], flags: { index: number }[]): string {
  const e = newEncoded();
  encodeRowTo(e, cells, line, sep, rec, positions, flags, true);
  return copyText(e);
}

/** The stored cells of a row, in file order (`sep`: the snapshot's stored separator). */
export function decodeCells(stored: string, sep: string): string[] {
  return stored.charCodeAt(0) === 31 ? stored.slice(1).split(CELL_SEP) : stored.split(sep);
}

/* ---------------------------------------------------------------------------------------- */
/* The fast path: a source line already in normal form, checked and encoded without splitting it. */

export interface FastPlan {
  expected: number;
  sep: string;
  sepCode: number;
  nik: number;
  kk: number;
  name: number;
  birth: number;
  sex: number;
  desil: number;
  pkh: number;
  bpnt: number;
  pbi: number;
  /** Columns whose text must already be trimmed (and at most 500 characters). */
  trimmed: number[];
  /** Other programme flag columns ('', '0' or '1'). */
  flags: number[];
  /** Cell start offsets, reused line after line. */
  offsets: Int32Array;
}

/** A plan for the fast path, or null when the source cannot use it (a tab-separated file). */
export function fastPlan(map: ResolvedMapping, sep: string): FastPlan | null {
  if (sep === '\t' || sep.length !== 1) return null;
  const at = (f: Field) => map.index[f] ?? -1;
  if (at('nomor_nik') < 0 || at('nomor_kk') < 0 || at('nama') < 0) return null;
  return {
    expected: map.headerCount,
    sep,
    sepCode: sep.charCodeAt(0),
    nik: at('nomor_nik'),
    kk: at('nomor_kk'),
    name: at('nama'),
    birth: at('tanggal_lahir'),
    sex: at('jenis_kelamin'),
    desil: at('desil'),
    pkh: at('pkh'),
    bpnt: at('bpnt'),
    pbi: at('pbi_jk'),
    trimmed: [...TEXT.map(([, f]) => at(f)), at('nama')].filter((i) => i >= 0),
    flags: map.flags.map((f) => f.index),
    offsets: new Int32Array(map.headerCount + 1),
  };
}

/** flagAt's 0 / 1 / 2 as the stored value. */
const FLAG_VALUE: (number | null)[] = [null, 0, 1];

/** '' → 0, '0' → 1, '1' → 2; anything else → -1. */
function flagAt(line: string, s: number, e: number): number {
  if (e === s) return 0;
  if (e - s !== 1) return -1;
  const c = line.charCodeAt(s);
  return c === 48 ? 1 : c === 49 ? 2 : -1;
}

function digitsAt(line: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = line.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * The COPY line of a source line that needs no normalisation and passes every check, or null to
 * take the full path (split, checkRow, encodeRow), which decides and reports. Never accepts a row
 * the full path would refuse, and encodes it identically.
 */
export function fastRowTo(out: Encoded, line: string, rowNo: number, plan: FastPlan, today: string, memo: RowMemo): boolean {
  // One pass: cell offsets, the hash of the cells, and no character COPY text would need escaped.
  const off = plan.offsets;
  const n = plan.expected;
  const sepCode = plan.sepCode;
  let k = 0;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  off[0] = 0;
  const len = line.length;
  for (let i = 0; i < len; i++) {
    let c = line.charCodeAt(i);
    if (c === sepCode) {
      if (++k >= n) return false;
      off[k] = i + 1;
      c = 31;
    } else if (c === 92 || c === 9 || c === 31) return false;
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  if (k !== n - 1) return false;
  off[n] = len + 1;
  const hash = (h1 >>> 6) * 0x4000000 + (h2 >>> 6);
  for (let t = 0; t < plan.trimmed.length; t++) {
    const c = plan.trimmed[t]!;
    const s = off[c]!;
    const e = off[c + 1]! - 1;
    if (e > s && (line.charCodeAt(s) <= 32 || line.charCodeAt(e - 1) <= 32 || e - s > 500)) return false;
  }
  if (off[plan.name + 1]! - 1 === off[plan.name]) return false;
  // NIK: 16 digits that parseNik accepts.
  let s = off[plan.nik]!;
  let e = off[plan.nik + 1]! - 1;
  if (e - s !== 16 || !digitsAt(line, s, e)) return false;
  const nik = line.slice(s, e);
  if (!parseNik(nik, { today }).ok) return false;
  // No. KK: 16 digits that parseKk accepts (family members follow each other: remembered).
  s = off[plan.kk]!;
  e = off[plan.kk + 1]! - 1;
  if (e - s !== 16 || !digitsAt(line, s, e)) return false;
  const kk = line.slice(s, e);
  if (kk !== memo.kkRaw) {
    const p = parseKk(kk);
    memo.kkRaw = kk;
    memo.kk = p.ok ? p.value.kk : null;
    memo.kkProblem = p.ok ? null : [p.error.message, p.error.messageEn];
  }
  if (memo.kk === null) return false;
  if (plan.birth >= 0) {
    s = off[plan.birth]!;
    e = off[plan.birth + 1]! - 1;
    if (e > s) {
      if (e - s !== 10 || line.charCodeAt(s + 4) !== 45 || line.charCodeAt(s + 7) !== 45) return false;
      if (!digitsAt(line, s, s + 4) || !digitsAt(line, s + 5, s + 7) || !digitsAt(line, s + 8, s + 10)) return false;
      const m = (line.charCodeAt(s + 5) - 48) * 10 + line.charCodeAt(s + 6) - 48;
      const d = (line.charCodeAt(s + 8) - 48) * 10 + line.charCodeAt(s + 9) - 48;
      if (m < 1 || m > 12 || d < 1 || d > 28) return false;
      // Not after today, not before 1880 (compared as text: same width).
      for (let i = 0; i < 10; i++) {
        const a = line.charCodeAt(s + i);
        const b = today.charCodeAt(i);
        if (a < b) break;
        if (a > b) return false;
      }
      if (line.charCodeAt(s) < 49 || (line.charCodeAt(s) === 49 && (line.charCodeAt(s + 1) < 56 || (line.charCodeAt(s + 1) === 56 && line.charCodeAt(s + 2) < 56)))) return false;
    }
  }
  if (plan.sex >= 0) {
    s = off[plan.sex]!;
    e = off[plan.sex + 1]! - 1;
    if (e > s && (e - s !== 1 || (line.charCodeAt(s) !== 76 && line.charCodeAt(s) !== 80))) return false;
  }
  let desil: number | null = null;
  if (plan.desil >= 0) {
    s = off[plan.desil]!;
    e = off[plan.desil + 1]! - 1;
    if (e > s) {
      const c = line.charCodeAt(s);
      if (e - s === 1 && c >= 49 && c <= 57) desil = c - 48;
      else if (e - s === 2 && c === 49 && line.charCodeAt(s + 1) === 48) desil = 10;
      else return false;
    }
  }
  const pkh = plan.pkh < 0 ? 0 : flagAt(line, off[plan.pkh]!, off[plan.pkh + 1]! - 1);
  const bpnt = plan.bpnt < 0 ? 0 : flagAt(line, off[plan.bpnt]!, off[plan.bpnt + 1]! - 1);
  const pbi = plan.pbi < 0 ? 0 : flagAt(line, off[plan.pbi]!, off[plan.pbi + 1]! - 1);
  if (pkh < 0 || bpnt < 0 || pbi < 0) return false;
  for (let t = 0; t < plan.flags.length; t++) {
    const c = plan.flags[t]!;
    if (flagAt(line, off[c]!, off[c + 1]! - 1) < 0) return false;
  }
  out.rowNo = rowNo;
  out.nik = nik;
  out.kk = memo.kk;
  out.desil = desil;
  out.pkh = FLAG_VALUE[pkh] ?? null;
  out.bpnt = FLAG_VALUE[bpnt] ?? null;
  out.pbi = FLAG_VALUE[pbi] ?? null;
  out.hash = hash;
  out.cells = line;
  return true;
}

/** fastRowTo as one line of COPY text, or null to take the full path. */
export function fastRow(line: string, rowNo: number, plan: FastPlan, today: string, memo: RowMemo): string | null {
  const e = newEncoded();
  return fastRowTo(e, line, rowNo, plan, today, memo) ? copyText(e) : null;
}
