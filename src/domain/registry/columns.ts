/**
 * Column mapping of a DTKS/DTSEN extract. No official extract layout was found (REFERENCE §4,
 * [U]), so the header names are data: a default mapping understands, case-insensitively, the
 * layout seen in public code (iddtks, provinsi, kabupaten_kota, ..., nomor_nik, nama, ...) and
 * common variants (NIK, NO_KK, NAMA...); a mapping file overrides it. Pure: no I/O.
 */
import { z } from 'zod';
import type { Problem } from '../errors.js';

/** The fields Sigap keeps of a registry row, named as in the extract layout seen in public code. */
const FIELDS = [
  'iddtks',
  'provinsi',
  'kabupaten_kota',
  'kecamatan',
  'desa_kelurahan',
  'alamat',
  'dusun',
  'rt',
  'rw',
  'nomor_kk',
  'nomor_nik',
  'nama',
  'tanggal_lahir',
  'tempat_lahir',
  'jenis_kelamin',
  'nama_ibu_kandung',
  'hubungan_keluarga',
  'desil',
  'pkh',
  'bpnt',
  'pbi_jk',
] as const;
export type Field = (typeof FIELDS)[number];

/** Without these a row cannot be looked up or grouped into a family. */
const REQUIRED_FIELDS: readonly Field[] = ['nomor_nik', 'nomor_kk', 'nama'];

/** Normalises a header: lower case, accents and punctuation to "_", trimmed of "_". */
function normaliseHeader(h: string): string {
  return String(h ?? '')
    .replace(/^\uFEFF/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Header variants (already normalised) recognised by the default mapping. */
const DEFAULT_ALIASES: Record<Field, string[]> = {
  iddtks: ['iddtks', 'id_dtks', 'id_dtsen', 'iddtsen', 'id_art', 'idart', 'id'],
  provinsi: ['provinsi', 'propinsi', 'prov', 'nama_provinsi', 'nm_prov'],
  kabupaten_kota: ['kabupaten_kota', 'kabupaten', 'kota', 'kab_kota', 'kabkota', 'kab_kot', 'nama_kabupaten', 'nama_kab_kota', 'nm_kab'],
  kecamatan: ['kecamatan', 'kec', 'nama_kecamatan', 'nm_kec'],
  desa_kelurahan: ['desa_kelurahan', 'desa', 'kelurahan', 'desa_kel', 'kel_desa', 'kelurahan_desa', 'nama_desa', 'nama_kelurahan', 'nm_desa', 'nm_kel'],
  alamat: ['alamat', 'alamat_lengkap', 'address'],
  dusun: ['dusun', 'lingkungan', 'dusun_lingkungan'],
  rt: ['rt', 'no_rt', 'nomor_rt'],
  rw: ['rw', 'no_rw', 'nomor_rw'],
  nomor_kk: ['nomor_kk', 'no_kk', 'nokk', 'kk', 'nomor_kartu_keluarga', 'no_kartu_keluarga', 'nkk'],
  nomor_nik: ['nomor_nik', 'nik', 'no_nik', 'noktp', 'no_ktp', 'nomor_induk_kependudukan', 'nik_art'],
  nama: ['nama', 'nama_lengkap', 'nama_art', 'name', 'nama_anggota'],
  tanggal_lahir: ['tanggal_lahir', 'tgl_lahir', 'tgllahir', 'tanggallahir', 'tgl_lhr', 'birth_date'],
  tempat_lahir: ['tempat_lahir', 'tmp_lahir', 'tempatlahir', 'tmpt_lahir', 'tempat_lhr', 'birth_place'],
  jenis_kelamin: ['jenis_kelamin', 'jk', 'jns_kel', 'jenkel', 'kelamin', 'sex', 'gender', 'l_p'],
  nama_ibu_kandung: ['nama_ibu_kandung', 'ibu_kandung', 'nama_ibu', 'nm_ibu_kandung'],
  hubungan_keluarga: ['hubungan_keluarga', 'hub_keluarga', 'hubungan', 'hubungan_kk', 'hub_kk', 'shdk', 'status_hubungan', 'status_hubungan_dalam_keluarga', 'hubungan_dengan_kepala_keluarga', 'hub_krt'],
  desil: ['desil', 'desil_nasional', 'peringkat_desil', 'desil_kesejahteraan', 'status_desil', 'decile'],
  pkh: ['pkh', 'flag_pkh', 'penerima_pkh', 'status_pkh', 'kpm_pkh'],
  bpnt: ['bpnt', 'flag_bpnt', 'penerima_bpnt', 'status_bpnt', 'sembako', 'kpm_bpnt', 'program_sembako'],
  pbi_jk: ['pbi_jk', 'pbi', 'pbi_jkn', 'flag_pbi', 'penerima_pbi', 'status_pbi', 'pbi_jkn_kis'],
};

/** Other programme flags recognised by name (kept as `registry.<name>` facts). */
const DEFAULT_OTHER_FLAGS = ['kip', 'pip', 'kks', 'blt', 'bst', 'rutilahu', 'atensi', 'pena', 'yapi', 'kis', 'bpjs_pbi_daerah', 'jamkesda'];

export const MappingFile = z
  .object({
    /** Sigap field → header in the file. */
    columns: z.partialRecord(z.enum(FIELDS), z.string().min(1)).default({}),
    /** Other programme flags: fact name → header in the file. */
    flags: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'nama program: huruf kecil, angka, _ / programme name: lowercase letters, digits, _' }), z.string().min(1)).default({}),
    separator: z.enum([',', ';', '|', '\t']).optional(),
    encoding: z.enum(['auto', 'utf-8', 'windows-1252']).default('auto'),
    /** Fraction of rows that may be rejected before the whole import is refused (0.01 = 1%). */
    threshold: z.number().min(0).max(1).optional(),
    /** XLSX: worksheet name (default: the first). */
    sheet: z.string().optional(),
  })
  .strict();
export type MappingFile = z.infer<typeof MappingFile>;

export interface ResolvedMapping {
  /** Field → column index in the file. */
  index: Partial<Record<Field, number>>;
  /** Other programme flags: fact name → column index. */
  flags: { name: string; index: number }[];
  /** Headers that matched nothing (reported, not an error). */
  unused: string[];
  headerCount: number;
}

/**
 * Resolves the file's header row against the mapping: explicit mapping first, then the default
 * aliases. Problems: a required field missing, a mapped header not found, a header mapped twice.
 */
export function resolveMapping(headers: string[], mapping: MappingFile | null): { ok: true; value: ResolvedMapping } | { ok: false; problems: Problem[] } {
  const norm = headers.map(normaliseHeader);
  const problems: Problem[] = [];
  const index: Partial<Record<Field, number>> = {};
  const taken = new Map<number, string>();
  const find = (header: string) => norm.indexOf(normaliseHeader(header));
  for (const [field, header] of Object.entries(mapping?.columns ?? {}) as [Field, string][]) {
    const i = find(header);
    if (i < 0) {
      problems.push({
        code: 'mapping-column-missing',
        message: `Kolom "${header}" (untuk ${field}) tidak ada di berkas. Kolom yang ada: ${headers.join(', ')}`,
        messageEn: `Column "${header}" (for ${field}) is not in the file. Columns found: ${headers.join(', ')}`,
      });
      continue;
    }
    index[field] = i;
    taken.set(i, field);
  }
  for (const field of FIELDS) {
    if (index[field] !== undefined || mapping?.columns?.[field]) continue;
    const i = norm.findIndex((h, k) => !taken.has(k) && DEFAULT_ALIASES[field].includes(h));
    if (i >= 0) {
      index[field] = i;
      taken.set(i, field);
    }
  }
  const flags: { name: string; index: number }[] = [];
  for (const [name, header] of Object.entries(mapping?.flags ?? {})) {
    const i = find(header);
    if (i < 0) {
      problems.push({
        code: 'mapping-column-missing',
        message: `Kolom "${header}" (program ${name}) tidak ada di berkas`,
        messageEn: `Column "${header}" (programme ${name}) is not in the file`,
      });
      continue;
    }
    if (taken.has(i))
      problems.push({ code: 'mapping-column-twice', message: `Kolom "${header}" dipetakan dua kali`, messageEn: `Column "${header}" is mapped twice` });
    flags.push({ name, index: i });
    taken.set(i, name);
  }
  norm.forEach((h, i) => {
    if (taken.has(i)) return;
    const m = /^(?:flag_|penerima_|kpm_)?([a-z][a-z0-9_]*)$/.exec(h);
    if (m && DEFAULT_OTHER_FLAGS.includes(m[1]!) && !flags.some((f) => f.name === m[1])) {
      flags.push({ name: m[1]!, index: i });
      taken.set(i, m[1]!);
    }
  });
  for (const f of REQUIRED_FIELDS)
    if (index[f] === undefined && !problems.some((p) => p.message.includes(`untuk ${f}`)))
      problems.push({
        code: 'required-column-missing',
        message: `Kolom wajib ${f} tidak ditemukan. Kolom yang ada: ${headers.join(', ') || '(kosong)'}. Beri nama kolom yang dikenali atau pakai berkas pemetaan (--mapping).`,
        messageEn: `Required column ${f} not found. Columns found: ${headers.join(', ') || '(none)'}. Use a recognised header or a mapping file (--mapping).`,
      });
  if (problems.length) return { ok: false, problems };
  const unused = headers.filter((_, i) => !taken.has(i) && norm[i] !== '');
  return { ok: true, value: { index, flags, unused, headerCount: headers.length } };
}

/** Parses a mapping file's already-loaded YAML/JSON value. */
export function parseMapping(value: unknown): { ok: true; value: MappingFile } | { ok: false; problems: Problem[] } {
  const r = MappingFile.safeParse(value ?? {});
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    problems: r.error.issues.map((i) => ({
      code: 'mapping-invalid',
      message: `Berkas pemetaan tidak sah di ${i.path.join('.') || '(akar)'}: ${i.message}`,
      messageEn: `Invalid mapping file at ${i.path.join('.') || '(root)'}: ${i.message}`,
    })),
  };
}
