/**
 * The tamper-evident audit trail (docs/ARCHITECTURE.md, "The audit chain"): prev_hash and hash on
 * every audit and access-log row, a chain head per table and office, the rows already written
 * chained in their order, and a refusal of any later row that arrives without its hash.
 */
import { sql, type Kysely } from 'kysely';
import { GENESIS, officeKey, rowHash } from '../../domain/audit-chain.js';

/** The tables chained by this migration; later chained tables are created chained (010 on). */
const CHAINED_TABLES = ['audit_events', 'registry_access_log'] as const;
import type { DialectHelpers } from '../dialect.js';

export async function up(db: Kysely<any>, h: DialectHelpers): Promise<void> {
  await db.schema
    .createTable('audit_chain_heads')
    .addColumn('chain', 'text', (c) => c.notNull())
    .addColumn('office_key', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('head_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_chain_heads_pk', ['chain', 'office_key'])
    .execute();
  for (const table of CHAINED_TABLES) {
    await db.schema.alterTable(table).addColumn('prev_hash', 'text').execute();
    await db.schema.alterTable(table).addColumn('hash', 'text').execute();
    // `audit verify` walks one office's rows in seq order, a page at a time.
    await db.schema.createIndex(`${table}_office_seq`).on(table).columns(['office_id', 'seq']).execute();
    // Chained in seq order, office by office, a page at a time.
    const heads = new Map<string, { rowCount: number; headHash: string }>();
    let after = 0;
    for (;;) {
      const rows: Record<string, unknown>[] = await db.selectFrom(table).selectAll().where('seq', '>', after).orderBy('seq').limit(1000).execute();
      if (!rows.length) break;
      for (const row of rows) {
        const key = officeKey(row.office_id as string | null);
        const head = heads.get(key) ?? { rowCount: 0, headHash: GENESIS };
        const hash = rowHash(table, row, head.headHash);
        await db.updateTable(table).set({ prev_hash: head.headHash, hash }).where('seq', '=', row.seq).execute();
        heads.set(key, { rowCount: head.rowCount + 1, headHash: hash });
        after = Number(row.seq);
      }
    }
    for (const [key, head] of heads) await db.insertInto('audit_chain_heads').values({ chain: table, office_key: key, row_count: head.rowCount, head_hash: head.headHash }).execute();
    // A writer that bypasses db/audit-chain-repo.ts fails at once instead of leaving a break for `audit verify` to find.
    if (h.dialect === 'postgres') {
      await sql`ALTER TABLE ${sql.table(table)} ALTER COLUMN prev_hash SET NOT NULL`.execute(db);
      await sql`ALTER TABLE ${sql.table(table)} ALTER COLUMN hash SET NOT NULL`.execute(db);
    } else
      await sql
        .raw(
          `CREATE TRIGGER ${table}_chained BEFORE INSERT ON ${table} WHEN NEW.hash IS NULL OR NEW.prev_hash IS NULL BEGIN SELECT RAISE(ABORT, '${table}: rows are chained, write them through db/audit-chain-repo.ts'); END`,
        )
        .execute(db);
  }
}
