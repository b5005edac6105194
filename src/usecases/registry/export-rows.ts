/**
 * An export of a snapshot's rows (CSV, every column of the extract, optionally one kecamatan or
 * kelurahan) for operators and admins, with a stated basis, logged before the first byte. The CSV is
 * produced page by page: never the whole snapshot in memory.
 */
import { findSnapshot, rowsPage } from '../../db/registry-repo.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import { canExportRows } from '../../domain/registry/access.js';
import { exportBasis } from '../../domain/registry/inputs.js';
import { decodeCells } from '../../domain/registry/row.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { logAccess } from './log-access.js';
import { layoutOf } from './rows.js';
import { csvCell } from '../../domain/util/csv-cell.js';


export interface RowsExport {
  /** The download's file name: registri-<period>-<id>.csv. */
  filename: string;
  lines: AsyncGenerator<string>;
}

export async function exportRows(ctx: Ctx, actor: Actor, input: { snapshot: string; district?: string; village?: string; reason?: string }): Promise<Outcome<RowsExport>> {
  if (!actor.officeId || !canExportRows(actor.roles)) return failWith('forbidden', 'role-required', 'Ekspor data registri hanya untuk operator atau admin', 'Registry exports are for operators and admins only');
  const reason = exportBasis(input.reason);
  if (!reason.ok) return fail('invalid', reason.error);
  const snap = await findSnapshot(ctx.database.db, actor.officeId, input.snapshot);
  if (!snap || snap.status !== 'complete') return failWith('not-found', 'snapshot-not-found', 'Snapshot registri tidak ditemukan', 'Registry snapshot not found');
  const layout = layoutOf(snap);
  const district = input.district?.trim().toUpperCase() || undefined;
  const village = input.village?.trim().toUpperCase() || undefined;
  await logAccess(ctx.database, {
    officeId: actor.officeId,
    actor,
    action: 'export-rows',
    snapshotId: snap.id,
    reason: reason.value,
    detail: { district: district ?? null, village: village ?? null },
    at: nowOf(ctx).toISOString(),
  });
  const di = layout.index.kecamatan;
  const vi = layout.index.desa_kelurahan;
  async function* lines(): AsyncGenerator<string> {
    yield '\uFEFF' + layout.header.map((c) => csvCell(c)).join(',') + '\n';
    let after = 0;
    for (;;) {
      const page = await rowsPage(ctx.database.db, snap!.tableName, { afterRowNo: after, limit: 5000 });
      if (!page.length) return;
      let out = '';
      for (const r of page) {
        const cells = decodeCells(r.cells, layout.separator);
        if (district && di !== undefined && (cells[di] ?? '').toUpperCase() !== district) continue;
        if (village && vi !== undefined && (cells[vi] ?? '').toUpperCase() !== village) continue;
        out += cells.map((c) => csvCell(c)).join(',') + '\n';
      }
      after = Number(page[page.length - 1]!.row_no);
      if (out) yield out;
    }
  }
  return { ok: true, value: { filename: `registri-${snap.period}-${snap.id.slice(0, 8)}.csv`, lines: lines() } };
}
