/**
 * Every repository query, compiled for SQLite and PostgreSQL, kept as a reviewed snapshot
 * (test/pure/db/queries.<dialect>.sql): a change to the SQL shows in review. Compiled only (Kysely's
 * DummyDriver executes nothing), so it needs no database. Accept a reviewed change with
 * SIGAP_UPDATE_SQL=1.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import type { Database } from '../../../src/db/dialect.js';
import type { DB } from '../../../src/db/schema.js';
import { QUERIES, NOT_QUERIES } from './queries.js';

type Dialect = 'sqlite' | 'postgres';

/** A Kysely that compiles and records statements instead of running them. */
function recorder(dialect: Dialect) {
  const statements: string[] = [];
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => (dialect === 'sqlite' ? new SqliteAdapter() : new PostgresAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => (dialect === 'sqlite' ? new SqliteIntrospector(k) : new PostgresIntrospector(k)),
      createQueryCompiler: () => (dialect === 'sqlite' ? new SqliteQueryCompiler() : new PostgresQueryCompiler()),
    },
    log: (e) => {
      if (e.level === 'query') statements.push(e.query.sql);
    },
  });
  // The few hot paths that read by ready SQL text outside Kysely's queue record that text.
  const database = {
    db,
    dialect,
    read: async (text: string) => {
      statements.push(text);
      return [];
    },
    // Heavy reads (registry look-ups) may go to the replica: the same text, recorded the same way.
    readHeavy: async (text: string) => {
      statements.push(text);
      return [];
    },
    write: <T>(fn: (trx: Kysely<DB>) => Promise<T>) => fn(db),
  } as unknown as Database;
  return { db, database, statements };
}

async function compileAll(dialect: Dialect): Promise<string> {
  const out: string[] = [];
  for (const [name, call] of Object.entries(QUERIES)) {
    const r = recorder(dialect);
    // A dummy result is empty: a query that expects a row throws after it was compiled, which is all we need.
    await call(r.db, r.database).catch(() => undefined);
    assert.ok(r.statements.length > 0, `${name} compiled no statement`);
    out.push(`-- ${name}\n${r.statements.join(';\n')};\n`);
  }
  return out.join('\n');
}

describe('repository SQL, as reviewed', () => {
  it('every exported repository function is either compiled here or named as not a query', async () => {
    const modules = Object.keys({ ...QUERIES, ...NOT_QUERIES }).map((k) => k.split('.')[0]!);
    for (const file of new Set(modules)) {
      const mod = (await import(`../../../src/db/${file}.js`)) as Record<string, unknown>;
      for (const [fn, v] of Object.entries(mod))
        if (typeof v === 'function' && !/^[A-Z]/.test(fn)) assert.ok(`${file}.${fn}` in QUERIES || `${file}.${fn}` in NOT_QUERIES, `${file}.${fn} is neither in QUERIES nor in NOT_QUERIES (test/pure/db/queries.ts)`);
    }
  });

  for (const dialect of ['sqlite', 'postgres'] as const)
    it(`compiles the same SQL as test/pure/db/queries.${dialect}.sql (${dialect})`, async () => {
      // The reviewed files live in the repository (npm test runs a compiled copy of the tests elsewhere).
      const file = join(process.cwd(), 'test', 'pure', 'db', `queries.${dialect}.sql`);
      const now = await compileAll(dialect);
      if (process.env.SIGAP_UPDATE_SQL === '1') writeFileSync(file, now);
      let reviewed = '';
      try {
        reviewed = readFileSync(file, 'utf8');
      } catch {
        assert.fail(`test/pure/db/queries.${dialect}.sql is missing: run SIGAP_UPDATE_SQL=1 npm test -- sql-snapshot and review it`);
      }
      assert.equal(now, reviewed, `the SQL changed: review the difference, then accept it with SIGAP_UPDATE_SQL=1`);
    });
});
