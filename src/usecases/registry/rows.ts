/**
 * Reading stored snapshot rows: a snapshot's layout (its header and mapping, kept in its summary)
 * turns a row's cells back into a person.
 */
import type { Snapshot } from '../../db/registry-repo.js';
import type { RegistryRowTable } from '../../db/schema-registry.js';
import type { PersonView } from '../../domain/registry/access.js';
import type { Field } from '../../domain/registry/columns.js';
import { decodeCells } from '../../domain/registry/row.js';
import { EMPTY_LAYOUT, type Layout } from '../../domain/registry/snapshots.js';
import { parseFlag } from '../../domain/registry/values.js';

/** How a snapshot's cells are read (decoded with the snapshot's row: no parsing here). */
export const layoutOf = (snapshot: Pick<Snapshot, 'summary'>): Layout => snapshot.summary.layout ?? EMPTY_LAYOUT;

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
