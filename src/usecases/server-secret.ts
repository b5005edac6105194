/**
 * Server secrets (the keys of tracking codes and survey links), kept outside the database: in the
 * owner-only key file of the data directory (io/secret-file.ts), or derived from SIGAP_SECRET_KEY
 * when the environment gives one (PostgreSQL deployments whose servers share no disk). A copy of
 * the database alone can then neither verify nor forge a code. Keys that older versions kept in
 * the `settings` table are moved into the key file on start (`moveSecretsOutOfDatabase`), so the
 * codes already handed out keep verifying.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { deleteStoredSecret, storedSecrets } from '../db/settings-repo.js';
import type { Database } from '../db/dialect.js';
import { addToSecretFile, readSecretFile } from '../io/secret-file.js';
import type { Ctx } from './context.js';

export async function serverSecret(ctx: Pick<Ctx, 'caches' | 'dataDir' | 'secretKey'>, key: string): Promise<string> {
  const cached = ctx.caches.secrets.get(key);
  if (cached) return cached;
  // A key moved out of the database (or made before SIGAP_SECRET_KEY was set) stays the key.
  const value =
    readSecretFile(ctx.dataDir)[key] ??
    (ctx.secretKey ? createHmac('sha256', ctx.secretKey).update(`sigap-secret:${key}`).digest('hex') : addToSecretFile(ctx.dataDir, { [key]: randomBytes(32).toString('hex') })[key]!);
  ctx.caches.secrets.set(key, value);
  return value;
}

/**
 * Moves every secret still in the database into the key file and deletes it from the table. A key
 * file that already holds a different value for a name keeps its own (it is the one in use) and the
 * database row is left for the operator, never silently dropped. Answers how many were moved.
 */
export async function moveSecretsOutOfDatabase(database: Database, dataDir: string): Promise<{ moved: number; conflicting: string[] }> {
  const rows = await storedSecrets(database.db);
  if (rows.length === 0) return { moved: 0, conflicting: [] };
  const inFile = addToSecretFile(dataDir, Object.fromEntries(rows.map((r) => [r.key, r.value])));
  const conflicting: string[] = [];
  let moved = 0;
  for (const r of rows) {
    if (inFile[r.key] !== r.value) {
      conflicting.push(r.key);
      continue;
    }
    await deleteStoredSecret(database.db, r.key);
    moved++;
  }
  return { moved, conflicting };
}
