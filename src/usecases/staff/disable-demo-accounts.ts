/** Production start (no demo mode): the demo accounts, whose password is published, stop signing in. */
import type { Database } from '../../db/dialect.js';
import { deactivateDemoAccounts } from '../../db/staff-repo.js';

/**
 * Switches off every `sigap-demo` account and deletes its sessions and API tokens, audited per
 * office. A later demo start (`npm start`) switches them on again; nothing else does.
 */
export async function disableDemoAccounts(database: Database, actor: string, now = new Date()): Promise<number> {
  return deactivateDemoAccounts(database, actor, now.toISOString());
}
