/** A real Sigap app over a fresh real database with the repository's standards loaded. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { Catalogue } from '../../src/usecases/catalogue.js';
import { loadStandards } from '../../src/usecases/load-standards.js';
import { freshDatabase, type TestDatabase } from './db.js';

export const STANDARDS_DIR = new URL('../../standards', import.meta.url).pathname;

export interface TestApp extends TestDatabase {
  app: FastifyInstance;
  catalogue: Catalogue;
  close(): Promise<void>;
}

export async function testApp(): Promise<TestApp> {
  const t = await freshDatabase();
  const loaded = await loadStandards(t.database, STANDARDS_DIR, 'test');
  if (!loaded.ok) throw new Error(`standards invalid:\n${loaded.problems.map((p) => `${p.file}:${p.line}: ${p.messageEn}`).join('\n')}`);
  const catalogue = await Catalogue.build(t.database);
  const app = await buildApp({ database: t.database, catalogue });
  await app.ready();
  return {
    ...t,
    app,
    catalogue,
    async close() {
      await app.close();
      await t.cleanup();
    },
  };
}
