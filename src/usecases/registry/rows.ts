/**
 * Reading stored snapshot rows: a snapshot's layout (its header and mapping, kept in its summary)
 * turns a row's cells back into a person. Layouts never change, so they are cached per snapshot.
 */
import type { RegistryRowTable, RegistrySnapshotsTable } from '../../db/schema-registry.js';
import type { PersonView } from '../../domain/registry/access.js';
import type { Field } from '../../domain/registry/columns.js';
import { decodeCells } from '../../domain/registry/row.js';
import { parseFlag } from '../../domain/registry/values.js';

export interface Layout {
  header: string[];
  /** Separator of rows stored as their source line. */
  separator: string;
  index: Partial<Record<Field, number>>;
  flags: { name: string; index: number }[];
}

const cache = new Map<string, Layout>();

export function layoutOf(snapshot: Pick<RegistrySnapshotsTable, 'id' | 'summary'>): Layout {
  let l = cache.get(snapshot.id);
  if (l) return l;
  const s = JSON.parse(snapshot.summary) as { layout?: Layout };
  l = s.layout ?? { header: [], separator: ',', index: {}, flags: [] };
  if (cache.size > 200) cache.delete(cache.keys().next().value!);
  cache.set(snapshot.id, l);
  return l;
}

const flag = (v: number | null): boolean | null => (v === null || v === undefined ? null : v === 1);

/** Other programme flags of a row (from its cells). */
export function otherFlags(row: RegistryRowTable, layout: Layout, cells: string[] = decodeCells(row.cells, layout.separator)): Record<string, boolean | null> {
  const out: Record<string, boolean | null> = {};
  for (const f of layout.flags) out[f.name] = parseFlag(cells[f.index] ?? '') ?? null;
  return out;
}

export function personOf(row: RegistryRowTable, layout: Layout): PersonView {
  const cells = decodeCells(row.cells, layout.separator);
  const get = (f: Field): string | null => {
    const i = layout.index[f];
    const v = i === undefined ? undefined : cells[i];
    return v === undefined || v === '' ? null : v;
  };
  const sex = get('jenis_kelamin');
  return {
    nik: row.nik,
    kk: row.kk,
    name: get('nama') ?? '',
    birthDate: get('tanggal_lahir'),
    birthPlace: get('tempat_lahir'),
    sex: sex === 'L' || sex === 'P' ? sex : null,
    motherName: get('nama_ibu_kandung'),
    relation: get('hubungan_keluarga'),
    address: {
      address: get('alamat'),
      hamlet: get('dusun'),
      rt: get('rt'),
      rw: get('rw'),
      village: get('desa_kelurahan'),
      district: get('kecamatan'),
      regency: get('kabupaten_kota'),
      province: get('provinsi'),
    },
    dtksId: get('iddtks'),
    desil: row.desil,
    programmes: { pkh: flag(row.pkh), bpnt: flag(row.bpnt), pbi: flag(row.pbi), ...otherFlags(row, layout, cells) },
  };
}

/** Every cell of a row by its column header (exports). */
export function cellsByHeader(row: RegistryRowTable, layout: Layout): Record<string, string> {
  const cells = decodeCells(row.cells, layout.separator);
  return Object.fromEntries(layout.header.map((h, i) => [h || `kolom_${i + 1}`, cells[i] ?? '']));
}
