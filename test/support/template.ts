/**
 * Builds the run's template database once per database kind (scripts/test.mjs runs this before
 * the database tests): the real boot of the product, migrating, loading and validating the
 * standards, creating the demo accounts. Test apps then start from copies (test/support/db.ts).
 *
 *   TEST_DB=sqlite   node --import tsx test/support/template.ts <dir>   → prints the file to copy
 *   TEST_DB=postgres node --import tsx test/support/template.ts <name>  → prints the database to clone
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { boot } from '../../src/boot.js';
import { adminQuery, pgDatabaseUrl, TEST_DB } from './db.js';
import { STANDARDS_DIR } from './paths.js';

const target = process.argv[2];
if (!target) throw new Error('usage: template.ts <SQLite directory | PostgreSQL database name>');

let databaseUrl: string | null = null;
let dataDir = target;
if (TEST_DB === 'postgres') {
  await adminQuery(`CREATE DATABASE ${target}`);
  databaseUrl = pgDatabaseUrl(target);
  dataDir = mkdtempSync(join(tmpdir(), 'sigap-template-'));
}
const booted = await boot({ databaseUrl, dataDir, standardsDir: STANDARDS_DIR, demo: true, actor: 'test' });
if (!booted.ok) {
  for (const p of booted.problems) console.error(`${p.file}:${p.line}: ${p.messageEn}`);
  process.exit(1);
}
await booted.ctx.database.close();

if (TEST_DB === 'postgres') {
  // Nobody may connect to the template: a clone needs it idle, and no test can change it.
  await adminQuery(`ALTER DATABASE ${target} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
  rmSync(dataDir, { recursive: true, force: true });
  console.log(target);
} else {
  // Everything into the main file (checkpoint, rollback-journal mode), so that a plain copy of
  // that one file is the whole database; the copies return to WAL when the product opens them.
  const file = `${target}/sigap.db`;
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = DELETE');
  sqlite.close();
  console.log(file);
}
