// Audit tampering: someone holding the database edits, deletes and reorders chained audit rows;
// `sigap audit verify` must name each, and pass again once the rows are put back. Each kind of
// tampering is done in every chain at once (verify names the first break of each chain), so four
// runs of verify cover every chain.
import { openDb, sigap } from './lib.mjs';

const TEXT_COLUMN = { audit_events: 'detail', registry_access_log: 'reason', data_access_log: 'purpose' };

/** The kinds of tampering: each changes one chain and says which row verify must name (null: any break of the chain). */
function kinds(db, table) {
  const col = TEXT_COLUMN[table];
  const reinsert = (row) => {
    const cols = Object.keys(row);
    return db.run(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, cols.map((c) => row[c]));
  };
  // Two rows trade places (their seq), as a hand-edited file would order them.
  const order = async (a, aSeq, b, bSeq) => {
    await db.run(`UPDATE ${table} SET seq = ? WHERE id = ?`, [-1, a.id]);
    await db.run(`UPDATE ${table} SET seq = ? WHERE id = ?`, [bSeq, b.id]);
    await db.run(`UPDATE ${table} SET seq = ? WHERE id = ?`, [aSeq, a.id]);
  };
  return {
    'edit one row': (mid) => ({ named: mid.id, change: () => db.run(`UPDATE ${table} SET ${col} = ? WHERE id = ?`, [table === 'audit_events' ? '{"catatan":"diubah"}' : 'iseng', mid.id]), undo: () => db.run(`UPDATE ${table} SET ${col} = ? WHERE id = ?`, [mid[col], mid.id]) }),
    'delete a row in the middle': (mid, next) => ({ named: next.id, change: () => db.run(`DELETE FROM ${table} WHERE id = ?`, [mid.id]), undo: () => reinsert(mid) }),
    'delete the last row': (_mid, _next, last) => ({ named: null, change: () => db.run(`DELETE FROM ${table} WHERE id = ?`, [last.id]), undo: () => reinsert(last) }),
    'swap two rows': (mid, next) => ({ named: next.id, change: () => order(mid, next.seq, next, mid.seq), undo: () => order(mid, mid.seq, next, next.seq) }),
  };
}

export async function tampering(run, place) {
  const db = await openDb(place);
  const attempts = [];
  try {
    const before = await sigap(run, place, ['audit', 'verify']);
    // Every office chain of every chained table with enough rows to have a middle.
    const chains = [];
    const slugOf = new Map((await db.all('SELECT id, slug FROM offices')).map((o) => [o.id, o.slug]));
    for (const table of Object.keys(TEXT_COLUMN))
      for (const c of await db.all(`SELECT office_id, COUNT(*) AS n FROM ${table} WHERE office_id IS NOT NULL GROUP BY office_id ORDER BY office_id`))
        if (Number(c.n) >= 4) chains.push({ table, office: slugOf.get(c.office_id) ?? c.office_id, rows: await db.all(`SELECT * FROM ${table} WHERE office_id = ? ORDER BY seq`, [c.office_id]) });
    for (const kind of Object.keys(kinds(db, 'audit_events'))) {
      const done = [];
      for (const chain of chains) {
        const { rows, table } = chain;
        const mid = rows[Math.floor(rows.length / 2)];
        const t = kinds(db, table)[kind](mid, rows[rows.indexOf(mid) + 1], rows[rows.length - 1]);
        await t.change();
        done.push({ chain, t });
      }
      const r = await sigap(run, place, ['audit', 'verify']);
      for (const { t } of done.reverse()) await t.undo();
      const broken = r.out.split('\n').filter((l) => l.includes('PUTUS/BROKEN'));
      for (const { chain, t } of done) {
        const mine = broken.filter((l) => l.includes(` ${chain.office} ${chain.table}:`));
        attempts.push({ what: `${chain.office} ${chain.table}: ${kind}`, detected: r.code === 1 && mine.length > 0, named: mine.some((l) => (t.named ? l.includes(t.named) : true)) });
      }
    }
    const after = await sigap(run, place, ['audit', 'verify']);
    return { chains: [...new Set(chains.map((c) => c.table))], chainCount: chains.length, intactBefore: before.code === 0, intactAfterUndo: after.code === 0, attempts, afterOutput: after.code === 0 ? '' : after.out.slice(0, 500) };
  } finally {
    await db.close();
  }
}
