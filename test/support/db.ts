/**
 * A fresh, real database for one test file: a temp SQLite file, or a new database on the
 * throwaway PostgreSQL cluster that scripts/test.mjs started (TEST_DB=postgres); either empty, or
 * a copy of the run's template (migrated, standards loaded, demo accounts created).
 */
import { randomBytes } from 'node:crypto';
import { constants, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/dialect.js';
import { migrate } from '../../src/db/migrate.js';

export const TEST_DB = (process.env.TEST_DB ?? 'sqlite') as 'sqlite' | 'postgres';

/**
 * The template scripts/test.mjs prepared for this run (test/support/template.ts): the SQLite file
 * to copy, or the PostgreSQL database to clone. Unset when a test file is run on its own.
 */
export const TEMPLATE = process.env.SIGAP_TEST_TEMPLATE || null;

/** Set by scripts/test.mjs: the PostgreSQL cluster is its own, deleted whole after the run. */
const THROWAWAY_CLUSTER = process.env.SIGAP_TEST_PG_THROWAWAY === '1';

export interface TestDatabase {
  database: Database;
  /** URL or file another process can open (for multi-process tests). */
  location: { databaseUrl: string | null; dataDir: string };
  cleanup(): Promise<void>;
}

/** A database that exists but is not open: where it is, and how to remove it. */
export interface DatabasePlace {
  location: { databaseUrl: string | null; dataDir: string };
  remove(): Promise<void>;
}

/** Runs a statement on the cluster's admin database (TEST_PG_URL): creating and dropping databases. */
export async function adminQuery(text: string): Promise<void> {
  const admin = process.env.TEST_PG_URL;
  if (!admin) throw new Error('TEST_DB=postgres needs TEST_PG_URL (run the suite with npm test)');
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The URL of database `name` on the cluster of TEST_PG_URL. */
export const pgDatabaseUrl = (name: string) => process.env.TEST_PG_URL!.replace(/\/[^/]*$/, `/${name}`);

/** A new database, empty or a copy of `template`, with a data directory of its own. */
export async function newDatabasePlace(template: string | null = null): Promise<DatabasePlace> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sigap-t-'));
  if (TEST_DB === 'postgres') {
    const name = `sigap_t_${randomBytes(6).toString('hex')}`;
    // Cloning needs no open connection to the template; it never has one (connections refused).
    await adminQuery(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
    return {
      location: { databaseUrl: pgDatabaseUrl(name), dataDir },
      async remove() {
        // DROP DATABASE forces a checkpoint of the whole cluster, stalling every other test's
        // commits; on npm test's throwaway cluster, removed at the end of the run, it is skipped.
        if (!THROWAWAY_CLUSTER) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  // The template was checkpointed and left in rollback-journal mode: the one file is the database.
  if (template) copyFileSync(template, join(dataDir, 'sigap.db'), constants.COPYFILE_FICLONE);
  return {
    location: { databaseUrl: null, dataDir },
    async remove() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An empty database (migrated unless asked not to), open. */
export async function freshDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const place = await newDatabasePlace();
  const database = openDatabase(place.location);
  if (opts.migrate !== false) await migrate(database);
  return {
    database,
    location: place.location,
    async cleanup() {
      await database.close();
      await place.remove();
    },
  };
}
