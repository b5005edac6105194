// Audit tampering: someone holding the database edits, deletes and reorders chained audit rows;
// `sigap audit verify` must name each, and pass again once the row is put back.
import { openDb, sigap } from './lib.mjs';

/** One tampering, checked and undone: `{ what, detected, named, output }`. */
async function attempt(run, place, what, rowId, change, undo) {
  await change();
  const r = await sigap(run, place, ['audit', 'verify']);
  await undo();
  const broken = r.out.split('\n').filter((l) => l.includes('PUTUS/BROKEN'));
  return { what, detected: r.code === 1 && broken.length > 0, named: rowId ? broken.some((l) => l.includes(rowId)) : broken.length > 0, output: broken.slice(0, 2).join(' | ') };
}

/** Tampers with the two busiest chains (audit_events, and registry_access_log when it has rows). */
export async function tampering(run, place) {
  const db = await openDb(place);
  const results = [];
  try {
    const before = await sigap(run, place, ['audit', 'verify']);
    const chains = [];
    for (const table of ['audit_events', 'registry_access_log', 'data_access_log']) {
      const [busiest] = await db.all(`SELECT office_id, COUNT(*) AS n FROM ${table} WHERE office_id IS NOT NULL GROUP BY office_id ORDER BY COUNT(*) DESC LIMIT 1`);
      if (busiest && Number(busiest.n) >= 4) chains.push({ table, office: busiest.office_id });
    }
    for (const { table, office } of chains) {
      const rows = await db.all(`SELECT * FROM ${table} WHERE office_id = ? ORDER BY seq`, [office]);
      const mid = rows[Math.floor(rows.length / 2)];
      const next = rows[rows.indexOf(mid) + 1];
      const last = rows[rows.length - 1];
      const textColumn = table === 'audit_events' ? 'detail' : table === 'registry_access_log' ? 'reason' : 'purpose';
      results.push(
        await attempt(
          run,
          place,
          `${table}: edit one row's ${textColumn}`,
          mid.id,
          () => db.run(`UPDATE ${table} SET ${textColumn} = ? WHERE id = ?`, [table === 'audit_events' ? '{"catatan":"diubah"}' : 'iseng', mid.id]),
          () => db.run(`UPDATE ${table} SET ${textColumn} = ? WHERE id = ?`, [mid[textColumn], mid.id]),
        ),
      );
      const reinsert = (row) => {
        const cols = Object.keys(row);
        return db.run(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, cols.map((c) => row[c]));
      };
      results.push(await attempt(run, place, `${table}: delete a row in the middle`, next.id, () => db.run(`DELETE FROM ${table} WHERE id = ?`, [mid.id]), () => reinsert(mid)));
      results.push(await attempt(run, place, `${table}: delete the last row`, null, () => db.run(`DELETE FROM ${table} WHERE id = ?`, [last.id]), () => reinsert(last)));
      // Two rows trade places (their seq), as a hand-edited file would order them.
      const order = async (a, aSeq, b, bSeq) => {
        await db.run(`UPDATE ${table} SET seq = ? WHERE id = ?`, [-1, a.id]);
        await db.run(`UPDATE ${table} SET seq = ? WHERE id = ?`, [bSeq, b.id]);
        await db.run(`UPDATE ${table} SET seq = ? WHERE id = ?`, [aSeq, a.id]);
      };
      results.push(await attempt(run, place, `${table}: swap two rows`, next.id, () => order(mid, next.seq, next, mid.seq), () => order(mid, mid.seq, next, next.seq)));
    }
    const after = await sigap(run, place, ['audit', 'verify']);
    return { chains: chains.map((c) => c.table), intactBefore: before.code === 0, intactAfterUndo: after.code === 0, attempts: results, afterOutput: after.code === 0 ? '' : after.out.slice(0, 500) };
  } finally {
    await db.close();
  }
}
