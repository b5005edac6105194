/**
 * A fresh, real database for one test file: a temp SQLite file, or a new database on the
 * throwaway PostgreSQL cluster that scripts/test.mjs started (TEST_DB=postgres).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/dialect.js';
import { migrate } from '../../src/db/migrate.js';

export const TEST_DB = (process.env.TEST_DB ?? 'sqlite') as 'sqlite' | 'postgres';

export interface TestDatabase {
  database: Database;
  /** URL or file another process can open (for multi-process tests). */
  location: { databaseUrl: string | null; dataDir: string };
  cleanup(): Promise<void>;
}

export async function freshDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sigap-t-'));
  let databaseUrl: string | null = null;
  let drop: (() => Promise<void>) | null = null;
  if (TEST_DB === 'postgres') {
    const admin = process.env.TEST_PG_URL;
    if (!admin) throw new Error('TEST_DB=postgres needs TEST_PG_URL (run the suite with npm test)');
    const name = `sigap_t_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    databaseUrl = admin.replace(/\/[^/]*$/, `/${name}`);
    drop = async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const location = { databaseUrl, dataDir };
  const database = openDatabase(location);
  if (opts.migrate !== false) await migrate(database);
  return {
    database,
    location,
    async cleanup() {
      await database.close();
      if (drop) await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
